// BuildLayout: see layout.h for what it does. How, in linear passes:
//
//  1. DOCX exports: cut "[bookmark: ...]", "[footnoteRef:N]" and "[N: body]"
//     out of the text, remembering where each reference was and keeping each
//     body as a footnote.
//  2. Split into lines; trim them and count their width in code points.
//     Text that is not hard-wrapped (a DOCX export, text cleaned already)
//     has no dominant line width: there every blank line ends a paragraph,
//     only words join lines (never the width rules) and nothing is a page
//     number, so cleaning cleaned text changes nothing.
//  3. Classify lines: lone page numbers and decoration rules are dropped; a
//     separator line (many spaces or underscores) followed by "(1) ...",
//     "1 ..." or "¹ ..." opens a block of footnote bodies that runs until the
//     next page's text resumes (a line starting with a space, or an ordinary
//     sentence after a finished one).
//  4. The typical line width (75th percentile): a line much shorter than it
//     is the end of a paragraph or a heading, a full one was wrapped.
//  5. Walk the text lines and decide for each pair whether a new paragraph
//     starts (Break); emit with whitespace collapsed and origins kept.
//  6. Link PDF footnotes to markers glued to the text before their block
//     ("năm 2023(1)", "”1", "đạt 90%2") and cut those markers out.
//  7. Link DOCX footnotes to their reference positions.
#include "text/layout.h"

#include <algorithm>
#include <cstring>
#include <string_view>
#include <utility>

#include "text/layout_lines.h"
#include "text/utf8.h"

namespace dondoc::text {
namespace {

using layout_internal::Case;
using layout_internal::CaseOf;
using layout_internal::EndsComma;
using layout_internal::EndsFinal;
using layout_internal::EndsGluedHyphen;
using layout_internal::EndsJoinWord;
using layout_internal::EndsNumberWord;
using layout_internal::FirstCase;
using layout_internal::IsAllCaps;
using layout_internal::IsDecoration;
using layout_internal::IsHeaderLine;
using layout_internal::LonePageNumber;
using layout_internal::Marker;
using layout_internal::MaybeSpace;
using layout_internal::NoteStyle;
using layout_internal::ParseMarker;
using layout_internal::ParseNoteMarker;
using layout_internal::SpaceAt;
using layout_internal::SpaceBefore;
using layout_internal::StartsCode;
using layout_internal::SuperscriptDigitAt;

constexpr int kMaxNoteNumber = 9999;
// Lines a footnote block may span before we stop believing in it.
constexpr size_t kMaxNoteBlockLines = 300;
// Page numbers are at least this many lines apart.
constexpr size_t kMinPageLines = 10;
// Longest "[N: ...]" body we look for a closing bracket in.
constexpr size_t kMaxDocxBodyBytes = 1 << 16;
// No printed page line is this many code points wide.
constexpr size_t kLongLine = 150;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Position in the output: paragraph index, then byte offset in it.
struct Pos {
  size_t para = 0;
  size_t offset = 0;
  friend bool operator<(const Pos& a, const Pos& b) {
    return a.para != b.para ? a.para < b.para : a.offset < b.offset;
  }
};

// Appends text with every run of whitespace collapsed to one space, which
// keeps the origin of the first whitespace character it replaces; never
// starts the output with a space and leaves a trailing one pending.
class Emitter {
 public:
  explicit Emitter(MappedText* out) : out_(out) {}

  void Reset(MappedText* out) {
    out_ = out;
    pending_ = false;
  }
  // A space standing for the source character at `origin`, written only if
  // more text follows.
  void Space(uint32_t origin) {
    if (!out_->empty() && !pending_) {
      pending_ = true;
      origin_ = origin;
    }
  }
  void NoSpace() { pending_ = false; }

  void Emit(const MappedText& src, size_t b, size_t e) {
    const std::string_view s = src.text();
    size_t i = b;
    while (i < e) {
      if (MaybeSpace(static_cast<unsigned char>(s[i]))) {
        if (const size_t w = SpaceAt(s, i)) {
          Space(src.OriginAt(i));
          i += w;
          continue;
        }
      }
      // A lone ASCII space between two words is its own collapsed form:
      // copy it with the words, so a line is usually one slice.
      size_t j = i + 1;
      bool run_ends = false;
      while (!run_ends && j < e) {
        while (j + kBlock < e && PlainBlock(s.data() + j)) j += kBlock;
        for (const size_t stop = std::min(e, j + kBlock); j < stop;) {
          const auto c = static_cast<unsigned char>(s[j]);
          if (!MaybeSpace(c) || SpaceAt(s, j) == 0) {
            ++j;  // not whitespace after all (e.g. a non-space multi-byte lead)
          } else if (c == ' ' && j + 1 < e && !IsSpace(s, j + 1)) {
            j += 2;  // s[j + 1] is no whitespace: part of the run
          } else {
            run_ends = true;
            break;
          }
        }
      }
      if (pending_) {
        out_->Append(" ", origin_);
        pending_ = false;
      }
      out_->AppendSlice(src, i, j);
      i = j;
    }
  }

