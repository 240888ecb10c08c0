#include "core/reminders.h"

namespace dondoc::core {

const char* NotificationKindName(NotificationKind kind) {
  switch (kind) {
    case NotificationKind::kDueSoon:
      return "due_soon";
    case NotificationKind::kOverdue:
      return "overdue";
    case NotificationKind::kReportDue:
      return "report_due";
    case NotificationKind::kReportMissing:
      return "report_missing";
  }
  return "due_soon";
}

Result<NotificationKind> ParseNotificationKind(std::string_view name) {
  for (NotificationKind kind : {NotificationKind::kDueSoon, NotificationKind::kOverdue,
                                NotificationKind::kReportDue, NotificationKind::kReportMissing}) {
    if (name == NotificationKindName(kind)) return kind;
  }
  return Status::InvalidInput("unknown notification kind \"" + std::string(name) + "\"");
}

Date ReminderDay(Date deadline, int days_before, const WorkingCalendar& calendar) {
  Date day = deadline - Date::duration(days_before);
  // At most a couple of weeks of days off in a row (Tết): bounded anyway.
  for (int i = 0; i < 31 && !calendar.IsWorkingDay(day); ++i) day -= Date::duration(1);
  return day;
}

std::optional<int> ReminderDue(Date deadline, Date as_of, const WorkingCalendar& calendar) {
  if (as_of > deadline) return std::nullopt;
  // kReminderDays runs 7, 3, 1: the last one reached is the smallest.
  std::optional<int> due;
  for (int n : kReminderDays) {
    if (ReminderDay(deadline, n, calendar) <= as_of) due = n;
  }
  return due;
}

bool OverdueNoticeDue(Date deadline, Date as_of) {
  return as_of > deadline && as_of <= deadline + Date::duration(kOverdueCatchUpDays);
}

}  // namespace dondoc::core
