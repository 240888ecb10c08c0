// Fuzzes the DOCX and PDF readers on arbitrary bytes (the format comes from
// the bytes, as in real use; the seed corpus holds small DOCX and PDF files)
// and checks what the CLI relies on: a rendition or an error value, one page
// per rendition line of a PDF, and no control characters a PDF could smuggle
// into the text layer. OCR is off: tesseract is far too slow per input.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "document/reader.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dondoc::document;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  ReadOptions options;
  options.ocr = OcrMode::kOff;
  options.max_pdf_pages = 20;
  options.max_docx_bytes = 8u << 20;
  options.max_docx_entries = 200;
  auto r = ReadDocument(bytes, options);
  if (!r.ok()) {
    Check(!r.status().message().empty());
    return 0;
  }
  Check(r->format == DetectFormat(bytes));
  if (r->format == Format::kText) {
    Check(r->text == bytes);
    return 0;
  }
  if (r->format == Format::kPdf) {
    Check(r->line_pages.size() ==
          static_cast<size_t>(std::count(r->text.begin(), r->text.end(), '\n')));
    for (uint32_t page : r->line_pages) Check(page >= 1 && page <= r->page_count);
    for (const char c : r->text) {
      Check(static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t');
    }
  }
  return 0;
}
