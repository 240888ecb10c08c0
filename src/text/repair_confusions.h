// The font confusions observed in broken PDF fonts, shared by the repair
// (glyph -> possible letters) and the damage generator (letter -> glyph).
//
// Two maps were seen in one document (corpus 000):
//   - a body font that shifts three letters: ủ->ā, ụ->ÿ, Ủ->Ā;
//   - a heading/bold font that maps several letters onto one code point
//     (ß = ệ/ố/ồ/ộ/ị, ¿ = ạ/ế, ...), where the capital of a letter is the
//     code point just below the glyph of the lower-case letter (ß U+00DF,
//     Þ U+00DE).
// Other broken fonts map differently; repair therefore also tries every
// Vietnamese letter for a symbol it does not know.
#pragma once

#include <cstdint>
#include <string_view>

namespace dondoc::text::repair_internal {

// Lower-case readings of a damaged glyph, most likely first. Readings are
// lower case: the case of the repaired letter follows the word.
struct GlyphReadings {
  std::u32string_view letters;
  // True when the glyph is itself a Vietnamese letter (á, à, ă, ...): the
  // glyph may then also stand for itself.
  bool is_real_letter = false;
  // True for the capital form (the code point one below the lower-case
  // glyph): the letter it stands for is a capital.
  bool capital_form = false;
};

// Readings of `cp` when it is a known damaged glyph (either case form);
// empty letters otherwise.
GlyphReadings ReadingsOf(char32_t cp);

// True for code points that never occur inside correct Vietnamese words but
// do occur inside damaged ones: known non-letter glyphs, Latin-1 and Latin
// Extended letters that are not Vietnamese, U+FFFD.
bool IsSuspiciousCodePoint(char32_t cp);

// The letters of the heading font damage, for the generator: returns the
// glyph that `letter` (any case) becomes, or 0 when the font keeps it.
char32_t HeadingGlyph(char32_t letter);
// The body font shift: ủ->ā, ụ->ÿ, Ủ->Ā (others unchanged: returns 0).
char32_t BodyGlyph(char32_t letter);

}  // namespace dondoc::text::repair_internal
