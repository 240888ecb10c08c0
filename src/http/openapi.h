// The OpenAPI 3.0 document of a router: one operation per registered route,
// built from the route's RouteDoc (summary, description, query parameters,
// documented error statuses, response schema) and its pattern (path
// parameters). Every error response refers to the shared Error schema
// (http/errors.h).
#pragma once

#include <boost/json/value.hpp>
#include <string>

#include "http/router.h"

namespace dondoc::http {

boost::json::value BuildOpenApi(const Router& router, const std::string& version);

}  // namespace dondoc::http
