// Query strings and path segments: percent-decoding (with '+' as a space in
// queries), strict UTF-8 validation of the decoded text, and typed
// accessors whose errors are 400s naming the parameter.
//
// A parameter given twice, an unknown parameter (RequireKnown) or a value
// that does not parse is refused rather than guessed at.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.h"
#include "http/errors.h"

namespace dondoc::http {

// Decodes %XX escapes (and '+' when `plus_is_space`); nullopt on a bad
// escape or when the result is not valid UTF-8 or contains a NUL byte.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);

// Strict UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool IsValidUtf8(std::string_view text);

class QueryParams {
 public:
  // Parses "a=1&b=x%20y". Empty pieces ("a=1&&b=2") are skipped.
  static HttpResult<QueryParams> Parse(std::string_view raw);

  // 400 naming the first parameter not in `known`.
  std::optional<HttpError> RequireKnown(const std::vector<std::string_view>& known) const;

  bool Has(std::string_view name) const;
  // Unset when absent; an empty value is a value.
  std::optional<std::string> String(std::string_view name) const;
  // Absent -> nullopt; present but not a YYYY-MM-DD date -> 400.
  HttpResult<std::optional<core::Date>> Date(std::string_view name) const;
  // Absent -> nullopt; not a decimal integer within [min, max] -> 400.
  HttpResult<std::optional<int64_t>> Int(std::string_view name, int64_t min, int64_t max) const;
  // Absent -> nullopt; one of true/false/1/0 -> the value; else 400.
  HttpResult<std::optional<bool>> Bool(std::string_view name) const;

  const std::vector<std::pair<std::string, std::string>>& pairs() const { return pairs_; }

 private:
  std::vector<std::pair<std::string, std::string>> pairs_;
};

}  // namespace dondoc::http
