// GET /api/v1/tasks and /api/v1/status: tracked tasks and the four-way
// counts as of a day (service/tracking.h).
//
// Both act as the authenticated user (http/auth.h), so that the service's
// permission checks apply: agency staff see their own agency's tasks only.

#include <boost/json.hpp>

#include "core/task_status.h"
#include "http/api.h"
#include "service/actor.h"
#include "service/import.h"
#include "service/tracking.h"

namespace dondoc::http {
namespace {

namespace json = boost::json;

json::value DateOrNull(const std::optional<core::Date>& d) {
  if (!d) return nullptr;
  return json::value(core::FormatIsoDate(*d));
}

json::object CountsJson(const core::StatusCounts& c) {
  return {{"done_on_time", c.done_on_time}, {"done_late", c.done_late},
          {"open_in_time", c.open_in_time}, {"open_overdue", c.open_overdue},
          {"no_deadline", c.no_deadline},   {"total", c.total}};
}

json::object TaskJson(const service::TaskRow& r) {
  const store::TaskView& v = r.view;
  json::array coordinating;
  for (const std::string& n : r.coordinating_names) coordinating.emplace_back(n);
  return json::object{
      {"id", v.task.id},
      {"document_id", v.task.document_id ? json::value(*v.task.document_id) : nullptr},
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

core::Date Today() { return core::LocalDay(service::NowUtc()); }

const std::vector<std::string> kStatusNames = {"done_on_time", "done_late", "open_in_time",
                                               "open_overdue"};

ParamDoc AsOfParam() {
  return {"as_of", "string", "date", false, "the day, YYYY-MM-DD (default: today in UTC+7)", {}};
}

Response ListTasks(store::Store& store, const ApiOptions& options, const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  const QueryParams& q = request.query;
  if (auto e = q.RequireKnown({"as_of", "agency", "coordinating", "status", "document", "due_from",
                               "due_to", "text", "limit", "after"})) {
    return ErrorResponse(*e);
  }
  service::TaskQuery query;
  query.province = options.province;
  auto as_of = q.Date("as_of");
  if (!as_of.ok()) return ErrorResponse(as_of.error());
  query.as_of = as_of->value_or(Today());
  query.agency = q.String("agency");
  auto coordinating = q.Bool("coordinating");
  if (!coordinating.ok()) return ErrorResponse(coordinating.error());
  query.include_coordinating = coordinating->value_or(false);
  if (query.include_coordinating && !query.agency) {
    return ErrorResponse(errors::InvalidParameter("coordinating", "cần kèm tham số agency",
                                                  "needs the agency parameter"));
  }
  if (auto status = q.String("status")) {
    auto parsed = core::ParseTaskStatus(*status);
    if (!parsed.ok()) {
      return ErrorResponse(errors::InvalidParameter(
          "status", "phải là done_on_time, done_late, open_in_time hoặc open_overdue",
          "must be done_on_time, done_late, open_in_time or open_overdue"));
    }
    query.status = *parsed;
  }
  auto document = q.Int("document", 1, INT64_MAX);
  if (!document.ok()) return ErrorResponse(document.error());
  query.document_id = *document;
  auto due_from = q.Date("due_from");
  if (!due_from.ok()) return ErrorResponse(due_from.error());
  query.due_from = *due_from;
  auto due_to = q.Date("due_to");
  if (!due_to.ok()) return ErrorResponse(due_to.error());
  query.due_to = *due_to;
  query.text = q.String("text");
  auto limit = q.Int("limit", 1, options.max_page_size);
  if (!limit.ok()) return ErrorResponse(limit.error());
  auto after = q.Int("after", 1, INT64_MAX);
  if (!after.ok()) return ErrorResponse(after.error());
  query.after_id = *after;
  const int page = static_cast<int>(limit->value_or(options.default_page_size));
  query.limit = page + 1;  // one more says whether there is a next page

  auto rows = service::ListTasks(store, *actor, query);
  if (!rows.ok()) return ErrorResponse(FromStatus(rows.status()));
  json::array tasks;
  const size_t shown = std::min(rows->size(), static_cast<size_t>(page));
  for (size_t i = 0; i < shown; ++i) tasks.push_back(TaskJson((*rows)[i]));
  json::value next = nullptr;
  if (rows->size() > shown) next = (*rows)[shown - 1].view.task.id;
  return JsonResponse(json::object{{"as_of", core::FormatIsoDate(query.as_of)},
                                   {"tasks", std::move(tasks)},
                                   {"next_after", std::move(next)}});
}

Response CountStatuses(store::Store& store, const ApiOptions& options, const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  const QueryParams& q = request.query;
  if (auto e = q.RequireKnown({"as_of", "agency"})) return ErrorResponse(*e);
  auto as_of = q.Date("as_of");
  if (!as_of.ok()) return ErrorResponse(as_of.error());
  const core::Date day = as_of->value_or(Today());
  auto report = service::CountStatuses(store, *actor, day, q.String("agency"), options.province);
  if (!report.ok()) return ErrorResponse(FromStatus(report.status()));
  json::array by_agency;
  for (const service::AgencyCounts& a : report->by_agency) {
    json::object o = CountsJson(a.counts);
    o["agency_id"] = a.agency_id;
    o["agency"] = a.agency_name;
    by_agency.push_back(std::move(o));
  }
  return JsonResponse(json::object{{"as_of", core::FormatIsoDate(day)},
                                   {"by_agency", std::move(by_agency)},
                                   {"total", CountsJson(report->total)}});
}

}  // namespace

Status AddTrackingRoutes(Router& router, store::Store& store, const ApiOptions& options) {
  const std::string page_doc = "page size, 1.." + std::to_string(options.max_page_size) +
                               " (default " + std::to_string(options.default_page_size) + ")";
  Status s = router.Add(
      "GET", "/api/v1/tasks", BodyKind::kNone,
      RouteDoc{
          "Tracked tasks as of a day (danh sách nhiệm vụ)",
          "Each task with its lead agency on that day (after reassignments and mergers), "
          "the deadline in force, completion day and status. Paged by id: pass the "
          "response's next_after as 'after' for the next page (null: last page).",
          "tracking",
          {AsOfParam(),
           {"agency",
            "string",
            "",
            false,
            "only tasks this agency leads (name or abbreviation)",
            {}},
           {"coordinating", "boolean", "", false, "with agency: also tasks it coordinates", {}},
           {"status", "string", "", false, "only tasks with this status", kStatusNames},
           {"document", "integer", "int64", false, "only tasks from this document", {}},
           {"due_from",
            "string",
            "date",
            false,
            "only tasks whose deadline in force on as_of is on or after this day",
            {}},
           {"due_to",
            "string",
            "date",
            false,
            "only tasks whose deadline in force on as_of is on or before this day",
            {}},
           {"text", "string", "", false, "text contains this (accents optional)", {}},
           {"limit", "integer", "int32", false, page_doc, {}},
           {"after", "integer", "int64", false, "tasks with a larger id (paging)", {}}},
          {400, 401, 403, 422},
          "Object"},
      [&store, options](const Request& request) { return ListTasks(store, options, request); });
  if (!s.ok()) return s;
  return router.Add(
      "GET", "/api/v1/status", BodyKind::kNone,
      RouteDoc{"Four-way counts by agency as of a day (tình hình thực hiện)",
               "done_on_time, done_late, open_in_time (no_deadline included), open_overdue per "
               "lead agency on that day, with totals.",
               "tracking",
               {AsOfParam(), {"agency", "string", "", false, "only this agency", {}}},
               {400, 401, 403, 422},
               "Object"},
      [&store, options](const Request& request) { return CountStatuses(store, options, request); });
}

}  // namespace dondoc::http
