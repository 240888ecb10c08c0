#include "extract/references_scan.h"

#include <array>
#include <string>
#include <utility>

#include "text/utf8.h"
#include "text/vietnamese.h"

namespace dondoc::extract::refscan {
namespace {

constexpr char32_t kEthLookAlike = 0x00D0;       // Ð
constexpr char32_t kAfricanDLookAlike = 0x0189;  // Ɖ
constexpr char32_t kSmallDStroke = 0x0111;       // đ

struct KindEntry {
  std::string_view pattern;  // lower case
  std::string_view kind;
};

// Longest first, so that the first hit is the longest kind.
constexpr std::array<KindEntry, 31> kKinds = {{
    {"chương trình hành động", "Chương trình hành động"},
    {"nghị quyết liên tịch", "Nghị quyết liên tịch"},
    {"thông tư liên tịch", "Thông tư liên tịch"},
    {"chương trình", "Chương trình"},
    {"nghị quyết", "Nghị quyết"},
    {"quyết định", "Quyết định"},
    {"chiến lược", "Chiến lược"},
    {"quy hoạch", "Quy hoạch"},
    {"hướng dẫn", "Hướng dẫn"},
    {"nghị định", "Nghị định"},
    {"thông báo", "Thông báo"},
    {"thông tri", "Thông tri"},
    {"công điện", "Công điện"},
    {"pháp lệnh", "Pháp lệnh"},
    {"kết luận", "Kết luận"},
    {"kế hoạch", "Kế hoạch"},
    {"thông tư", "Thông tư"},
    {"công văn", "Công văn"},
    {"tờ trình", "Tờ trình"},
    {"quy định", "Quy định"},
    {"văn bản", "Văn bản"},
    {"chỉ thị", "Chỉ thị"},
    {"báo cáo", "Báo cáo"},
    {"quy chế", "Quy chế"},
    {"bộ luật", "Bộ luật"},
    {"điều lệ", "Điều lệ"},
    {"đề án", "Đề án"},
    {"dự án", "Dự án"},
    {"luật", "Luật"},
    {"lệnh", "Lệnh"},
    {"đề cương", "Đề cương"},
}};

struct CodeEntry {
  std::string_view code;  // as written in a symbol
  std::string_view kind;
};

constexpr std::array<CodeEntry, 17> kCodes = {{
    {"NQLT", "Nghị quyết liên tịch"},
    {"TTLT", "Thông tư liên tịch"},
    {"CTr", "Chương trình"},
    {"TTr", "Tờ trình"},
    {"NQ", "Nghị quyết"},
    {"QĐ", "Quyết định"},
    {"NĐ", "Nghị định"},
    {"CT", "Chỉ thị"},
    {"TT", "Thông tư"},
    {"KH", "Kế hoạch"},
    {"KL", "Kết luận"},
    {"TB", "Thông báo"},
    {"BC", "Báo cáo"},
    {"HD", "Hướng dẫn"},
    {"QC", "Quy chế"},
    {"CĐ", "Công điện"},
    {"ĐA", "Đề án"},
}};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsDashCp(char32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2013 || cp == 0x2014; }
bool IsSeparatorCp(char32_t cp) { return cp == '/' || IsDashCp(cp); }

char32_t CpAt(std::string_view s, size_t pos, size_t* next = nullptr) {
  size_t i = pos;
  const char32_t cp = text::NextCodePoint(s, i);
  if (next != nullptr) *next = i;
  return cp;
}

char32_t CpBefore(std::string_view s, size_t pos) {
  if (pos == 0) return 0;
  size_t b = pos - 1;
  while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80 && pos - b < 4) --b;
  return CpAt(s, b);
}

bool ValidDate(int y, int m, int d) {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int days = kDays[static_cast<size_t>(m - 1)];
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) days = 29;
  return d <= days;
}

// Reads 1..max_digits digits at `pos`; -1 when none.
int ReadInt(std::string_view s, size_t& pos, size_t max_digits) {
  size_t i = pos;
  int v = 0;
  while (i < s.size() && IsDigit(s[i]) && i - pos < max_digits) v = v * 10 + (s[i++] - '0');
  if (i == pos || (i < s.size() && IsDigit(s[i]))) return -1;
  pos = i;
  return v;
}

// One symbol segment: letters, digits and '&'. `has_upper`: it holds a
// symbol code.
size_t SegmentEnd(std::string_view s, size_t pos, bool* has_upper, bool* all_upper) {
  size_t i = pos;
  int uppers = 0;
  *all_upper = true;
  while (i < s.size()) {
    size_t next = i;
    const char32_t cp = CpAt(s, i, &next);
    if (cp == '&' || IsAlnumCp(cp)) {
      if (IsUpperCp(cp)) ++uppers;
      if (cp < 0x80 ? (cp >= 'a' && cp <= 'z') : (IsAlnumCp(cp) && !IsUpperCp(cp))) {
        *all_upper = false;
      }
      i = next;
    } else {
      break;
    }
  }
  // A symbol code has two capitals at least ("QĐ", "CTr", "TTg"); "Điều"
  // or "Sở" after "1/" is prose.
  *has_upper = uppers >= 2;
  return i;
}

}  // namespace

