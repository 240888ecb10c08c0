// GET /api/v1/health, /api/v1/ready, /api/v1/openapi.json.

#include <boost/json.hpp>

#include "http/api.h"
#include "http/openapi.h"

namespace dondoc::http {

Status AddSystemRoutes(Router& router, store::Store& store, const ApiOptions& options) {
  const std::string version = options.version;
  Status s =
      router.Add("GET", "/api/v1/health", BodyKind::kNone,
                 RouteDoc{"Liveness: the process is up",
                          "Always 200 while the server runs; says nothing about the database.",
                          "system",
                          {},
                          {},
                          "Object"},
                 [version](const Request&) {
                   return JsonResponse(boost::json::object{{"status", "ok"}, {"version", version}});
                 });
  if (!s.ok()) return s;

  s = router.Add(
      "GET", "/api/v1/ready", BodyKind::kNone,
      RouteDoc{"Readiness: the database answers",
               "200 when the store answers a read and its schema is this build's version; "
               "503 otherwise (unreachable, or 'dondoc db migrate' needed).",
               "system",
               {},
               {503},
               "Object"},
      [&store](const Request&) {
        auto version = store.SchemaVersion();
        if (!version.ok()) {
          return ErrorResponse(errors::Unavailable("Cơ sở dữ liệu không trả lời",
                                                   "the database does not answer",
                                                   version.status().message()));
        }
        if (*version != store.LatestSchemaVersion()) {
          return ErrorResponse(
              errors::Unavailable("Cơ sở dữ liệu cần nâng cấp (dondoc db migrate)",
                                  "the database needs 'dondoc db migrate'",
                                  "schema version " + std::to_string(*version) + ", expected " +
                                      std::to_string(store.LatestSchemaVersion())));
        }
        return JsonResponse(boost::json::object{{"status", "ready"}, {"schema_version", *version}});
      });
  if (!s.ok()) return s;

  const Router* routes = &router;
  return router.Add(
      "GET", "/api/v1/openapi.json", BodyKind::kNone,
      RouteDoc{"This API's OpenAPI 3.0 document",
               "Built from the routes the server has registered.",
               "system",
               {},
               {},
               "Object"},
      [routes, version](const Request&) { return JsonResponse(BuildOpenApi(*routes, version)); });
}

}  // namespace dondoc::http
