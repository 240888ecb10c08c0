// Header: what the document is (kind, number, date, place, issuer, title)
// and who it goes to (recipients) and who signed it.
//
// The header block is the first few paragraphs, up to the first numbered
// part. In it we look for: the issuing body as an all-capital run
// ("ỦY BAN NHÂN DÂN TỈNH KON TUM", "TỈNH ỦY KON TUM"), the number line
// ("Số: 846 /UBND-TH"), the place and date ("Kon Tum, ngày 08 tháng 3 năm
// 2024"), the kind heading in capitals ("KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH
// ĐỘNG") with the title after it, "V/v ..." and "Kính gửi:" (a letter), and
// "Ban hành kèm theo Quyết định số ... ngày ..." (a programme or plan
// attached to a decision takes the decision's number and date). When no
// kind heading survives, the document's own words name it: "xây dựng
// Chương trình hành động", "Kế hoạch này". The signer is the name after
// the signature titles at the end ("TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH").

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "extract/references_scan.h"
#include "extract/steps.h"
#include "text/utf8.h"
#include "text/vietnamese.h"

namespace dondoc::extract {
namespace {

using refscan::MatchWordCi;
using refscan::SkipSpaces;
constexpr size_t kNpos = std::string_view::npos;
constexpr size_t kMaxHeaderParagraphs = 15;
constexpr size_t kLongBodyParagraph = 700;

bool IsUpperAt(std::string_view s, size_t pos) {
  if (pos >= s.size()) return false;
  size_t i = pos;
  return refscan::IsUpperCp(text::NextCodePoint(s, i));
}

// True when every letter in s[b, e) is upper case and there is one.
bool AllCaps(std::string_view s, size_t b, size_t e) {
  bool any = false;
  size_t i = b;
  while (i < e) {
    const char32_t cp = text::NextCodePoint(s, i);
    if (!refscan::IsAlnumCp(cp) || (cp >= '0' && cp <= '9')) continue;
    if (!refscan::IsUpperCp(cp)) return false;
    any = true;
  }
  return any;
}

// Appends `w` to `out` with one space between words.
void AppendWord(std::string& out, std::string_view w) {
  if (!out.empty()) out.push_back(' ');
  out.append(w);
}

struct Word {
  size_t begin = 0;
  size_t end = 0;
};

// Words separated by spaces (punctuation stays with its word).
std::vector<Word> SplitWords(std::string_view s, size_t from = 0, size_t to = kNpos) {
  to = std::min(to, s.size());
  std::vector<Word> out;
  size_t i = from;
  while (i < to) {
    while (i < to && s[i] == ' ') ++i;
    const size_t b = i;
    while (i < to && s[i] != ' ') ++i;
    if (i > b) out.push_back({b, i});
  }
  return out;
}

std::string LowerWord(std::string_view w) {
  std::string out;
  size_t i = 0;
  while (i < w.size()) text::AppendUtf8(refscan::LowerCp(text::NextCodePoint(w, i)), out);
  return out;
}

std::string TitleWord(std::string_view w) {
  std::string lower = LowerWord(w);
  if (lower.empty()) return lower;
  size_t i = 0;
  const char32_t first = text::NextCodePoint(lower, i);
  std::string out;
  char32_t up = first;
  if (first < 0x80) {
    up = (first >= 'a' && first <= 'z') ? first - 32 : first;
  } else {
    const text::LetterParts p = text::SplitLetter(first);
    if (p.is_vietnamese_letter) {
      const char32_t c = text::ComposeLetter(p.base, p.tone, true);
      if (c != 0) up = c;
    }
  }
  text::AppendUtf8(up, out);
  out.append(lower.substr(i));
  return out;
}

// "ỦY BAN NHÂN DÂN TỈNH KON TUM" -> "Ủy ban nhân dân tỉnh Kon Tum";
// "TỈNH ỦY KON TUM" -> "Tỉnh ủy Kon Tum": sentence case, and the place
// name after a level word (tỉnh, huyện, thành phố, ...) in title case.
std::string NormalCase(std::string_view caps) {
  static constexpr std::string_view kLevels[] = {"tỉnh",   "huyện",    "quận",   "xã",
                                                 "phường", "thị trấn", "thị xã", "thành phố"};
  std::vector<std::string> words;
  for (const Word& w : SplitWords(caps))
    words.push_back(LowerWord(caps.substr(w.begin, w.end - w.begin)));
  std::string out;
  bool name = false;
  for (size_t k = 0; k < words.size(); ++k) {
    std::string w = words[k];
    if (k == 0 || name) w = TitleWord(w);
    if (!name) {
      for (std::string_view level : kLevels) {
        const std::string joined = k + 1 < words.size() ? words[k] + " " + words[k + 1] : "";
        if (words[k] == level || joined == level) {
          if (joined == level) {
            AppendWord(out, w);
            AppendWord(out, words[k + 1]);
            ++k;
            w.clear();
          }
          name = true;
          // "tỉnh ủy", "huyện ủy", "thành ủy": the party committee word.
          if (k + 1 < words.size() && words[k + 1] == "ủy") {
            if (!w.empty()) AppendWord(out, w);
            w = "ủy";
            ++k;
          }
          break;
        }
      }
    }
    if (!w.empty()) AppendWord(out, w);
  }
  return out;
}

constexpr std::string_view kMottos[] = {
    "cộng hòa xã hội chủ nghĩa việt nam", "cộng hoà xã hội chủ nghĩa việt nam",
    "độc lập - tự do - hạnh phúc", "độc lập – tự do – hạnh phúc", "đảng cộng sản việt nam"};

// Removes the national and party mottos, which a two-column header
// interleaves with the issuer's lines.
std::string WithoutMottos(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    bool hit = false;
    for (std::string_view m : kMottos) {
      const size_t e = refscan::MatchCi(s, i, m);
      if (e != kNpos && refscan::BoundaryBefore(s, i)) {
        i = e;
        hit = true;
        break;
      }
    }
    if (!hit) out.push_back(s[i++]);
  }
  return out;
}

constexpr std::string_view kSignTitles[] = {
    "chủ tịch",  "giám đốc", "bí thư", "trưởng ban", "chánh văn phòng", "thủ trưởng", "bộ trưởng",
    "thủ tướng", "tm.",      "kt.",    "q."};

// True when a signature title ("CHỦ TỊCH", "KT.", ...) starts at `pos`.
bool StartsSignTitle(std::string_view s, size_t pos) {
  for (std::string_view title : kSignTitles) {
    const size_t e = refscan::MatchCi(s, pos, title);
    if (e != kNpos && (e >= s.size() || s[e] == ' ')) return true;
  }
  return refscan::MatchWordCi(s, pos, "phó") != kNpos;
}

constexpr std::string_view kIssuerHeads[] = {"ủy ban nhân dân",
                                             "uỷ ban nhân dân",
                                             "hội đồng nhân dân",
                                             "tỉnh ủy",
                                             "tỉnh uỷ",
                                             "huyện ủy",
                                             "thành ủy",
                                             "ban thường vụ",
                                             "ban chấp hành",
                                             "bộ",
                                             "sở",
                                             "văn phòng",
                                             "ban",
                                             "chính phủ",
                                             "thủ tướng chính phủ",
                                             "ubnd",
                                             "hđnd",
                                             "đảng ủy",
                                             "đảng bộ"};

// The issuing body: the first all-capital run that starts with an issuer
// head word.
std::optional<std::string> IssuerInHeader(std::string_view header) {
  const std::vector<Word> words = SplitWords(header);
  for (size_t k = 0; k < words.size(); ++k) {
    if (!AllCaps(header, words[k].begin, words[k].end)) continue;
    bool head = false;
    for (std::string_view h : kIssuerHeads) {
      const size_t e = MatchWordCi(header, words[k].begin, h);
      if (e != kNpos && AllCaps(header, words[k].begin, e)) {
        head = true;
        break;
      }
    }
    if (!head) continue;
    size_t last = k;
    while (last + 1 < words.size() && AllCaps(header, words[last + 1].begin, words[last + 1].end) &&
           !refscan::MatchKind(header, words[last + 1].begin) &&
           MatchWordCi(header, words[last + 1].begin, "số") == kNpos &&
           !StartsSignTitle(header, words[last + 1].begin)) {
      ++last;
    }
    const std::string_view run =
        refscan::Trim(header.substr(words[k].begin, words[last].end - words[k].begin), ",.;:");
    return NormalCase(run);
  }
  return std::nullopt;
}

// The kind as the document names itself: "xây dựng Chương trình hành
// động", "ban hành Kế hoạch", or the most frequent "<Kind> này".
std::optional<std::string> SelfNamedKind(const DocumentContext& ctx, size_t first_body) {
  const size_t n = ctx.paragraphs().size();
  for (size_t p = first_body; p < std::min(n, first_body + 3); ++p) {
    const std::string_view t = ctx.ParagraphText(p);
    for (std::string_view verb : {"xây dựng", "ban hành"}) {
      size_t at = 0;
      while ((at = t.find(verb, at)) != kNpos) {
        const size_t k = SkipSpaces(t, at + verb.size());
        if (IsUpperAt(t, k)) {
          if (auto kind = refscan::MatchKind(t, k)) return kind->kind;
        }
        at += verb.size();
      }
    }
  }
  std::map<std::string, int> counts;
  for (size_t p = 0; p < n; ++p) {
    const std::string_view t = ctx.ParagraphText(p);
    size_t at = 0;
    while ((at = t.find(" này", at)) != kNpos) {
      if (auto kind = refscan::KindEndingAt(t, at)) {
        if (IsUpperAt(t, kind->begin)) ++counts[kind->kind];
      }
      at += 1;
    }
  }
  std::optional<std::string> best;
  int best_count = 0;
  for (const auto& [kind, count] : counts) {
    if (count > best_count) {
      best = kind;
      best_count = count;
    }
  }
  return best;
}

// "Ủy ban nhân dân tỉnh X báo cáo ..." in the opening paragraph: the body
// reports, so the document is a report.
std::optional<std::string> ReportingVerbKind(std::string_view t) {
  const size_t at = t.find(" báo cáo ");
  if (at == kNpos || at > 400) return std::nullopt;
  const std::string_view before = t.substr(at > 80 ? at - 80 : 0, at > 80 ? 80 : at);
  for (std::string_view actor :
       {"Ủy ban nhân dân", "UBND", "Tỉnh ủy", "Hội đồng nhân dân", "Sở "}) {
    if (before.find(actor) != kNpos) return "Báo cáo";
  }
  return std::nullopt;
}

// The most frequent "tỉnh <Name>" in the text: the province, for an issuer
// written without it ("TM. ỦY BAN NHÂN DÂN").
std::optional<std::string> FrequentProvince(const DocumentContext& ctx) {
  std::map<std::string, int> counts;
  for (size_t p = 0; p < ctx.paragraphs().size(); ++p) {
    const std::string_view t = ctx.ParagraphText(p);
    size_t at = 0;
    constexpr std::string_view kTinh = "tỉnh ";
    while ((at = t.find(kTinh, at)) != kNpos) {
      at += kTinh.size();
      const std::vector<Word> words = SplitWords(t, at, std::min(t.size(), at + 40));
      std::string name;
      for (const Word& w : words) {
        std::string_view word = t.substr(w.begin, w.end - w.begin);
        const bool last = !word.empty() && (word.back() == ',' || word.back() == '.' ||
                                            word.back() == ';' || word.back() == ')');
        word = refscan::Trim(word, ",.;)");
        if (!IsUpperAt(word, 0) || AllCaps(word, 0, word.size())) break;
        AppendWord(name, word);
        if (last) break;
      }
      if (!name.empty()) ++counts[name];
    }
  }
  std::optional<std::string> best;
  int best_count = 1;  // at least two mentions
  for (const auto& [name, count] : counts) {
    if (count > best_count) {
      best = name;
      best_count = count;
    }
  }
  return best;
}

// Items of a "Nơi nhận:" or "Kính gửi:" list starting at `text`.
void AddListItems(std::string_view text, std::vector<std::string>& out) {
  size_t i = 0;
  while (i < text.size()) {
    // Items start with "-" or "+" (or run to the end).
    while (i < text.size() && (text[i] == ' ' || text[i] == '-' || text[i] == '+')) ++i;
    size_t e = i;
    while (e < text.size() && !(text[e] == ';' || (text[e] == ' ' && e + 1 < text.size() &&
                                                   (text[e + 1] == '-' || text[e + 1] == '+') &&
                                                   e + 2 < text.size() && text[e + 2] == ' '))) {
      ++e;
    }
    std::string_view item = refscan::Trim(text.substr(i, e - i), ";.,");
    // "(b/c)", "(t/h)": what the copy is for.
    if (!item.empty() && item.back() == ')') {
      const size_t open = item.rfind('(');
      if (open != kNpos && item.size() - open <= 8)
        item = refscan::Trim(item.substr(0, open), ";.,");
    }
    if (MatchWordCi(item, 0, "lưu") != kNpos) return;
    if (!item.empty() && MatchWordCi(item, 0, "như trên") == kNpos) out.emplace_back(item);
    i = e + 1;
  }
}

// Recipients from the list that starts after `label` in paragraph `p`,
// continued by the list paragraphs that follow.
void ReadRecipients(const DocumentContext& ctx, std::string_view label,
                    std::vector<std::string>& out) {
  const size_t n = ctx.paragraphs().size();
  for (size_t p = 0; p < n; ++p) {
    const std::string_view t = ctx.ParagraphText(p);
    const size_t at = t.find(label);
    if (at == kNpos) continue;
    size_t b = at + label.size();
    while (b < t.size() && (t[b] == ':' || t[b] == ' ')) ++b;
    std::string list(t.substr(b));
    for (size_t q = p + 1; q < n && q < p + 30; ++q) {
      const std::string_view next = refscan::Trim(ctx.ParagraphText(q));
      if (next.empty() || (next[0] != '-' && next[0] != '+') || next.size() > 200) break;
      list.push_back(' ');
      list.append(next);
    }
    AddListItems(list, out);
    return;
  }
}

// The signer: title-case words after the last capital signature title in
// the last paragraphs.
std::optional<std::string> Signer(const DocumentContext& ctx) {
  const size_t n = ctx.paragraphs().size();
  const size_t from = n > 12 ? n - 12 : 0;
  std::optional<std::string> found;
  bool after_title = false;
  for (size_t p = from; p < n; ++p) {
    const std::string_view t = ctx.ParagraphText(p);
    const std::vector<Word> words = SplitWords(t);
    for (size_t k = 0; k < words.size(); ++k) {
      const size_t b = words[k].begin;
      // A title in capitals starts with a capital letter: other words need
      // not be compared with every title.
      const bool capital = IsUpperAt(t, b);
      for (std::string_view title : kSignTitles) {
        if (!capital) break;
        const size_t e = refscan::MatchCi(t, b, title);
        if (e != kNpos && AllCaps(t, b, e) && (e >= t.size() || t[e] == ' ')) {
          after_title = true;
          found.reset();
        }
      }
      if (!after_title) continue;
      // A name: 2 to 5 title-case words ending the paragraph.
      size_t j = k;
      std::string name;
      while (j < words.size() && j - k < 6) {
        const std::string_view w = t.substr(words[j].begin, words[j].end - words[j].begin);
        if (!IsUpperAt(w, 0) || AllCaps(w, 0, w.size()) || w.find('.') != kNpos) break;
        AppendWord(name, w);
        ++j;
      }
      const size_t count = j - k;
      if (count >= 2 && count <= 5 && j == words.size()) {
        found = name;
        after_title = false;
        break;
      }
    }
  }
  return found;
}

}  // namespace

