// Reminders and notifications: when the office and the agencies are told
// that a deadline comes near, has passed, or that a report falls due.
//
// A reminder is due `n` days before a deadline for n in kReminderDays (7, 3,
// 1). The days are calendar days, because deadlines are calendar dates and
// "còn 3 ngày" is read that way; but a reminder is never sent on a day off:
// when deadline - n is not a working day (core/calendar.h) it is sent on the
// working day before. On a day D (before or on the deadline) the reminder
// to send is the one with the smallest n whose sending day is on or before
// D, so a scheduler that missed days sends one catch-up reminder, not
// three. Two thresholds that fall on the same sending day (a Monday
// deadline: 1 and 3 days before are both Friday) give one reminder.
//
// Overdue: on the day after the deadline (the first day the task is
// open_overdue) and, to catch up a scheduler that was down, up to
// kOverdueCatchUpDays days later; never again for the same deadline.
//
// Each notification has a unique key naming what it is about and its
// recipient, so that running the scheduler twice creates nothing new:
//   task:<id>:<deadline>:due<n>:<recipient>
//   task:<id>:<deadline>:overdue:<recipient>
//   report:<regime>:<period>:<agency>:due<n>:<recipient>
//   report:<regime>:<period>:<agency>:missing:<recipient>
// where <recipient> is agency<id>, office, or user<id>. A new deadline (an
// approved extension) gives new keys, hence new reminders.
#pragma once

#include <array>
#include <optional>
#include <string>

#include "core/calendar.h"
#include "core/model.h"

namespace dondoc::core {

inline constexpr std::array<int, 3> kReminderDays = {7, 3, 1};
inline constexpr int kOverdueCatchUpDays = 7;

enum class NotificationKind { kDueSoon, kOverdue, kReportDue, kReportMissing };
const char* NotificationKindName(
    NotificationKind kind);  // due_soon overdue report_due report_missing
Result<NotificationKind> ParseNotificationKind(std::string_view name);

// One notification for one recipient: an agency (its staff), the office
// (agency_id and user_id unset) or one user.
struct Notification {
  Id id = 0;
  std::string key;  // unique (see above)
  NotificationKind kind = NotificationKind::kDueSoon;
  std::optional<Id> agency_id;
  std::optional<Id> user_id;
  std::optional<Id> task_id;
  std::optional<Id> regime_id;
  std::optional<Period> period;
  Date due_on{};        // the deadline or report due day it is about
  std::string message;  // Vietnamese, for people
  Timestamp created_at{};
  std::optional<Timestamp> read_at;
  std::optional<Timestamp> emailed_at;
};

// The day the reminder `days_before` a deadline is sent.
Date ReminderDay(Date deadline, int days_before, const WorkingCalendar& calendar);

// The threshold (7, 3 or 1) whose reminder is to be sent on `as_of` for
// `deadline`, or nullopt (before the first reminder day, or after the
// deadline).
std::optional<int> ReminderDue(Date deadline, Date as_of, const WorkingCalendar& calendar);

// Whether `as_of` is within the days an overdue notice is sent.
bool OverdueNoticeDue(Date deadline, Date as_of);

}  // namespace dondoc::core
