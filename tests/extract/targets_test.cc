// Tests of the targets step: one target per figure, named by its indicator,
// with the comparator the words give, the plan year as period, and the
// agency that answers for it.
#include <gtest/gtest.h>

#include <string>

#include "extract/context.h"
#include "extract/steps.h"
#include "text/clean.h"

namespace dondoc::extract {
namespace {

class TargetsTest : public ::testing::Test {
 protected:
  std::vector<Target> Run(const std::string& input) {
    text::CleanOptions options;
    options.repair = false;
    auto doc = text::Clean(input, options, nullptr);
    EXPECT_TRUE(doc.ok());
    doc_ = std::move(doc.value());
    auto gazetteer = Gazetteer::LoadDefault("");
    EXPECT_TRUE(gazetteer.ok());
    agencies_ = gazetteer.value();
    DocumentContext ctx;
    ctx.doc = &doc_;
    ctx.agencies = agencies_.get();
    ctx.outline = BuildOutline(doc_.layout);
    ctx.date = Date{2025, 1, 10};
    return ExtractTargets(ctx);
  }
  text::CleanedDocument doc_;
  std::shared_ptr<const Gazetteer> agencies_;
};

constexpr char kPlanHead[] =
    "KẾ HOẠCH\nPhát triển ngành chăn nuôi năm 2025\n\nI. MỤC TIÊU\n\n1. Các chỉ tiêu\n\n";

const Target* Find(const std::vector<Target>& ts, double value) {
  for (const Target& t : ts) {
    if (t.value && *t.value == value) return &t;
    if (t.low && *t.low == value) return &t;
  }
  return nullptr;
}

TEST_F(TargetsTest, FromAndUpwardsIsAtLeast) {
  auto ts = Run(std::string(kPlanHead) + "a) Tỷ lệ xã có chợ đạt từ 60% trở lên.\n");
  const Target* t = Find(ts, 60);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->comparator, Comparator::kGe);
  EXPECT_EQ(t->unit, "%");
  EXPECT_NE(t->name.find("Tỷ lệ xã có chợ"), std::string::npos) << t->name;
  EXPECT_EQ(t->period.value_or(""), "2025");
}

TEST_F(TargetsTest, AboveIsGreaterBelowIsLess) {
  auto ts = Run(std::string(kPlanHead) +
                "- Diện tích đồng cỏ trồng mới trên 250 ha; tỷ lệ bê còi còn dưới 12,5%.\n");
  const Target* above = Find(ts, 250);
  const Target* below = Find(ts, 12.5);
  ASSERT_NE(above, nullptr);
  ASSERT_NE(below, nullptr);
  EXPECT_EQ(above->comparator, Comparator::kGt);
  EXPECT_EQ(below->comparator, Comparator::kLt);
}

TEST_F(TargetsTest, PlainFigureIsEqualAboutIsApprox) {
  auto ts =
      Run(std::string(kPlanHead) +
          "- Tổng đàn dê 12.000 con; số hộ nuôi khoảng 3.400 hộ; tỷ lệ tiêm phòng đạt 95%.\n");
  ASSERT_NE(Find(ts, 12000), nullptr);
  EXPECT_EQ(Find(ts, 12000)->comparator, Comparator::kEq);
  ASSERT_NE(Find(ts, 3400), nullptr);
  EXPECT_EQ(Find(ts, 3400)->comparator, Comparator::kApprox);
  ASSERT_NE(Find(ts, 95), nullptr);
  EXPECT_EQ(Find(ts, 95)->comparator, Comparator::kEq);
}

TEST_F(TargetsTest, RangeSetsLowAndHigh) {
  auto ts = Run(std::string(kPlanHead) + "- Tỷ trọng chăn nuôi trong nông nghiệp 27-28%.\n");
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_FALSE(ts[0].value.has_value());
  EXPECT_EQ(ts[0].low.value_or(0), 27);
  EXPECT_EQ(ts[0].high.value_or(0), 28);
  EXPECT_EQ(ts[0].comparator, Comparator::kRange);
}

TEST_F(TargetsTest, AtLeastCoversTheClauseAndDecreaseIsMarked) {
  auto ts = Run(std::string(kPlanHead) +
                "- Giảm tỷ lệ hộ nghèo ít nhất 3%, riêng xã khó khăn giảm trên 5%.\n");
  ASSERT_NE(Find(ts, 3), nullptr);
  EXPECT_EQ(Find(ts, 3)->comparator, Comparator::kGe);
  EXPECT_TRUE(Find(ts, 3)->decrease);
  ASSERT_NE(Find(ts, 5), nullptr);
  EXPECT_EQ(Find(ts, 5)->comparator, Comparator::kGt);
}

TEST_F(TargetsTest, ListOfFiguresGivesOneTargetEach) {
  auto ts = Run(std::string(kPlanHead) +
                "- Phấn đấu 40% số trại lợn, 55% số trại gà đạt chuẩn an toàn sinh học.\n");
  ASSERT_NE(Find(ts, 40), nullptr);
  ASSERT_NE(Find(ts, 55), nullptr);
  EXPECT_NE(Find(ts, 40)->name.find("trại lợn"), std::string::npos) << Find(ts, 40)->name;
  EXPECT_NE(Find(ts, 55)->name.find("trại gà"), std::string::npos) << Find(ts, 55)->name;
}

TEST_F(TargetsTest, AccountabilityListNamesTheAgencyAndMergesTheRepeat) {
  auto ts = Run(std::string(kPlanHead) +
                "- Thu ngân sách từ chăn nuôi 120 tỷ đồng.\n\n"
                "II. NHIỆM VỤ\n\n1. Trách nhiệm thực hiện các chỉ tiêu:\n\n"
                "a) Giám đốc Sở Tài chính: Thu ngân sách từ chăn nuôi 120 tỷ đồng.\n");
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_EQ(ts[0].unit, "tỷ đồng");
  EXPECT_EQ(ts[0].responsible.value_or(""), "Sở Tài chính");
  EXPECT_EQ(ts[0].span.line_start, 8u);  // the first statement
}

TEST_F(TargetsTest, YearsRanksAndTextOutsideGoalsAreNotTargets) {
  auto ts = Run(std::string(kPlanHead) +
                "- Xếp thứ 12 cả nước so với năm 2024.\n\nII. NHIỆM VỤ\n\n"
                "1. Tổ chức tập huấn cho 300 người chăn nuôi.\n");
  EXPECT_TRUE(ts.empty()) << ts.size();
}

// In the tasks of a plan, only the goal after "phấn đấu" is a target, not the
// count of the work before it; "cả 03 tiêu chí" counts criteria; a frequency
// the plan commits to ("02 lần/năm") is a target without a goal word.
TEST_F(TargetsTest, InTasksOnlyGoalsAndFrequenciesAreTargets) {
  auto ts =
      Run("KẾ HOẠCH\nCải cách hành chính năm 2025\n\nII. NHIỆM VỤ\n\n"
          "1. Sở Nội vụ chủ trì: Triển khai 04 Đề án cải cách của tỉnh, phấn đấu chỉ số hài lòng "
          "đạt trên 85%; phấn đấu giảm số hồ sơ trễ hạn cả 03 cấp.\n\n"
          "2. Văn phòng Ủy ban nhân dân tỉnh: Tổ chức đối thoại với người dân 02 lần/năm; rà soát "
          "15 thủ tục hành chính.\n");
  EXPECT_EQ(Find(ts, 4), nullptr);
  ASSERT_NE(Find(ts, 85), nullptr);
  EXPECT_EQ(Find(ts, 3), nullptr);
  ASSERT_NE(Find(ts, 2), nullptr);
  EXPECT_EQ(Find(ts, 2)->name, "Tổ chức đối thoại với người dân");
  EXPECT_EQ(Find(ts, 15), nullptr);
}

TEST_F(TargetsTest, ReportsSetTargetsOnlyInTheGoalsPart) {
  auto ts =
      Run("BÁO CÁO\nKết quả năm 2024\n\nPhần thứ nhất\nKẾT QUẢ THỰC HIỆN NĂM 2024\n\n"
          "- Tổng đàn dê ước đạt 11.000 con, đạt 98% kế hoạch.\n\n"
          "Phần thứ hai\nMỤC TIÊU, CHỈ TIÊU NĂM 2025\n\n- Tổng đàn dê 12.000 con.\n\n"
          "Phần thứ ba\nNHIỆM VỤ, GIẢI PHÁP\n\n- Phấn đấu tiêm phòng cho 90% đàn dê.\n");
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_EQ(ts[0].value.value_or(0), 12000);
  EXPECT_EQ(ts[0].period.value_or(""), "2025");
}

}  // namespace
}  // namespace dondoc::extract
