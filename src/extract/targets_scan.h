// Shared scanning for the targets and results steps: where a document sets
// targets (a "chỉ tiêu" section, the "next year" part of a report) and where
// it reports results (the past part of a report); clauses; the figures of a
// clause with their units, leaving out what is not a measure (years, dates,
// ranks, document numbers, list markers); and the small word tests both
// grammars use. All scans are linear in the text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/context.h"

namespace dondoc::extract::scan {

// Lower-cased copy of UTF-8 text with the same byte offsets (Vietnamese
// letters keep their length when lower-cased; others are copied).
std::string Lower(std::string_view text);

// [begin, end) byte ranges split at ";" and at sentence ends (". " before a
// capital or the end), never inside a number ("4.500") or parentheses.
struct Range {
  size_t begin = 0;
  size_t end = 0;
};
std::vector<Range> SplitClauses(std::string_view text);

// A number with its unit, as read from a clause.
struct Figure {
  double value = 0;
  std::optional<double> high;  // "19-20%": value 19, high 20
  std::string unit;            // canonical; "" when none
  size_t begin = 0;            // number start
  size_t end = 0;              // end of the unit (or number)
  bool per_total = false;      // written "N/M ..." (M is dropped)
};

// Figures of `text` (lower-cased copy `lower`), without years, dates,
// ordinals ("thứ 22", "lần thứ 3"), ranks ("37/63"), document numbers,
// list markers ("(1)") and unit-less numbers.
std::vector<Figure> FindFigures(std::string_view text, std::string_view lower);

// True when lower[..pos) ends with `word` (after skipping spaces) at a word
// boundary.
bool EndsWithWord(std::string_view lower, size_t pos, std::string_view word);
// True when lower[pos..) starts with `word` (after skipping spaces) at a
// word boundary.
bool StartsWithWord(std::string_view lower, size_t pos, std::string_view word);
// Position of `needle` in lower[begin, end), or npos.
size_t FindIn(std::string_view lower, size_t begin, size_t end, std::string_view needle);

// Trims spaces and punctuation , ; : . - + from both ends.
std::string_view Trim(std::string_view s);

// True when the paragraph opens with an outline marker ("II.", "1.", "a)",
// "-", "Phần thứ").
bool StartsWithMarker(std::string_view lower);

// What a paragraph's position says about the figures in it.
enum class Zone { kNone, kTargets, kResults };

struct DocumentZones {
  bool is_report = false;           // a "Báo cáo": past figures are results
  std::vector<Zone> paragraph;      // one per paragraph
  std::vector<std::string> period;  // year of the enclosing section heading, or ""
};
DocumentZones ClassifyParagraphs(const DocumentContext& ctx);

// The agency that leads a paragraph written "Giám đốc Sở X: ..." or "Sở X:
// ...": its canonical name; *body is set to the byte after the colon.
std::optional<std::string> LeadAgency(const DocumentContext& ctx, std::string_view text,
                                      size_t* body);

}  // namespace dondoc::extract::scan
