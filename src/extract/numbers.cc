// Vietnamese numbers and quantities: a hand scanner over the text, one pass,
// with a bounded look-behind (the previous word) and look-ahead (the unit
// phrase, at most a few words) at each number, so it stays linear-time.
#include "extract/numbers.h"

#include "text/case.h"

#include <unicode/uchar.h>

#include <array>
#include <charconv>
#include <string>
#include <unordered_set>
#include <utility>

#include "text/utf8.h"
#include "text/vietnamese.h"

namespace dondoc::extract {
namespace {

// Longer tokens are not figures (and would lose precision anyway).
constexpr size_t kMaxNumberBytes = 40;
// Words longer than this are never unit words.
constexpr size_t kMaxUnitWordBytes = 40;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string Lower(std::string_view w) { return text::LowerSameLength(w); }

// Byte length of the horizontal space at s[i] (space, tab, NBSP), or 0.
size_t SpaceLen(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == ' ' || s[i] == '\t') return 1;
  if (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') return 2;
  return 0;
}

size_t SkipSpaces(std::string_view s, size_t i) {
  while (size_t n = SpaceLen(s, i)) i += n;
  return i;
}

// End of the run of letters that starts at i (i when there is none).
size_t WordEnd(std::string_view s, size_t i) {
  while (i < s.size()) {
    size_t j = i;
    if (!text::IsWordCodePoint(text::NextCodePoint(s, j))) break;
    i = j;
  }
  return i;
}

// Start of the code point that ends at i (i > 0).
size_t PrevStart(std::string_view s, size_t i) {
  size_t j = i - 1;
  while (j > 0 && i - j < 4 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
  return j;
}

char32_t CodePointAt(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  return text::NextCodePoint(s, i);
}

bool IsLetterAt(std::string_view s, size_t i) {
  return i < s.size() && text::IsWordCodePoint(CodePointAt(s, i));
}

// Start of the letters that end at i, at most kMaxUnitWordBytes back.
size_t WordStartBefore(std::string_view s, size_t i) {
  size_t j = i;
  while (j > 0 && i - j < kMaxUnitWordBytes) {
    const size_t p = PrevStart(s, j);
    if (!text::IsWordCodePoint(CodePointAt(s, p))) break;
    j = p;
  }
  return j;
}

// Horizontal spaces before i, at most 16 bytes of them.
size_t SkipSpacesBack(std::string_view s, size_t i) {
  const size_t limit = i > 16 ? i - 16 : 0;
  while (i > limit) {
    if (s[i - 1] == ' ' || s[i - 1] == '\t') {
      --i;
    } else if (i >= 2 && s[i - 2] == '\xC2' && s[i - 1] == '\xA0') {
      i -= 2;
    } else {
      break;
    }
  }
  return i;
}

// End of a number run: digits, with "." and "," allowed between digits.
size_t NumberRunEnd(std::string_view s, size_t i) {
  while (i < s.size()) {
    const bool separator = (s[i] == '.' || s[i] == ',') && i + 1 < s.size() && IsDigit(s[i + 1]);
    if (!IsDigit(s[i]) && !separator) break;
    ++i;
  }
  return i;
}

const std::unordered_set<std::string>& KnownUnits() {
  static const auto* units = new std::unordered_set<std::string>{
      // money and measures
      "đồng", "đ", "usd", "euro", "ha", "hécta", "héc ta", "km", "m", "cm", "mm", "kg", "tấn", "tạ",
      "lít", "kw", "mw", "kwh", "mwh", "kv", "gb", "mbps", "cây số", "phần trăm",
      // time
      "năm", "tháng", "quý", "tuần", "ngày", "giờ", "phút", "ngày đêm",
      // people and counters
      "người", "lượt", "lượt khách", "lượt người", "lượt truy cập", "khách", "con", "hộ",
      "hộ gia đình", "doanh nghiệp", "hợp tác xã", "tổ hợp tác", "cơ sở", "xã", "phường",
      "thị trấn", "huyện", "thôn", "làng", "bản", "tổ dân phố", "đô thị", "giường", "bác sĩ",
      "dược sĩ", "điều dưỡng", "sản phẩm", "dự án", "nhiệm vụ", "văn bản", "trường", "trường học",
      "lớp", "phòng học", "học sinh", "sinh viên", "trẻ", "lao động", "công trình", "đảng viên",
      "trường hợp", "bậc", "điểm", "lần", "cán bộ", "công chức", "viên chức", "hồ sơ", "thủ tục",
      "cuộc", "đợt", "buổi", "đơn vị", "cơ quan", "tổ chức", "thành viên", "tuyến", "cầu", "chiếc",
      "xe", "căn", "căn hộ", "căn nhà", "ngôi nhà", "nhà", "cây", "chỉ tiêu", "tiêu chí", "mô hình",
      "sáng kiến", "đề tài", "vụ", "vụ việc", "đơn", "thuê bao", "ý kiến", "kiến nghị", "hội nghị",
      "tin", "bài", "tin bài", "chương trình", "kế hoạch", "đề án", "cửa hàng", "chợ", "trạm",
      "bệnh nhân", "ca", "mẫu", "hội viên", "đoàn viên", "nhân khẩu", "khu", "cụm", "điểm du lịch",
      "gói thầu", "hạng mục", "nông hộ", "tàu", "máy", "bộ", "cái", "bản đồ", "đầu mối", "sự kiện",
      "giải pháp", "người dân", "học viên", "giáo viên", "nhân viên", "lao động nông thôn",
      "trang trại", "lượt khám", "mét", "km đường", "ki-lô-mét"};
  return *units;
}

const std::unordered_set<std::string>& Multipliers() {
  static const auto* words =
      new std::unordered_set<std::string>{"nghìn", "ngàn", "triệu", "tỷ", "tỉ"};
  return *words;
}

// Words that follow a number without being its unit: a guess never takes them.
const std::unordered_set<std::string>& NotUnits() {
  static const auto* words = new std::unordered_set<std::string>{
      "và",    "với",  "so",   "của",   "là",    "đạt",    "tăng", "giảm",  "trong", "trên", "dưới",
      "đến",   "tới",  "từ",   "các",   "những", "được",   "đã",   "có",    "không", "theo", "tại",
      "cho",   "để",   "về",   "như",   "hoặc",  "hay",    "thì",  "mà",    "nhưng", "khi",  "sau",
      "trước", "cùng", "bằng", "chiếm", "gồm",   "bao",    "đầu",  "cuối",  "này",   "đó",   "nào",
      "vào",   "ra",   "lên",  "xuống", "thêm",  "nữa",    "trở",  "ngoài", "còn",   "đang", "sẽ",
      "phải",  "cần",  "kế",   "mới",   "cũ",    "khoảng", "hơn",  "kém",   "gấp",   "lệ",   "trăm",
      "mươi",  "chục", "vạn",  "tổng",  "số",    "người",  "năm",  "đồng",  "thì",   "ở",    "do",
      "vì",    "nên",  "nếu",  "bị",    "đều",   "cũng",   "chỉ",  "rất",   "dự",    "ước",  "kỳ",
      "mức",   "đạt",  "x",    "a",     "b",     "c",      "d",    "đ"};
  return *words;
}

// Previous words that make the number a label, a date part or an ordinal.
const std::unordered_set<std::string>& BlockingCues() {
  static const auto* words = new std::unordered_set<std::string>{
      "số",   "điều",  "khoản",   "khóa", "khoá",  "thứ", "mục", "chương", "lục",
      "tiết", "trang", "đoạn",    "mẫu",  "biểu",  "phụ", "lô",  "thửa",   "tờ",
      "lộ",   "tầng",  "hotline", "fax",  "thoại", "đt",  "sđt"};
  return *words;
}

// The largest number a calendar word takes before it ("ngày 31", "tháng
// 12", "quý 4", "năm 2023"); 0 when `w` is no calendar word.
int CalendarLimit(std::string_view w) {
  if (w == "ngày") return 31;
  if (w == "tháng") return 12;
  if (w == "quý") return 4;
  if (w == "năm") return 9999;
  return 0;
}

struct Word {
  size_t begin = 0;
  size_t end = 0;
  std::string lower;
};

// Up to `max` words from i, separated by horizontal spaces only (a comma or
// any punctuation ends the phrase).
std::vector<Word> ReadWords(std::string_view s, size_t i, size_t max) {
  std::vector<Word> words;
  size_t p = SkipSpaces(s, i);
  while (words.size() < max && IsLetterAt(s, p)) {
    const size_t e = WordEnd(s, p);
    if (e - p > kMaxUnitWordBytes) break;
    words.push_back({p, e, Lower(s.substr(p, e - p))});
    p = SkipSpaces(s, e);
  }
  return words;
}

std::string Join(const std::vector<Word>& w, size_t from, size_t to) {
  std::string out;
  for (size_t k = from; k < to; ++k) {
    if (k > from) out += ' ';
    out += w[k].lower;
  }
  return out;
}

struct UnitMatch {
  std::string unit;  // as written, words lower-cased except upper-case acronyms
  size_t end = 0;
  bool known = true;
  bool attached_unknown = false;  // letters glued to the number that are no unit: "14h30"
};

// The written form of words [from, to): lower case, but "USD", "GRDP" kept.
std::string Written(std::string_view s, const std::vector<Word>& w, size_t from, size_t to) {
  std::string out;
  for (size_t k = from; k < to; ++k) {
    if (k > from) out += ' ';
    const std::string_view raw = s.substr(w[k].begin, w[k].end - w[k].begin);
    bool upper_acronym = raw.size() >= 2;
    for (char c : raw) upper_acronym = upper_acronym && c >= 'A' && c <= 'Z';
    out += upper_acronym ? std::string(raw) : w[k].lower;
  }
  return out;
}

// "/năm", "/người", "/vạn dân", "/người/năm", "/ha" after a unit.
size_t ReadDenominators(std::string_view s, size_t p, std::string& unit) {
  for (int n = 0; n < 2 && p < s.size() && s[p] == '/'; ++n) {
    if (!IsLetterAt(s, p + 1)) break;
    const size_t e = WordEnd(s, p + 1);
    if (e - p > kMaxUnitWordBytes) break;
    const std::string w = Lower(s.substr(p + 1, e - p - 1));
    if (w != s.substr(p + 1, e - p - 1)) break;  // "/QĐ": a document number
    size_t end = e;
    std::string phrase = w;
    // Two-word denominators: "vạn dân", "thành phố", "lao động".
    const size_t q = SkipSpaces(s, e);
    if (q > e && IsLetterAt(s, q)) {
      const size_t e2 = WordEnd(s, q);
      const std::string two = w + " " + Lower(s.substr(q, e2 - q));
      if (two == "vạn dân" || two == "thành phố" || two == "lao động" || two == "ngày đêm" ||
          two == "người dân" || two == "dân số" || two == "hộ gia đình" || two == "thị xã" ||
          two == "thị trấn" || KnownUnits().count(two)) {
        end = e2;
        phrase = two;
      }
    }
    unit += '/';
    unit += phrase;
    p = end;
  }
  return p;
}

UnitMatch ReadUnit(std::string_view s, size_t p) {
  UnitMatch m;
  m.end = p;
  const bool attached = SpaceLen(s, p) == 0;
  size_t q = SkipSpaces(s, p);
  if (q < s.size() && s[q] == '%') {
    m.unit.assign(1, '%');
    m.end = ReadDenominators(s, q + 1, m.unit);
    // "% GRDP": the share is of GRDP.
    const size_t g = SkipSpaces(s, m.end);
    if (m.unit == "%" && g > m.end && s.substr(g, 4) == "GRDP" && !IsLetterAt(s, g + 4)) {
      m.unit = "% GRDP";
      m.end = g + 4;
    }
    return m;
  }
  if (s.substr(q, 3) == "\xE2\x80\xB0") {  // per mille
    m.unit = "‰";
    m.end = q + 3;
    return m;
  }
  const std::vector<Word> words = ReadWords(s, q, 6);
  if (words.empty()) return m;
  size_t k = 0;
  while (k < words.size() && Multipliers().count(words[k].lower)) {
    // "tỷ lệ" is "rate", not a billion.
    if (k + 1 < words.size() && words[k].lower == "tỷ" && words[k + 1].lower == "lệ") break;
    ++k;
  }
  const size_t mult_end = k;
  // Longest known unit phrase of up to 3 words.
  size_t best = 0;
  for (size_t len = std::min<size_t>(3, words.size() - k); len >= 1; --len) {
    if (KnownUnits().count(Join(words, k, k + len))) {
      best = len;
      break;
    }
  }
  if (best > 0) {
    m.unit = Written(s, words, 0, k + best);
    m.end = words[k + best - 1].end;
    // "m2", "km²", "m3": the power is glued to the word.
    const std::string& last = words[k + best - 1].lower;
    if ((last == "m" || last == "km") && m.end < s.size()) {
      if (s[m.end] == '2' || s[m.end] == '3') {
        if (m.end + 1 >= s.size() || !IsDigit(s[m.end + 1])) m.unit += s[m.end++];
      } else if (s.substr(m.end, 2) == "\xC2\xB2" || s.substr(m.end, 2) == "\xC2\xB3") {
        m.unit += s.substr(m.end, 2);
        m.end += 2;
      }
    }
    m.end = ReadDenominators(s, m.end, m.unit);
    return m;
  }
  // A guess: the first word after the number (or its multiplier), when it is
  // a lower-case word that is not a function word or verb.
  if (k < words.size()) {
    const bool lower_case = u_islower(static_cast<UChar32>(CodePointAt(s, words[k].begin)));
    if (lower_case && !NotUnits().count(words[k].lower) && !Multipliers().count(words[k].lower)) {
      m.unit = Written(s, words, 0, k + 1);
      m.end = words[k].end;
      m.known = false;
      m.end = ReadDenominators(s, m.end, m.unit);
      if (attached && k == 0) m.attached_unknown = true;
      return m;
    }
  }
  // An acronym counter: "1.711 TTHC".
  if (k < words.size() && k == 0 && !attached) {
    const std::string_view raw = s.substr(words[0].begin, words[0].end - words[0].begin);
    bool acronym = raw.size() >= 2 && raw.size() <= 8;
    for (char c : raw) acronym = acronym && c >= 'A' && c <= 'Z';
    if (acronym && raw != "UBND") {
      m.unit = std::string(raw);
      m.end = words[0].end;
      m.known = false;
      return m;
    }
  }
  if (mult_end > 0) {
    m.unit = Written(s, words, 0, mult_end);
    m.end = words[mult_end - 1].end;
    return m;
  }
  if (attached) m.attached_unknown = true;
  return m;
}

bool AllDigits(std::string_view t) {
  for (char c : t) {
    if (!IsDigit(c)) return false;
  }
  return !t.empty();
}

bool IsYearLike(std::string_view t) {
  if (t.size() != 4 || !AllDigits(t)) return false;
  const int y = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
  return y >= 1900 && y <= 2100;
}

// True when "." in the token groups thousands (every group after the first
// has exactly three digits).
bool DotsGroupThousands(std::string_view t) {
  const size_t comma = t.find(',');
  const std::string_view integer = t.substr(0, comma);
  size_t group = 0;
  bool seen_dot = false;
  for (char c : integer) {
    if (c == '.') {
      if (seen_dot && group != 3) return false;
      if (!seen_dot && (group == 0 || group > 3)) return false;
      seen_dot = true;
      group = 0;
    } else {
      ++group;
    }
  }
  return seen_dot && group == 3;
}

bool AtLineStart(std::string_view s, size_t b) {
  const size_t j = SkipSpacesBack(s, b);
  return j == 0 || s[j - 1] == '\n' || s[j - 1] == '\r';
}

// True when the number at [b, e) is a label, code, date part or ordinal.
bool Blocked(std::string_view s, size_t b, size_t e) {
  const std::string_view token = s.substr(b, e - b);
  if (b > 0) {
    const size_t p = PrevStart(s, b);
    const char32_t prev = CodePointAt(s, p);
    if (text::IsWordCodePoint(prev)) return true;  // "QL14", "H5N1"
    if (prev == '/' || prev == '\\' || prev == '.' || prev == ',' || prev == '#' || prev == ':') {
      return true;  // "01/2023", "[footnoteRef:1]"
    }
    // "(1)", "[2]": enumerations and footnote markers.
    if ((prev == '(' && e < s.size() && s[e] == ')') ||
        (prev == '[' && e < s.size() && s[e] == ']')) {
      return true;
    }
    if (prev == '-' || prev == 0x2013) {
      // "COVID-19", "12-NQ": glued to a word or a number on the left.
      if (p > 0) {
        const char32_t before = CodePointAt(s, PrevStart(s, p));
        if (text::IsWordCodePoint(before) || (before >= '0' && before <= '9')) return true;
      }
    }
    // The previous word: "năm 2023", "Điều 5", "khoản 2", "số 01/NQ-CP".
    const size_t we = SkipSpacesBack(s, b);
    if (we > 0 && we < b) {
      const size_t ws = WordStartBefore(s, we);
      if (ws < we) {
        const std::string w = Lower(s.substr(ws, we - ws));
        // "năm 2023", "tháng 9", "ngày 15", but "trong năm 500 hộ" is a count.
        if (const int limit = CalendarLimit(w); limit > 0) {
          const std::optional<double> v = ParseVietnameseNumber(token);
          if (AllDigits(token) && v && *v <= limit && (limit != 9999 || token.size() == 4)) {
            return true;
          }
        }
        if (BlockingCues().count(w)) {
          if (w != "số") return true;
          // "tổng số 478 nhiệm vụ" is a count, "số 15" a document number.
          const size_t w2e = SkipSpacesBack(s, ws);
          const size_t w2s = WordStartBefore(s, w2e);
          const std::string w2 = Lower(s.substr(w2s, w2e - w2s));
          if (w2 != "tổng" && w2 != "với") return true;
        }
      }
    }
  }
  if (e < s.size()) {
    if (s[e] == '/' || s[e] == ':' || s[e] == '\\') return true;  // "19/01", "23/QĐ", "8:30"
    if ((s[e] == '-' || s[e] == '.') && IsLetterAt(s, e + 1)) return true;  // "12-NQ/TU"
  }
  // Outline labels: "1.", "2)", "1.2." or "1.2 " at the start of a line.
  if (AtLineStart(s, b)) {
    if (e < s.size() && (s[e] == '.' || s[e] == ')') &&
        (e + 1 == s.size() || SpaceLen(s, e + 1) || s[e + 1] == '\n' || s[e + 1] == '\r')) {
      return true;
    }
    if (token.find('.') != std::string_view::npos && token.find(',') == std::string_view::npos &&
        !DotsGroupThousands(token)) {
      return true;
    }
  }
  // Phone numbers and codes: long digit strings with a leading zero.
  if (token.size() >= 4 && token[0] == '0' && AllDigits(token)) return true;
  return false;
}

// A range separator after i: "-", "–", "—", "đến", "tới"; returns the
// position after it (and its spaces), or npos.
size_t RangeSeparator(std::string_view s, size_t i) {
  const size_t p = SkipSpaces(s, i);
  size_t q = std::string_view::npos;
  if (p < s.size() && s[p] == '-') {
    q = p + 1;
  } else if (s.substr(p, 3) == "\xE2\x80\x93" || s.substr(p, 3) == "\xE2\x80\x94") {
    q = p + 3;
  } else if (IsLetterAt(s, p)) {
    const size_t e = WordEnd(s, p);
    const std::string w = Lower(s.substr(p, e - p));
    if (w == "đến" || w == "tới") q = e;
  }
  if (q == std::string_view::npos) return q;
  q = SkipSpaces(s, q);
  if (q < s.size() && IsDigit(s[q])) return q;
  return std::string_view::npos;
}

// True when a number run ending at e continues as a date or code:
// "19-01-2023", "20/11".
bool ContinuesAsDate(std::string_view s, size_t e) {
  if (e >= s.size()) return false;
  if (s[e] == '/' || s[e] == '\\') return true;
  if ((s[e] == '-' || s[e] == '.') && e + 1 < s.size() &&
      (IsDigit(s[e + 1]) || IsLetterAt(s, e + 1))) {
    return true;
  }
  return false;
}

}  // namespace

std::optional<double> ParseVietnameseNumber(std::string_view token) {
  if (token.empty() || token.size() > kMaxNumberBytes) return std::nullopt;
  if (!IsDigit(token.front()) || !IsDigit(token.back())) return std::nullopt;
  size_t dots = 0;
  size_t commas = 0;
  size_t first_comma = std::string_view::npos;
  for (size_t i = 0; i < token.size(); ++i) {
    const char c = token[i];
    if (c == '.') {
      ++dots;
      if (commas > 0) return std::nullopt;  // "1,2.3": no dots after the decimal comma
      if (!IsDigit(token[i + 1])) return std::nullopt;
    } else if (c == ',') {
      ++commas;
      first_comma = i;
      if (!IsDigit(token[i + 1])) return std::nullopt;
    } else if (!IsDigit(c)) {
      return std::nullopt;
    }
  }
  if (commas > 1) return std::nullopt;
  std::string plain;
  plain.reserve(token.size());
  if (dots == 0 || DotsGroupThousands(token)) {
    for (size_t i = 0; i < token.size(); ++i) {
      if (token[i] == '.') continue;
      plain += i == first_comma ? '.' : token[i];
    }
  } else if (dots == 1 && commas == 0) {
    plain = std::string(token);  // "9.5": a decimal point, not a thousands group
  } else {
    return std::nullopt;
  }
  double value = 0;
  const auto [ptr, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
  if (ec != std::errc() || ptr != plain.data() + plain.size()) return std::nullopt;
  return value;
}

std::vector<Quantity> FindQuantities(std::string_view text) {
  std::vector<Quantity> out;
  const std::string_view s = text;
  size_t i = 0;
  while (i < s.size()) {
    if (!IsDigit(s[i])) {
      ++i;
      continue;
    }
    const size_t b = i;
    const size_t e = NumberRunEnd(s, b);
    i = e;
    if (Blocked(s, b, e)) continue;
    const std::string_view token = s.substr(b, e - b);
    const std::optional<double> value = ParseVietnameseNumber(token);
    if (!value) continue;
    if (ContinuesAsDate(s, e) && !(s[e] == '-' && RangeSeparator(s, e) != std::string_view::npos)) {
      continue;
    }

    Quantity q;
    q.value = *value;
    q.begin = b;
    UnitMatch unit = ReadUnit(s, e);
    if (unit.attached_unknown) continue;
    q.unit = unit.unit;
    q.unit_known = unit.known;
    q.end = unit.unit.empty() ? e : unit.end;

    // A range: "19-20%", "19 - 20%", "từ 19 đến 20%", "19% - 20%".
    const size_t after_first = unit.unit.empty() ? e : unit.end;
    const size_t r = RangeSeparator(s, after_first);
    if (r != std::string_view::npos) {
      const size_t e2 = NumberRunEnd(s, r);
      const std::string_view token2 = s.substr(r, e2 - r);
      if (ContinuesAsDate(s, e2)) {
        i = e2;  // "19-01-2023": a date, not a range
        continue;
      }
      const std::optional<double> high = ParseVietnameseNumber(token2);
      if (high && *high >= *value) {
        const UnitMatch unit2 = ReadUnit(s, e2);
        if (!unit2.attached_unknown && (unit.unit.empty() || unit2.unit == unit.unit)) {
          if (unit.unit.empty() && unit2.unit.empty() && IsYearLike(token) && IsYearLike(token2)) {
            i = e2;  // "2021-2025": a span of years
            continue;
          }
          q.range_high = *high;
          q.unit = unit2.unit;
          q.unit_known = unit2.known;
          q.end = unit2.unit.empty() ? e2 : unit2.end;
        }
      }
    }
    if ((q.unit.empty() || !q.unit_known) && IsYearLike(token)) continue;  // a year
    i = std::max(i, q.end);
    out.push_back(std::move(q));
  }
  return out;
}

std::string CanonicalUnit(std::string_view unit) {
  // Collapse spaces, lower title-case words, unify spellings.
  std::string out;
  size_t i = 0;
  while (i < unit.size()) {
    if (SpaceLen(unit, i) || unit[i] == '\n' || unit[i] == '\r') {
      i += std::max<size_t>(1, SpaceLen(unit, i));
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    size_t e = i;
    while (e < unit.size() && !SpaceLen(unit, e) && unit[e] != '\n' && unit[e] != '\r') ++e;
    const std::string_view w = unit.substr(i, e - i);
    bool acronym = w.size() >= 2;
    for (char c : w)
      acronym = acronym && !(c >= 'a' && c <= 'z') && static_cast<unsigned char>(c) < 0x80;
    out += acronym ? std::string(w) : Lower(w);
    i = e;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  auto replace_word = [&out](std::string_view from, std::string_view to) {
    size_t at = 0;
    while ((at = out.find(from, at)) != std::string::npos) {
      const bool left = at == 0 || out[at - 1] == ' ' || out[at - 1] == '/';
      const size_t end = at + from.size();
      const bool right = end == out.size() || out[end] == ' ' || out[end] == '/';
      if (left && right) {
        out.replace(at, from.size(), to);
        at += to.size();
      } else {
        at = end;
      }
    }
  };
  replace_word("tỉ", "tỷ");
  replace_word("ngàn", "nghìn");
  replace_word("m²", "m2");
  replace_word("km²", "km2");
  replace_word("m³", "m3");
  replace_word("phần trăm", "%");
  replace_word("đ", "đồng");
  if (!out.empty() && out[0] == '%') return "%";
  // Per-person and per-year forms that count as their base unit; only the
  // forms the evaluation folds too ("dược sĩ/vạn dân" stays as written).
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kAliases = {{
      {"triệu đồng/người", "triệu đồng"},
      {"triệu đồng/năm", "triệu đồng"},
      {"triệu đồng/người/năm", "triệu đồng"},
      {"giường/vạn dân", "giường"},
      {"bác sĩ/vạn dân", "bác sĩ"},
      {"lượt khách", "lượt"},
      {"lượt người", "lượt"},
      {"lần/năm", "lần"},
      {"ha/quý", "ha"},
      {"ha/năm", "ha"},
      {"đồng/người", "đồng"},
  }};
  for (const auto& [from, to] : kAliases) {
    if (out == from) return std::string(to);
  }
  if (out.ends_with(" lượt khách") || out.ends_with(" lượt người")) {
    out.resize(out.rfind(' '));  // "triệu lượt khách" -> "triệu lượt"
  }
  return out;
}

}  // namespace dondoc::extract
