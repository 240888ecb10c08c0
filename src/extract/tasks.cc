#include "extract/steps.h"

namespace dondoc::extract {
// Placeholder until the tasks step lands.
std::vector<Task> ExtractTasks(const DocumentContext&) { return {}; }
}  // namespace dondoc::extract
