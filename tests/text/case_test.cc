#include "text/case.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include "text/utf8.h"

namespace dondoc::text {
namespace {

TEST(CaseTest, LowersVietnameseAndAsciiKeepingLength) {
  const std::string in = "ỦY BAN NHÂN DÂN TỈNH Đắk Lắk";
  const std::string out = LowerSameLength(in);
  EXPECT_EQ(out, "ủy ban nhân dân tỉnh đắk lắk");
  EXPECT_EQ(out.size(), in.size());
}

TEST(CaseTest, LeavesCharactersWhoseLowerCaseChangesLength) {
  // U+0130 (İ, 2 bytes) lowers to 'i' (1 byte): kept so offsets stay true.
  const std::string in =
      "A\xC4\xB0"
      "B";
  EXPECT_EQ(LowerSameLength(in),
            "a\xC4\xB0"
            "b");
}

TEST(CaseTest, InvalidBytesPassThrough) {
  const std::string in =
      "X\xFF"
      "Y";
  EXPECT_EQ(LowerSameLength(in),
            "x\xFF"
            "y");
}

TEST(CaseTest, EveryCodePointLowersAsIcuSays) {
  // ASCII and common Vietnamese letters take byte-wise paths; every code
  // point must still get ICU's lower case when it has the same length.
  for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    std::string in;
    AppendUtf8(static_cast<char32_t>(c), in);
    std::string want;
    AppendUtf8(static_cast<char32_t>(u_tolower(c)), want);
    if (want.size() != in.size()) want = in;
    ASSERT_EQ(LowerSameLength("X" + in + "Y"), "x" + want + "y") << std::hex << c;
  }
}

}  // namespace
}  // namespace dondoc::text
