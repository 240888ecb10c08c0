#include "text/case.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace dondoc::text
