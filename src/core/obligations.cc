#include "core/obligations.h"

#include <algorithm>
#include <string>

namespace dondoc::core {
namespace {

PeriodKind KindOf(Cadence cadence) {
  switch (cadence) {
    case Cadence::kWeekly:
      return PeriodKind::kWeek;
    case Cadence::kMonthly:
      return PeriodKind::kMonth;
    case Cadence::kQuarterly:
      return PeriodKind::kQuarter;
    case Cadence::kHalfYearly:
      return PeriodKind::kHalfYear;
    case Cadence::kAnnual:
      return PeriodKind::kYear;
  }
  return PeriodKind::kMonth;
}

// The next period of the same kind.
Period Next(const Period& period) {
  return PeriodContaining(period.kind, PeriodEnd(period) + std::chrono::days{1});
}

Status CheckDay(const Recurrence& recurrence) {
  if (!recurrence.day) return Status::Ok();
  const int limit = recurrence.cadence == Cadence::kWeekly ? 7 : 31;
  if (*recurrence.day < 1 || *recurrence.day > limit) {
    return Status::InvalidInput("recurrence day " + std::to_string(*recurrence.day) + " of a " +
                                CadenceName(recurrence.cadence) + " duty (expected 1-" +
                                std::to_string(limit) + ")");
  }
  return Status::Ok();
}

}  // namespace

Result<Date> OccurrenceDeadline(const Recurrence& recurrence, const Period& period) {
  Status valid = ValidatePeriod(period);
  if (!valid.ok()) return valid;
  if (period.kind != KindOf(recurrence.cadence)) {
    return Status::InvalidInput("period " + PeriodKey(period) + " is not " +
                                CadenceName(recurrence.cadence));
  }
  Status day_ok = CheckDay(recurrence);
  if (!day_ok.ok()) return day_ok;
  const Date end = PeriodEnd(period);
  if (recurrence.cadence == Cadence::kWeekly) {
    return PeriodStart(period) + std::chrono::days{recurrence.day.value_or(5) - 1};
  }
  if (!recurrence.day) return end;
  const Date first = *MakeDate(YearOf(end), MonthOf(end), 1);
  return std::min(end, first + std::chrono::days{*recurrence.day - 1});
}

Result<std::vector<Occurrence>> Occurrences(const Obligation& obligation, Date from, Date to) {
  if (to < from) {
    return Status::InvalidInput("occurrences from " + FormatIsoDate(from) + " to " +
                                FormatIsoDate(to) + ": the range ends before it starts");
  }
  Status day_ok = CheckDay(obligation.recurrence);
  if (!day_ok.ok()) return day_ok;
  const Date first_day = std::max(from, obligation.starts_on);
  const Date last_day = obligation.ends_on ? std::min(to, *obligation.ends_on) : to;
  std::vector<Occurrence> occurrences;
  if (last_day < first_day) return occurrences;
  // Every deadline lies inside its own period, so the scan starts with the
  // period holding first_day and stops after the one holding last_day.
  Period period = PeriodContaining(KindOf(obligation.recurrence.cadence), first_day);
  while (PeriodStart(period) <= last_day) {
    Result<Date> deadline = OccurrenceDeadline(obligation.recurrence, period);
    if (!deadline.ok()) return deadline.status();
    if (*deadline >= first_day && *deadline <= last_day) {
      occurrences.push_back({period, *deadline});
    }
    period = Next(period);
  }
  return occurrences;
}

}  // namespace dondoc::core
