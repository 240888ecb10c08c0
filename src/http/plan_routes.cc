// Indicators, targets, figures, reporting regimes and report submissions
// (service/plans.h):
//
//   GET  /api/v1/indicators                       POST: define one (office)
//   GET  /api/v1/targets                          POST: a plan for a period (office)
//   GET  /api/v1/figures                          POST: submit a figure
//   GET  /api/v1/reports                          the reporting regimes
//   GET  /api/v1/reports/{regime}/submissions     POST: submit a report
//
// Bodies are strict JSON (http/json_body.h): unknown fields, wrong types
// and missing required fields are 400s naming the field. The submission
// time of a figure or report is the server's clock, never the client's.

#include <boost/json.hpp>
#include <cmath>

#include "core/period.h"
#include "core/timeliness.h"
#include "http/api.h"
#include "http/json_body.h"
#include "http/plan_json.h"
#include "service/import.h"
#include "service/plans.h"

namespace dondoc::http {
namespace {

namespace json = boost::json;

HttpResult<std::optional<core::Period>> PeriodQuery(const QueryParams& q) {
  std::optional<std::string> text = q.String("period");
  if (!text) return std::optional<core::Period>();
  Result<core::Period> period = core::ParsePeriodKey(*text);
  if (!period.ok()) {
    return errors::InvalidParameter("period", "phải là mã kỳ như 2024, 2024-Q2, 2024-M03",
                                    "must be a period key such as 2024, 2024-Q2, 2024-M03");
  }
  return std::optional<core::Period>(*period);
}

HttpResult<core::Period> PeriodField(const JsonBody& body) {
  auto text = body.RequiredString("period");
  if (!text.ok()) return text.error();
  Result<core::Period> period = core::ParsePeriodKey(*text);
  if (!period.ok()) {
    return InvalidField("period", "phải là mã kỳ như 2024, 2024-Q2, 2024-M03",
                        "must be a period key such as 2024, 2024-Q2, 2024-M03");
  }
  return *period;
}

// A positive id field, when present.
HttpResult<std::optional<core::Id>> IdField(const JsonBody& body, std::string_view name) {
  return body.Id(name);
}

HttpResult<service::PlanFilter> Filter(const QueryParams& q) {
  service::PlanFilter filter;
  auto indicator = q.Int("indicator", 1, INT64_MAX);
  if (!indicator.ok()) return indicator.error();
  filter.indicator_id = *indicator;
  auto agency = q.Int("agency", 1, INT64_MAX);
  if (!agency.ok()) return agency.error();
  filter.agency_id = *agency;
  auto period = PeriodQuery(q);
  if (!period.ok()) return period.error();
  filter.period = *period;
  return filter;
}

json::value TimelinessJson(const std::optional<core::Date>& due,
                           const std::optional<core::Timeliness>& timeliness) {
  if (!due || !timeliness) return nullptr;
  return json::object{{"due", core::FormatIsoDate(*due)},
                      {"timeliness", core::TimelinessName(*timeliness)}};
}

Response ListIndicatorsHandler(store::Store& store, const ApiOptions& options,
                               const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  if (auto e = request.query.RequireKnown({})) return ErrorResponse(*e);
  auto list = service::ListIndicators(store, *actor);
  if (!list.ok()) return ErrorResponse(FromStatus(list.status()));
  json::array out;
  for (const core::Indicator& i : *list) out.push_back(IndicatorJson(i));
  return JsonResponse(json::object{{"indicators", std::move(out)}});
}

Response AddIndicatorHandler(store::Store& store, const ApiOptions& options,
                             const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  auto body = JsonBody::Parse(request, {"name", "unit", "direction"});
  if (!body.ok()) return ErrorResponse(body.error());
  core::Indicator indicator;
  auto name = body->RequiredString("name");
  if (!name.ok()) return ErrorResponse(name.error());
  indicator.name = *name;
  auto unit = body->String("unit");
  if (!unit.ok()) return ErrorResponse(unit.error());
  indicator.unit = unit->value_or("");
  auto direction = body->String("direction");
  if (!direction.ok()) return ErrorResponse(direction.error());
  const std::string d = direction->value_or("higher");
  if (d == "lower") {
    indicator.direction = core::Direction::kLowerIsBetter;
  } else if (d != "higher") {
    return ErrorResponse(
        InvalidField("direction", "phải là higher hoặc lower", "must be higher or lower"));
  }
  auto added = service::AddIndicator(store, *actor, indicator);
  if (!added.ok()) return ErrorResponse(FromStatus(added.status()));
  return JsonResponse(IndicatorJson(*added), 201);
}

Response ListTargetsHandler(store::Store& store, const ApiOptions& options,
                            const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  if (auto e = request.query.RequireKnown({"indicator", "period", "agency"})) {
    return ErrorResponse(*e);
  }
  auto filter = Filter(request.query);
  if (!filter.ok()) return ErrorResponse(filter.error());
  auto list = service::ListTargets(store, *actor, *filter);
  if (!list.ok()) return ErrorResponse(FromStatus(list.status()));
  json::array out;
  for (const core::Target& t : *list) out.push_back(TargetJson(t));
  return JsonResponse(json::object{{"targets", std::move(out)}});
}

Response AddTargetHandler(store::Store& store, const ApiOptions& options, const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  auto body = JsonBody::Parse(request, {"indicator_id", "period", "agency_id", "comparator",
                                        "value", "low", "high", "plan_source", "document_id"});
  if (!body.ok()) return ErrorResponse(body.error());
  core::Target target;
  auto indicator = IdField(*body, "indicator_id");
  if (!indicator.ok()) return ErrorResponse(indicator.error());
  if (!*indicator) {
    return ErrorResponse(InvalidField("indicator_id", "thiếu trường này", "is required"));
  }
  target.indicator_id = **indicator;
  auto period = PeriodField(*body);
  if (!period.ok()) return ErrorResponse(period.error());
  target.period = *period;
  auto agency = IdField(*body, "agency_id");
  if (!agency.ok()) return ErrorResponse(agency.error());
  target.agency_id = *agency;
  auto document = IdField(*body, "document_id");
  if (!document.ok()) return ErrorResponse(document.error());
  target.document_id = *document;
  auto comparator = body->String("comparator");
  if (!comparator.ok()) return ErrorResponse(comparator.error());
  Result<core::Comparator> parsed = core::ParseComparator(comparator->value_or(">="));
  if (!parsed.ok()) {
    return ErrorResponse(InvalidField("comparator", "phải là >=, <=, =, >, <, range hoặc approx",
                                      "must be >=, <=, =, >, <, range or approx"));
  }
  target.comparator = *parsed;
  for (auto [name, slot] : {std::pair{"value", &target.value}, std::pair{"low", &target.low},
                            std::pair{"high", &target.high}}) {
    auto number = body->Number(name);
    if (!number.ok()) return ErrorResponse(number.error());
    *slot = *number;
  }
  auto source = body->String("plan_source");
  if (!source.ok()) return ErrorResponse(source.error());
  target.plan_source = source->value_or("");
  auto added = service::AddTarget(store, *actor, target);
  if (!added.ok()) return ErrorResponse(FromStatus(added.status()));
  return JsonResponse(TargetJson(*added), 201);
}

Response ListFiguresHandler(store::Store& store, const ApiOptions& options,
                            const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  if (auto e = request.query.RequireKnown({"indicator", "period", "agency"})) {
    return ErrorResponse(*e);
  }
  auto filter = Filter(request.query);
  if (!filter.ok()) return ErrorResponse(filter.error());
  auto list = service::ListFigures(store, *actor, *filter);
  if (!list.ok()) return ErrorResponse(FromStatus(list.status()));
  json::array out;
  for (const core::Figure& f : *list) out.push_back(FigureJson(f));
  return JsonResponse(json::object{{"figures", std::move(out)}});
}

Response SubmitFigureHandler(store::Store& store, const ApiOptions& options,
                             const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  auto body = JsonBody::Parse(request, {"indicator_id", "agency_id", "period", "value", "estimate",
                                        "note", "regime_id", "document_id"});
  if (!body.ok()) return ErrorResponse(body.error());
  core::Figure figure;
  auto indicator = IdField(*body, "indicator_id");
  if (!indicator.ok()) return ErrorResponse(indicator.error());
  if (!*indicator) {
    return ErrorResponse(InvalidField("indicator_id", "thiếu trường này", "is required"));
  }
  figure.indicator_id = **indicator;
  auto agency = IdField(*body, "agency_id");
  if (!agency.ok()) return ErrorResponse(agency.error());
  // Agency staff report for their own agency unless they name it.
  figure.agency_id =
      agency->has_value() || actor->role != service::Role::kAgency ? *agency : actor->agency_id;
  auto period = PeriodField(*body);
  if (!period.ok()) return ErrorResponse(period.error());
  figure.period = *period;
  auto value = body->Number("value");
  if (!value.ok()) return ErrorResponse(value.error());
  if (!*value) return ErrorResponse(InvalidField("value", "thiếu trường này", "is required"));
  figure.value = **value;
  auto estimate = body->Bool("estimate");
  if (!estimate.ok()) return ErrorResponse(estimate.error());
  figure.estimate = estimate->value_or(false);
  auto note = body->String("note");
  if (!note.ok()) return ErrorResponse(note.error());
  figure.note = note->value_or("");
  auto document = IdField(*body, "document_id");
  if (!document.ok()) return ErrorResponse(document.error());
  figure.document_id = *document;
  auto regime = IdField(*body, "regime_id");
  if (!regime.ok()) return ErrorResponse(regime.error());
  auto submitted = service::SubmitFigure(store, *actor, figure, *regime, service::NowUtc());
  if (!submitted.ok()) return ErrorResponse(FromStatus(submitted.status()));
  return JsonResponse(
      json::object{{"figure", FigureJson(submitted->figure)},
                   {"reporting", TimelinessJson(submitted->due, submitted->timeliness)}},
      201);
}

Response ListRegimesHandler(store::Store& store, const ApiOptions& options,
                            const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  if (auto e = request.query.RequireKnown({})) return ErrorResponse(*e);
  auto list = service::ListReportingRegimes(store, *actor);
  if (!list.ok()) return ErrorResponse(FromStatus(list.status()));
  json::array out;
  for (const core::ReportingRegime& r : *list) out.push_back(RegimeJson(r));
  return JsonResponse(json::object{{"regimes", std::move(out)}});
}

Response ListSubmissionsHandler(store::Store& store, const ApiOptions& options,
                                const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  auto regime = request.PathId("regime");
  if (!regime.ok()) return ErrorResponse(regime.error());
  if (auto e = request.query.RequireKnown({})) return ErrorResponse(*e);
  auto list = service::ListReportSubmissions(store, *actor, *regime);
  if (!list.ok()) return ErrorResponse(FromStatus(list.status()));
  json::array out;
  for (const core::ReportSubmission& s : *list) out.push_back(SubmissionJson(s));
  return JsonResponse(json::object{{"submissions", std::move(out)}});
}

Response SubmitReportHandler(store::Store& store, const ApiOptions& options,
                             const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  auto regime = request.PathId("regime");
  if (!regime.ok()) return ErrorResponse(regime.error());
  auto body = JsonBody::Parse(request, {"agency_id", "period", "document_id"});
  if (!body.ok()) return ErrorResponse(body.error());
  core::ReportSubmission submission;
  submission.regime_id = *regime;
  auto agency = IdField(*body, "agency_id");
  if (!agency.ok()) return ErrorResponse(agency.error());
  std::optional<core::Id> agency_id = *agency;
  if (!agency_id && actor->role == service::Role::kAgency) agency_id = actor->agency_id;
  if (!agency_id) {
    return ErrorResponse(InvalidField("agency_id", "thiếu cơ quan gửi báo cáo",
                                      "is required (the agency that reports)"));
  }
  submission.agency_id = *agency_id;
  auto period = PeriodField(*body);
  if (!period.ok()) return ErrorResponse(period.error());
  submission.period = *period;
  auto document = IdField(*body, "document_id");
  if (!document.ok()) return ErrorResponse(document.error());
  submission.document_id = *document;
  auto submitted = service::SubmitReport(store, *actor, submission, service::NowUtc());
  if (!submitted.ok()) return ErrorResponse(FromStatus(submitted.status()));
  return JsonResponse(
      json::object{{"submission", SubmissionJson(submitted->submission)},
                   {"reporting", TimelinessJson(submitted->due, submitted->timeliness)}},
      201);
}

ParamDoc FilterParam(const char* name, const char* type, const char* format, const char* what) {
  return {name, type, format, false, what, {}};
}

std::vector<ParamDoc> FilterParams() {
  return {FilterParam("indicator", "integer", "int64", "only this indicator"),
          FilterParam("period", "string", "", "only this period (2024, 2024-Q2, 2024-M03)"),
          FilterParam("agency", "integer", "int64", "only this agency")};
}

}  // namespace

Status AddPlanRoutes(Router& router, store::Store& store, const ApiOptions& options) {
  struct Entry {
    const char* method;
    const char* path;
    BodyKind body;
    RouteDoc doc;
    Response (*handler)(store::Store&, const ApiOptions&, const Request&);
  };
  const std::vector<Entry> entries = {
      {"GET", "/api/v1/indicators", BodyKind::kNone,
       RouteDoc{"Indicators (chỉ tiêu)",
                "Every indicator: name, unit, direction.",
                "plans",
                {},
                {400, 401, 403},
                "Object"},
       &ListIndicatorsHandler},
      {"POST", "/api/v1/indicators", BodyKind::kJson,
       RouteDoc{"Define an indicator",
                "Body {name, unit?, direction?: higher|lower (default higher)}. Office and "
                "admin. 201 with the indicator.",
                "plans",
                {},
                {400, 401, 403, 415, 422},
                "Object"},
       &AddIndicatorHandler},
      {"GET", "/api/v1/targets", BodyKind::kNone,
       RouteDoc{"Targets (kế hoạch, chỉ tiêu giao)",
                "Planned values per indicator, period and agency; one figure may have several "
                "plans (plan_source: province, central, ...). Agency staff: their agency's and "
                "the province-wide ones.",
                "plans",
                FilterParams(),
                {400, 401, 403},
                "Object"},
       &ListTargetsHandler},
      {"POST", "/api/v1/targets", BodyKind::kJson,
       RouteDoc{"Add a target",
                "Body {indicator_id, period, agency_id?, comparator?: >= <= = > < range approx "
                "(default >=), value? (all but range), low?, high? (range), plan_source?, "
                "document_id?}. Office and admin. 201 with the target.",
                "plans",
                {},
                {400, 401, 403, 415, 422},
                "Object"},
       &AddTargetHandler},
      {"GET", "/api/v1/figures", BodyKind::kNone,
       RouteDoc{"Reported figures (số liệu báo cáo)",
                "Actual values as submitted, with when and by whom. Agency staff: their "
                "agency's and the province-wide ones.",
                "plans",
                FilterParams(),
                {400, 401, 403},
                "Object"},
       &ListFiguresHandler},
      {"POST", "/api/v1/figures", BodyKind::kJson,
       RouteDoc{"Submit a figure for a period",
                "Body {indicator_id, period, value, agency_id? (agency staff: their own, the "
                "default), estimate?, note?, regime_id?, document_id?}. The submission time is "
                "the server's; with regime_id the response's reporting gives the due day and "
                "on_time or late. 201.",
                "plans",
                {},
                {400, 401, 403, 415, 422},
                "Object"},
       &SubmitFigureHandler},
      {"GET", "/api/v1/reports", BodyKind::kNone,
       RouteDoc{"Reporting regimes (chế độ báo cáo)",
                "Each periodic report: cadence, due day and month offset, recipient.",
                "plans",
                {},
                {400, 401, 403},
                "Object"},
       &ListRegimesHandler},
      {"GET", "/api/v1/reports/{regime}/submissions", BodyKind::kNone,
       RouteDoc{"Submissions of a report",
                "Agency staff: their agency's.",
                "plans",
                {},
                {400, 401, 403, 404},
                "Object"},
       &ListSubmissionsHandler},
      {"POST", "/api/v1/reports/{regime}/submissions", BodyKind::kJson,
       RouteDoc{"Submit a report for a period",
                "Body {period, agency_id? (agency staff: their own, the default), "
                "document_id?}. Recorded at the server's time and judged against the regime's "
                "due day: reporting.timeliness is on_time or late. 201.",
                "plans",
                {},
                {400, 401, 403, 404, 415, 422},
                "Object"},
       &SubmitReportHandler},
  };
  for (const Entry& e : entries) {
    auto handler = e.handler;
    Status s = router.Add(e.method, e.path, e.body, e.doc,
                          [&store, options, handler](const Request& request) {
                            return handler(store, options, request);
                          });
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace dondoc::http
