#include "http/message.h"

#include <boost/json.hpp>
#include <charconv>

namespace dondoc::http {
namespace {

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::optional<std::string> Request::Header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return value;
  }
  return std::nullopt;
}

std::optional<std::string> Request::PathParam(std::string_view name) const {
  for (const auto& [n, value] : path_params) {
    if (n == name) return value;
  }
  return std::nullopt;
}

HttpResult<core::Id> Request::PathId(std::string_view name) const {
  const std::string v = PathParam(name).value_or("");
  core::Id id = 0;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), id);
  if (v.empty() || ec != std::errc() || ptr != v.data() + v.size() || id <= 0) {
    return errors::InvalidParameter(name, "cần một số định danh dương",
                                    "expected a positive integer id");
  }
  return id;
}

Response JsonResponse(const boost::json::value& value, int status) {
  Response r;
  r.status = status;
  r.body = boost::json::serialize(value);
  return r;
}

Response ErrorResponse(const HttpError& error) {
  Response r;
  r.status = error.status;
  r.body = ErrorBody(error);
  r.log_detail = error.internal;
  return r;
}

HttpResult<boost::json::value> ParseJsonBody(const Request& request) {
  const std::string type = AsciiLower(request.Header("content-type").value_or(""));
  const std::string_view media = std::string_view(type).substr(0, type.find(';'));
  if (media.find_first_not_of(' ') == std::string_view::npos ||
      media.substr(0, media.find_last_not_of(' ') + 1) != "application/json") {
    return errors::UnsupportedMediaType("application/json");
  }
  boost::json::parse_options options;
  options.max_depth = static_cast<std::size_t>(request.json_max_depth);
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(request.body, ec, {}, options);
  if (ec == boost::json::error::too_deep) return errors::JsonTooDeep(request.json_max_depth);
  if (ec) return errors::MalformedJson(ec.message());
  return value;
}

}  // namespace dondoc::http