 private:
  static constexpr size_t kBlock = 16;

  // No whitespace in p[0, kBlock) but lone ASCII spaces (p[kBlock] must be
  // readable). Branch-free so that the compiler can vectorise it.
  static bool PlainBlock(const char* p) {
    auto maybe = [](unsigned char c) {
      return static_cast<int>(c <= 0x20) | (c == 0xC2) | (c == 0xE2) | (c == 0xE3);
    };
    int odd = 0;
    for (size_t k = 0; k < kBlock; ++k) {
      const auto c = static_cast<unsigned char>(p[k]);
      const auto next = static_cast<unsigned char>(p[k + 1]);
      odd |= maybe(c) & (static_cast<int>(c != ' ') | maybe(next));
    }
    return odd == 0;
  }

  static bool IsSpace(std::string_view s, size_t i) {
    return MaybeSpace(static_cast<unsigned char>(s[i])) && SpaceAt(s, i) > 0;
  }

  MappedText* out_;
  bool pending_ = false;
  uint32_t origin_ = 0;
};

// ---------------------------------------------------------------------------
// Step 1: DOCX markup.

struct DocxRef {
  size_t pos;  // in the cut text
  int number;
};

struct DocxBody {
  int number;
  MappedText text;
};

struct DocxCut {
  MappedText text;
  std::vector<DocxRef> refs;
  std::vector<DocxBody> bodies;
};

bool At(std::string_view s, size_t i, std::string_view what) {
  return s.compare(i, what.size(), what) == 0;
}

// Digits at s[i..] (at most `max`), value in *v; returns the count.
size_t ReadNumber(std::string_view s, size_t i, size_t max, int* v) {
  size_t n = 0;
  *v = 0;
  while (i + n < s.size() && n < max && IsDigit(s[i + n])) *v = *v * 10 + (s[i + n++] - '0');
  return n;
}

// End (past ']') of a "[bookmark: ...]" at s[i], or 0.
size_t BookmarkEnd(std::string_view s, size_t i) {
  constexpr std::string_view kBookmark = "[bookmark:";
  if (!At(s, i, kBookmark)) return 0;
  for (size_t q = i + kBookmark.size(); q < s.size() && q - i < 400; ++q) {
    if (s[q] == ']') return q + 1;
    if (s[q] == '\n' || s[q] == '[') return 0;
  }
  return 0;
}

// Body text between `b` and `e`, whitespace collapsed, bookmarks dropped.
MappedText BodyText(const MappedText& in, size_t b, size_t e) {
  const std::string_view s = in.text();
  MappedText out;
  Emitter em(&out);
  size_t i = b;
  while (i < e) {
    const size_t q = s.substr(0, e).find('[', i);
    if (q == std::string_view::npos) break;
    const size_t end = BookmarkEnd(s, q);
    if (end == 0 || end > e) {
      em.Emit(in, i, q + 1);
      i = q + 1;
      continue;
    }
    em.Emit(in, i, q);
    i = end;
  }
  em.Emit(in, i, e);
  return out;
}

// Returns false when the text has no DOCX markup (the common case), so the
// caller can go on with the input itself and not a copy.
bool CutDocxMarkup(const MappedText& in, DocxCut* cut) {
  const std::string_view s = in.text();
  constexpr std::string_view kRef = "[footnoteRef:";
  const bool has_refs = s.find(kRef) != std::string_view::npos;
  if (!has_refs && s.find("[bookmark:") == std::string_view::npos) return false;
  cut->text.Reserve(s.size());
  size_t copied = 0;
  size_t i = 0;
  size_t no_body_before = 0;  // a failed bracket scan: no body starts before here
  auto cut_out = [&](size_t b, size_t e) {
    cut->text.AppendSlice(in, copied, b);
    copied = e;
  };
  while ((i = s.find('[', i)) != std::string_view::npos) {
    int v = 0;
    if (At(s, i, kRef)) {
      const size_t n = ReadNumber(s, i + kRef.size(), 5, &v);
      const size_t close = i + kRef.size() + n;
      if (n > 0 && close < s.size() && s[close] == ']') {
        cut_out(i, close + 1);
        cut->refs.push_back({cut->text.size(), v});
        i = close + 1;
        continue;
      }
    } else if (const size_t end = BookmarkEnd(s, i)) {
      cut_out(i, end);
      i = end;
      continue;
    } else if (has_refs && i >= no_body_before) {
      const size_t n = ReadNumber(s, i + 1, 4, &v);
      const size_t colon = i + 1 + n;
      if (n > 0 && colon < s.size() && s[colon] == ':') {
        int depth = 1;
        size_t q = colon + 1;
        for (; q < s.size() && q - i < kMaxDocxBodyBytes; ++q) {
          if (s[q] == '[') {
            ++depth;
          } else if (s[q] == ']' && --depth == 0) {
            break;
          }
        }
        if (q < s.size() && depth == 0) {
          cut_out(i, q + 1);
          cut->bodies.push_back({v, BodyText(in, colon + 1, q)});
          i = q + 1;
          continue;
        }
        no_body_before = q;
      }
    }
    ++i;
  }
  cut->text.AppendSlice(in, copied, s.size());
  return true;
}

// ---------------------------------------------------------------------------
// Steps 2-7.

enum class Kind : uint8_t {
  kBlank,
  kText,
  kDropped,  // page number, decoration, footnote separator
  kNote,     // inside a block of footnote bodies
};

struct Line {
  size_t b = 0, e = 0;    // [b, e): the line without its '\n'
  size_t tb = 0, te = 0;  // trimmed
  size_t width = 0;       // code points in [tb, te)
  Kind kind = Kind::kBlank;
};

// What the paragraph rules need to know about one text line.
struct Feat {
  Marker marker = Marker::kNone;
  Case after_marker = Case::kNone;  // first letter after the marker
  Case first = Case::kNone;         // first letter or digit of the line
  bool final = false;
  bool weak_final = false;  // ends with ; or :
  bool comma = false;
  bool join_word = false;
  bool number_word = false;
  bool caps = false;
  bool no_lower = false;
  bool header = false;
  bool glued_hyphen = false;
  bool code = false;
  size_t width = 0;
};

Feat MakeFeat(std::string_view t, size_t width) {
  Feat f;
  f.width = width;
  size_t len = 0;
  f.marker = ParseMarker(t, &len);
  f.first = FirstCase(t);
  if (f.marker != Marker::kNone) {
    size_t i = len;
    while (i < t.size() && SpaceAt(t, i) > 0) i += SpaceAt(t, i);
    f.after_marker = i < t.size() ? FirstCase(t.substr(i)) : Case::kNone;
  }
  f.final = EndsFinal(t);
  f.weak_final = f.final && (t.back() == ';' || t.back() == ':');
  f.comma = EndsComma(t);
  f.number_word = EndsNumberWord(t);
  f.join_word = EndsJoinWord(t);
  f.caps = width <= 400 && IsAllCaps(t, &f.no_lower);
  f.header = width <= 200 && IsHeaderLine(t);
  f.glued_hyphen = EndsGluedHyphen(t);
  f.code = StartsCode(t);
  return f;
}

// What Break knows beyond the two lines.
struct Context {
  bool blank = false;                  // blank lines between the two lines
  size_t short_width = 0;              // lines narrower than this end a paragraph
  bool double_spaced = false;          // blank lines after most lines: they mean nothing
  Marker para_marker = Marker::kNone;  // marker that opened the paragraph
  bool open_quote = false;             // the paragraph has an unclosed “
};

// Does a new paragraph start at line `n`, given the line `p` before it?
bool Break(const Feat& p, const Feat& n, const Context& c) {
  if (p.header || n.header) return true;
  if (n.marker != Marker::kNone) {
    if (!p.final) {
      // "kinh tế" / "- xã hội": a dash inside a wrapped sentence.
      if (n.after_marker == Case::kLower) return false;
      // "Quyết định số" / "12. ...": a number, not an outline marker.
      if (p.number_word && (n.marker == Marker::kArabic || n.marker == Marker::kRoman)) {
        return false;
      }
    }
    return true;
  }
  // A heading wrapped over lines: "... 6 THÁNG CUỐI" / "NĂM 2023".
  if (p.caps && !p.final && (n.caps || n.no_lower)) return false;
  if (n.caps) return true;
  if (p.caps) {
    // A heading ends unless the title runs on in lower case or numbers.
    if (p.final) return true;
    return n.first == Case::kUpper;
  }
  if (p.final) {
    // “Đoàn kết; Bản lĩnh;” / “Đổi mới; ...”: a list inside a quotation.
    if (c.open_quote && p.weak_final) return false;
    if (c.blank) {
      // "…chế biến;" / blank / "xây dựng …": a clause list going on.
      return !(n.first == Case::kLower && (c.double_spaced || p.weak_final));
    }
    return n.first == Case::kUpper || n.first == Case::kDigit;
  }
  // The sentence is not finished: lower case, numbers, references and
  // punctuation continue it, whatever blank lines came between.
  if (n.first != Case::kUpper) return false;
  if (p.comma || p.join_word) return false;
  // "a) Sở X chủ trì, phối hợp với ... các huyện, thành phố" / blank /
  // "Tham mưu ...": an item heading without a colon, then its body.
  if (c.blank && !c.double_spaced &&
      (c.para_marker == Marker::kArabic || c.para_marker == Marker::kRoman ||
       c.para_marker == Marker::kLetter || c.para_marker == Marker::kLegal)) {
    return true;
  }
  // A capital after an unfinished line: a full line was wrapped (a name
  // continues), a short one ended a heading or a title.
  return p.width < c.short_width;
}

struct PdfNote {
  int number = 0;
  std::string marker;
  std::vector<std::pair<size_t, size_t>> segments;  // body text ranges
  size_t block = 0;
};

struct NoteBlock {
  size_t separator_line = 0;
  Pos anchor;  // output position where the block interrupted the text
};

// A marker to cut out of a paragraph.
struct Cut {
  Pos pos;
  size_t len = 0;
};

struct MarkerCandidate {
  Pos pos;
  size_t len = 0;
  bool strong = false;  // "(N)" or superscript; bare digits are weak
};

class Builder {
 public:
  explicit Builder(const MappedText& src) : src_(src), s_(src.text()) {}

