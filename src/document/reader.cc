#include "document/reader.h"

#include <new>
#include <utility>

#include "document/docx.h"
#include "document/pdf.h"

namespace dondoc::document {

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kText:
      return "text";
    case Format::kDocx:
      return "docx";
    case Format::kPdf:
      return "pdf";
  }
  return "text";
}

Format DetectFormat(std::string_view bytes) {
  if (bytes.starts_with("%PDF-")) return Format::kPdf;
  // A zip starts with a local file header; names are stored uncompressed,
  // so a DOCX holds its main part's name in the clear (twice, even when its
  // central directory is cut off). Other zips are left to the text layer,
  // which refuses binary data with its offset.
  if (bytes.starts_with(std::string_view("PK\x03\x04", 4)) &&
      bytes.find("word/document.xml") != std::string_view::npos) {
    return Format::kDocx;
  }
  return Format::kText;
}

Result<ExtractedText> ReadDocument(std::string bytes, const ReadOptions& options) {
  const Format format = DetectFormat(bytes);
  if (format == Format::kText) {
    ExtractedText out;
    out.text = std::move(bytes);
    return out;
  }
  // The libraries below may throw (std::bad_alloc at least): nothing escapes.
  try {
    return format == Format::kDocx ? ReadDocx(bytes, options) : ReadPdf(bytes, options);
  } catch (const std::bad_alloc&) {
    return Status::InvalidInput("document too large to read in memory");
  } catch (const std::exception& e) {
    return Status::Internal(std::string("reading the document failed: ") + e.what());
  }
}

}  // namespace dondoc::document
