// Reading and cleaning one input document, shared by the subcommands that
// take a FILE (clean, extract). Errors name the file.
#pragma once

#include <string>

#include "common/status.h"
#include "text/clean.h"

namespace dondoc::cli {

// Reads `path`, then decodes, repairs and lays it out. The lexicon for
// repair is loaded once per process.
Result<text::CleanedDocument> ReadAndClean(const std::string& path,
                                           const text::CleanOptions& options);

// The exit code for a failed status: 2 for bad input, 1 otherwise.
int ExitCodeFor(const Status& status);

}  // namespace dondoc::cli
