// What every extraction step reads: the cleaned document, its outline, the
// agency gazetteer and the document date, plus span helpers that map a byte
// range of a paragraph (or footnote) back to the original input.
//
// Several steps read the same paragraph lower-cased and search it for
// agencies; the context makes each of those once per paragraph, on first
// use, and keeps it for the rest of the run. A context belongs to one
// Extractor::Run (one thread).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/agencies.h"
#include "extract/model.h"
#include "extract/outline.h"
#include "text/clean.h"

namespace dondoc::extract {

struct DocumentContext {
  const text::CleanedDocument* doc = nullptr;
  const Gazetteer* agencies = nullptr;
  std::vector<OutlineNode> outline;      // one per paragraph
  std::optional<Date> date;              // the document's own date, when found
  const DocumentInfo* header = nullptr;  // ExtractHeader's result, once it has run

  const std::vector<text::Paragraph>& paragraphs() const { return doc->layout.paragraphs; }
  std::string_view ParagraphText(size_t i) const { return paragraphs()[i].text.text(); }
  const Date* DateOrNull() const { return date ? &*date : nullptr; }

  // text::LowerSameLength(ParagraphText(i)), made once.
  std::string_view ParagraphLower(size_t i) const;
  // agencies->Find(ParagraphText(i)), made once.
  const std::vector<AgencyMention>& ParagraphMentions(size_t i) const;

  // Span of bytes [begin, end) of paragraph `i` (whole paragraph by default).
  Span SpanOf(size_t paragraph, size_t begin = 0, size_t end = std::string_view::npos) const;
  // Span of a footnote's text range.
  Span FootnoteSpanOf(size_t footnote, size_t begin = 0, size_t end = std::string_view::npos) const;
  // Smallest span covering both.
  static Span Union(const Span& a, const Span& b);

 private:
  struct Cache {
    std::vector<std::optional<std::string>> lower;
    std::vector<std::optional<std::vector<AgencyMention>>> mentions;
  };
  mutable Cache cache_;
};

}  // namespace dondoc::extract
