#include "text/layout_lines.h"

#include <unicode/uchar.h>

#include "text/utf8.h"

namespace dondoc::text::layout_internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// By hand, not memcmp: the prefixes are a few bytes and most tests fail on
// the first one, so a library call per test would cost more than the test.
bool StartsWith(std::string_view t, std::string_view prefix) {
  if (t.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (t[i] != prefix[i]) return false;
  }
  return true;
}

bool IsOpening(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == U'\u201C' || cp == U'\u2018' ||
         cp == U'\u00AB' || cp == U'\u201E' || cp == '<';
}

bool IsClosing(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == U'\u201D' || cp == U'\u2019' ||
         cp == U'\u00BB' || cp == '>' || cp == '=';
}

// Code point that ends just before t[i]; moves i to its first byte.
char32_t PrevCodePoint(std::string_view t, size_t& i) {
  size_t j = i - 1;
  while (j > 0 && (static_cast<unsigned char>(t[j]) & 0xC0) == 0x80 && i - j < 4) --j;
  size_t k = j;
  const char32_t cp = NextCodePoint(t, k);
  i = j;
  return cp;
}

// The trimmed line without trailing closing quotes and brackets.
std::string_view StripClosing(std::string_view t) {
  size_t i = t.size();
  while (i > 0) {
    size_t j = i;
    const char32_t cp = PrevCodePoint(t, j);
    if (!IsClosing(cp)) break;
    i = j;
  }
  return t.substr(0, i);
}

std::string_view LastWord(std::string_view t) {
  size_t i = t.size();
  while (i > 0 && SpaceBefore(t, 0, i) == 0) --i;
  return t.substr(i);
}

template <size_t N>
bool InList(std::string_view w, const std::string_view (&list)[N]) {
  if (w.empty()) return false;
  for (std::string_view x : list) {
    if (w.size() == x.size() && StartsWith(w, x)) return true;
  }
  return false;
}

constexpr std::string_view kNumberWords[] = {
    "số",   "Số",   "ngày", "tháng", "năm", "khoản", "Khoản",  "điểm", "Điều",
    "điều", "mục",  "Mục",  "lần",   "thứ", "đạt",   "khoảng", "tổng", "gồm",
    "còn",  "trên", "dưới", "hơn",   "cả",  "là",    "Chương", "Phần"};

// Words that never end a sentence or a heading ("được", "có" can: "đạt
// được", "hiện có").
constexpr std::string_view kJoinWords[] = {
    "và",  "của", "các", "những", "với", "cho",   "theo", "tại", "trong", "về",
    "để",  "từ",  "đến", "hoặc",  "đã",  "sẽ",    "bị",   "do",  "như",   "nhằm",
    "vào", "mọi", "một", "số",    "Số",  "thuộc", "nếu",  "mà",  "thì",   "là"};

// Roman numeral letters only, 1..7 of them.
size_t RomanRun(std::string_view t, size_t i) {
  size_t j = i;
  while (j < t.size() && j - i < 7 &&
         (t[j] == 'I' || t[j] == 'V' || t[j] == 'X' || t[j] == 'L' || t[j] == 'C')) {
    ++j;
  }
  if (j < t.size() && (t[j] == 'I' || t[j] == 'V' || t[j] == 'X')) return 0;
  return j - i;
}

bool SpaceOrEnd(std::string_view t, size_t i) { return i >= t.size() || SpaceAt(t, i) > 0; }

// Case of the first letter after position i, skipping spaces.
Case CaseAfter(std::string_view t, size_t i) {
  while (i < t.size()) {
    const size_t w = SpaceAt(t, i);
    if (w == 0) break;
    i += w;
  }
  if (i >= t.size()) return Case::kNone;
  return FirstCase(t.substr(i));
}

// Number of bytes of digits/spaces/dots/underscores/ellipses at t[i..]:
// the blanks of a date line ("ngày 15", "ngày ... tháng").
size_t DateFiller(std::string_view t, size_t i) {
  const size_t start = i;
  while (i < t.size()) {
    if (IsDigit(t[i]) || t[i] == '.' || t[i] == '_' || t[i] == '/') {
      ++i;
    } else if (const size_t w = SpaceAt(t, i)) {
      i += w;
    } else if (StartsWith(t.substr(i), "…")) {
      i += 3;
    } else {
      break;
    }
  }
  return i - start;
}

}  // namespace

