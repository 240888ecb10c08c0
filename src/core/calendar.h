// Working days: Monday to Friday, less public holidays, with the days
// swapped around them (deadlines "trong 05 ngày làm việc").
//
// Public holidays (Labour Code 2019, art. 112), generated for any year:
//   1/1                      Tết Dương lịch
//   Tết Nguyên đán, 5 days   default: the last day of the lunar year and the
//                            first four days of the new one (the government
//                            fixes the actual days each year)
//   10/3 lunar               Giỗ Tổ Hùng Vương
//   30/4, 1/5                Ngày Chiến thắng, Quốc tế Lao động
//   2/9 and one adjacent day default: 3/9 when 2/9 is a Monday (so the break
//                            joins the weekend, as in 2024), otherwise 1/9
//                            (2022, 2025)
// and a compensatory day off (kDayOff, "nghỉ bù") on the next working day
// for each holiday that falls on a Saturday or Sunday (art. 112(3)).
// Lunar days come from core/lunar.h (ICU's Chinese calendar corrected to
// UTC+7).
//
// Per-year data overrides the defaults: each year's decisions (which days
// Tết really covers, days off by swap, weekend days worked in exchange) are
// CalendarDay rows the store keeps as editable data. When the data holds
// any day of a year, that year's exceptions are exactly the data (seed it
// from DefaultDays and edit); years without data use the defaults.
#pragma once

#include <map>
#include <mutex>
#include <vector>

#include "common/status.h"
#include "core/date.h"
#include "core/model.h"

namespace dondoc::core {

// The generated exceptions of one year, sorted by date. Internal when ICU
// cannot convert lunar dates; InvalidInput for a year outside 1900-2199.
Result<std::vector<CalendarDay>> DefaultDays(int year);

class WorkingCalendar {
 public:
  // `data`: the per-year overrides (any order, any years).
  explicit WorkingCalendar(std::vector<CalendarDay> data = {});

  WorkingCalendar(const WorkingCalendar&) = delete;
  WorkingCalendar& operator=(const WorkingCalendar&) = delete;

  bool IsWorkingDay(Date day) const;

  // The day `count` working days after `start` (start itself not counted):
  // "within 5 working days of 3 June" is AddWorkingDays(3 June, 5). A
  // negative count goes back; 0 returns `start`.
  Date AddWorkingDays(Date start, int count) const;

  // Working days in (from, to]; when `to` is before `from`, minus those in
  // [to, from), so that WorkingDaysBetween(d, AddWorkingDays(d, n)) == n.
  int64_t WorkingDaysBetween(Date from, Date to) const;

  // The exceptions in force for `year` (the data, or the defaults).
  std::vector<CalendarDay> DaysOfYear(int year) const;

 private:
  using Exceptions = std::map<Date, CalendarDay>;
  const Exceptions& YearExceptions(int year) const;

  std::map<int, Exceptions> data_;
  // Years computed so far (data or defaults); filled lazily, guarded so that
  // one calendar can be shared between threads.
  mutable std::mutex mutex_;
  mutable std::map<int, Exceptions> years_;
};

}  // namespace dondoc::core
