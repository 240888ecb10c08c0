#include "extract/steps.h"

namespace dondoc::extract {
// Placeholder until the targets step lands.
std::vector<Target> ExtractTargets(const DocumentContext&) { return {}; }
}  // namespace dondoc::extract
