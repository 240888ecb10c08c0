#include "http/settings.h"

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace dondoc::http {
namespace {

struct KeyInfo {
  std::string_view key;
  std::string_view env;
};

constexpr KeyInfo kKeys[] = {
    {"db", "DONDOC_DB"},
    {"listen", "DONDOC_LISTEN"},
    {"threads", "DONDOC_THREADS"},
    {"workers", "DONDOC_WORKERS"},
    {"header_limit", "DONDOC_HEADER_LIMIT"},
    {"json_body_limit", "DONDOC_JSON_BODY_LIMIT"},
    {"upload_limit", "DONDOC_UPLOAD_LIMIT"},
    {"read_timeout", "DONDOC_READ_TIMEOUT"},
    {"idle_timeout", "DONDOC_IDLE_TIMEOUT"},
    {"shutdown_timeout", "DONDOC_SHUTDOWN_TIMEOUT"},
    {"json_max_depth", "DONDOC_JSON_MAX_DEPTH"},
    {"page_size", "DONDOC_PAGE_SIZE"},
    {"max_page_size", "DONDOC_MAX_PAGE_SIZE"},
    {"province", "DONDOC_PROVINCE"},
};

std::string_view Trim(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  const size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

std::optional<uint64_t> ParseUnsigned(std::string_view s) {
  uint64_t n = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (s.empty() || ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return n;
}

std::optional<uint64_t> ParseSize(std::string_view s) {
  struct Suffix {
    std::string_view text;
    uint64_t factor;
  };
  constexpr Suffix kSuffixes[] = {{"KiB", 1ULL << 10}, {"MiB", 1ULL << 20}, {"GiB", 1ULL << 30},
                                  {"K", 1ULL << 10},   {"M", 1ULL << 20},   {"G", 1ULL << 30}};
  for (const Suffix& x : kSuffixes) {
    if (s.size() > x.text.size() && s.ends_with(x.text)) {
      auto n = ParseUnsigned(Trim(s.substr(0, s.size() - x.text.size())));
      if (!n || *n > (1ULL << 40)) return std::nullopt;
      return *n * x.factor;
    }
  }
  return ParseUnsigned(s);
}

std::optional<std::chrono::milliseconds> ParseDuration(std::string_view s) {
  if (s.ends_with("ms")) {
    auto n = ParseUnsigned(Trim(s.substr(0, s.size() - 2)));
    if (!n || *n > 86400000ULL) return std::nullopt;
    return std::chrono::milliseconds(*n);
  }
  if (s.ends_with("s")) s = Trim(s.substr(0, s.size() - 1));
  auto n = ParseUnsigned(s);
  if (!n || *n > 86400) return std::nullopt;
  return std::chrono::milliseconds(*n * 1000);
}

Status BadValue(std::string_view key, std::string_view value, std::string_view expected) {
  return Status::InvalidInput("bad value '" + std::string(value) + "' for '" + std::string(key) +
                              "': expected " + std::string(expected));
}

// "ADDR:PORT" or "[V6ADDR]:PORT".
bool ParseListen(std::string_view value, std::string& address, uint16_t& port) {
  size_t colon;
  std::string_view host;
  if (value.starts_with("[")) {
    const size_t close = value.find(']');
    if (close == std::string_view::npos || close + 1 >= value.size() || value[close + 1] != ':') {
      return false;
    }
    host = value.substr(1, close - 1);
    colon = close + 1;
  } else {
    colon = value.rfind(':');
    if (colon == std::string_view::npos) return false;
    host = value.substr(0, colon);
  }
  auto p = ParseUnsigned(value.substr(colon + 1));
  if (host.empty() || !p || *p > 65535) return false;
  address = std::string(host);
  port = static_cast<uint16_t>(*p);
  return true;
}

}  // namespace

Status ApplySetting(ServeSettings& s, std::string_view key, std::string_view value) {
  auto int_in = [&](int lo, int hi, int& out) -> Status {
    auto n = ParseUnsigned(value);
    if (!n || *n < static_cast<uint64_t>(lo) || *n > static_cast<uint64_t>(hi)) {
      return BadValue(key, value, "an integer " + std::to_string(lo) + ".." + std::to_string(hi));
    }
    out = static_cast<int>(*n);
    return Status::Ok();
  };
  auto size = [&](uint64_t& out) -> Status {
    auto n = ParseSize(value);
    if (!n) return BadValue(key, value, "a size such as 8KiB, 1MiB or 1048576");
    out = *n;
    return Status::Ok();
  };
  auto duration = [&](std::chrono::milliseconds& out) -> Status {
    auto d = ParseDuration(value);
    if (!d) return BadValue(key, value, "a duration such as 30s or 1500ms");
    out = *d;
    return Status::Ok();
  };
  if (key == "db") {
    if (value.empty()) return BadValue(key, value, "a database URL");
    s.db = std::string(value);
    return Status::Ok();
  }
  if (key == "listen") {
    if (!ParseListen(value, s.server.address, s.server.port)) {
      return BadValue(key, value, "ADDRESS:PORT such as 127.0.0.1:8080");
    }
    return Status::Ok();
  }
  if (key == "threads") return int_in(1, 64, s.server.io_threads);
  if (key == "workers") return int_in(1, 256, s.server.workers);
  if (key == "header_limit") return size(s.server.header_limit);
  if (key == "json_body_limit") return size(s.server.json_body_limit);
  if (key == "upload_limit") return size(s.server.upload_body_limit);
  if (key == "read_timeout") return duration(s.server.read_timeout);
  if (key == "idle_timeout") return duration(s.server.idle_timeout);
  if (key == "shutdown_timeout") return duration(s.server.shutdown_timeout);
  if (key == "json_max_depth") return int_in(1, 1000, s.server.json_max_depth);
  if (key == "page_size") return int_in(1, 100000, s.api.default_page_size);
  if (key == "max_page_size") return int_in(1, 100000, s.api.max_page_size);
  if (key == "province") {
    s.api.province = std::string(value);
    return Status::Ok();
  }
  return Status::InvalidInput("unknown setting '" + std::string(key) + "'");
}

Status ApplyConfigText(ServeSettings& settings, std::string_view text, const std::string& name) {
  size_t line_no = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = Trim(text.substr(start, end - start));
    start = end + 1;
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    const std::string where = name + ":" + std::to_string(line_no) + ": ";
    const size_t eq = line.find('=');
    if (eq == std::string_view::npos) {
      return Status::InvalidInput(where + "expected 'key = value', got '" + std::string(line) +
                                  "'");
    }
    const std::string_view key = Trim(line.substr(0, eq));
    std::string_view value = Trim(line.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    if (Status st = ApplySetting(settings, key, value); !st.ok()) {
      return Status::InvalidInput(where + st.message());
    }
  }
  return Status::Ok();
}

EnvLookup ProcessEnvironment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* v = std::getenv(name.c_str());  // NOLINT(concurrency-mt-unsafe): startup only
    if (v == nullptr) return std::nullopt;
    return std::string(v);
  };
}

Result<ServeSettings> LoadServeSettings(
    const std::vector<std::pair<std::string, std::string>>& flags, const EnvLookup& env) {
  ServeSettings settings;
  std::optional<std::string> config;
  for (const auto& [key, value] : flags) {
    if (key == "config") config = value;
  }
  if (!config) config = env("DONDOC_CONFIG");
  if (config) {
    std::ifstream in(*config, std::ios::binary);
    if (!in) return Status::InvalidInput("cannot read config file '" + *config + "'");
    std::ostringstream text;
    text << in.rdbuf();
    if (Status s = ApplyConfigText(settings, text.str(), *config); !s.ok()) return s;
  }
  for (const KeyInfo& k : kKeys) {
    if (auto v = env(std::string(k.env))) {
      if (Status s = ApplySetting(settings, k.key, *v); !s.ok()) {
        return Status::InvalidInput("environment " + std::string(k.env) + ": " + s.message());
      }
    }
  }
  for (const auto& [key, value] : flags) {
    if (key == "config") continue;
    if (Status s = ApplySetting(settings, key, value); !s.ok()) {
      return Status::InvalidInput("--" + key + ": " + s.message());
    }
  }
  if (settings.api.max_page_size < settings.api.default_page_size) {
    return Status::InvalidInput("page_size " + std::to_string(settings.api.default_page_size) +
                                " is larger than max_page_size " +
                                std::to_string(settings.api.max_page_size));
  }
  if (Status s = ValidateServerOptions(settings.server); !s.ok()) return s;
  return settings;
}

}  // namespace dondoc::http
