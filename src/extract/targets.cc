// Targets (chỉ tiêu): numeric goals a plan sets, read from the sections that
// set them ("Các chỉ tiêu chủ yếu", "Mục tiêu, chỉ tiêu năm 2024", the
// accountability list "Giám đốc Sở X: <figures>") and from clauses that say
// "phấn đấu ...". One target per figure, named by the indicator phrase before
// it (or the noun phrase after it: "46% số trường mầm non"). The comparator
// comes from the words around the figure: "từ X trở lên", "ít nhất",
// "tối thiểu" >=; "trên" >; "dưới" <; "không quá", "tối đa" <=; "khoảng"
// approx; a range "19-20%". A target stated twice (the list of indicators,
// then the agency that answers for it) is emitted once, with that agency.
#include <algorithm>
#include <set>
#include <unordered_map>

#include "extract/dates.h"
#include "extract/steps.h"
#include "extract/targets_scan.h"

namespace dondoc::extract {
namespace {

using scan::EndsWithWord;
using scan::Figure;
using scan::Trim;

// Words at the end of the phrase before a figure that are not the name.
constexpr std::string_view kTrailingWords[] = {
    "đạt từ",     "đạt trên", "đạt",        "từ",      "trên",      "dưới",   "còn dưới",
    "còn",        "khoảng",   "ít nhất là", "ít nhất", "tối thiểu", "tối đa", "không quá",
    "không dưới", "lên",      "là",         "cho",     "có",        "thêm",   "có thêm",
    "phấn đấu",   "trong đó", "tăng",       "giảm",    "tới",       "đến"};
constexpr std::string_view kLeadingWords[] = {"trở lên", "trong đó", "phấn đấu", "riêng",
                                              "và",      "có",       "đồng thời"};

Comparator ComparatorOf(std::string_view lower, size_t clause_begin, const Figure& f,
                        size_t next_begin) {
  if (f.high) return Comparator::kRange;
  const size_t at = f.begin;
  if (EndsWithWord(lower, at, "trên") || EndsWithWord(lower, at, "hơn") ||
      EndsWithWord(lower, at, "vượt")) {
    return Comparator::kGt;
  }
  if (EndsWithWord(lower, at, "dưới") && !EndsWithWord(lower, at, "không dưới")) {
    return Comparator::kLt;
  }
  if (EndsWithWord(lower, at, "không quá") || EndsWithWord(lower, at, "tối đa") ||
      EndsWithWord(lower, at, "không vượt quá")) {
    return Comparator::kLe;
  }
  if (EndsWithWord(lower, at, "khoảng") || EndsWithWord(lower, at, "xấp xỉ") ||
      EndsWithWord(lower, at, "gần")) {
    return Comparator::kApprox;
  }
  if (scan::FindIn(lower, f.end, next_begin, "trở lên") != std::string_view::npos) {
    return Comparator::kGe;
  }
  if (EndsWithWord(lower, at, "từ")) return Comparator::kGe;
  for (std::string_view w : {"ít nhất", "tối thiểu", "không dưới", "không thấp hơn"}) {
    if (scan::FindIn(lower, clause_begin, at, w) != std::string_view::npos) return Comparator::kGe;
  }
  return Comparator::kEq;
}

std::string_view StripWords(std::string_view s, std::string_view lower_s) {
  bool changed = true;
  while (changed) {
    changed = false;
    s = Trim(s);
    lower_s = Trim(lower_s);
    for (std::string_view w : kTrailingWords) {
      if (lower_s.size() >= w.size() && lower_s.ends_with(w) &&
          (lower_s.size() == w.size() || lower_s[lower_s.size() - w.size() - 1] == ' ')) {
        s.remove_suffix(w.size());
        lower_s.remove_suffix(w.size());
        changed = true;
        break;
      }
    }
    for (std::string_view w : kLeadingWords) {
      if (lower_s.starts_with(w) &&
          (lower_s.size() == w.size() || lower_s[w.size()] == ' ' || lower_s[w.size()] == ':')) {
        s.remove_prefix(w.size());
        lower_s.remove_prefix(w.size());
        changed = true;
        break;
      }
    }
    if (!s.empty() && (s.front() == '(' || s.front() == ')')) {
      s.remove_prefix(1);
      lower_s.remove_prefix(1);
      changed = true;
    }
  }
  return s;
}

std::set<std::string> Tokens(std::string_view lower) {
  std::set<std::string> out;
  size_t i = 0;
  while (i < lower.size()) {
    while (i < lower.size() && (lower[i] == ' ' || lower[i] == ',' || lower[i] == '(' ||
                                lower[i] == ')' || lower[i] == ':')) {
      ++i;
    }
    size_t j = i;
    while (j < lower.size() && lower[j] != ' ' && lower[j] != ',' && lower[j] != '(' &&
           lower[j] != ')' && lower[j] != ':') {
      ++j;
    }
    if (j > i) out.emplace(lower.substr(i, j - i));
    i = j;
  }
  return out;
}

bool SameTarget(const Target& a, const Target& b) {
  auto same = [](const std::optional<double>& x, const std::optional<double>& y) {
    return x.has_value() == y.has_value() && (!x || *x == *y);
  };
  if (!same(a.value, b.value) || !same(a.low, b.low) || !same(a.high, b.high) || a.unit != b.unit) {
    return false;
  }
  const std::set<std::string> ta = Tokens(scan::Lower(a.name));
  const std::set<std::string> tb = Tokens(scan::Lower(b.name));
  if (ta.empty() || tb.empty()) return true;
  size_t common = 0;
  for (const std::string& t : ta) common += tb.count(t);
  return common * 2 >= std::min(ta.size(), tb.size());
}

// The plan year: the first "năm YYYY" period of the opening paragraphs.
std::optional<std::string> PlanYear(const DocumentContext& ctx) {
  const size_t n = std::min<size_t>(ctx.paragraphs().size(), 15);
  for (size_t p = 0; p < n; ++p) {
    const std::string_view t = ctx.ParagraphText(p);
    if (t.size() > 400) continue;
    if (auto per = FindPeriod(t, ctx.DateOrNull())) return per;
  }
  if (ctx.date) return std::to_string(ctx.date->year);
  return std::nullopt;
}

}  // namespace

std::vector<Target> ExtractTargets(const DocumentContext& ctx) {
  std::vector<Target> out;
  if (ctx.doc == nullptr) return out;
  const scan::DocumentZones zones = scan::ClassifyParagraphs(ctx);
  const std::optional<std::string> plan_year = PlanYear(ctx);
  std::optional<std::string> inherited;
  for (size_t p = 0; p < ctx.paragraphs().size(); ++p) {
    const scan::Zone zone = zones.paragraph[p];
    if (zone == scan::Zone::kResults) continue;
    const bool in_section = zone == scan::Zone::kTargets;
    if (!in_section && zones.is_report) continue;
    const std::string_view text = ctx.ParagraphText(p);
    const std::string_view lower = ctx.ParagraphLower(p);
    size_t body = 0;
    std::optional<std::string> responsible = scan::LeadAgency(ctx, text, &body);
    // A lead covers the unnumbered paragraphs that continue its item.
    if (responsible) {
      inherited = responsible;
    } else if (scan::StartsWithMarker(lower)) {
      inherited.reset();
    } else {
      responsible = inherited;
    }
    if (!responsible) {
      // "a) Về kinh tế: ..." labels a group; the name starts after it.
      const size_t colon = text.find(':');
      if (colon != std::string_view::npos && colon < 60 &&
          scan::FindIn(lower, 0, colon, "về") != std::string_view::npos) {
        body = colon + 1;
      }
    }
    const std::vector<Figure> figures = scan::FindFigures(text, lower);
    if (figures.empty()) continue;
    size_t next_figure = 0;
    for (const scan::Range& clause : scan::SplitClauses(text)) {
      if (clause.end <= body) continue;
      const size_t cbegin = std::max(clause.begin, body);
      const std::string_view clause_lower = lower.substr(cbegin, clause.end - cbegin);
      // Outside a targets section only an explicit goal counts, from the
      // word that sets it on ("Triển khai 03 Chương trình ..., phấn đấu đạt
      // 95%": the programmes are the work, 95% the goal), or a frequency the
      // plan commits to ("Hội nghị đối thoại doanh nghiệp 02 lần/năm").
      size_t goal_from = cbegin;
      if (!in_section) {
        goal_from = std::string_view::npos;
        for (std::string_view w : {"phấn đấu", "ít nhất", "tối thiểu"}) {
          const size_t at = clause_lower.find(w);
          if (at != std::string_view::npos) goal_from = std::min(goal_from, cbegin + at);
        }
      }
      std::vector<const Figure*> in_clause;
      while (next_figure < figures.size() && figures[next_figure].begin < cbegin) ++next_figure;
      for (size_t k = next_figure; k < figures.size() && figures[k].begin < clause.end; ++k) {
        const Figure& f = figures[k];
        if (f.end > clause.end) continue;
        const bool frequency =
            lower.substr(f.begin, f.end - f.begin).find("lần/") != std::string_view::npos;
        if (f.begin < goal_from && !frequency) continue;
        if (EndsWithWord(lower, f.begin, "cả")) continue;  // "giảm cả 03 tiêu chí"
        in_clause.push_back(&f);
      }
      if (in_clause.empty()) continue;
      size_t prev_end = cbegin;
      for (size_t k = 0; k < in_clause.size(); ++k) {
        const Figure& f = *in_clause[k];
        const size_t next_begin = k + 1 < in_clause.size() ? in_clause[k + 1]->begin : clause.end;
        if (f.per_total) {
          prev_end = f.end;
          continue;
        }
        Target t;
        if (f.high) {
          t.low = f.value;
          t.high = f.high;
        } else {
          t.value = f.value;
        }
        t.unit = f.unit;
        t.comparator = ComparatorOf(lower, cbegin, f, next_begin);
        // Name: the phrase before the figure, or the noun phrase after it.
        std::string_view name = StripWords(text.substr(prev_end, f.begin - prev_end),
                                           lower.substr(prev_end, f.begin - prev_end));
        size_t name_begin = name.empty() ? f.begin : static_cast<size_t>(name.data() - text.data());
        // "46% số trường mầm non, 74% số trường tiểu học": the name follows.
        if (name.size() < 4 || scan::StartsWithWord(lower, f.end, "số")) {
          size_t stop = next_begin;
          const size_t comma = scan::FindIn(lower, f.end, next_begin, ",");
          if (comma != std::string_view::npos) stop = comma;
          name = Trim(text.substr(f.end, stop - f.end));
          name_begin = f.begin;
        }
        // "a) Sở X chủ trì, ...: Tổ chức hội nghị 02 lần/năm": the name is after the lead.
        if (const size_t colon = name.rfind(':'); colon != std::string_view::npos) {
          name = Trim(name.substr(colon + 1));
        }
        t.name = std::string(name);
        t.decrease = scan::FindIn(lower, cbegin, f.begin, "giảm") != std::string_view::npos;
        const std::string_view clause_text = text.substr(cbegin, clause.end - cbegin);
        std::optional<std::string> period = FindPeriod(clause_text, ctx.DateOrNull());
        if (!period && !zones.period[p].empty()) period = zones.period[p];
        if (!period) period = plan_year;
        t.period = period;
        t.responsible = responsible;
        t.span = ctx.SpanOf(p, std::min(name_begin, f.begin), f.end);
        prev_end = f.end;
        // Skip "trở lên" etc. so the next name starts after them.
        out.push_back(std::move(t));
      }
    }
  }
  // One target per stated goal: merge repeats, keeping the first place and
  // the agency named by either.
  std::vector<Target> merged;
  // Repeats share value and unit: look only among those (at most a few).
  std::unordered_map<std::string, std::vector<size_t>> by_key;
  for (Target& t : out) {
    const std::string key = std::to_string(t.value.value_or(-1)) + "|" +
                            std::to_string(t.low.value_or(-1)) + "|" +
                            std::to_string(t.high.value_or(-1)) + "|" + t.unit;
    std::vector<size_t>& same = by_key[key];
    bool found = false;
    for (size_t i = 0; i < same.size() && i < 32; ++i) {
      Target& m = merged[same[i]];
      if (SameTarget(m, t)) {
        if (!m.responsible && t.responsible) m.responsible = t.responsible;
        found = true;
        break;
      }
    }
    if (!found) {
      same.push_back(merged.size());
      merged.push_back(std::move(t));
    }
  }
  return merged;
}

}  // namespace dondoc::extract
