#include "store/status_totals.h"

#include <algorithm>

namespace dondoc::store {

StretchRow StretchOf(const core::TaskState& state, int64_t open_end) {
  auto day = [](core::Date date) { return static_cast<int64_t>(date.time_since_epoch().count()); };
  StretchRow row;
  row.from_day = day(state.from);
  row.to_day = state.to ? day(*state.to) : open_end;
  row.lead_agency_id = state.lead_agency_id;
  if (state.deadline) row.deadline_day = day(*state.deadline);
  if (state.completed_on) row.completed_day = day(*state.completed_on);
  return row;
}

void StatusDeltas::Piece(core::Id agency, int64_t first, int64_t end, const TotalsVector& unit,
                         int sign, int64_t open_end) {
  if (first >= end) return;
  TotalsVector& start = by_day_[{agency, first}];
  for (size_t i = 0; i < unit.size(); ++i) start[i] += sign * unit[i];
  if (end == open_end) return;  // never ends: no -1
  TotalsVector& stop = by_day_[{agency, end}];
  for (size_t i = 0; i < unit.size(); ++i) stop[i] -= sign * unit[i];
}

void StatusDeltas::Add(const StretchRow& s, int sign, int64_t open_end) {
  constexpr TotalsVector kOnTime{1, 0, 0, 0, 0};
  constexpr TotalsVector kLate{0, 1, 0, 0, 0};
  constexpr TotalsVector kInTime{0, 0, 1, 0, 0};
  constexpr TotalsVector kOverdue{0, 0, 0, 1, 0};
  constexpr TotalsVector kNoDeadline{0, 0, 1, 0, 1};
  const core::Id lead = s.lead_agency_id;
  if (s.completed_day) {
    const bool on_time = !s.deadline_day || *s.completed_day <= *s.deadline_day;
    Piece(lead, s.from_day, s.to_day, on_time ? kOnTime : kLate, sign, open_end);
  } else if (!s.deadline_day) {
    Piece(lead, s.from_day, s.to_day, kNoDeadline, sign, open_end);
  } else {
    // Open in time through the deadline day, overdue from the day after.
    const int64_t overdue_from = *s.deadline_day + 1;
    Piece(lead, s.from_day, std::min(s.to_day, overdue_from), kInTime, sign, open_end);
    Piece(lead, std::max(s.from_day, overdue_from), s.to_day, kOverdue, sign, open_end);
  }
}

std::vector<StatusDelta> StatusDeltas::NonZero() const {
  std::vector<StatusDelta> deltas;
  for (const auto& [key, change] : by_day_) {
    if (std::all_of(change.begin(), change.end(), [](int64_t v) { return v == 0; })) continue;
    deltas.push_back({key.first, key.second, change});
  }
  return deltas;
}

}  // namespace dondoc::store
