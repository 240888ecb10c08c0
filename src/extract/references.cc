// References: every other document a text cites.
//
// The scan is number-first: every document number ("01/NQ-CP", "25-KH/TU",
// "01/2023/TT-BTC", "1961/QĐUBND") in the paragraphs and footnotes is a
// citation. Its kind is the kind word just before it ("Nghị quyết số",
// "Chỉ thị", "các Nghị quyết số 01/NQ-CP, 02/NQ-CP" share one), else the kind
// its symbol implies (QĐ, NQ, KH, ...). The date, issuer ("của ...") and
// title ("về ...") follow the number. Documents named by title alone
// ("Luật Đầu tư năm 2020", "Đề án 06") are found from their kind word. The
// document's own number ("Số: 846/UBND-TH" in the header) is not a
// citation. Each number is reported once, at its first mention; later
// mentions only fill fields the first one lacked.

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/references_scan.h"
#include "extract/steps.h"
#include "text/utf8.h"

namespace dondoc::extract {
namespace {

using refscan::BoundaryAfter;
using refscan::MatchWordCi;
using refscan::SkipSpaces;
constexpr size_t kNpos = std::string_view::npos;

// A reference found in one text, with its byte range there.
struct Mention {
  Reference ref;
  size_t begin = 0;
  size_t end = 0;
  size_t number_end = 0;  // end of the number (before date, issuer, title)
  int list = -1;          // mentions of one "các Nghị quyết số A, B" list share it
};

bool IsUpperStart(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  size_t i = pos;
  return refscan::IsUpperCp(text::NextCodePoint(text, i));
}

// Words that end an issuer phrase ("của Chính phủ về ...").
constexpr std::string_view kIssuerStops[] = {
    "về",         "ngày",      "và",   "đã",   "tại", "theo",    "trong",    "thực hiện",
    "triển khai", "nhằm",      "để",   "với",  "là",  "được",    "ban hành", "quy định",
    "hướng dẫn",  "phê duyệt", "giao", "trên", "cho", "đối với", "tổ chức"};

// End of a phrase that starts at `pos`: at punctuation, a stop word, or
// `limit` bytes.
size_t PhraseEnd(std::string_view text, size_t pos, size_t limit, bool issuer) {
  const size_t hard = std::min(text.size(), pos + limit);
  size_t i = pos;
  size_t last_word_end = pos;
  while (i < hard) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ';' || c == '(' || c == ')' || c == ':' || c == '"' || c == '[' || c == ']') break;
    if (issuer && c == ',') break;
    if (c == '.' && (i + 1 >= text.size() || text[i + 1] == ' ')) break;
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(text[i + 2]) == 0x9C ||
         static_cast<unsigned char>(text[i + 2]) == 0x9D)) {
      break;  // curly quotes
    }
    if (issuer && c == ' ' && i > pos) {
      const size_t w = i + 1;
      bool stop = false;
      for (std::string_view s : kIssuerStops) {
        if (MatchWordCi(text, w, s) != kNpos) {
          stop = true;
          break;
        }
      }
      if (stop) break;
    }
    if (c == ' ') last_word_end = i;
    ++i;
  }
  if (i >= hard && hard < text.size()) return last_word_end;  // cut at a word
  return i;
}

// Walks back from `pos` over spaces, ":" and "số"; sets `so_capital` when
// the word was written "Số" (the header's own number line).
size_t BackOverSo(std::string_view text, size_t pos, bool* had_so, bool* so_capital) {
  *had_so = false;
  *so_capital = false;
  size_t p = pos;
  while (p > 0 && text[p - 1] == ' ') --p;
  if (p > 0 && text[p - 1] == ':') --p;
  while (p > 0 && text[p - 1] == ' ') --p;
  constexpr size_t kSoBytes = 4;  // 's' + "ố" (3 bytes)
  if (p >= kSoBytes && MatchWordCi(text, p - kSoBytes, "số") == p) {
    *had_so = true;
    *so_capital = text[p - kSoBytes] == 'S';
    p -= kSoBytes;
    while (p > 0 && text[p - 1] == ' ') --p;
  }
  return p;
}

// True when text[from, to) only joins list items: spaces, ",", ";", "và",
// "số", ":".
bool IsListGap(std::string_view text, size_t from, size_t to) {
  if (to < from || to - from > 16) return false;
  size_t i = from;
  while (i < to) {
    const char c = text[i];
    if (c == ' ' || c == ',' || c == ';' || c == ':') {
      ++i;
      continue;
    }
    size_t e = MatchWordCi(text, i, "và");
    if (e == kNpos) e = MatchWordCi(text, i, "số");
    if (e == kNpos || e > to) return false;
    i = e;
  }
  return true;
}