  Layout Run(std::vector<DocxRef> refs, std::vector<DocxBody> bodies) {
    SplitLines();
    DetectUnwrapped();
    Classify();
    ComputeShortWidth();
    EmitParagraphs(refs);
    for (PdfNote& note : notes_) {
      Footnote f;
      f.marker = note.marker;
      Emitter em(&f.text);
      for (size_t k = 0; k < note.segments.size(); ++k) {
        if (k > 0) em.Space(JoinOrigin(note.segments[k - 1].second));
        em.Emit(src_, note.segments[k].first, note.segments[k].second);
      }
      out_.footnotes.push_back(std::move(f));
    }
    std::vector<Cut> cuts = LinkPdfNotes();
    LinkDocxNotes(refs, std::move(bodies));
    ApplyCuts(cuts);
    return std::move(out_);
  }

 private:
  std::string_view Trimmed(const Line& l) const { return s_.substr(l.tb, l.te - l.tb); }

  // Origin for a space joining the text that ends at `te` to what follows:
  // the whitespace or line feed after it.
  uint32_t JoinOrigin(size_t te) const { return src_.OriginAt(te < s_.size() ? te : te - 1); }

  void SplitLines() {
    size_t pos = 0;
    while (true) {
      const void* nl =
          pos < s_.size() ? std::memchr(s_.data() + pos, '\n', s_.size() - pos) : nullptr;
      const size_t e =
          nl ? static_cast<size_t>(static_cast<const char*>(nl) - s_.data()) : s_.size();
      Line l;
      l.b = pos;
      l.e = e;
      l.tb = pos;
      while (l.tb < e && SpaceAt(s_, l.tb) > 0) l.tb += SpaceAt(s_, l.tb);
      l.te = e;
      while (l.te > l.tb) {
        const size_t w = SpaceBefore(s_, l.tb, l.te);
        if (w == 0) break;
        l.te -= w;
      }
      for (size_t i = l.tb; i < l.te; ++i) {
        if ((static_cast<unsigned char>(s_[i]) & 0xC0) != 0x80) ++l.width;
      }
      l.kind = l.tb < l.te ? Kind::kText : Kind::kBlank;
      lines_.push_back(l);
      if (!nl) break;
      pos = e + 1;
    }
  }

