#include "core/lunar.h"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <cmath>
#include <memory>
#include <numbers>
#include <string>

namespace dondoc::core {
namespace {

// ICU's Chinese extended year counts from 2637 BCE: 2024 (Giáp Thìn) is
// 4661, cycle 78 year 41.
constexpr int kChineseEpochOffset = 2637;
constexpr double kMillisPerDay = 86400000.0;
// Julian day number of 1970-01-01.
constexpr int64_t kUnixEpochJdn = 2440588;

// Julian date (UT) of new moon number `k` counted from the new moon of
// 1900-01-01 (Meeus, truncated series; the delta-T term as in Hồ Ngọc
// Đức's widely used Vietnamese calendar program).
double NewMoon(int64_t k) {
  const double t = static_cast<double>(k) / 1236.85;
  const double t2 = t * t;
  const double t3 = t2 * t;
  const double dr = std::numbers::pi / 180;
  double jd1 =
      2415020.75933 + 29.53058868 * static_cast<double>(k) + 0.0001178 * t2 - 0.000000155 * t3;
  jd1 += 0.00033 * std::sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
  const double m =
      359.2242 + 29.10535608 * static_cast<double>(k) - 0.0000333 * t2 - 0.00000347 * t3;
  const double mpr =
      306.0253 + 385.81691806 * static_cast<double>(k) + 0.0107306 * t2 + 0.00001236 * t3;
  const double f =
      21.2964 + 390.67050646 * static_cast<double>(k) - 0.0016528 * t2 - 0.00000239 * t3;
  double c1 = (0.1734 - 0.000393 * t) * std::sin(m * dr) + 0.0021 * std::sin(2 * dr * m);
  c1 = c1 - 0.4068 * std::sin(mpr * dr) + 0.0161 * std::sin(dr * 2 * mpr);
  c1 = c1 - 0.0004 * std::sin(dr * 3 * mpr);
  c1 = c1 + 0.0104 * std::sin(dr * 2 * f) - 0.0051 * std::sin(dr * (m + mpr));
  c1 = c1 - 0.0074 * std::sin(dr * (m - mpr)) + 0.0004 * std::sin(dr * (2 * f + m));
  c1 = c1 - 0.0004 * std::sin(dr * (2 * f - m)) - 0.0006 * std::sin(dr * (2 * f + mpr));
  c1 = c1 + 0.0010 * std::sin(dr * (2 * f - mpr)) + 0.0005 * std::sin(dr * (2 * mpr + m));
  double delta_t = 0;
  if (t < -11) {
    delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3;
  } else {
    delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2;
  }
  return jd1 + c1 - delta_t;
}

// The local day (as a Julian day number) of an instant given as a Julian
// date, at `hours` east of Greenwich.
int64_t LocalJdn(double julian_date, double hours) {
  return static_cast<int64_t>(std::floor(julian_date + 0.5 + hours / 24));
}

// ICU's (China's) first day of a month -> Vietnam's.
Date VietnameseMonthStart(Date china_start) {
  const int64_t jdn = china_start.time_since_epoch().count() + kUnixEpochJdn;
  const auto k = static_cast<int64_t>(
      std::floor((static_cast<double>(jdn) - 2415021.076998695) / 29.530588853 + 0.5));
  for (int64_t candidate = k - 1; candidate <= k + 1; ++candidate) {
    const double moon = NewMoon(candidate);
    if (LocalJdn(moon, 8) != jdn) continue;
    if (LocalJdn(moon, 7) == jdn - 1) return china_start - std::chrono::days{1};
    break;
  }
  return china_start;
}

Result<std::unique_ptr<icu::Calendar>> ChineseCalendar() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> calendar(icu::Calendar::createInstance(
      icu::TimeZone::createTimeZone("Etc/UTC"), icu::Locale("vi_VN@calendar=chinese"), status));
  if (U_FAILURE(status) || calendar == nullptr) {
    return Status::Internal(std::string("ICU Chinese calendar unavailable: ") +
                            u_errorName(status));
  }
  return calendar;
}

// The Chinese lunar day of month of a solar day.
Result<int> ChinaDayOfMonth(Date day) {
  Result<std::unique_ptr<icu::Calendar>> calendar = ChineseCalendar();
  if (!calendar.ok()) return calendar.status();
  UErrorCode status = U_ZERO_ERROR;
  (*calendar)->setTime(static_cast<UDate>(day.time_since_epoch().count()) * kMillisPerDay, status);
  const int32_t result = (*calendar)->get(UCAL_DATE, status);
  if (U_FAILURE(status)) {
    return Status::Internal(std::string("ICU lunar conversion failed: ") + u_errorName(status));
  }
  return static_cast<int>(result);
}

// The Chinese (UTC+8) solar day of lunar month `month`, day 1.
Result<Date> ChinaMonthStart(int year, int month) {
  Result<std::unique_ptr<icu::Calendar>> made = ChineseCalendar();
  if (!made.ok()) return made.status();
  icu::Calendar* calendar = made->get();
  UErrorCode status = U_ZERO_ERROR;
  calendar->clear();
  calendar->set(UCAL_EXTENDED_YEAR, year + kChineseEpochOffset);
  calendar->set(UCAL_MONTH, month - 1);
  calendar->set(UCAL_IS_LEAP_MONTH, 0);
  calendar->set(UCAL_DATE, 1);
  const UDate millis = calendar->getTime(status);
  if (U_FAILURE(status)) {
    return Status::Internal(std::string("ICU lunar conversion failed: ") + u_errorName(status));
  }
  const auto days = static_cast<int64_t>(std::floor(millis / kMillisPerDay));
  return Date{std::chrono::days{days}};
}

}  // namespace

Result<Date> LunarToSolar(int year, int month, int day) {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 30) {
    return Status::InvalidInput("invalid lunar date " + std::to_string(day) + "/" +
                                std::to_string(month) + " of lunar year " + std::to_string(year));
  }
  Result<Date> china = ChinaMonthStart(year, month);
  if (!china.ok()) return china.status();
  const Date start = VietnameseMonthStart(*china);
  if (day == 30) {
    // A lunar month has 29 or 30 days: the 30th exists when the next month
    // (possibly a leap month) has not begun by then.
    const Date china_30th = *china + std::chrono::days{29};
    Result<int> china_day = ChinaDayOfMonth(china_30th);
    if (!china_day.ok()) return china_day.status();
    const Date next_start = *china_day == 1
                                ? VietnameseMonthStart(china_30th)
                                : VietnameseMonthStart(china_30th + std::chrono::days{1});
    if (start + std::chrono::days{29} >= next_start) {
      return Status::InvalidInput("lunar month " + std::to_string(month) + " of " +
                                  std::to_string(year) + " has 29 days");
    }
  }
  return start + std::chrono::days{day - 1};
}

Result<Date> LunarNewYear(int year) { return LunarToSolar(year, 1, 1); }

}  // namespace dondoc::core
