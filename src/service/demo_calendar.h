// The working-day calendar exceptions of one year for the demo data: the
// public holidays of the Labour Code 2019 (1/1, five days of Tết, Giỗ Tổ
// Hùng Vương on 10/3 lunar, 30/4, 1/5, 2/9 and one adjacent day), a day off
// in lieu when a holiday falls on a weekend, and one swapped day (a bridge
// day off, worked on a Saturday) as the government decides each year.
#pragma once

#include <vector>

#include "core/model.h"

namespace dondoc::service::demo {

// Sorted by date. Lunar days are computed with ICU's Chinese calendar (the
// Vietnamese calendar differs from it in rare years).
std::vector<core::CalendarDay> HolidayCalendar(int year);

}  // namespace dondoc::service::demo
