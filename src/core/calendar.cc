#include "core/calendar.h"

#include <algorithm>
#include <set>
#include <string>

#include "core/lunar.h"

namespace dondoc::core {
namespace {

bool IsWeekend(Date day) { return IsoWeekday(day) >= 6; }

CalendarDay Holiday(Date date, std::string name) {
  return {date, CalendarDayKind::kHoliday, std::move(name)};
}

}  // namespace

Result<std::vector<CalendarDay>> DefaultDays(int year) {
  if (year < 1900 || year > 2199) {
    return Status::InvalidInput("no default calendar for year " + std::to_string(year));
  }
  std::vector<CalendarDay> holidays;
  auto solar = [&](int month, int day, const char* name) {
    holidays.push_back(Holiday(*MakeDate(year, month, day), name));
  };
  solar(1, 1, "Tết Dương lịch");
  Result<Date> tet = LunarNewYear(year);
  if (!tet.ok()) return tet.status();
  holidays.push_back(Holiday(*tet - std::chrono::days{1}, "Tết Nguyên đán"));
  for (int i = 0; i < 4; ++i) {
    holidays.push_back(Holiday(*tet + std::chrono::days{i}, "Tết Nguyên đán"));
  }
  Result<Date> hung_kings = LunarToSolar(year, 3, 10);
  if (!hung_kings.ok()) return hung_kings.status();
  holidays.push_back(Holiday(*hung_kings, "Giỗ Tổ Hùng Vương"));
  solar(4, 30, "Ngày Chiến thắng");
  solar(5, 1, "Ngày Quốc tế Lao động");
  const Date national_day = *MakeDate(year, 9, 2);
  solar(9, 2, "Quốc khánh");
  solar(9, IsoWeekday(national_day) == 1 ? 3 : 1, "Quốc khánh");
  std::sort(holidays.begin(), holidays.end(),
            [](const CalendarDay& a, const CalendarDay& b) { return a.date < b.date; });

  // Compensatory days: the next weekday that is neither a holiday nor
  // already given, in holiday order.
  std::set<Date> taken;
  for (const CalendarDay& day : holidays) taken.insert(day.date);
  std::vector<CalendarDay> days = holidays;
  for (const CalendarDay& holiday : holidays) {
    if (!IsWeekend(holiday.date)) continue;
    Date next = holiday.date + std::chrono::days{1};
    while (IsWeekend(next) || taken.count(next) != 0) next += std::chrono::days{1};
    taken.insert(next);
    days.push_back({next, CalendarDayKind::kDayOff, "Nghỉ bù " + holiday.name});
  }
  std::sort(days.begin(), days.end(),
            [](const CalendarDay& a, const CalendarDay& b) { return a.date < b.date; });
  return days;
}

WorkingCalendar::WorkingCalendar(std::vector<CalendarDay> data) {
  for (CalendarDay& day : data) {
    data_[YearOf(day.date)][day.date] = std::move(day);
  }
}

const WorkingCalendar::Exceptions& WorkingCalendar::YearExceptions(int year) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto cached = years_.find(year);
  if (cached != years_.end()) return cached->second;
  Exceptions& exceptions = years_[year];
  const auto data = data_.find(year);
  if (data != data_.end()) {
    exceptions = data->second;
  } else if (Result<std::vector<CalendarDay>> defaults = DefaultDays(year); defaults.ok()) {
    // Outside the supported years (or if ICU fails) only weekends count.
    for (CalendarDay& day : *defaults) exceptions[day.date] = std::move(day);
  }
  return exceptions;  // std::map nodes are stable: safe to hand out
}

bool WorkingCalendar::IsWorkingDay(Date day) const {
  const Exceptions& exceptions = YearExceptions(YearOf(day));
  const auto found = exceptions.find(day);
  if (found != exceptions.end()) return found->second.kind == CalendarDayKind::kWorkingDay;
  return !IsWeekend(day);
}

Date WorkingCalendar::AddWorkingDays(Date start, int count) const {
  const std::chrono::days step{count >= 0 ? 1 : -1};
  int remaining = count >= 0 ? count : -count;
  Date day = start;
  while (remaining > 0) {
    day += step;
    if (IsWorkingDay(day)) --remaining;
  }
  return day;
}

int64_t WorkingCalendar::WorkingDaysBetween(Date from, Date to) const {
  int64_t count = 0;
  if (to < from) {
    // Going back, the days counted are [to, from): the mirror of
    // AddWorkingDays with a negative count.
    for (Date day = to; day < from; day += std::chrono::days{1}) {
      if (IsWorkingDay(day)) --count;
    }
    return count;
  }
  for (Date day = from + std::chrono::days{1}; day <= to; day += std::chrono::days{1}) {
    if (IsWorkingDay(day)) ++count;
  }
  return count;
}

std::vector<CalendarDay> WorkingCalendar::DaysOfYear(int year) const {
  std::vector<CalendarDay> days;
  for (const auto& [date, day] : YearExceptions(year)) days.push_back(day);
  return days;
}

}  // namespace dondoc::core
