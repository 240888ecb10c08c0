#include "core/achievement.h"

#include <gtest/gtest.h>

#include <cmath>

namespace dondoc::core {
namespace {

Target Make(Comparator comparator, double value) {
  Target target;
  target.comparator = comparator;
  target.value = value;
  target.period = {PeriodKind::kYear, 2024, 0};
  return target;
}

Target Range(double low, double high) {
  Target target;
  target.comparator = Comparator::kRange;
  target.low = low;
  target.high = high;
  target.period = {PeriodKind::kYear, 2024, 0};
  return target;
}

Outcome OutcomeOf(const Target& target, Direction direction, double actual) {
  Result<Achievement> result = Evaluate(target, direction, actual);
  EXPECT_TRUE(result.ok()) << result.status().message();
  return result.ok() ? result->outcome : Outcome::kNotMet;
}

constexpr Direction kHigher = Direction::kHigherIsBetter;
constexpr Direction kLower = Direction::kLowerIsBetter;

TEST(AchievementTest, PercentOfPlan) {
  // Budget revenue plan 1 000, actual 1 150: "đạt 115% kế hoạch".
  Result<Achievement> result = Evaluate(Make(Comparator::kGe, 1000), kHigher, 1150);
  ASSERT_TRUE(result.ok());
  EXPECT_DOUBLE_EQ(*result->percent_of_plan, 115);
  EXPECT_DOUBLE_EQ(*result->performance, 115);
  EXPECT_DOUBLE_EQ(result->gap, 150);
  EXPECT_EQ(result->outcome, Outcome::kMet);
  EXPECT_FALSE(Evaluate(Make(Comparator::kGe, 0), kHigher, 5)->percent_of_plan.has_value());
}

TEST(AchievementTest, OneSidedComparators) {
  EXPECT_EQ(OutcomeOf(Make(Comparator::kGe, 8), kHigher, 8), Outcome::kMet);
  EXPECT_EQ(OutcomeOf(Make(Comparator::kGe, 8), kHigher, 7.99), Outcome::kNotMet);
  EXPECT_EQ(OutcomeOf(Make(Comparator::kGt, 8), kHigher, 8), Outcome::kNotMet);
  EXPECT_EQ(OutcomeOf(Make(Comparator::kLe, 3), kLower, 3), Outcome::kMet);
  EXPECT_EQ(OutcomeOf(Make(Comparator::kLt, 3), kLower, 3), Outcome::kNotMet);
  EXPECT_EQ(OutcomeOf(Make(Comparator::kLt, 3), kLower, 2.5), Outcome::kMet);
}

TEST(AchievementTest, LowerIsBetter) {
  // "giảm tỷ lệ hộ nghèo ít nhất 4%": the reduction, higher is better.
  EXPECT_TRUE(Evaluate(Make(Comparator::kGe, 4), kHigher, 4.2)->met());
  EXPECT_FALSE(Evaluate(Make(Comparator::kGe, 4), kHigher, 3.5)->met());
  // The rate itself, lower is better: "tỷ lệ hộ nghèo còn khoảng 3%".
  Result<Achievement> rate = Evaluate(Make(Comparator::kApprox, 3), kLower, 2.5);
  ASSERT_TRUE(rate.ok());
  EXPECT_EQ(rate->outcome, Outcome::kExceeded);
  EXPECT_DOUBLE_EQ(rate->gap, 0.5);  // better by half a point
  EXPECT_DOUBLE_EQ(*rate->percent_of_plan, 2.5 / 3 * 100);
  EXPECT_DOUBLE_EQ(*rate->performance, 120);
  EXPECT_EQ(OutcomeOf(Make(Comparator::kApprox, 3), kLower, 3.5), Outcome::kNotMet);
  EXPECT_LT(Evaluate(Make(Comparator::kApprox, 3), kLower, 3.5)->gap, 0);
}

TEST(AchievementTest, EqualAndApprox) {
  EXPECT_EQ(OutcomeOf(Make(Comparator::kEq, 100), kHigher, 100), Outcome::kMet);
  EXPECT_EQ(OutcomeOf(Make(Comparator::kEq, 100), kHigher, 101), Outcome::kExceeded);
  EXPECT_EQ(OutcomeOf(Make(Comparator::kEq, 100), kHigher, 99), Outcome::kNotMet);
  // approx: within 5 % of the value.
  EXPECT_EQ(OutcomeOf(Make(Comparator::kApprox, 8), kHigher, 7.65), Outcome::kMet);
  EXPECT_EQ(OutcomeOf(Make(Comparator::kApprox, 8), kHigher, 7.5), Outcome::kNotMet);
  EXPECT_EQ(OutcomeOf(Make(Comparator::kApprox, 8), kHigher, 8.3), Outcome::kMet);
  EXPECT_EQ(OutcomeOf(Make(Comparator::kApprox, 8), kHigher, 8.5), Outcome::kExceeded);
  EXPECT_EQ(OutcomeOf(Make(Comparator::kApprox, 0), kHigher, 0.04), Outcome::kMet);
}

TEST(AchievementTest, RangeTargets) {
  // GRDP growth 19-20 %.
  EXPECT_EQ(OutcomeOf(Range(19, 20), kHigher, 19.5), Outcome::kMet);
  EXPECT_EQ(OutcomeOf(Range(19, 20), kHigher, 19), Outcome::kMet);
  EXPECT_EQ(OutcomeOf(Range(19, 20), kHigher, 20), Outcome::kMet);
  EXPECT_EQ(OutcomeOf(Range(19, 20), kHigher, 18.9), Outcome::kNotMet);
  EXPECT_EQ(OutcomeOf(Range(19, 20), kHigher, 21), Outcome::kExceeded);
  EXPECT_EQ(OutcomeOf(Range(19, 20), kLower, 21), Outcome::kNotMet);
  EXPECT_EQ(OutcomeOf(Range(19, 20), kLower, 18), Outcome::kExceeded);
  EXPECT_DOUBLE_EQ(Evaluate(Range(19, 20), kHigher, 19.5)->plan, 19);
  EXPECT_DOUBLE_EQ(Evaluate(Range(19, 20), kLower, 19.5)->plan, 20);
}

TEST(AchievementTest, RefusesIncompleteTargets) {
  Target no_value;
  no_value.comparator = Comparator::kGe;
  EXPECT_EQ(Evaluate(no_value, kHigher, 1).status().code(), StatusCode::kInvalidInput);
  EXPECT_FALSE(Evaluate(Range(20, 19), kHigher, 19.5).ok());
  Target half = Range(19, 20);
  half.high.reset();
  EXPECT_FALSE(Evaluate(half, kHigher, 19.5).ok());
  EXPECT_FALSE(Evaluate(Make(Comparator::kGe, 1), kHigher, std::nan("")).ok());
}

TEST(AchievementTest, ChangeVersusTheSamePeriod) {
  EXPECT_NEAR(*GrowthPercent(118.26, 100), 18.26, 1e-9);
  EXPECT_NEAR(*GrowthPercent(90, 120), -25, 1e-9);
  EXPECT_FALSE(GrowthPercent(5, 0).has_value());
  EXPECT_NEAR(GrowthFromRatio(118.26), 18.26, 1e-9);
  EXPECT_NEAR(GrowthFromRatio(95.5), -4.5, 1e-9);
  EXPECT_NEAR(RatioFromGrowth(18.26), 118.26, 1e-9);
}

Figure Monthly(int month, double value, int submitted_second = 0) {
  Figure figure;
  figure.period = {PeriodKind::kMonth, 2024, month};
  figure.value = value;
  figure.submitted_at = Timestamp{std::chrono::seconds{submitted_second}};
  return figure;
}

TEST(AchievementTest, MonthsToDate) {
  const std::vector<Figure> figures = {Monthly(1, 10), Monthly(2, 20), Monthly(3, 30),
                                       Monthly(3, 33, 5),  // a later correction wins
                                       Monthly(4, 40)};
  EXPECT_DOUBLE_EQ(*MonthsToDate(figures, 2024, 3, Accumulation::kSum), 63);
  EXPECT_DOUBLE_EQ(*MonthsToDate(figures, 2024, 3, Accumulation::kLast), 33);
  EXPECT_DOUBLE_EQ(*MonthsToDate(figures, 2024, 3, Accumulation::kAverage), 21);
  EXPECT_DOUBLE_EQ(*MonthsToDate(figures, 2024, 4, Accumulation::kSum), 103);
  Result<double> gap = MonthsToDate({Monthly(1, 1), Monthly(3, 3)}, 2024, 4, Accumulation::kSum);
  ASSERT_FALSE(gap.ok());
  EXPECT_NE(gap.status().message().find("2, 4"), std::string::npos) << gap.status().message();
  EXPECT_FALSE(MonthsToDate(figures, 2023, 1, Accumulation::kSum).ok());
  EXPECT_FALSE(MonthsToDate(figures, 2024, 13, Accumulation::kSum).ok());
}

TEST(AchievementTest, AtRiskByProRata) {
  // Revenue plan 1 200 for 2024; by 30 June (182 of 366 days) 550 is in.
  const Target plan = Make(Comparator::kGe, 1200);
  const Date june_30 = *MakeDate(2024, 6, 30);
  Result<RiskJudgement> judgement = JudgeRisk(plan, kHigher, Accumulation::kSum, 550, june_30);
  ASSERT_TRUE(judgement.ok());
  EXPECT_NEAR(judgement->elapsed_share, 182.0 / 366, 1e-12);
  EXPECT_NEAR(judgement->projected, 550 * 366.0 / 182, 1e-9);
  EXPECT_TRUE(judgement->at_risk);
  EXPECT_FALSE(JudgeRisk(plan, kHigher, Accumulation::kSum, 620, june_30)->at_risk);
  // A rate is judged on its latest value, not scaled.
  EXPECT_TRUE(
      JudgeRisk(Make(Comparator::kLe, 3), kLower, Accumulation::kLast, 3.2, june_30)->at_risk);
  // Before the period nothing is at risk; after it the actual is final.
  EXPECT_FALSE(JudgeRisk(plan, kHigher, Accumulation::kSum, 0, *MakeDate(2023, 12, 31))->at_risk);
  Result<RiskJudgement> after =
      JudgeRisk(plan, kHigher, Accumulation::kSum, 1100, *MakeDate(2025, 2, 1));
  EXPECT_DOUBLE_EQ(after->elapsed_share, 1);
  EXPECT_TRUE(after->at_risk);
  Target bad = plan;
  bad.period = {PeriodKind::kQuarter, 2024, 5};
  EXPECT_FALSE(JudgeRisk(bad, kHigher, Accumulation::kSum, 1, june_30).ok());
}

}  // namespace
}  // namespace dondoc::core
