#include "core/obligations.h"

#include <gtest/gtest.h>

namespace dondoc::core {
namespace {

Date D(int y, int m, int d) { return *MakeDate(y, m, d); }

Obligation Duty(Cadence cadence, std::optional<int> day, Date starts_on) {
  Obligation obligation;
  obligation.recurrence.cadence = cadence;
  obligation.recurrence.day = day;
  obligation.starts_on = starts_on;
  return obligation;
}

TEST(ObligationsTest, MonthlyOnThe20th) {
  // "báo cáo trước ngày 20 hằng tháng", from March 2024.
  Result<std::vector<Occurrence>> occurrences =
      Occurrences(Duty(Cadence::kMonthly, 20, D(2024, 3, 1)), D(2024, 1, 1), D(2024, 6, 30));
  ASSERT_TRUE(occurrences.ok()) << occurrences.status().message();
  ASSERT_EQ(occurrences->size(), 4u);
  EXPECT_EQ((*occurrences)[0], (Occurrence{{PeriodKind::kMonth, 2024, 3}, D(2024, 3, 20)}));
  EXPECT_EQ((*occurrences)[3], (Occurrence{{PeriodKind::kMonth, 2024, 6}, D(2024, 6, 20)}));
  // A range starting after the 20th skips that month.
  occurrences =
      Occurrences(Duty(Cadence::kMonthly, 20, D(2024, 1, 1)), D(2024, 3, 21), D(2024, 4, 30));
  ASSERT_EQ(occurrences->size(), 1u);
  EXPECT_EQ((*occurrences)[0].period, (Period{PeriodKind::kMonth, 2024, 4}));
}

TEST(ObligationsTest, ClampsAndDefaults) {
  // Day 31 in February is its last day; no day means the period's end.
  EXPECT_EQ(*OccurrenceDeadline({Cadence::kMonthly, 31, ""}, {PeriodKind::kMonth, 2023, 2}),
            D(2023, 2, 28));
  EXPECT_EQ(
      *OccurrenceDeadline({Cadence::kQuarterly, std::nullopt, ""}, {PeriodKind::kQuarter, 2024, 2}),
      D(2024, 6, 30));
  EXPECT_EQ(*OccurrenceDeadline({Cadence::kQuarterly, 15, ""}, {PeriodKind::kQuarter, 2024, 2}),
            D(2024, 6, 15));
  EXPECT_EQ(*OccurrenceDeadline({Cadence::kHalfYearly, 10, ""}, {PeriodKind::kHalfYear, 2024, 2}),
            D(2024, 12, 10));
  EXPECT_EQ(*OccurrenceDeadline({Cadence::kAnnual, 5, ""}, {PeriodKind::kYear, 2024, 0}),
            D(2024, 12, 5));
  EXPECT_FALSE(
      OccurrenceDeadline({Cadence::kMonthly, 20, ""}, {PeriodKind::kQuarter, 2024, 2}).ok());
}

TEST(ObligationsTest, OtherCadences) {
  Result<std::vector<Occurrence>> quarterly =
      Occurrences(Duty(Cadence::kQuarterly, 15, D(2024, 1, 1)), D(2024, 1, 1), D(2024, 12, 31));
  ASSERT_EQ(quarterly->size(), 4u);
  EXPECT_EQ((*quarterly)[1], (Occurrence{{PeriodKind::kQuarter, 2024, 2}, D(2024, 6, 15)}));
  Result<std::vector<Occurrence>> halves = Occurrences(
      Duty(Cadence::kHalfYearly, std::nullopt, D(2023, 1, 1)), D(2024, 1, 1), D(2024, 12, 31));
  ASSERT_EQ(halves->size(), 2u);
  EXPECT_EQ((*halves)[0].deadline, D(2024, 6, 30));
  Result<std::vector<Occurrence>> annual =
      Occurrences(Duty(Cadence::kAnnual, 15, D(2020, 1, 1)), D(2022, 1, 1), D(2024, 12, 31));
  ASSERT_EQ(annual->size(), 3u);
  EXPECT_EQ((*annual)[2], (Occurrence{{PeriodKind::kYear, 2024, 0}, D(2024, 12, 15)}));
  // Weekly, due on Thursdays, in January 2025 (week 1 starts 30 December).
  Result<std::vector<Occurrence>> weekly =
      Occurrences(Duty(Cadence::kWeekly, 4, D(2024, 1, 1)), D(2025, 1, 1), D(2025, 1, 31));
  ASSERT_TRUE(weekly.ok());
  ASSERT_EQ(weekly->size(), 5u);
  EXPECT_EQ((*weekly)[0], (Occurrence{{PeriodKind::kWeek, 2025, 1}, D(2025, 1, 2)}));
  EXPECT_EQ((*weekly)[4].deadline, D(2025, 1, 30));
}

TEST(ObligationsTest, EndsAndBadInput) {
  Obligation duty = Duty(Cadence::kMonthly, 20, D(2024, 1, 1));
  duty.ends_on = D(2024, 3, 20);  // inclusive
  Result<std::vector<Occurrence>> occurrences = Occurrences(duty, D(2024, 1, 1), D(2024, 12, 31));
  EXPECT_EQ(occurrences->size(), 3u);
  EXPECT_TRUE(Occurrences(duty, D(2025, 1, 1), D(2025, 12, 31))->empty());
  EXPECT_FALSE(Occurrences(duty, D(2024, 2, 1), D(2024, 1, 1)).ok());
  EXPECT_FALSE(
      Occurrences(Duty(Cadence::kMonthly, 32, D(2024, 1, 1)), D(2024, 1, 1), D(2024, 2, 1)).ok());
  EXPECT_FALSE(
      Occurrences(Duty(Cadence::kWeekly, 8, D(2024, 1, 1)), D(2024, 1, 1), D(2024, 2, 1)).ok());
}

}  // namespace
}  // namespace dondoc::core
