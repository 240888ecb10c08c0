// Running four-way counts per agency (table status_totals), so that "counts
// per agency as of D" reads one row per agency instead of every stretch of
// every task. Internal to src/store; both stores use it.
//
// Each stretch [from, to) of a task's timeline (lead L) counts for L on the
// days it covers, in at most two pieces: a completed stretch is done on
// time or done late on all of its days; an open one is open in time through
// its deadline and overdue from the day after (without a deadline: open in
// time and no_deadline on all of its days). A piece is +1 on its first day
// and -1 on the day after its last. status_totals holds, per agency, a row
// at each day on which a piece starts or ends, with the agency's counts from
// that day on (the running sum of the deltas), so the counts as of D are
// each agency's last row on or before D. The rule is core::StatusOn's, and
// the conformance suite compares the answers with core's reference.
//
// Writes keep the rows exact in their own transaction: a rebuilt timeline
// gives the difference between the deltas of the old and the new stretches
// (StatusDeltas), which is added to every row of the agency from the
// delta's day on, after inserting a row on that day when there is none
// (a copy of the previous one). Backdated events and successions are thus
// ordinary rebuilds. Bulk loads (Transaction::AddTasksInBulk) skip this
// and mark the table stale (status_totals_state): counts then come from the
// timeline scan, still exact, until RebuildStatusTotals recomputes the
// table in one statement.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "core/model.h"
#include "core/task_status.h"

namespace dondoc::store {

// One stored stretch of task_timeline, days as day numbers.
struct StretchRow {
  int64_t from_day = 0;
  int64_t to_day = 0;  // the stores' kOpenEnd while current
  core::Id lead_agency_id = 0;
  std::optional<int64_t> deadline_day;
  std::optional<int64_t> completed_day;
};

// A timeline stretch as stored (a stretch not ended has to_day `open_end`).
StretchRow StretchOf(const core::TaskState& state, int64_t open_end);

// The columns of status_totals in order: done_on_time, done_late,
// open_in_time (with open tasks without deadline), open_overdue, no_deadline.
using TotalsVector = std::array<int64_t, 5>;

struct StatusDelta {
  core::Id agency_id = 0;
  int64_t day = 0;
  TotalsVector change{};
};

class StatusDeltas {
 public:
  // Adds the stretch's pieces with `sign` +1 (new) or -1 (replaced);
  // `open_end` is the to_day of a stretch that has not ended.
  void Add(const StretchRow& stretch, int sign, int64_t open_end);
  // The non-zero deltas, by agency then day.
  std::vector<StatusDelta> NonZero() const;

 private:
  void Piece(core::Id agency, int64_t first, int64_t end, const TotalsVector& unit, int sign,
             int64_t open_end);
  std::map<std::pair<core::Id, int64_t>, TotalsVector> by_day_;
};

}  // namespace dondoc::store
