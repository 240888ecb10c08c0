// References: one test per citation pattern, plus negative cases.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/context.h"
#include "extract/references_scan.h"
#include "extract/steps.h"
#include "text/clean.h"

namespace dondoc::extract {
namespace {

struct Fixture {
  text::CleanedDocument doc;
  DocumentContext ctx;
};

std::vector<Reference> Refs(const std::string& input) {
  static Fixture f;  // keeps the document alive for the returned spans
  text::CleanOptions options;
  options.repair = false;
  auto doc = text::Clean(input, options, nullptr);
  EXPECT_TRUE(doc.ok());
  f.doc = std::move(doc.value());
  f.ctx = DocumentContext{};
  f.ctx.doc = &f.doc;
  f.ctx.outline = BuildOutline(f.doc.layout);
  return ExtractReferences(f.ctx);
}

const Reference* Find(const std::vector<Reference>& refs, const std::string& number) {
  for (const Reference& r : refs) {
    if (r.number && *r.number == number) return &r;
  }
  return nullptr;
}

TEST(ReferencesTest, KindNumberDateIssuerTitle) {
  const auto refs = Refs(
      "Thực hiện Nghị quyết số 07/NQ-CP ngày 12/02/2021 của Chính phủ về phát triển du lịch; "
      "các sở triển khai.\n");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].kind, "Nghị quyết");
  EXPECT_EQ(*refs[0].number, "07/NQ-CP");
  ASSERT_TRUE(refs[0].date);
  EXPECT_EQ(refs[0].date->Iso(), "2021-02-12");
  EXPECT_EQ(refs[0].issuer.value_or(""), "Chính phủ");
  EXPECT_EQ(refs[0].title.value_or(""), "về phát triển du lịch");
  EXPECT_EQ(refs[0].span.line_start, 1u);
  EXPECT_GT(refs[0].span.end, refs[0].span.start);
}

TEST(ReferencesTest, LongDateAndPartySymbol) {
  const auto refs =
      Refs("Căn cứ Chỉ thị số 09-CT/TU ngày 05 tháng 7 năm 2022 của Ban Thường vụ Tỉnh ủy.\n");
  const Reference* r = Find(refs, "09-CT/TU");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->kind, "Chỉ thị");
  ASSERT_TRUE(r->date);
  EXPECT_EQ(r->date->Iso(), "2022-07-05");
  EXPECT_EQ(r->issuer.value_or(""), "Ban Thường vụ Tỉnh ủy");
}

TEST(ReferencesTest, SpacedNumberIsCanonical) {
  const auto refs = Refs("Theo Quyết định số: 417 /QĐ-UBND ngày 02-3-2020 của UBND tỉnh.\n");
  const Reference* r = Find(refs, "417/QĐ-UBND");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->kind, "Quyết định");
  ASSERT_TRUE(r->date);
  EXPECT_EQ(r->date->Iso(), "2020-03-02");
}

TEST(ReferencesTest, LookAlikeDAndDashVariants) {
  const auto refs = Refs("Thực hiện Quyết định 88/QÐ–UBND và Kết luận 14–KL/TW.\n");
  EXPECT_NE(Find(refs, "88/QĐ-UBND"), nullptr);
  EXPECT_NE(Find(refs, "14-KL/TW"), nullptr);
}

TEST(ReferencesTest, NumberWithoutHyphen) {
  const auto refs = Refs("Căn cứ số 1765/QĐUBND của Chủ tịch.\n");
  const Reference* r = Find(refs, "1765/QĐUBND");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->kind, "Quyết định");  // from the symbol
}

TEST(ReferencesTest, SeveralNumbersAfterOneKind) {
  const auto refs =
      Refs("Triển khai các Nghị quyết số 03/NQ-CP, 04/NQ-CP và 05/NQ-CP của Chính phủ.\n");
  ASSERT_EQ(refs.size(), 3u);
  for (const Reference& r : refs) EXPECT_EQ(r.kind, "Nghị quyết");
  EXPECT_EQ(refs[0].issuer.value_or(""), "Chính phủ");  // shared by the list
}

TEST(ReferencesTest, ListSharesTrailingDate) {
  const auto refs = Refs("Bãi bỏ Quyết định số 301-QĐ/TU, 302-QĐ/TU ngày 04-3-2019.\n");
  ASSERT_EQ(refs.size(), 2u);
  ASSERT_TRUE(refs[0].date);
  EXPECT_EQ(refs[0].date->Iso(), "2019-03-04");
}