  // A blank line made of many spaces: what PDF extraction leaves for the
  // rule above the footnotes.
  bool IsSpaceSeparator(const Line& l) const { return l.kind == Kind::kBlank && l.e - l.b >= 10; }

  bool PageFits(int v, size_t line) const {
    if (line < last_page_line_ + kMinPageLines) return false;
    if (last_page_ > 0) return v == last_page_ + 1 || v == last_page_ + 2;
    return v >= 1 && static_cast<size_t>(v) <= 2 + line / 20;
  }

  void Classify() {
    size_t prev_text = SIZE_MAX;
    for (size_t i = 0; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      if (l.kind == Kind::kBlank) {
        if (IsSpaceSeparator(l)) {
          if (const size_t end = TryNoteBlock(i)) i = end - 1;
        }
        continue;
      }
      const std::string_view t = Trimmed(l);
      size_t rule_chars = 0;
      if (IsDecoration(t, &rule_chars)) {
        if (rule_chars >= 5) {
          if (const size_t end = TryNoteBlock(i)) {
            i = end - 1;
            continue;
          }
        }
        l.kind = Kind::kDropped;
        continue;
      }
      int v = 0;
      if (!unwrapped_ && LonePageNumber(t, &v) && PageFits(v, i) &&
          !(prev_text != SIZE_MAX && EndsNumberWord(Trimmed(lines_[prev_text])))) {
        l.kind = Kind::kDropped;
        last_page_ = v;
        last_page_line_ = i;
        continue;
      }
      prev_text = i;
    }
  }

