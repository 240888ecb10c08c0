// Strict reading of a JSON object body: a field the route does not know,
// a field of the wrong type or a missing required field is a 400 naming
// the field (never silently ignored), so that a client's typo fails loudly.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/errors.h"
#include "http/message.h"

namespace dondoc::http {

class JsonFields {
 public:
  // The body (ParseJsonBody's errors), which must be an object whose
  // fields are all in `known`.
  static HttpResult<JsonFields> Parse(const Request& request,
                                      std::initializer_list<std::string_view> known);

  bool Has(std::string_view name) const { return object_.contains(name); }
  bool IsNull(std::string_view name) const;

  // Absent: nullopt; present and of another type (null included): 400.
  HttpResult<std::optional<std::string>> String(std::string_view name) const;
  HttpResult<std::optional<bool>> Bool(std::string_view name) const;
  HttpResult<std::optional<int64_t>> Int(std::string_view name) const;
  // An array of strings (may be empty); anything else, null included: 400.
  HttpResult<std::optional<std::vector<std::string>>> StringList(std::string_view name) const;
  // Absent or of another type: 400.
  HttpResult<std::string> RequiredString(std::string_view name) const;

 private:
  explicit JsonFields(boost::json::object object) : object_(std::move(object)) {}
  boost::json::object object_;
};

// 400 "invalid_field" naming `name` and what it should be.
HttpError InvalidField(std::string_view name, std::string_view why_vi, std::string_view why_en);

}  // namespace dondoc::http
