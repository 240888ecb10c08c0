// Task statistics and reporting rules.
//
// ExtractTaskStats reads the four-way count that reports quote about the
// tasks they track: "đã giao 478 nhiệm vụ: hoàn thành đúng hạn 207 nhiệm
// vụ, hoàn thành nhưng quá hạn 46 nhiệm vụ; chưa hoàn thành còn trong hạn
// 210 nhiệm vụ; đã trễ hạn nhưng chưa hoàn thành 15 nhiệm vụ". A paragraph
// is cut into segments at , ; : ( ) and sentence ends; each segment holds
// one label and its number, in either order ("207 nhiệm vụ hoàn thành đúng
// hạn"). A label without its status ("(đúng hạn 207, quá hạn 46)") takes
// the status of the segment before it. Counts may run over a few
// paragraphs (a lead-in and its bullets); "số liệu đến ngày ..." gives the
// date the figures hold for.
//
// ExtractReportingRules reads who reports to whom, via whom, how often and
// by when: "Các sở, ban ngành báo cáo kết quả về Ủy ban nhân dân tỉnh (qua
// Sở Kế hoạch và Đầu tư) trước ngày 20 hằng tháng". Bullets under a lead-in
// ("Các sở ... báo cáo như sau:") report for the agencies of the lead-in.
#include <algorithm>
#include <array>
#include <string>

#include "extract/dates.h"
#include "extract/numbers.h"
#include "extract/steps.h"
#include "extract/tasks_grammar.h"

