#include "cli/document_input.h"

#include "cli/cli.h"
#include "cli/file_input.h"

namespace dondoc::cli {
namespace {

Status NamingFile(const std::string& path, const Status& s) {
  switch (s.code()) {
    case StatusCode::kInvalidInput:
      return Status::InvalidInput(path + ": " + s.message());
    case StatusCode::kNotFound:
      return Status::NotFound(path + ": " + s.message());
    case StatusCode::kIoError:
      return Status::IoError(path + ": " + s.message());
    default:
      return Status::Internal(path + ": " + s.message());
  }
}

}  // namespace

Result<InputDocument> ReadDocumentAndClean(const std::string& path,
                                           const text::CleanOptions& options,
                                           const document::ReadOptions& read_options) {
  Result<std::string> bytes = ReadInputFile(path);
  if (!bytes.ok()) return bytes.status();
  Result<InputDocument> doc =
      service::ReadAndCleanBytes(std::move(bytes.value()), options, read_options);
  if (!doc.ok()) return NamingFile(path, doc.status());
  return doc;
}

Result<text::CleanedDocument> ReadAndClean(const std::string& path,
                                           const text::CleanOptions& options,
                                           const document::ReadOptions& read_options) {
  Result<InputDocument> doc = ReadDocumentAndClean(path, options, read_options);
  if (!doc.ok()) return doc.status();
  return std::move(doc->cleaned);
}

std::optional<document::OcrMode> ParseOcrMode(std::string_view name) {
  if (name == "auto") return document::OcrMode::kAuto;
  if (name == "off") return document::OcrMode::kOff;
  if (name == "force") return document::OcrMode::kForce;
  return std::nullopt;
}

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kInvalidInput:
    case StatusCode::kNotFound:
    case StatusCode::kPermissionDenied:
    case StatusCode::kConflict:
      return kExitUsage;
    default:
      return kExitInternal;
  }
}

}  // namespace dondoc::cli
