// One-line summaries of extracted items for the review list ("Sở Tài chính:
// Rà soát ... | hạn 2024-06-30"). Long texts are cut at a code point
// boundary with "…".
#pragma once

#include <string>
#include <string_view>

#include "extract/model.h"

namespace dondoc::service {

std::string TaskSummary(const extract::Task& task);
std::string TargetSummary(const extract::Target& target);
std::string ResultSummary(const extract::ResultItem& result);
std::string ReportingRuleSummary(const extract::ReportingRule& rule);

// At most `max_code_points` code points of `text` (the last one "…" when cut).
std::string CutText(std::string_view text, size_t max_code_points);

// A number as short as it can be written exactly enough: 10, 18938.78.
std::string FormatNumber(double value);

}  // namespace dondoc::service
