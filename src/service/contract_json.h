// The extraction contract's JSON (../shared/docs/extract-contract.md) for
// each extracted item, written and read back. `dondoc extract` prints the
// whole object; an import stores each item's object as the payload of its
// proposal, and a confirmation reads it back (perhaps edited by a person).
//
// Readers accept what the writers produce and any subset of it: a missing
// or null field is an empty optional, a field of the wrong type is
// InvalidInput naming the field.
#pragma once

#include <boost/json.hpp>
#include <string_view>

#include "common/status.h"
#include "extract/model.h"

namespace dondoc::service {

boost::json::object SpanJson(const extract::Span& span);
boost::json::object DocumentInfoJson(const extract::DocumentInfo& document);
boost::json::object ReferenceJson(const extract::Reference& reference);
boost::json::object TaskJson(const extract::Task& task);
boost::json::object TargetJson(const extract::Target& target);
boost::json::object ResultJson(const extract::ResultItem& result);
boost::json::object ReportingRuleJson(const extract::ReportingRule& rule);
boost::json::object TaskStatsJson(const extract::TaskStats& stats);
// The whole contract object: document, references, tasks, targets, results,
// reporting_rules, task_stats.
boost::json::object ExtractionJson(const extract::Extraction& extraction);

Result<extract::Task> ParseTaskJson(std::string_view json);
Result<extract::Target> ParseTargetJson(std::string_view json);
Result<extract::ResultItem> ParseResultJson(std::string_view json);
Result<extract::ReportingRule> ParseReportingRuleJson(std::string_view json);

// "monthly" ... as in extract::CadenceName.
Result<extract::Cadence> ParseCadenceName(std::string_view name);

}  // namespace dondoc::service
