// Strict JSON request bodies (the typed companion of json_fields.h, with
// dates, ids, id lists and nested objects): a body must be one JSON object whose fields
// are all known to the route; each field is read with its type checked.
// Every refusal is a 400 naming the field (code "invalid_field"):
//   unknown field 'colour'; field 'deadline': "2024-6-1" is not a YYYY-MM-DD
//   date; field 'percent': expected an integer in 0..100; field 'text' is
//   required.
// An empty body reads as {} (so that POST .../approve needs no body when
// every field is optional). JSON null is the same as an absent field.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/model.h"
#include "http/errors.h"
#include "http/json_fields.h"
#include "http/message.h"

namespace dondoc::http {

class JsonBody {
 public:
  // 415/400 as ParseJsonBody; 400 when the body is not an object or has a
  // field not in `known`.
  static HttpResult<JsonBody> Parse(const Request& request,
                                    const std::vector<std::string_view>& known);

  bool Has(std::string_view name) const;  // present and not null

  HttpResult<std::optional<std::string>> String(std::string_view name) const;
  HttpResult<std::string> RequiredString(std::string_view name) const;
  HttpResult<std::optional<int64_t>> Int(std::string_view name, int64_t min, int64_t max) const;
  HttpResult<std::optional<bool>> Bool(std::string_view name) const;
  // Any finite JSON number (integers included).
  HttpResult<std::optional<double>> Number(std::string_view name) const;
  HttpResult<std::optional<core::Date>> Date(std::string_view name) const;
  HttpResult<core::Date> RequiredDate(std::string_view name) const;
  // A positive id, or a list of distinct-or-not positive ids.
  HttpResult<std::optional<core::Id>> Id(std::string_view name) const;
  HttpResult<core::Id> RequiredId(std::string_view name) const;
  HttpResult<std::vector<core::Id>> IdList(std::string_view name) const;  // absent: empty
  // An object whose own fields are all in `known`.
  HttpResult<std::optional<JsonBody>> Object(std::string_view name,
                                             const std::vector<std::string_view>& known) const;

 private:
  explicit JsonBody(boost::json::object object, std::string prefix)
      : object_(std::move(object)), prefix_(std::move(prefix)) {}
  static HttpResult<JsonBody> FromObject(boost::json::object object,
                                         const std::vector<std::string_view>& known,
                                         std::string prefix);
  const boost::json::value* Get(std::string_view name) const;
  std::string Name(std::string_view name) const { return prefix_ + std::string(name); }

  boost::json::object object_;
  std::string prefix_;  // "span." for a nested object's fields
};

}  // namespace dondoc::http
