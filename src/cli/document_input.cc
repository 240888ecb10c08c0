#include "cli/document_input.h"

#include "cli/cli.h"
#include "cli/file_input.h"

namespace dondoc::cli {

Result<text::CleanedDocument> ReadAndClean(const std::string& path,
                                           const text::CleanOptions& options) {
  Result<std::string> bytes = ReadInputFile(path);
  if (!bytes.ok()) return bytes.status();
  std::shared_ptr<const text::Lexicon> lexicon;
  if (options.repair) {
    static const auto loaded = text::Lexicon::LoadDefault();
    if (!loaded.ok()) return loaded.status();
    lexicon = *loaded;
  }
  Result<text::CleanedDocument> doc = text::Clean(std::move(bytes.value()), options, lexicon.get());
  if (!doc.ok()) {
    const Status& s = doc.status();
    return s.code() == StatusCode::kInvalidInput ? Status::InvalidInput(path + ": " + s.message())
                                                 : Status::Internal(path + ": " + s.message());
  }
  return doc;
}

int ExitCodeFor(const Status& status) {
  return status.code() == StatusCode::kInvalidInput || status.code() == StatusCode::kNotFound
             ? kExitUsage
             : kExitInternal;
}

}  // namespace dondoc::cli
