// Outline: markers, nesting inferred from order, paths and headings.
#include "extract/outline.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/clean.h"

namespace dondoc::extract {
namespace {

std::vector<OutlineNode> Outline(const std::string& input, text::CleanedDocument* keep) {
  text::CleanOptions options;
  options.repair = false;
  auto doc = text::Clean(input, options, nullptr);
  EXPECT_TRUE(doc.ok());
  *keep = std::move(doc.value());
  return BuildOutline(keep->layout);
}

TEST(OutlineTest, RomanArabicLetterDashNest) {
  text::CleanedDocument doc;
  const auto nodes = Outline(
      "I. MỤC TIÊU\n\n1. Nhiệm vụ chung\n\na) Sở Tài chính chủ trì:\n\n- Rà soát các khoản chi.\n\n"
      "+ Báo cáo kết quả.\n\nb) Sở Xây dựng thực hiện.\n\nII. TỔ CHỨC THỰC HIỆN\n\n"
      "1. Giao Văn phòng theo dõi.\n",
      &doc);
  ASSERT_EQ(nodes.size(), 8u);
  EXPECT_EQ(nodes[0].marker, MarkerKind::kRoman);
  EXPECT_EQ(nodes[0].path, "I");
  EXPECT_EQ(nodes[1].marker, MarkerKind::kArabic);
  EXPECT_EQ(nodes[1].parent, 0);
  EXPECT_EQ(nodes[2].marker, MarkerKind::kLetter);
  EXPECT_EQ(nodes[2].path, "I.1.a");
  EXPECT_EQ(nodes[3].marker, MarkerKind::kDash);
  EXPECT_EQ(nodes[3].parent, 2);
  EXPECT_EQ(nodes[3].path, "I.1.a");
  EXPECT_EQ(nodes[4].marker, MarkerKind::kPlus);
  EXPECT_EQ(nodes[4].parent, 3);
  EXPECT_EQ(nodes[5].path, "I.1.b");
  EXPECT_EQ(nodes[5].parent, 1);
  EXPECT_EQ(nodes[6].path, "II");
  EXPECT_EQ(nodes[6].parent, -1);
  EXPECT_EQ(nodes[7].path, "II.1");
  EXPECT_EQ(nodes[7].depth, 2);
  EXPECT_TRUE(nodes[0].is_heading);
  EXPECT_TRUE(nodes[2].is_heading);  // ends with ":"
  EXPECT_TRUE(nodes[3].is_heading);  // a "+" item follows
  EXPECT_FALSE(nodes[4].is_heading);
  EXPECT_FALSE(nodes[5].is_heading);
}

TEST(OutlineTest, DecimalUnderArabicAndStartWithoutRoman) {
  text::CleanedDocument doc;
  const auto nodes =
      Outline("2. Mục tiêu cụ thể\n\n2.1. Đến năm 2030\n\n2.1.1. Kinh tế\n\n2.2. Tầm nhìn\n", &doc);
  ASSERT_EQ(nodes.size(), 4u);
  EXPECT_EQ(nodes[0].depth, 1);
  EXPECT_EQ(nodes[1].marker, MarkerKind::kDecimal);
  EXPECT_EQ(nodes[1].path, "2.1");
  EXPECT_EQ(nodes[2].path, "2.1.1");
  EXPECT_EQ(nodes[2].parent, 1);
  EXPECT_EQ(nodes[3].parent, 0);
  EXPECT_EQ(nodes[3].path, "2.2");
}

TEST(OutlineTest, PartsAndVietnameseLetterDd) {
  text::CleanedDocument doc;
  const auto nodes = Outline(
      "Phần thứ nhất\n\nI. KẾT QUẢ\n\nđ) Về môi trường\n\nPhần thứ hai\n\nĐiều 1. Phạm vi\n", &doc);
  ASSERT_EQ(nodes.size(), 5u);
  EXPECT_EQ(nodes[0].marker, MarkerKind::kPart);
  EXPECT_EQ(nodes[1].parent, 0);
  EXPECT_EQ(nodes[2].marker, MarkerKind::kLetter);
  EXPECT_EQ(nodes[2].label, "đ");
  EXPECT_EQ(nodes[2].parent, 1);
  EXPECT_EQ(nodes[3].parent, -1);
  EXPECT_EQ(nodes[4].marker, MarkerKind::kPart);
  EXPECT_EQ(nodes[4].parent, 3);  // Điều under Phần
}

TEST(OutlineTest, BodyTextBelongsToEnclosingHeading) {
  text::CleanedDocument doc;
  const auto nodes = Outline(
      "1. Bối cảnh tình hình\n\nNăm 2022 là năm quan trọng.\n\n- Một ý.\n\nĐoạn tiếp theo.\n",
      &doc);
  ASSERT_EQ(nodes.size(), 4u);
  EXPECT_EQ(nodes[1].marker, MarkerKind::kNone);
  EXPECT_EQ(nodes[1].parent, 0);
  EXPECT_TRUE(nodes[0].is_heading);  // short title followed by body text
  EXPECT_EQ(nodes[3].parent, 0);     // not under the dash item
}

TEST(OutlineTest, NumbersAreNotMarkers) {
  text::CleanedDocument doc;
  const auto nodes = Outline(
      "2023 là năm bản lề.\n\n4.500 tỷ đồng thu ngân sách.\n\n1.Thiếu dấu cách.\n\n"
      "Không có số.\n\nb/ không phải mục.\n\n-5% so với kế hoạch.\n",
      &doc);
  ASSERT_GE(nodes.size(), 5u);
  for (const OutlineNode& n : nodes) EXPECT_EQ(n.marker, MarkerKind::kNone) << n.paragraph;
}

TEST(OutlineTest, LongLineStaysLinear) {
  text::CleanedDocument doc;
  std::string input = "I. ";
  input.append(2'000'000, 'a');
  input += "\n";
  const auto nodes = Outline(input, &doc);
  ASSERT_EQ(nodes.size(), 1u);
  EXPECT_EQ(nodes[0].marker, MarkerKind::kRoman);
}

}  // namespace
}  // namespace dondoc::extract
