#include "store/audit_json.h"

#include <boost/json.hpp>

#include "common/sha256.h"

namespace dondoc::store {

namespace {

namespace json = boost::json;

template <typename T>
json::value Opt(const std::optional<T>& value) {
  if (!value) return nullptr;
  return json::value(*value);
}

json::value Day(const std::optional<core::Date>& day) {
  if (!day) return nullptr;
  return json::value(core::FormatIsoDate(*day));
}

json::value Instant(const std::optional<core::Timestamp>& instant) {
  if (!instant) return nullptr;
  return json::value(core::FormatIsoTimestamp(*instant));
}

json::value Span(const std::optional<core::SourceSpan>& span) {
  if (!span) return nullptr;
  return json::object{{"line_start", span->line_start},
                      {"line_end", span->line_end},
                      {"start", span->start},
                      {"end", span->end}};
}

json::value PeriodOrNull(const std::optional<core::Period>& period) {
  if (!period) return nullptr;
  return json::value(core::PeriodKey(*period));
}

json::object CoordinationObject(const core::Coordination& c) {
  return {{"task_id", c.task_id},
          {"agency_id", c.agency_id},
          {"acknowledged_on", Day(c.acknowledged_on)},
          {"contribution", c.contribution}};
}

std::string Text(const json::object& object) { return json::serialize(object); }

}  // namespace

std::string AuditJson(const core::Agency& a) {
  return Text({{"id", a.id},
               {"name", a.name},
               {"abbreviation", a.abbreviation},
               {"kind", core::AgencyKindName(a.kind)},
               {"parent_id", Opt(a.parent_id)},
               {"valid_from", core::FormatIsoDate(a.valid_from)},
               {"valid_to", Day(a.valid_to)}});
}

std::string AuditJson(const core::Succession& s) {
  return Text({{"id", s.id},
               {"predecessor_id", s.predecessor_id},
               {"successor_id", s.successor_id},
               {"effective", core::FormatIsoDate(s.effective)},
               {"kind", core::SuccessionKindName(s.kind)},
               {"inherits_open_tasks", s.inherits_open_tasks},
               {"note", s.note}});
}

std::string AuditJson(const core::Document& d) {
  return Text({{"id", d.id},
               {"kind", d.kind},
               {"number", Opt(d.number)},
               {"date", Day(d.date)},
               {"issuer_agency_id", Opt(d.issuer_agency_id)},
               {"issuer_name", d.issuer_name},
               {"title", d.title},
               {"source_name", d.source_name},
               {"source_format", d.source_format},
               {"source_sha256", d.source_sha256},
               {"cleaned_text_bytes", d.cleaned_text.size()},
               {"cleaned_text_sha256", Sha256Hex(d.cleaned_text)},
               {"registered_at", core::FormatIsoTimestamp(d.registered_at)}});
}

std::string AuditJson(const core::DocumentLink& l) {
  return Text({{"id", l.id},
               {"from_document_id", l.from_document_id},
               {"to_document_id", Opt(l.to_document_id)},
               {"kind", l.kind},
               {"number", Opt(l.number)},
               {"date", Day(l.date)},
               {"issuer_name", l.issuer_name},
               {"title", l.title},
               {"span", Span(l.span)}});
}

std::string AuditJson(const core::Proposal& p) {
  return Text({{"id", p.id},
               {"document_id", p.document_id},
               {"kind", core::ProposalKindName(p.kind)},
               {"state", core::ProposalStateName(p.state)},
               {"summary", p.summary},
               {"payload_json", p.payload_json},
               {"span", Span(p.span)},
               {"created_at", core::FormatIsoTimestamp(p.created_at)},
               {"decided_at", Instant(p.decided_at)},
               {"decided_by", Opt(p.decided_by)},
               {"created_item_id", Opt(p.created_item_id)},
               {"decision_note", p.decision_note}});
}

std::string AuditJson(const core::Task& t, const std::vector<core::Coordination>& coordinating) {
  json::array coordinations;
  for (const core::Coordination& c : coordinating) {
    json::object o = CoordinationObject(c);
    o["task_id"] = t.id;
    coordinations.emplace_back(std::move(o));
  }
  return Text({{"id", t.id},
               {"document_id", Opt(t.document_id)},
               {"span", Span(t.span)},
               {"parent_id", Opt(t.parent_id)},
               {"obligation_id", Opt(t.obligation_id)},
               {"period", PeriodOrNull(t.period)},
               {"lead_agency_id", t.lead_agency_id},
               {"text", t.text},
               {"assigned_on", core::FormatIsoDate(t.assigned_on)},
               {"deadline", Day(t.deadline)},
               {"deadline_text", t.deadline_text},
               {"created_at", core::FormatIsoTimestamp(t.created_at)},
               {"coordinating", std::move(coordinations)}});
}

std::string AuditJson(const core::Coordination& c) { return Text(CoordinationObject(c)); }

std::string AuditJson(const core::TaskEvent& e) {
  return Text({{"id", e.id},
               {"task_id", e.task_id},
               {"kind", core::TaskEventKindName(e.kind)},
               {"effective_on", core::FormatIsoDate(e.effective_on)},
               {"recorded_at", core::FormatIsoTimestamp(e.recorded_at)},
               {"actor_user_id", Opt(e.actor_user_id)},
               {"deadline", Day(e.deadline)},
               {"agency_id", Opt(e.agency_id)},
               {"progress_percent", Opt(e.progress_percent)},
               {"request_event_id", Opt(e.request_event_id)},
               {"note", e.note}});
}

std::string AuditJson(const core::Obligation& o) {
  return Text({{"id", o.id},
               {"document_id", Opt(o.document_id)},
               {"agency_id", o.agency_id},
               {"text", o.text},
               {"cadence", core::CadenceName(o.recurrence.cadence)},
               {"day", Opt(o.recurrence.day)},
               {"recurrence_text", o.recurrence.text},
               {"starts_on", core::FormatIsoDate(o.starts_on)},
               {"ends_on", Day(o.ends_on)},
               {"regime_id", Opt(o.regime_id)}});
}

std::string AuditJson(const core::Indicator& i) {
  return Text({{"id", i.id},
               {"name", i.name},
               {"unit", i.unit},
               {"direction", i.direction == core::Direction::kHigherIsBetter ? "higher_is_better"
                                                                             : "lower_is_better"}});
}

std::string AuditJson(const core::Target& t) {
  return Text({{"id", t.id},
               {"indicator_id", t.indicator_id},
               {"period", core::PeriodKey(t.period)},
               {"agency_id", Opt(t.agency_id)},
               {"value", Opt(t.value)},
               {"low", Opt(t.low)},
               {"high", Opt(t.high)},
               {"comparator", core::ComparatorSymbol(t.comparator)},
               {"plan_source", t.plan_source},
               {"document_id", Opt(t.document_id)},
               {"span", Span(t.span)}});
}

std::string AuditJson(const core::Figure& f) {
  return Text({{"id", f.id},
               {"indicator_id", f.indicator_id},
               {"agency_id", Opt(f.agency_id)},
               {"period", core::PeriodKey(f.period)},
               {"value", f.value},
               {"estimate", f.estimate},
               {"submitted_at", core::FormatIsoTimestamp(f.submitted_at)},
               {"submitted_by", Opt(f.submitted_by)},
               {"document_id", Opt(f.document_id)},
               {"note", f.note}});
}

std::string AuditJson(const core::ReportingRegime& r) {
  return Text({{"id", r.id},
               {"name", r.name},
               {"cadence", core::CadenceName(r.cadence)},
               {"due_month_offset", r.due_month_offset},
               {"due_day", r.due_day},
               {"recipient_agency_id", Opt(r.recipient_agency_id)},
               {"via_agency_id", Opt(r.via_agency_id)}});
}

std::string AuditJson(const core::ReportSubmission& s) {
  return Text({{"id", s.id},
               {"regime_id", s.regime_id},
               {"agency_id", s.agency_id},
               {"period", core::PeriodKey(s.period)},
               {"submitted_at", core::FormatIsoTimestamp(s.submitted_at)},
               {"document_id", Opt(s.document_id)}});
}

std::string AuditJson(const core::CalendarDay& d) {
  return Text({{"date", core::FormatIsoDate(d.date)},
               {"kind", core::CalendarDayKindName(d.kind)},
               {"name", d.name}});
}

std::string AuditJson(const core::Notification& n) {
  return Text({{"id", n.id},
               {"key", n.key},
               {"kind", core::NotificationKindName(n.kind)},
               {"agency_id", Opt(n.agency_id)},
               {"user_id", Opt(n.user_id)},
               {"task_id", Opt(n.task_id)},
               {"regime_id", Opt(n.regime_id)},
               {"period", PeriodOrNull(n.period)},
               {"due_on", core::FormatIsoDate(n.due_on)},
               {"message", n.message},
               {"created_at", core::FormatIsoTimestamp(n.created_at)},
               {"read_at", Instant(n.read_at)},
               {"emailed_at", Instant(n.emailed_at)}});
}

}  // namespace dondoc::store