char32_t LowerCp(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  if (cp == kEthLookAlike || cp == kAfricanDLookAlike) return kSmallDStroke;
  const text::LetterParts parts = text::SplitLetter(cp);
  if (parts.is_vietnamese_letter && parts.upper) {
    const char32_t lower = text::ComposeLetter(parts.base, parts.tone, false);
    if (lower != 0) return lower;
  }
  return cp;
}

bool IsUpperCp(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp == kEthLookAlike || cp == kAfricanDLookAlike) return true;
  const text::LetterParts parts = text::SplitLetter(cp);
  return parts.is_vietnamese_letter && parts.upper;
}

bool IsAlnumCp(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  return cp == kEthLookAlike || cp == kAfricanDLookAlike || text::IsWordCodePoint(cp);
}

size_t MatchCi(std::string_view text, size_t pos, std::string_view pattern) {
  size_t i = pos;
  size_t j = 0;
  while (j < pattern.size()) {
    if (i >= text.size()) return std::string_view::npos;
    const char32_t want = text::NextCodePoint(pattern, j);
    const char32_t got = LowerCp(text::NextCodePoint(text, i));
    if (want == ' ') {
      if (got != ' ') return std::string_view::npos;
      while (i < text.size() && text[i] == ' ') ++i;  // runs of spaces match one
      continue;
    }
    if (want != got) return std::string_view::npos;
  }
  return i;
}

bool BoundaryBefore(std::string_view text, size_t pos) {
  return pos == 0 || !IsAlnumCp(CpBefore(text, pos));
}

bool BoundaryAfter(std::string_view text, size_t pos) {
  return pos >= text.size() || !IsAlnumCp(CpAt(text, pos));
}

size_t MatchWordCi(std::string_view text, size_t pos, std::string_view pattern) {
  if (!BoundaryBefore(text, pos)) return std::string_view::npos;
  const size_t end = MatchCi(text, pos, pattern);
  if (end == std::string_view::npos || !BoundaryAfter(text, end)) return std::string_view::npos;
  return end;
}

size_t SkipSpaces(std::string_view text, size_t pos) {
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
  return pos;
}

std::optional<KindMatch> MatchKind(std::string_view text, size_t pos) {
  if (pos >= text.size() || !BoundaryBefore(text, pos)) return std::nullopt;
  // Cheap filter: every kind starts with one of these letters.
  const char32_t first = LowerCp(CpAt(text, pos));
  if (first != 'c' && first != 'n' && first != 'q' && first != 't' && first != 'h' &&
      first != 'k' && first != 'v' && first != 'b' && first != 'p' && first != 'l' &&
      first != 'd' && first != kSmallDStroke) {
    return std::nullopt;
  }
  for (const KindEntry& e : kKinds) {
    size_t after_first = 0;  // most kinds fail on their first letter: no call for those
    if (text::NextCodePoint(e.pattern, after_first) != first) continue;
    const size_t end = MatchCi(text, pos, e.pattern);
    if (end != std::string_view::npos && BoundaryAfter(text, end)) {
      return KindMatch{std::string(e.kind), pos, end};
    }
  }
  return std::nullopt;
}

