#include "core/date.h"

#include <gtest/gtest.h>

#include "core/task_status.h"

namespace dondoc::core {
namespace {

TEST(DateTest, ParsesAndFormatsIsoDates) {
  Result<Date> date = ParseIsoDate("2024-06-30");
  ASSERT_TRUE(date.ok()) << date.status().message();
  EXPECT_EQ(YearOf(*date), 2024);
  EXPECT_EQ(MonthOf(*date), 6);
  EXPECT_EQ(DayOf(*date), 30);
  EXPECT_EQ(FormatIsoDate(*date), "2024-06-30");
  EXPECT_EQ(FormatIsoDate(*MakeDate(7, 1, 2)), "0007-01-02");
}

TEST(DateTest, RefusesInvalidDates) {
  for (const char* text : {"2023-02-29", "2024-13-01", "2024-00-10", "2024-6-30", "2024-06-30x", "",
                           "abcd-ef-gh", "2024/06/30", "2024-04-31"}) {
    Result<Date> date = ParseIsoDate(text);
    EXPECT_FALSE(date.ok()) << text;
    if (!date.ok()) {
      EXPECT_EQ(date.status().code(), StatusCode::kInvalidInput);
    }
  }
  EXPECT_TRUE(ParseIsoDate("2024-02-29").ok());
  EXPECT_FALSE(MakeDate(2024, 2, 30).ok());
  EXPECT_FALSE(MakeDate(2024, 0, 1).ok());
  EXPECT_FALSE(MakeDate(0, 1, 1).ok());
}

TEST(DateTest, TimestampsRoundTripInUtc) {
  Result<Timestamp> instant = ParseIsoTimestamp("2024-06-30T08:15:00Z");
  ASSERT_TRUE(instant.ok()) << instant.status().message();
  EXPECT_EQ(FormatIsoTimestamp(*instant), "2024-06-30T08:15:00Z");
  // Offsets as a database hands them back.
  EXPECT_EQ(FormatIsoTimestamp(*ParseIsoTimestamp("2024-06-30 15:15:00+07")),
            "2024-06-30T08:15:00Z");
  EXPECT_EQ(FormatIsoTimestamp(*ParseIsoTimestamp("2024-06-30T15:15:00.123456+07:00")),
            "2024-06-30T08:15:00Z");
  EXPECT_EQ(FormatIsoTimestamp(*ParseIsoTimestamp("2024-07-01T01:00:00+0700")),
            "2024-06-30T18:00:00Z");
  for (const char* text : {"2024-06-30T08:15:00", "2024-06-30T24:00:00Z", "2024-06-30T08:15Z",
                           "2024-06-30T08:15:00Zjunk", "2024-06-30T08:15:00.Z"}) {
    EXPECT_FALSE(ParseIsoTimestamp(text).ok()) << text;
  }
}

TEST(DateTest, WeekdaysAndMonthEnds) {
  EXPECT_EQ(IsoWeekday(*MakeDate(2024, 6, 30)), 7);  // Sunday
  EXPECT_EQ(IsoWeekday(*MakeDate(2024, 7, 1)), 1);   // Monday
  EXPECT_EQ(EndOfMonth(2024, 2), *MakeDate(2024, 2, 29));
  EXPECT_EQ(EndOfMonth(2023, 2), *MakeDate(2023, 2, 28));
  EXPECT_EQ(EndOfMonth(2024, 12), *MakeDate(2024, 12, 31));
}

TEST(DateTest, LocalDayIsTheProvinceDay) {
  // 18:30 UTC is already the next day in Vietnam (UTC+7).
  EXPECT_EQ(LocalDay(*ParseIsoTimestamp("2024-06-30T18:30:00Z")), *MakeDate(2024, 7, 1));
  EXPECT_EQ(LocalDay(*ParseIsoTimestamp("2024-06-30T16:59:59Z")), *MakeDate(2024, 6, 30));
  EXPECT_EQ(LocalDay(*ParseIsoTimestamp("2024-06-30T18:30:00Z"), std::chrono::minutes{0}),
            *MakeDate(2024, 6, 30));
}

}  // namespace
}  // namespace dondoc::core
