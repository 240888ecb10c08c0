// PDF -> plain-text rendition (see reader.h for its form), with OCR of pages
// that have no text layer.
#pragma once

#include <string_view>

#include "common/status.h"
#include "document/reader.h"

namespace dondoc::document {

Result<ExtractedText> ReadPdf(std::string_view bytes, const ReadOptions& options);

}  // namespace dondoc::document