  // Footnote bodies after the separator at line `sep`. Returns the index of
  // the first line after the block, or 0 if there is no block.
  size_t TryNoteBlock(size_t sep) {
    const size_t n = lines_.size();
    size_t j = sep + 1;
    while (j < n && j - sep <= 3 && lines_[j].kind == Kind::kBlank &&
           !IsSpaceSeparator(lines_[j])) {
      ++j;
    }
    if (j >= n || lines_[j].kind != Kind::kText) return 0;
    std::string_view t = Trimmed(lines_[j]);
    int number = 0;
    NoteStyle style = NoteStyle::kParen;
    size_t mlen = 0;
    if (!ParseNoteMarker(t, &number, &style, &mlen) || number > kMaxNoteNumber) return 0;
    // Numbering runs on through the document, or restarts at 1.
    if (last_note_ > 0 && number != 1 && number <= last_note_) return 0;

    const size_t block = blocks_.size();
    blocks_.push_back({sep, Pos{}});
    auto start_note = [&](size_t line, size_t marker_len, int num) {
      const Line& l = lines_[line];
      PdfNote note;
      note.number = num;
      note.marker.assign(s_.substr(l.tb, marker_len));
      note.block = block;
      note.segments.push_back({l.tb + marker_len, l.te});
      notes_.push_back(std::move(note));
    };
    start_note(j, mlen, number);
    bool last_final = EndsFinal(t);
    size_t k = j + 1;
    for (; k < n && k - j < kMaxNoteBlockLines; ++k) {
      Line& l = lines_[k];
      if (l.kind == Kind::kBlank) {
        if (IsSpaceSeparator(l)) break;
        continue;
      }
      t = Trimmed(l);
      int num = 0;
      NoteStyle st = NoteStyle::kParen;
      size_t ml = 0;
      if (ParseNoteMarker(t, &num, &st, &ml) && st == style && num == number + 1) {
        number = num;
        start_note(k, ml, num);
        l.kind = Kind::kNote;
        last_final = EndsFinal(t);
        continue;
      }
      // The next page's text starts with a space in PDF extraction.
      if (l.tb > l.b) break;
      int v = 0;
      if (LonePageNumber(t, &v) && PageFits(v, k)) {
        l.kind = Kind::kDropped;
        last_page_ = v;
        last_page_line_ = k;
        ++k;
        break;
      }
      size_t rule_chars = 0;
      size_t mk = 0;
      if (IsDecoration(t, &rule_chars)) break;
      // After a finished footnote, lower case, a bullet, a part heading
      // ("II. ...", "Điều 3.") or an all-caps heading is the body text going
      // on; "(2) ..." and "2. ..." may be items inside the footnote.
      if (last_final) {
        const Marker m = ParseMarker(t, &mk);
        bool no_lower = false;
        if (FirstCase(t) == Case::kLower || m == Marker::kDash || m == Marker::kBullet ||
            m == Marker::kRoman || m == Marker::kLegal || IsAllCaps(t, &no_lower)) {
          break;
        }
      }
      notes_.back().segments.push_back({l.tb, l.te});
      l.kind = Kind::kNote;
      last_final = EndsFinal(t);
    }
    last_note_ = number;
    // Blank lines inside the block are part of it, not paragraph breaks.
    for (size_t i = sep; i < k; ++i) {
      if (lines_[i].kind == Kind::kBlank || lines_[i].kind == Kind::kText) {
        lines_[i].kind = i == sep ? Kind::kDropped : Kind::kNote;
      }
    }
    return k;
  }

  // Text that is not hard-wrapped: a DOCX export or text cleaned already,
  // one line per paragraph. Page lines have a dominant width (most of them
  // near the 75th percentile) and none is far longer than a page line;
  // paragraphs spread widely and many are long.
  void DetectUnwrapped() {
    std::vector<size_t> widths;
    size_t long_lines = 0;
    size_t with_blank = 0;
    size_t without_blank = 0;
    bool blank = false;
    for (const Line& l : lines_) {
      if (l.kind == Kind::kBlank) {
        blank = true;
        continue;
      }
      if (!widths.empty()) ++(blank ? with_blank : without_blank);
      blank = false;
      widths.push_back(l.width);
      long_lines += l.width > kLongLine;
    }
    const size_t n = widths.size();
    if (n == 0) return;
    auto nth = widths.begin() + static_cast<ptrdiff_t>(n * 3 / 4);
    std::nth_element(widths.begin(), nth, widths.end());
    const size_t typical = *nth;
    size_t near = 0;
    for (size_t w : widths) near += w * 5 >= typical * 4 && w * 5 <= typical * 6;
    const bool spread = near * 2 < n;
    // Blank lines after most lines: cleaned text, or a double-spaced page.
    const bool spaced = with_blank > without_blank;
    unwrapped_ = long_lines * 4 >= n || ((long_lines > 0 || spaced) && spread);
  }

  void ComputeShortWidth() {
    if (unwrapped_) {
      // Every line ends its paragraph or runs on by its words alone.
      short_width_ = SIZE_MAX;
      return;
    }
    std::vector<size_t> widths;
    for (const Line& l : lines_) {
      if (l.kind == Kind::kText) widths.push_back(l.width);
    }
    if (widths.empty()) return;
    auto nth = widths.begin() + static_cast<ptrdiff_t>(widths.size() * 3 / 4);
    std::nth_element(widths.begin(), nth, widths.end());
    // Too few or too narrow lines to tell wrapped lines from short ones.
    short_width_ = *nth >= 30 ? *nth * 7 / 10 : 0;

    size_t with_blank = 0;
    size_t without_blank = 0;
    bool seen_text = false;
    bool blank = false;
    for (const Line& l : lines_) {
      if (l.kind == Kind::kBlank) {
        blank = true;
      } else if (l.kind == Kind::kText) {
        if (seen_text) ++(blank ? with_blank : without_blank);
        seen_text = true;
        blank = false;
      }
    }
    double_spaced_ = with_blank > without_blank;
  }

