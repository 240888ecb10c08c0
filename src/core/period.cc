#include "core/period.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace dondoc::core {
namespace {

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2200;

Date FirstOfMonth(int year, int month) {
  return Date{std::chrono::year{year} / std::chrono::month{static_cast<unsigned>(month)} /
              std::chrono::day{1}};
}

Date Day(int year, int month, int day) {
  return Date{std::chrono::year{year} / std::chrono::month{static_cast<unsigned>(month)} /
              std::chrono::day{static_cast<unsigned>(day)}};
}

// The last month a period covers (for the kinds that end inside one year).
int LastMonth(const Period& period) {
  switch (period.kind) {
    case PeriodKind::kMonth:
    case PeriodKind::kMonthsToDate:
      return period.number;
    case PeriodKind::kQuarter:
      return period.number * 3;
    case PeriodKind::kHalfYear:
      return period.number * 6;
    case PeriodKind::kYear:
    case PeriodKind::kYears:
    case PeriodKind::kWeek:  // not used: weeks have their own days
      return 12;
  }
  return 12;
}

int FirstMonth(const Period& period) {
  switch (period.kind) {
    case PeriodKind::kMonth:
      return period.number;
    case PeriodKind::kQuarter:
      return period.number * 3 - 2;
    case PeriodKind::kHalfYear:
      return period.number * 6 - 5;
    case PeriodKind::kYear:
    case PeriodKind::kYears:
    case PeriodKind::kMonthsToDate:
    case PeriodKind::kWeek:
      return 1;
  }
  return 1;
}

bool ParseInt(std::string_view text, int* value) {
  if (text.empty() || text.size() > 4) return false;
  int result = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
    result = result * 10 + (c - '0');
  }
  *value = result;
  return true;
}

// Monday of ISO week 1: the week that holds 4 January.
Date IsoWeekOneMonday(int year) {
  const Date january_4 = Day(year, 1, 4);
  return january_4 - std::chrono::days{IsoWeekday(january_4) - 1};
}

int IsoWeeksIn(int year) {
  return static_cast<int>((IsoWeekOneMonday(year + 1) - IsoWeekOneMonday(year)).count() / 7);
}

Status BadKey(std::string_view key) {
  return Status::InvalidInput("invalid period '" + std::string(key) +
                              "' (expected 2024, 2024-M03, 2024-Q2, 2024-H1, 2024-YTD09 or "
                              "2021-2025)");
}

}  // namespace

Status ValidatePeriod(const Period& period) {
  auto bad = [&](const std::string& why) {
    return Status::InvalidInput(
        "invalid period (kind " + std::to_string(static_cast<int>(period.kind)) + ", year " +
        std::to_string(period.year) + ", number " + std::to_string(period.number) + "): " + why);
  };
  if (period.year < kMinYear || period.year > kMaxYear) {
    return bad("year outside " + std::to_string(kMinYear) + "-" + std::to_string(kMaxYear));
  }
  switch (period.kind) {
    case PeriodKind::kMonth:
    case PeriodKind::kMonthsToDate:
      if (period.number < 1 || period.number > 12) return bad("month outside 1-12");
      break;
    case PeriodKind::kQuarter:
      if (period.number < 1 || period.number > 4) return bad("quarter outside 1-4");
      break;
    case PeriodKind::kHalfYear:
      if (period.number < 1 || period.number > 2) return bad("half outside 1-2");
      break;
    case PeriodKind::kYear:
      if (period.number != 0) return bad("a year has no number");
      break;
    case PeriodKind::kYears:
      if (period.number <= period.year || period.number > kMaxYear) {
        return bad("span must end after it starts and by " + std::to_string(kMaxYear));
      }
      break;
    case PeriodKind::kWeek:
      if (period.number < 1 || period.number > IsoWeeksIn(period.year)) {
        return bad("no such ISO week");
      }
      break;
    default:
      return bad("unknown kind");
  }
  return Status::Ok();
}

std::string PeriodKey(const Period& period) {
  char buffer[32];
  switch (period.kind) {
    case PeriodKind::kMonth:
      std::snprintf(buffer, sizeof buffer, "%04d-M%02d", period.year, period.number);
      break;
    case PeriodKind::kQuarter:
      std::snprintf(buffer, sizeof buffer, "%04d-Q%d", period.year, period.number);
      break;
    case PeriodKind::kHalfYear:
      std::snprintf(buffer, sizeof buffer, "%04d-H%d", period.year, period.number);
      break;
    case PeriodKind::kYear:
      std::snprintf(buffer, sizeof buffer, "%04d", period.year);
      break;
    case PeriodKind::kMonthsToDate:
      std::snprintf(buffer, sizeof buffer, "%04d-YTD%02d", period.year, period.number);
      break;
    case PeriodKind::kYears:
      std::snprintf(buffer, sizeof buffer, "%04d-%04d", period.year, period.number);
      break;
    case PeriodKind::kWeek:
      std::snprintf(buffer, sizeof buffer, "%04d-W%02d", period.year, period.number);
      break;
    default:
      std::snprintf(buffer, sizeof buffer, "invalid");
      break;
  }
  return buffer;
}