TEST(ReferencesTest, DecreeAndCircularWithYear) {
  const auto refs = Refs(
      "Theo Nghị định 15/2020/NĐ-CP và Thông tư số 02/2022/TT-BTC; Quyết định số 9/2021/QĐ-TTg.\n");
  ASSERT_NE(Find(refs, "15/2020/NĐ-CP"), nullptr);
  EXPECT_EQ(Find(refs, "15/2020/NĐ-CP")->kind, "Nghị định");
  ASSERT_NE(Find(refs, "02/2022/TT-BTC"), nullptr);
  EXPECT_EQ(Find(refs, "02/2022/TT-BTC")->kind, "Thông tư");
  EXPECT_NE(Find(refs, "9/2021/QĐ-TTg"), nullptr);
}

TEST(ReferencesTest, LetterNumberIsCongVan) {
  const auto refs = Refs("Ủy ban nhân dân tỉnh đã có văn bản số 512/UBND-KT ngày 1/4/2023.\n");
  const Reference* r = Find(refs, "512/UBND-KT");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->kind, "Văn bản");
}

TEST(ReferencesTest, LawByTitle) {
  const auto refs = Refs("Triển khai Luật Quy hoạch năm 2017, và các văn bản khác.\n");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].kind, "Luật");
  EXPECT_FALSE(refs[0].number);
  EXPECT_EQ(refs[0].title.value_or(""), "Luật Quy hoạch năm 2017");
}

TEST(ReferencesTest, SchemeByShortNumber) {
  const auto refs = Refs("Thực hiện hiệu quả Đề án 06 của Chính phủ trên địa bàn.\n");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].kind, "Đề án");
  EXPECT_EQ(refs[0].number.value_or(""), "06");
}

TEST(ReferencesTest, RepeatedMentionOnceWithFirstSpan) {
  const auto refs = Refs(
      "Theo Kết luận số 20-KL/TW.\n\nTiếp tục thực hiện Kết luận số 20-KL/TW ngày 3/3/2022.\n");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].span.line_start, 1u);
  ASSERT_TRUE(refs[0].date);  // filled from the later mention
  EXPECT_EQ(refs[0].date->Iso(), "2022-03-03");
}

TEST(ReferencesTest, OwnNumberLineIsNotACitation) {
  const auto refs = Refs("Số: 846 /UBND-TH\n\nThực hiện Công văn số 12/SKHĐT-TH của Sở.\n");
  EXPECT_EQ(Find(refs, "846/UBND-TH"), nullptr);
  EXPECT_NE(Find(refs, "12/SKHĐT-TH"), nullptr);
}

TEST(ReferencesTest, DatesRangesAndFiguresAreNotNumbers) {
  const auto refs = Refs(
      "Giai đoạn 2021-2025, ngày 19/01/2023, thu 2.856/4.500 tỷ đồng, đạt 19-20%, COVID-19, "
      "tháng 9/2023, Sở KH&ĐT, 3/4 số xã, khoản 1/Điều 5, nhà số 12/3 Trần Phú, xe 82A-123.45.\n");
  EXPECT_TRUE(refs.empty()) << refs.size();
}

TEST(ReferencesTest, FootnotesAreSearched) {
  const auto refs = Refs(
      "Đã ban hành kế hoạch[footnoteRef:1] triển khai.\n\n[1: Kế hoạch số 77/KH-UBND ngày "
      "10/5/2023.]\n");
  const Reference* r = Find(refs, "77/KH-UBND");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->kind, "Kế hoạch");
}

TEST(ReferencesScanTest, KindFromSymbol) {
  EXPECT_EQ(refscan::KindFromSymbol("25-KH/TU").value_or(""), "Kế hoạch");
  EXPECT_EQ(refscan::KindFromSymbol("01/2023/TT-BTC").value_or(""), "Thông tư");
  EXPECT_EQ(refscan::KindFromSymbol("60-CTr/TU").value_or(""), "Chương trình");
  EXPECT_EQ(refscan::KindFromSymbol("795/TTg-CN").value_or(""), "Công văn");
  EXPECT_FALSE(refscan::KindFromSymbol("61/2022/QH15"));
}

TEST(ReferencesScanTest, LongInputStaysLinear) {
  std::string input = "Nghị quyết số ";
  for (int i = 0; i < 200000; ++i) input += "1/2-";
  input += "\n";
  const auto refs = Refs(input);
  EXPECT_TRUE(refs.empty());
}

}  // namespace
}  // namespace dondoc::extract
