#include "http/plan_json.h"

#include <boost/json.hpp>

#include "core/period.h"

namespace dondoc::http {
namespace {

namespace json = boost::json;

json::value DateOrNull(const std::optional<core::Date>& d) {
  if (!d) return nullptr;
  return json::value(core::FormatIsoDate(*d));
}

json::value TimeOrNull(const std::optional<core::Timestamp>& t) {
  if (!t) return nullptr;
  return json::value(core::FormatIsoTimestamp(*t));
}

template <typename T>
json::value OrNull(const std::optional<T>& v) {
  if (!v) return nullptr;
  return json::value(*v);
}

}  // namespace

const char* DirectionName(core::Direction direction) {
  return direction == core::Direction::kLowerIsBetter ? "lower" : "higher";
}

json::object CountsJson(const core::StatusCounts& c) {
  return {{"done_on_time", c.done_on_time}, {"done_late", c.done_late},
          {"open_in_time", c.open_in_time}, {"open_overdue", c.open_overdue},
          {"no_deadline", c.no_deadline},   {"total", c.total}};
}

json::object TaskRowJson(const service::TaskRow& r) {
  const store::TaskView& v = r.view;
  json::array coordinating;
  for (const std::string& n : r.coordinating_names) coordinating.emplace_back(n);
  return json::object{{"id", v.task.id},
                      {"document_id", OrNull(v.task.document_id)},
                      {"lead_agency_id", v.lead_agency_id},
                      {"lead", r.lead_name},
                      {"coordinating", std::move(coordinating)},
                      {"text", v.task.text},
                      {"assigned_on", core::FormatIsoDate(v.task.assigned_on)},
                      {"deadline", DateOrNull(v.deadline)},
                      {"deadline_text", v.task.deadline_text},
                      {"completed_on", DateOrNull(v.completed_on)},
                      {"status", core::TaskStatusName(v.status)}};
}

json::object IndicatorJson(const core::Indicator& i) {
  return {
      {"id", i.id}, {"name", i.name}, {"unit", i.unit}, {"direction", DirectionName(i.direction)}};
}

json::object TargetJson(const core::Target& t) {
  return {{"id", t.id},
          {"indicator_id", t.indicator_id},
          {"period", core::PeriodKey(t.period)},
          {"agency_id", OrNull(t.agency_id)},
          {"comparator", core::ComparatorSymbol(t.comparator)},
          {"value", OrNull(t.value)},
          {"low", OrNull(t.low)},
          {"high", OrNull(t.high)},
          {"plan_source", t.plan_source},
          {"document_id", OrNull(t.document_id)}};
}

json::object FigureJson(const core::Figure& f) {
  return {{"id", f.id},
          {"indicator_id", f.indicator_id},
          {"agency_id", OrNull(f.agency_id)},
          {"period", core::PeriodKey(f.period)},
          {"value", f.value},
          {"estimate", f.estimate},
          {"submitted_at", core::FormatIsoTimestamp(f.submitted_at)},
          {"submitted_by", OrNull(f.submitted_by)},
          {"document_id", OrNull(f.document_id)},
          {"note", f.note}};
}

json::object RegimeJson(const core::ReportingRegime& r) {
  return {{"id", r.id},
          {"name", r.name},
          {"cadence", core::CadenceName(r.cadence)},
          {"due_month_offset", r.due_month_offset},
          {"due_day", r.due_day},
          {"recipient_agency_id", OrNull(r.recipient_agency_id)},
          {"via_agency_id", OrNull(r.via_agency_id)}};
}

json::object SubmissionJson(const core::ReportSubmission& s) {
  return {{"id", s.id},
          {"regime_id", s.regime_id},
          {"agency_id", s.agency_id},
          {"period", core::PeriodKey(s.period)},
          {"submitted_at", core::FormatIsoTimestamp(s.submitted_at)},
          {"document_id", OrNull(s.document_id)}};
}

json::object NotificationJson(const core::Notification& n) {
  return {{"id", n.id},
          {"kind", core::NotificationKindName(n.kind)},
          {"agency_id", OrNull(n.agency_id)},
          {"user_id", OrNull(n.user_id)},
          {"task_id", OrNull(n.task_id)},
          {"regime_id", OrNull(n.regime_id)},
          {"period", n.period ? json::value(core::PeriodKey(*n.period)) : nullptr},
          {"due_on", core::FormatIsoDate(n.due_on)},
          {"message", n.message},
          {"created_at", core::FormatIsoTimestamp(n.created_at)},
          {"read_at", TimeOrNull(n.read_at)}};
}

}  // namespace dondoc::http
