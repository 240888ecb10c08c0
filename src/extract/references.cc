#include "extract/steps.h"

namespace dondoc::extract {
// Placeholder until the references step lands.
std::vector<Reference> ExtractReferences(const DocumentContext&) { return {}; }
}  // namespace dondoc::extract
