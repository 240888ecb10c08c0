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
//
// Letters are looked up in constant-time tables built at compile time; the
// syllable check works on a small fixed buffer and never allocates, because
// it runs on every word of large documents.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "text/utf8.h"

namespace dondoc::text {

enum class Tone { kNone, kGrave, kAcute, kHook, kTilde, kDot };

struct LetterParts {
  char32_t base = 0;  // lower-case base letter without tone, e.g. U+01B0 for ư, ư from ự
  Tone tone = Tone::kNone;
  bool upper = false;
  bool is_vietnamese_letter = false;  // false for non-letters and foreign letters
};

// Splits a Vietnamese letter (the 12 vowels with any tone, đ, and the plain
// consonants b c d g h k l m n p q r s t v x, either case). For any other code
// point, including the non-Vietnamese Latin letters f j w z, returns
// {cp, kNone, false, false}.
LetterParts SplitLetter(char32_t cp);

// Inverse of SplitLetter: ComposeLetter(SplitLetter(c)) == c for every
// Vietnamese letter c. `base` must be a lower-case Vietnamese base letter.
// Returns 0 when the combination does not exist (a tone on a consonant, an
// unknown base with a tone); an unknown base with kNone is returned as is.
char32_t ComposeLetter(char32_t base, Tone tone, bool upper);

// True for the vowel bases a ă â e ê i o ô ơ u ư y (lower case, no tone).
bool IsVietnameseVowelBase(char32_t base);

// True when `word` (NFC UTF-8, one syllable, any case) is a valid Vietnamese
// syllable by its spelling rules: onset + (medial) + nucleus + (coda), the
// spelling of k/c, g/gh, ng/ngh, qu and gi, stop codas taking only sắc or
// nặng, and the tone mark on the main vowel (both the "hòa" and "hoà"
// placements are accepted). Accepted cases: all lower, all upper, or an
// upper-case first letter ("Ủy"). Letters f j w z make the word invalid.
bool IsValidSyllable(std::string_view word);

// True when `word` is clearly not meant as a Vietnamese syllable: it contains
// a letter outside the Vietnamese alphabet (f j w z, ß, ü, ...), or it is an
// all-capital word of two or more letters that is not a valid syllable
// ("UBND", "HĐND", "PDF"). Text repair should leave such words alone.
bool IsForeignOrAcronym(std::string_view word);

// ComparisonKey: NFC, lower case, and in every word that is a Vietnamese
// syllable the tone mark moved to its canonical vowel ("hòa", "thủy",
// "khỏe", "quả", "người"). Other text is only lower-cased. Idempotent.
std::string ComparisonKey(std::string_view utf8);
// SearchKey: ComparisonKey without any diacritic, đ mapped to d, and other
// accented letters folded to their base ("é" -> "e"). Idempotent.
std::string SearchKey(std::string_view utf8);

// True for code points that belong to a word: letters (ASCII, Vietnamese, or
// any Unicode letter) and combining marks. Digits and punctuation are not.
bool IsWordCodePointSlow(char32_t cp);
inline bool IsWordCodePoint(char32_t cp) {
  if (cp < 0x80) return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  return IsWordCodePointSlow(cp);
}

// Calls fn(begin, end) with the byte range of every maximal run of word code
// points in `text` (see IsWordCodePoint), in order.
template <typename Fn>
void ForEachWord(std::string_view text, Fn&& fn) {
  size_t i = 0;
  size_t start = 0;
  bool in_word = false;
  while (i < text.size()) {
    const size_t at = i;
    const char32_t cp = NextCodePoint(text, i);
    const bool word = IsWordCodePoint(cp);
    if (word && !in_word) {
      start = at;
      in_word = true;
    } else if (!word && in_word) {
      fn(start, at);
      in_word = false;
    }
  }
  if (in_word) fn(start, text.size());
}

}  // namespace dondoc::text
