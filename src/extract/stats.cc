#include "extract/steps.h"

namespace dondoc::extract {
// Placeholder until the statistics step lands.
std::vector<TaskStats> ExtractTaskStats(const DocumentContext&) { return {}; }
std::vector<ReportingRule> ExtractReportingRules(const DocumentContext&) { return {}; }
}  // namespace dondoc::extract