DocumentInfo ExtractHeader(const DocumentContext& ctx) {
  DocumentInfo info;
  const size_t n = ctx.paragraphs().size();
  // The header block: up to the first numbered part or long body paragraph.
  size_t end = std::min(n, kMaxHeaderParagraphs);
  for (size_t p = 0; p < end; ++p) {
    const MarkerKind m = p < ctx.outline.size() ? ctx.outline[p].marker : MarkerKind::kNone;
    if (m == MarkerKind::kPart || m == MarkerKind::kRoman || m == MarkerKind::kArabic ||
        m == MarkerKind::kDecimal || m == MarkerKind::kLetter) {
      end = p;
      break;
    }
  }
  size_t first_body = end;
  std::optional<refscan::DocNumber> attached_number;
  std::optional<Date> attached_date;
  std::string header_text;
  bool letter = false;
  for (size_t p = 0; p < end; ++p) {
    const std::string_view t = ctx.ParagraphText(p);
    if (t.size() > kLongBodyParagraph && p > 0) {
      first_body = std::min(first_body, p);
      break;
    }
    AppendWord(header_text, t);
    const std::vector<Word> words = SplitWords(t);
    for (const Word& w : words) {
      const size_t b = w.begin;
      // Kind heading in capitals, the title after it.
      if (!info.kind) {
        if (auto kind = refscan::MatchKind(t, b); kind && AllCaps(t, b, kind->end)) {
          size_t e = kind->end;
          if (e < t.size() && t[e] == ':') continue;  // "QUYẾT ĐỊNH:" before the articles
          info.kind = kind->kind;
          std::string_view title = refscan::Trim(t.substr(e), " ");
          if (title.empty() && p + 1 < end) title = refscan::Trim(ctx.ParagraphText(p + 1));
          if (!title.empty()) info.title = std::string(title);
          first_body = std::min(first_body, p + 1);
        }
      }
      // "Số: 846 /UBND-TH".
      if (!info.number && t[b] == 'S') {
        const size_t e = MatchWordCi(t, b, "số");
        if (e != kNpos) {
          size_t q = SkipSpaces(t, e);
          if (q < t.size() && t[q] == ':') q = SkipSpaces(t, q + 1);
          if (auto num = refscan::ScanDocNumber(t, q)) info.number = num->canonical;
        }
      }
      // "Kon Tum, ngày 08 tháng 3 năm 2024".
      if (!info.date && w.end > b && t[w.end - 1] == ',') {
        if (auto d = refscan::DateStartingAt(t, w.end);
            d && MatchWordCi(t, d->begin, "ngày") != kNpos) {
          info.date = d->date;
          // The place: the title-case words before the comma.
          std::string place;
          const size_t idx = static_cast<size_t>(&w - words.data());
          size_t k = idx + 1;
          while (k > 0) {
            const Word& pw = words[k - 1];
            std::string_view word = refscan::Trim(t.substr(pw.begin, pw.end - pw.begin), ",");
            if (!IsUpperAt(word, 0) || (AllCaps(word, 0, word.size()) && word.size() > 2)) break;
            place = place.empty() ? std::string(word) : std::string(word).append(" ").append(place);
            --k;
            if (idx + 1 - k >= 5) break;
          }
          if (!place.empty()) info.place = place;
        }
      }
      if (MatchWordCi(t, b, "v/v") != kNpos || (t.substr(b, 3) == "V/v")) {
        letter = true;
        if (!info.title) info.title = std::string(refscan::Trim(t.substr(b + 3), " :"));
      }
      if (MatchWordCi(t, b, "kính gửi") != kNpos) {
        letter = true;
        first_body = std::min(first_body, p + 1);
      }
      // "Ban hành kèm theo Quyết định số 23/QĐ-UBND ngày 19 tháng 01 năm 2023".
      if (!attached_number && MatchWordCi(t, b, "kèm theo") != kNpos) {
        const size_t limit = std::min(t.size(), b + 120);
        for (size_t q = b; q < limit; ++q) {
          if (auto num = refscan::ScanDocNumber(t, q)) {
            attached_number = num;
            if (auto d = refscan::DateStartingAt(t, num->end); d && d->begin - num->end <= 2) {
              attached_date = d->date;
            }
            break;
          }
        }
        first_body = std::min(first_body, p + 1);
      }
    }
  }
  if (!info.kind && letter) info.kind = "Công văn";
  if (attached_number) {
    if (!info.number) info.number = attached_number->canonical;
    if (!info.date) info.date = attached_date;
    if (!info.kind) info.kind = SelfNamedKind(ctx, std::min(first_body, n));
    // The title's surviving tail before "(Ban hành kèm theo ...)".
    if (!info.title && n > 0) {
      const std::string_view t = ctx.ParagraphText(0);
      const size_t open = t.find('(');
      const std::string_view head = refscan::Trim(t.substr(0, open == kNpos ? 0 : open));
      if (!head.empty()) info.title = std::string(head);
    }
  }
  for (size_t p = 0; p < std::min(first_body + 1, n) && !info.kind; ++p) {
    info.kind = ReportingVerbKind(ctx.ParagraphText(p));
  }

  const std::string header = WithoutMottos(header_text);
  info.issuer = IssuerInHeader(header);
  if (!info.issuer) {
    // "của Ủy ban nhân dân tỉnh" in an attachment line, or the signature
    // block "TM. ỦY BAN NHÂN DÂN": add the province the text names most.
    std::optional<std::string> body;
    const size_t at = header.find("của Ủy ban nhân dân");
    if (at != kNpos) body = "Ủy ban nhân dân";
    const size_t from = n > 12 ? n - 12 : 0;
    for (size_t p = from; p < n && !body; ++p) {
      const std::string_view t = ctx.ParagraphText(p);
      const size_t tm = t.find("TM. ");
      if (tm != kNpos) body = IssuerInHeader(t.substr(tm + 4));
    }
    if (body) {
      if (*body == "Ủy ban nhân dân" || *body == "Hội đồng nhân dân") {
        if (auto province = FrequentProvince(ctx)) *body += " tỉnh " + *province;
      }
      info.issuer = body;
    }
  }
  ReadRecipients(ctx, "Kính gửi", info.recipients);
  ReadRecipients(ctx, "Nơi nhận", info.recipients);
  info.signer = Signer(ctx);
  return info;
}

}  // namespace dondoc::extract
