#include "extract/steps.h"

namespace dondoc::extract {
// Placeholder until the results step lands.
std::vector<ResultItem> ExtractResults(const DocumentContext&) { return {}; }
}  // namespace dondoc::extract