size_t SpaceBefore(std::string_view s, size_t b, size_t e) {
  if (e <= b) return 0;
  const auto c = static_cast<unsigned char>(s[e - 1]);
  if (c < 0x80) return SpaceAt(s, e - 1);
  if (e - b >= 2 && SpaceAt(s, e - 2) == 2) return 2;
  if (e - b >= 3 && SpaceAt(s, e - 3) == 3) return 3;
  return 0;
}

Case CaseOf(char32_t cp) {
  if (cp < 0x80) {
    if (cp >= 'A' && cp <= 'Z') return Case::kUpper;
    if (cp >= 'a' && cp <= 'z') return Case::kLower;
    if (cp >= '0' && cp <= '9') return Case::kDigit;
    return Case::kOther;
  }
  const auto c = static_cast<UChar32>(cp);
  if (u_isupper(c) || u_istitle(c)) return Case::kUpper;
  if (u_islower(c)) return Case::kLower;
  return Case::kOther;
}

Case FirstCase(std::string_view t) {
  size_t i = 0;
  while (i < t.size()) {
    const char32_t cp = NextCodePoint(t, i);
    if (IsOpening(cp)) continue;
    return CaseOf(cp);
  }
  return Case::kNone;
}

Marker ParseMarker(std::string_view t, size_t* len) {
  *len = 0;
  if (t.empty()) return Marker::kNone;
  const char c = t[0];
  // Dashes: "- Nội dung"; a dash glued to a capital ("-Tăng cường") also
  // counts, a dash glued to a digit ("-2028") does not.
  auto dash_like = [&](size_t n) -> Marker {
    if (SpaceOrEnd(t, n) || CaseAfter(t, n) == Case::kUpper) {
      *len = n;
      return Marker::kDash;
    }
    return Marker::kNone;
  };
  if (c == '-' || c == '+') return dash_like(1);
  if (StartsWith(t, "–") || StartsWith(t, "—")) return dash_like(3);
  if (c == '*') {
    if (!SpaceOrEnd(t, 1)) return Marker::kNone;
    *len = 1;
    return Marker::kBullet;
  }
  // Every bullet is a three-byte character; most lines start with ASCII.
  const auto lead = static_cast<unsigned char>(c);
  if (lead >= 0xE0 && lead < 0xF0) {
    for (std::string_view b :
         {"•", "▪", "●", "○", "◦", "■", "□", "➢", "✓", "\uF0A7", "\uF0B7", "\uF0D8", "\uF076"}) {
      if (StartsWith(t, b)) {
        *len = b.size();
        return Marker::kBullet;
      }
    }
  }
  if (c == '(') {
    size_t i = 1;
    while (i < t.size() && i < 4 && IsDigit(t[i])) ++i;
    if (i == 1) {
      if (i < t.size() && t[i] >= 'a' && t[i] <= 'z') {
        i = 2;
      } else if (StartsWith(t.substr(1), "đ")) {
        i = 3;
      }
    }
    if (i > 1 && i < t.size() && t[i] == ')' && SpaceOrEnd(t, i + 1)) {
      *len = i + 1;
      return Marker::kParen;
    }
    return Marker::kNone;
  }
  if (IsDigit(c)) {
    // 1. / 1) / 1.1. / 1.2.3 — each part at most two digits, so that
    // "1.100 ha" stays a number.
    size_t i = 0;
    int parts = 0;
    bool trailing_dot = false;
    while (true) {
      size_t j = i;
      while (j < t.size() && IsDigit(t[j])) ++j;
      if (j == i || j - i > 2) return Marker::kNone;
      ++parts;
      i = j;
      if (i < t.size() && t[i] == '.') {
        if (i + 1 < t.size() && IsDigit(t[i + 1])) {
          ++i;
          continue;
        }
        ++i;
        trailing_dot = true;
      } else if (i < t.size() && t[i] == ')') {
        ++i;
        trailing_dot = true;
      }
      break;
    }
    if (!SpaceOrEnd(t, i) || (!trailing_dot && parts < 2)) return Marker::kNone;
    *len = i;
    return Marker::kArabic;
  }
  if (c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C') {
    const size_t n = RomanRun(t, 0);
    if (n > 0 && n < t.size() && (t[n] == '.' || t[n] == ')') && SpaceOrEnd(t, n + 1)) {
      *len = n + 1;
      return Marker::kRoman;
    }
  }
  {
    size_t n = 0;
    if (c >= 'a' && c <= 'z') {
      n = 1;
    } else if (StartsWith(t, "đ")) {
      n = 2;
    }
    if (n > 0 && n < t.size()) {
      if (t[n] == ')' && SpaceOrEnd(t, n + 1)) {
        *len = n + 1;
        return Marker::kLetter;
      }
      if (t[n] == '.' && n + 1 < t.size() && SpaceAt(t, n + 1) > 0 &&
          CaseAfter(t, n + 1) == Case::kUpper) {
        *len = n + 1;
        return Marker::kLetter;
      }
    }
  }
  // Legal structure words followed by a number.
  for (std::string_view w : {"Điều ", "Chương ", "Mục ", "Phần "}) {
    if (!StartsWith(t, w)) continue;
    size_t i = w.size();
    constexpr std::string_view kOrdinal = "thứ ";
    if (w == "Phần " && StartsWith(t.substr(i), kOrdinal)) {
      i += kOrdinal.size();
      while (i < t.size() && SpaceAt(t, i) == 0) ++i;  // the ordinal word
      *len = i;
      return Marker::kLegal;
    }
    size_t j = i;
    while (j < t.size() && IsDigit(t[j])) ++j;
    if (j == i) j = i + RomanRun(t, i);
    if (j == i) return Marker::kNone;
    if (j < t.size() && (t[j] == '.' || t[j] == ':')) ++j;
    if (!SpaceOrEnd(t, j)) return Marker::kNone;
    *len = j;
    return Marker::kLegal;
  }
  return Marker::kNone;
}

