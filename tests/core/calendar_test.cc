#include "core/calendar.h"

#include <gtest/gtest.h>

#include <random>

#include "core/lunar.h"

namespace dondoc::core {
namespace {

Date D(int y, int m, int d) { return *MakeDate(y, m, d); }

TEST(LunarTest, KnownNewYears) {
  EXPECT_EQ(*LunarNewYear(2023), D(2023, 1, 22));
  EXPECT_EQ(*LunarNewYear(2024), D(2024, 2, 10));
  EXPECT_EQ(*LunarNewYear(2025), D(2025, 1, 29));
  EXPECT_EQ(*LunarNewYear(2026), D(2026, 2, 17));
}

TEST(LunarTest, VietnamUsesUtcPlus7) {
  // The new moon of 17 February 2007 fell at 16:14 UTC: 18 February in
  // China, still 17 February in Vietnam, where Tết was on the 17th.
  EXPECT_EQ(*LunarNewYear(2007), D(2007, 2, 17));
}

TEST(LunarTest, GioToHungVuong) {
  EXPECT_EQ(*LunarToSolar(2024, 3, 10), D(2024, 4, 18));
  EXPECT_EQ(*LunarToSolar(2023, 3, 10), D(2023, 4, 29));
  EXPECT_EQ(*LunarToSolar(2025, 3, 10), D(2025, 4, 7));
}

TEST(LunarTest, RefusesInvalidLunarDays) {
  EXPECT_EQ(LunarToSolar(2024, 13, 1).status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(LunarToSolar(2024, 1, 31).status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(LunarToSolar(2024, 1, 0).status().code(), StatusCode::kInvalidInput);
  // Month 12 of the lunar year 2023 had 30 days (Tết 2024 fell on the 31st
  // day after 11 January); month 12 of 2024 had 29 (Tết 2025: 29 January).
  EXPECT_EQ(*LunarToSolar(2023, 12, 1), D(2024, 1, 11));
  EXPECT_EQ(*LunarToSolar(2023, 12, 30), D(2024, 2, 9));
  EXPECT_EQ(*LunarToSolar(2024, 12, 1), D(2024, 12, 31));
  EXPECT_EQ(*LunarToSolar(2024, 12, 29), D(2025, 1, 28));
  EXPECT_EQ(LunarToSolar(2024, 12, 30).status().code(), StatusCode::kInvalidInput);
}

TEST(CalendarTest, DefaultHolidays2024) {
  const WorkingCalendar calendar;
  // Tết 2024: 9 (last day of the year) to 13 February; 10 and 11 are a
  // weekend, so 14 and 15 are compensatory days off.
  for (int day = 9; day <= 15; ++day) {
    EXPECT_FALSE(calendar.IsWorkingDay(D(2024, 2, day))) << day;
  }
  EXPECT_TRUE(calendar.IsWorkingDay(D(2024, 2, 8)));
  EXPECT_TRUE(calendar.IsWorkingDay(D(2024, 2, 16)));
  EXPECT_FALSE(calendar.IsWorkingDay(D(2024, 4, 18)));  // Giỗ Tổ (Thursday)
  EXPECT_FALSE(calendar.IsWorkingDay(D(2024, 4, 30)));
  EXPECT_FALSE(calendar.IsWorkingDay(D(2024, 5, 1)));
  // 2/9/2024 is a Monday: the adjacent day is 3/9.
  EXPECT_FALSE(calendar.IsWorkingDay(D(2024, 9, 2)));
  EXPECT_FALSE(calendar.IsWorkingDay(D(2024, 9, 3)));
  EXPECT_FALSE(calendar.IsWorkingDay(D(2024, 1, 1)));
  EXPECT_TRUE(calendar.IsWorkingDay(D(2024, 1, 2)));
  EXPECT_FALSE(calendar.IsWorkingDay(D(2024, 1, 6)));  // Saturday
}

TEST(CalendarTest, WeekendHolidaysGiveTheNextWorkingDay) {
  const WorkingCalendar calendar;
  // 2023: Giỗ Tổ on Saturday 29 April, 30 April a Sunday, 1 May a Monday:
  // compensation on Tuesday 2 and Wednesday 3 May.
  EXPECT_FALSE(calendar.IsWorkingDay(D(2023, 4, 29)));
  EXPECT_FALSE(calendar.IsWorkingDay(D(2023, 5, 1)));
  EXPECT_FALSE(calendar.IsWorkingDay(D(2023, 5, 2)));
  EXPECT_FALSE(calendar.IsWorkingDay(D(2023, 5, 3)));
  EXPECT_TRUE(calendar.IsWorkingDay(D(2023, 5, 4)));
  // 2025: 2/9 is a Tuesday, so 1/9 (Monday) is the adjacent day.
  EXPECT_FALSE(calendar.IsWorkingDay(D(2025, 9, 1)));
  EXPECT_TRUE(calendar.IsWorkingDay(D(2025, 9, 3)));
}

TEST(CalendarTest, PerYearDataOverridesTheDefaults) {
  // 2023 as decided: 2/9 (Saturday) and 1/9, and a swap: Monday 4/9 off in
  // exchange for Saturday 26/8 worked.
  std::vector<CalendarDay> data = {
      {D(2023, 9, 1), CalendarDayKind::kHoliday, "Quốc khánh"},
      {D(2023, 9, 2), CalendarDayKind::kHoliday, "Quốc khánh"},
      {D(2023, 9, 4), CalendarDayKind::kDayOff, "nghỉ hoán đổi"},
      {D(2023, 8, 26), CalendarDayKind::kWorkingDay, "làm bù"},
  };
  const WorkingCalendar calendar(data);
  EXPECT_TRUE(calendar.IsWorkingDay(D(2023, 8, 26)));  // a Saturday worked
  EXPECT_FALSE(calendar.IsWorkingDay(D(2023, 9, 4)));
  EXPECT_TRUE(calendar.IsWorkingDay(D(2023, 9, 5)));
  // The data replaces the year's defaults: 1/1/2023 is not in it.
  EXPECT_TRUE(calendar.IsWorkingDay(D(2023, 1, 3)));
  EXPECT_EQ(calendar.DaysOfYear(2023).size(), 4u);
  // Other years keep their defaults.
  EXPECT_FALSE(calendar.IsWorkingDay(D(2024, 2, 12)));
  // Deadline in working days across the swap: from Friday 25/8, 5 working
  // days are 26/8 (worked Saturday), 28, 29, 30, 31 August.
  EXPECT_EQ(calendar.AddWorkingDays(D(2023, 8, 25), 5), D(2023, 8, 31));
  EXPECT_EQ(calendar.AddWorkingDays(D(2023, 8, 31), 1), D(2023, 9, 5));
}

TEST(CalendarTest, AddWorkingDaysAndCount) {
  const WorkingCalendar calendar;
  // From Thursday 8 February 2024, 3 working days skip Tết: 16, 19, 20.
  EXPECT_EQ(calendar.AddWorkingDays(D(2024, 2, 8), 3), D(2024, 2, 20));
  EXPECT_EQ(calendar.WorkingDaysBetween(D(2024, 2, 8), D(2024, 2, 20)), 3);
  EXPECT_EQ(calendar.AddWorkingDays(D(2024, 2, 20), -3), D(2024, 2, 8));
  EXPECT_EQ(calendar.AddWorkingDays(D(2024, 2, 10), 0), D(2024, 2, 10));
  EXPECT_EQ(calendar.WorkingDaysBetween(D(2024, 3, 4), D(2024, 3, 4)), 0);
  // Round trips, forwards and backwards, from working and non-working days.
  std::mt19937 random(7);
  for (int i = 0; i < 200; ++i) {
    const Date start = D(2023, 12, 1) + std::chrono::days{random() % 500};
    const int count = static_cast<int>(random() % 61) - 30;
    const Date end = calendar.AddWorkingDays(start, count);
    EXPECT_EQ(calendar.WorkingDaysBetween(start, end), count)
        << FormatIsoDate(start) << " " << count;
  }
}

TEST(CalendarTest, DefaultDaysForManyYears) {
  for (int year = 1950; year <= 2100; ++year) {
    Result<std::vector<CalendarDay>> days = DefaultDays(year);
    ASSERT_TRUE(days.ok()) << year << ": " << days.status().message();
    int holidays = 0;
    for (const CalendarDay& day : *days) {
      if (day.kind == CalendarDayKind::kHoliday) ++holidays;
      // Tết's last-day-of-year may fall in the previous... never: Tết is
      // after 21 January, so every day is inside the year.
      EXPECT_EQ(YearOf(day.date), year) << FormatIsoDate(day.date);
    }
    EXPECT_EQ(holidays, 11) << year;
  }
  EXPECT_FALSE(DefaultDays(1800).ok());
}

}  // namespace
}  // namespace dondoc::core
