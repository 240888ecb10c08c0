#include "extract/tasks_grammar.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

namespace dondoc::extract::tasks {
namespace {

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// A word ends at the end of the text, at ASCII that is no letter or digit,
// or at general punctuation (U+2000..U+206F: dashes, quotes, ellipsis).
bool BoundaryAt(std::string_view s, size_t pos) {
  if (pos >= s.size()) return true;
  const auto c = static_cast<unsigned char>(s[pos]);
  if (c < 0x80) return !IsAsciiAlnum(c);
  return c == 0xE2 && pos + 1 < s.size() && static_cast<unsigned char>(s[pos + 1]) == 0x80;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Index of the mention that begins exactly at `pos`, or npos.
size_t MentionAt(const std::vector<AgencyMention>& mentions, size_t pos) {
  auto it = std::lower_bound(mentions.begin(), mentions.end(), pos,
                             [](const AgencyMention& m, size_t p) { return m.begin < p; });
  if (it == mentions.end() || it->begin != pos) return std::string_view::npos;
  return static_cast<size_t>(it - mentions.begin());
}

// Skips what may join two agencies of one list: spaces, "," ";" "/" and the
// words "và", "cùng", "với".
size_t SkipGlue(std::string_view lower, size_t pos, bool allow_voi) {
  for (;;) {
    const size_t start = pos;
    while (pos < lower.size() &&
           (IsSpace(lower[pos]) || lower[pos] == ',' || lower[pos] == ';' || lower[pos] == '/')) {
      ++pos;
    }
    for (std::string_view w : {std::string_view("và"), std::string_view("cùng")}) {
      if (WordAt(lower, pos, w)) pos += w.size();
    }
    if (allow_voi && WordAt(lower, pos, "với")) pos += std::string_view("với").size();
    if (pos == start) return pos;
  }
}

// The agencies of one list starting at mention `first`; returns the end of
// the list.
size_t ReadGroup(std::string_view lower, const std::vector<AgencyMention>& mentions, size_t first,
                 std::vector<AgencyMention>& out) {
  size_t idx = first;
  size_t end = mentions[idx].end;
  out.push_back(mentions[idx]);
  for (;;) {
    const size_t next = SkipGlue(lower, end, /*allow_voi=*/false);
    const size_t m = MentionAt(mentions, next);
    if (m == std::string_view::npos || m <= idx) return end;
    idx = m;
    out.push_back(mentions[idx]);
    end = mentions[idx].end;
  }
}

// Skips a parenthesised remark of at most 300 bytes at `pos` (after spaces).
size_t SkipParenthesis(std::string_view text, size_t pos) {
  const size_t p = SkipSpaces(text, pos);
  if (p >= text.size() || text[p] != '(') return pos;
  const size_t limit = std::min(text.size(), p + 300);
  for (size_t i = p + 1; i < limit; ++i) {
    if (text[i] == ')') return i + 1;
  }
  return pos;
}

bool OnlyPunctuation(std::string_view text, size_t pos) {
  for (size_t i = pos; i < text.size(); ++i) {
    const char c = text[i];
    if (!IsSpace(c) && c != '.' && c != ',' && c != ';' && c != ':') return false;
  }
  return true;
}

// Words that, right after the agencies, show a description rather than an
// assignment ("Sở Y tế đã triển khai ...") or a noun phrase ("Sở Y tế của ...").
constexpr std::array<std::string_view, 22> kNotAnAssignment = {
    "đã",  "đang", "vừa", "được",  "là",  "chưa", "bị", "cũng", "vẫn", "của", "thuộc",
    "tại", "về",   "với", "trong", "năm", "cho",  "để", "ở",    "từ",  "và",  "nay"};

constexpr std::array<std::string_view, 7> kAssignVerbs = {
    "giao cho", "giao", "đề nghị", "yêu cầu", "ủy quyền cho", "phân công", "chỉ đạo"};

constexpr std::array<std::string_view, 7> kIntroPhrases = {
    "căn cứ", "trong phạm vi", "trên cơ sở", "theo chức năng", "để", "nhằm", "trong quá trình"};

// If `lower` has one of kAssignVerbs at `pos`, the position after it.
size_t AfterAssignVerb(std::string_view lower, size_t pos) {
  for (std::string_view v : kAssignVerbs) {
    if (WordAt(lower, pos, v)) return SkipSpaces(lower, pos + v.size());
  }
  return std::string_view::npos;
}

// True when `lower` ends (before `pos`, spaces skipped) with the word `w`
// preceded by a word boundary.
bool EndsWithWord(std::string_view lower, size_t pos, std::string_view w, size_t* word_begin) {
  while (pos > 0 && IsSpace(lower[pos - 1])) --pos;
  if (pos < w.size() || lower.substr(pos - w.size(), w.size()) != w) return false;
  const size_t b = pos - w.size();
  if (b > 0) {
    const auto c = static_cast<unsigned char>(lower[b - 1]);
    if (c >= 0x80 || IsAsciiAlnum(c)) return false;
  }
  *word_begin = b;
  return true;
}

}  // namespace

bool WordAt(std::string_view lower, size_t pos, std::string_view word) {
  if (pos > lower.size() || lower.size() - pos < word.size()) return false;
  if (lower.substr(pos, word.size()) != word) return false;
  return BoundaryAt(lower, pos + word.size());
}

size_t SkipSpaces(std::string_view text, size_t pos) {
  while (pos < text.size() && IsSpace(text[pos])) ++pos;
  return pos;
}

MarkerInfo ReadMarker(std::string_view text) {
  MarkerInfo info;
  const size_t p = SkipSpaces(text, 0);
  info.text_begin = p;
  auto finish = [&](Marker kind, int rank, std::string label, size_t end) {
    info.kind = kind;
    info.rank = rank;
    info.label = std::move(label);
    info.text_begin = SkipSpaces(text, end);
    return info;
  };
  if (p >= text.size()) return info;
  const std::string_view rest = text.substr(p);
  const auto c0 = static_cast<unsigned char>(rest[0]);
  // Dashes and bullets.
  if ((c0 == '-' || c0 == '*') && rest.size() > 1 && IsSpace(rest[1])) {
    return finish(Marker::kDash, 8, "", p + 1);
  }
  if (c0 == '+' && rest.size() > 1 && IsSpace(rest[1])) return finish(Marker::kPlus, 9, "", p + 1);
  for (std::string_view d : {"–", "—", "•"}) {
    if (rest.starts_with(d)) return finish(Marker::kDash, 8, "", p + d.size());
  }
  if (rest.starts_with("Phần thứ ") || rest.starts_with("PHẦN THỨ ")) {
    return finish(Marker::kPart, 0, "", p);
  }
  // Roman numerals: "II." or "II)".
  size_t i = 0;
  while (i < rest.size() && i < 7 &&
         std::string_view("IVXLC").find(rest[i]) != std::string_view::npos) {
    ++i;
  }
  if (i > 0 && i < rest.size() && (rest[i] == '.' || rest[i] == ')') &&
      (i + 1 == rest.size() || IsSpace(rest[i + 1]))) {
    return finish(Marker::kRoman, 1, std::string(rest.substr(0, i)), p + i + 1);
  }
  // Arabic "1." "1)" and decimal "1.2." "1.2".
  i = 0;
  int groups = 0;
  while (i < rest.size() && groups < 6) {
    size_t d = i;
    while (d < rest.size() && d - i < 4 && rest[d] >= '0' && rest[d] <= '9') ++d;
    if (d == i) break;
    ++groups;
    // Section numbers have short groups; "4.500" is a number.
    if (groups > 1 && d - i > 2) return info;
    i = d;
    if (i < rest.size() && rest[i] == '.' && i + 1 < rest.size() && rest[i + 1] >= '0' &&
        rest[i + 1] <= '9') {
      ++i;
      continue;
    }
    break;
  }
  if (groups > 0 && i < rest.size()) {
    std::string label(rest.substr(0, i));
    size_t after = i;
    bool punct = false;
    if (rest[i] == '.' || rest[i] == ')') {
      ++after;
      punct = true;
    }
    if ((punct || groups > 1) && (after == rest.size() || IsSpace(rest[after]))) {
      if (groups == 1) return finish(Marker::kArabic, 2, std::move(label), p + after);
      return finish(Marker::kDecimal, 1 + groups, std::move(label), p + after);
    }
  }
  // Letters "a)" ... "đ)".
  if (c0 >= 'a' && c0 <= 'z' && rest.size() > 1 && rest[1] == ')') {
    return finish(Marker::kLetter, 7, std::string(rest.substr(0, 1)), p + 2);
  }
  if (rest.starts_with("đ)")) return finish(Marker::kLetter, 7, "đ", p + 4);
  return info;
}

std::optional<LeadClause> ParseLeadClause(std::string_view text, std::string_view lower,
                                          const std::vector<AgencyMention>& mentions, size_t pos) {
  LeadClause clause;
  size_t p = SkipSpaces(text, pos);
  clause.begin = p;
  if (const size_t after = AfterAssignVerb(lower, p); after != std::string_view::npos) {
    clause.prefixed = true;
    p = after;
  } else {
    for (std::string_view intro : kIntroPhrases) {
      if (!WordAt(lower, p, intro)) continue;
      // The subject follows the introductory phrase after a comma, within
      // the same sentence.
      auto it = std::upper_bound(mentions.begin(), mentions.end(), p,
                                 [](size_t q, const AgencyMention& m) { return q < m.begin; });
      for (; it != mentions.end() && it->begin <= p + 400; ++it) {
        const std::string_view between = lower.substr(p, it->begin - p);
        if (between.find(". ") != std::string_view::npos) break;
        size_t b = it->begin;
        while (b > p && IsSpace(lower[b - 1])) --b;
        if (b > p && lower[b - 1] == ',') {
          p = it->begin;
          break;
        }
      }
      break;
    }
  }
  const size_t first = MentionAt(mentions, p);
  if (first == std::string_view::npos) return std::nullopt;
  size_t q = ReadGroup(lower, mentions, first, clause.leads);
  q = SkipParenthesis(text, q);
  const size_t after_group = q;
  if (OnlyPunctuation(text, q)) {
    clause.leads_only = true;
    clause.colon = text.find(':', q) != std::string_view::npos;
    clause.work_begin = text.size();
    return clause;
  }
  q = SkipSpaces(text, q);
  if (text[q] == ':') {
    clause.colon = true;
    clause.work_begin = SkipSpaces(text, q + 1);
    clause.has_work = !OnlyPunctuation(text, clause.work_begin);
    return clause;
  }
  while (q < text.size() && (IsSpace(text[q]) || text[q] == ',' || text[q] == ';')) ++q;
  bool linked = false;
  if (WordAt(lower, q, "chủ trì")) {
    clause.chu_tri = true;
    linked = true;
    q += std::string_view("chủ trì").size();
    while (q < text.size() && (IsSpace(text[q]) || text[q] == ',' || text[q] == ';')) ++q;
  }
  if (WordAt(lower, q, "phối hợp")) {
    linked = true;
    q = SkipSpaces(lower, q + std::string_view("phối hợp").size());
    if (WordAt(lower, q, "chặt chẽ"))
      q = SkipSpaces(lower, q + std::string_view("chặt chẽ").size());
    if (WordAt(lower, q, "với")) q = SkipSpaces(lower, q + std::string_view("với").size());
    if (const size_t m = MentionAt(mentions, q); m != std::string_view::npos) {
      q = ReadGroup(lower, mentions, m, clause.coordinating);
      q = SkipParenthesis(text, q);
    }
  }
  if (linked) {
    q = SkipSpaces(text, q);
    if (q < text.size() && text[q] == ':') {
      clause.colon = true;
      ++q;
    }
    clause.work_begin = SkipSpaces(text, q);
    clause.has_work = !OnlyPunctuation(text, clause.work_begin);
    return clause;
  }
  for (std::string_view w : kNotAnAssignment) {
    if (WordAt(lower, q, w)) return std::nullopt;
  }
  // "Sở Y tế có trách nhiệm ..." assigns; "Sở Y tế có 12 đơn vị" describes.
  if (WordAt(lower, q, "có") && !WordAt(lower, q, "có trách nhiệm")) return std::nullopt;
  clause.work_begin = std::max(after_group, q);
  clause.has_work = true;
  return clause;
}

std::vector<LeadClause> FindInnerClauses(std::string_view text, std::string_view lower,
                                         const std::vector<AgencyMention>& mentions, size_t from) {
  std::vector<LeadClause> out;
  size_t consumed = from;
  for (size_t i = 0; i < mentions.size(); ++i) {
    const AgencyMention& m = mentions[i];
    if (m.begin < consumed) continue;
    size_t word = 0;
    if (EndsWithWord(lower, m.begin, "do", &word)) {
      LeadClause clause;
      clause.begin = word;
      size_t q = ReadGroup(lower, mentions, i, clause.leads);
      q = SkipSpaces(lower, q);
      if (!WordAt(lower, q, "chủ trì")) continue;
      clause.chu_tri = true;
      clause.work_begin = clause.begin;
      clause.has_work = true;
      consumed = q;
      out.push_back(std::move(clause));
      continue;
    }
    for (std::string_view v : kAssignVerbs) {
      if (!EndsWithWord(lower, m.begin, v, &word)) continue;
      // The verb must open a clause: start of text or after punctuation.
      size_t b = word;
      while (b > 0 && IsSpace(lower[b - 1])) --b;
      if (b > 0 && std::string_view(".;:,").find(lower[b - 1]) == std::string_view::npos) break;
      if (b == 0 && word < from) break;
      auto clause = ParseLeadClause(text, lower, mentions, word);
      if (clause && clause->prefixed) {
        consumed = clause->work_begin;
        out.push_back(std::move(*clause));
      }
      break;
    }
  }
  return out;
}

std::vector<AgencyMention> FindCoordinators(std::string_view lower,
                                            const std::vector<AgencyMention>& mentions, size_t from,
                                            size_t to, size_t strict_from) {
  std::vector<AgencyMention> out;
  to = std::min(to, lower.size());
  constexpr std::string_view kVerb = kCoordinateVerb;
  size_t pos = from;
  while (pos < to) {
    const size_t hit = lower.find(kVerb, pos);
    if (hit == std::string_view::npos || hit >= to) break;
    size_t q = SkipSpaces(lower, hit + kVerb.size());
    pos = q;
    if (hit >= strict_from) {
      // Past the lead clause only a clause that opens with "phối hợp" names
      // coordinators; "chủ động phối hợp với ..." inside the work does not.
      size_t b = hit;
      while (b > from && IsSpace(lower[b - 1])) --b;
      if (b > from && std::string_view(".;:-").find(lower[b - 1]) == std::string_view::npos) {
        continue;
      }
    }
    if (WordAt(lower, q, "chặt chẽ"))
      q = SkipSpaces(lower, q + std::string_view("chặt chẽ").size());
    for (std::string_view w : {std::string_view("với"), std::string_view("cùng")}) {
      if (WordAt(lower, q, w)) q = SkipSpaces(lower, q + w.size());
    }
    const size_t m = MentionAt(mentions, q);
    if (m == std::string_view::npos) continue;
    pos = ReadGroup(lower, mentions, m, out);
  }
  return out;
}

bool AnnouncesTaskList(std::string_view lower) {
  size_t end = lower.size();
  while (end > 0 && IsSpace(lower[end - 1])) --end;
  if (end == 0 || lower[end - 1] != ':') return false;
  --end;
  while (end > 0 && IsSpace(lower[end - 1])) --end;
  std::string_view head = lower.substr(0, end);
  if (head.ends_with(" đây")) head.remove_suffix(std::string_view(" đây").size());
  if (!head.ends_with(" sau")) return false;
  const size_t window = head.size() > 200 ? head.size() - 200 : 0;
  const std::string_view tail = head.substr(window);
  return tail.find("nhiệm vụ") != std::string_view::npos ||
         tail.find("giải pháp") != std::string_view::npos;
}

bool IsAnaphoricAgency(const AgencyMention& m) {
  std::string s = LowerSameLength(m.as_written);
  for (std::string_view title : {"thủ trưởng ", "lãnh đạo "}) {
    if (std::string_view(s).starts_with(title)) s.erase(0, title.size());
  }
  constexpr std::string_view kCac = "các ";
  if (std::string_view(s).starts_with(kCac)) s.erase(0, kCac.size());
  static constexpr std::array<std::string_view, 8> kAnaphoric = {"đơn vị",
                                                                 "địa phương",
                                                                 "đơn vị, địa phương",
                                                                 "địa phương, đơn vị",
                                                                 "đơn vị, đia phương",
                                                                 "cơ quan, đơn vị",
                                                                 "đơn vị, địa phương liên quan",
                                                                 "ngành, địa phương"};
  return std::find(kAnaphoric.begin(), kAnaphoric.end(), s) != kAnaphoric.end();
}

size_t SentenceEnd(std::string_view text, size_t pos) {
  // Bounded, so that many clauses in one endless sentence stay linear.
  const size_t limit = std::min(text.size(), pos + kMaxSentence);
  for (size_t i = pos; i < limit; ++i) {
    if (text[i] == ';') return i + 1;
    if (text[i] == '.' && (i + 1 == text.size() || IsSpace(text[i + 1]))) return i + 1;
  }
  return limit;
}

}  // namespace dondoc::extract::tasks
