// Tests of the results step: reported figures of a report's past part, with
// their share of the plan and their change against the same period.
#include <gtest/gtest.h>

#include <string>

#include "extract/context.h"
#include "extract/steps.h"
#include "text/clean.h"

namespace dondoc::extract {
namespace {

class ResultsTest : public ::testing::Test {
 protected:
  std::vector<ResultItem> Run(const std::string& body) {
    return RunDocument(
        "BÁO CÁO\nTình hình năm 2024\n\nPhần thứ nhất\nKẾT QUẢ THỰC HIỆN NĂM 2024\n\n" + body);
  }
  std::vector<ResultItem> RunDocument(const std::string& input) {
    text::CleanOptions options;
    options.repair = false;
    auto doc = text::Clean(input, options, nullptr);
    EXPECT_TRUE(doc.ok());
    doc_ = std::move(doc.value());
    DocumentContext ctx;
    ctx.doc = &doc_;
    ctx.outline = BuildOutline(doc_.layout);
    ctx.date = Date{2024, 12, 5};
    return ExtractResults(ctx);
  }
  text::CleanedDocument doc_;
};

const ResultItem* Find(const std::vector<ResultItem>& rs, double value) {
  for (const ResultItem& r : rs) {
    if (r.value && *r.value == value) return &r;
  }
  return nullptr;
}

TEST_F(ResultsTest, ValueWithShareOfPlanAndGrowth) {
  auto rs =
      Run("- Doanh thu du lịch ước đạt 1.250,5 tỷ đồng, đạt 96,4% kế hoạch, tăng 8,2% so với cùng "
          "kỳ.\n");
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_EQ(rs[0].value.value_or(0), 1250.5);
  EXPECT_EQ(rs[0].unit, "tỷ đồng");
  EXPECT_DOUBLE_EQ(rs[0].pct_of_plan.value_or(0), 96.4);
  EXPECT_DOUBLE_EQ(rs[0].pct_vs_same_period.value_or(0), 8.2);
  EXPECT_TRUE(rs[0].estimate);
  EXPECT_NE(rs[0].indicator.find("Doanh thu du lịch"), std::string::npos);
}

TEST_F(ResultsTest, RatioAgainstSamePeriodBecomesGrowth) {
  auto rs = Run("- Sản lượng chè 4.210 tấn, bằng 112,5% so với cùng kỳ năm trước.\n");
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_NEAR(rs[0].pct_vs_same_period.value_or(0), 12.5, 1e-9);
  EXPECT_FALSE(rs[0].estimate);
}

TEST_F(ResultsTest, DecreaseIsNegativeAndExceedingPlanAddsHundred) {
  auto rs = Run(
      "- Số vụ cháy rừng 12 vụ, giảm 20% so với cùng kỳ; trồng rừng 900 ha, vượt 5% kế hoạch.\n");
  ASSERT_NE(Find(rs, 12), nullptr);
  EXPECT_DOUBLE_EQ(Find(rs, 12)->pct_vs_same_period.value_or(0), -20);
  ASSERT_NE(Find(rs, 900), nullptr);
  EXPECT_DOUBLE_EQ(Find(rs, 900)->pct_of_plan.value_or(0), 105);
  EXPECT_EQ(rs.size(), 2u);
}

TEST_F(ResultsTest, RateAloneIsTheValue) {
  auto rs = Run("- Giá trị sản xuất công nghiệp tăng 6,5% so với cùng kỳ.\n");
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_DOUBLE_EQ(rs[0].value.value_or(0), 6.5);
  EXPECT_EQ(rs[0].unit, "%");
  EXPECT_DOUBLE_EQ(rs[0].pct_vs_same_period.value_or(0), 6.5);
}

TEST_F(ResultsTest, ChangesPreviousValuesAndPlanTotalsAreDropped) {
  auto rs =
      Run("- Thu nhập bình quân 45,2 triệu đồng, tăng 3,1 triệu đồng so với năm 2023 (42,1 triệu "
          "đồng). Giải ngân 820/1.000 tỷ đồng, đạt 82% kế hoạch.\n");
  ASSERT_EQ(rs.size(), 2u) << rs.size();
  EXPECT_EQ(rs[0].value.value_or(0), 45.2);
  EXPECT_EQ(rs[1].value.value_or(0), 820);
  EXPECT_DOUBLE_EQ(rs[1].pct_of_plan.value_or(0), 82);
}

TEST_F(ResultsTest, DatesYearsAndRanksAreNotResults) {
  auto rs = Run(
      "- Đến ngày 15-10-2024, tỉnh xếp thứ 21/63 tỉnh, thành phố theo Quyết định số 12/QĐ-UBND.\n");
  EXPECT_TRUE(rs.empty()) << rs.size();
}

TEST_F(ResultsTest, PlansAndFutureGoalsAreNotResults) {
  auto rs =
      Run("- Trồng mới 500 ha rừng.\n\nPhần thứ hai\nMỤC TIÊU, CHỈ TIÊU NĂM 2025\n\n"
          "- Trồng mới 700 ha rừng.\n\nPhần thứ ba\nNHIỆM VỤ, GIẢI PHÁP NĂM 2025\n\n"
          "- Hỗ trợ 300 hộ nghèo.\n");
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_EQ(rs[0].value.value_or(0), 500);
}

TEST_F(ResultsTest, BreakdownCountsAreNotResultsUnlessQualified) {
  auto rs =
      Run("- Toàn tỉnh có 420 trạm y tế. Trong đó: vùng cao 150 trạm; vùng thấp 270 trạm.\n\n"
          "- Trồng rừng 900 ha (trong đó trồng mới 300 ha, đạt 110% kế hoạch).\n");
  ASSERT_NE(Find(rs, 420), nullptr);
  EXPECT_EQ(Find(rs, 150), nullptr);
  EXPECT_EQ(Find(rs, 270), nullptr);
  ASSERT_NE(Find(rs, 300), nullptr);
  EXPECT_DOUBLE_EQ(Find(rs, 300)->pct_of_plan.value_or(0), 110);
}

// A breakdown in parentheses ends with them: the next clause is a result of
// its own, even after a ";" inside the parentheses.
TEST_F(ResultsTest, BreakdownInParenthesesEndsWithThem) {
  auto rs =
      Run("- Diện tích chè khoảng 1.820 ha (trong đó chè búp tươi 950 ha; chè xanh 870 ha); "
          "cấp 14.300 thẻ bảo hiểm y tế cho người cao tuổi; diện tích quế 6.240 ha.\n\n"
          "- Ngành y tế khám cho 52.000 lượt người (trong đó trẻ em 9.800 lượt người), tăng 6% "
          "so với cùng kỳ; đã tiêm chủng cho 31.500 trẻ.\n");
  ASSERT_NE(Find(rs, 1820), nullptr);
  EXPECT_EQ(Find(rs, 950), nullptr);
  EXPECT_EQ(Find(rs, 870), nullptr);
  EXPECT_NE(Find(rs, 14300), nullptr);
  EXPECT_NE(Find(rs, 6240), nullptr);
  EXPECT_NE(Find(rs, 52000), nullptr);
  EXPECT_EQ(Find(rs, 9800), nullptr);
  EXPECT_NE(Find(rs, 31500), nullptr);
}

// In a breakdown, a part with its own share of the plan, or a running total
// ("nâng tổng ... lên"), is a result; a part with a share of the total is not.
TEST_F(ResultsTest, QualifiedPartsAndRunningTotalsInBreakdowns) {
  auto rs = Run(
      "- Tổng đàn bò khoảng 61.400 con, đạt 101% kế hoạch (trong đó cải tạo giống được "
      "1.210/1.500 con bò lai tại các xã vùng thấp, đạt 80,6% kế hoạch, nâng tổng đàn bò lai "
      "toàn tỉnh lên 18.950 con).\n\n"
      "- Trong đó: 41 trạm y tế (đạt 35,1%, vượt 2% so với kế hoạch); 12 phòng khám khu vực.\n");
  ASSERT_NE(Find(rs, 61400), nullptr);
  ASSERT_NE(Find(rs, 1210), nullptr);
  EXPECT_DOUBLE_EQ(Find(rs, 1210)->pct_of_plan.value_or(0), 80.6);
  EXPECT_NE(Find(rs, 18950), nullptr);
  EXPECT_EQ(Find(rs, 41), nullptr);
  EXPECT_NE(Find(rs, 35.1), nullptr);
  EXPECT_EQ(Find(rs, 12), nullptr);
}

TEST_F(ResultsTest, FootnotesOfThePastPartGiveResults) {
  auto rs =
      Run("- Công tác cải cách hành chính được đẩy mạnh[footnoteRef:1].\n\n"
          "[1: Đã cung cấp 512 dịch vụ công trực tuyến toàn trình.]\n");
  ASSERT_NE(Find(rs, 512), nullptr);
}

// A footnote that repeats the figure it is anchored to, or lists the
// members that figure counts, adds no result; its other figures do.
TEST_F(ResultsTest, FootnotesRestatingTheirAnchorAddNothing) {
  auto rs =
      Run("- Đã hình thành 05 vùng nguyên liệu tập trung[footnoteRef:1]; hỗ trợ học phí cho "
          "3.412 học sinh[footnoteRef:2].\n\n"
          "[1: Gồm: 02 vùng nguyên liệu chè tại huyện A; 01 vùng nguyên liệu quế tại huyện B; "
          "02 vùng nguyên liệu dứa tại huyện C; đã ký kết 14 hợp đồng bao tiêu.]\n\n"
          "[2: Hỗ trợ học phí cho 3.412 học sinh, với kinh phí 1.920 triệu đồng; tỷ lệ chuyên cần "
          "đạt 100%.]\n");
  ASSERT_NE(Find(rs, 5), nullptr);
  EXPECT_EQ(Find(rs, 2), nullptr);
  EXPECT_EQ(Find(rs, 1), nullptr);
  EXPECT_NE(Find(rs, 14), nullptr);
  int copies = 0;
  for (const ResultItem& r : rs) copies += r.value && *r.value == 3412 ? 1 : 0;
  EXPECT_EQ(copies, 1);
  EXPECT_NE(Find(rs, 1920), nullptr);
  EXPECT_NE(Find(rs, 100), nullptr);
}

// "tổng số 27 dự án/19 nhà đầu tư" counts the projects once; "số 12" names one.
TEST_F(ResultsTest, TotalsCountedTwoWaysAndNewTotalsAfterABreakdown) {
  auto rs =
      Run("- Cụm công nghiệp Bắc Sơn có diện tích 75 ha, trong đó: đất cho thuê 52 ha; "
          "có tổng số 27 dự án/ 19 nhà đầu tư, tổng vốn đăng ký 3.150 tỷ đồng; đường số 12 "
          "đã hoàn thành.\n");
  ASSERT_NE(Find(rs, 75), nullptr);
  EXPECT_EQ(Find(rs, 52), nullptr);
  ASSERT_NE(Find(rs, 27), nullptr);
  EXPECT_EQ(Find(rs, 27)->unit, "dự án");
  EXPECT_EQ(Find(rs, 19), nullptr);
  EXPECT_EQ(Find(rs, 12), nullptr);
}

// "chiếm X%, đạt Y% kế hoạch": the share is the result, the count its
// numerator; a share without a plan leaves the count alone. "cả 3" restates.
TEST_F(ResultsTest, PlannedShareReplacesItsCountAndAllOfRestates) {
  auto rs =
      Run("- Có 188/205 trường học đạt chuẩn xanh - sạch - đẹp, chiếm 91,7%, đạt 102% kế "
          "hoạch.\n\n"
          "- Toàn thành phố còn 2.140 hộ cận nghèo, chiếm 1,9%.\n\n"
          "- Số vụ cháy, số người chết, số người bị thương đều giảm, giảm cả 3 tiêu chí.\n");
  EXPECT_EQ(Find(rs, 188), nullptr);
  ASSERT_NE(Find(rs, 91.7), nullptr);
  EXPECT_EQ(Find(rs, 91.7)->unit, "%");
  EXPECT_DOUBLE_EQ(Find(rs, 91.7)->pct_of_plan.value_or(0), 102);
  EXPECT_NE(Find(rs, 91.7)->indicator.find("trường học"), std::string::npos);
  EXPECT_NE(Find(rs, 2140), nullptr);
  EXPECT_NE(Find(rs, 1.9), nullptr);
  EXPECT_EQ(Find(rs, 3), nullptr);
}

// The size of events just counted ("12 vụ sạt lở, thiệt hại 4,5 ha") describes
// them; a measure with its own verb ("gây thiệt hại") is a result.
TEST_F(ResultsTest, SizesOfCountedEventsAreNotResults) {
  auto rs =
      Run("- Xảy ra 12 vụ sạt lở đất, thiệt hại 4,5 ha hoa màu; phát hiện 7 vụ khai thác cát "
          "trái phép với khối lượng 310 m3 cát và 0,6 ha đất bãi bồi; 03 vụ lốc xoáy gây thiệt "
          "hại 2,75 ha lúa.\n");
  EXPECT_NE(Find(rs, 12), nullptr);
  EXPECT_EQ(Find(rs, 4.5), nullptr);
  EXPECT_NE(Find(rs, 7), nullptr);
  EXPECT_EQ(Find(rs, 310), nullptr);
  EXPECT_EQ(Find(rs, 0.6), nullptr);
  EXPECT_NE(Find(rs, 3), nullptr);
  EXPECT_NE(Find(rs, 2.75), nullptr);
}

// A letter or plan quotes past results in words; its targets stay targets.
TEST_F(ResultsTest, LettersQuotePastResultsOutsideTheirTargets) {
  auto rs = RunDocument(
      "Kính gửi: Các sở, ban, ngành.\n\n"
      "1. Các huyện phấn đấu giải ngân đạt trên 95% kế hoạch vốn năm 2025.\n\n"
      "Năm 2024, toàn tỉnh giải ngân ước đạt 4.215,6 tỷ đồng, bằng 92,4% kế hoạch, tăng 8,1% "
      "so với cùng kỳ.\n\n"
      "2. Sở Y tế rà soát 120 trạm y tế.\n");
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_EQ(rs[0].value.value_or(0), 4215.6);
  EXPECT_EQ(rs[0].pct_of_plan.value_or(0), 92.4);
  EXPECT_EQ(rs[0].pct_vs_same_period.value_or(0), 8.1);
}

}  // namespace
}  // namespace dondoc::extract
