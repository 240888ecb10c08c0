// The request a handler sees and the response it returns: plain values with
// no Boost.Beast types, so that handlers and the router can be tested
// without a socket. The server (http/server.h) fills a Request from the
// wire, runs the handler on its worker pool and writes the Response.
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model.h"
#include "http/errors.h"
#include "http/query.h"

namespace dondoc::http {

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string path;    // percent-encoded, as sent, without the query
  QueryParams query;
  std::vector<std::pair<std::string, std::string>> path_params;  // decoded
  std::vector<std::pair<std::string, std::string>> headers;      // names lower-case
  std::string body;
  std::string request_id;
  int json_max_depth = 32;  // the server's limit, for ParseJsonBody

  std::optional<std::string> Header(std::string_view lower_name) const;
  std::optional<std::string> PathParam(std::string_view name) const;
  // A path parameter that must be a positive id; 400 naming it otherwise.
  HttpResult<core::Id> PathId(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // Who made the request, once authenticated: written to the log line.
  std::optional<core::Id> user_id;
  // For errors: the internal message (logged, never sent).
  std::string log_detail;
};

Response JsonResponse(const boost::json::value& value, int status = 200);
Response ErrorResponse(const HttpError& error);

// The body as JSON: 415 unless the Content-Type is application/json, 400 on
// malformed JSON, invalid UTF-8 or nesting deeper than json_max_depth.
HttpResult<boost::json::value> ParseJsonBody(const Request& request);

}  // namespace dondoc::http
