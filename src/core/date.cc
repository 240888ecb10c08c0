#include "core/date.h"

#include <cstdio>
#include <string>

namespace dondoc::core {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

// Reads exactly `count` ASCII digits at `pos`; -1 when any is not a digit.
int ReadDigits(std::string_view text, size_t pos, size_t count) {
  if (pos + count > text.size()) return -1;
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

Status BadDate(std::string_view text) {
  return Status::InvalidInput("invalid date '" + std::string(text) + "' (expected YYYY-MM-DD)");
}

Status BadTimestamp(std::string_view text) {
  return Status::InvalidInput("invalid timestamp '" + std::string(text) +
                              "' (expected YYYY-MM-DDTHH:MM:SSZ)");
}

// Parses "YYYY-MM-DD" at the start of `text`.
Result<Date> ParseDatePrefix(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return BadDate(text.substr(0, 10));
  const int y = ReadDigits(text, 0, 4);
  const int m = ReadDigits(text, 5, 2);
  const int d = ReadDigits(text, 8, 2);
  if (y < 0 || m < 0 || d < 0) return BadDate(text.substr(0, 10));
  Result<Date> date = MakeDate(y, m, d);
  if (!date.ok()) return BadDate(text.substr(0, 10));
  return date;
}

}  // namespace

Result<Date> MakeDate(int y, int m, int d) {
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31 || !ymd.ok()) {
    return Status::InvalidInput("invalid date " + std::to_string(y) + "-" + std::to_string(m) +
                                "-" + std::to_string(d));
  }
  return Date{ymd};
}

Result<Date> ParseIsoDate(std::string_view text) {
  if (text.size() != 10) return BadDate(text);
  return ParseDatePrefix(text);
}

std::string FormatIsoDate(Date date) {
  const year_month_day ymd{date};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer;
}

// Accepts what a store hands back as well as our own format: 'T' or ' '
// between day and time, optional fractional seconds (dropped), and "Z",
// "+HH", "+HH:MM" or "+HHMM" (or '-') as the offset.
Result<Timestamp> ParseIsoTimestamp(std::string_view text) {
  if (text.size() < 20) return BadTimestamp(text);
  Result<Date> date = ParseDatePrefix(text);
  if (!date.ok()) return BadTimestamp(text);
  if ((text[10] != 'T' && text[10] != ' ') || text[13] != ':' || text[16] != ':') {
    return BadTimestamp(text);
  }
  const int hh = ReadDigits(text, 11, 2);
  const int mm = ReadDigits(text, 14, 2);
  const int ss = ReadDigits(text, 17, 2);
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 60) return BadTimestamp(text);
  size_t pos = 19;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    const size_t digits_start = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (pos == digits_start) return BadTimestamp(text);
  }
  int offset_minutes = 0;
  if (pos < text.size() && text[pos] == 'Z' && pos + 1 == text.size()) {
    offset_minutes = 0;
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    const int sign = text[pos] == '+' ? 1 : -1;
    const std::string_view rest = text.substr(pos + 1);
    int oh = -1;
    int om = 0;
    if (rest.size() == 2) {
      oh = ReadDigits(rest, 0, 2);
    } else if (rest.size() == 5 && rest[2] == ':') {
      oh = ReadDigits(rest, 0, 2);
      om = ReadDigits(rest, 3, 2);
    } else if (rest.size() == 4) {
      oh = ReadDigits(rest, 0, 2);
      om = ReadDigits(rest, 2, 2);
    }
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return BadTimestamp(text);
    offset_minutes = sign * (oh * 60 + om);
  } else {
    return BadTimestamp(text);
  }
  const std::chrono::seconds local_seconds =
      std::chrono::hours{hh} + std::chrono::minutes{mm} + std::chrono::seconds{ss};
  return Timestamp{std::chrono::sys_seconds{*date} + local_seconds -
                   std::chrono::minutes{offset_minutes}};
}

std::string FormatIsoTimestamp(Timestamp instant) {
  const Date date = std::chrono::floor<std::chrono::days>(instant);
  const std::chrono::hh_mm_ss<std::chrono::seconds> time{instant - date};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "T%02d:%02d:%02dZ", static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()));
  return FormatIsoDate(date) + buffer;
}

int YearOf(Date date) { return static_cast<int>(year_month_day{date}.year()); }
int MonthOf(Date date) {
  return static_cast<int>(static_cast<unsigned>(year_month_day{date}.month()));
}
int DayOf(Date date) { return static_cast<int>(static_cast<unsigned>(year_month_day{date}.day())); }

int IsoWeekday(Date date) { return static_cast<int>(std::chrono::weekday{date}.iso_encoding()); }

Date EndOfMonth(int y, int m) {
  return Date{std::chrono::year_month_day_last{
      year{y}, std::chrono::month_day_last{month{static_cast<unsigned>(m)}}}};
}

}  // namespace dondoc::core
