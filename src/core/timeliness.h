// Periodic reports: when each is due, whether it came in on time, and how
// complete a round is.
//
// Due date (model.h: ReportingRegime): day `due_day` of the month
// `due_month_offset` months after the period's last month, clamped to that
// month's end (due_day 31 in a 30-day month is the 30th). "trước ngày 20
// hằng tháng" is offset 0, day 20; a report submitted on the due day itself
// is on time (offices read "trước ngày 20" as "by the 20th").
//
// A submission is judged by its local day in the province (LocalDay of
// submitted_at, UTC+7), as of a day D:
//   on time      submitted by D, on or before the due day;
//   late         submitted by D, after the due day;
//   not yet due  not submitted by D, and D is on or before the due day;
//   missing      not submitted by D, and the due day has passed.
// A submission recorded after D is unknown on D, so past days give the
// answers of those days.
#pragma once

#include <optional>
#include <vector>

#include "common/status.h"
#include "core/model.h"

namespace dondoc::core {

// InvalidInput for an invalid period, a due_day outside 1-31 or an offset
// outside 0-12.
Result<Date> ReportDueDate(const ReportingRegime& regime, const Period& period);

enum class Timeliness { kOnTime, kLate, kNotYetDue, kMissing };
const char* TimelinessName(Timeliness timeliness);  // on_time late not_yet_due missing

Timeliness JudgeSubmission(Date due, std::optional<Timestamp> submitted_at, Date as_of);

struct RoundCompleteness {
  Date due{};
  int64_t expected = 0;   // agencies that owe the report
  int64_t submitted = 0;  // of those, submitted by as_of
  int64_t on_time = 0;
  int64_t late = 0;
  int64_t not_yet_due = 0;
  int64_t missing = 0;
  std::optional<double> percent;         // submitted / expected × 100
  std::vector<Id> outstanding_agencies;  // not submitted by as_of, sorted
};

// One round: the regime's report for `period` from each expected agency.
// Only submissions of this regime and period count; an agency's first
// submission is the one judged; submissions from agencies not expected are
// ignored. Duplicate expected agencies count once.
Result<RoundCompleteness> JudgeRound(const ReportingRegime& regime, const Period& period,
                                     const std::vector<Id>& expected_agencies,
                                     const std::vector<ReportSubmission>& submissions, Date as_of);

}  // namespace dondoc::core
