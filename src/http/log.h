// One structured log line per request: a JSON object on one line, written
// to a sink (stderr in `dondoc serve`), e.g.
//
//   {"time":"2025-03-01T08:00:00.123Z","request_id":"7f3a-000001","method":"GET",
//    "path":"/api/v1/tasks","query":"as_of=2025-03-01&token=***","status":200,
//    "bytes":1234,"duration_ms":3.2,"user_id":7,"remote":"127.0.0.1"}
//
// The query is logged with the values of secret-looking parameters
// (password, token, secret, key, session, …) replaced by "***"; request
// bodies and headers are never logged. "error" holds the internal message of
// a 5xx (the client only sees a generic text).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "core/model.h"

namespace dondoc::http {

struct LogEntry {
  std::chrono::system_clock::time_point time;  // when the request started
  std::string request_id;
  std::string method;
  std::string path;
  std::string query;  // raw, redacted when formatted
  int status = 0;
  uint64_t bytes = 0;  // response body bytes
  double duration_ms = 0;
  std::optional<core::Id> user_id;
  std::string remote;
  std::string error;
};

// The query with secret values replaced by "***".
std::string RedactQuery(std::string_view raw_query);

std::string FormatLogLine(const LogEntry& entry);  // without the newline

// Thread-safe: one whole line per Write, lines never interleave.
class RequestLog {
 public:
  using Sink = std::function<void(std::string_view line)>;
  explicit RequestLog(Sink sink) : sink_(std::move(sink)) {}
  static Sink StderrSink();

  void Write(const LogEntry& entry);

 private:
  std::mutex mutex_;
  Sink sink_;
};

}  // namespace dondoc::http
