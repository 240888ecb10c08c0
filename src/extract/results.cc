// Results: actual figures a report gives for the period it covers
// ("Tổng vốn đầu tư toàn xã hội ước khoảng 27.035 tỷ đồng, đạt 100,13% kế
// hoạch và tăng 15,51% so với cùng kỳ"), read from the past part of a report
// and from its footnotes. Each figure with a unit is a result, except the
// figures that qualify the one before it:
//   - "đạt X% kế hoạch / dự toán", "bằng X% kế hoạch", "vượt X% kế hoạch"
//     (-> 100 + X) give pct_of_plan;
//   - "tăng X% (so với cùng kỳ)", "giảm X%", "bằng X% so với cùng kỳ" (->
//     X - 100), "(tương ứng X%)" give pct_vs_same_period;
//   - "tăng 5,82 triệu đồng so với năm 2022 (52,6 triệu đồng)": a change and
//     the previous value, dropped;
//   - "2.856/4.500 tỷ đồng": the second number is the plan, dropped.
// A rate alone ("GRDP tăng 7,32%") is a result whose value is the rate.
#include <algorithm>
#include <functional>

#include "extract/dates.h"
#include "extract/steps.h"
#include "extract/targets_scan.h"

namespace dondoc::extract {
namespace {

using scan::EndsWithWord;
using scan::Figure;
using scan::FindIn;
using scan::StartsWithWord;
using scan::Trim;

constexpr size_t kNpos = std::string_view::npos;

bool IsPlanWord(std::string_view lower, size_t pos) {
  for (std::string_view w :
       {"kế hoạch", "kh", "dự toán", "so với kế hoạch", "so với dự toán", "nhiệm vụ", "chỉ tiêu",
        "mục tiêu", "so với thực nguồn", "so với chỉ tiêu", "so với mục tiêu", "so với nhiệm vụ"}) {
    if (StartsWithWord(lower, pos, w)) return true;
  }
  return false;
}

// A figure whose next figure is its share of the plan or its change: "...,
// đạt 115% kế hoạch", "145/200 ha cà phê xứ lạnh, đạt 72% kế hoạch". Inside
// parentheses the qualifier must be inside too: in "(trong đó A 9.800 lượt),
// tăng 6% so với cùng kỳ" the change belongs to the total; and a share
// ("63 trường (đạt 47,3%, ...)") does not qualify.
bool IsQualified(std::string_view lower, const std::vector<Figure>& figures, size_t k,
                 size_t clause_end, bool in_parentheses) {
  if (k + 1 >= figures.size()) return false;
  const Figure& next = figures[k + 1];
  const size_t end = figures[k].end;
  if (next.unit != "%" || next.end > clause_end || next.begin > end + 80) return false;
  for (size_t i = end; i < next.begin; ++i) {
    if (lower[i] == ';' || (in_parentheses && lower[i] == ')')) return false;
  }
  return IsPlanWord(lower, next.end) ||
         FindIn(lower, next.end, std::min(clause_end, next.end + 25), "cùng kỳ") != kNpos;
}

bool IsSamePeriodAt(std::string_view lower, size_t begin, size_t end) {
  return FindIn(lower, begin, end, "cùng kỳ") != kNpos ||
         FindIn(lower, begin, end, "so với năm") != kNpos;
}

// Words between the previous figure and this one that only connect
// qualifiers ("đạt", "và", "tăng", ...): nothing else may stand there for
// this figure to qualify the previous one.
bool OnlyConnectors(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"so với cùng kỳ năm trước",
                                                "so với cùng kỳ năm",
                                                "so với cùng kỳ",
                                                "cùng kỳ năm trước",
                                                "so với năm trước",
                                                "so với năm",
                                                "kế hoạch",
                                                "tốc độ tăng trưởng",
                                                "tăng trưởng",
                                                "tương ứng",
                                                "dự toán",
                                                "ước đạt",
                                                "trung ương giao",
                                                "tỉnh giao",
                                                "giao",
                                                "đạt",
                                                "bằng",
                                                "tăng",
                                                "giảm",
                                                "vượt",
                                                "và",
                                                "ước",
                                                "khoảng",
                                                "chiếm",
                                                "tỷ lệ",
                                                "năm",
                                                "trước",
                                                "nhiệm vụ"};
  size_t i = 0;
  int unknown = 0;  // one other word may stand there ("m3 gỗ", "nhiệm vụ chi")
  while (i < lower.size()) {
    const char c = lower[i];
    if (c == ' ' || c == ',' || c == '(' || c == ')' || c == ':' || (c >= '0' && c <= '9') ||
        c == '-') {
      ++i;
      continue;
    }
    bool hit = false;
    for (std::string_view w : kWords) {
      if (lower.substr(i, w.size()) == w) {
        i += w.size();
        hit = true;
        break;
      }
    }
    if (!hit) {
      if (++unknown > 1) return false;
      while (i < lower.size() && lower[i] != ' ' && lower[i] != ',' && lower[i] != '(' &&
             lower[i] != ')') {
        ++i;
      }
    }
  }
  return true;
}

// True when `pos` lies inside parentheses opened after `from`.
bool InParentheses(std::string_view text, size_t from, size_t pos) {
  int depth = 0;
  for (size_t i = from; i < pos; ++i) {
    if (text[i] == '(') ++depth;
    if (text[i] == ')' && depth > 0) --depth;
  }
  return depth > 0;
}

// Reads the results of `text` into *out; `ends` (if not null) gets the end of
// each result's figure in `text`.
void ScanText(const DocumentContext& ctx, std::string_view text, std::string_view lower,
              const std::optional<std::string>& default_period,
              const std::function<Span(size_t, size_t)>& span_of, std::vector<ResultItem>* out,
              std::vector<size_t>* ends) {
  const std::vector<Figure> figures = scan::FindFigures(text, lower);
  if (figures.empty()) return;
  bool breakdown = false;
  size_t next_figure = 0;
  for (const scan::Range& clause : scan::SplitClauses(text)) {
    const std::string_view clause_text = text.substr(clause.begin, clause.end - clause.begin);
    std::optional<std::string> period = FindPeriod(clause_text, ctx.DateOrNull());
    if (!period) period = default_period;
    // "Trong đó: A 542 sinh viên; B 1.022 học sinh": a breakdown of a total
    // runs to the end of the sentence; its plain counts are not results.
    if (clause.begin == 0 || text[clause.begin - 1] != ';') breakdown = false;
    // "...; Có tổng số 03 dự án": a new total ends the breakdown.
    for (std::string_view w : {"tổng", "có tổng số", "toàn tỉnh", "toàn thành phố"}) {
      if (StartsWithWord(lower, clause.begin, w)) breakdown = false;
    }
    const size_t intro = FindIn(lower, clause.begin, clause.end, "trong đó");
    size_t breakdown_from = breakdown ? clause.begin : kNpos;
    // "(trong đó 04 xã ...)": a breakdown in parentheses ends with them; the
    // figures inside are read by the parenthesis rule below.
    if (intro != kNpos && !InParentheses(text, clause.begin, intro)) {
      breakdown_from = std::min(breakdown_from, intro);
      breakdown = true;
    }
    size_t current_index = kNpos;  // the result the next qualifier applies to
    size_t prev_end = clause.begin;
    size_t name_from = clause.begin;
    size_t current_from = clause.begin;  // where the current result's name starts
    bool in_attribute = false;           // the last figure described the current result
    // Figures and clauses are both in text order: walk them together.
    while (next_figure < figures.size() && figures[next_figure].begin < clause.begin) ++next_figure;
    int depth = 0;  // parentheses open at the figure: "(trong đó 04 xã ...)"
    size_t depth_at = clause.begin;
    for (; next_figure < figures.size() && figures[next_figure].begin < clause.end; ++next_figure) {
      const Figure& f = figures[next_figure];
      if (f.end > clause.end) continue;
      for (; depth_at < f.begin; ++depth_at) {
        if (text[depth_at] == '(') ++depth;
        if (text[depth_at] == ')' && depth > 0) --depth;
      }
      ResultItem* current = current_index == kNpos ? nullptr : &(*out)[current_index];
      const std::string_view gap = lower.substr(prev_end, f.begin - prev_end);
      const bool attached = current != nullptr && OnlyConnectors(gap);
      const bool pct = f.unit == "%";
      // "693/756 thôn trưởng là đảng viên, chiếm 91,67%, đạt 106% kế hoạch":
      // the share is what the plan measured; the count is its numerator.
      if (pct && current != nullptr && current->unit != "%" &&
          (EndsWithWord(lower, f.begin, "chiếm") || EndsWithWord(lower, f.begin, "chiếm tỷ lệ")) &&
          IsQualified(lower, figures, next_figure, clause.end, depth > 0)) {
        current->value = f.value;
        current->unit = f.unit;
        current->indicator =
            std::string(Trim(text.substr(current_from, f.begin - current_from)).substr(0, 300));
        prev_end = f.end;
        continue;
      }
      // "tăng cả 3 tiêu chí": all of the items already counted.
      if (EndsWithWord(lower, f.begin, "cả")) {
        prev_end = f.end;
        continue;
      }
      // Qualifiers of the previous result.
      if (pct && IsPlanWord(lower, f.end)) {
        if (attached || current != nullptr) {
          double v = f.value;
          if (EndsWithWord(lower, f.begin, "vượt")) v += 100;
          if (current && !current->pct_of_plan) current->pct_of_plan = v;
        }
        prev_end = f.end;
        continue;
      }
      const bool up = EndsWithWord(lower, f.begin, "tăng") ||
                      EndsWithWord(lower, f.begin, "tăng trưởng") ||
                      EndsWithWord(lower, f.begin, "tương ứng tăng");
      const bool down =
          EndsWithWord(lower, f.begin, "giảm") || EndsWithWord(lower, f.begin, "tương ứng giảm");
      const bool equal = EndsWithWord(lower, f.begin, "bằng");
      const bool corresponding = EndsWithWord(lower, f.begin, "tương ứng");
      const size_t after_end = std::min(clause.end, f.end + 40);
      const bool same_period = IsSamePeriodAt(lower, f.end, after_end);
      if (pct && attached && (up || down || corresponding || (equal && same_period))) {
        double v = f.value;
        if (equal) v -= 100;
        if (down) v = -v;
        if (corresponding) {
          // "(tương ứng 53%)" takes the sign of the change it restates.
          if (FindIn(lower, name_from, f.begin, "giảm") != kNpos) v = -v;
        }
        if (!current->pct_vs_same_period) current->pct_vs_same_period = v;
        prev_end = f.end;
        continue;
      }
      const size_t look_end = std::min(clause.end, f.end + 30);
      if (!pct && (up || down) &&
          (depth > 0 || FindIn(lower, f.end, look_end, "so với") != kNpos)) {
        prev_end = f.end;  // "giảm 276 đơn so với cùng kỳ": a change
        continue;
      }
      if (f.unit == "bậc") {
        prev_end = f.end;  // rank changes
        continue;
      }
      if (EndsWithWord(lower, f.begin, "là") &&
          (FindIn(lower, f.begin > 30 ? f.begin - 30 : 0, f.begin, "cùng kỳ") != kNpos ||
           FindIn(lower, f.begin > 30 ? f.begin - 30 : 0, f.begin, "năm trước") != kNpos)) {
        prev_end = f.end;  // "(cùng kỳ năm trước là 13,9%)"
        continue;
      }
      bool descriptor = false;
      for (std::string_view w : {"với diện tích", "với tổng diện tích", "với tổng công suất",
                                 "với công suất", "tổng công suất là", "chiều dài tuyến"}) {
        descriptor = descriptor || EndsWithWord(lower, f.begin, w);
      }
      // "05 vụ cháy rừng, thiệt hại 0,8 ha; 06 vụ ... với khối lượng 3,2 m3 gỗ
      // và 0,3 ha": the size of the events just counted, not a result.
      if (current != nullptr && current->unit.starts_with("vụ")) {
        constexpr std::string_view kWith = "với ";
        const size_t comma = gap.rfind(',');
        std::string_view tail;  // the words after "," or "với" that name the measure
        if (comma != kNpos) {
          tail = Trim(gap.substr(comma + 1));
        } else if (const size_t with = gap.rfind(kWith); with != kNpos) {
          tail = Trim(gap.substr(with + kWith.size()));
        }
        bool measure = false;
        for (std::string_view w : {"thiệt hại", "khối lượng", "diện tích", "trị giá", "giá trị"}) {
          measure = measure || tail.starts_with(w);
        }
        descriptor = descriptor || (measure && std::count(tail.begin(), tail.end(), ' ') < 4);
      }
      if (in_attribute && OnlyConnectors(gap) && FindIn(lower, prev_end, f.begin, "và") != kNpos) {
        descriptor = true;  // "... 3,2 m3 gỗ và 0,3 ha"
      }
      in_attribute = descriptor;
      if (descriptor || f.unit == "mw") {
        prev_end = f.end;
        continue;
      }
      // "nâng tổng diện tích ... lên 3.525 ha": a running total, never a part.
      const bool running_total = FindIn(lower, prev_end, f.begin, "nâng tổng") != kNpos;
      if ((depth > 0 || (breakdown_from != kNpos && f.begin > breakdown_from)) && !pct &&
          !running_total && !IsQualified(lower, figures, next_figure, clause.end, depth > 0)) {
        prev_end = f.end;
        continue;
      }
      if (!pct && attached && (up || down)) {
        prev_end = f.end;  // a change in absolute terms: not a result
        continue;
      }
      // "(52,6 triệu đồng)" after "so với năm 2022", "(cùng kỳ năm trước là 13,9%)".
      if (attached && (EndsWithWord(lower, f.begin, "là") || EndsWithWord(lower, f.begin, "(")) &&
          (FindIn(lower, prev_end, f.begin, "năm trước") != kNpos ||
           FindIn(lower, prev_end, f.begin, "so với năm") != kNpos ||
           FindIn(lower, prev_end, f.begin, "cùng kỳ") != kNpos)) {
        prev_end = f.end;
        continue;
      }
      if (pct && equal && IsPlanWord(lower, f.end)) {
        prev_end = f.end;
        continue;
      }
      ResultItem r;
      r.value = f.value;
      r.unit = f.unit;
      const std::string_view name = Trim(text.substr(name_from, f.begin - name_from));
      r.indicator = std::string(name.substr(0, 300));
      if (pct && (up || down) && !attached) {
        r.pct_vs_same_period = down ? -f.value : f.value;
      } else if (pct && equal && same_period) {
        r.pct_vs_same_period = f.value - 100;
      }
      for (std::string_view w : {"ước", "dự kiến"}) {
        if (FindIn(lower, clause.begin, f.begin, w) != kNpos) r.estimate = true;
      }
      r.period = period;
      r.span = span_of(clause.begin, clause.end);
      out->push_back(std::move(r));
      if (ends != nullptr) ends->push_back(f.end);
      current_index = out->size() - 1;
      current_from = name_from;
      prev_end = f.end;
      name_from = f.end;
    }
  }
}

// Words that mark a sentence as reporting what was achieved, strong enough
// to read results outside a report.
bool HasResultCue(std::string_view lower) {
  for (std::string_view cue :
       {"so với cùng kỳ", "% kế hoạch", "% dự toán", "ước đạt", "ước thực hiện", "ước tính đạt"}) {
    if (lower.find(cue) != std::string_view::npos) return true;
  }
  return false;
}

// Words of a plan's targets: such a paragraph's figures are not results.
bool HasTargetCue(std::string_view lower) {
  for (std::string_view cue : {"phấn đấu", "chỉ tiêu", "mục tiêu"}) {
    if (lower.find(cue) != std::string_view::npos) return true;
  }
  return false;
}

// The result a footnote is anchored to: the last one of paragraph `p` whose
// figure ends before the marker in the same clause ("đã xây dựng được 07
// cánh đồng lớn theo mô hình liên kết[1]"), or null.
const ResultItem* AnchorOf(const std::vector<ResultItem>& out, size_t first, size_t last,
                           const std::vector<size_t>& ends, std::string_view paragraph,
                           size_t marker) {
  for (size_t k = last; k > first; --k) {
    if (ends[k - 1] > marker) continue;
    const std::string_view between = paragraph.substr(ends[k - 1], marker - ends[k - 1]);
    if (between.find(';') != std::string_view::npos ||
        between.find(". ") != std::string_view::npos) {
      return nullptr;
    }
    return &out[k - 1];
  }
  return nullptr;
}

// Drops the figures of a footnote that only repeat or enumerate the result it
// is anchored to: the same figure again ("hỗ trợ 21.988 hộ[37]" / "[37: ...
// 21.988 hộ ...]"), and the members counted by it ("07 cánh đồng lớn[2]" /
// "[2: Gồm: 01 cánh đồng lớn ...; 02 cánh đồng lớn ...]").
void DropRestatements(const std::vector<ResultItem>& paragraph_results, const ResultItem* anchor,
                      std::vector<ResultItem>* note_results) {
  std::erase_if(*note_results, [&](const ResultItem& r) {
    if (!r.value || r.unit == "%") return false;  // shares repeat by chance ("100%")
    for (const ResultItem& q : paragraph_results) {
      if (q.value && *q.value == *r.value && q.unit == r.unit) return true;
    }
    return anchor != nullptr && anchor->value && anchor->unit != "%" && r.unit == anchor->unit &&
           *r.value < *anchor->value;
  });
}

}  // namespace

