#include "extract/targets_scan.h"

#include "text/case.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "extract/dates.h"
#include "extract/numbers.h"
#include "extract/steps.h"
#include "text/lexicon.h"
#include "text/utf8.h"

namespace dondoc::extract::scan {
namespace {

bool IsWordByte(unsigned char c) { return c >= 0x80 || std::isalnum(c) != 0; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Count nouns that stand as the unit of a bare number ("360 doanh nghiệp").
// Longest first so that "hợp tác xã" wins over "xã".
constexpr std::array<std::string_view, 68> kCountNouns = {"tổ chức cơ sở đảng",
                                                          "hợp tác xã",
                                                          "tổ hợp tác",
                                                          "tổ chức đảng",
                                                          "doanh nghiệp",
                                                          "lượt khách",
                                                          "lượt người",
                                                          "trang trại",
                                                          "cánh đồng",
                                                          "phòng học",
                                                          "học sinh",
                                                          "đảng viên",
                                                          "đồng chí",
                                                          "lao động",
                                                          "sản phẩm",
                                                          "công trình",
                                                          "nhà máy",
                                                          "trường hợp",
                                                          "tập thể",
                                                          "cá nhân",
                                                          "hạng mục",
                                                          "hài cốt",
                                                          "đơn vị",
                                                          "dự án",
                                                          "thủ tục",
                                                          "hồ sơ",
                                                          "văn bản",
                                                          "mô hình",
                                                          "tiêu chí",
                                                          "giấy phép",
                                                          "đô thị",
                                                          "dịch vụ",
                                                          "chỉ tiêu",
                                                          "hội nghị",
                                                          "cơ sở",
                                                          "bác sĩ",
                                                          "giường",
                                                          "tuabin",
                                                          "người",
                                                          "lượt",
                                                          "huyện",
                                                          "thôn",
                                                          "làng",
                                                          "trường",
                                                          "phòng",
                                                          "cụm",
                                                          "khu",
                                                          "con",
                                                          "hộ",
                                                          "xã",
                                                          "vụ",
                                                          "cuộc",
                                                          "đơn",
                                                          "ca",
                                                          "thẻ",
                                                          "suất",
                                                          "lớp",
                                                          "đợt",
                                                          "mộ",
                                                          "tấn",
                                                          "bậc",
                                                          "điểm",
                                                          "cái",
                                                          "chiếc",
                                                          "lần",
                                                          "tttc"};

// Words before a number that make it an ordinal, a name or a date part.
constexpr std::array<std::string_view, 22> kNotMeasureBefore = {
    "thứ",  "số",    "lần",       "mũi",     "khóa", "khoá",   "lộ",   "năm",
    "ngày", "tháng", "quý",       "đoạn",    "kỳ",   "khoản",  "điều", "mục",
    "lục",  "hiệu",  "đông xuân", "niên vụ", "tuổi", "từ ngày"};

size_t SkipSpacesBack(std::string_view s, size_t pos) {
  while (pos > 0 && (s[pos - 1] == ' ' || s[pos - 1] == '\t')) --pos;
  return pos;
}
size_t SkipSpaces(std::string_view s, size_t pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
  return pos;
}

// Unit from the count-noun list at lower[pos..), or "".
std::string_view CountNounAt(std::string_view lower, size_t pos) {
  pos = SkipSpaces(lower, pos);
  for (std::string_view noun : kCountNouns) {
    if (lower.substr(pos, noun.size()) == noun &&
        (pos + noun.size() == lower.size() ||
         !IsWordByte(static_cast<unsigned char>(lower[pos + noun.size()])))) {
      return noun;
    }
  }
  return {};
}

bool IsYearLike(const Quantity& q) {
  return q.unit.empty() && !q.range_high && q.value >= 1900 && q.value <= 2100 &&
         q.value == std::floor(q.value);
}

}  // namespace

std::string Lower(std::string_view text) { return text::LowerSameLength(text); }

std::vector<Range> SplitClauses(std::string_view text) {
  std::vector<Range> out;
  size_t begin = 0;
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '(' || c == '[') ++depth;
    if ((c == ')' || c == ']') && depth > 0) --depth;
    bool cut = false;
    if (c == ';' && depth == 0) cut = true;
    if (c == '.' && depth == 0) {
      const bool digit_before = i > 0 && IsDigit(text[i - 1]);
      const bool digit_after = i + 1 < text.size() && IsDigit(text[i + 1]);
      if (!(digit_before && digit_after)) {
        const size_t next = SkipSpaces(text, i + 1);
        cut = next >= text.size() ||
              (next > i + 1 && !IsDigit(text[next]) && !(text[next] >= 'a' && text[next] <= 'z'));
      }
    }
    if (cut) {
      if (i > begin) out.push_back({begin, i});
      begin = i + 1;
    }
  }
  if (begin < text.size()) out.push_back({begin, text.size()});
  // Drop ranges of spaces only.
  std::erase_if(
      out, [&](const Range& r) { return Trim(text.substr(r.begin, r.end - r.begin)).empty(); });
  return out;
}

