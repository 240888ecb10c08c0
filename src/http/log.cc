#include "http/log.h"

#include <boost/json.hpp>
#include <cstdio>
#include <ctime>

namespace dondoc::http {
namespace {

bool IsSecretName(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  for (std::string_view word :
       {"pass", "token", "secret", "key", "session", "auth", "code", "signature"}) {
    if (lower.find(word) != std::string::npos) return true;
  }
  return false;
}

std::string FormatTime(std::chrono::system_clock::time_point t) {
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
  const std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(ms % 1000));
  return buf;
}

}  // namespace

std::string RedactQuery(std::string_view raw) {
  std::string out;
  size_t start = 0;
  while (start < raw.size()) {
    size_t end = raw.find('&', start);
    if (end == std::string_view::npos) end = raw.size();
    const std::string_view piece = raw.substr(start, end - start);
    if (!out.empty()) out += '&';
    const size_t eq = piece.find('=');
    if (eq != std::string_view::npos && IsSecretName(piece.substr(0, eq))) {
      out += piece.substr(0, eq);
      out += "=***";
    } else {
      out += piece;
    }
    start = end + 1;
  }
  return out;
}

std::string FormatLogLine(const LogEntry& e) {
  boost::json::object o;
  o["time"] = FormatTime(e.time);
  o["request_id"] = e.request_id;
  o["method"] = e.method;
  o["path"] = e.path;
  if (!e.query.empty()) o["query"] = RedactQuery(e.query);
  o["status"] = e.status;
  o["bytes"] = e.bytes;
  if (e.user_id) o["user_id"] = *e.user_id;
  if (!e.remote.empty()) o["remote"] = e.remote;
  if (!e.error.empty()) o["error"] = e.error;
  // Boost.JSON would write 0.292 as 2.92E-1: append the duration as %.3f.
  std::string line = boost::json::serialize(o);
  char duration[48];
  std::snprintf(duration, sizeof duration, ",\"duration_ms\":%.3f}", e.duration_ms);
  line.pop_back();
  line += duration;
  return line;
}

RequestLog::Sink RequestLog::StderrSink() {
  return [](std::string_view line) {
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
  };
}

void RequestLog::Write(const LogEntry& entry) {
  const std::string line = FormatLogLine(entry);
  std::lock_guard lock(mutex_);
  sink_(line);
}

}  // namespace dondoc::http
