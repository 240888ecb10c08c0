// Reporting periods and their data windows.
//
// A Period names what a figure or report covers: a month, a quarter, a
// half-year, a year, the cumulative months of a year so far ("9 tháng đầu
// năm", "lũy kế 11 tháng") or a span of years ("giai đoạn 2021-2025"). Its
// key is a stable string used in storage and URLs:
//
//   2024-M03  month       2024-Q2  quarter    2024-H1  half-year
//   2024      year        2024-YTD09  January to September (cumulative)
//   2021-2025 years       2024-W05    ISO 8601 week (weekly duties; the
//                                     year is the ISO week-numbering year)
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "core/date.h"

namespace dondoc::core {

enum class PeriodKind { kMonth, kQuarter, kHalfYear, kYear, kMonthsToDate, kYears, kWeek };

struct Period {
  PeriodKind kind = PeriodKind::kYear;
  int year = 0;
  // Month 1-12, quarter 1-4, half 1-2, months-to-date 1-12, ISO week 1-53,
  // or the last year of a kYears span; 0 for kYear.
  int number = 0;
  friend bool operator==(const Period&, const Period&) = default;
};

// Checks ranges (month 1-12, quarter 1-4, year 1900-2200, span end > start).
Status ValidatePeriod(const Period& period);
std::string PeriodKey(const Period& period);
Result<Period> ParsePeriodKey(std::string_view key);

// First and last calendar day the period covers.
Date PeriodStart(const Period& period);
Date PeriodEnd(const Period& period);

// The same period one year earlier ("so với cùng kỳ"); a span of years moves
// by one year; week 53 becomes week 52 when the earlier year has no week 53.
Period SamePeriodLastYear(const Period& period);

// The data window a periodic report of this period covers under Decree
// 09/2019/NĐ-CP art. 12: month M = 15 of M-1 .. 14 of M; quarter = 15 of the
// month before the quarter .. 14 of its last month; 6 months = 15 December
// of the previous year .. 14 June; year = 15 December .. 14 December;
// months-to-date N = 15 December .. 14 of month N. The decree sets no window
// for a week: a week's window is the week itself (Monday to Sunday).
struct DateRange {
  Date first{};
  Date last{};  // inclusive
};
DateRange DataWindow(const Period& period);

// The period of the given kind that contains `day` by calendar (not by data
// window): e.g. 2024-05-03 in kQuarter is 2024-Q2; in kMonthsToDate, January
// to its month; in kYears, the five-year plan term (2021-2025, 2026-2030).
Period PeriodContaining(PeriodKind kind, Date day);

}  // namespace dondoc::core