// "2.856/4.500 tỷ đồng", "10/10 huyện": a part of a total. The quantity
// finder skips these; read the first number and take the unit after the
// second. Dates ("09/02/2023") and codes ("795/TTg") do not match.
void AddPartsOfTotals(std::string_view text, std::string_view lower, std::vector<Quantity>* qs) {
  std::vector<Quantity> parts;
  auto num_char = [&](size_t i) { return IsDigit(text[i]) || text[i] == '.' || text[i] == ','; };
  for (size_t slash = text.find('/'); slash != std::string_view::npos;
       slash = text.find('/', slash + 1)) {
    if (slash == 0 || slash + 1 >= text.size() || !IsDigit(text[slash - 1]) ||
        !IsDigit(text[slash + 1])) {
      continue;
    }
    size_t a = slash;
    while (a > 0 && num_char(a - 1)) --a;
    size_t b = slash + 1;
    while (b < text.size() && num_char(b)) ++b;
    while (b > slash + 1 && (text[b - 1] == '.' || text[b - 1] == ',')) --b;
    if (a > 0 && (text[a - 1] == '/' || text[a - 1] == '-' || IsWordByte(text[a - 1]))) continue;
    if (b < text.size() && (text[b] == '/' || text[b] == '-')) continue;
    const std::optional<double> left = ParseVietnameseNumber(text.substr(a, slash - a));
    if (!left) continue;
    Quantity q;
    q.value = *left;
    q.begin = a;
    q.end = b;
    const std::vector<Quantity> right = FindQuantities(text.substr(slash + 1, 80));
    if (!right.empty() && right.front().begin == 0) {
      q.unit = right.front().unit;
      q.end = slash + 1 + right.front().end;
    } else {
      const std::string_view noun = CountNounAt(lower, b);
      if (noun.empty()) continue;
      q.unit = std::string(text.substr(SkipSpaces(lower, b), noun.size()));
      q.end = SkipSpaces(lower, b) + noun.size();
    }
    if (q.unit.empty()) continue;
    parts.push_back(std::move(q));
  }
  if (parts.empty()) return;
  // Merge in text order, dropping what the finder read inside a part.
  std::vector<Quantity> merged;
  merged.reserve(qs->size() + parts.size());
  size_t k = 0;
  for (Quantity& q : *qs) {
    while (k < parts.size() && parts[k].begin <= q.begin) merged.push_back(std::move(parts[k++]));
    if (!merged.empty() && q.begin < merged.back().end && q.begin >= merged.back().begin) continue;
    merged.push_back(std::move(q));
  }
  while (k < parts.size()) merged.push_back(std::move(parts[k++]));
  *qs = std::move(merged);
}

