// Font-damage generator: makes clean Vietnamese text look like the output of
// a PDF with broken fonts, for measuring and testing the repair.
//
// It applies the two maps observed in real documents (see
// repair_confusions.h): the body shift (ủ->ā, ụ->ÿ, Ủ->Ā) everywhere, and the
// lossy heading map on heading lines (all-capital lines, numbered headings
// such as "1. ..." or "II. ...") and on random "bold" runs of words chosen by
// a seeded generator. Curly quotes become '<' and '='. Every letter maps to
// exactly one code point, so the damaged text has as many code points as the
// clean one and can be compared position by position. Deterministic by seed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace dondoc::text {

struct FontDamageOptions {
  uint64_t seed = 1;
  // Chance that a word of a body line starts a bold run.
  double bold_run_rate = 0.01;
  // A bold run covers 1..bold_run_max_words words.
  int bold_run_max_words = 6;
  bool damage_quotes = true;
  // Use a heading font the repair tables do not know: every toned letter
  // damaged by the real heading font gets its own arbitrary Latin-1 symbol
  // instead. Measures the generic fallback.
  bool unknown_heading_font = false;
};

// `clean` must be NFC UTF-8.
std::string DamageFont(std::string_view clean, const FontDamageOptions& options);

// True for lines the heading font would be used on: mostly capital letters,
// or a numbered heading ("1.", "2.3.", "II.", "a)") followed by text.
bool LooksLikeHeadingLine(std::string_view line);

}  // namespace dondoc::text