  // Change in the number of unclosed curly quotes over `t`.
  static int QuoteBalance(std::string_view t) {
    int balance = 0;
    for (size_t i = t.find('\xE2'); i != std::string_view::npos; i = t.find('\xE2', i + 1)) {
      if (t.compare(i, 3, "“") == 0) ++balance;
      if (t.compare(i, 3, "”") == 0) --balance;
    }
    return balance;
  }

  void Flush() {
    if (!cur_.empty()) out_.paragraphs.push_back(Paragraph{std::move(cur_)});
    cur_ = MappedText();
  }

  Pos Here() const { return {out_.paragraphs.size(), cur_.size()}; }

  enum class Join : uint8_t { kStart, kSpace, kNoSpace };

  // Decides, for every text line, whether it starts a paragraph or joins the
  // one before (with a space or, for a code cut at its hyphen, without);
  // returns an upper bound of each paragraph's size so that it can be
  // allocated once.
  std::vector<size_t> DecideJoins(std::vector<Join>* joins) {
    joins->assign(lines_.size(), Join::kStart);
    std::vector<size_t> bounds;
    bool have_prev = false;
    Context ctx;
    ctx.short_width = short_width_;
    ctx.double_spaced = double_spaced_;
    int quotes = 0;
    Feat prev;
    for (size_t i = 0; i < lines_.size(); ++i) {
      const Line& l = lines_[i];
      if (l.kind == Kind::kBlank) {
        ctx.blank = true;
        continue;
      }
      if (l.kind != Kind::kText) continue;
      const Feat f = MakeFeat(Trimmed(l), l.width);
      ctx.open_quote = quotes > 0;
      // Unwrapped text: a blank line is an empty paragraph.
      if (!have_prev || (unwrapped_ && ctx.blank) || Break(prev, f, ctx)) {
        ctx.para_marker = f.marker;
        quotes = 0;
        bounds.push_back(0);
      } else {
        (*joins)[i] = prev.glued_hyphen && f.code ? Join::kNoSpace : Join::kSpace;
      }
      quotes += QuoteBalance(Trimmed(l));
      bounds.back() += l.te - l.tb + 1;
      prev = f;
      have_prev = true;
      ctx.blank = false;
    }
    return bounds;
  }

  void EmitParagraphs(std::vector<DocxRef>& refs) {
    std::vector<Join> joins;
    const std::vector<size_t> bounds = DecideJoins(&joins);
    Emitter em(&cur_);
    size_t next_block = 0;
    size_t next_ref = 0;
    // Reference positions become output positions, kept in ref_pos_.
    ref_pos_.assign(refs.size(), Pos{SIZE_MAX, 0});
    auto place_refs_before = [&](size_t limit) {
      while (next_ref < refs.size() && refs[next_ref].pos < limit) {
        ref_pos_[next_ref++] = Here();
      }
    };
    size_t prev_te = 0;
    for (size_t i = 0; i < lines_.size(); ++i) {
      while (next_block < blocks_.size() && blocks_[next_block].separator_line == i) {
        blocks_[next_block++].anchor = Here();
      }
      const Line& l = lines_[i];
      if (l.kind != Kind::kText) continue;
      place_refs_before(l.tb);
      switch (joins[i]) {
        case Join::kStart:
          Flush();
          em.Reset(&cur_);
          cur_.Reserve(bounds[out_.paragraphs.size()]);
          break;
        case Join::kSpace:
          em.Space(JoinOrigin(prev_te));
          break;
        case Join::kNoSpace:
          em.NoSpace();  // "730/QĐ-" + "UBND"
          break;
      }
      size_t b = l.tb;
      while (next_ref < refs.size() && refs[next_ref].pos < l.te) {
        em.Emit(src_, b, std::max(b, refs[next_ref].pos));
        b = std::max(b, refs[next_ref].pos);
        ref_pos_[next_ref++] = Here();
      }
      em.Emit(src_, b, l.te);
      prev_te = l.te;
    }
    if (cur_.empty() && !out_.paragraphs.empty()) {
      const Pos end{out_.paragraphs.size() - 1, out_.paragraphs.back().text.size()};
      while (next_ref < refs.size()) ref_pos_[next_ref++] = end;
    }
    place_refs_before(SIZE_MAX);
    while (next_block < blocks_.size()) blocks_[next_block++].anchor = Here();
    Flush();
  }

