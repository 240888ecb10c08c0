// Code charts of the legacy Vietnamese 8-bit encodings, and the Vietnamese
// letter table used to compose base letters with combining marks.
//
// The charts are written from the published code pages:
//  - TCVN3: TCVN 5712:1993 "VN3" (the ABC fonts .VnTime etc.). Bytes 0x80 and
//    up follow the standard's table (as glibc's TCVN5712-1 does); the C0
//    bytes stay control characters, because VN3 does not use the C0 slots
//    that the larger VN1 repertoire fills with capital letters.
//    0xB0-0xB4 are the five tone marks as combining characters.
//  - VNI-Windows: a composing encoding. Letters are ASCII; the vowel
//    modifiers (tone, circumflex, breve and their combinations) are separate
//    bytes that follow the letter. ơ ư đ and the i/ỵ forms are single bytes.
//    Bytes VNI does not use keep their Windows-1252 meaning.
//  - Windows-1258: Windows-1252 with Vietnamese letters and five combining
//    tone marks (0xCC 0xD2 0xDE 0xEC 0xF2) in place of some Latin-1 letters.
//
// Callers compose the resulting code point sequences with
// ComposeVietnamese() (and NFC for anything outside Vietnamese).
#pragma once

#include <cstdint>

namespace dondoc::text::legacy {

// A byte the code page leaves unassigned.
inline constexpr char32_t kUndefined = 0xFFFFFFFF;

// One code point per byte (kUndefined where unassigned).
char32_t Tcvn3ToUnicode(unsigned char b);
char32_t Windows1252ToUnicode(unsigned char b);
char32_t Windows1258ToUnicode(unsigned char b);

// VNI-Windows: a byte stands for up to two code points (a modifier byte that
// carries both a circumflex or breve and a tone gives two combining marks).
// `second` is 0 when the byte stands for one code point.
struct VniChars {
  char32_t first = 0;
  char32_t second = 0;
};
VniChars VniToUnicode(unsigned char b);

// Vietnamese letters. Vowel rows: a ă â e ê i o ô ơ u ư y; tones: none,
// grave, acute, hook above, tilde, dot below.
enum class Tone : uint8_t { kNone, kGrave, kAcute, kHook, kTilde, kDot };
inline constexpr int kVowelRows = 12;

struct LetterInfo {
  bool is_letter = false;  // an ASCII letter or a Vietnamese letter
  bool upper = false;
  char32_t base = 0;   // lower-case letter without tone: a ă â ... đ b c ...
  int vowel_row = -1;  // 0..11 for vowels, -1 for consonants
  Tone tone = Tone::kNone;
};

// Letter info for ASCII letters and the Vietnamese letters (134 precomposed
// plus đ Đ); is_letter is false for anything else.
LetterInfo LookupLetter(char32_t cp);

// True for the combining marks Vietnamese uses: five tones, circumflex,
// breve, horn.
bool IsVietnameseMark(char32_t cp);

// The precomposed letter for `base` followed by combining `mark`, or 0 when
// they do not compose to a single Vietnamese letter. Follows canonical
// composition: a toned letter takes a circumflex, breve or horn only when the
// tone is the dot below (ạ + ◌̂ = ậ), since the dot sorts before those marks.
char32_t ComposeVietnamese(char32_t base, char32_t mark);

}  // namespace dondoc::text::legacy
