// The settings of `dondoc serve`, from four sources, each overriding the
// one before: defaults < config file < environment < command-line flags.
//
//   key              environment               flag        default
//   db               DONDOC_DB                 --db        sqlite:./dondoc.db
//   listen           DONDOC_LISTEN             --listen    127.0.0.1:8080 (ADDR:PORT,
//                                                          [v6]:PORT; port 0 = any free)
//   threads          DONDOC_THREADS            --threads   2   (I/O threads)
//   workers          DONDOC_WORKERS            --workers   2   (handler threads)
//   header_limit     DONDOC_HEADER_LIMIT                   8KiB
//   json_body_limit  DONDOC_JSON_BODY_LIMIT                1MiB
//   upload_limit     DONDOC_UPLOAD_LIMIT                   50MiB
//   read_timeout     DONDOC_READ_TIMEOUT                   30s
//   idle_timeout     DONDOC_IDLE_TIMEOUT                   60s
//   shutdown_timeout DONDOC_SHUTDOWN_TIMEOUT               10s
//   json_max_depth   DONDOC_JSON_MAX_DEPTH                 32
//   page_size        DONDOC_PAGE_SIZE                      50
//   max_page_size    DONDOC_MAX_PAGE_SIZE                  500
//   province         DONDOC_PROVINCE                       (none)
// The config file is named by --config or DONDOC_CONFIG: lines
// "key = value", '#' starts a comment line; an unknown key or a bad value
// is an error naming the file, line and key. Sizes take K/KiB, M/MiB, G/GiB
// suffixes (all binary); durations take ms or s (plain numbers are seconds).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "http/api.h"
#include "http/server.h"

namespace dondoc::http {

struct ServeSettings {
  std::string db = "sqlite:./dondoc.db";
  ServerOptions server;
  ApiOptions api;
};

// Sets one key; InvalidInput naming the key and the value when either is bad.
Status ApplySetting(ServeSettings& settings, std::string_view key, std::string_view value);

// Applies a config file's text; `name` is used in messages ("FILE:LINE: ...").
Status ApplyConfigText(ServeSettings& settings, std::string_view text, const std::string& name);

using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;
EnvLookup ProcessEnvironment();

// Builds the settings: defaults, then the config file (flag "config", else
// DONDOC_CONFIG), then the environment, then `flags` (key, value) in order.
Result<ServeSettings> LoadServeSettings(
    const std::vector<std::pair<std::string, std::string>>& flags, const EnvLookup& env);

}  // namespace dondoc::http
