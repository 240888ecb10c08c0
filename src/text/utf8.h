// Minimal UTF-8 helpers shared by the text layer.
//
// These work on already-validated UTF-8 (the output of Decode). Validation of
// untrusted bytes, with offsets of invalid sequences, lives in decode.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dondoc::text {

// Length in bytes of the UTF-8 sequence that starts with lead byte `b`;
// 1 for a continuation or invalid byte so that loops always advance.
inline size_t Utf8SequenceLength(unsigned char b) {
  if (b < 0x80) return 1;
  if ((b & 0xE0) == 0xC0) return 2;
  if ((b & 0xF0) == 0xE0) return 3;
  if ((b & 0xF8) == 0xF0) return 4;
  return 1;
}

// Decodes the code point at s[i] and advances i past it. On a malformed or
// truncated sequence returns U+FFFD and advances by one byte.
// Inline for ASCII and for well-formed two- and three-byte sequences (every
// Vietnamese letter): it runs on every character of every scan.
char32_t NextCodePointMultiByte(std::string_view s, size_t& i);
inline char32_t NextCodePoint(std::string_view s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  if ((b0 & 0xE0) == 0xC0 && i + 2 <= s.size()) {
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if ((b1 & 0xC0) == 0x80) {
      i += 2;
      return static_cast<char32_t>(((b0 & 0x1Fu) << 6) | (b1 & 0x3Fu));
    }
  } else if ((b0 & 0xF0) == 0xE0 && i + 3 <= s.size()) {
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    const auto b2 = static_cast<unsigned char>(s[i + 2]);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      i += 3;
      return static_cast<char32_t>(((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu));
    }
  }
  return NextCodePointMultiByte(s, i);
}

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string& out);

// Convenience: the UTF-8 encoding of one code point.
std::string Utf8(char32_t cp);

// Splits UTF-8 into code points.
std::u32string ToUtf32(std::string_view s);
std::string ToUtf8(std::u32string_view s);

}  // namespace dondoc::text
