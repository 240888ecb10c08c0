#include "extract/context.h"

#include <algorithm>

#include "text/case.h"

namespace dondoc::extract {
namespace {

Span SpanOfText(const text::CleanedDocument& doc, const text::MappedText& t, size_t begin,
                size_t end) {
  end = std::min(end, t.size());
  if (begin >= end) return {};
  const text::SourceSpan s = doc.source.SpanOf(t, begin, end);
  Span span;
  span.start = s.start;
  span.end = s.end;
  span.line_start = doc.source.LineOf(s.start);
  span.line_end = doc.source.LineOf(s.end > s.start ? s.end - 1 : s.start);
  return span;
}

}  // namespace

std::string_view DocumentContext::ParagraphLower(size_t i) const {
  if (cache_.lower.size() != paragraphs().size()) {
    cache_.lower.clear();
    cache_.lower.resize(paragraphs().size());
  }
  std::optional<std::string>& lower = cache_.lower[i];
  if (!lower) lower = text::LowerSameLength(ParagraphText(i));
  return *lower;
}

const std::vector<AgencyMention>& DocumentContext::ParagraphMentions(size_t i) const {
  if (cache_.mentions.size() != paragraphs().size()) {
    cache_.mentions.clear();
    cache_.mentions.resize(paragraphs().size());
  }
  std::optional<std::vector<AgencyMention>>& mentions = cache_.mentions[i];
  if (!mentions) mentions = agencies->Find(ParagraphText(i));
  return *mentions;
}

Span DocumentContext::SpanOf(size_t paragraph, size_t begin, size_t end) const {
  return SpanOfText(*doc, paragraphs()[paragraph].text, begin, end);
}

Span DocumentContext::FootnoteSpanOf(size_t footnote, size_t begin, size_t end) const {
  return SpanOfText(*doc, doc->layout.footnotes[footnote].text, begin, end);
}

Span DocumentContext::Union(const Span& a, const Span& b) {
  if (a.end == 0 && a.start == 0) return b;
  if (b.end == 0 && b.start == 0) return a;
  return {std::min(a.line_start, b.line_start), std::max(a.line_end, b.line_end),
          std::min(a.start, b.start), std::max(a.end, b.end)};
}

}  // namespace dondoc::extract
