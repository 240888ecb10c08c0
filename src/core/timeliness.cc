#include "core/timeliness.h"

#include <algorithm>
#include <map>
#include <string>

#include "core/task_status.h"

namespace dondoc::core {

Result<Date> ReportDueDate(const ReportingRegime& regime, const Period& period) {
  Status valid = ValidatePeriod(period);
  if (!valid.ok()) return valid;
  if (regime.due_day < 1 || regime.due_day > 31 || regime.due_month_offset < 0 ||
      regime.due_month_offset > 12) {
    return Status::InvalidInput(
        "reporting regime '" + regime.name + "': due day " + std::to_string(regime.due_day) +
        ", month offset " + std::to_string(regime.due_month_offset) + " (expected 1-31 and 0-12)");
  }
  const Date end = PeriodEnd(period);
  const int months = YearOf(end) * 12 + (MonthOf(end) - 1) + regime.due_month_offset;
  const int year = months / 12;
  const int month = months % 12 + 1;
  const Date last = EndOfMonth(year, month);
  return std::min(last, *MakeDate(year, month, 1) + std::chrono::days{regime.due_day - 1});
}

const char* TimelinessName(Timeliness timeliness) {
  switch (timeliness) {
    case Timeliness::kOnTime:
      return "on_time";
    case Timeliness::kLate:
      return "late";
    case Timeliness::kNotYetDue:
      return "not_yet_due";
    case Timeliness::kMissing:
      return "missing";
  }
  return "unknown";
}

Timeliness JudgeSubmission(Date due, std::optional<Timestamp> submitted_at, Date as_of) {
  if (submitted_at) {
    const Date day = LocalDay(*submitted_at);
    if (day <= as_of) return day <= due ? Timeliness::kOnTime : Timeliness::kLate;
  }
  return as_of <= due ? Timeliness::kNotYetDue : Timeliness::kMissing;
}

Result<RoundCompleteness> JudgeRound(const ReportingRegime& regime, const Period& period,
                                     const std::vector<Id>& expected_agencies,
                                     const std::vector<ReportSubmission>& submissions, Date as_of) {
  Result<Date> due = ReportDueDate(regime, period);
  if (!due.ok()) return due.status();
  std::map<Id, std::optional<Timestamp>> first;
  for (const Id agency : expected_agencies) first.emplace(agency, std::nullopt);
  for (const ReportSubmission& submission : submissions) {
    if (submission.regime_id != regime.id || !(submission.period == period)) continue;
    const auto found = first.find(submission.agency_id);
    if (found == first.end()) continue;
    if (!found->second || submission.submitted_at < *found->second) {
      found->second = submission.submitted_at;
    }
  }
  RoundCompleteness round;
  round.due = *due;
  round.expected = static_cast<int64_t>(first.size());
  for (const auto& [agency, submitted_at] : first) {
    switch (JudgeSubmission(*due, submitted_at, as_of)) {
      case Timeliness::kOnTime:
        ++round.on_time;
        ++round.submitted;
        break;
      case Timeliness::kLate:
        ++round.late;
        ++round.submitted;
        break;
      case Timeliness::kNotYetDue:
        ++round.not_yet_due;
        round.outstanding_agencies.push_back(agency);
        break;
      case Timeliness::kMissing:
        ++round.missing;
        round.outstanding_agencies.push_back(agency);
        break;
    }
  }
  if (round.expected > 0) {
    round.percent =
        static_cast<double>(round.submitted) / static_cast<double>(round.expected) * 100;
  }
  return round;
}

}  // namespace dondoc::core
