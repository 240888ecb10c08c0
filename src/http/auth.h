// Who is making a request. Every non-public handler of /api/v1 starts with
//
//   auto actor = options.authenticate(request);
//   if (!actor.ok()) return ErrorResponse(actor.error());
//
// and passes *actor to the service use case, which checks the permission
// itself (service/permissions.h): the HTTP layer is never the only check.
// Public routes (no authentication): GET /api/v1/health, /api/v1/ready,
// /api/v1/openapi.json and POST /api/v1/login.
#pragma once

#include <functional>

#include "http/errors.h"
#include "http/message.h"
#include "service/actor.h"

namespace dondoc::http {

// Returns the actor of the request's session cookie or API token
// (`Authorization: Bearer <token>`), or
//   401 (code "unauthenticated") when neither is present and valid
//       (missing, unknown, expired, revoked, or the user is deactivated);
//   403 (code "csrf") for a cookie-authenticated write (POST, PUT, PATCH,
//       DELETE) without a valid X-CSRF-Token header. Bearer requests need
//       no CSRF token: a browser never adds the header on its own.
// Called on the server's worker threads: must be thread-safe.
using Authenticator = std::function<HttpResult<service::Actor>(const Request&)>;

}  // namespace dondoc::http