namespace dondoc::extract {
namespace {

using tasks::LowerSameLength;

bool Contains(std::string_view s, std::string_view w) {
  return s.find(w) != std::string_view::npos;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// ---------------------------------------------------------------- statistics

enum class Field { kTotal, kDoneOnTime, kDoneLate, kOpenInTime, kOpenOverdue };
enum class Status { kUnknown, kDone, kOpen };

struct Segment {
  size_t begin = 0;
  size_t end = 0;
};

// Cuts at , ; : ( ) and at ". " (a dot between digits is a thousands dot).
std::vector<Segment> Segments(std::string_view text) {
  std::vector<Segment> out;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    bool cut = c == ',' || c == ';' || c == ':' || c == '(' || c == ')';
    if (c == '.' && (i + 1 == text.size() || !IsDigit(text[i + 1]))) cut = true;
    if (c == ',' && i > 0 && IsDigit(text[i - 1]) && i + 1 < text.size() && IsDigit(text[i + 1])) {
      cut = false;  // a decimal comma
    }
    if (!cut) continue;
    if (i > start) out.push_back({start, i});
    start = i + 1;
  }
  if (start < text.size()) out.push_back({start, text.size()});
  return out;
}

// The first count in a segment: an integer that is not a percentage, a
// date part or a document number.
std::optional<long> CountIn(std::string_view lower) {
  size_t i = 0;
  while (i < lower.size()) {
    if (!IsDigit(lower[i]) || (i > 0 && (IsDigit(lower[i - 1]) || lower[i - 1] == '/'))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < lower.size() && (IsDigit(lower[j]) || (lower[j] == '.' && j + 1 < lower.size() &&
                                                      IsDigit(lower[j + 1])))) {
      ++j;
    }
    const std::string_view token = lower.substr(i, j - i);
    const std::string_view before = lower.substr(0, i);
    size_t after = tasks::SkipSpaces(lower, j);
    const bool percent = after < lower.size() && lower[after] == '%';
    const bool slash = j < lower.size() && (lower[j] == '/' || lower[j] == '-');
    bool calendar = false;
    for (std::string_view w : {"ngày ", "tháng ", "năm ", "số ", "quý "}) {
      if (before.ends_with(w)) calendar = true;
    }
    if (!percent && !slash && !calendar) {
      if (auto v = ParseVietnameseNumber(token);
          v && *v >= 0 && *v < 1e9 && *v == static_cast<long>(*v)) {
        return static_cast<long>(*v);
      }
    }
    i = j;
  }
  return std::nullopt;
}

bool Late(std::string_view s) {
  return Contains(s, "quá hạn") || Contains(s, "trễ hạn") || Contains(s, "chậm") ||
         Contains(s, "không đúng hạn") || Contains(s, "đã hết hạn");
}

bool InTime(std::string_view s) {
  return Contains(s, "đúng hạn") || Contains(s, "trong hạn") || Contains(s, "chưa đến hạn") ||
         Contains(s, "còn hạn") || Contains(s, "đúng thời hạn");
}

// The field a segment labels, and the status it sets for the segments after it.
std::optional<Field> Classify(std::string_view s, Status* context) {
  const bool open = Contains(s, "chưa hoàn thành") || Contains(s, "đang thực hiện") ||
                    Contains(s, "đang triển khai") || Contains(s, "chưa thực hiện");
  const bool done = !open && Contains(s, "hoàn thành");
  if (open) *context = Status::kOpen;
  if (done) *context = Status::kDone;
  const Status status = open ? Status::kOpen : done ? Status::kDone : *context;
  const bool late = Late(s);
  const bool in_time = InTime(s);
  if (status == Status::kDone) {
    if (late) return Field::kDoneLate;
    if (in_time) return Field::kDoneOnTime;
    return std::nullopt;  // "đã hoàn thành 253": a subtotal
  }
  if (status == Status::kOpen) {
    if (late) return Field::kOpenOverdue;
    if (in_time) return Field::kOpenInTime;
    return std::nullopt;  // "chưa hoàn thành 40": a subtotal
  }
  if ((Contains(s, "giao") || Contains(s, "tổng số") || Contains(s, "tổng cộng")) && !late &&
      !in_time) {
    return Field::kTotal;
  }
  return std::nullopt;
}

std::optional<long>* Slot(TaskStats& stats, Field f) {
  switch (f) {
    case Field::kTotal:
      return &stats.total;
    case Field::kDoneOnTime:
      return &stats.done_on_time;
    case Field::kDoneLate:
      return &stats.done_late;
    case Field::kOpenInTime:
      return &stats.open_in_time;
    case Field::kOpenOverdue:
      return &stats.open_overdue;
  }
  return &stats.total;
}

int Counts(const TaskStats& s) {
  return (s.done_on_time ? 1 : 0) + (s.done_late ? 1 : 0) + (s.open_in_time ? 1 : 0) +
         (s.open_overdue ? 1 : 0);
}

// The date after "đến ngày" ("số liệu tính đến ngày 25/5/2023").
std::optional<Date> AsOf(std::string_view text, std::string_view lower, const Date* context) {
  const size_t at = lower.find("đến ngày");
  if (at == std::string::npos) return std::nullopt;
  const auto dates = FindDates(text.substr(at), context);
  if (dates.empty() || dates.front().begin > 40) return std::nullopt;
  return dates.front().date;
}

// The labelled counts of one paragraph, in order.
struct ParagraphCounts {
  std::vector<std::pair<Field, long>> fields;
};

// `lower` is the paragraph lower-cased.
ParagraphCounts ReadCounts(std::string_view lower) {
  ParagraphCounts out;
  if (!Contains(lower, "nhiệm vụ") && !Contains(lower, "hoàn thành")) return out;
  Status context = Status::kUnknown;
  // A number whose qualifier follows in the next segment: "580 nhiệm vụ
  // chưa hoàn thành, còn trong hạn".
  std::optional<long> pending;
  for (const Segment& seg : Segments(lower)) {
    const std::string_view s = lower.substr(seg.begin, seg.end - seg.begin);
    const auto field = Classify(s, &context);
    auto count = CountIn(s);
    if (!count && field) count = pending;
    pending = field ? std::nullopt : count;
    if (field && count) out.fields.emplace_back(*field, *count);
  }
  return out;
}

// ------------------------------------------------------------ reporting rules

std::optional<std::string> JoinCanonical(const std::vector<AgencyMention>& ms) {
  if (ms.empty()) return std::nullopt;
  std::string out;
  for (const AgencyMention& m : ms) {
    if (!out.empty()) out += ", ";
    out += m.canonical;
  }
  return out;
}

// The first agency named after `pos` that is not inside "(qua ...)".
const AgencyMention* FirstAfter(const std::vector<AgencyMention>& ms, std::string_view lower,
                                size_t pos, size_t end) {
  for (const AgencyMention& m : ms) {
    if (m.begin < pos) continue;
    if (m.begin >= end) break;
    const std::string_view before = lower.substr(0, m.begin);
    if (before.ends_with("qua ") || before.ends_with("(qua ")) continue;
    return &m;
  }
  return nullptr;
}

const AgencyMention* Via(const std::vector<AgencyMention>& ms, std::string_view lower, size_t begin,
                         size_t end) {
  for (const AgencyMention& m : ms) {
    if (m.begin < begin || m.begin >= end) continue;
    const std::string_view before = lower.substr(0, m.begin);
    if (before.ends_with("qua ")) return &m;
  }
  return nullptr;
}

// A deadline that says "by": "trước ngày ...", "chậm nhất ...", "hạn ...",
// not a period such as "trong năm 2023".
bool IsDueBy(std::string_view text) {
  const std::string lower = LowerSameLength(text);
  return lower.starts_with("trước") || lower.starts_with("chậm nhất") || lower.starts_with("hạn") ||
         lower.starts_with("trong thời hạn");
}

// "(đối với) báo cáo tháng | quý | 6 tháng | năm" names the report's cadence.
std::optional<Cadence> ReportKindCadence(std::string_view lower) {
  constexpr std::string_view kReport = "báo cáo ";
  size_t pos = 0;
  while ((pos = lower.find(kReport, pos)) != std::string_view::npos) {
    pos += kReport.size();
    const std::string_view rest = lower.substr(pos);
    if (tasks::WordAt(rest, 0, "tháng")) return Cadence::kMonthly;
    if (tasks::WordAt(rest, 0, "quý")) return Cadence::kQuarterly;
    if (tasks::WordAt(rest, 0, "6 tháng") || tasks::WordAt(rest, 0, "06 tháng") ||
        tasks::WordAt(rest, 0, "sáu tháng")) {
      return Cadence::kHalfYearly;
    }
    if (tasks::WordAt(rest, 0, "năm")) return Cadence::kAnnual;
    if (tasks::WordAt(rest, 0, "tuần")) return Cadence::kWeekly;
  }
  return std::nullopt;
}

}  // namespace

std::vector<TaskStats> ExtractTaskStats(const DocumentContext& ctx) {
  std::vector<TaskStats> out;
  if (ctx.doc == nullptr) return out;
  const size_t n = ctx.paragraphs().size();
  size_t i = 0;
  while (i < n) {
    if (ReadCounts(ctx.ParagraphLower(i)).fields.empty()) {
      ++i;
      continue;
    }
    TaskStats stats;
    size_t last = i;
    bool stop = false;
    // A count runs on over the following paragraphs while they add new fields.
    for (size_t j = i; j < n && j < i + 8 && !stop; ++j) {
      const ParagraphCounts pc = ReadCounts(ctx.ParagraphLower(j));
      if (pc.fields.empty()) break;
      for (const auto& [field, value] : pc.fields) {
        std::optional<long>* slot = Slot(stats, field);
        if (slot->has_value()) {
          stop = true;
          break;
        }
        *slot = value;
      }
      if (!stop) last = j;
    }
    const bool valid = Counts(stats) >= 3 || (stats.total && Counts(stats) >= 2);
    if (!valid) {
      ++i;
      continue;
    }
    for (size_t k = (i > 0 ? i - 1 : i); k <= last && !stats.as_of; ++k) {
      stats.as_of = AsOf(ctx.ParagraphText(k), ctx.ParagraphLower(k), ctx.DateOrNull());
    }
    stats.span = DocumentContext::Union(ctx.SpanOf(i), ctx.SpanOf(last));
    out.push_back(stats);
    i = last + 1;
  }
  return out;
}

std::vector<ReportingRule> ExtractReportingRules(const DocumentContext& ctx) {
  std::vector<ReportingRule> out;
  if (ctx.doc == nullptr || ctx.agencies == nullptr) return out;
  std::vector<AgencyMention> lead_in;  // agencies of the last numbered lead-in
  const std::vector<AgencyMention> none;
  for (size_t i = 0; i < ctx.paragraphs().size(); ++i) {
    const std::string_view text = ctx.ParagraphText(i);
    const std::string_view lower = ctx.ParagraphLower(i);
    const tasks::MarkerInfo marker = tasks::ReadMarker(text);
    const bool bullet = marker.kind == tasks::Marker::kDash || marker.kind == tasks::Marker::kPlus;
    const std::vector<AgencyMention>* found = &none;
    std::optional<tasks::LeadClause> clause;
    if (Contains(lower, "báo cáo") || !bullet) {
      found = &ctx.ParagraphMentions(i);
      clause = tasks::ParseLeadClause(text, lower, *found, marker.text_begin);
    }
    const std::vector<AgencyMention>& mentions = *found;
    if (!bullet && marker.kind != tasks::Marker::kNone) {
      lead_in = clause ? clause->leads : std::vector<AgencyMention>{};
    }
    if (!Contains(lower, "báo cáo")) continue;
    std::vector<AgencyMention> who;
    if (clause) {
      who = clause->leads;
    } else if (bullet || marker.kind == tasks::Marker::kNone) {
      who = lead_in;
    }
    // One rule per clause (";", or "), " after "(đối với báo cáo quý)")
    // that names a cadence or a deadline.
    if (who.empty()) continue;
    // Recipient and channel are read once per paragraph: the first agency
    // after "báo cáo" (not after "qua") and the agency after "qua".
    const size_t report = lower.find("báo cáo");
    const size_t after = report == std::string::npos ? marker.text_begin : report + 1;
    const AgencyMention* to = FirstAfter(mentions, lower, after, text.size());
    const AgencyMention* via = Via(mentions, lower, marker.text_begin, text.size());
    const std::optional<std::string> who_text = JoinCanonical(who);
    size_t start = marker.text_begin;
    while (start < text.size()) {
      size_t end = start;
      while (end < text.size() && text[end] != ';' && !text.substr(end).starts_with("), ")) ++end;
      if (end < text.size() && text[end] == ')') ++end;
      const std::string_view part = text.substr(start, end - start);
      const std::string_view part_lower = lower.substr(start, end - start);
      start = end + 1;
      const auto recurrences = FindRecurrences(part, part_lower);
      auto deadlines = FindDeadlines(part, part_lower, ctx.DateOrNull());
      std::erase_if(deadlines, [&](const DeadlineMention& d) { return !IsDueBy(d.deadline.text); });
      const std::optional<Cadence> kind = ReportKindCadence(part_lower);
      if (recurrences.empty() && deadlines.empty() && !kind) continue;
      ReportingRule rule;
      rule.who = who_text;
      if (to != nullptr) rule.to = to->canonical;
      if (via != nullptr) rule.via = via->canonical;
      // The clause's own deadline ("trước ngày 20 hằng tháng") wins over a
      // list of cadences ("định kỳ hằng tháng, quý, năm").
      const RecurrenceMention* with_day = nullptr;
      for (const RecurrenceMention& r : recurrences) {
        if (r.recurrence.day && with_day == nullptr) with_day = &r;
      }
      if (kind) {
        rule.cadence = kind;
      } else if (with_day != nullptr) {
        rule.cadence = with_day->recurrence.rule;
      } else if (!recurrences.empty()) {
        rule.cadence = recurrences.front().recurrence.rule;
      }
      if (with_day != nullptr) {
        rule.deadline_text = with_day->recurrence.text;
      } else if (!deadlines.empty()) {
        rule.deadline_text = deadlines.front().deadline.text;
      } else if (!recurrences.empty()) {
        rule.deadline_text = recurrences.front().recurrence.text;
      }
      rule.span = ctx.SpanOf(i, part.data() - text.data(), end);
      out.push_back(std::move(rule));
    }
  }
  return out;
}

}  // namespace dondoc::extract
