// DOCX -> plain-text rendition (see reader.h for its form).
#pragma once

#include <string_view>

#include "common/status.h"
#include "document/reader.h"

namespace dondoc::document {

Result<ExtractedText> ReadDocx(std::string_view bytes, const ReadOptions& options);

}  // namespace dondoc::document
