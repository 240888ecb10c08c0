#include "http/json_body.h"

#include <boost/json.hpp>
#include <cmath>
#include <utility>

namespace dondoc::http {

namespace {

namespace json = boost::json;

HttpError Missing(const std::string& name) {
  return InvalidField(name, "bắt buộc phải có", "is required");
}

HttpError WrongType(const std::string& name, std::string_view vi, std::string_view en) {
  return InvalidField(name, std::string("cần ") + std::string(vi),
                      std::string("expected ") + std::string(en));
}

}  // namespace

HttpResult<JsonBody> JsonBody::Parse(const Request& request,
                                     const std::vector<std::string_view>& known) {
  if (request.body.empty()) return FromObject(json::object{}, known, "");
  auto value = ParseJsonBody(request);
  if (!value.ok()) return value.error();
  if (!value->is_object()) {
    return errors::BadRequest("nội dung phải là một đối tượng JSON",
                              "the body must be a JSON object");
  }
  return FromObject(std::move(value->as_object()), known, "");
}

HttpResult<JsonBody> JsonBody::FromObject(json::object object,
                                          const std::vector<std::string_view>& known,
                                          std::string prefix) {
  for (const auto& field : object) {
    bool ok = false;
    for (std::string_view k : known) ok = ok || field.key() == k;
    if (!ok) {
      return InvalidField(prefix + std::string(field.key()), "trường không được hỗ trợ",
                          "unknown field");
    }
  }
  return JsonBody(std::move(object), std::move(prefix));
}

const json::value* JsonBody::Get(std::string_view name) const {
  const json::value* v = object_.if_contains(name);
  if (!v || v->is_null()) return nullptr;
  return v;
}

bool JsonBody::Has(std::string_view name) const { return Get(name) != nullptr; }

HttpResult<std::optional<std::string>> JsonBody::String(std::string_view name) const {
  const json::value* v = Get(name);
  if (!v) return std::optional<std::string>();
  if (!v->is_string()) return WrongType(Name(name), "một chuỗi", "a string");
  return std::optional<std::string>(std::string(v->as_string()));
}

HttpResult<std::string> JsonBody::RequiredString(std::string_view name) const {
  auto v = String(name);
  if (!v.ok()) return v.error();
  if (!*v) return Missing(Name(name));
  return std::move(**v);
}

HttpResult<std::optional<int64_t>> JsonBody::Int(std::string_view name, int64_t min,
                                                 int64_t max) const {
  const json::value* v = Get(name);
  if (!v) return std::optional<int64_t>();
  const std::string range = std::to_string(min) + ".." + std::to_string(max);
  std::optional<int64_t> n;
  if (v->is_int64()) n = v->as_int64();
  if (v->is_uint64() && v->as_uint64() <= static_cast<uint64_t>(INT64_MAX)) {
    n = static_cast<int64_t>(v->as_uint64());
  }
  if (!n || *n < min || *n > max) {
    return WrongType(Name(name), "một số nguyên trong khoảng " + range, "an integer in " + range);
  }
  return n;
}

HttpResult<std::optional<bool>> JsonBody::Bool(std::string_view name) const {
  const json::value* v = Get(name);
  if (!v) return std::optional<bool>();
  if (!v->is_bool()) return WrongType(Name(name), "true hoặc false", "true or false");
  return std::optional<bool>(v->as_bool());
}

HttpResult<std::optional<double>> JsonBody::Number(std::string_view name) const {
  const json::value* v = Get(name);
  if (!v) return std::optional<double>();
  if (!v->is_number()) return WrongType(Name(name), "một số", "a number");
  const double d = v->to_number<double>();
  if (!std::isfinite(d)) return WrongType(Name(name), "một số hữu hạn", "a finite number");
  return std::optional<double>(d);
}

HttpResult<std::optional<core::Date>> JsonBody::Date(std::string_view name) const {
  const json::value* v = Get(name);
  if (!v) return std::optional<core::Date>();
  if (v->is_string()) {
    auto d = core::ParseIsoDate(std::string_view(v->as_string()));
    if (d.ok()) return std::optional<core::Date>(*d);
  }
  return WrongType(Name(name), "một ngày dạng YYYY-MM-DD", "a YYYY-MM-DD date");
}

HttpResult<core::Date> JsonBody::RequiredDate(std::string_view name) const {
  auto v = Date(name);
  if (!v.ok()) return v.error();
  if (!*v) return Missing(Name(name));
  return **v;
}

HttpResult<std::optional<core::Id>> JsonBody::Id(std::string_view name) const {
  return Int(name, 1, INT64_MAX);
}

HttpResult<core::Id> JsonBody::RequiredId(std::string_view name) const {
  auto v = Id(name);
  if (!v.ok()) return v.error();
  if (!*v) return Missing(Name(name));
  return **v;
}

HttpResult<std::vector<core::Id>> JsonBody::IdList(std::string_view name) const {
  const json::value* v = Get(name);
  std::vector<core::Id> ids;
  if (!v) return ids;
  if (!v->is_array()) {
    return WrongType(Name(name), "một mảng số định danh", "an array of positive integer ids");
  }
  for (const json::value& item : v->as_array()) {
    if (item.is_int64() && item.as_int64() > 0) {
      ids.push_back(item.as_int64());
    } else if (item.is_uint64() && item.as_uint64() <= static_cast<uint64_t>(INT64_MAX) &&
               item.as_uint64() > 0) {
      ids.push_back(static_cast<core::Id>(item.as_uint64()));
    } else {
      return WrongType(Name(name), "một mảng số định danh", "an array of positive integer ids");
    }
  }
  return ids;
}

HttpResult<std::optional<JsonBody>> JsonBody::Object(
    std::string_view name, const std::vector<std::string_view>& known) const {
  const json::value* v = Get(name);
  if (!v) return std::optional<JsonBody>();
  if (!v->is_object()) return WrongType(Name(name), "một đối tượng", "an object");
  auto fields = FromObject(v->as_object(), known, Name(name) + ".");
  if (!fields.ok()) return fields.error();
  return std::optional<JsonBody>(std::move(fields.value()));
}

}  // namespace dondoc::http
