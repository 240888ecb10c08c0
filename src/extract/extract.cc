#include "extract/extract.h"

#include "extract/context.h"
#include "extract/dates.h"
#include "extract/steps.h"

namespace dondoc::extract {
namespace {

// Real paragraphs are a few kilobytes. A pathological one (a 50 MB line) is
// cut into pieces at sentence or word boundaries before the steps see it,
// so no step's cost can grow with the square of a paragraph's length.
constexpr size_t kMaxParagraphBytes = size_t{64} * 1024;

// End of the piece that starts at `begin`: after the last ". ", "; " or
// space within the limit, or at a character boundary when there is none.
size_t PieceEnd(std::string_view s, size_t begin) {
  const size_t limit = begin + kMaxParagraphBytes;
  if (limit >= s.size()) return s.size();
  // Look only in the second half of the window: rfind over the whole text
  // would make each piece cost the length of everything before it.
  const size_t from = begin + kMaxParagraphBytes / 2;
  const std::string_view window = s.substr(from, limit - from);
  for (std::string_view sep : {". ", "; ", " "}) {
    const size_t at = window.rfind(sep);
    if (at != std::string_view::npos) return from + at + sep.size();
  }
  size_t end = limit;
  while (end > begin + 1 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return end;
}

// A copy of `doc` whose overlong paragraphs are split; footnotes follow the
// piece that holds their marker. Returns false when nothing needs splitting.
bool SplitLongParagraphs(const text::CleanedDocument& doc, text::CleanedDocument* out) {
  bool any = false;
  for (const text::Paragraph& p : doc.layout.paragraphs) any |= p.text.size() > kMaxParagraphBytes;
  if (!any) return false;
  *out = doc;
  out->layout.paragraphs.clear();
  std::vector<size_t> first_piece;  // old paragraph -> index of its first piece
  for (const text::Paragraph& p : doc.layout.paragraphs) {
    first_piece.push_back(out->layout.paragraphs.size());
    const std::string_view s = p.text.text();
    for (size_t begin = 0; begin < s.size();) {
      const size_t end = PieceEnd(s, begin);
      out->layout.paragraphs.push_back({p.text.Slice(begin, end)});
      begin = end;
    }
    if (s.empty()) out->layout.paragraphs.push_back(p);
  }
  for (text::Footnote& f : out->layout.footnotes) {
    if (f.paragraph >= first_piece.size()) continue;
    size_t piece = first_piece[f.paragraph];
    size_t offset = f.marker_offset;
    while (piece + 1 < out->layout.paragraphs.size() &&
           offset >= out->layout.paragraphs[piece].text.size() &&
           (f.paragraph + 1 >= first_piece.size() || piece + 1 < first_piece[f.paragraph + 1])) {
      offset -= out->layout.paragraphs[piece].text.size();
      ++piece;
    }
    f.paragraph = piece;
    f.marker_offset = offset;
  }
  return true;
}

}  // namespace

Result<std::unique_ptr<Extractor>> Extractor::Create(const ExtractOptions& options) {
  auto agencies = Gazetteer::LoadDefault(options.province);
  if (!agencies.ok()) return agencies.status();
  return std::unique_ptr<Extractor>(new Extractor(std::move(agencies.value())));
}

Extraction Extractor::Run(const text::CleanedDocument& original) const {
  text::CleanedDocument split;
  const text::CleanedDocument& doc = SplitLongParagraphs(original, &split) ? split : original;
  DocumentContext ctx;
  ctx.doc = &doc;
  ctx.agencies = agencies_.get();
  ctx.outline = BuildOutline(doc.layout);

  Extraction out;
  out.document = ExtractHeader(ctx);
  ctx.date = out.document.date;
  ctx.header = &out.document;
  out.references = ExtractReferences(ctx);
  out.tasks = ExtractTasks(ctx);
  out.targets = ExtractTargets(ctx);
  out.results = ExtractResults(ctx);
  out.task_stats = ExtractTaskStats(ctx);
  out.reporting_rules = ExtractReportingRules(ctx);
  return out;
}

}  // namespace dondoc::extract
