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
  Result<document::ExtractedText> extracted =
      document::ReadDocument(std::move(bytes.value()), read_options);
  if (!extracted.ok()) return NamingFile(path, extracted.status());
  std::shared_ptr<const text::Lexicon> lexicon;
  if (options.repair) {
    static const auto loaded = text::Lexicon::LoadDefault();
    if (!loaded.ok()) return loaded.status();
    lexicon = *loaded;
  }
  text::CleanOptions clean = options;
  // A rendition is UTF-8 by construction, whatever --encoding says.
  if (extracted->format != document::Format::kText) clean.encoding = text::Encoding::kUtf8;
  Result<text::CleanedDocument> doc = text::Clean(std::move(extracted->text), clean, lexicon.get());
  if (!doc.ok()) return NamingFile(path, doc.status());
  InputDocument out;
  out.cleaned = std::move(doc.value());
  out.format = extracted->format;
  out.line_pages = std::move(extracted->line_pages);
  out.page_count = extracted->page_count;
  out.ocr_pages = std::move(extracted->ocr_pages);
  return out;
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
  return status.code() == StatusCode::kInvalidInput || status.code() == StatusCode::kNotFound
             ? kExitUsage
             : kExitInternal;
}

}  // namespace dondoc::cli
