// The audit trail over HTTP (service/audit.h):
//
//   GET /api/v1/tasks/{id}/audit       the records about one task (whoever
//                                      may read the task may read them)
//   GET /api/v1/audit?entity=KIND&id=ID  the records about any entity
//                                      (admin and office)
//
// Each record: seq, at, actor_user_id, actor, action, entity, entity_id,
// before and after (the entity's JSON; null before a creation), prev_hash
// and hash, so that a client can re-check the links it was given.

#include <boost/json.hpp>

#include "http/api.h"
#include "service/audit.h"

namespace dondoc::http {
namespace {

namespace json = boost::json;

json::value JsonOrNull(const std::string& text) {
  if (text.empty()) return nullptr;
  boost::system::error_code ec;
  json::value value = json::parse(text, ec);
  if (ec) return json::value(text);  // never expected: the store writes JSON
  return value;
}

json::object RecordJson(const store::AuditRecord& r) {
  return json::object{{"seq", r.seq},
                      {"at", store::FormatAuditTime(r.at)},
                      {"actor_user_id", r.actor_user_id ? json::value(*r.actor_user_id) : nullptr},
                      {"actor", r.actor_name},
                      {"action", r.action},
                      {"entity", r.entity_kind},
                      {"entity_id", r.entity_id},
                      {"before", JsonOrNull(r.before)},
                      {"after", JsonOrNull(r.after)},
                      {"prev_hash", r.prev_hash},
                      {"hash", r.hash}};
}

Response TrailResponse(const std::string& kind, const std::string& id,
                       const std::vector<store::AuditRecord>& records) {
  json::array out;
  out.reserve(records.size());
  for (const store::AuditRecord& r : records) out.push_back(RecordJson(r));
  return JsonResponse(
      json::object{{"entity", kind}, {"entity_id", id}, {"records", std::move(out)}});
}

Response TaskTrail(store::Store& store, const ApiOptions& options, const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  if (auto e = request.query.RequireKnown({})) return ErrorResponse(*e);
  const std::string id = request.PathParam("id").value_or("");
  core::Id task_id = 0;
  bool number = !id.empty() && id.size() <= 18;
  for (const char c : id) {
    number = number && c >= '0' && c <= '9';
    if (number) task_id = task_id * 10 + (c - '0');
  }
  if (!number || task_id < 1) {
    return ErrorResponse(
        errors::InvalidParameter("id", "phải là số nguyên dương", "must be a positive integer"));
  }
  auto trail = service::TaskAuditTrail(store, *actor, task_id);
  if (!trail.ok()) return ErrorResponse(FromStatus(trail.status()));
  return TrailResponse("task", id, *trail);
}

Response EntityTrail(store::Store& store, const ApiOptions& options, const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  const QueryParams& q = request.query;
  if (auto e = q.RequireKnown({"entity", "id"})) return ErrorResponse(*e);
  const std::optional<std::string> kind = q.String("entity");
  const std::optional<std::string> id = q.String("id");
  if (!kind) {
    return ErrorResponse(errors::InvalidParameter("entity", "bắt buộc", "is required"));
  }
  if (!id || id->empty()) {
    return ErrorResponse(errors::InvalidParameter("id", "bắt buộc", "is required"));
  }
  auto trail = service::EntityAuditTrail(store, *actor, *kind, *id);
  if (!trail.ok()) return ErrorResponse(FromStatus(trail.status()));
  return TrailResponse(*kind, *id, *trail);
}

}  // namespace

Status AddAuditRoutes(Router& router, store::Store& store, const ApiOptions& options) {
  Status s = router.Add(
      "GET", "/api/v1/tasks/{id}/audit", BodyKind::kNone,
      RouteDoc{"The audit trail of a task (nhật ký thay đổi)",
               "Every recorded change of the task, its events and coordinations, oldest "
               "first: who, when, what, the value before and after, and the hash chain links. "
               "Whoever may read the task may read its trail.",
               "audit",
               {},
               {400, 401, 403, 404},
               "Object"},
      [&store, options](const Request& request) { return TaskTrail(store, options, request); });
  if (!s.ok()) return s;
  return router.Add(
      "GET", "/api/v1/audit", BodyKind::kNone,
      RouteDoc{"The audit trail of any entity (admin, office)",
               "The recorded changes of one entity, oldest first.",
               "audit",
               {{"entity", "string", "", true, "the kind of entity", service::AuditEntityKinds()},
                {"id", "string", "", true, "its id (a date for a calendar_day)", {}}},
               {400, 401, 403, 422},
               "Object"},
      [&store, options](const Request& request) { return EntityTrail(store, options, request); });
}

}  // namespace dondoc::http
