// GET /api/v1/dashboard/...: the four-way counts by agency, the overdue and
// due-soon lists, indicator achievement, reporting timeliness and the trend
// of the counts (service/dashboard.h), each as of a day and within what the
// authenticated actor may see.

#include <boost/json.hpp>

#include "core/achievement.h"
#include "core/period.h"
#include "http/api.h"
#include "http/plan_json.h"
#include "service/dashboard.h"
#include "service/import.h"
#include "service/tracking.h"

namespace dondoc::http {
namespace {

namespace json = boost::json;

core::Date Today() { return core::LocalDay(service::NowUtc()); }

ParamDoc AsOfParam() {
  return {"as_of", "string", "date", false, "the day, YYYY-MM-DD (default: today in UTC+7)", {}};
}

HttpResult<core::Date> AsOf(const QueryParams& q) {
  auto as_of = q.Date("as_of");
  if (!as_of.ok()) return as_of.error();
  return as_of->value_or(Today());
}

HttpResult<std::optional<core::Period>> PeriodParam(const QueryParams& q, std::string_view name) {
  std::optional<std::string> text = q.String(name);
  if (!text) return std::optional<core::Period>();
  Result<core::Period> period = core::ParsePeriodKey(*text);
  if (!period.ok()) {
    return errors::InvalidParameter(name, "phải là mã kỳ như 2024, 2024-Q2, 2024-M03",
                                    "must be a period key such as 2024, 2024-Q2, 2024-M03");
  }
  return std::optional<core::Period>(*period);
}

Response CountsHandler(store::Store& store, const ApiOptions& options, const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  const QueryParams& q = request.query;
  if (auto e = q.RequireKnown({"as_of", "agency"})) return ErrorResponse(*e);
  auto day = AsOf(q);
  if (!day.ok()) return ErrorResponse(day.error());
  auto report = service::CountStatuses(store, *actor, *day, q.String("agency"), options.province);
  if (!report.ok()) return ErrorResponse(FromStatus(report.status()));
  json::array by_agency;
  for (const service::AgencyCounts& a : report->by_agency) {
    json::object o = CountsJson(a.counts);
    o["agency_id"] = a.agency_id;
    o["agency"] = a.agency_name;
    by_agency.push_back(std::move(o));
  }
  return JsonResponse(json::object{{"as_of", core::FormatIsoDate(*day)},
                                   {"by_agency", std::move(by_agency)},
                                   {"total", CountsJson(report->total)}});
}

Response DueHandler(store::Store& store, const ApiOptions& options, const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  const QueryParams& q = request.query;
  if (auto e = q.RequireKnown({"as_of", "within_days", "agency", "limit"}))
    return ErrorResponse(*e);
  service::DueQuery query;
  query.province = options.province;
  auto day = AsOf(q);
  if (!day.ok()) return ErrorResponse(day.error());
  query.as_of = *day;
  auto within = q.Int("within_days", 0, 366);
  if (!within.ok()) return ErrorResponse(within.error());
  query.within_days = static_cast<int>(within->value_or(7));
  auto limit = q.Int("limit", 1, 1000);
  if (!limit.ok()) return ErrorResponse(limit.error());
  query.limit = static_cast<int>(limit->value_or(100));
  query.agency = q.String("agency");
  auto lists = service::DueTasks(store, *actor, query);
  if (!lists.ok()) return ErrorResponse(FromStatus(lists.status()));
  auto list = [](const std::vector<service::DueTask>& tasks, const char* days_name) {
    json::array out;
    for (const service::DueTask& t : tasks) {
      json::object o = TaskRowJson(t.row);
      o[days_name] = t.days;
      out.push_back(std::move(o));
    }
    return out;
  };
  return JsonResponse(json::object{{"as_of", core::FormatIsoDate(query.as_of)},
                                   {"within_days", query.within_days},
                                   {"overdue", list(lists->overdue, "days_overdue")},
                                   {"overdue_truncated", lists->overdue_truncated},
                                   {"due_soon", list(lists->due_soon, "days_left")},
                                   {"due_soon_truncated", lists->due_soon_truncated}});
}

json::value OptionalNumber(const std::optional<double>& v) {
  if (!v) return nullptr;
  return *v;
}

Response AchievementHandler(store::Store& store, const ApiOptions& options,
                            const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  const QueryParams& q = request.query;
  if (auto e = q.RequireKnown({"as_of", "indicator", "period", "agency"})) return ErrorResponse(*e);
  service::AchievementQuery query;
  auto day = AsOf(q);
  if (!day.ok()) return ErrorResponse(day.error());
  query.as_of = *day;
  auto indicator = q.Int("indicator", 1, INT64_MAX);
  if (!indicator.ok()) return ErrorResponse(indicator.error());
  query.indicator_id = *indicator;
  auto agency = q.Int("agency", 1, INT64_MAX);
  if (!agency.ok()) return ErrorResponse(agency.error());
  query.agency_id = *agency;
  auto period = PeriodParam(q, "period");
  if (!period.ok()) return ErrorResponse(period.error());
  query.period = *period;
  auto rows = service::IndicatorAchievement(store, *actor, query);
  if (!rows.ok()) return ErrorResponse(FromStatus(rows.status()));
  json::array targets;
  for (const service::TargetAchievement& r : *rows) {
    json::object o{{"indicator", IndicatorJson(r.indicator)},
                   {"target", TargetJson(r.target)},
                   {"agency", r.target.agency_id ? json::value(r.agency_name) : nullptr},
                   {"latest", r.latest ? json::value(FigureJson(*r.latest)) : nullptr}};
    if (r.achievement) {
      const core::Achievement& a = *r.achievement;
      o["outcome"] = core::OutcomeName(a.outcome);
      o["met"] = a.met();
      o["plan"] = a.plan;
      o["percent_of_plan"] = OptionalNumber(a.percent_of_plan);
      o["performance"] = OptionalNumber(a.performance);
      o["gap"] = a.gap;
    } else {
      o["outcome"] = nullptr;
      o["met"] = nullptr;
    }
    targets.push_back(std::move(o));
  }
  return JsonResponse(
      json::object{{"as_of", core::FormatIsoDate(query.as_of)}, {"targets", std::move(targets)}});
}

Response TimelinessHandler(store::Store& store, const ApiOptions& options, const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  const QueryParams& q = request.query;
  if (auto e = q.RequireKnown({"as_of", "from", "to", "regime"})) return ErrorResponse(*e);
  service::TimelinessQuery query;
  auto day = AsOf(q);
  if (!day.ok()) return ErrorResponse(day.error());
  query.as_of = *day;
  auto from = q.Date("from");
  if (!from.ok()) return ErrorResponse(from.error());
  auto to = q.Date("to");
  if (!to.ok()) return ErrorResponse(to.error());
  query.to = to->value_or(query.as_of);
  query.from = from->value_or(*core::MakeDate(core::YearOf(query.to), 1, 1));
  auto regime = q.Int("regime", 1, INT64_MAX);
  if (!regime.ok()) return ErrorResponse(regime.error());
  query.regime_id = *regime;
  auto rounds = service::ReportingTimeliness(store, *actor, query);
  if (!rounds.ok()) return ErrorResponse(FromStatus(rounds.status()));
  json::array out;
  for (const service::RoundTimeliness& r : *rounds) {
    json::array agencies;
    for (const service::AgencyTimeliness& a : r.agencies) {
      agencies.push_back(json::object{
          {"agency_id", a.agency_id},
          {"agency", a.agency_name},
          {"timeliness", core::TimelinessName(a.timeliness)},
          {"submitted_at",
           a.submitted_at ? json::value(core::FormatIsoTimestamp(*a.submitted_at)) : nullptr}});
    }
    out.push_back(json::object{{"regime_id", r.regime.id},
                               {"regime", r.regime.name},
                               {"period", core::PeriodKey(r.period)},
                               {"due", core::FormatIsoDate(r.round.due)},
                               {"expected", r.round.expected},
                               {"submitted", r.round.submitted},
                               {"on_time", r.round.on_time},
                               {"late", r.round.late},
                               {"not_yet_due", r.round.not_yet_due},
                               {"missing", r.round.missing},
                               {"percent", OptionalNumber(r.round.percent)},
                               {"agencies", std::move(agencies)}});
  }
  return JsonResponse(json::object{{"as_of", core::FormatIsoDate(query.as_of)},
                                   {"from", core::FormatIsoDate(query.from)},
                                   {"to", core::FormatIsoDate(query.to)},
                                   {"rounds", std::move(out)}});
}

Response TrendHandler(store::Store& store, const ApiOptions& options, const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  const QueryParams& q = request.query;
  if (auto e = q.RequireKnown({"from", "to", "step", "agency"})) return ErrorResponse(*e);
  service::TrendQuery query;
  query.province = options.province;
  query.agency = q.String("agency");
  auto to = q.Date("to");
  if (!to.ok()) return ErrorResponse(to.error());
  query.to = to->value_or(Today());
  auto from = q.Date("from");
  if (!from.ok()) return ErrorResponse(from.error());
  query.from = from->value_or(*core::MakeDate(core::YearOf(query.to), 1, 1));
  const std::string step = q.String("step").value_or("month");
  if (step == "week") {
    query.step = service::TrendStep::kWeek;
  } else if (step != "month") {
    return ErrorResponse(
        errors::InvalidParameter("step", "phải là month hoặc week", "must be month or week"));
  }
  auto points = service::StatusTrend(store, *actor, query);
  if (!points.ok()) return ErrorResponse(FromStatus(points.status()));
  json::array out;
  for (const service::TrendPoint& p : *points) {
    json::object o = CountsJson(p.counts);
    o["day"] = core::FormatIsoDate(p.day);
    out.push_back(std::move(o));
  }
  return JsonResponse(json::object{{"from", core::FormatIsoDate(query.from)},
                                   {"to", core::FormatIsoDate(query.to)},
                                   {"step", step},
                                   {"points", std::move(out)}});
}

}  // namespace

Status AddDashboardRoutes(Router& router, store::Store& store, const ApiOptions& options) {
  struct Entry {
    const char* path;
    RouteDoc doc;
    Response (*handler)(store::Store&, const ApiOptions&, const Request&);
  };
  const std::vector<Entry> entries = {
      {"/api/v1/dashboard/status",
       RouteDoc{"Four-way counts by agency as of a day (tình hình thực hiện)",
                "done_on_time, done_late, open_in_time (no_deadline included), open_overdue per "
                "lead agency on that day, with totals; agency staff: their own agency.",
                "dashboard",
                {AsOfParam(), {"agency", "string", "", false, "only this agency", {}}},
                {400, 401, 403, 422},
                "Object"},
       &CountsHandler},
      {"/api/v1/dashboard/due",
       RouteDoc{
           "Overdue and due-soon tasks (nhiệm vụ quá hạn, sắp đến hạn)",
           "Open tasks past their deadline in force (longest overdue first) and open tasks "
           "due within within_days days (nearest first), as of a day; agency staff: the "
           "tasks their agency leads or coordinates. Each list holds at most limit tasks; "
           "*_truncated says more exist.",
           "dashboard",
           {AsOfParam(),
            {"within_days", "integer", "int32", false, "due soon: 0..366 days (default 7)", {}},
            {"agency", "string", "", false, "only tasks this agency leads", {}},
            {"limit", "integer", "int32", false, "per list, 1..1000 (default 100)", {}}},
           {400, 401, 403, 422},
           "Object"},
       &DueHandler},
      {"/api/v1/dashboard/achievement",
       RouteDoc{"Indicator achievement (kết quả thực hiện chỉ tiêu)",
                "Each target beside the latest figure submitted by that day for the same "
                "indicator, period and agency, judged direction- and range-aware: outcome "
                "not_met, met or exceeded, percent_of_plan, performance, gap.",
                "dashboard",
                {AsOfParam(),
                 {"indicator", "integer", "int64", false, "only this indicator", {}},
                 {"period", "string", "", false, "only this period (2024, 2024-Q2, 2024-M03)", {}},
                 {"agency", "integer", "int64", false, "only this agency's targets", {}}},
                {400, 401, 403, 404, 422},
                "Object"},
       &AchievementHandler},
      {"/api/v1/dashboard/timeliness",
       RouteDoc{"Reporting timeliness (tình hình gửi báo cáo)",
                "For each reporting regime and each period whose report falls due in [from, "
                "to]: on_time, late, not_yet_due or missing per agency that owes it, as of a day.",
                "dashboard",
                {AsOfParam(),
                 {"from", "string", "date", false, "default: 1 January of to's year", {}},
                 {"to", "string", "date", false, "default: as_of (at most 3 years after from)", {}},
                 {"regime", "integer", "int64", false, "only this reporting regime", {}}},
                {400, 401, 403, 404, 422},
                "Object"},
       &TimelinessHandler},
      {"/api/v1/dashboard/trend",
       RouteDoc{"Trend of the four-way counts (diễn biến theo thời gian)",
                "The counts at the end of each month (or ISO week) in [from, to], and on to "
                "itself; at most 60 points.",
                "dashboard",
                {{"from", "string", "date", false, "default: 1 January of to's year", {}},
                 {"to", "string", "date", false, "default: today (UTC+7)", {}},
                 {"step", "string", "", false, "month (default) or week", {"month", "week"}},
                 {"agency", "string", "", false, "only this agency", {}}},
                {400, 401, 403, 422},
                "Object"},
       &TrendHandler},
  };
  for (const Entry& e : entries) {
    auto handler = e.handler;
    Status s = router.Add("GET", e.path, BodyKind::kNone, e.doc,
                          [&store, options, handler](const Request& request) {
                            return handler(store, options, request);
                          });
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace dondoc::http