std::vector<Figure> FindFigures(std::string_view text, std::string_view lower) {
  std::vector<Quantity> qs = FindQuantities(text);
  AddPartsOfTotals(text, lower, &qs);
  std::vector<Figure> out;
  for (size_t k = 0; k < qs.size(); ++k) {
    const Quantity& q = qs[k];
    if (q.begin >= q.end || q.end > text.size()) continue;
    // Part of a date or code: "31-12-2022", "795/TTg", "09/02/2023".
    if (q.begin > 0) {
      const char prev = text[q.begin - 1];
      if ((prev == '-' || prev == '/' || prev == '.') && q.begin > 1 &&
          IsDigit(text[q.begin - 2])) {
        continue;
      }
    }
    if (IsYearLike(q)) continue;
    bool skip = false;
    for (std::string_view w : kNotMeasureBefore) {
      if (EndsWithWord(lower, q.begin, w)) {
        skip = true;
        break;
      }
    }
    // "số 12" names a thing, "tổng số 40 dự án" counts.
    if (skip && EndsWithWord(lower, q.begin, "tổng số")) skip = false;
    // "58 dự án/52 doanh nghiệp": the same items counted another way.
    {
      const size_t p = SkipSpacesBack(lower, q.begin);
      if (p >= 2 && lower[p - 1] == '/' && IsWordByte(static_cast<unsigned char>(lower[p - 2])) &&
          !IsDigit(lower[p - 2])) {
        skip = true;
      }
    }
    if (skip) continue;
    // Time spans, ages, ratings and electrical ratings are not measures here.
    static constexpr std::string_view kNotUnits[] = {"năm", "tháng", "ngày", "tuần", "quý",
                                                     "giờ", "phút",  "tuổi", "sao",  "kv"};
    const std::string unit_lower = Lower(q.unit);
    if (std::find(std::begin(kNotUnits), std::end(kNotUnits), unit_lower) != std::end(kNotUnits) ||
        unit_lower.starts_with("ngày/")) {
      continue;
    }
    Figure f;
    f.value = q.value;
    f.high = q.range_high;
    f.begin = q.begin;
    f.end = q.end;
    f.unit = CanonicalUnit(q.unit);
    {
      const std::string_view written = text.substr(q.begin, q.end - q.begin);
      const size_t slash = written.find('/');
      f.per_total = slash != std::string_view::npos && slash + 1 < written.size() &&
                    IsDigit(written[slash + 1]);
    }
    {
      // A count noun longer than the unit read ("đồng chí", "hài cốt").
      size_t u = q.begin;
      while (u < q.end &&
             (IsDigit(text[u]) || text[u] == '.' || text[u] == ',' || text[u] == ' ')) {
        ++u;
      }
      const std::string_view noun = CountNounAt(lower, u);
      if (!noun.empty() && noun.size() > q.end - u && !q.range_high) {
        f.unit = std::string(text.substr(u, noun.size()));
        f.unit = CanonicalUnit(Lower(f.unit));
        f.end = u + noun.size();
      }
    }
    // "2.856/4.500 tỷ đồng": keep the first, with the unit of the second.
    size_t after = q.end;
    if (after + 1 < text.size() && text[after] == '/' && IsDigit(text[after + 1])) {
      f.per_total = true;
      if (k + 1 < qs.size() && qs[k + 1].begin == after + 1) {
        if (f.unit.empty()) f.unit = CanonicalUnit(qs[k + 1].unit);
        if (f.unit.empty()) {
          const std::string_view noun = CountNounAt(lower, qs[k + 1].end);
          f.unit = std::string(noun);
        }
        ++k;
      }
    } else if (after < text.size() && (text[after] == '-' || text[after] == '/') &&
               q.unit.empty() && after + 1 < text.size() && IsDigit(text[after + 1])) {
      continue;  // a date or a code
    }
    // "19- 20%" split by a line join: a range.
    if (f.unit.empty() && !f.high && k + 1 < qs.size()) {
      const std::string_view gap = text.substr(q.end, qs[k + 1].begin - q.end);
      if (Trim(gap).empty() && (gap.find('-') != std::string_view::npos ||
                                gap.find("\u2013") != std::string_view::npos)) {
        f.high = qs[k + 1].value;
        f.unit = CanonicalUnit(qs[k + 1].unit);
        f.end = qs[k + 1].end;
        ++k;
      }
    }
    if (f.unit.empty()) {
      const std::string_view noun = CountNounAt(lower, f.end);
      if (!noun.empty()) {
        const size_t at = SkipSpaces(lower, f.end);
        f.unit = std::string(text.substr(at, noun.size()));
        f.unit = CanonicalUnit(Lower(f.unit));
        f.end = at + noun.size();
      }
    }
    if (f.unit.empty()) continue;
    out.push_back(std::move(f));
  }
  return out;
}