bool IsAllCaps(std::string_view t, bool* no_lower) {
  *no_lower = false;
  if (t.size() > 1200) return false;
  size_t upper = 0;
  size_t lower = 0;
  for (size_t i = 0; i < t.size();) {
    const char32_t cp = NextCodePoint(t, i);
    const Case k = CaseOf(cp);
    if (k == Case::kUpper) {
      ++upper;
    } else if (k == Case::kLower) {
      ++lower;
      // Text damaged by broken fonts leaves a few lower-case letters in
      // headings; ordinary text fails here within a few letters.
      if (lower > 1 && lower * 8 > upper) return false;
    }
  }
  *no_lower = upper > 0 && lower == 0;
  return upper >= 4 && lower * 8 <= upper;
}

bool IsPlaceDateLine(std::string_view t) {
  if (t.size() > 240) return false;
  constexpr std::string_view kNgay = ", ngày";
  size_t k = t.find(kNgay);
  size_t after = k + kNgay.size();
  if (k == std::string_view::npos) {
    constexpr std::string_view kNgayTight = ",ngày";
    k = t.find(kNgayTight);
    after = k + kNgayTight.size();
  }
  if (k == std::string_view::npos || k == 0 || k > 90) return false;
  // Place: one to six words, each starting with a capital ("TP. Hồ Chí Minh").
  int words = 0;
  for (size_t i = 0; i < k;) {
    if (const size_t w = SpaceAt(t, i)) {
      i += w;
      continue;
    }
    size_t j = i;
    const char32_t cp = NextCodePoint(t, j);
    if (CaseOf(cp) != Case::kUpper) return false;
    ++words;
    while (i < k && SpaceAt(t, i) == 0) ++i;
  }
  if (words < 1 || words > 6) return false;
  size_t i = after;
  i += DateFiller(t, i);
  constexpr std::string_view kThang = "tháng";
  constexpr std::string_view kNam = "năm";
  if (!StartsWith(t.substr(i), kThang)) return false;
  i += kThang.size();
  i += DateFiller(t, i);
  if (!StartsWith(t.substr(i), kNam)) return false;
  i += kNam.size();
  const size_t tail = DateFiller(t, i);
  return i + tail == t.size() && tail <= 24;
}

bool IsHeaderLine(std::string_view t) {
  if (t.size() > 600) return false;
  if (t.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA") != std::string_view::npos ||
      t.find("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA") != std::string_view::npos) {
    return true;
  }
  if (StartsWith(t, "Độc lập") && t.find("Hạnh phúc") != std::string_view::npos) return true;
  if ((StartsWith(t, "Số:") || StartsWith(t, "Số :")) && t.size() < 160) return true;
  return IsPlaceDateLine(t);
}

bool EndsFinal(std::string_view t) {
  const std::string_view s = StripClosing(t);
  if (s.empty()) return false;
  const char c = s.back();
  if (c == '.' || c == ';' || c == ':' || c == '!' || c == '?') return true;
  return s.size() >= 3 && s.substr(s.size() - 3) == "…";
}

bool EndsComma(std::string_view t) {
  const std::string_view s = StripClosing(t);
  return !s.empty() && s.back() == ',';
}

bool EndsNumberWord(std::string_view t) { return InList(LastWord(t), kNumberWords); }