  // Can the bare number at p[k, k2) be a footnote marker glued to the word
  // before it ("tỉnh2", "”1", "90%2", "năm.3")?
  static bool BareMarkerContext(std::string_view p, size_t k, size_t k2) {
    if (k == 0) return false;
    if (k2 < p.size()) {
      const char c = p[k2];
      if (!(c == ' ' || c == ',' || c == ';' || c == ':' || c == '.' || c == '!' || c == '?' ||
            c == ')')) {
        return false;
      }
      if ((c == '.' || c == ',') && k2 + 1 < p.size() && IsDigit(p[k2 + 1])) return false;
    }
    size_t j = k;
    auto prev_cp = [&]() -> char32_t {
      size_t m = j - 1;
      while (m > 0 && (static_cast<unsigned char>(p[m]) & 0xC0) == 0x80 && j - m < 4) --m;
      size_t x = m;
      const char32_t cp = NextCodePoint(p, x);
      j = m;
      return cp;
    };
    char32_t cp = prev_cp();
    auto closing = [](char32_t c) {
      return c == U'\u201D' || c == U'\u2019' || c == U'\u00BB' || c == '"' || c == '\'' ||
             c == ')' || c == ']';
    };
    if (closing(cp) || cp == '%') return true;
    if (cp == '.' || cp == ',' || cp == ';' || cp == ':') {
      if (j == 0) return false;
      cp = prev_cp();
      return closing(cp) || CaseOf(cp) == Case::kLower || CaseOf(cp) == Case::kUpper;
    }
    if (CaseOf(cp) != Case::kLower) return false;
    // Units with a power: "500 m2", "3 m3".
    size_t w = k;
    while (w > 0 && p[w - 1] != ' ') --w;
    const std::string_view word = p.substr(w, k - w);
    return !(word == "m" || word == "km" || word == "cm" || word == "mm" || word == "dm");
  }

  static constexpr size_t kBlock = 16;

  // Whether p[0, kBlock) has a byte that can start a marker: '(', a digit,
  // or the lead byte of a superscript digit. Branch-free, to vectorise.
  static bool MayHoldMarker(const char* p) {
    int any = 0;
    for (size_t k = 0; k < kBlock; ++k) {
      const auto c = static_cast<unsigned char>(p[k]);
      any |= static_cast<int>(c == '(') | (static_cast<unsigned>(c - '0') < 10u) | (c == 0xC2) |
             (c == 0xE2);
    }
    return any != 0;
  }

  // Links each PDF footnote to the first marker with its number between the
  // previous linked marker and its block, preferring "(N)" and superscripts
  // over bare digits; bare digits are only taken there, so a figure such as
  // "90%2" stays unless a body 2 exists. Returns the markers to cut.
  std::vector<Cut> LinkPdfNotes() {
    std::vector<Cut> cuts;
    if (notes_.empty()) return cuts;
    // Sized by the highest body number, not kMaxNoteNumber: zeroing ten
    // thousand vectors per document costs more than the scan.
    int max_number = 0;
    for (const PdfNote& n : notes_) max_number = std::max(max_number, n.number);
    std::vector<char> wanted(static_cast<size_t>(max_number) + 1, 0);
    for (const PdfNote& n : notes_) wanted[n.number] = 1;
    std::vector<std::vector<MarkerCandidate>> cands(static_cast<size_t>(max_number) + 1);
    for (size_t pi = 0; pi < out_.paragraphs.size(); ++pi) {
      const std::string_view p = out_.paragraphs[pi].text.text();
      for (size_t k = 0; k < p.size(); ++k) {
        while (k + kBlock <= p.size() && !MayHoldMarker(p.data() + k)) k += kBlock;
        if (k >= p.size()) break;
        const auto c = static_cast<unsigned char>(p[k]);
        int v = 0;
        if (c == '(' && k > 0 && p[k - 1] != ' ') {
          const size_t n = ReadNumber(p, k + 1, 4, &v);
          if (n > 0 && k + 1 + n < p.size() && p[k + 1 + n] == ')' && v <= max_number &&
              wanted[v]) {
            cands[v].push_back({{pi, k}, n + 2, true});
          }
        } else if (IsDigit(static_cast<char>(c)) && (k == 0 || !IsDigit(p[k - 1]))) {
          const size_t n = ReadNumber(p, k, 5, &v);
          if (n <= 4 && p[k] != '0' && v <= max_number && wanted[v] &&
              BareMarkerContext(p, k, k + n)) {
            cands[v].push_back({{pi, k}, n, false});
          }
          k += n - 1;
        } else if ((c == 0xC2 || c == 0xE2) && k > 0 && p[k - 1] != ' ') {
          size_t w = 0;
          size_t q = k;
          int d = SuperscriptDigitAt(p, q, &w);
          while (d >= 0 && v <= kMaxNoteNumber) {
            v = v * 10 + d;
            q += w;
            d = q < p.size() ? SuperscriptDigitAt(p, q, &w) : -1;
          }
          if (q > k && v > 0 && v <= max_number && wanted[v]) {
            cands[v].push_back({{pi, k}, q - k, true});
          }
          if (q > k) k = q - 1;
        }
      }
    }

    Pos lower;
    for (size_t ni = 0; ni < notes_.size(); ++ni) {
      const PdfNote& note = notes_[ni];
      const Pos upper = blocks_[note.block].anchor;
      const Pos next = note.block + 1 < blocks_.size() ? blocks_[note.block + 1].anchor
                                                       : Pos{SIZE_MAX, SIZE_MAX};
      const std::vector<MarkerCandidate>& list = cands[note.number];
      auto it = std::lower_bound(list.begin(), list.end(), lower,
                                 [](const MarkerCandidate& c, const Pos& p) { return c.pos < p; });
      const MarkerCandidate* strong = nullptr;
      const MarkerCandidate* weak = nullptr;
      const MarkerCandidate* after = nullptr;
      for (; it != list.end() && it->pos < next; ++it) {
        if (it->pos < upper) {
          if (it->strong && !strong) strong = &*it;
          if (!it->strong && !weak) weak = &*it;
        } else if (it->strong) {
          after = &*it;  // the marker may sit just after the block
          break;
        }
        if (strong) break;
      }
      const MarkerCandidate* pick = strong ? strong : weak ? weak : after;
      if (!pick) continue;
      Footnote& f = out_.footnotes[ni];
      f.paragraph = pick->pos.para;
      f.marker_offset = pick->pos.offset;
      cuts.push_back({pick->pos, pick->len});
      lower = {pick->pos.para, pick->pos.offset + pick->len};
    }
    return cuts;
  }