bool EndsWithWord(std::string_view lower, size_t pos, std::string_view word) {
  pos = SkipSpacesBack(lower, std::min(pos, lower.size()));
  if (pos < word.size() || lower.substr(pos - word.size(), word.size()) != word) return false;
  const size_t start = pos - word.size();
  return start == 0 || !IsWordByte(static_cast<unsigned char>(lower[start - 1]));
}

bool StartsWithWord(std::string_view lower, size_t pos, std::string_view word) {
  pos = SkipSpaces(lower, pos);
  if (lower.substr(pos, word.size()) != word) return false;
  const size_t end = pos + word.size();
  return end == lower.size() || !IsWordByte(static_cast<unsigned char>(lower[end]));
}

size_t FindIn(std::string_view lower, size_t begin, size_t end, std::string_view needle) {
  end = std::min(end, lower.size());
  if (begin >= end) return std::string_view::npos;
  const size_t at = lower.substr(begin, end - begin).find(needle);
  return at == std::string_view::npos ? at : begin + at;
}

std::string_view Trim(std::string_view s) {
  auto junk = [](char c) {
    return c == ' ' || c == '\t' || c == ',' || c == ';' || c == ':' || c == '.' || c == '-' ||
           c == '+' || c == '\n';
  };
  while (!s.empty() && junk(s.front())) s.remove_prefix(1);
  while (!s.empty() && junk(s.back())) s.remove_suffix(1);
  return s;
}

namespace {

// Outline level of a paragraph from its leading marker: 0 "Phần thứ", 1
// roman "II.", 2 "1.", 3 "1.2.", 4 "a)", 5 "-"/"+", 6 none.
int MarkerLevel(std::string_view lower) {
  size_t i = SkipSpaces(lower, 0);
  const std::string_view t = lower.substr(i);
  if (t.starts_with("phần thứ") || t.starts_with("phần ")) return 0;
  size_t j = 0;
  while (j < t.size() && (t[j] == 'i' || t[j] == 'v' || t[j] == 'x')) ++j;
  // "i)", "v)" are letter items; roman numerals end with a point.
  if (j > 0 && j < t.size() && t[j] == '.') return 1;
  j = 0;
  while (j < t.size() && IsDigit(t[j])) ++j;
  if (j > 0 && j < t.size() && t[j] == '.') {
    if (j + 1 < t.size() && IsDigit(t[j + 1])) return 3;
    return 2;
  }
  if (j > 0 && j < t.size() && t[j] == ')') return 4;
  if (!t.empty() && t.size() > 1 && t[1] == ')') return 4;
  if (t.starts_with("đ)")) return 4;
  if (!t.empty() && (t[0] == '-' || t[0] == '+')) return 5;
  return 6;
}

bool HasUpper(std::string_view text, std::string_view lower) { return text != lower; }

bool AllCaps(std::string_view text, std::string_view lower) {
  // No lower-case letter: every ASCII letter is upper case and the lowered
  // copy differs.
  for (char c : text) {
    if (c >= 'a' && c <= 'z') return false;
  }
  return HasUpper(text, lower);
}

}  // namespace

bool StartsWithMarker(std::string_view lower) { return MarkerLevel(lower) < 6; }

