// Calendar dates and instants for the tracking core.
//
// A Date is a civil day with no time zone: deadlines, assignment days and
// completion days are days in the province's calendar, never instants. A
// Timestamp is an instant in UTC, used only for when something was recorded
// (an audit entry, a figure's submission time). Keeping the two apart is what
// makes "completed on the deadline day" unambiguous.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace dondoc::core {

using Date = std::chrono::sys_days;
using Timestamp = std::chrono::sys_seconds;

// Builds a date from its parts; the parts must form a valid civil date.
Result<Date> MakeDate(int year, int month, int day);

// "2024-06-30" -> Date. Anything else (or an invalid day such as
// 2023-02-29) is InvalidInput naming the text.
Result<Date> ParseIsoDate(std::string_view text);

// Date -> "2024-06-30".
std::string FormatIsoDate(Date date);

// "2024-06-30T08:15:00Z" <-> Timestamp (seconds, UTC).
Result<Timestamp> ParseIsoTimestamp(std::string_view text);
std::string FormatIsoTimestamp(Timestamp instant);

int YearOf(Date date);
int MonthOf(Date date);  // 1..12
int DayOf(Date date);    // 1..31
// 1 = Monday ... 7 = Sunday (ISO 8601).
int IsoWeekday(Date date);
// The last day of the month.
Date EndOfMonth(int year, int month);

}  // namespace dondoc::core
