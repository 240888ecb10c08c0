#include "http/json_fields.h"

#include <boost/json.hpp>
#include <string>

namespace dondoc::http {
namespace {

// Field names echoed in messages are cut: the body is the client's.
std::string Shown(std::string_view name) {
  std::string s(name.substr(0, 40));
  for (char& c : s) {
    if (static_cast<unsigned char>(c) < 0x20) c = '?';
  }
  return s;
}

}  // namespace

HttpError InvalidField(std::string_view name, std::string_view why_vi, std::string_view why_en) {
  HttpError e = errors::BadRequest("trường '" + Shown(name) + "': " + std::string(why_vi),
                                   "field '" + Shown(name) + "': " + std::string(why_en));
  e.code = "invalid_field";
  return e;
}

HttpResult<JsonFields> JsonFields::Parse(const Request& request,
                                         std::initializer_list<std::string_view> known) {
  auto body = ParseJsonBody(request);
  if (!body.ok()) return body.error();
  if (!body->is_object()) {
    return errors::BadRequest("nội dung phải là một đối tượng JSON",
                              "the body must be a JSON object");
  }
  boost::json::object& object = body->as_object();
  for (const auto& field : object) {
    bool found = false;
    for (std::string_view k : known) found = found || field.key() == k;
    if (!found) return InvalidField(field.key(), "không có trường này", "unknown field");
  }
  return JsonFields(std::move(object));
}

bool JsonFields::IsNull(std::string_view name) const {
  const boost::json::value* v = object_.if_contains(name);
  return v != nullptr && v->is_null();
}

HttpResult<std::optional<std::string>> JsonFields::String(std::string_view name) const {
  const boost::json::value* v = object_.if_contains(name);
  if (v == nullptr) return std::optional<std::string>();
  if (!v->is_string()) return InvalidField(name, "phải là chuỗi", "expected a string");
  return std::optional<std::string>(std::string(v->as_string()));
}

HttpResult<std::optional<bool>> JsonFields::Bool(std::string_view name) const {
  const boost::json::value* v = object_.if_contains(name);
  if (v == nullptr) return std::optional<bool>();
  if (!v->is_bool()) return InvalidField(name, "phải là true hoặc false", "expected a boolean");
  return std::optional<bool>(v->as_bool());
}

HttpResult<std::optional<int64_t>> JsonFields::Int(std::string_view name) const {
  const boost::json::value* v = object_.if_contains(name);
  if (v == nullptr) return std::optional<int64_t>();
  if (v->is_int64()) return std::optional<int64_t>(v->as_int64());
  if (v->is_uint64() && v->as_uint64() <= static_cast<uint64_t>(INT64_MAX)) {
    return std::optional<int64_t>(static_cast<int64_t>(v->as_uint64()));
  }
  return InvalidField(name, "phải là số nguyên", "expected an integer");
}

HttpResult<std::optional<std::vector<std::string>>> JsonFields::StringList(
    std::string_view name) const {
  const boost::json::value* v = object_.if_contains(name);
  if (v == nullptr) return std::optional<std::vector<std::string>>();
  if (!v->is_array()) {
    return InvalidField(name, "phải là mảng các chuỗi", "expected an array of strings");
  }
  std::vector<std::string> out;
  for (const boost::json::value& item : v->as_array()) {
    if (!item.is_string()) {
      return InvalidField(name, "phải là mảng các chuỗi", "expected an array of strings");
    }
    out.emplace_back(item.as_string());
  }
  return std::optional<std::vector<std::string>>(std::move(out));
}

HttpResult<std::string> JsonFields::RequiredString(std::string_view name) const {
  auto s = String(name);
  if (!s.ok()) return s.error();
  if (!s->has_value()) return InvalidField(name, "bắt buộc", "required");
  return std::move(**s);
}

}  // namespace dondoc::http
