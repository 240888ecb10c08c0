// Line-level helpers for the layout module: whitespace, letter case,
// outline markers, headings, document header lines and footnote markers.
//
// Everything here looks at one line (or the few bytes around a position)
// and runs in time proportional to what it looks at, so BuildLayout stays
// linear. Split out of layout.cc so the rules can be read (and tested) on
// their own; nothing outside the layout module should need this header.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace dondoc::text::layout_internal {

// Byte length of the whitespace character that starts at s[i] (ASCII
// whitespace including LF, NBSP, U+2000..U+200A, U+202F, U+205F, U+3000), or 0.
// Inline: it runs on most bytes of the text.
inline size_t SpaceAt(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    return (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '\n') ? 1 : 0;
  }
  if (c == 0xC2) {
    return (i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) ? 2 : 0;
  }
  if ((c == 0xE2 || c == 0xE3) && i + 2 < s.size()) {
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    const auto c2 = static_cast<unsigned char>(s[i + 2]);
    if (c == 0xE2 && c1 == 0x80 && (c2 <= 0x8A || c2 == 0xAF)) return 3;
    if (c == 0xE2 && c1 == 0x81 && c2 == 0x9F) return 3;
    if (c == 0xE3 && c1 == 0x80 && c2 == 0x80) return 3;
  }
  return 0;
}
// Cheap pre-test: false means the byte cannot start a whitespace character.
inline bool MaybeSpace(unsigned char c) { return c <= 0x20 || c == 0xC2 || c == 0xE2 || c == 0xE3; }
// Byte length of the whitespace character that ends just before s[e], not
// reaching before b, or 0.
size_t SpaceBefore(std::string_view s, size_t b, size_t e);

enum class Case : uint8_t { kNone, kUpper, kLower, kDigit, kOther };
Case CaseOf(char32_t cp);

// Case of the first letter or digit of `t`, skipping opening quotes and
// brackets; kOther if the first such character is something else.
Case FirstCase(std::string_view t);

enum class Marker : uint8_t {
  kNone,
  kRoman,   // I. II) IV.
  kArabic,  // 1. 2) 1.1. 1.2.3
  kLetter,  // a) đ) b.
  kParen,   // (1) (a)
  kDash,    // - + – —: also dashes inside a wrapped sentence
  kBullet,  // • * ▪ and symbol-font bullets
  kLegal,   // Điều 5. / Chương II / Mục 1 / Phần thứ nhất
};

// Outline or bullet marker at the start of the trimmed line `t`; sets `len`
// to its byte length (not counting the space after it).
Marker ParseMarker(std::string_view t, size_t* len);

// A line whose letters are (almost) all upper case: a heading. `no_lower`
// tells whether it has capitals and no lower-case letter at all ("NĂM 2023").
bool IsAllCaps(std::string_view t, bool* no_lower);

// Document header lines: Quốc hiệu, "Độc lập - Tự do - Hạnh phúc",
// "Số: ...", "<place>, ngày .. tháng .. năm ..".
bool IsHeaderLine(std::string_view t);
bool IsPlaceDateLine(std::string_view t);

// Last character (skipping closing quotes and brackets) ends a sentence or
// a clause: . ; : ! ? …
bool EndsFinal(std::string_view t);
bool EndsComma(std::string_view t);
// The last word asks for a number after it ("số", "ngày", "đạt", ...).
bool EndsNumberWord(std::string_view t);
// The last word cannot end a sentence ("và", "của", "các", ...).
bool EndsJoinWord(std::string_view t);
// "QĐ-" at the end of a line: a reference code cut at its hyphen.
bool EndsGluedHyphen(std::string_view t);
// The first token looks like the rest of a reference code: "UBND", "TTg", "2025".
bool StartsCode(std::string_view t);

// A line of only - _ = * ~ (at least 3): decoration; `rule_chars` counts the
// - and _ in it (a footnote separator has several).
bool IsDecoration(std::string_view t, size_t* rule_chars);

// A lone page number: 1-3 digits without a leading zero, or "- N -".
bool LonePageNumber(std::string_view t, int* value);

enum class NoteStyle : uint8_t { kParen, kBare, kSuperscript };

// Footnote body marker at the start of a line after a separator:
// "(1) text", "1 Text", "1 (1) text", "¹ text". Sets the number, style and
// the marker's byte length.
bool ParseNoteMarker(std::string_view t, int* number, NoteStyle* style, size_t* len);

// Superscript digit at s[i] (¹²³⁰⁴-⁹): its value, byte length in `len`; or -1.
int SuperscriptDigitAt(std::string_view s, size_t i, size_t* len);

}  // namespace dondoc::text::layout_internal
