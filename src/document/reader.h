// Document readers: DOCX, PDF (with OCR of scanned pages) and plain text,
// each turned into a plain-text rendition for the text layer.
//
// The format is detected from the bytes, never from the file name: "%PDF-"
// is a PDF, a zip archive naming word/document.xml is a DOCX, anything else
// is text and is passed through unchanged (the text layer decodes it, and
// refuses binary data such as other zip archives).
//
// The rendition is UTF-8 with one paragraph per line:
//   DOCX  body paragraphs in order, automatic list labels written out, a
//         table row per line with cells separated by tabs, footnote
//         references as "[footnoteRef:N]" and each footnote body as
//         "[N: text]" at the end of the paragraph that cites it (the DOCX
//         form text::BuildLayout already links).
//   PDF   each page's text in reading order, page after page; a page with no
//         text layer is read by OCR. Each page after the first starts with a
//         space, as other PDF extractors do, which the layout reads as a page
//         start.
// For DOCX and PDF, the rendition IS the "original" of the extraction
// contract: spans, line numbers and byte offsets refer to it (dondoc clean
// --rendition prints it). For text input the original is the file itself.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace dondoc::document {

enum class Format : uint8_t { kText, kDocx, kPdf };

std::string_view FormatName(Format format);

Format DetectFormat(std::string_view bytes);

// When to read a PDF page by OCR instead of its text layer.
enum class OcrMode : uint8_t {
  kAuto,   // only pages whose text layer is (nearly) empty but not blank
  kOff,    // never: scanned pages come out empty
  kForce,  // every page
};

struct ReadOptions {
  OcrMode ocr = OcrMode::kAuto;
  // Where vie.traineddata is; empty: $TESSDATA_PREFIX, then the Debian path.
  std::string tessdata_dir;
  // Hostile-input caps. A PDF with more pages is refused.
  int max_pdf_pages = 3000;
  // Pixels per OCR'd page; larger pages are rendered below 300 dpi.
  int64_t max_render_pixels = 40'000'000;
  // Total uncompressed bytes a DOCX may unpack to, and its entry count.
  uint64_t max_docx_bytes = 200ULL << 20;
  uint64_t max_docx_entries = 20000;
};

struct ExtractedText {
  Format format = Format::kText;
  std::string text;  // the rendition (for kText the input bytes, untouched)
  // PDF only: the 1-based page of every line of `text` (index = line - 1).
  std::vector<uint32_t> line_pages;
  uint32_t page_count = 0;          // PDF only
  std::vector<uint32_t> ocr_pages;  // 1-based pages read by OCR
};

// Errors: kInvalidInput naming what is wrong with the file (bad zip, no
// word/document.xml, malformed XML, encrypted or damaged PDF, too large);
// kNotFound when OCR is needed and the Vietnamese OCR data is missing.
Result<ExtractedText> ReadDocument(std::string bytes, const ReadOptions& options);

}  // namespace dondoc::document
