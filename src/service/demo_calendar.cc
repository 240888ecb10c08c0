#include "service/demo_calendar.h"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>

namespace dondoc::service::demo {

namespace {

using core::CalendarDay;
using core::CalendarDayKind;
using core::Date;
using std::chrono::days;

Date Day(int year, int month, int day) {
  return std::chrono::sys_days(std::chrono::year(year) / month / day);
}

bool IsWeekend(Date date) { return core::IsoWeekday(date) >= 6; }

// The first Gregorian day in [from, to] that is lunar day `lunar_day` of
// lunar month `lunar_month` (1-based, not a leap month); `from` when none.
Date FindLunarDay(Date from, Date to, int lunar_month, int lunar_day) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone("GMT+07:00"));
  std::unique_ptr<icu::Calendar> calendar(
      icu::Calendar::createInstance(*zone, icu::Locale("vi_VN@calendar=chinese"), status));
  if (U_FAILURE(status) || !calendar) return from;
  for (Date day = from; day <= to; day += days{1}) {
    // Noon in the province, as milliseconds since the epoch (UTC).
    const double millis =
        (static_cast<double>(day.time_since_epoch().count()) * 86400.0 + 5 * 3600.0) * 1000.0;
    calendar->setTime(millis, status);
    const int month = calendar->get(UCAL_MONTH, status) + 1;
    const int date = calendar->get(UCAL_DATE, status);
    const int leap = calendar->get(UCAL_IS_LEAP_MONTH, status);
    if (U_FAILURE(status)) return from;
    if (month == lunar_month && date == lunar_day && leap == 0) return day;
  }
  return from;
}

}  // namespace

std::vector<CalendarDay> HolidayCalendar(int year) {
  std::map<Date, CalendarDay> days_by_date;
  auto holiday = [&](Date date, const std::string& name) {
    days_by_date[date] = CalendarDay{date, CalendarDayKind::kHoliday, name};
  };
  holiday(Day(year, 1, 1), "Tết Dương lịch");
  const Date tet = FindLunarDay(Day(year, 1, 15), Day(year, 2, 25), 1, 1);
  holiday(tet - days{1}, "Tết Nguyên đán");
  for (int i = 0; i < 4; ++i) holiday(tet + days{i}, "Tết Nguyên đán");
  holiday(FindLunarDay(Day(year, 3, 15), Day(year, 5, 15), 3, 10), "Giỗ Tổ Hùng Vương");
  holiday(Day(year, 4, 30), "Ngày Chiến thắng");
  holiday(Day(year, 5, 1), "Ngày Quốc tế Lao động");
  holiday(Day(year, 9, 2), "Quốc khánh");
  // The adjacent day of National Day: 1/9 when 2/9 is Tuesday, else 3/9.
  const Date national = Day(year, 9, 2);
  holiday(core::IsoWeekday(national) == 2 ? national - days{1} : national + days{1}, "Quốc khánh");

  // A holiday on a weekend gives the next free working day off.
  std::vector<Date> holidays;
  holidays.reserve(days_by_date.size());
  for (const auto& [date, day] : days_by_date) holidays.push_back(date);
  for (const Date date : holidays) {
    if (!IsWeekend(date)) continue;
    Date lieu = date + days{1};
    while (IsWeekend(lieu) || days_by_date.count(lieu) != 0) lieu += days{1};
    days_by_date[lieu] = CalendarDay{lieu, CalendarDayKind::kDayOff, "nghỉ bù"};
  }
  // A bridge day: when 30/4 is a Tuesday, Monday 29/4 is off and the
  // Saturday after is worked (when 30/4 is a Thursday, Friday 2/5 likewise).
  const Date victory = Day(year, 4, 30);
  std::optional<Date> bridge;
  if (core::IsoWeekday(victory) == 2) bridge = victory - days{1};
  if (core::IsoWeekday(victory) == 4) bridge = victory + days{2};
  if (bridge && days_by_date.count(*bridge) == 0) {
    days_by_date[*bridge] = CalendarDay{*bridge, CalendarDayKind::kDayOff, "nghỉ hoán đổi"};
    Date saturday = *bridge + days{1};
    while (core::IsoWeekday(saturday) != 6) saturday += days{1};
    days_by_date[saturday] = CalendarDay{saturday, CalendarDayKind::kWorkingDay, "làm bù"};
  }

  std::vector<CalendarDay> result;
  result.reserve(days_by_date.size());
  for (auto& [date, day] : days_by_date) result.push_back(std::move(day));
  return result;
}

}  // namespace dondoc::service::demo
