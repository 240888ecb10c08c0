#include "text/case.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace dondoc::text {

namespace {

bool IsContinuation(uint8_t b) { return (b & 0xC0) == 0x80; }

}  // namespace

// ASCII and the common Vietnamese letters are lowered byte-wise in place
// (this runs on every paragraph, several times); everything else goes
// through ICU.
std::string LowerSameLength(std::string_view text) {
  std::string out(text);
  auto* o = reinterpret_cast<uint8_t*>(out.data());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    const uint8_t b = s[i];
    if (b < 0x80) {
      if (static_cast<uint8_t>(b - 'A') < 26) o[i] = static_cast<uint8_t>(b | 0x20);
      ++i;
      continue;
    }
    // U+00C0..U+00DE but U+00D7 (À..Þ): the lower case is 0x20 further.
    if (b == 0xC3 && i + 1 < length && IsContinuation(s[i + 1])) {
      if (s[i + 1] <= 0x9E && s[i + 1] != 0x97) o[i + 1] = static_cast<uint8_t>(s[i + 1] + 0x20);
      i += 2;
      continue;
    }
    // U+1EA0..U+1EFF (Ạ..ỿ, the toned Vietnamese vowels): upper case even,
    // lower case odd.
    if (b == 0xE1 && i + 2 < length && IsContinuation(s[i + 2]) &&
        ((s[i + 1] == 0xBA && s[i + 2] >= 0xA0) || s[i + 1] == 0xBB)) {
      o[i + 2] = static_cast<uint8_t>(s[i + 2] | 1);
      i += 3;
      continue;
    }
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0) continue;
    const UChar32 l = u_tolower(c);
    if (l == c || U8_LENGTH(l) != i - start) continue;
    int32_t j = 0;
    uint8_t buf[4];
    UBool error = false;
    U8_APPEND(buf, j, 4, l, error);
    if (error) continue;
    for (int32_t k = 0; k < j; ++k) {
      out[static_cast<size_t>(start) + static_cast<size_t>(k)] = static_cast<char>(buf[k]);
    }
  }
  return out;
}

}  // namespace dondoc::text
