// Lower-casing that keeps byte offsets.
//
// Extraction scans a lower-cased copy of a paragraph and reports positions
// in the original, so the copy must have the same length byte for byte. A
// character whose lower case has a different UTF-8 length (rare outside
// Vietnamese, e.g. U+0130) is left as it is.
#pragma once

#include <string>
#include <string_view>

namespace dondoc::text {

std::string LowerSameLength(std::string_view utf8);

}  // namespace dondoc::text
