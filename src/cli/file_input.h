// Reading an input file with clear errors for the usual mistakes: missing
// file, a directory, unreadable, or larger than the configured limit.
#pragma once

#include <cstddef>
#include <string>

#include "common/status.h"

namespace dondoc::cli {

constexpr size_t kDefaultMaxInputBytes = size_t{512} << 20;  // 512 MiB

Result<std::string> ReadInputFile(const std::string& path,
                                  size_t max_bytes = kDefaultMaxInputBytes);

}  // namespace dondoc::cli