std::vector<ResultItem> ExtractResults(const DocumentContext& ctx) {
  std::vector<ResultItem> out;
  if (ctx.doc == nullptr) return out;
  const scan::DocumentZones zones = scan::ClassifyParagraphs(ctx);
  std::optional<std::string> year;
  if (ctx.date) year = std::to_string(ctx.date->year);
  // The results of each paragraph, [first, last) in `out`, and where their
  // figures end, for the footnotes anchored there.
  std::vector<std::pair<size_t, size_t>> of_paragraph(ctx.paragraphs().size());
  std::vector<size_t> ends;
  for (size_t p = 0; p < ctx.paragraphs().size(); ++p) {
    const std::string_view text = ctx.ParagraphText(p);
    const std::string_view lower = ctx.ParagraphLower(p);
    // Plans and letters quote past results too ("Năm 2023, ... ước đạt X tỷ
    // đồng, bằng 92% kế hoạch"): outside a report only paragraphs that say
    // so in words are read, and never a target section.
    const bool in_results = zones.is_report ? zones.paragraph[p] == scan::Zone::kResults
                                            : zones.paragraph[p] != scan::Zone::kTargets &&
                                                  HasResultCue(lower) && !HasTargetCue(lower);
    if (!in_results) continue;
    const size_t first = out.size();
    ScanText(
        ctx, text, lower, year, [&](size_t b, size_t e) { return ctx.SpanOf(p, b, e); }, &out,
        &ends);
    of_paragraph[p] = {first, out.size()};
  }
  if (!zones.is_report) return out;
  const auto& notes = ctx.doc->layout.footnotes;
  std::vector<ResultItem> note_results;
  for (size_t n = 0; n < notes.size(); ++n) {
    const size_t p = notes[n].paragraph;
    if (p < zones.paragraph.size() && zones.paragraph[p] != scan::Zone::kResults) continue;
    const std::string_view text = notes[n].text.text();
    const std::string lower = scan::Lower(text);
    note_results.clear();
    ScanText(
        ctx, text, lower, year, [&](size_t b, size_t e) { return ctx.FootnoteSpanOf(n, b, e); },
        &note_results, nullptr);
    if (p < of_paragraph.size()) {
      const auto [first, last] = of_paragraph[p];
      const std::vector<ResultItem> anchored(out.begin() + static_cast<std::ptrdiff_t>(first),
                                             out.begin() + static_cast<std::ptrdiff_t>(last));
      const ResultItem* anchor =
          AnchorOf(out, first, last, ends, ctx.ParagraphText(p), notes[n].marker_offset);
      DropRestatements(anchored, anchor, &note_results);
    }
    for (ResultItem& r : note_results) out.push_back(std::move(r));
  }
  return out;
}

}  // namespace dondoc::extract
