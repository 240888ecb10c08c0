// The four statuses of a task as of a day, rebuilt from its events.
//
// The rules (design brief, "Rules to get exactly right"), for a day D:
//   - the deadline in force is the first deadline, replaced by each approved
//     extension from the day it is approved;
//   - done on time: completed on or before D, on or before the deadline in
//     force; done late: completed on or before D, after it;
//   - open in time: not completed by D and deadline >= D, or no deadline;
//   - open overdue: not completed by D and deadline < D.
// A completed task without a deadline counts as done on time. Open tasks
// without a deadline are counted in open_in_time AND reported separately in
// `no_deadline`, because reports differ on where they belong.
//
// An event takes effect from max(effective_on, the local day it was
// recorded): a completion entered on 5 June for 1 June leaves the task open
// in a report of 3 June, as the report of that day said, and from 5 June on
// it is done with completion day 1 June. Counts for a past day are thus the
// counts the system gave on that day.
//
// A task's lead on day D is its assigned lead, changed by reassignment, and
// by successions (an agency merged away passes its open tasks to the
// successor on the succession day; completed tasks stay with the original).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/agency_history.h"
#include "core/model.h"

namespace dondoc::core {

enum class TaskStatus { kDoneOnTime, kDoneLate, kOpenInTime, kOpenOverdue };
const char* TaskStatusName(
    TaskStatus status);  // done_on_time, done_late, open_in_time, open_overdue
Result<TaskStatus> ParseTaskStatus(std::string_view name);

// Vietnam has kept UTC+7 without daylight saving since 1975.
inline constexpr std::chrono::minutes kProvinceUtcOffset{7 * 60};
Date LocalDay(Timestamp instant, std::chrono::minutes utc_offset = kProvinceUtcOffset);

// One stretch of a task's life in which nothing about it changes: valid for
// the days [from, to) (to unset = still current).
struct TaskState {
  Date from{};
  std::optional<Date> to;
  Id lead_agency_id = 0;
  std::optional<Date> deadline;      // in force during the stretch
  std::optional<Date> completed_on;  // set once completed (and not reopened)
  bool cancelled = false;
  // Equal when everything but the days is equal.
  bool SameStateAs(const TaskState& other) const;
};

// The status of the task on day `day`, which must lie in [state.from,
// state.to). Not meaningful for a cancelled state.
TaskStatus StatusOn(const TaskState& state, Date day);

// Rebuilds the stretches of one task from its events (any order) and the
// successions of all agencies. The first stretch starts on assigned_on; no
// stretch exists before it. Adjacent stretches always differ.
//
// How each event kind acts (from the day it takes effect, see above; an
// event effective before assigned_on acts from assigned_on):
//   kCompleted          completed_on = effective_on, unless already completed
//                       (the first completion stands until a kReopened);
//   kReopened           clears the completion;
//   kExtensionApproved  deadline = its `deadline`, or the deadline of the
//                       request it answers (request_event_id) when unset;
//                       ignored when neither gives a day;
//   kReassigned         the lead becomes `agency_id`;
//   kCancelled          the task leaves the counts for good;
//   others              no effect on the status.
// Events taking effect on the same day apply in order of recorded_at, then id.
// The lead of an open task on day D is its lead resolved through the
// successions as of D (AgencyHistory); of a completed task, resolved as of
// its completion day, so work completed before a merger stays with the
// original agency.
std::vector<TaskState> BuildTimeline(const Task& task, const std::vector<TaskEvent>& events,
                                     const std::vector<Succession>& successions);
// The same with the successions indexed once, for rebuilding many tasks.
std::vector<TaskState> BuildTimelineWithHistory(const Task& task,
                                                const std::vector<TaskEvent>& events,
                                                const AgencyHistory& history);

// The stretch in force on `day`, or null before assignment.
const TaskState* StateOn(const std::vector<TaskState>& timeline, Date day);

// The status on `day`, or nothing before assignment or once cancelled (the
// task is not counted).
std::optional<TaskStatus> TimelineStatusOn(const std::vector<TaskState>& timeline, Date day);

struct StatusCounts {
  int64_t done_on_time = 0;
  int64_t done_late = 0;
  int64_t open_in_time = 0;  // includes open tasks without a deadline
  int64_t open_overdue = 0;
  int64_t no_deadline = 0;  // open tasks without a deadline
  int64_t total = 0;        // the sum of the four statuses
  void Add(TaskStatus status, bool has_deadline);
  friend bool operator==(const StatusCounts&, const StatusCounts&) = default;
};

struct AgencyStatusCounts {
  Id agency_id = 0;
  StatusCounts counts;
};

}  // namespace dondoc::core
