// The task write routes and a task's detail (service/tasks.h):
//
//   POST /api/v1/tasks                                    create (201)
//   GET  /api/v1/tasks/{id}?as_of=                        detail as of a day
//   GET  /api/v1/tasks/{id}/events?as_of=                 its history
//   POST /api/v1/tasks/{id}/progress                      {percent, note?}
//   POST /api/v1/tasks/{id}/complete                      {evidence, completed_on?}
//   POST /api/v1/tasks/{id}/reopen                        {note}
//   POST /api/v1/tasks/{id}/cancel                        {note}
//   POST /api/v1/tasks/{id}/reassign                      {lead_agency_id, effective_on?, note?}
//   POST /api/v1/tasks/{id}/extensions                    {deadline, reason}
//   POST /api/v1/tasks/{id}/extensions/{event_id}/approve {deadline?, note?}
//   POST /api/v1/tasks/{id}/extensions/{event_id}/refuse  {note}
//   POST /api/v1/tasks/{id}/subtasks                      {lead_agency_id, text, ...} (201)
//   POST /api/v1/tasks/{id}/comments                      {text}
//   POST /api/v1/tasks/{id}/coordination                  {agency_id?, acknowledge?, contribution?}
//
// Every handler authenticates first (http/auth.h) and passes the actor to
// the service, which checks the permission. Bodies are strict (json_body.h):
// unknown fields and wrong types are 400 naming the field. Writes that
// record an event answer 201 with {"task_id", "event_id"} and a Location.

#include <boost/json.hpp>

#include "core/task_status.h"
#include "http/api.h"
#include "http/auth.h"
#include "http/json_body.h"
#include "service/import.h"
#include "service/tasks.h"

