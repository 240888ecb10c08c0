#include "core/timeliness.h"

#include <gtest/gtest.h>

namespace dondoc::core {
namespace {

Date D(int y, int m, int d) { return *MakeDate(y, m, d); }
Timestamp At(const char* iso) { return *ParseIsoTimestamp(iso); }

ReportingRegime Regime(int offset, int day) {
  ReportingRegime regime;
  regime.id = 7;
  regime.name = "Báo cáo tình hình kinh tế - xã hội";
  regime.due_month_offset = offset;
  regime.due_day = day;
  return regime;
}

TEST(TimelinessTest, DueDates) {
  // "trước ngày 20 hằng tháng": the 20th of the month itself.
  EXPECT_EQ(*ReportDueDate(Regime(0, 20), {PeriodKind::kMonth, 2024, 3}), D(2024, 3, 20));
  // Quarterly, due on the 5th of the month after the quarter.
  EXPECT_EQ(*ReportDueDate(Regime(1, 5), {PeriodKind::kQuarter, 2024, 4}), D(2025, 1, 5));
  // Clamped to the month's end.
  EXPECT_EQ(*ReportDueDate(Regime(0, 31), {PeriodKind::kMonth, 2024, 2}), D(2024, 2, 29));
  EXPECT_EQ(*ReportDueDate(Regime(2, 31), {PeriodKind::kHalfYear, 2024, 1}), D(2024, 8, 31));
  EXPECT_EQ(*ReportDueDate(Regime(0, 15), {PeriodKind::kYear, 2024, 0}), D(2024, 12, 15));
  EXPECT_EQ(*ReportDueDate(Regime(0, 10), {PeriodKind::kMonthsToDate, 2024, 9}), D(2024, 9, 10));
  EXPECT_FALSE(ReportDueDate(Regime(0, 32), {PeriodKind::kMonth, 2024, 3}).ok());
  EXPECT_FALSE(ReportDueDate(Regime(-1, 5), {PeriodKind::kMonth, 2024, 3}).ok());
  EXPECT_FALSE(ReportDueDate(Regime(0, 5), {PeriodKind::kMonth, 2024, 13}).ok());
}

TEST(TimelinessTest, JudgesByTheProvinceDay) {
  const Date due = D(2024, 3, 20);
  // 16:30 UTC on the 20th is 23:30 in Vietnam: still on time.
  EXPECT_EQ(JudgeSubmission(due, At("2024-03-20T16:30:00Z"), D(2024, 3, 25)), Timeliness::kOnTime);
  // 17:30 UTC on the 20th is already the 21st in Vietnam: late.
  EXPECT_EQ(JudgeSubmission(due, At("2024-03-20T17:30:00Z"), D(2024, 3, 25)), Timeliness::kLate);
  EXPECT_EQ(JudgeSubmission(due, std::nullopt, D(2024, 3, 20)), Timeliness::kNotYetDue);
  EXPECT_EQ(JudgeSubmission(due, std::nullopt, D(2024, 3, 21)), Timeliness::kMissing);
  // Submitted on the 23rd: on the 22nd the report was missing.
  EXPECT_EQ(JudgeSubmission(due, At("2024-03-23T02:00:00Z"), D(2024, 3, 22)), Timeliness::kMissing);
  EXPECT_STREQ(TimelinessName(Timeliness::kNotYetDue), "not_yet_due");
}

TEST(TimelinessTest, CompletenessOfARound) {
  const ReportingRegime regime = Regime(0, 20);
  const Period march{PeriodKind::kMonth, 2024, 3};
  auto submission = [&](Id agency, const char* at, Period period = {PeriodKind::kMonth, 2024, 3},
                        Id regime_id = 7) {
    ReportSubmission s;
    s.regime_id = regime_id;
    s.agency_id = agency;
    s.period = period;
    s.submitted_at = At(at);
    return s;
  };
  const std::vector<ReportSubmission> submissions = {
      submission(1, "2024-03-18T03:00:00Z"),
      submission(2, "2024-03-22T03:00:00Z"),
      submission(2, "2024-03-19T03:00:00Z"),  // the first one counts
      submission(3, "2024-03-25T03:00:00Z"),
      submission(4, "2024-03-10T03:00:00Z", {PeriodKind::kMonth, 2024, 2}),  // other period
      submission(5, "2024-03-10T03:00:00Z", march, 8),                       // other regime
      submission(9, "2024-03-10T03:00:00Z"),                                 // not expected
  };
  Result<RoundCompleteness> round =
      JudgeRound(regime, march, {1, 2, 3, 4, 5, 5}, submissions, D(2024, 3, 22));
  ASSERT_TRUE(round.ok()) << round.status().message();
  EXPECT_EQ(round->due, D(2024, 3, 20));
  EXPECT_EQ(round->expected, 5);
  EXPECT_EQ(round->submitted, 2);
  EXPECT_EQ(round->on_time, 2);
  EXPECT_EQ(round->late, 0);
  EXPECT_EQ(round->missing, 3);
  EXPECT_DOUBLE_EQ(*round->percent, 40);
  EXPECT_EQ(round->outstanding_agencies, (std::vector<Id>{3, 4, 5}));
  // Later, agency 3's late report is in.
  round = JudgeRound(regime, march, {1, 2, 3, 4, 5}, submissions, D(2024, 3, 31));
  EXPECT_EQ(round->late, 1);
  EXPECT_EQ(round->submitted, 3);
  // Before the due day nobody is missing yet.
  round = JudgeRound(regime, march, {1, 2, 3}, submissions, D(2024, 3, 18));
  EXPECT_EQ(round->not_yet_due, 2);
  EXPECT_EQ(round->missing, 0);
  round = JudgeRound(regime, march, {}, submissions, D(2024, 3, 18));
  EXPECT_FALSE(round->percent.has_value());
}

}  // namespace
}  // namespace dondoc::core