DocumentZones ClassifyParagraphs(const DocumentContext& ctx) {
  DocumentZones z;
  const size_t n = ctx.paragraphs().size();
  z.paragraph.assign(n, Zone::kNone);
  z.period.assign(n, "");
  for (size_t p = 0; p < std::min<size_t>(n, 12); ++p) {
    // The kind line is written in capitals: "BÁO CÁO", possibly joined with
    // the title by the layout.
    if (Trim(ctx.ParagraphText(p)).starts_with("BÁO CÁO")) z.is_report = true;
  }
  if (!z.is_report) {
    // The header step knows the kind even when the kind line is not a
    // paragraph of the body (run it here only when Extract has not).
    const std::optional<std::string> kind =
        ctx.header != nullptr ? ctx.header->kind : ExtractHeader(ctx).kind;
    z.is_report = kind && kind->starts_with("Báo cáo");
  }
  struct Open {
    int level;
    Zone zone;
    std::string period;
  };
  std::vector<Open> stack;
  const Zone base = z.is_report ? Zone::kResults : Zone::kNone;
  int prev_level = 6;
  for (size_t p = 0; p < n; ++p) {
    const std::string_view text = ctx.ParagraphText(p);
    const std::string_view lower = ctx.ParagraphLower(p);
    int level = MarkerLevel(lower);
    const std::string_view trimmed = Trim(text);
    // An all-caps title under "Phần thứ ..." is the part's name.
    if (level == 6 && prev_level == 0 && AllCaps(trimmed, Lower(trimmed))) level = 0;
    const bool short_para = trimmed.size() <= 260;
    std::string_view raw = text;
    while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t')) raw.remove_suffix(1);
    const bool heading = level <= 4 && (short_para || raw.ends_with(":"));
    if (heading) {
      while (!stack.empty() && stack.back().level >= level) stack.pop_back();
      const std::string_view head = std::string_view(lower).substr(0, 300);
      const bool goals = (head.find("chỉ tiêu") != std::string_view::npos ||
                          (head.find("mục tiêu") != std::string_view::npos &&
                           head.find("mục tiêu quốc gia") == std::string_view::npos));
      const bool past =
          z.is_report && (head.find("kết quả") != std::string_view::npos ||
                          head.find("tình hình thực hiện") != std::string_view::npos ||
                          head.find("đánh giá") != std::string_view::npos);
      const bool plans = z.is_report && (head.find("giải pháp") != std::string_view::npos ||
                                         head.find("phương hướng") != std::string_view::npos ||
                                         head.find("kiến nghị") != std::string_view::npos ||
                                         head.find("đề xuất") != std::string_view::npos ||
                                         head.find("tổ chức thực hiện") != std::string_view::npos);
      std::string period;
      if (auto per = FindPeriod(text, ctx.DateOrNull())) period = *per;
      if (goals && !past) {
        stack.push_back({level, Zone::kTargets, period});
      } else if (plans) {
        stack.push_back({level, Zone::kNone, period});
      }
    }
    if (level != 6 || !trimmed.empty()) prev_level = level;
    z.paragraph[p] = stack.empty() ? base : stack.back().zone;
    if (!stack.empty()) z.period[p] = stack.back().period;
  }
  return z;
}

std::optional<std::string> LeadAgency(const DocumentContext& ctx, std::string_view text,
                                      size_t* body) {
  if (ctx.agencies == nullptr) return std::nullopt;
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon > 200) return std::nullopt;
  const std::vector<AgencyMention> found = ctx.agencies->Find(text.substr(0, colon));
  if (found.empty()) return std::nullopt;
  const AgencyMention& m = found.front();
  // Only a marker ("a) ", "- ") may come before the agency.
  if (m.begin > 8) return std::nullopt;
  if (Trim(text.substr(m.end, colon - m.end)).size() > 12) return std::nullopt;
  *body = colon + 1;
  return m.canonical;
}

}  // namespace dondoc::extract::scan
