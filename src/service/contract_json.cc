#include "service/contract_json.h"

#include <optional>
#include <string>
#include <utility>

#include "core/date.h"

namespace dondoc::service {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

template <typename T>
value OrNull(const std::optional<T>& v) {
  if (!v) return nullptr;
  return boost::json::value_from(*v);
}

value DateOrNull(const std::optional<extract::Date>& d) {
  if (!d) return nullptr;
  return value(d->Iso());
}

// Reads the fields of one object; the first error sticks and names the
// field.
class FieldReader {
 public:
  explicit FieldReader(const object& o) : o_(o) {}

  const Status& status() const { return status_; }

  std::optional<std::string> OptString(std::string_view key) {
    const value* v = Find(key);
    if (!v) return std::nullopt;
    if (const boost::json::string* s = v->if_string()) return std::string(*s);
    Fail(key, "a string");
    return std::nullopt;
  }
  std::string String(std::string_view key) { return OptString(key).value_or(""); }

  std::optional<double> OptDouble(std::string_view key) {
    const value* v = Find(key);
    if (!v) return std::nullopt;
    if (v->is_number()) return v->to_number<double>();
    Fail(key, "a number");
    return std::nullopt;
  }

  std::optional<int64_t> OptInt(std::string_view key) {
    const value* v = Find(key);
    if (!v) return std::nullopt;
    if (const int64_t* i = v->if_int64()) return *i;
    if (const uint64_t* u = v->if_uint64()) return static_cast<int64_t>(*u);
    Fail(key, "an integer");
    return std::nullopt;
  }

  bool Bool(std::string_view key) {
    const value* v = Find(key);
    if (!v) return false;
    if (const bool* b = v->if_bool()) return *b;
    Fail(key, "true or false");
    return false;
  }

  std::optional<extract::Date> OptDate(std::string_view key) {
    std::optional<std::string> s = OptString(key);
    if (!s) return std::nullopt;
    Result<core::Date> d = core::ParseIsoDate(*s);
    if (!d.ok()) {
      Fail(key, "a date YYYY-MM-DD");
      return std::nullopt;
    }
    return extract::Date{core::YearOf(*d), core::MonthOf(*d), core::DayOf(*d)};
  }

  std::vector<std::string> Strings(std::string_view key) {
    std::vector<std::string> out;
    const value* v = Find(key);
    if (!v) return out;
    const array* a = v->if_array();
    if (!a) {
      Fail(key, "a list of strings");
      return out;
    }
    for (const value& item : *a) {
      if (const boost::json::string* s = item.if_string()) {
        out.emplace_back(*s);
      } else {
        Fail(key, "a list of strings");
      }
    }
    return out;
  }

  // A nested object, or null when absent or null.
  const object* OptObject(std::string_view key) {
    const value* v = Find(key);
    if (!v) return nullptr;
    if (const object* o = v->if_object()) return o;
    Fail(key, "an object");
    return nullptr;
  }

  extract::Span Span() {
    extract::Span span;
    const object* o = OptObject("span");
    if (!o) return span;
    FieldReader r(*o);
    span.line_start = static_cast<uint32_t>(r.OptInt("line_start").value_or(0));
    span.line_end = static_cast<uint32_t>(r.OptInt("line_end").value_or(0));
    span.start = static_cast<uint32_t>(r.OptInt("start").value_or(0));
    span.end = static_cast<uint32_t>(r.OptInt("end").value_or(0));
    if (!r.status().ok() && status_.ok()) status_ = r.status();
    return span;
  }

  void Fail(std::string_view key, std::string_view expected) {
    if (status_.ok()) {
      status_ = Status::InvalidInput("field \"" + std::string(key) + "\" must be " +
                                     std::string(expected));
    }
  }
  void Absorb(const Status& s) {
    if (status_.ok() && !s.ok()) status_ = s;
  }

 private:
  const value* Find(std::string_view key) const {
    const value* v = o_.if_contains(key);
    return v && !v->is_null() ? v : nullptr;
  }

  const object& o_;
  Status status_;
};

Result<object> ParseObject(std::string_view json, std::string_view what) {
  boost::system::error_code ec;
  value v = boost::json::parse(json, ec);
  if (ec) {
    return Status::InvalidInput(std::string(what) + " payload is not valid JSON: " + ec.message());
  }
  object* o = v.if_object();
  if (!o) return Status::InvalidInput(std::string(what) + " payload must be a JSON object");
  return std::move(*o);
}

Result<extract::Comparator> ParseComparatorSymbol(std::string_view s) {
  for (extract::Comparator c :
       {extract::Comparator::kGe, extract::Comparator::kLe, extract::Comparator::kEq,
        extract::Comparator::kGt, extract::Comparator::kLt, extract::Comparator::kRange,
        extract::Comparator::kApprox}) {
    if (s == extract::ComparatorSymbol(c)) return c;
  }
  return Status::InvalidInput("unknown comparator '" + std::string(s) +
                              "': expected >=, <=, =, >, <, range or approx");
}

}  // namespace