class TextScanner {
 public:
  TextScanner(std::string_view text, const Gazetteer* agencies)
      : text_(text), agencies_(agencies) {}

  std::vector<Mention> Run() {
    for (size_t i = 0; i < text_.size(); ++i) {
      const char c = text_[i];
      if (c >= '0' && c <= '9') {
        if (auto m = NumberAt(i)) {
          i = m->number_end - 1;
          out_.push_back(std::move(*m));
        }
      } else if ((c == 'L' || c == 'B' || static_cast<unsigned char>(c) == 0xC4 /* Đ */ ||
                  c == 'C') &&
                 refscan::BoundaryBefore(text_, i)) {
        if (auto m = TitledAt(i)) {
          i = m->end - 1;
          out_.push_back(std::move(*m));
        }
      }
    }
    return std::move(out_);
  }

 private:
  std::optional<Mention> NumberAt(size_t pos) {
    auto num = refscan::ScanDocNumber(text_, pos);
    if (!num) return std::nullopt;
    bool had_so = false;
    bool so_capital = false;
    const size_t before = BackOverSo(text_, pos, &had_so, &so_capital);
    Mention m;
    m.begin = pos;
    m.number_end = num->end;
    m.ref.number = num->canonical;
    if (auto kind = refscan::KindEndingAt(text_, before)) {
      m.ref.kind = kind->kind;
      m.begin = kind->begin;
    } else if (!out_.empty() && out_.back().ref.number &&
               IsListGap(text_, AfterDate(out_.back()), before)) {
      Mention& prev = out_.back();
      if (prev.list < 0) prev.list = next_list_++;
      m.list = prev.list;
      m.ref.kind = prev.ref.kind;
    } else if (had_so && so_capital) {
      return std::nullopt;  // "Số: 846/UBND-TH": the document's own number
    } else {
      m.ref.kind = refscan::KindFromSymbol(num->canonical).value_or("Văn bản");
    }
    size_t cursor = num->end;
    ReadTail(m, cursor);
    m.end = cursor;
    if (m.list >= 0 && (m.ref.date || m.ref.issuer)) ShareListFields(m);
    return m;
  }

  size_t AfterDate(const Mention& m) const {
    auto d = refscan::DateStartingAt(text_, m.number_end);
    if (d && d->begin - m.number_end <= 2) return d->end;
    return m.number_end;
  }

  // Date, issuer and title after a number or a titled kind.
  void ReadTail(Mention& m, size_t& cursor) {
    auto date = refscan::DateStartingAt(text_, cursor);
    if (date && date->begin - cursor <= 2) {
      m.ref.date = date->date;
      cursor = date->end;
    }
    size_t p = SkipSpaces(text_, cursor);
    if (p < text_.size() && text_[p] == ',') p = SkipSpaces(text_, p + 1);
    size_t after = MatchWordCi(text_, p, "của");
    if (after != kNpos) {
      const size_t b = SkipSpaces(text_, after);
      if (IsUpperStart(text_, b)) {
        const size_t e = PhraseEnd(text_, b, 120, /*issuer=*/true);
        const std::string_view raw = refscan::Trim(text_.substr(b, e - b), ",");
        if (!raw.empty()) {
          m.ref.issuer = CanonicalIssuer(raw);
          cursor = b + raw.size();
        }
      }
    }
    if (!m.ref.date) {
      date = refscan::DateStartingAt(text_, cursor);
      if (date && date->begin - cursor <= 2) {
        m.ref.date = date->date;
        cursor = date->end;
      }
    }
    p = SkipSpaces(text_, cursor);
    if (p < text_.size() && text_[p] == ',') p = SkipSpaces(text_, p + 1);
    // An opening quote may wrap the title.
    if (p < text_.size() && text_[p] == '"') p = SkipSpaces(text_, p + 1);
    if (text_.substr(p, 3) == "\xE2\x80\x9C") p = SkipSpaces(text_, p + 3);
    after = MatchWordCi(text_, p, "về");
    if (after != kNpos) {
      const size_t e = PhraseEnd(text_, p, 300, /*issuer=*/false);
      const std::string_view raw = refscan::Trim(text_.substr(p, e - p), ",");
      if (raw.size() > 4) {
        m.ref.title = std::string(raw);
        cursor = p + raw.size();
      }
    }
  }

  std::string CanonicalIssuer(std::string_view raw) const {
    if (agencies_ != nullptr) {
      if (auto a = agencies_->Canonicalize(raw)) return a->canonical;
    }
    return std::string(raw);
  }

  // "1241-QĐ/TU, 1242-QĐ/TU ngày 04-3-2019 của X": the date and issuer after
  // the last number belong to every number of the list that has none.
  void ShareListFields(const Mention& m) {
    for (auto it = out_.rbegin(); it != out_.rend() && it->list == m.list; ++it) {
      if (it->ref.date || it->ref.issuer) break;
      it->ref.date = m.ref.date;
      it->ref.issuer = m.ref.issuer;
    }
  }

