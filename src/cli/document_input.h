// Reading and cleaning one input document, shared by the subcommands that
// take a FILE (clean, extract). Errors name the file.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "document/reader.h"
#include "service/input_document.h"
#include "text/clean.h"

namespace dondoc::cli {

// A cleaned document and how it was read (service/input_document.h).
using InputDocument = service::InputDocument;

// Reads `path` (text, DOCX or PDF), then decodes, repairs and lays it out.
// The lexicon for repair is loaded once per process.
Result<InputDocument> ReadDocumentAndClean(const std::string& path,
                                           const text::CleanOptions& options,
                                           const document::ReadOptions& read_options);

Result<text::CleanedDocument> ReadAndClean(const std::string& path,
                                           const text::CleanOptions& options,
                                           const document::ReadOptions& read_options = {});

// "auto", "off", "force".
std::optional<document::OcrMode> ParseOcrMode(std::string_view name);

// The exit code for a failed status: 2 for bad input, an unknown name or a
// permission refused, 1 otherwise.
int ExitCodeFor(const Status& status);

}  // namespace dondoc::cli
