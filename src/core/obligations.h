// The occurrences of a recurring duty, so that the service can generate one
// task per period ("báo cáo trước ngày 20 hằng tháng" -> a task for each
// month, due on the 20th).
//
// Each occurrence is a period of the obligation's cadence and its deadline:
//   weekly      the ISO week; deadline = weekday `day` of that week
//               (1 = Monday .. 7 = Sunday; default Friday, 5);
//   monthly     the month; deadline = day `day` of that month;
//   quarterly, 6-month, annual
//               the period; deadline = day `day` of its last month.
// Without a day the deadline is the period's last day; a day past the end
// of a month is clamped to the month's end (day 31 in February = 28/29).
// The periods listed are those whose deadline lies in [from, to] and in the
// obligation's [starts_on, ends_on] (ends_on inclusive), in order.
#pragma once

#include <vector>

#include "common/status.h"
#include "core/model.h"

namespace dondoc::core {

struct Occurrence {
  Period period;
  Date deadline{};
  friend bool operator==(const Occurrence&, const Occurrence&) = default;
};

// The deadline of the obligation's occurrence for `period` (which must be of
// the obligation's cadence).
Result<Date> OccurrenceDeadline(const Recurrence& recurrence, const Period& period);

// InvalidInput for a day outside 1-31 (1-7 for weekly) or from > to.
Result<std::vector<Occurrence>> Occurrences(const Obligation& obligation, Date from, Date to);

}  // namespace dondoc::core
