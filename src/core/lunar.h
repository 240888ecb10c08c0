// The Vietnamese lunar calendar (âm lịch), for the holidays that follow it:
// Tết Nguyên đán (1/1 lunar) and Giỗ Tổ Hùng Vương (10/3 lunar).
//
// The conversion is ICU's Chinese calendar (icu::Calendar with
// "@calendar=chinese"). Vietnam's lunar calendar is the same computation on
// Vietnam's meridian (UTC+7) where China's uses UTC+8, and ICU offers no
// way to set that zone (the zone of its astronomical computations is fixed
// inside ICU's ChineseCalendar; only the Korean "dangi" variant changes it,
// internally). So the first day of a month is corrected here: when the new
// moon falls between 16:00 and 17:00 UTC, it is already the next day in
// China (ICU's month start) but still the previous day in Vietnam, and the
// Vietnamese month starts one day earlier (Tết 2007: 17 February in
// Vietnam, 18 February in China). The new moon instant for that check comes
// from the truncated lunar series of J. Meeus, Astronomical Algorithms
// (ch. 49), accurate to a few minutes; ICU does not expose its own.
//
// Not corrected: years where the two calendars place a leap month or the
// winter solstice differently (Tết 1985 was a month apart). Those are
// decided by the per-year calendar data (core/calendar.h), which overrides
// everything generated here.
#pragma once

#include "common/status.h"
#include "core/date.h"

namespace dondoc::core {

// The solar day of lunar day `day` of (non-leap) lunar month `month` of the
// lunar year that begins in Gregorian year `year`. InvalidInput for month
// outside 1-12 or day outside 1-30 (or 30 in a 29-day month); Internal when
// ICU fails.
Result<Date> LunarToSolar(int year, int month, int day);

// Tết Nguyên đán: the first day of the lunar year beginning in `year`.
Result<Date> LunarNewYear(int year);

}  // namespace dondoc::core
