#include "http/errors.h"

#include <boost/json.hpp>
#include <string>

namespace dondoc::http {

std::string ErrorBody(const HttpError& error) {
  boost::json::object o;
  o["error"] = error.code;
  o["detail"] = error.detail_vi + " / " + error.detail_en;
  o["detail_vi"] = error.detail_vi;
  o["detail_en"] = error.detail_en;
  return boost::json::serialize(o);
}

namespace {

HttpError Make(int status, std::string code, std::string vi, std::string en) {
  return HttpError{status, std::move(code), std::move(vi), std::move(en), {}};
}

std::string Str(std::string_view s) { return std::string(s); }

}  // namespace

HttpError FromStatus(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk:
      return errors::Internal("FromStatus called with an ok status");
    case StatusCode::kInvalidInput:
      return errors::Unprocessable(status.message());
    case StatusCode::kNotFound:
      return Make(404, "not_found", "Không tìm thấy: " + status.message(),
                  "Not found: " + status.message());
    case StatusCode::kPermissionDenied:
      return errors::Forbidden(status.message());
    case StatusCode::kConflict:
      return errors::Conflict(status.message());
    case StatusCode::kIoError:
    case StatusCode::kInternal:
      break;
  }
  return errors::Internal(status.message());
}

namespace errors {

HttpError InvalidParameter(std::string_view name, std::string_view why_vi,
                           std::string_view why_en) {
  return Make(400, "invalid_parameter", "Tham số '" + Str(name) + "' không hợp lệ: " + Str(why_vi),
              "invalid parameter '" + Str(name) + "': " + Str(why_en));
}

HttpError BadRequest(std::string_view why_vi, std::string_view why_en) {
  return Make(400, "bad_request", "Yêu cầu không hợp lệ: " + Str(why_vi),
              "bad request: " + Str(why_en));
}

HttpError MalformedJson(std::string_view why_en) {
  return Make(400, "malformed_json", "Nội dung JSON không đúng cú pháp",
              "malformed JSON body: " + Str(why_en));
}

HttpError JsonTooDeep(int max_depth) {
  const std::string n = std::to_string(max_depth);
  return Make(400, "json_too_deep", "Nội dung JSON lồng quá " + n + " cấp",
              "JSON body nested deeper than " + n + " levels");
}

HttpError Unauthenticated() {
  return Make(401, "unauthenticated", "Cần đăng nhập", "authentication required");
}

HttpError Forbidden(std::string_view why_en) {
  return Make(403, "forbidden", "Không có quyền thực hiện thao tác này",
              "permission denied: " + Str(why_en));
}

HttpError NotFound(std::string_view path) {
  return Make(404, "not_found", "Không có địa chỉ " + Str(path), "no such path " + Str(path));
}

HttpError MethodNotAllowed(std::string_view method) {
  return Make(405, "method_not_allowed",
              "Phương thức " + Str(method) + " không dùng được với địa chỉ này",
              "method " + Str(method) + " is not allowed on this path");
}

HttpError RequestTimeout() {
  return Make(408, "request_timeout", "Quá thời gian chờ yêu cầu",
              "the request was not received in time");
}

HttpError PayloadTooLarge(uint64_t limit) {
  const std::string n = std::to_string(limit);
  return Make(413, "payload_too_large", "Nội dung yêu cầu vượt quá " + n + " byte",
              "request body larger than " + n + " bytes");
}

HttpError UnsupportedMediaType(std::string_view expected) {
  return Make(415, "unsupported_media_type",
              "Kiểu nội dung không được hỗ trợ, cần " + Str(expected),
              "unsupported Content-Type, expected " + Str(expected));
}

HttpError Conflict(std::string_view message_en) {
  return Make(409, "conflict",
              "Trạng thái hiện tại không cho phép thao tác này: " + Str(message_en),
              "conflict with the current state: " + Str(message_en));
}

HttpError Unprocessable(std::string_view message_en) {
  return Make(422, "invalid_input", "Dữ liệu không hợp lệ: " + Str(message_en),
              "invalid input: " + Str(message_en));
}

HttpError HeaderTooLarge(uint64_t limit) {
  const std::string n = std::to_string(limit);
  return Make(431, "header_too_large", "Phần đầu yêu cầu vượt quá " + n + " byte",
              "request header larger than " + n + " bytes");
}

HttpError Internal(std::string internal_message) {
  HttpError e = Make(500, "internal", "Lỗi nội bộ của máy chủ", "internal server error");
  e.internal = std::move(internal_message);
  return e;
}

HttpError Unavailable(std::string_view why_vi, std::string_view why_en,
                      std::string internal_message) {
  HttpError e = Make(503, "unavailable", Str(why_vi), Str(why_en));
  e.internal = std::move(internal_message);
  return e;
}

}  // namespace errors
}  // namespace dondoc::http
