#include "extract/steps.h"

namespace dondoc::extract {
// Placeholder until the header step lands.
DocumentInfo ExtractHeader(const DocumentContext&) { return {}; }
}  // namespace dondoc::extract
