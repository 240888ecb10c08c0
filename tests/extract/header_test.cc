// Header: kind, number, date, place, issuer, title, recipients and signer.
#include <gtest/gtest.h>

#include <string>

#include "extract/context.h"
#include "extract/steps.h"
#include "text/clean.h"

namespace dondoc::extract {
namespace {

DocumentInfo Header(const std::string& input) {
  static text::CleanedDocument doc;
  text::CleanOptions options;
  options.repair = false;
  auto cleaned = text::Clean(input, options, nullptr);
  EXPECT_TRUE(cleaned.ok());
  doc = std::move(cleaned.value());
  DocumentContext ctx;
  ctx.doc = &doc;
  ctx.outline = BuildOutline(doc.layout);
  return ExtractHeader(ctx);
}

TEST(HeaderTest, PlanWithFullHeaderBlock) {
  const DocumentInfo info = Header(
      "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\n\nSố: 215 /KH-UBND\n\nGia Lai, ngày 14 tháng 02 năm 2024\n\n"
      "KẾ HOẠCH\nTriển khai chuyển đổi số năm 2024\n\n"
      "I. MỤC ĐÍCH\n\n1. Nâng cao hiệu quả.\n");
  EXPECT_EQ(info.kind.value_or(""), "Kế hoạch");
  EXPECT_EQ(info.number.value_or(""), "215/KH-UBND");
  ASSERT_TRUE(info.date);
  EXPECT_EQ(info.date->Iso(), "2024-02-14");
  EXPECT_EQ(info.place.value_or(""), "Gia Lai");
  EXPECT_EQ(info.issuer.value_or(""), "Ủy ban nhân dân tỉnh Gia Lai");
  EXPECT_EQ(info.title.value_or(""), "Triển khai chuyển đổi số năm 2024");
}

TEST(HeaderTest, TwoColumnHeaderWithMottos) {
  const DocumentInfo info = Header(
      "TỈNH ỦY LÂM ĐỒNG ĐẢNG CỘNG SẢN VIỆT NAM\n*\n\nSố 41-CT/TU Đà Lạt, ngày 3 tháng 6 năm "
      "2023\n\nCHỈ THỊ\nvề tăng cường công tác dân vận\n\nNội dung chỉ thị.\n");
  EXPECT_EQ(info.kind.value_or(""), "Chỉ thị");
  EXPECT_EQ(info.number.value_or(""), "41-CT/TU");
  ASSERT_TRUE(info.date);
  EXPECT_EQ(info.date->Iso(), "2023-06-03");
  EXPECT_EQ(info.place.value_or(""), "Đà Lạt");
  EXPECT_EQ(info.issuer.value_or(""), "Tỉnh ủy Lâm Đồng");
}

TEST(HeaderTest, LetterWithVvAndKinhGui) {
  const DocumentInfo info = Header(
      "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN\n\nSố: 1961/QĐUBND\n\nV/v triển khai kế hoạch quý II\n\n"
      "Kính gửi:\n\n- Các sở, ban ngành;\n\n- UBND các huyện, thành phố.\n\n"
      "Ủy ban nhân dân tỉnh có ý kiến như sau.\n");
  EXPECT_EQ(info.kind.value_or(""), "Công văn");
  EXPECT_EQ(info.number.value_or(""), "1961/QĐUBND");
  EXPECT_EQ(info.title.value_or(""), "triển khai kế hoạch quý II");
  ASSERT_GE(info.recipients.size(), 2u);
  EXPECT_EQ(info.recipients[0], "Các sở, ban ngành");
  EXPECT_EQ(info.recipients[1], "UBND các huyện, thành phố");
}

TEST(HeaderTest, LetterWithoutKindHeading) {
  const DocumentInfo info = Header(
      "Kính gửi: Sở Tài chính.\n\nThực hiện chỉ đạo, đề nghị Sở báo cáo.\n\n"
      "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\n\nNguyễn Văn An\n");
  EXPECT_EQ(info.kind.value_or(""), "Công văn");
  EXPECT_FALSE(info.number);
  EXPECT_FALSE(info.date);
  EXPECT_EQ(info.signer.value_or(""), "Nguyễn Văn An");
  EXPECT_EQ(info.issuer.value_or(""), "Ủy ban nhân dân");
}

TEST(HeaderTest, ProgrammeAttachedToDecision) {
  const DocumentInfo info = Header(
      "CHƯƠNG TRÌNH HÀNH ĐỘNG\nvề cải cách hành chính năm 2024\n(Ban hành kèm theo Quyết định "
      "số 77 /QĐ-UBND ngày 05 tháng 01 năm 2024 của Ủy ban nhân dân tỉnh)\n\n"
      "Để thực hiện, Ủy ban nhân dân tỉnh xây dựng Chương trình hành động như sau:\n\n"
      "I. MỤC TIÊU\n");
  EXPECT_EQ(info.kind.value_or(""), "Chương trình hành động");
  EXPECT_EQ(info.number.value_or(""), "77/QĐ-UBND");
  ASSERT_TRUE(info.date);
  EXPECT_EQ(info.date->Iso(), "2024-01-05");
}

TEST(HeaderTest, AttachedProgrammeWithoutHeadingNamesItself) {
  const DocumentInfo info = Header(
      "năng lực cạnh tranh năm 2024\n\n(Ban hành kèm theo Quyết định số: 9/QĐ-UBND ngày 10 "
      "tháng 01 năm 2024 của Ủy ban nhân dân tỉnh)\n\n"
      "Để thực hiện tốt các nghị quyết, Ủy ban nhân dân tỉnh Sơn La xây dựng Chương trình hành "
      "động với các nhiệm vụ sau:\n\nI. BỐI CẢNH\n\nCác sở thực hiện tại tỉnh Sơn La.\n");
  EXPECT_EQ(info.kind.value_or(""), "Chương trình hành động");
  EXPECT_EQ(info.number.value_or(""), "9/QĐ-UBND");
  ASSERT_TRUE(info.date);
  EXPECT_EQ(info.date->Iso(), "2024-01-10");
  EXPECT_EQ(info.issuer.value_or(""), "Ủy ban nhân dân tỉnh Sơn La");
}

TEST(HeaderTest, ReportHeading) {
  const DocumentInfo info =
      Header("BÁO CÁO\nkết quả thực hiện nhiệm vụ năm 2023\n\nPhần thứ nhất\n\nNăm 2023 ...\n");
  EXPECT_EQ(info.kind.value_or(""), "Báo cáo");
  EXPECT_EQ(info.title.value_or(""), "kết quả thực hiện nhiệm vụ năm 2023");
  EXPECT_FALSE(info.number);
  EXPECT_FALSE(info.date);
}

TEST(HeaderTest, BodyDatesAndNumbersAreNotTheDocuments) {
  const DocumentInfo info = Header(
      "Thực hiện Nghị quyết số 12/NQ-CP ngày 05 tháng 4 năm 2024 của Chính phủ, các sở triển "
      "khai.\n\n1. Sở Tài chính chủ trì.\n");
  EXPECT_FALSE(info.number);
  EXPECT_FALSE(info.date);
  EXPECT_FALSE(info.kind);
}

TEST(HeaderTest, RecipientsFromNoiNhan) {
  const DocumentInfo info = Header(
      "KẾ HOẠCH\nPhát triển du lịch\n\nI. MỤC TIÊU\n\nNội dung.\n\nNơi nhận:\n- Thường trực Tỉnh "
      "ủy (b/c);\n- Các sở, ban ngành;\n- Lưu: VT, KTTH.\n");
  ASSERT_EQ(info.recipients.size(), 2u);
  EXPECT_EQ(info.recipients[0], "Thường trực Tỉnh ủy");
  EXPECT_EQ(info.recipients[1], "Các sở, ban ngành");
}

TEST(HeaderTest, CommitteeReportingInOpeningIsAReport) {
  const DocumentInfo info = Header(
      "Theo chương trình kỳ họp, Ủy ban nhân dân tỉnh Điện Biên báo cáo công tác 6 tháng như "
      "sau:\n\nI. TÌNH HÌNH\n\nNội dung.\n");
  EXPECT_EQ(info.kind.value_or(""), "Báo cáo");
}

}  // namespace
}  // namespace dondoc::extract
