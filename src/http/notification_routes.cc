// The authenticated user's notifications (service/notifications.h):
//
//   GET  /api/v1/notifications             newest first, paged by id
//   POST /api/v1/notifications/{id}/read   mark one read
//
// Agency staff see their agency's, every other role the office's, and each
// user those addressed to them.

#include <boost/json.hpp>

#include "http/api.h"
#include "http/plan_json.h"
#include "service/import.h"
#include "service/notifications.h"

namespace dondoc::http {
namespace {

namespace json = boost::json;

Response ListHandler(store::Store& store, const ApiOptions& options, const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  const QueryParams& q = request.query;
  if (auto e = q.RequireKnown({"unread", "limit", "before"})) return ErrorResponse(*e);
  service::NotificationQuery query;
  auto unread = q.Bool("unread");
  if (!unread.ok()) return ErrorResponse(unread.error());
  query.unread_only = unread->value_or(false);
  auto limit = q.Int("limit", 1, options.max_page_size);
  if (!limit.ok()) return ErrorResponse(limit.error());
  const int page = static_cast<int>(limit->value_or(options.default_page_size));
  query.limit = page + 1;  // one more says whether there is a next page
  auto before = q.Int("before", 1, INT64_MAX);
  if (!before.ok()) return ErrorResponse(before.error());
  query.before_id = *before;
  auto list = service::ListNotifications(store, *actor, query);
  if (!list.ok()) return ErrorResponse(FromStatus(list.status()));
  json::array out;
  const size_t shown = std::min(list->size(), static_cast<size_t>(page));
  for (size_t i = 0; i < shown; ++i) out.push_back(NotificationJson((*list)[i]));
  json::value next = nullptr;
  if (list->size() > shown) next = (*list)[shown - 1].id;
  return JsonResponse(
      json::object{{"notifications", std::move(out)}, {"next_before", std::move(next)}});
}

Response ReadHandler(store::Store& store, const ApiOptions& options, const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  auto id = request.PathId("id");
  if (!id.ok()) return ErrorResponse(id.error());
  if (auto e = request.query.RequireKnown({})) return ErrorResponse(*e);
  if (!request.body.empty()) {
    return ErrorResponse(
        errors::BadRequest("yêu cầu này không có nội dung (body)", "this request takes no body"));
  }
  auto read = service::MarkNotificationRead(store, *actor, *id, service::NowUtc());
  if (!read.ok()) return ErrorResponse(FromStatus(read.status()));
  return JsonResponse(NotificationJson(*read));
}

}  // namespace

Status AddNotificationRoutes(Router& router, store::Store& store, const ApiOptions& options) {
  const std::string page_doc = "page size, 1.." + std::to_string(options.max_page_size) +
                               " (default " + std::to_string(options.default_page_size) + ")";
  Status s = router.Add(
      "GET", "/api/v1/notifications", BodyKind::kNone,
      RouteDoc{"My notifications (thông báo, nhắc việc)",
               "Reminders 7, 3 and 1 days before a deadline, overdue notices and reports due "
               "or missing, addressed to the user's agency (agency staff), to the office (other "
               "roles) or to the user; newest first. Pass next_before as before for the next "
               "page (null: last page).",
               "notifications",
               {{"unread", "boolean", "", false, "only those not read yet", {}},
                {"limit", "integer", "int32", false, page_doc, {}},
                {"before", "integer", "int64", false, "notifications with a smaller id", {}}},
               {400, 401, 403},
               "Object"},
      [&store, options](const Request& request) { return ListHandler(store, options, request); });
  if (!s.ok()) return s;
  return router.Add(
      "POST", "/api/v1/notifications/{id}/read", BodyKind::kNone,
      RouteDoc{"Mark a notification read",
               "Sets read_at once (again: unchanged). 404 for a notification not addressed to "
               "the user. No body.",
               "notifications",
               {},
               {400, 401, 403, 404},
               "Object"},
      [&store, options](const Request& request) { return ReadHandler(store, options, request); });
}

}  // namespace dondoc::http