Result<extract::Cadence> ParseCadenceName(std::string_view name) {
  for (extract::Cadence c :
       {extract::Cadence::kWeekly, extract::Cadence::kMonthly, extract::Cadence::kQuarterly,
        extract::Cadence::kHalfYearly, extract::Cadence::kAnnual}) {
    if (name == extract::CadenceName(c)) return c;
  }
  return Status::InvalidInput("unknown cadence '" + std::string(name) +
                              "': expected weekly, monthly, quarterly, 6-month or annual");
}

object SpanJson(const extract::Span& s) {
  return {
      {"line_start", s.line_start}, {"line_end", s.line_end}, {"start", s.start}, {"end", s.end}};
}

object DocumentInfoJson(const extract::DocumentInfo& d) {
  array recipients;
  for (const std::string& r : d.recipients) recipients.emplace_back(r);
  return object{{"kind", OrNull(d.kind)},     {"number", OrNull(d.number)},
                {"date", DateOrNull(d.date)}, {"issuer", OrNull(d.issuer)},
                {"title", OrNull(d.title)},   {"place", OrNull(d.place)},
                {"signer", OrNull(d.signer)}, {"recipients", std::move(recipients)}};
}

object ReferenceJson(const extract::Reference& r) {
  return object{{"kind", r.kind},
                {"number", OrNull(r.number)},
                {"date", DateOrNull(r.date)},
                {"issuer", OrNull(r.issuer)},
                {"title", OrNull(r.title)},
                {"span", SpanJson(r.span)}};
}

object TaskJson(const extract::Task& t) {
  array coordinating;
  for (const std::string& c : t.coordinating) coordinating.emplace_back(c);
  value deadline = nullptr;
  if (t.deadline) {
    deadline = object{{"text", t.deadline->text}, {"date", DateOrNull(t.deadline->date)}};
  }
  value recurrence = nullptr;
  if (t.recurrence) {
    recurrence = object{{"text", t.recurrence->text},
                        {"rule", extract::CadenceName(t.recurrence->rule)},
                        {"day", OrNull(t.recurrence->day)}};
  }
  return object{{"lead", OrNull(t.lead)},
                {"lead_as_written", OrNull(t.lead_as_written)},
                {"coordinating", std::move(coordinating)},
                {"text", t.text},
                {"deadline", std::move(deadline)},
                {"recurrence", std::move(recurrence)},
                {"section", t.section},
                {"span", SpanJson(t.span)}};
}

object TargetJson(const extract::Target& t) {
  return object{{"name", t.name},
                {"value", OrNull(t.value)},
                {"low", OrNull(t.low)},
                {"high", OrNull(t.high)},
                {"unit", t.unit},
                {"comparator", extract::ComparatorSymbol(t.comparator)},
                {"direction", t.decrease ? "decrease" : "increase"},
                {"period", OrNull(t.period)},
                {"responsible", OrNull(t.responsible)},
                {"span", SpanJson(t.span)}};
}

object ResultJson(const extract::ResultItem& r) {
  return object{{"indicator", r.indicator},
                {"value", OrNull(r.value)},
                {"unit", r.unit},
                {"pct_of_plan", OrNull(r.pct_of_plan)},
                {"pct_vs_same_period", OrNull(r.pct_vs_same_period)},
                {"estimate", r.estimate},
                {"period", OrNull(r.period)},
                {"span", SpanJson(r.span)}};
}

object ReportingRuleJson(const extract::ReportingRule& r) {
  value cadence = nullptr;
  if (r.cadence) cadence = extract::CadenceName(*r.cadence);
  return object{{"who", OrNull(r.who)},
                {"to", OrNull(r.to)},
                {"via", OrNull(r.via)},
                {"cadence", std::move(cadence)},
                {"deadline_text", r.deadline_text},
                {"span", SpanJson(r.span)}};
}

object TaskStatsJson(const extract::TaskStats& s) {
  return object{{"total", OrNull(s.total)},
                {"done_on_time", OrNull(s.done_on_time)},
                {"done_late", OrNull(s.done_late)},
                {"open_in_time", OrNull(s.open_in_time)},
                {"open_overdue", OrNull(s.open_overdue)},
                {"as_of", DateOrNull(s.as_of)},
                {"span", SpanJson(s.span)}};
}

