// Tracking: the tasks and the four-way counts as of a day, with agency names
// resolved, and with what the actor may see (service/permissions.h): agency
// staff see only their own agency's tasks (lead or coordinating) and counts.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "core/model.h"
#include "core/task_status.h"
#include "service/actor.h"
#include "store/store.h"

namespace dondoc::service {

struct TaskQuery {
  core::Date as_of{};                 // required
  std::optional<std::string> agency;  // lead on as_of (by name or abbreviation)
  bool include_coordinating = false;  // with `agency`: also tasks it coordinates
  std::optional<core::TaskStatus> status;
  std::optional<core::Id> document_id;
  std::optional<core::Date> due_from;  // deadline in force on as_of, inclusive
  std::optional<core::Date> due_to;    // inclusive
  std::optional<std::string> text;     // diacritic-insensitive substring
  int limit = 0;                       // at most this many; 0 = all
  std::optional<core::Id> after_id;    // paging, by id ascending
  std::string province;                // helps match agency names
};

struct TaskRow {
  store::TaskView view;
  std::string lead_name;  // on as_of
  std::vector<std::string> coordinating_names;
};

Result<std::vector<TaskRow>> ListTasks(store::Store& store, const Actor& actor,
                                       const TaskQuery& query);

struct AgencyCounts {
  core::Id agency_id = 0;
  std::string agency_name;
  core::StatusCounts counts;
};

struct StatusReport {
  core::Date as_of{};
  std::vector<AgencyCounts> by_agency;  // by name; agencies with no task left out
  core::StatusCounts total;
};

// The counts as of `as_of`, per lead agency on that day and in total;
// `agency` (a name) keeps one agency.
Result<StatusReport> CountStatuses(store::Store& store, const Actor& actor, core::Date as_of,
                                   const std::optional<std::string>& agency,
                                   const std::string& province = "");

}  // namespace dondoc::service