namespace dondoc::http {
namespace {

namespace json = boost::json;

json::value DateOrNull(const std::optional<core::Date>& d) {
  if (!d) return nullptr;
  return json::value(core::FormatIsoDate(*d));
}

json::value IdOrNull(const std::optional<core::Id>& id) {
  if (!id) return nullptr;
  return json::value(*id);
}

core::Date Today() { return core::LocalDay(service::NowUtc()); }

json::object EventJson(const core::TaskEvent& e) {
  return json::object{
      {"id", e.id},
      {"task_id", e.task_id},
      {"kind", core::TaskEventKindName(e.kind)},
      {"effective_on", core::FormatIsoDate(e.effective_on)},
      {"recorded_at", core::FormatIsoTimestamp(e.recorded_at)},
      {"actor_user_id", IdOrNull(e.actor_user_id)},
      {"deadline", DateOrNull(e.deadline)},
      {"agency_id", IdOrNull(e.agency_id)},
      {"progress_percent", e.progress_percent ? json::value(*e.progress_percent) : nullptr},
      {"request_event_id", IdOrNull(e.request_event_id)},
      {"note", e.note}};
}

json::object SnapshotJson(const service::TaskSnapshot& s) {
  return json::object{{"id", s.task.id},
                      {"parent_id", IdOrNull(s.task.parent_id)},
                      {"document_id", IdOrNull(s.task.document_id)},
                      {"text", s.task.text},
                      {"assigned_on", core::FormatIsoDate(s.task.assigned_on)},
                      {"first_deadline", DateOrNull(s.task.deadline)},
                      {"deadline_text", s.task.deadline_text},
                      {"lead_agency_id", s.lead_agency_id},
                      {"lead", s.lead_name},
                      {"status", s.status ? json::value(core::TaskStatusName(*s.status)) : nullptr},
                      {"cancelled", s.cancelled},
                      {"deadline", DateOrNull(s.deadline)},
                      {"completed_on", DateOrNull(s.completed_on)}};
}

json::object CoordinationJson(const core::Coordination& c) {
  return json::object{{"task_id", c.task_id},
                      {"agency_id", c.agency_id},
                      {"acknowledged_on", DateOrNull(c.acknowledged_on)},
                      {"contribution", c.contribution}};
}

json::object DetailJson(const service::TaskDetail& d) {
  json::object o = SnapshotJson(d.snapshot);
  o["as_of"] = core::FormatIsoDate(d.as_of);
  if (d.snapshot.task.span) {
    const core::SourceSpan& s = *d.snapshot.task.span;
    o["span"] = json::object{
        {"line_start", s.line_start}, {"line_end", s.line_end}, {"start", s.start}, {"end", s.end}};
  } else {
    o["span"] = nullptr;
  }
  json::array coordinations;
  for (const service::NamedCoordination& c : d.coordinations) {
    json::object row = CoordinationJson(c.coordination);
    row["agency"] = c.agency_name;
    coordinations.push_back(std::move(row));
  }
  o["coordinations"] = std::move(coordinations);
  json::array subtasks;
  for (const service::TaskSnapshot& s : d.subtasks) subtasks.push_back(SnapshotJson(s));
  o["subtasks"] = std::move(subtasks);
  json::array events;
  for (const core::TaskEvent& e : d.events) events.push_back(EventJson(e));
  o["events"] = std::move(events);
  o["pending_extension_request"] = IdOrNull(d.pending_extension_request);
  return o;
}

Response Created(const std::string& location, json::object body) {
  Response r = JsonResponse(std::move(body), 201);
  r.headers.emplace_back("Location", location);
  return r;
}

std::string TaskPath(core::Id id) { return "/api/v1/tasks/" + std::to_string(id); }

Response EventCreated(core::Id task_id, const Result<core::Id>& event) {
  if (!event.ok()) return ErrorResponse(FromStatus(event.status()));
  return Created(TaskPath(task_id) + "/events",
                 json::object{{"task_id", task_id}, {"event_id", *event}});
}

// The pieces every task handler needs: the actor and the task id.
struct TaskCall {
  service::Actor actor;
  core::Id task_id = 0;
};

HttpResult<TaskCall> Begin(const ApiOptions& options, const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return actor.error();
  auto id = request.PathId("id");
  if (!id.ok()) return id.error();
  return TaskCall{std::move(actor.value()), *id};
}

// Unwraps an HttpResult into `var`, or returns its error response.
// NOLINTBEGIN(bugprone-macro-parentheses): `var` names a variable.
#define TRY_HTTP(var, expr)                     \
  auto var##_result = (expr);                   \
  if (!var##_result.ok()) {                     \
    return ErrorResponse(var##_result.error()); \
  }                                             \
  auto var = std::move(var##_result.value())
// NOLINTEND(bugprone-macro-parentheses)

const std::vector<std::string_view> kSpanFields = {"line_start", "line_end", "start", "end"};

Response CreateTask(store::Store& store, const ApiOptions& options, const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  TRY_HTTP(body, JsonBody::Parse(
                     request, {"lead_agency_id", "coordinating_agency_ids", "text", "assigned_on",
                               "deadline", "deadline_text", "document_id", "span"}));
  service::NewTask task;
  TRY_HTTP(lead, body.RequiredId("lead_agency_id"));
  task.lead_agency_id = lead;
  TRY_HTTP(coordinating, body.IdList("coordinating_agency_ids"));
  task.coordinating_agency_ids = std::move(coordinating);
  TRY_HTTP(text, body.RequiredString("text"));
  task.text = std::move(text);
  TRY_HTTP(assigned_on, body.Date("assigned_on"));
  task.assigned_on = assigned_on.value_or(Today());
  TRY_HTTP(deadline, body.Date("deadline"));
  task.deadline = deadline;
  TRY_HTTP(deadline_text, body.String("deadline_text"));
  task.deadline_text = deadline_text.value_or("");
  TRY_HTTP(document, body.Id("document_id"));
  task.document_id = document;
  TRY_HTTP(span, body.Object("span", kSpanFields));
  if (span) {
    core::SourceSpan s;
    for (auto [name, slot] :
         {std::pair{"line_start", &s.line_start}, std::pair{"line_end", &s.line_end},
          std::pair{"start", &s.start}, std::pair{"end", &s.end}}) {
      TRY_HTTP(v, span->Int(name, 0, UINT32_MAX));
      if (!v) {
        return ErrorResponse(
            InvalidField(std::string("span.") + name, "bắt buộc phải có", "is required"));
      }
      *slot = static_cast<uint32_t>(*v);
    }
    task.span = s;
  }
  auto id = service::CreateTask(store, *actor, task, {});
  if (!id.ok()) return ErrorResponse(FromStatus(id.status()));
  return Created(TaskPath(*id), json::object{{"id", *id}});
}

Response GetTask(store::Store& store, const ApiOptions& options, const Request& request) {
  TRY_HTTP(call, Begin(options, request));
  if (auto e = request.query.RequireKnown({"as_of"})) return ErrorResponse(*e);
  TRY_HTTP(as_of, request.query.Date("as_of"));
  auto detail = service::GetTaskDetail(store, call.actor, call.task_id, as_of.value_or(Today()));
  if (!detail.ok()) return ErrorResponse(FromStatus(detail.status()));
  return JsonResponse(DetailJson(*detail));
}

Response ListEvents(store::Store& store, const ApiOptions& options, const Request& request) {
  TRY_HTTP(call, Begin(options, request));
  if (auto e = request.query.RequireKnown({"as_of"})) return ErrorResponse(*e);
  TRY_HTTP(as_of, request.query.Date("as_of"));
  auto events = service::ListTaskHistory(store, call.actor, call.task_id, as_of.value_or(Today()));
  if (!events.ok()) return ErrorResponse(FromStatus(events.status()));
  json::array list;
  for (const core::TaskEvent& e : *events) list.push_back(EventJson(e));
  return JsonResponse(json::object{{"task_id", call.task_id}, {"events", std::move(list)}});
}

Response Progress(store::Store& store, const ApiOptions& options, const Request& request) {
  TRY_HTTP(call, Begin(options, request));
  TRY_HTTP(body, JsonBody::Parse(request, {"percent", "note"}));
  TRY_HTTP(percent, body.Int("percent", 0, 100));
  if (!percent) {
    return ErrorResponse(InvalidField("percent", "bắt buộc phải có", "is required"));
  }
  TRY_HTTP(note, body.String("note"));
  return EventCreated(call.task_id,
                      service::ReportProgress(store, call.actor, call.task_id,
                                              static_cast<int>(*percent), note.value_or(""), {}));
}

Response Complete(store::Store& store, const ApiOptions& options, const Request& request) {
  TRY_HTTP(call, Begin(options, request));
  TRY_HTTP(body, JsonBody::Parse(request, {"evidence", "completed_on"}));
  TRY_HTTP(evidence, body.RequiredString("evidence"));
  TRY_HTTP(completed_on, body.Date("completed_on"));
  return EventCreated(call.task_id, service::CompleteTask(store, call.actor, call.task_id,
                                                          completed_on, evidence, {}));
}

Response Reopen(store::Store& store, const ApiOptions& options, const Request& request) {
  TRY_HTTP(call, Begin(options, request));
  TRY_HTTP(body, JsonBody::Parse(request, {"note"}));
  TRY_HTTP(note, body.RequiredString("note"));
  return EventCreated(call.task_id, service::ReopenTask(store, call.actor, call.task_id, note, {}));
}

Response Cancel(store::Store& store, const ApiOptions& options, const Request& request) {
  TRY_HTTP(call, Begin(options, request));
  TRY_HTTP(body, JsonBody::Parse(request, {"note"}));
  TRY_HTTP(note, body.RequiredString("note"));
  return EventCreated(call.task_id, service::CancelTask(store, call.actor, call.task_id, note, {}));
}

Response Reassign(store::Store& store, const ApiOptions& options, const Request& request) {
  TRY_HTTP(call, Begin(options, request));
  TRY_HTTP(body, JsonBody::Parse(request, {"lead_agency_id", "effective_on", "note"}));
  TRY_HTTP(lead, body.RequiredId("lead_agency_id"));
  TRY_HTTP(effective_on, body.Date("effective_on"));
  TRY_HTTP(note, body.String("note"));
  return EventCreated(call.task_id, service::ReassignTask(store, call.actor, call.task_id, lead,
                                                          effective_on, note.value_or(""), {}));
}

Response RequestExtension(store::Store& store, const ApiOptions& options, const Request& request) {
  TRY_HTTP(call, Begin(options, request));
  TRY_HTTP(body, JsonBody::Parse(request, {"deadline", "reason"}));
  TRY_HTTP(deadline, body.RequiredDate("deadline"));
  TRY_HTTP(reason, body.RequiredString("reason"));
  return EventCreated(call.task_id, service::RequestExtension(store, call.actor, call.task_id,
                                                              deadline, reason, {}));
}

Response Decide(store::Store& store, const ApiOptions& options, const Request& request,
                bool approve) {
  TRY_HTTP(call, Begin(options, request));
  TRY_HTTP(event_id, request.PathId("event_id"));
  if (approve) {
    TRY_HTTP(body, JsonBody::Parse(request, {"deadline", "note"}));
    TRY_HTTP(deadline, body.Date("deadline"));
    TRY_HTTP(note, body.String("note"));
    return EventCreated(
        call.task_id, service::ApproveExtension(store, call.actor, call.task_id, event_id, deadline,
                                                note.value_or(""), {}));
  }
  TRY_HTTP(body, JsonBody::Parse(request, {"note"}));
  TRY_HTTP(note, body.RequiredString("note"));
  return EventCreated(
      call.task_id, service::RefuseExtension(store, call.actor, call.task_id, event_id, note, {}));
}

Response Subtask(store::Store& store, const ApiOptions& options, const Request& request) {
  TRY_HTTP(call, Begin(options, request));
  TRY_HTTP(body, JsonBody::Parse(request, {"lead_agency_id", "coordinating_agency_ids", "text",
                                           "deadline", "deadline_text"}));
  service::NewSubtask sub;
  TRY_HTTP(lead, body.RequiredId("lead_agency_id"));
  sub.lead_agency_id = lead;
  TRY_HTTP(coordinating, body.IdList("coordinating_agency_ids"));
  sub.coordinating_agency_ids = std::move(coordinating);
  TRY_HTTP(text, body.RequiredString("text"));
  sub.text = std::move(text);
  TRY_HTTP(deadline, body.Date("deadline"));
  sub.deadline = deadline;
  TRY_HTTP(deadline_text, body.String("deadline_text"));
  sub.deadline_text = deadline_text.value_or("");
  auto id = service::DelegateSubtask(store, call.actor, call.task_id, sub, {});
  if (!id.ok()) return ErrorResponse(FromStatus(id.status()));
  return Created(TaskPath(*id), json::object{{"id", *id}, {"parent_id", call.task_id}});
}

Response Comment(store::Store& store, const ApiOptions& options, const Request& request) {
  TRY_HTTP(call, Begin(options, request));
  TRY_HTTP(body, JsonBody::Parse(request, {"text"}));
  TRY_HTTP(text, body.RequiredString("text"));
  return EventCreated(call.task_id,
                      service::CommentOnTask(store, call.actor, call.task_id, text, {}));
}

Response Coordination(store::Store& store, const ApiOptions& options, const Request& request) {
  TRY_HTTP(call, Begin(options, request));
  TRY_HTTP(body, JsonBody::Parse(request, {"agency_id", "acknowledge", "contribution"}));
  service::CoordinationUpdate update;
  TRY_HTTP(agency, body.Id("agency_id"));
  update.agency_id = agency;
  TRY_HTTP(acknowledge, body.Bool("acknowledge"));
  update.acknowledge = acknowledge.value_or(false);
  TRY_HTTP(contribution, body.String("contribution"));
  update.contribution = std::move(contribution);
  auto c = service::UpdateCoordination(store, call.actor, call.task_id, update, {});
  if (!c.ok()) return ErrorResponse(FromStatus(c.status()));
  return JsonResponse(CoordinationJson(*c));
}

#undef TRY_HTTP

ParamDoc AsOfParam(std::string_view what) {
  return {"as_of",
          "string",
          "date",
          false,
          "the day " + std::string(what) + ", YYYY-MM-DD (default: today in UTC+7)",
          {}};
}

struct WriteRoute {
  const char* pattern;
  const char* summary;
  const char* description;
  const char* request_schema;
  const char* response_schema;
  std::function<Response(store::Store&, const ApiOptions&, const Request&)> handle;
};

}  // namespace

Status AddTaskRoutes(Router& router, store::Store& store, const ApiOptions& options) {
  Status s = router.Add(
      "GET", "/api/v1/tasks/{id}", BodyKind::kNone,
      RouteDoc{"One task as of a day (chi tiết nhiệm vụ)",
               "The task with its lead, deadline in force, completion and status on that day, "
               "its coordinating agencies, its direct sub-tasks (as of the same day), every "
               "event, and the extension request waiting for a decision.",
               "tasks",
               {AsOfParam("to show the task as of (and whose lead may read it)")},
               {400, 401, 403, 404},
               "TaskDetail"},
      [&store, options](const Request& r) { return GetTask(store, options, r); });
  if (!s.ok()) return s;
  s = router.Add("GET", "/api/v1/tasks/{id}/events", BodyKind::kNone,
                 RouteDoc{"A task's history (lịch sử nhiệm vụ)",
                          "Every event of the task in the order recorded.",
                          "tasks",
                          {AsOfParam("whose lead may read it")},
                          {400, 401, 403, 404},
                          "TaskEventList"},
                 [&store, options](const Request& r) { return ListEvents(store, options, r); });
  if (!s.ok()) return s;

  RouteDoc create{"Create and assign a task (giao nhiệm vụ)",
                  "Office and admin only. The lead and coordinating agencies must exist on "
                  "assigned_on (default today); the deadline may not be before it.",
                  "tasks",
                  {},
                  {400, 401, 403, 415, 422},
                  "Created"};
  create.success_status = 201;
  s = router.Add(
      "POST", "/api/v1/tasks", BodyKind::kJson, std::move(create),
      [&store, options](const Request& r) { return CreateTask(store, options, r); },
      BodyDoc{"NewTask"});
  if (!s.ok()) return s;

  const std::vector<WriteRoute> writes = {
      {"/api/v1/tasks/{id}/progress", "Report progress (báo cáo tiến độ)",
       "The lead agency's staff, office or admin. percent 0..100 (100 does not complete the "
       "task). 409 when the task is completed or cancelled.",
       "ProgressBody", "EventCreated", Progress},
      {"/api/v1/tasks/{id}/complete", "Complete with evidence (báo cáo hoàn thành)",
       "The lead agency's staff, office or admin. completed_on defaults to today and may not be "
       "after it; a completion entered late counts from the day it is entered. 409 when already "
       "completed, cancelled, or a sub-task is still open.",
       "CompleteBody", "EventCreated", Complete},
      {"/api/v1/tasks/{id}/reopen", "Reopen a completed task (mở lại)",
       "Office and admin. 409 when the task is not completed, or its parent is closed.", "NoteBody",
       "EventCreated", Reopen},
      {"/api/v1/tasks/{id}/cancel", "Cancel a task (hủy nhiệm vụ)",
       "Office and admin. The task leaves every count from today; its open sub-tasks are "
       "cancelled with it. 409 when already cancelled.",
       "NoteBody", "EventCreated", Cancel},
      {"/api/v1/tasks/{id}/reassign", "Reassign to another lead agency (chuyển cơ quan chủ trì)",
       "Office and admin. From effective_on (default today, not after it).", "ReassignBody",
       "EventCreated", Reassign},
      {"/api/v1/tasks/{id}/extensions", "Request an extension (xin gia hạn)",
       "The lead agency's staff, office or admin: a deadline later than the one in force, and "
       "why. 409 while another request waits for a decision.",
       "ExtensionRequestBody", "EventCreated", RequestExtension},
      {"/api/v1/tasks/{id}/extensions/{event_id}/approve", "Approve an extension (đồng ý gia hạn)",
       "Leader, office or admin. The requested deadline (or the one given) is in force from "
       "today. 404 when event_id is not an event of the task, 422 when it is not a request, 409 "
       "when it is already decided.",
       "ApproveBody", "EventCreated",
       [](store::Store& st, const ApiOptions& o, const Request& r) {
         return Decide(st, o, r, true);
       }},
      {"/api/v1/tasks/{id}/extensions/{event_id}/refuse", "Refuse an extension (không gia hạn)",
       "Leader, office or admin; the deadline stays. 409 when already decided.", "NoteBody",
       "EventCreated",
       [](store::Store& st, const ApiOptions& o, const Request& r) {
         return Decide(st, o, r, false);
       }},
      {"/api/v1/tasks/{id}/subtasks", "Delegate a sub-task (giao nhiệm vụ con)",
       "The lead agency's staff, office or admin: a new task for another agency, assigned today, "
       "due no later than the parent.",
       "NewSubtask", "Created", Subtask},
      {"/api/v1/tasks/{id}/comments", "Comment (ý kiến)",
       "Lead or coordinating agency's staff, office or admin; also on a cancelled task.",
       "CommentBody", "EventCreated", Comment},
      {"/api/v1/tasks/{id}/coordination",
       "A coordinating agency acknowledges or records its contribution (phối hợp)",
       "Agency staff for their own agency (agency_id optional), office or admin (agency_id "
       "required). 409 when acknowledging twice. Answers 200 with the coordination.",
       "CoordinationBody", "Coordination", Coordination},
  };
  for (const WriteRoute& w : writes) {
    RouteDoc doc{w.summary,        w.description, "tasks", {}, {400, 401, 403, 404, 409, 415, 422},
                 w.response_schema};
    doc.success_status = std::string_view(w.response_schema) == "Coordination" ? 200 : 201;
    auto handle = w.handle;
    s = router.Add(
        "POST", w.pattern, BodyKind::kJson, std::move(doc),
        [&store, options, handle](const Request& r) { return handle(store, options, r); },
        BodyDoc{w.request_schema});
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace dondoc::http