bool EndsJoinWord(std::string_view t) { return InList(LastWord(t), kJoinWords); }

bool EndsGluedHyphen(std::string_view t) {
  return t.size() >= 2 && t.back() == '-' && SpaceBefore(t, 0, t.size() - 1) == 0;
}

bool StartsCode(std::string_view t) {
  size_t upper = 0;
  size_t lower = 0;
  size_t i = 0;
  bool first = true;
  while (i < t.size() && SpaceAt(t, i) == 0) {
    const char32_t cp = NextCodePoint(t, i);
    const Case k = CaseOf(cp);
    if (first && k != Case::kUpper && k != Case::kDigit) return false;
    first = false;
    if (k == Case::kUpper || k == Case::kDigit) {
      ++upper;
    } else if (k == Case::kLower) {
      ++lower;
    }
  }
  return upper >= 2 && upper > lower;
}

bool IsDecoration(std::string_view t, size_t* rule_chars) {
  *rule_chars = 0;
  size_t n = 0;
  for (size_t i = 0; i < t.size();) {
    const char c = t[i];
    if (c == '-' || c == '_') {
      ++*rule_chars;
    } else if (c != '=' && c != '*' && c != '~') {
      if (const size_t w = SpaceAt(t, i)) {
        i += w;
        continue;
      }
      return false;
    }
    ++n;
    ++i;
  }
  return n >= 3;
}

bool LonePageNumber(std::string_view t, int* value) {
  std::string_view d = t;
  if (t.size() >= 3 && t.front() == '-' && t.back() == '-') {
    d = t.substr(1, t.size() - 2);
    while (!d.empty() && SpaceAt(d, 0) == 1) d.remove_prefix(1);
    while (!d.empty() && SpaceBefore(d, 0, d.size()) == 1) d.remove_suffix(1);
  }
  if (d.empty() || d.size() > 3 || d[0] == '0') return false;
  int v = 0;
  for (char c : d) {
    if (!IsDigit(c)) return false;
    v = v * 10 + (c - '0');
  }
  *value = v;
  return true;
}

int SuperscriptDigitAt(std::string_view s, size_t i, size_t* len) {
  if (i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xC2) {
    const auto c = static_cast<unsigned char>(s[i + 1]);
    *len = 2;
    if (c == 0xB9) return 1;
    if (c == 0xB2) return 2;
    if (c == 0xB3) return 3;
    return -1;
  }
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x81) {
    const auto c = static_cast<unsigned char>(s[i + 2]);
    *len = 3;
    if (c == 0xB0) return 0;
    if (c >= 0xB4 && c <= 0xB9) return c - 0xB0;
  }
  return -1;
}

bool ParseNoteMarker(std::string_view t, int* number, NoteStyle* style, size_t* len) {
  if (t.empty()) return false;
  size_t i = 0;
  int v = 0;
  if (t[0] == '(') {
    i = 1;
    while (i < t.size() && i < 4 && IsDigit(t[i])) v = v * 10 + (t[i++] - '0');
    if (i == 1 || i >= t.size() || t[i] != ')' || v == 0) return false;
    ++i;
    if (!SpaceOrEnd(t, i) || CaseAfter(t, i) == Case::kNone) return false;
    *style = NoteStyle::kParen;
  } else if (IsDigit(t[0])) {
    if (t[0] == '0') return false;
    while (i < t.size() && i < 3 && IsDigit(t[i])) v = v * 10 + (t[i++] - '0');
    if (i < t.size() && IsDigit(t[i])) return false;
    // "1 Quyết định", "1 (1) Quyết tâm", "1Quyết định" — never "2024; ..."
    // or "5 năm" (a wrapped sentence).
    size_t j = i;
    while (j < t.size() && SpaceAt(t, j) > 0) j += SpaceAt(t, j);
    if (j >= t.size()) return false;
    size_t k = j;
    const char32_t cp = NextCodePoint(t, k);
    if (!(CaseOf(cp) == Case::kUpper || IsOpening(cp))) return false;
    *style = NoteStyle::kBare;
  } else {
    size_t w = 0;
    int d = SuperscriptDigitAt(t, 0, &w);
    if (d < 0) return false;
    while (d >= 0 && i < t.size()) {
      v = v * 10 + d;
      i += w;
      if (i >= t.size()) break;
      d = SuperscriptDigitAt(t, i, &w);
    }
    if (v == 0 || i >= t.size()) return false;
    *style = NoteStyle::kSuperscript;
  }
  *number = v;
  *len = i;
  return true;
}

}  // namespace dondoc::text::layout_internal
