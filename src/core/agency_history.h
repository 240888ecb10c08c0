// Who holds an agency's work on a given day, through merges, splits and
// renames.
//
// Successions are effective-dated links predecessor -> successor. On day D
// the holder of agency A's open work is found by following, from A, the
// successions that inherit open tasks and are effective on or before D:
//
//   A -> B (1 March 2025), B -> C (1 July 2025): on 2025-05-01 A's work is
//   B's, on 2025-08-01 it is C's, and on 2025-01-01 it is still A's.
//
// Successions dated after D are ignored, so resolving a past day gives the
// answer of that day. A split is several successions from one agency on one
// day; exactly one of them should have `inherits_open_tasks` (the others
// only record where parts of the agency went). When an agency has several
// inheriting successions effective by D, the earliest (then the lowest
// successor id) is followed. A chain that comes back to an agency already
// visited is a cycle: Resolve refuses it with InvalidInput, and Validate
// refuses such data before it is stored.
#pragma once

#include <optional>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "core/date.h"
#include "core/model.h"

namespace dondoc::core {

class AgencyHistory {
 public:
  AgencyHistory() = default;
  explicit AgencyHistory(const std::vector<Succession>& successions);

  // Refuses successions that cannot be resolved: an agency succeeding
  // itself, a cycle in the graph (whatever the dates), or two successions of
  // one agency on one day that both inherit open tasks.
  static Status Validate(const std::vector<Succession>& successions);

  // The agency holding `agency`'s open work on `day` (itself when nothing
  // applies). InvalidInput naming the chain when it loops.
  Result<Id> Resolve(Id agency, Date day) const;

  // Like Resolve, but never fails: on a loop it stops at the last agency
  // before the repetition. For code that must give an answer (timelines)
  // over data that Validate should have refused.
  Id ResolveOrLast(Id agency, Date day) const;

  // The chain from `agency` to its holder on `day`, both included.
  Result<std::vector<Id>> Chain(Id agency, Date day) const;

  // The days on which the holder of `agency`'s work can change: the
  // effective days of every inheriting succession reachable from it, sorted
  // and unique.
  std::vector<Date> ChangeDays(Id agency) const;

  // The agencies whose open work `agency` holds on `day` (not `agency`
  // itself), so that a successor's list can also show its predecessors'.
  std::vector<Id> Predecessors(Id agency, Date day) const;

  // When `agency`'s open work is held by some holder: the days [from, to)
  // (unset: unbounded) on which it resolves to that holder.
  struct HeldSpan {
    Id agency = 0;
    std::optional<Date> from;
    std::optional<Date> to;
  };
  // Every agency whose work `holder` holds on some day, `holder` itself
  // included (for the days before it passed its own work on), with those
  // days; by agency, then day. Lets a store find the tasks a holder
  // coordinates through its predecessors in one query.
  std::vector<HeldSpan> HeldBy(Id holder) const;

  bool empty() const { return by_predecessor_.empty(); }

 private:
  // The succession followed from `agency` on `day`, or null.
  const Succession* Next(Id agency, Date day) const;

  // Inheriting successions by predecessor, sorted by (effective, successor).
  std::unordered_map<Id, std::vector<Succession>> by_predecessor_;
};

}  // namespace dondoc::core
