// Dates, deadlines, periods and recurrences. A small lexer cuts the text into
// words, number runs ("19/01/2023", "3/2024", "2021-2025") and punctuation;
// each pattern below reads a bounded number of tokens from a starting point,
// so every scan is linear in the text. The patterns read a lower-cased copy
// of the text (made once per search, or given by the caller), so a token is
// a view of it and lexing copies nothing; offsets are the same in both.
#include "extract/dates.h"

#include "text/case.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <iterator>
#include <string>

#include "text/utf8.h"
#include "text/vietnamese.h"

namespace dondoc::extract {
namespace {

// Words longer than this are never cue words; they are not lower-cased.
constexpr size_t kMaxCueWordBytes = 32;
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

enum class Kind { kEnd, kWord, kNumber, kPunct };

struct Tok {
  Kind kind = Kind::kEnd;
  size_t begin = 0;
  size_t end = 0;
  std::string_view text;  // a view of the lower-cased text; empty for overlong words
  bool Is(std::string_view w) const { return kind == Kind::kWord && text == w; }
  bool IsPunct(std::string_view p) const { return kind == Kind::kPunct && text == p; }
};

// Length of the whitespace at s[i] (ASCII whitespace, NBSP), or 0.
size_t SpaceLen(std::string_view s, size_t i) {
  const char c = s[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') return 2;
  return 0;
}

// A separator inside a number run: "/", "-", ".", "–" (en dash).
size_t NumberSeparatorLen(std::string_view s, size_t i) {
  if (s[i] == '/' || s[i] == '-' || s[i] == '.') return 1;
  if (s.substr(i, 3) == "\xE2\x80\x93") return 3;
  return 0;
}

// The token at or after `pos` of the lower-cased text `s`.
Tok Lex(std::string_view s, size_t pos) {
  Tok t;
  while (pos < s.size()) {
    const size_t n = SpaceLen(s, pos);
    if (n == 0) break;
    pos += n;
  }
  t.begin = pos;
  t.end = pos;
  if (pos >= s.size()) return t;
  if (IsDigit(s[pos])) {
    size_t e = pos;
    while (e < s.size()) {
      if (IsDigit(s[e])) {
        ++e;
        continue;
      }
      const size_t sep = NumberSeparatorLen(s, e);
      if (sep > 0 && e + sep < s.size() && IsDigit(s[e + sep])) {
        e += sep;
        continue;
      }
      break;
    }
    t.kind = Kind::kNumber;
    t.end = e;
    t.text = s.substr(pos, e - pos);
    return t;
  }
  size_t e = pos;
  const char32_t first = text::NextCodePoint(s, e);
  if (text::IsWordCodePoint(first)) {
    while (e < s.size()) {
      size_t j = e;
      if (!text::IsWordCodePoint(text::NextCodePoint(s, j))) break;
      e = j;
    }
    t.kind = Kind::kWord;
    t.end = e;
    if (e - pos <= kMaxCueWordBytes) t.text = s.substr(pos, e - pos);
    return t;
  }
  t.kind = Kind::kPunct;
  t.end = e;
  t.text = s.substr(pos, e - pos);
  return t;
}

// The parts of a number run: "19/01/2023" -> 19, 1, 2023 with their digit
// counts and the separator used (one kind only).
struct NumberParts {
  std::array<int, 3> value{};
  std::array<int, 3> digits{};
  int count = 0;
  char sep = 0;  // '/', '-', '.', or 0 for a single number
};

std::optional<NumberParts> SplitNumber(std::string_view t) {
  NumberParts p;
  size_t i = 0;
  while (i < t.size()) {
    if (p.count == 3) return std::nullopt;
    int v = 0;
    int d = 0;
    while (i < t.size() && IsDigit(t[i])) {
      if (++d > 4) return std::nullopt;
      v = v * 10 + (t[i] - '0');
      ++i;
    }
    p.value[p.count] = v;
    p.digits[p.count] = d;
    ++p.count;
    if (i < t.size()) {
      const size_t n = NumberSeparatorLen(t, i);
      const char sep = n == 3 ? '-' : t[i];
      if (p.sep != 0 && p.sep != sep) return std::nullopt;
      p.sep = sep;
      i += n;
    }
  }
  return p;
}

bool IsYear(int value, int digits) { return digits == 4 && value >= kMinYear && value <= kMaxYear; }

// A single-part number token, or nullopt.
std::optional<int> SmallNumber(const Tok& t, int max_digits = 2) {
  if (t.kind != Kind::kNumber) return std::nullopt;
  const auto p = SplitNumber(t.text);
  if (!p || p->count != 1 || p->digits[0] > max_digits) return std::nullopt;
  return p->value[0];
}

std::optional<int> YearToken(const Tok& t) {
  if (t.kind != Kind::kNumber) return std::nullopt;
  const auto p = SplitNumber(t.text);
  if (!p || p->count != 1 || !IsYear(p->value[0], p->digits[0])) return std::nullopt;
  return p->value[0];
}

std::optional<int> QuarterWord(const Tok& t) {
  if (t.Is("i")) return 1;
  if (t.Is("ii")) return 2;
  if (t.Is("iii")) return 3;
  if (t.Is("iv")) return 4;
  return std::nullopt;
}

// Number words used for month counts and cadences.
std::optional<int> CountWord(const Tok& t) {
  if (t.kind == Kind::kNumber) return SmallNumber(t);
  if (t.Is("một")) return 1;
  if (t.Is("hai")) return 2;
  if (t.Is("ba")) return 3;
  if (t.Is("sáu")) return 6;
  if (t.Is("chín")) return 9;
  return std::nullopt;
}

bool IsLetterBefore(std::string_view s, size_t i) {
  if (i == 0) return false;
  size_t j = i - 1;
  while (j > 0 && i - j < 4 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
  size_t k = j;
  return text::IsWordCodePoint(text::NextCodePoint(s, k));
}

// ---------------------------------------------------------------------------
// Time expressions: a date, a month, a quarter, a year, "6 tháng đầu năm",
// a span of years.

enum class Extent { kDate, kMonth, kQuarter, kYear, kFirstMonths, kLastMonths, kYears };

struct TimeExpr {
  Extent kind = Extent::kDate;
  int year = 0;  // 0 when neither the text nor the context gives it
  int month = 0;
  int day = 0;
  int quarter = 0;
  int count = 0;  // months in "6 tháng đầu năm"
  int year2 = 0;  // end of a span of years
  bool year_written = false;
  size_t begin = 0;
  size_t end = 0;
};

int ContextYear(const Date* context) { return context != nullptr ? context->year : 0; }

// "năm 2023" after a month or quarter; returns the year and moves `end`.
int TrailingYear(std::string_view s, size_t& end, bool& written) {
  Tok t = Lex(s, end);
  if (t.IsPunct("/") || t.IsPunct(",")) t = Lex(s, t.end);
  if (t.Is("năm")) {
    const Tok y = Lex(s, t.end);
    if (const auto year = YearToken(y)) {
      end = y.end;
      written = true;
      return *year;
    }
  }
  if (const auto year = YearToken(t); year && Lex(s, end).IsPunct("/")) {
    end = t.end;
    written = true;
    return *year;
  }
  return 0;
}

// A calendar date at `pos`: "ngày 19 tháng 01 năm 2023", "ngày 19/01/2023",
// "19/01/2023", "19-01-2023", "20.7.2020", "ngày 15/6" (context year), and
// "15/6" alone when `bare_day_month` (after a deadline cue).
std::optional<TimeExpr> ParseDate(std::string_view s, size_t pos, const Date* context,
                                  bool bare_day_month) {
  Tok t = Lex(s, pos);
  TimeExpr x;
  x.kind = Extent::kDate;
  x.begin = t.begin;
  bool has_day_word = false;
  if (t.Is("ngày")) {
    has_day_word = true;
    t = Lex(s, t.end);
  }
  if (t.kind != Kind::kNumber) return std::nullopt;
  if (!has_day_word && (IsLetterBefore(s, t.begin) || (t.begin > 0 && s[t.begin - 1] == '/'))) {
    return std::nullopt;
  }
  // A date inside a document number ("01/01/2020/TT-BTC") is no date.
  if (t.end < s.size() && (s[t.end] == '/' || s[t.end] == '-') && t.end + 1 < s.size() &&
      !SpaceLen(s, t.end + 1)) {
    return std::nullopt;
  }
  const auto parts = SplitNumber(t.text);
  if (!parts) return std::nullopt;
  x.end = t.end;
  if (parts->count == 3) {
    if (parts->digits[0] > 2 || parts->digits[1] > 2 || parts->digits[2] != 4) return std::nullopt;
    x.day = parts->value[0];
    x.month = parts->value[1];
    x.year = parts->value[2];
    x.year_written = true;
  } else if (parts->count == 2 && (has_day_word || bare_day_month) && parts->sep != '.') {
    if (parts->digits[0] > 2 || parts->digits[1] > 2) return std::nullopt;
    x.day = parts->value[0];
    x.month = parts->value[1];
    x.year = TrailingYear(s, x.end, x.year_written);
  } else if (parts->count == 1 && has_day_word && parts->digits[0] <= 2) {
    x.day = parts->value[0];
    const Tok month_word = Lex(s, t.end);
    if (!month_word.Is("tháng")) return std::nullopt;
    const Tok month = Lex(s, month_word.end);
    const auto m = month.kind == Kind::kNumber ? SplitNumber(month.text) : std::nullopt;
    if (!m || m->digits[0] > 2) return std::nullopt;
    x.month = m->value[0];
    x.end = month.end;
    if (m->count == 2 && m->sep == '/' && IsYear(m->value[1], m->digits[1])) {
      x.year = m->value[1];  // "ngày 19 tháng 01/2023"
      x.year_written = true;
    } else if (m->count == 1) {
      x.year = TrailingYear(s, x.end, x.year_written);
    } else {
      return std::nullopt;
    }
  } else {
    return std::nullopt;
  }
  if (x.year == 0) x.year = ContextYear(context);
  if (x.year == 0 || !IsValidDate(x.year, x.month, x.day)) return std::nullopt;
  if (x.year < kMinYear || x.year > kMaxYear) return std::nullopt;
  return x;
}

std::optional<TimeExpr> ParseTime(std::string_view s, size_t pos, const Date* context,
                                  bool bare_day_month, int depth);

// The year of a month or quarter written without one, taken from a joined
// one that has it ("quý I và quý II năm 2024"); the later period then ends
// the expression. Otherwise the context year.
int JoinedYear(std::string_view s, TimeExpr& x, const Date* context, int depth) {
  constexpr int kMaxJoined = 4;
  const Tok join = Lex(s, x.end);
  if (depth < kMaxJoined &&
      (join.Is("và") || join.Is("hoặc") || join.IsPunct(",") || join.IsPunct("-"))) {
    const Tok next = Lex(s, join.end);
    if ((x.kind == Extent::kQuarter && next.Is("quý")) ||
        (x.kind == Extent::kMonth && next.Is("tháng"))) {
      const auto other = ParseTime(s, next.begin, nullptr, false, depth + 1);
      if (other && other->kind == x.kind && other->year_written) {
        x.quarter = other->quarter;
        x.month = other->month;
        x.end = other->end;
        x.year_written = true;
        return other->year;
      }
    }
  }
  return ContextYear(context);
}

// The time expression at `pos` (see Extent).
std::optional<TimeExpr> ParseTime(std::string_view s, size_t pos, const Date* context,
                                  bool bare_day_month, int depth) {
  const Tok t = Lex(s, pos);
  if (t.kind == Kind::kEnd) return std::nullopt;
  if (t.Is("ngày") || t.kind == Kind::kNumber) {
    if (auto d = ParseDate(s, pos, context, bare_day_month)) return d;
  }
  TimeExpr x;
  x.begin = t.begin;
  if (t.Is("cuối")) {
    // "cuối năm 2024", "cuối quý II", "cuối tháng 9": the end of the period.
    const Tok next = Lex(s, t.end);
    if (!next.Is("năm") && !next.Is("quý") && !next.Is("tháng")) return std::nullopt;
    auto inner = ParseTime(s, next.begin, context, false, depth + 1);
    if (!inner || inner->kind == Extent::kDate) return std::nullopt;
    inner->begin = t.begin;
    return inner;
  }
  if (t.Is("tháng")) {
    const Tok m = Lex(s, t.end);
    const auto parts = m.kind == Kind::kNumber ? SplitNumber(m.text) : std::nullopt;
    if (!parts || parts->digits[0] > 2 || parts->value[0] < 1 || parts->value[0] > 12) {
      return std::nullopt;
    }
    x.kind = Extent::kMonth;
    x.month = parts->value[0];
    x.end = m.end;
    if (parts->count == 2 && parts->sep == '/' && IsYear(parts->value[1], parts->digits[1])) {
      x.year = parts->value[1];
      x.year_written = true;
    } else if (parts->count == 1) {
      x.year = TrailingYear(s, x.end, x.year_written);
    } else {
      return std::nullopt;
    }
    if (x.year == 0) x.year = JoinedYear(s, x, context, depth);
    return x;
  }
  if (t.Is("quý")) {
    const Tok q = Lex(s, t.end);
    x.kind = Extent::kQuarter;
    if (const auto roman = QuarterWord(q)) {
      x.quarter = *roman;
      x.end = q.end;
      const Tok slash = Lex(s, q.end);
      const Tok year = Lex(s, slash.end);
      if (slash.IsPunct("/") && slash.begin == q.end && YearToken(year)) {
        x.year = *YearToken(year);
        x.year_written = true;
        x.end = year.end;
      } else {
        x.year = TrailingYear(s, x.end, x.year_written);
      }
    } else if (q.kind == Kind::kNumber) {
      const auto parts = SplitNumber(q.text);
      if (!parts || parts->digits[0] > 2) return std::nullopt;
      x.quarter = parts->value[0];
      x.end = q.end;
      if (parts->count == 2 && parts->sep == '/' && IsYear(parts->value[1], parts->digits[1])) {
        x.year = parts->value[1];
        x.year_written = true;
      } else if (parts->count == 1) {
        x.year = TrailingYear(s, x.end, x.year_written);
      } else {
        return std::nullopt;
      }
    } else {
      return std::nullopt;
    }
    if (x.quarter < 1 || x.quarter > 4) return std::nullopt;
    if (x.year == 0) x.year = JoinedYear(s, x, context, depth);
    return x;
  }
  if (t.Is("năm")) {
    const Tok y = Lex(s, t.end);
    x.kind = Extent::kYear;
    if (const auto year = YearToken(y)) {
      x.year = *year;
      x.year_written = true;
      x.end = y.end;
      return x;
    }
    if (y.kind == Kind::kNumber) {
      const auto parts = SplitNumber(y.text);
      if (parts && parts->count == 2 && parts->sep == '-' &&
          IsYear(parts->value[0], parts->digits[0]) && IsYear(parts->value[1], parts->digits[1]) &&
          parts->value[1] > parts->value[0]) {
        x.kind = Extent::kYears;
        x.year = parts->value[0];
        x.year2 = parts->value[1];
        x.year_written = true;
        x.end = y.end;
        return x;
      }
      return std::nullopt;  // "năm 15": not a year
    }
    if (y.Is("học") || y.Is("nay") || y.Is("trước") || y.Is("sau") || y.Is("tới") || y.Is("qua")) {
      return std::nullopt;
    }
    x.year = ContextYear(context);  // "trong năm": this year
    x.end = t.end;
    return x;
  }
  if (t.kind == Kind::kNumber) {
    const auto parts = SplitNumber(t.text);
    if (parts && parts->count == 2 && parts->sep == '-' &&
        IsYear(parts->value[0], parts->digits[0]) && IsYear(parts->value[1], parts->digits[1]) &&
        parts->value[1] > parts->value[0]) {
      x.kind = Extent::kYears;
      x.year = parts->value[0];
      x.year2 = parts->value[1];
      x.year_written = true;
      x.end = t.end;
      return x;
    }
  }
  // "6 tháng đầu năm 2024", "sáu tháng cuối năm".
  if (const auto n = CountWord(t); n && *n >= 1 && *n <= 12) {
    const Tok month = Lex(s, t.end);
    const Tok edge = Lex(s, month.end);
    const Tok year = Lex(s, edge.end);
    if (!month.Is("tháng") || !(edge.Is("đầu") || edge.Is("cuối")) || !year.Is("năm")) {
      return std::nullopt;
    }
    x.kind = edge.Is("đầu") ? Extent::kFirstMonths : Extent::kLastMonths;
    x.count = *n;
    x.end = year.end;
    const Tok y = Lex(s, year.end);
    if (const auto value = YearToken(y)) {
      x.year = *value;
      x.year_written = true;
      x.end = y.end;
    } else {
      x.year = ContextYear(context);
    }
    return x;
  }
  return std::nullopt;
}

// The last day of the expression's period; nullopt when the year is unknown.
std::optional<Date> EndDate(const TimeExpr& x) {
  if (x.year == 0) return std::nullopt;
  switch (x.kind) {
    case Extent::kDate:
      return Date{x.year, x.month, x.day};
    case Extent::kMonth:
      return Date{x.year, x.month, DaysInMonth(x.year, x.month)};
    case Extent::kQuarter:
      return Date{x.year, x.quarter * 3, DaysInMonth(x.year, x.quarter * 3)};
    case Extent::kYear:
    case Extent::kLastMonths:
      return Date{x.year, 12, 31};
    case Extent::kFirstMonths:
      return Date{x.year, x.count, DaysInMonth(x.year, x.count)};
    case Extent::kYears:
      return Date{x.year2, 12, 31};
  }
  return std::nullopt;
}

// The day before the period starts: "trước tháng 9/2023" -> 2023-08-31.
std::optional<Date> DayBefore(const TimeExpr& x) {
  if (x.year == 0) return std::nullopt;
  int year = x.year;
  int month = 0;
  switch (x.kind) {
    case Extent::kDate:
      return Date{x.year, x.month, x.day};  // "trước ngày 10/10": the day itself
    case Extent::kMonth:
      month = x.month - 1;
      break;
    case Extent::kQuarter:
      month = x.quarter * 3 - 3;
      break;
    case Extent::kYear:
    case Extent::kYears:
      month = 0;
      break;
    case Extent::kFirstMonths:
    case Extent::kLastMonths:
      return EndDate(x);
  }
  if (month == 0) {
    month = 12;
    --year;
  }
  return Date{year, month, DaysInMonth(year, month)};
}

bool IsRecurrenceWord(const Tok& t) { return t.Is("hằng") || t.Is("hàng") || t.Is("mỗi"); }

std::optional<Cadence> CadenceUnit(const Tok& t) {
  if (t.Is("tuần")) return Cadence::kWeekly;
  if (t.Is("tháng")) return Cadence::kMonthly;
  if (t.Is("quý")) return Cadence::kQuarterly;
  if (t.Is("năm")) return Cadence::kAnnual;
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// Deadlines.

struct Cue {
  bool before = false;  // "trước": the day before the period (a date stays itself)
  bool within = false;  // "trong", "hết", "cuối": a bare "năm" is allowed
  size_t end = 0;
};

// A deadline cue at token `t`: "trước", "chậm nhất (là|vào)", "đến (hết)",
// "hết", "trong", "hạn (chót)", "thời hạn:", "hoàn thành (trong|trước)".
// The words a cue begins with; ParseCue reads the next token only after one.
bool IsCueStart(const Tok& t) {
  static constexpr std::string_view kStarts[] = {"trước", "chậm",  "muộn", "đến",  "tới",
                                                 "hết",   "trong", "hạn",  "thời", "hoàn"};
  if (t.kind != Kind::kWord) return false;
  for (std::string_view w : kStarts) {
    if (t.text == w) return true;
  }
  return false;
}

std::optional<Cue> ParseCue(std::string_view s, const Tok& t, int depth = 0) {
  if (!IsCueStart(t)) return std::nullopt;
  Cue c;
  c.end = t.end;
  const Tok n = Lex(s, t.end);
  if (t.Is("trước")) {
    c.before = true;
    return c;
  }
  if ((t.Is("chậm") || t.Is("muộn")) && n.Is("nhất")) {
    c.end = n.end;
    const Tok m = Lex(s, n.end);
    if (m.Is("là") || m.Is("vào") || m.Is("đến")) {
      c.end = m.end;
    } else if (m.Is("trước") || m.Is("trong")) {
      c.end = m.end;
      c.before = m.Is("trước");
    }
    return c;
  }
  if (t.Is("đến") || t.Is("tới")) {
    if (n.Is("hết") || n.Is("cuối")) {
      c.end = n.end;
      c.within = true;
    } else if (n.Is("trước")) {
      c.end = n.end;
      c.before = true;
    }
    return c;
  }
  if (t.Is("hết")) {
    c.within = true;
    return c;
  }
  if (t.Is("trong")) {
    c.within = true;
    if (n.Is("thời") || n.Is("vòng")) return std::nullopt;  // "trong thời gian": a duration
    return c;
  }
  if (depth > 0) return std::nullopt;
  // "hạn", "hạn chót", "thời hạn", "thời hạn hoàn thành", then ":" and maybe a cue.
  size_t end = 0;
  if (t.Is("hạn")) {
    end = n.Is("chót") ? n.end : t.end;
  } else if ((t.Is("thời") && n.Is("hạn")) || (t.Is("hoàn") && n.Is("thành"))) {
    end = n.end;
  } else {
    return std::nullopt;
  }
  Tok m = Lex(s, end);
  if (m.Is("hoàn") && Lex(s, m.end).Is("thành")) {
    end = Lex(s, m.end).end;
    m = Lex(s, end);
  }
  if (m.IsPunct(":")) {
    end = m.end;
    m = Lex(s, end);
  }
  if (auto inner = ParseCue(s, m, depth + 1)) return inner;
  c.end = end;
  return c;
}

// ---------------------------------------------------------------------------
// Recurrences.

struct RecurrenceMatch {
  Recurrence r;
  size_t begin = 0;
  size_t end = 0;
};

// "(hằng|hàng|mỗi) (tuần|tháng|quý|năm)" at `t`.
std::optional<RecurrenceMatch> ParseEvery(std::string_view s, const Tok& t) {
  if (!IsRecurrenceWord(t)) return std::nullopt;
  const Tok unit = Lex(s, t.end);
  const auto cadence = CadenceUnit(unit);
  if (!cadence) return std::nullopt;
  RecurrenceMatch m;
  m.r.rule = *cadence;
  m.begin = t.begin;
  m.end = unit.end;
  return m;
}

// "6 tháng", "06 tháng", "sáu tháng", "3 tháng" as a cadence.
std::optional<RecurrenceMatch> ParseMonthCount(std::string_view s, const Tok& t) {
  const auto n = CountWord(t);
  if (!n) return std::nullopt;
  const Tok unit = Lex(s, t.end);
  RecurrenceMatch m;
  m.begin = t.begin;
  m.end = unit.end;
  if (unit.Is("tháng") && *n == 6) {
    m.r.rule = Cadence::kHalfYearly;
  } else if (unit.Is("tháng") && *n == 3) {
    m.r.rule = Cadence::kQuarterly;
  } else if (unit.Is("tháng") && *n == 1) {
    m.r.rule = Cadence::kMonthly;
  } else if (unit.Is("năm") && *n == 1) {
    m.r.rule = Cadence::kAnnual;
  } else if (unit.Is("tuần") && *n == 1) {
    m.r.rule = Cadence::kWeekly;
  } else {
    return std::nullopt;
  }
  return m;
}

// "một lần", "1 lần", "/lần" after a cadence: part of the text.
size_t OnceSuffix(std::string_view s, size_t end) {
  const Tok t = Lex(s, end);
  if (t.IsPunct("/") && Lex(s, t.end).Is("lần")) return Lex(s, t.end).end;
  if ((t.Is("một") || SmallNumber(t) == 1) && Lex(s, t.end).Is("lần")) return Lex(s, t.end).end;
  return end;
}

// "(trước|vào|chậm nhất) ngày 20 (của) hằng tháng", "trước ngày 05 tháng cuối
// quý", "trước ngày 15/12 hằng năm" at `t`.
std::optional<RecurrenceMatch> ParseDayOfPeriod(std::string_view s, const Tok& t) {
  Tok day_word = t;
  if (t.Is("trước") || t.Is("vào") || t.Is("từ") || t.Is("trong")) {
    day_word = Lex(s, t.end);
  } else if (t.Is("chậm") || t.Is("muộn")) {
    const Tok n = Lex(s, t.end);
    if (!n.Is("nhất")) return std::nullopt;
    day_word = Lex(s, n.end);
    if (day_word.Is("là") || day_word.Is("vào")) day_word = Lex(s, day_word.end);
  }
  if (!day_word.Is("ngày")) return std::nullopt;
  const Tok day = Lex(s, day_word.end);
  if (day.kind != Kind::kNumber) return std::nullopt;
  const auto parts = SplitNumber(day.text);
  if (!parts || parts->digits[0] > 2 || parts->value[0] < 1 || parts->value[0] > 31) {
    return std::nullopt;
  }
  RecurrenceMatch m;
  m.begin = t.begin;
  Tok next = Lex(s, day.end);
  if (parts->count == 2) {
    // "ngày 15/12 hằng năm"
    const auto every = ParseEvery(s, next);
    if (!every || every->r.rule != Cadence::kAnnual) return std::nullopt;
    m.r.rule = Cadence::kAnnual;
    m.end = every->end;
    return m;
  }
  if (parts->count != 1) return std::nullopt;
  if (next.Is("của")) next = Lex(s, next.end);
  if (const auto every = ParseEvery(s, next)) {
    m.r.rule = every->r.rule;
    m.end = every->end;
    if (m.r.rule == Cadence::kMonthly || m.r.rule == Cadence::kQuarterly) {
      m.r.day = parts->value[0];
    }
    return m;
  }
  if (next.Is("tháng")) {
    const Tok edge = Lex(s, next.end);
    const Tok period = Lex(s, edge.end);
    if ((edge.Is("cuối") || edge.Is("đầu")) && period.Is("quý")) {
      m.r.rule = Cadence::kQuarterly;
      m.r.day = parts->value[0];
      m.end = period.end;
      const auto every = ParseEvery(s, Lex(s, period.end));  // "tháng đầu quý hằng quý"
      if (every && every->r.rule == Cadence::kQuarterly) m.end = every->end;
      return m;
    }
    // "ngày 15 tháng 12 hằng năm"
    const auto month = SmallNumber(edge);
    if (month && *month >= 1 && *month <= 12) {
      const auto every = ParseEvery(s, Lex(s, edge.end));
      if (every && every->r.rule == Cadence::kAnnual) {
        m.r.rule = Cadence::kAnnual;
        m.end = every->end;
        return m;
      }
    }
  }
  return std::nullopt;
}

// "tháng", "quý", "năm", "tuần" right after "báo cáo", when no number or
// other word makes it one period ("báo cáo năm 2023", "báo cáo quý I").
std::optional<RecurrenceMatch> ParseReportCadence(std::string_view s, const Tok& t) {
  if (auto m = ParseEvery(s, t)) return m;
  const auto cadence = CadenceUnit(t);
  if (!cadence) return std::nullopt;
  const Tok next = Lex(s, t.end);
  if (next.kind == Kind::kNumber || QuarterWord(next) || next.Is("nay") || next.Is("trước") ||
      next.Is("qua") || next.Is("tới") || next.Is("học") || next.Is("đầu") || next.Is("cuối") ||
      next.Is("thứ") || next.Is("này") || next.Is("sau")) {
    return std::nullopt;
  }
  RecurrenceMatch m;
  m.r.rule = *cadence;
  m.begin = t.begin;
  m.end = t.end;
  return m;
}

// A cadence at `t`: "định kỳ hằng quý", "hằng tháng", "định kỳ 6 tháng",
// "mỗi quý", "6 tháng một lần". `after_report` is true right after "báo cáo".
std::optional<RecurrenceMatch> ParseCadence(std::string_view s, const Tok& t, bool after_report) {
  if (t.Is("định")) {
    const Tok n = Lex(s, t.end);
    if (!n.Is("kỳ")) return std::nullopt;
    Tok c = Lex(s, n.end);
    if (c.Is("báo") && Lex(s, c.end).Is("cáo")) {
      // "định kỳ báo cáo tháng, quý": the cadence follows the noun.
      c = Lex(s, Lex(s, c.end).end);
      const auto m = ParseReportCadence(s, c);
      if (!m) return std::nullopt;
      return RecurrenceMatch{m->r, t.begin, m->end};
    }
    std::optional<RecurrenceMatch> m = ParseEvery(s, c);
    if (!m) m = ParseMonthCount(s, c);
    if (!m) {
      // "định kỳ tháng, quý, năm": the first (shortest) cadence.
      if (const auto cadence = CadenceUnit(c)) {
        m = RecurrenceMatch{};
        m->r.rule = *cadence;
        m->end = c.end;
      }
    }
    if (!m) return std::nullopt;
    m->begin = t.begin;
    m->end = OnceSuffix(s, m->end);
    return m;
  }
  if (auto m = ParseEvery(s, t)) {
    m->end = OnceSuffix(s, m->end);
    return m;
  }
  if (after_report) {
    if (auto m = ParseReportCadence(s, t)) return m;
  }
  if (auto m = ParseMonthCount(s, t)) {
    const size_t once = OnceSuffix(s, m->end);
    if (once > m->end) {
      m->end = once;
      return m;
    }
    if (!after_report || m->r.rule != Cadence::kHalfYearly) return std::nullopt;
    // "báo cáo 6 tháng đầu năm 2024" is one report, not a cadence.
    const Tok next = Lex(s, m->end);
    if (next.Is("đầu") || next.Is("cuối")) return std::nullopt;
    if (next.Is("năm") && YearToken(Lex(s, next.end))) return std::nullopt;
    return m;
  }
  return std::nullopt;
}

// Calls fn(token, previous word, word before it) on every token in order;
// fn returns the position to continue from (past a match) or 0 to step on.
template <typename Fn>
void ForEachToken(std::string_view s, Fn&& fn) {
  std::string_view prev1;
  std::string_view prev2;
  size_t pos = 0;
  while (pos < s.size()) {
    const Tok t = Lex(s, pos);
    if (t.kind == Kind::kEnd) break;
    const size_t next = fn(t, prev1, prev2);
    if (next > t.begin) {
      pos = next;
      prev1 = {};
      prev2 = {};
      continue;
    }
    prev2 = prev1;
    prev1 = t.kind == Kind::kPunct ? std::string_view() : t.text;
    pos = t.end;
  }
}

}  // namespace

int DaysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[month - 1];
}

bool IsValidDate(int year, int month, int day) {
  return year >= 1 && year <= 9999 && day >= 1 && day <= DaysInMonth(year, month);
}

std::vector<DateMention> FindDates(std::string_view original, const Date* context) {
  const std::string lower = text::LowerSameLength(original);
  const std::string_view text = lower;
  std::vector<DateMention> out;
  ForEachToken(text, [&](const Tok& t, std::string_view, std::string_view) -> size_t {
    if (!t.Is("ngày") && t.kind != Kind::kNumber) return 0;
    const auto d = ParseDate(text, t.begin, context, false);
    if (!d) return 0;
    out.push_back({Date{d->year, d->month, d->day}, d->begin, d->end});
    return d->end;
  });
  return out;
}

std::vector<DeadlineMention> FindDeadlines(std::string_view text, const Date* context) {
  return FindDeadlines(text, text::LowerSameLength(text), context);
}

std::vector<DeadlineMention> FindDeadlines(std::string_view original, std::string_view text,
                                           const Date* context) {
  std::vector<DeadlineMention> out;
  ForEachToken(text, [&](const Tok& t, std::string_view prev1, std::string_view prev2) -> size_t {
    const auto cue = ParseCue(text, t);
    if (!cue) return 0;
    // "tính đến ngày": an as-of date; "tầm nhìn đến năm 2050": a title.
    if ((t.Is("đến") || t.Is("tới")) &&
        (prev1 == "tính" || prev1 == "kế" || prev1 == "nhìn" || prev1 == "hướng" ||
         prev1 == "cập" || (prev1 == "nhật" && prev2 == "cập"))) {
      return 0;
    }
    const auto x = ParseTime(text, cue->end, context, true, 0);
    if (!x) return 0;
    if (x->kind == Extent::kYear && !x->year_written && !cue->within) return 0;
    // "trước ngày 15/12 hằng năm" is a recurrence.
    if (IsRecurrenceWord(Lex(text, x->end))) return 0;
    DeadlineMention m;
    m.begin = t.begin;
    m.end = x->end;
    m.deadline.text = std::string(original.substr(m.begin, m.end - m.begin));
    m.deadline.date = cue->before ? DayBefore(*x) : EndDate(*x);
    if (m.deadline.date &&
        !IsValidDate(m.deadline.date->year, m.deadline.date->month, m.deadline.date->day)) {
      m.deadline.date.reset();
    }
    out.push_back(std::move(m));
    return x->end;
  });
  return out;
}

std::vector<RecurrenceMention> FindRecurrences(std::string_view text) {
  return FindRecurrences(text, text::LowerSameLength(text));
}

std::vector<RecurrenceMention> FindRecurrences(std::string_view original, std::string_view text) {
  std::vector<RecurrenceMention> out;
  // Every pattern above needs one of these words: a cadence word (ParseEvery),
  // "định kỳ", "báo cáo", "... lần" or "tháng cuối quý". Text without any
  // (most task text) is not lexed at all. A new pattern adds its word here.
  static constexpr std::string_view kNeeded[] = {"hằng", "hàng", "mỗi", "định",
                                                 "cáo",  "lần",  "quý"};
  if (std::none_of(std::begin(kNeeded), std::end(kNeeded),
                   [&](std::string_view w) { return text.find(w) != std::string_view::npos; })) {
    return out;
  }
  ForEachToken(text, [&](const Tok& t, std::string_view prev1, std::string_view prev2) -> size_t {
    auto m = ParseDayOfPeriod(text, t);
    if (!m) m = ParseCadence(text, t, prev1 == "cáo" && prev2 == "báo");
    if (!m) return 0;
    m->r.text = std::string(original.substr(m->begin, m->end - m->begin));
    out.push_back({m->r, m->begin, m->end});
    return m->end;
  });
  return out;
}

std::optional<std::string> FindPeriod(std::string_view original, const Date* context) {
  const std::string lower = text::LowerSameLength(original);
  const std::string_view text = lower;
  std::optional<std::string> label;
  ForEachToken(text, [&](const Tok& t, std::string_view prev1, std::string_view prev2) -> size_t {
    if (label) return text.size();
    // Dates are not periods: skip them whole.
    if (t.Is("ngày") || t.kind == Kind::kNumber) {
      if (const auto d = ParseDate(text, t.begin, context, false)) return d->end;
    }
    // "so với (cùng kỳ) năm 2022" is the baseline, not the period.
    if (prev1 == "với" || (prev1 == "kỳ" && prev2 == "cùng")) return 0;
    if (t.kind != Kind::kWord && t.kind != Kind::kNumber) return 0;
    if (t.kind == Kind::kWord && !t.Is("năm") && !t.Is("quý") && !t.Is("tháng") && !t.Is("sáu") &&
        !t.Is("chín") && !t.Is("ba")) {
      return 0;
    }
    const auto x = ParseTime(text, t.begin, context, false, 0);
    if (!x || x->year == 0) return 0;
    if (x->kind == Extent::kYear && !x->year_written) return 0;
    char buf[32];
    switch (x->kind) {
      case Extent::kDate:
        return x->end;
      case Extent::kYear:
        std::snprintf(buf, sizeof buf, "%d", x->year);
        break;
      case Extent::kYears:
        std::snprintf(buf, sizeof buf, "%d-%d", x->year, x->year2);
        break;
      case Extent::kMonth:
        std::snprintf(buf, sizeof buf, "%d-%02d", x->year, x->month);
        break;
      case Extent::kQuarter:
        std::snprintf(buf, sizeof buf, "%d-Q%d", x->year, x->quarter);
        break;
      case Extent::kFirstMonths:
        if (x->count == 6) {
          std::snprintf(buf, sizeof buf, "%d-H1", x->year);
        } else if (x->count == 3) {
          std::snprintf(buf, sizeof buf, "%d-Q1", x->year);
        } else if (x->count == 12) {
          std::snprintf(buf, sizeof buf, "%d", x->year);
        } else {
          std::snprintf(buf, sizeof buf, "%d-M1-%d", x->year, x->count);
        }
        break;
      case Extent::kLastMonths:
        if (x->count == 6) {
          std::snprintf(buf, sizeof buf, "%d-H2", x->year);
        } else {
          std::snprintf(buf, sizeof buf, "%d-M%d-12", x->year, 13 - x->count);
        }
        break;
    }
    label = buf;
    return text.size();
  });
  return label;
}

}  // namespace dondoc::extract
