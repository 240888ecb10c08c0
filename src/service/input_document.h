// Reading and cleaning one document from its bytes (text, DOCX or PDF):
// document::ReadDocument, then the text layer's decode, repair and layout.
// Shared by the import use case and the CLI commands that take a FILE.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "document/reader.h"
#include "text/clean.h"

namespace dondoc::service {

// A cleaned document and how it was read. For DOCX and PDF input,
// cleaned.original is the reader's text rendition, which spans refer to.
struct InputDocument {
  text::CleanedDocument cleaned;
  document::Format format = document::Format::kText;
  std::vector<uint32_t> line_pages;  // PDF: page of each rendition line
  uint32_t page_count = 0;
  std::vector<uint32_t> ocr_pages;
};

// Reads `bytes`, then decodes, repairs and lays them out. The lexicon for
// repair is loaded once per process. Errors do not name the file: callers
// prefix its name.
Result<InputDocument> ReadAndCleanBytes(std::string bytes, const text::CleanOptions& options,
                                        const document::ReadOptions& read_options);

}  // namespace dondoc::service