Result<Period> ParsePeriodKey(std::string_view key) {
  Period period;
  if (key.size() < 4 || !ParseInt(key.substr(0, 4), &period.year)) return BadKey(key);
  const std::string_view rest = key.substr(4);
  if (rest.empty()) {
    period.kind = PeriodKind::kYear;
  } else if (rest.size() == 3 && rest[0] == '-' && rest[1] == 'Q' &&
             ParseInt(rest.substr(2), &period.number)) {
    period.kind = PeriodKind::kQuarter;
  } else if (rest.size() == 3 && rest[0] == '-' && rest[1] == 'H' &&
             ParseInt(rest.substr(2), &period.number)) {
    period.kind = PeriodKind::kHalfYear;
  } else if (rest.size() == 6 && rest.substr(0, 4) == "-YTD" &&
             ParseInt(rest.substr(4), &period.number)) {
    period.kind = PeriodKind::kMonthsToDate;
  } else if (rest.size() == 5 && rest[0] == '-' && ParseInt(rest.substr(1), &period.number)) {
    period.kind = PeriodKind::kYears;
  } else if (rest.size() == 4 && rest[0] == '-' && rest[1] == 'W' &&
             ParseInt(rest.substr(2), &period.number)) {
    period.kind = PeriodKind::kWeek;
  } else if (rest.size() == 4 && rest[0] == '-' && rest[1] == 'M' &&
             ParseInt(rest.substr(2), &period.number)) {
    period.kind = PeriodKind::kMonth;
  } else {
    return BadKey(key);
  }
  Status valid = ValidatePeriod(period);
  if (!valid.ok()) return BadKey(key);
  return period;
}

Date PeriodStart(const Period& period) {
  if (period.kind == PeriodKind::kWeek) {
    return IsoWeekOneMonday(period.year) + std::chrono::days{7 * (period.number - 1)};
  }
  return FirstOfMonth(period.year, FirstMonth(period));
}

Date PeriodEnd(const Period& period) {
  if (period.kind == PeriodKind::kWeek) return PeriodStart(period) + std::chrono::days{6};
  const int end_year = period.kind == PeriodKind::kYears ? period.number : period.year;
  return EndOfMonth(end_year, LastMonth(period));
}

Period SamePeriodLastYear(const Period& period) {
  Period earlier = period;
  earlier.year -= 1;
  if (period.kind == PeriodKind::kYears) earlier.number -= 1;
  // Week 53 of a year whose predecessor has 52 weeks: its last week.
  if (period.kind == PeriodKind::kWeek) {
    earlier.number = std::min(period.number, IsoWeeksIn(earlier.year));
  }
  return earlier;
}

DateRange DataWindow(const Period& period) {
  if (period.kind == PeriodKind::kWeek) return {PeriodStart(period), PeriodEnd(period)};
  const int end_year = period.kind == PeriodKind::kYears ? period.number : period.year;
  const int last_month = LastMonth(period);
  DateRange range;
  range.last = Day(end_year, last_month, 14);
  int first_month = 12;
  int first_year = period.year - 1;
  switch (period.kind) {
    case PeriodKind::kMonth:
    case PeriodKind::kQuarter:
    case PeriodKind::kHalfYear: {
      // From the 15th of the month before the period's first month.
      const int before = FirstMonth(period) - 1;
      first_month = before == 0 ? 12 : before;
      first_year = before == 0 ? period.year - 1 : period.year;
      break;
    }
    case PeriodKind::kYear:
    case PeriodKind::kMonthsToDate:
    case PeriodKind::kYears:
    case PeriodKind::kWeek:
      break;
  }
  range.first = Day(first_year, first_month, 15);
  return range;
}

Period PeriodContaining(PeriodKind kind, Date day) {
  const int year = YearOf(day);
  const int month = MonthOf(day);
  switch (kind) {
    case PeriodKind::kMonth:
      return {kind, year, month};
    case PeriodKind::kQuarter:
      return {kind, year, (month + 2) / 3};
    case PeriodKind::kHalfYear:
      return {kind, year, (month + 5) / 6};
    case PeriodKind::kYear:
      return {kind, year, 0};
    case PeriodKind::kMonthsToDate:
      return {kind, year, month};
    case PeriodKind::kYears: {
      // The five-year plan term: 2016-2020, 2021-2025, 2026-2030.
      const int start = year - ((year - 1) % 5 + 5) % 5;
      return {kind, start, start + 4};
    }
    case PeriodKind::kWeek: {
      // The ISO week's year is the year of its Thursday.
      const Date thursday = day + std::chrono::days{4 - IsoWeekday(day)};
      const int iso_year = YearOf(thursday);
      return {kind, iso_year,
              static_cast<int>((thursday - IsoWeekOneMonday(iso_year)).count() / 7) + 1};
    }
  }
  return {PeriodKind::kYear, year, 0};
}

}  // namespace dondoc::core
