#include "core/period.h"

#include <gtest/gtest.h>

namespace dondoc::core {
namespace {

Date D(int y, int m, int d) { return *MakeDate(y, m, d); }

TEST(PeriodTest, KeysRoundTrip) {
  const Period periods[] = {
      {PeriodKind::kMonth, 2024, 3},        {PeriodKind::kQuarter, 2024, 2},
      {PeriodKind::kHalfYear, 2024, 1},     {PeriodKind::kYear, 2024, 0},
      {PeriodKind::kMonthsToDate, 2024, 9}, {PeriodKind::kYears, 2021, 2025},
      {PeriodKind::kWeek, 2024, 5},
  };
  const char* keys[] = {"2024-M03",   "2024-Q2",   "2024-H1", "2024",
                        "2024-YTD09", "2021-2025", "2024-W05"};
  for (size_t i = 0; i < std::size(periods); ++i) {
    EXPECT_EQ(PeriodKey(periods[i]), keys[i]);
    Result<Period> parsed = ParsePeriodKey(keys[i]);
    ASSERT_TRUE(parsed.ok()) << keys[i] << ": " << parsed.status().message();
    EXPECT_EQ(*parsed, periods[i]) << keys[i];
  }
}

TEST(PeriodTest, RefusesBadKeys) {
  for (const char* key : {"", "24", "2024-M13", "2024-M00", "2024-M3", "2024-Q5", "2024-Q0",
                          "2024-H3", "2024-YTD13", "2025-2021", "2024-2024", "1899", "2201",
                          "2024-q2", "2024-Q2x", "2024-W1", "2024-W53", "2024-W00", "20x4"}) {
    Result<Period> parsed = ParsePeriodKey(key);
    EXPECT_FALSE(parsed.ok()) << key;
    if (!parsed.ok()) {
      EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidInput);
      EXPECT_NE(parsed.status().message().find(key), std::string::npos);
    }
  }
  EXPECT_FALSE(ValidatePeriod({PeriodKind::kYear, 2024, 3}).ok());
  EXPECT_TRUE(ValidatePeriod({PeriodKind::kYear, 2024, 0}).ok());
}

TEST(PeriodTest, StartAndEnd) {
  EXPECT_EQ(PeriodStart({PeriodKind::kMonth, 2024, 2}), D(2024, 2, 1));
  EXPECT_EQ(PeriodEnd({PeriodKind::kMonth, 2024, 2}), D(2024, 2, 29));
  EXPECT_EQ(PeriodStart({PeriodKind::kQuarter, 2024, 3}), D(2024, 7, 1));
  EXPECT_EQ(PeriodEnd({PeriodKind::kQuarter, 2024, 3}), D(2024, 9, 30));
  EXPECT_EQ(PeriodStart({PeriodKind::kHalfYear, 2024, 2}), D(2024, 7, 1));
  EXPECT_EQ(PeriodEnd({PeriodKind::kHalfYear, 2024, 1}), D(2024, 6, 30));
  EXPECT_EQ(PeriodEnd({PeriodKind::kYear, 2024, 0}), D(2024, 12, 31));
  EXPECT_EQ(PeriodStart({PeriodKind::kMonthsToDate, 2024, 9}), D(2024, 1, 1));
  EXPECT_EQ(PeriodEnd({PeriodKind::kMonthsToDate, 2024, 9}), D(2024, 9, 30));
  EXPECT_EQ(PeriodStart({PeriodKind::kYears, 2021, 2025}), D(2021, 1, 1));
  EXPECT_EQ(PeriodEnd({PeriodKind::kYears, 2021, 2025}), D(2025, 12, 31));
}

TEST(PeriodTest, IsoWeeks) {
  // 2020 has 53 ISO weeks; week 1 of 2025 starts on Monday 30 December 2024.
  EXPECT_TRUE(ValidatePeriod({PeriodKind::kWeek, 2020, 53}).ok());
  EXPECT_FALSE(ValidatePeriod({PeriodKind::kWeek, 2024, 53}).ok());
  EXPECT_EQ(PeriodStart({PeriodKind::kWeek, 2025, 1}), D(2024, 12, 30));
  EXPECT_EQ(PeriodEnd({PeriodKind::kWeek, 2025, 1}), D(2025, 1, 5));
  EXPECT_EQ(PeriodContaining(PeriodKind::kWeek, D(2024, 12, 31)),
            (Period{PeriodKind::kWeek, 2025, 1}));
  EXPECT_EQ(PeriodContaining(PeriodKind::kWeek, D(2021, 1, 3)),
            (Period{PeriodKind::kWeek, 2020, 53}));
  EXPECT_EQ(PeriodContaining(PeriodKind::kWeek, D(2024, 2, 1)),
            (Period{PeriodKind::kWeek, 2024, 5}));
  EXPECT_EQ(SamePeriodLastYear({PeriodKind::kWeek, 2021, 53 - 1}),
            (Period{PeriodKind::kWeek, 2020, 52}));
  EXPECT_EQ(SamePeriodLastYear({PeriodKind::kWeek, 2021, 1}), (Period{PeriodKind::kWeek, 2020, 1}));
  EXPECT_EQ(DataWindow({PeriodKind::kWeek, 2025, 1}).first, D(2024, 12, 30));
  // Every day of a few years lies in the week PeriodContaining names.
  for (Date day = D(2019, 12, 1); day <= D(2027, 1, 31); day += std::chrono::days{1}) {
    const Period week = PeriodContaining(PeriodKind::kWeek, day);
    ASSERT_TRUE(ValidatePeriod(week).ok()) << FormatIsoDate(day);
    ASSERT_LE(PeriodStart(week), day);
    ASSERT_GE(PeriodEnd(week), day);
  }
}

TEST(PeriodTest, DataWindowsFollowDecree09) {
  auto window = [](Period p) {
    const DateRange range = DataWindow(p);
    return FormatIsoDate(range.first) + ".." + FormatIsoDate(range.last);
  };
  EXPECT_EQ(window({PeriodKind::kMonth, 2024, 1}), "2023-12-15..2024-01-14");
  EXPECT_EQ(window({PeriodKind::kMonth, 2024, 7}), "2024-06-15..2024-07-14");
  EXPECT_EQ(window({PeriodKind::kQuarter, 2024, 1}), "2023-12-15..2024-03-14");
  EXPECT_EQ(window({PeriodKind::kQuarter, 2024, 3}), "2024-06-15..2024-09-14");
  EXPECT_EQ(window({PeriodKind::kHalfYear, 2024, 1}), "2023-12-15..2024-06-14");
  EXPECT_EQ(window({PeriodKind::kHalfYear, 2024, 2}), "2024-06-15..2024-12-14");
  EXPECT_EQ(window({PeriodKind::kYear, 2024, 0}), "2023-12-15..2024-12-14");
  EXPECT_EQ(window({PeriodKind::kMonthsToDate, 2024, 9}), "2023-12-15..2024-09-14");
}

TEST(PeriodTest, SamePeriodLastYearAndContaining) {
  EXPECT_EQ(SamePeriodLastYear({PeriodKind::kQuarter, 2024, 2}),
            (Period{PeriodKind::kQuarter, 2023, 2}));
  EXPECT_EQ(SamePeriodLastYear({PeriodKind::kYears, 2021, 2025}),
            (Period{PeriodKind::kYears, 2020, 2024}));
  EXPECT_EQ(PeriodContaining(PeriodKind::kQuarter, D(2024, 5, 3)),
            (Period{PeriodKind::kQuarter, 2024, 2}));
  EXPECT_EQ(PeriodContaining(PeriodKind::kHalfYear, D(2024, 7, 1)),
            (Period{PeriodKind::kHalfYear, 2024, 2}));
  EXPECT_EQ(PeriodContaining(PeriodKind::kMonth, D(2024, 12, 31)),
            (Period{PeriodKind::kMonth, 2024, 12}));
  EXPECT_EQ(PeriodContaining(PeriodKind::kYear, D(2024, 12, 31)),
            (Period{PeriodKind::kYear, 2024, 0}));
  EXPECT_EQ(PeriodContaining(PeriodKind::kYears, D(2025, 12, 31)),
            (Period{PeriodKind::kYears, 2021, 2025}));
  EXPECT_EQ(PeriodContaining(PeriodKind::kYears, D(2026, 1, 1)),
            (Period{PeriodKind::kYears, 2026, 2030}));
}

}  // namespace
}  // namespace dondoc::core
