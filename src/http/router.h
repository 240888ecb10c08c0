// Routing by method and path pattern. A pattern is a '/'-separated path
// whose segments are literals or parameters in braces: "/api/v1/tasks/{id}".
// A path segment matches a parameter when it is non-empty; its value is
// percent-decoded (UTF-8 validated). Literal segments compare exactly, so
// "/api/v1/tasks/" (trailing slash) is not "/api/v1/tasks".
//
// Every route carries its documentation (RouteDoc), from which the OpenAPI
// document is built (http/openapi.h): what the router serves and what the
// document describes cannot drift apart.
//
// The router is filled before the server starts and read-only afterwards,
// so lookups from several threads need no lock.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "http/message.h"

namespace dondoc::http {

// What a route accepts as a body; it sets the body size limit the server
// applies: JSON bodies are small, uploads large (ServerOptions).
enum class BodyKind { kNone, kJson, kUpload };

struct ParamDoc {
  std::string name;
  std::string type;    // OpenAPI scalar: "string", "integer", "boolean"
  std::string format;  // optional: "date", "int64"
  bool required = false;
  std::string description;
  std::vector<std::string> values;  // an enum, when the value is one of these
};

struct RouteDoc {
  std::string summary;
  std::string description;
  std::string tag;
  std::vector<ParamDoc> query;
  std::vector<int> errors;  // status codes of documented error responses
  // Response bodies: the name of a schema in the OpenAPI components.
  std::string response_schema;
  // The status of a successful answer (201 created, 202 accepted) and its
  // media type (a non-JSON one, e.g. "text/plain", is described as a string).
  int success_status = 200;
  std::string response_media = "application/json";
};

// What a route takes beyond RouteDoc, for routes that say so (Router::Add's
// last argument): the JSON body's schema in the OpenAPI components (empty:
// any object).
struct BodyDoc {
  std::string request_schema;
};

using Handler = std::function<Response(const Request&)>;

struct Route {
  std::string method;
  std::string pattern;
  BodyKind body = BodyKind::kNone;
  RouteDoc doc;
  Handler handler;
  std::vector<std::string> segments;  // "{id}" for a parameter
  BodyDoc body_doc;
};

struct RouteMatch {
  enum Kind { kFound, kNotFound, kMethodNotAllowed, kBadPath };
  Kind kind = kNotFound;
  const Route* route = nullptr;
  std::vector<std::pair<std::string, std::string>> params;
  std::vector<std::string> allowed;  // for kMethodNotAllowed: the Allow header
};

class Router {
 public:
  // InvalidInput for a malformed pattern or a method+pattern added twice.
  Status Add(std::string method, std::string pattern, BodyKind body, RouteDoc doc, Handler handler);
  Status Add(std::string method, std::string pattern, BodyKind body, RouteDoc doc, Handler handler,
             BodyDoc body_doc);

  // `path` is the request path without the query, as sent (percent-encoded).
  RouteMatch Find(std::string_view method, std::string_view path) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace dondoc::http