  // "Luật Đầu tư năm 2020", "Bộ luật Lao động", "Đề án 06".
  std::optional<Mention> TitledAt(size_t pos) {
    auto kind = refscan::MatchKind(text_, pos);
    if (!kind) return std::nullopt;
    const size_t after = kind->end;
    if (kind->kind == "Đề án" || kind->kind == "Chương trình") {
      // A short bare number names the scheme: "Đề án 06 của ...".
      const size_t d = SkipSpaces(text_, after);
      if (d == after || d >= text_.size() || text_[d] < '0' || text_[d] > '9') return std::nullopt;
      size_t e = d;
      while (e < text_.size() && text_[e] >= '0' && text_[e] <= '9') ++e;
      if (e - d > 3 || !BoundaryAfter(text_, e)) return std::nullopt;
      if (e < text_.size() && (text_[e] == '/' || text_[e] == '.' || text_[e] == ',' ||
                               text_[e] == '-' || text_[e] == '%')) {
        if (!(text_[e] == ',' || text_[e] == '.') || (e + 1 < text_.size() && text_[e + 1] != ' '))
          return std::nullopt;
      }
      const size_t w = SkipSpaces(text_, e);
      if (MatchWordCi(text_, w, "của") == kNpos && MatchWordCi(text_, w, "về") == kNpos &&
          w < text_.size() && text_[w] != ',' && text_[w] != ';' && text_[w] != '.' &&
          text_[w] != ')') {
        return std::nullopt;
      }
      Mention m;
      m.ref.kind = kind->kind;
      m.ref.number = std::string(text_.substr(d, e - d));
      m.begin = pos;
      m.number_end = e;
      size_t cursor = e;
      ReadTail(m, cursor);
      m.end = cursor;
      return m;
    }
    if (kind->kind != "Luật" && kind->kind != "Bộ luật") return std::nullopt;
    if (text_[pos] != 'L' && text_[pos] != 'B') return std::nullopt;
    const size_t name = SkipSpaces(text_, after);
    if (name == after || !IsUpperStart(text_, name)) return std::nullopt;
    const size_t e = PhraseEnd(text_, name, 80, /*issuer=*/true);
    const std::string_view title = refscan::Trim(text_.substr(pos, e - pos), ",.");
    if (title.size() <= kind->end - pos + 1) return std::nullopt;
    // A number that follows ("Luật ... số 61/2020/QH14") is found by the
    // number scan.
    const size_t s = SkipSpaces(text_, pos + title.size());
    if (MatchWordCi(text_, s, "số") != kNpos) return std::nullopt;
    Mention m;
    m.ref.kind = kind->kind;
    m.ref.title = std::string(title);
    m.begin = pos;
    m.number_end = pos + title.size();
    m.end = m.number_end;
    return m;
  }

  std::string_view text_;
  const Gazetteer* agencies_;
  std::vector<Mention> out_;
  int next_list_ = 0;
};

std::string NumberKey(const std::string& number) {
  std::string key;
  key.reserve(number.size());
  for (char c : number) key.push_back((c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c);
  return key;
}

void Merge(Reference& into, const Reference& from) {
  if (!into.date) into.date = from.date;
  if (!into.issuer) into.issuer = from.issuer;
  if (!into.title) into.title = from.title;
}

}  // namespace

std::vector<Reference> ExtractReferences(const DocumentContext& ctx) {
  std::vector<Reference> out;
  std::unordered_map<std::string, size_t> seen;  // number or title key -> index
  auto add = [&](const Mention& m, Span span) {
    std::string key(1, m.ref.number ? '#' : '@');
    key.append(m.ref.number ? NumberKey(*m.ref.number) : *m.ref.title);
    auto it = seen.find(key);
    if (it != seen.end()) {
      Merge(out[it->second], m.ref);
      return;
    }
    seen.emplace(std::move(key), out.size());
    out.push_back(m.ref);
    out.back().span = span;
  };
  for (size_t p = 0; p < ctx.paragraphs().size(); ++p) {
    for (const Mention& m : TextScanner(ctx.ParagraphText(p), ctx.agencies).Run()) {
      add(m, ctx.SpanOf(p, m.begin, m.end));
    }
  }
  const auto& notes = ctx.doc->layout.footnotes;
  for (size_t f = 0; f < notes.size(); ++f) {
    for (const Mention& m : TextScanner(notes[f].text.text(), ctx.agencies).Run()) {
      add(m, ctx.FootnoteSpanOf(f, m.begin, m.end));
    }
  }
  return out;
}

}  // namespace dondoc::extract
