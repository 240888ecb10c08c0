// Vietnamese letters and syllables.
//
// A Vietnamese letter is a base letter (a ă â e ê i o ô ơ u ư y d đ ...) plus
// at most one tone mark (ngang, huyền, sắc, hỏi, ngã, nặng). These helpers
// split and rebuild letters, check whether a word is a well-formed Vietnamese
// syllable (onset + rhyme + tone constraints), and compute the keys used to
// compare and search text:
//   - ComparisonKey: NFC, lower case, tone mark on one canonical vowel
//     ("hoà" and "hòa", "thuỷ" and "thủy" get the same key);
//   - SearchKey: additionally drops every diacritic and maps đ to d.
// The displayed text always keeps the author's own form.
#pragma once

#include <string>
#include <string_view>

namespace dondoc::text {

enum class Tone { kNone, kGrave, kAcute, kHook, kTilde, kDot };

struct LetterParts {
  char32_t base = 0;  // lower-case base letter without tone, e.g. U+01B0 for ư, ư from ự
  Tone tone = Tone::kNone;
  bool upper = false;
  bool is_vietnamese_letter = false;  // false for non-letters and foreign letters
};

LetterParts SplitLetter(char32_t cp);
char32_t ComposeLetter(char32_t base, Tone tone, bool upper);

// True when `word` (NFC UTF-8, one syllable, any case) is a valid Vietnamese
// syllable by its spelling rules.
bool IsValidSyllable(std::string_view word);

std::string ComparisonKey(std::string_view utf8);
std::string SearchKey(std::string_view utf8);

}  // namespace dondoc::text