std::optional<KindMatch> KindEndingAt(std::string_view text, size_t end) {
  while (end > 0 && text[end - 1] == ' ') --end;
  constexpr size_t kLongestKind = 40;  // bytes of "chương trình hành động"
  const size_t from = end > kLongestKind ? end - kLongestKind : 0;
  for (size_t p = from; p < end; ++p) {
    if ((static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) continue;
    auto m = MatchKind(text, p);
    if (m && m->end == end) return m;
  }
  return std::nullopt;
}

std::optional<DocNumber> ScanDocNumber(std::string_view text, size_t pos) {
  if (pos >= text.size() || !IsDigit(text[pos])) return std::nullopt;
  if (pos > 0) {
    const char prev = text[pos - 1];
    if (IsDigit(prev) || prev == '/' || prev == '.' || prev == ',' || prev == '-') {
      return std::nullopt;
    }
    if (!BoundaryBefore(text, pos)) return std::nullopt;
  }
  size_t i = pos;
  while (i < text.size() && IsDigit(text[i]) && i - pos < 7) ++i;
  if (i < text.size() && IsDigit(text[i])) return std::nullopt;

  bool any_upper = false;
  size_t end = i;
  bool first = true;
  int segments = 0;
  constexpr int kMaxSegments = 6;  // bounds the scan: "01/2023/TT-BTC" has 4
  while (segments++ < kMaxSegments) {
    // A separator, with spaces around it only for the first one or before
    // a short all-capital segment ("23 /QĐ-UBND", "QĐ - UBND").
    size_t j = SkipSpaces(text, end);
    const bool spaced_before = j != end;
    if (j - end > 2 || j >= text.size()) break;
    size_t after_sep = j;
    const char32_t sep = CpAt(text, j, &after_sep);
    if (!IsSeparatorCp(sep)) break;
    size_t seg_begin = SkipSpaces(text, after_sep);
    const bool spaced_after = seg_begin != after_sep;
    if (seg_begin - after_sep > 2) break;
    bool has_upper = false;
    bool all_upper = false;
    const size_t seg_end = SegmentEnd(text, seg_begin, &has_upper, &all_upper);
    if (seg_end == seg_begin) break;
    if ((spaced_before || spaced_after) && !first &&
        (!all_upper || !has_upper || seg_end - seg_begin > 10)) {
      break;
    }
    any_upper = any_upper || has_upper;
    end = seg_end;
    first = false;
  }
  if (first || !any_upper) return std::nullopt;
  return DocNumber{pos, end, CanonicalDocNumber(text.substr(pos, end - pos))};
}

std::string CanonicalDocNumber(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  size_t i = 0;
  while (i < raw.size()) {
    const char32_t cp = text::NextCodePoint(raw, i);
    if (cp == ' ' || cp == '\t' || cp == 0xA0) continue;
    if (IsDashCp(cp)) {
      out.push_back('-');
    } else if (cp == kEthLookAlike || cp == kAfricanDLookAlike) {
      text::AppendUtf8(0x0110, out);  // Đ
    } else {
      text::AppendUtf8(cp, out);
    }
  }
  while (!out.empty() && (out.back() == '.' || out.back() == ',' || out.back() == '-')) {
    out.pop_back();
  }
  return out;
}

std::optional<std::string> KindFromSymbol(std::string_view canonical) {
  size_t i = 0;
  while (i < canonical.size() && IsDigit(canonical[i])) ++i;
  const bool state_style = i < canonical.size() && canonical[i] == '/';
  // The first segment that is not a year.
  while (i < canonical.size()) {
    if (canonical[i] == '/' || canonical[i] == '-') {
      ++i;
      continue;
    }
    size_t e = i;
    while (e < canonical.size() && canonical[e] != '/' && canonical[e] != '-') ++e;
    const std::string_view seg = canonical.substr(i, e - i);
    bool digits = true;
    for (char c : seg) digits = digits && IsDigit(c);
    if (!digits) {
      for (const CodeEntry& c : kCodes) {
        if (seg == c.code) return std::string(c.kind);
      }
      for (const CodeEntry& c : kCodes) {
        // "QĐUBND": the hyphen was lost between code and issuer.
        if (c.code.size() >= 2 && seg.size() > c.code.size() + 1 &&
            seg.substr(0, c.code.size()) == c.code) {
          bool upper_rest = true;
          for (char ch : seg.substr(c.code.size())) {
            upper_rest = upper_rest && !(ch >= 'a' && ch <= 'z');
          }
          if (upper_rest) return std::string(c.kind);
        }
      }
      if (state_style && e < canonical.size() && canonical[e] == '-') return "Công văn";
      return std::nullopt;
    }
    i = e;
  }
  return std::nullopt;
}

std::optional<DateAt> DateStartingAt(std::string_view text, size_t pos) {
  size_t i = SkipSpaces(text, pos);
  if (i < text.size() && text[i] == ',') i = SkipSpaces(text, i + 1);
  const size_t begin = i;
  const size_t after_ngay = MatchWordCi(text, i, "ngày");
  if (after_ngay != std::string_view::npos) i = SkipSpaces(text, after_ngay);
  if (i < text.size() && text[i] == ':') i = SkipSpaces(text, i + 1);
  const int day = ReadInt(text, i, 2);
  if (day < 0) return std::nullopt;
  int month = -1;
  int year = -1;
  if (i < text.size() && (text[i] == '/' || text[i] == '-' || text[i] == '.')) {
    const char sep = text[i];
    ++i;
    month = ReadInt(text, i, 2);
    if (month < 0 || i >= text.size() || text[i] != sep) return std::nullopt;
    ++i;
    year = ReadInt(text, i, 4);
  } else {
    i = SkipSpaces(text, i);
    const size_t t = MatchWordCi(text, i, "tháng");
    if (t == std::string_view::npos) return std::nullopt;
    i = SkipSpaces(text, t);
    month = ReadInt(text, i, 2);
    if (month < 0) return std::nullopt;
    i = SkipSpaces(text, i);
    const size_t n = MatchWordCi(text, i, "năm");
    if (n == std::string_view::npos) return std::nullopt;
    i = SkipSpaces(text, n);
    year = ReadInt(text, i, 4);
  }
  if (!ValidDate(year, month, day)) return std::nullopt;
  return DateAt{Date{year, month, day}, begin, i};
}

std::string_view Trim(std::string_view s, std::string_view extra) {
  auto strip = [&](char c) { return c == ' ' || c == '\t' || extra.find(c) != extra.npos; };
  while (!s.empty() && strip(s.front())) s.remove_prefix(1);
  while (!s.empty() && strip(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace dondoc::extract::refscan
