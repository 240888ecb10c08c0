// The extraction steps. Each reads the DocumentContext and returns its items;
// Extract (extract.h) runs them in order: header first (its date resolves
// dates without a year), then the rest.
#pragma once

#include <vector>

#include "extract/context.h"
#include "extract/model.h"

namespace dondoc::extract {

DocumentInfo ExtractHeader(const DocumentContext& ctx);                        // header.cc
std::vector<Reference> ExtractReferences(const DocumentContext& ctx);          // references.cc
std::vector<Task> ExtractTasks(const DocumentContext& ctx);                    // tasks.cc
std::vector<Target> ExtractTargets(const DocumentContext& ctx);                // targets.cc
std::vector<ResultItem> ExtractResults(const DocumentContext& ctx);            // results.cc
std::vector<TaskStats> ExtractTaskStats(const DocumentContext& ctx);           // stats.cc
std::vector<ReportingRule> ExtractReportingRules(const DocumentContext& ctx);  // stats.cc

}  // namespace dondoc::extract
