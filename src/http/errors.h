// HTTP errors: every error response of the API is JSON
//
//   {"error": "<code>",
//    "detail": "<Vietnamese text> / <English text>",
//    "detail_vi": "<Vietnamese text>", "detail_en": "<English text>"}
//
// `error` is a stable machine-readable code (snake_case, documented in the
// OpenAPI document's Error schema); `detail` is both texts in one string for
// people, the two separate fields for clients that show one language.
//
// Status codes: InvalidInput from the service layer is 422 (the request was
// well formed but the data are refused: an unknown agency, a bad date range);
// malformed requests found by the HTTP layer (query syntax, JSON syntax,
// nesting) are 400. NotFound 404, PermissionDenied 403, Conflict 409 (the
// thing's current state forbids the change: completing a completed task,
// deciding a decided request), IoError and Internal
// 500 with a generic text: the internal message goes to the log, never to
// the client.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "common/status.h"

namespace dondoc::http {

struct HttpError {
  int status = 500;
  std::string code;  // e.g. "not_found"
  std::string detail_vi;
  std::string detail_en;
  // Kept out of the response, written to the request's log line (5xx).
  std::string internal;
};

// The response body for `error` (serialised JSON, see above).
std::string ErrorBody(const HttpError& error);

// Maps a service/store Status (not ok) onto an HTTP error.
HttpError FromStatus(const Status& status);

namespace errors {
// 400: `name` is the offending query/path parameter; `why_vi`/`why_en` say
// what is wrong with it.
HttpError InvalidParameter(std::string_view name, std::string_view why_vi, std::string_view why_en);
HttpError BadRequest(std::string_view why_vi, std::string_view why_en);
HttpError MalformedJson(std::string_view why_en);
HttpError JsonTooDeep(int max_depth);
HttpError Unauthenticated();                                // 401
HttpError Forbidden(std::string_view why_en);               // 403
HttpError NotFound(std::string_view path);                  // 404
HttpError MethodNotAllowed(std::string_view method);        // 405
HttpError Conflict(std::string_view message_en);            // 409
HttpError RequestTimeout();                                 // 408
HttpError PayloadTooLarge(uint64_t limit);                  // 413
HttpError UnsupportedMediaType(std::string_view expected);  // 415
HttpError Unprocessable(std::string_view message_en);       // 422
HttpError HeaderTooLarge(uint64_t limit);                   // 431
HttpError Internal(std::string internal_message);           // 500
HttpError Unavailable(std::string_view why_vi, std::string_view why_en,
                      std::string internal_message);  // 503
}  // namespace errors

// A value or an HttpError: what request parsing helpers return.
template <typename T>
class HttpResult {
 public:
  HttpResult(T value) : data_(std::move(value)) {}          // NOLINT(google-explicit-constructor)
  HttpResult(HttpError error) : data_(std::move(error)) {}  // NOLINT(google-explicit-constructor)
  bool ok() const { return std::holds_alternative<T>(data_); }
  const HttpError& error() const { return std::get<HttpError>(data_); }
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, HttpError> data_;
};

}  // namespace dondoc::http