  // Removes the linked markers from the paragraphs, rebuilding each touched
  // paragraph once, and shifts footnote offsets to match.
  void ApplyCuts(std::vector<Cut>& cuts) {
    if (cuts.empty()) return;
    std::sort(cuts.begin(), cuts.end(), [](const Cut& a, const Cut& b) { return a.pos < b.pos; });
    // Footnotes sorted by position, to shift their offsets in one sweep.
    std::vector<size_t> order;
    for (size_t i = 0; i < out_.footnotes.size(); ++i) {
      if (out_.footnotes[i].paragraph != SIZE_MAX) order.push_back(i);
    }
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      const Footnote& x = out_.footnotes[a];
      const Footnote& y = out_.footnotes[b];
      return Pos{x.paragraph, x.marker_offset} < Pos{y.paragraph, y.marker_offset};
    });
    size_t fi = 0;
    for (size_t ci = 0; ci < cuts.size();) {
      const size_t para = cuts[ci].pos.para;
      const MappedText& old = out_.paragraphs[para].text;
      MappedText rebuilt;
      rebuilt.Reserve(old.size());
      size_t copied = 0;
      size_t removed = 0;
      while (fi < order.size() && out_.footnotes[order[fi]].paragraph < para) ++fi;
      for (; ci < cuts.size() && cuts[ci].pos.para == para; ++ci) {
        const size_t at = cuts[ci].pos.offset;
        for (; fi < order.size() && out_.footnotes[order[fi]].paragraph == para &&
               out_.footnotes[order[fi]].marker_offset <= at;
             ++fi) {
          out_.footnotes[order[fi]].marker_offset -= removed;
        }
        rebuilt.AppendSlice(old, copied, at);
        copied = at + cuts[ci].len;
        removed += cuts[ci].len;
      }
      for (; fi < order.size() && out_.footnotes[order[fi]].paragraph == para; ++fi) {
        Footnote& f = out_.footnotes[order[fi]];
        f.marker_offset = f.marker_offset >= removed ? f.marker_offset - removed : 0;
      }
      rebuilt.AppendSlice(old, copied, old.size());
      out_.paragraphs[para].text = std::move(rebuilt);
    }
  }

  // Each body takes the first unused reference with its number.
  void LinkDocxNotes(const std::vector<DocxRef>& refs, std::vector<DocxBody> bodies) {
    std::vector<size_t> by_number(refs.size());
    for (size_t r = 0; r < refs.size(); ++r) by_number[r] = r;
    std::stable_sort(by_number.begin(), by_number.end(),
                     [&](size_t a, size_t b) { return refs[a].number < refs[b].number; });
    std::vector<size_t> next_use(refs.size(), 0);  // per first index of a number
    for (DocxBody& body : bodies) {
      Footnote f;
      f.marker = std::to_string(body.number);
      f.text = std::move(body.text);
      auto first = std::lower_bound(by_number.begin(), by_number.end(), body.number,
                                    [&](size_t r, int number) { return refs[r].number < number; });
      if (first != by_number.end() && refs[*first].number == body.number) {
        const size_t base = static_cast<size_t>(first - by_number.begin());
        size_t& k = next_use[base];
        while (base + k < by_number.size() && refs[by_number[base + k]].number == body.number) {
          const Pos at = ref_pos_[by_number[base + k++]];
          if (at.para >= out_.paragraphs.size()) continue;
          f.paragraph = at.para;
          f.marker_offset = std::min(at.offset, out_.paragraphs[at.para].text.size());
          break;
        }
      }
      out_.footnotes.push_back(std::move(f));
    }
  }

  const MappedText& src_;
  std::string_view s_;
  std::vector<Line> lines_;
  std::vector<NoteBlock> blocks_;
  std::vector<PdfNote> notes_;
  std::vector<Pos> ref_pos_;
  int last_note_ = 0;
  int last_page_ = 0;
  size_t last_page_line_ = 0;
  size_t short_width_ = 0;
  bool double_spaced_ = false;
  bool unwrapped_ = false;
  MappedText cur_;
  Layout out_;
};

}  // namespace

Layout BuildLayout(const MappedText& in) {
  DocxCut cut;
  if (CutDocxMarkup(in, &cut)) {
    return Builder(cut.text).Run(std::move(cut.refs), std::move(cut.bodies));
  }
  return Builder(in).Run({}, {});
}

}  // namespace dondoc::text
