// Which coordinations an agency sees through successions, as an SQL
// condition shared by both stores' ListTasks (include_coordinating).
//
// A coordinating agency that merged away passes its open work to its
// successor as a lead does (core/task_status.h): on day D the successor
// sees the tasks its predecessors coordinate, and a completed task stays
// with the agency that held the coordination on its completion day.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/agency_history.h"

namespace dondoc::store {

// A condition over coordinations `c` and the timeline row `tl`: c's agency
// is held by the holder of `spans` (AgencyHistory::HeldBy) on the day that
// decides, the task's completion day or else `as_of_sql` (the parameter
// holding the list's day number). Ids and days are integers written into
// the text. Empty when `spans` is only the holder itself on every day (the
// caller then binds the agency as a parameter, one plan for all agencies).
std::string HeldCoordinationCondition(const std::vector<core::AgencyHistory::HeldSpan>& spans,
                                      std::string_view as_of_sql);

}  // namespace dondoc::store