object ExtractionJson(const extract::Extraction& x) {
  object root;
  root["document"] = DocumentInfoJson(x.document);
  array references;
  for (const extract::Reference& r : x.references) references.push_back(ReferenceJson(r));
  root["references"] = std::move(references);
  array tasks;
  for (const extract::Task& t : x.tasks) tasks.push_back(TaskJson(t));
  root["tasks"] = std::move(tasks);
  array targets;
  for (const extract::Target& t : x.targets) targets.push_back(TargetJson(t));
  root["targets"] = std::move(targets);
  array results;
  for (const extract::ResultItem& r : x.results) results.push_back(ResultJson(r));
  root["results"] = std::move(results);
  array rules;
  for (const extract::ReportingRule& r : x.reporting_rules) rules.push_back(ReportingRuleJson(r));
  root["reporting_rules"] = std::move(rules);
  array stats;
  for (const extract::TaskStats& s : x.task_stats) stats.push_back(TaskStatsJson(s));
  root["task_stats"] = std::move(stats);
  return root;
}

Result<extract::Task> ParseTaskJson(std::string_view json) {
  Result<object> o = ParseObject(json, "task");
  if (!o.ok()) return o.status();
  FieldReader r(*o);
  extract::Task t;
  t.lead = r.OptString("lead");
  t.lead_as_written = r.OptString("lead_as_written");
  t.coordinating = r.Strings("coordinating");
  t.text = r.String("text");
  if (const object* d = r.OptObject("deadline")) {
    FieldReader dr(*d);
    extract::Deadline deadline;
    deadline.text = dr.String("text");
    deadline.date = dr.OptDate("date");
    r.Absorb(dr.status());
    t.deadline = std::move(deadline);
  }
  if (const object* rec = r.OptObject("recurrence")) {
    FieldReader rr(*rec);
    extract::Recurrence recurrence;
    recurrence.text = rr.String("text");
    if (std::optional<std::string> rule = rr.OptString("rule")) {
      Result<extract::Cadence> c = ParseCadenceName(*rule);
      if (!c.ok()) return c.status();
      recurrence.rule = *c;
    }
    if (std::optional<int64_t> day = rr.OptInt("day")) recurrence.day = static_cast<int>(*day);
    r.Absorb(rr.status());
    t.recurrence = std::move(recurrence);
  }
  t.section = r.String("section");
  t.span = r.Span();
  if (!r.status().ok()) return Status::InvalidInput("task payload: " + r.status().message());
  return t;
}

Result<extract::Target> ParseTargetJson(std::string_view json) {
  Result<object> o = ParseObject(json, "target");
  if (!o.ok()) return o.status();
  FieldReader r(*o);
  extract::Target t;
  t.name = r.String("name");
  t.value = r.OptDouble("value");
  t.low = r.OptDouble("low");
  t.high = r.OptDouble("high");
  t.unit = r.String("unit");
  if (std::optional<std::string> c = r.OptString("comparator")) {
    Result<extract::Comparator> comparator = ParseComparatorSymbol(*c);
    if (!comparator.ok()) return comparator.status();
    t.comparator = *comparator;
  }
  t.decrease = r.String("direction") == "decrease";
  t.period = r.OptString("period");
  t.responsible = r.OptString("responsible");
  t.span = r.Span();
  if (!r.status().ok()) return Status::InvalidInput("target payload: " + r.status().message());
  return t;
}

Result<extract::ResultItem> ParseResultJson(std::string_view json) {
  Result<object> o = ParseObject(json, "result");
  if (!o.ok()) return o.status();
  FieldReader r(*o);
  extract::ResultItem x;
  x.indicator = r.String("indicator");
  x.value = r.OptDouble("value");
  x.unit = r.String("unit");
  x.pct_of_plan = r.OptDouble("pct_of_plan");
  x.pct_vs_same_period = r.OptDouble("pct_vs_same_period");
  x.estimate = r.Bool("estimate");
  x.period = r.OptString("period");
  x.span = r.Span();
  if (!r.status().ok()) return Status::InvalidInput("result payload: " + r.status().message());
  return x;
}

Result<extract::ReportingRule> ParseReportingRuleJson(std::string_view json) {
  Result<object> o = ParseObject(json, "reporting rule");
  if (!o.ok()) return o.status();
  FieldReader r(*o);
  extract::ReportingRule x;
  x.who = r.OptString("who");
  x.to = r.OptString("to");
  x.via = r.OptString("via");
  if (std::optional<std::string> c = r.OptString("cadence")) {
    Result<extract::Cadence> cadence = ParseCadenceName(*c);
    if (!cadence.ok()) return cadence.status();
    x.cadence = *cadence;
  }
  x.deadline_text = r.String("deadline_text");
  x.span = r.Span();
  if (!r.status().ok()) {
    return Status::InvalidInput("reporting rule payload: " + r.status().message());
  }
  return x;
}

}  // namespace dondoc::service
