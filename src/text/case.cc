#include "text/case.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace dondoc::text {

std::string LowerSameLength(std::string_view text) {
  std::string out(text);
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0) continue;
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') out[static_cast<size_t>(start)] = static_cast<char>(c + 32);
      continue;
    }
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
