// Outline: reads the marker at the start of each paragraph and nests the
// numbered paragraphs by the conventional rank of their markers (part >
// roman > arabic > decimal > letter > dash > plus > bullet). The nesting is
// inferred from order: a marker closes every open item of the same or a
// lower rank, so a document that starts at "1." or puts "a)" straight under
// "I." nests as written.

#include "extract/outline.h"

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "extract/references_scan.h"
#include "text/utf8.h"

namespace dondoc::extract {
namespace {

constexpr size_t kNpos = std::string_view::npos;

struct Marker {
  MarkerKind kind = MarkerKind::kNone;
  std::string label;
  int rank = 0;  // lower is higher in the hierarchy
};

constexpr int kRankPart = 0;  // + 0..3 for Phần, Chương, Mục, Điều
constexpr int kRankRoman = 10;
constexpr int kRankArabic = 20;
constexpr int kRankDecimal = 20;  // + number of components
constexpr int kRankLetter = 40;
constexpr int kRankDash = 50;
constexpr int kRankPlus = 60;
constexpr int kRankBullet = 70;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Roman numeral value of s (I V X L C only), 0 when invalid.
int RomanValue(std::string_view s) {
  static constexpr std::array<std::pair<std::string_view, int>, 13> kTable = {{{"M", 1000},
                                                                               {"CM", 900},
                                                                               {"D", 500},
                                                                               {"CD", 400},
                                                                               {"C", 100},
                                                                               {"XC", 90},
                                                                               {"L", 50},
                                                                               {"XL", 40},
                                                                               {"X", 10},
                                                                               {"IX", 9},
                                                                               {"V", 5},
                                                                               {"IV", 4},
                                                                               {"I", 1}}};
  int value = 0;
  size_t i = 0;
  for (const auto& [sym, v] : kTable) {
    int repeats = 0;
    while (s.substr(i, sym.size()) == sym && repeats < 3) {
      value += v;
      i += sym.size();
      ++repeats;
      if (sym.size() == 2 || v == 5 || v == 50 || v == 500) break;
    }
  }
  return (i == s.size() && value > 0 && value < 60) ? value : 0;
}

constexpr std::array<std::string_view, 10> kOrdinals = {"nhất", "hai", "ba",  "tư",   "năm",
                                                        "sáu",  "bảy", "tám", "chín", "mười"};

// "Phần thứ nhất", "Phần I", "Chương II", "Mục 1", "Điều 3.".
std::optional<Marker> PartMarker(std::string_view t) {
  static constexpr std::array<std::pair<std::string_view, int>, 4> kWords = {
      {{"phần", 0}, {"chương", 1}, {"mục", 2}, {"điều", 3}}};
  for (const auto& [word, sub] : kWords) {
    size_t e = refscan::MatchWordCi(t, 0, word);
    if (e == kNpos) continue;
    // Only capitalised: "Phần", "PHẦN", "Chương".
    size_t first = 0;
    if (!refscan::IsUpperCp(text::NextCodePoint(t, first))) continue;
    size_t i = refscan::SkipSpaces(t, e);
    std::string label;
    const size_t thu = refscan::MatchWordCi(t, i, "thứ");
    if (thu != kNpos) {
      const size_t o = refscan::SkipSpaces(t, thu);
      for (std::string_view ord : kOrdinals) {
        const size_t oe = refscan::MatchWordCi(t, o, ord);
        if (oe != kNpos) {
          label = std::string(t.substr(0, oe));
          break;
        }
      }
    } else {
      size_t j = i;
      while (j < t.size() &&
             (IsDigit(t[j]) || t[j] == 'I' || t[j] == 'V' || t[j] == 'X' || t[j] == 'L')) {
        ++j;
      }
      if (j > i && (j == t.size() || t[j] == '.' || t[j] == ':' || t[j] == ' ' || t[j] == ')')) {
        label = std::string(t.substr(0, j));
      }
    }
    if (label.empty()) continue;
    return Marker{MarkerKind::kPart, label, kRankPart + sub};
  }
  return std::nullopt;
}

std::optional<Marker> ReadMarker(std::string_view t) {
  if (t.empty()) return std::nullopt;
  if (auto part = PartMarker(t)) return part;
  const unsigned char c0 = static_cast<unsigned char>(t[0]);
  // Roman: "II." / "IV-" / "V/".
  if (t[0] == 'I' || t[0] == 'V' || t[0] == 'X' || t[0] == 'L') {
    size_t j = 0;
    while (j < t.size() && (t[j] == 'I' || t[j] == 'V' || t[j] == 'X' || t[j] == 'L')) ++j;
    if (j < t.size() && (t[j] == '.' || t[j] == '/' || t[j] == ')' || t[j] == '-') &&
        RomanValue(t.substr(0, j)) > 0 && (j + 1 >= t.size() || t[j + 1] == ' ')) {
      return Marker{MarkerKind::kRoman, std::string(t.substr(0, j)), kRankRoman};
    }
  }
  // Arabic "1." / "1)" and decimal "1.2." / "1.2.3".
  if (IsDigit(t[0])) {
    size_t j = 0;
    int components = 0;
    std::string label;
    while (j < t.size() && IsDigit(t[j])) {
      const size_t b = j;
      while (j < t.size() && IsDigit(t[j])) ++j;
      if (j - b > 2) return std::nullopt;  // "2023", "4.500": numbers, not markers
      ++components;
      label.append(t.substr(b, j - b));
      if (j < t.size() && t[j] == '.' && j + 1 < t.size() && IsDigit(t[j + 1])) {
        label.push_back('.');
        ++j;
        continue;
      }
      break;
    }
    const bool closed = j < t.size() && (t[j] == '.' || t[j] == ')');
    const size_t after = closed ? j + 1 : j;
    if (after < t.size() && t[after] != ' ') return std::nullopt;
    if (components == 1) {
      if (!closed) return std::nullopt;
      return Marker{MarkerKind::kArabic, label, kRankArabic};
    }
    // "1.2 Tên mục" without the final dot: need a capital after it.
    if (!closed) {
      const size_t w = refscan::SkipSpaces(t, after);
      size_t i = w;
      if (w >= t.size() || !refscan::IsUpperCp(text::NextCodePoint(t, i))) return std::nullopt;
    }
    return Marker{MarkerKind::kDecimal, label, kRankDecimal + components};
  }
  // Letter "a)" "đ)" (also "a." before a capital).
  {
    size_t i = 0;
    const char32_t cp = text::NextCodePoint(t, i);
    const bool letter = (cp >= 'a' && cp <= 'z') || cp == 0x0111;
    if (letter && i < t.size() && (t[i] == ')' || t[i] == '.') &&
        (i + 1 >= t.size() || t[i + 1] == ' ')) {
      bool ok = t[i] == ')';
      if (!ok) {
        size_t w = refscan::SkipSpaces(t, i + 1);
        ok = w < t.size() && refscan::IsUpperCp(text::NextCodePoint(t, w));
      }
      if (ok) return Marker{MarkerKind::kLetter, std::string(t.substr(0, i)), kRankLetter};
    }
  }
  // Dashes, plus, bullets.
  {
    size_t i = 0;
    const char32_t cp = text::NextCodePoint(t, i);
    const bool spaced = i >= t.size() || t[i] == ' ';
    if (cp == '-' || cp == 0x2013 || cp == 0x2014) {
      if (spaced || (i < t.size() && c0 == '-' && t[i] != '-' && !IsDigit(t[i]))) {
        return Marker{MarkerKind::kDash, "-", kRankDash};
      }
    }
    if (cp == '+' && spaced) return Marker{MarkerKind::kPlus, "+", kRankPlus};
    if (cp == 0x2022 || cp == 0x25CF || cp == 0x25AA || cp == 0x00B7 || cp == 0x25E6 ||
        cp == 0xF0B7 || cp == '*') {
      return Marker{MarkerKind::kBullet, "•", kRankBullet};
    }
  }
  return std::nullopt;
}

bool Labelled(MarkerKind k) {
  return k != MarkerKind::kNone && k != MarkerKind::kDash && k != MarkerKind::kPlus &&
         k != MarkerKind::kBullet;
}

// The path of `node` given its parent's path: a decimal label that repeats
// its parent's last label replaces it ("II.1" + "1.2" -> "II.1.2").
std::string PathOf(const std::string& parent_path, const OutlineNode& node) {
  if (!Labelled(node.marker)) return parent_path;
  if (parent_path.empty()) return node.label;
  if (node.marker == MarkerKind::kDecimal) {
    const size_t dot = node.label.rfind('.');
    const std::string prefix = node.label.substr(0, dot);
    if (parent_path.size() >= prefix.size() &&
        parent_path.compare(parent_path.size() - prefix.size(), prefix.size(), prefix) == 0 &&
        (parent_path.size() == prefix.size() ||
         parent_path[parent_path.size() - prefix.size() - 1] == '.')) {
      return parent_path.substr(0, parent_path.size() - prefix.size()) + node.label;
    }
  }
  return parent_path + "." + node.label;
}

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::vector<OutlineNode> BuildOutline(const text::Layout& layout) {
  const size_t n = layout.paragraphs.size();
  std::vector<OutlineNode> out(n);
  std::vector<int> ranks(n, 0);
  std::vector<std::pair<int, int>> stack;  // (rank, node index) of open items
  for (size_t p = 0; p < n; ++p) {
    OutlineNode& node = out[p];
    node.paragraph = p;
    const std::string_view t = TrimView(layout.paragraphs[p].text.text());
    if (auto m = ReadMarker(t)) {
      node.marker = m->kind;
      node.label = std::move(m->label);
      ranks[p] = m->rank;
      while (!stack.empty() && stack.back().first >= m->rank) stack.pop_back();
      node.parent = stack.empty() ? -1 : stack.back().second;
      node.depth = static_cast<int>(stack.size()) + 1;
      node.path = PathOf(node.parent < 0 ? std::string() : out[node.parent].path, node);
      stack.emplace_back(m->rank, static_cast<int>(p));
    } else {
      // Body text belongs to the innermost numbered item, or to a list
      // item that announced it with ":".
      int parent = -1;
      int depth = 0;
      for (size_t k = stack.size(); k > 0; --k) {
        const int idx = stack[k - 1].second;
        const std::string_view pt = TrimView(layout.paragraphs[idx].text.text());
        if (stack[k - 1].first < kRankDash || (!pt.empty() && pt.back() == ':')) {
          parent = idx;
          depth = static_cast<int>(k);
          break;
        }
      }
      node.parent = parent;
      node.depth = depth;
      node.path = parent < 0 ? std::string() : out[parent].path;
    }
  }
  // Headings: end with ":", or have numbered items under them, or are a
  // short unpunctuated title followed by body text.
  for (size_t p = 0; p < n; ++p) {
    const std::string_view t = TrimView(layout.paragraphs[p].text.text());
    if (!t.empty() && t.back() == ':') out[p].is_heading = true;
    const int parent = out[p].parent;
    if (parent < 0 || out[parent].is_heading) continue;
    if (out[p].marker != MarkerKind::kNone) {
      out[parent].is_heading = true;
    } else {
      const std::string_view pt = TrimView(layout.paragraphs[parent].text.text());
      if (ranks[parent] < kRankDash && pt.size() < 300 && !pt.empty() && pt.back() != '.' &&
          pt.back() != ';') {
        out[parent].is_heading = true;
      }
    }
  }
  return out;
}

}  // namespace dondoc::extract
