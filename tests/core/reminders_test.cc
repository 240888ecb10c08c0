// Reminder days: 7, 3 and 1 calendar days before a deadline, moved back to
// the working day before a day off; the overdue notice window.
#include "core/reminders.h"

#include <gtest/gtest.h>

namespace dondoc::core {
namespace {

Date D(int y, int m, int d) { return *MakeDate(y, m, d); }

TEST(Reminders, CalendarDaysMovedBackToAWorkingDay) {
  const WorkingCalendar calendar;
  // Thursday 28 March 2024: 21st (Thu), 25th (Mon), 27th (Wed).
  EXPECT_EQ(ReminderDay(D(2024, 3, 28), 7, calendar), D(2024, 3, 21));
  EXPECT_EQ(ReminderDay(D(2024, 3, 28), 3, calendar), D(2024, 3, 25));
  // Monday 25 March: 1 day before is Sunday, 3 days before Friday: both Friday.
  EXPECT_EQ(ReminderDay(D(2024, 3, 25), 1, calendar), D(2024, 3, 22));
  EXPECT_EQ(ReminderDay(D(2024, 3, 25), 3, calendar), D(2024, 3, 22));
  // 3 May 2024 (Fri): 7 days before is Friday 26 April; 3 days before is
  // Tuesday 30 April, a holiday (and 1 May too): moved to Monday 29 April.
  EXPECT_EQ(ReminderDay(D(2024, 5, 3), 3, calendar), D(2024, 4, 29));
}

TEST(Reminders, TheLatestThresholdReachedIsDue) {
  const WorkingCalendar calendar;
  const Date deadline = D(2024, 3, 28);
  EXPECT_EQ(ReminderDue(deadline, D(2024, 3, 20), calendar), std::nullopt);
  EXPECT_EQ(ReminderDue(deadline, D(2024, 3, 21), calendar), 7);
  EXPECT_EQ(ReminderDue(deadline, D(2024, 3, 24), calendar), 7);
  EXPECT_EQ(ReminderDue(deadline, D(2024, 3, 25), calendar), 3);
  EXPECT_EQ(ReminderDue(deadline, D(2024, 3, 27), calendar), 1);
  EXPECT_EQ(ReminderDue(deadline, D(2024, 3, 28), calendar), 1);
  EXPECT_EQ(ReminderDue(deadline, D(2024, 3, 29), calendar), std::nullopt);
  // A Monday deadline: Friday's reminder is the 1-day one.
  EXPECT_EQ(ReminderDue(D(2024, 3, 25), D(2024, 3, 22), calendar), 1);
}

TEST(Reminders, OverdueNoticeFromTheDayAfterForAWeek) {
  const Date deadline = D(2024, 3, 20);
  EXPECT_FALSE(OverdueNoticeDue(deadline, deadline));
  EXPECT_TRUE(OverdueNoticeDue(deadline, D(2024, 3, 21)));
  EXPECT_TRUE(OverdueNoticeDue(deadline, D(2024, 3, 27)));
  EXPECT_FALSE(OverdueNoticeDue(deadline, D(2024, 3, 28)));
}

TEST(Reminders, KindNamesRoundTrip) {
  for (NotificationKind k : {NotificationKind::kDueSoon, NotificationKind::kOverdue,
                             NotificationKind::kReportDue, NotificationKind::kReportMissing}) {
    EXPECT_EQ(*ParseNotificationKind(NotificationKindName(k)), k);
  }
  EXPECT_FALSE(ParseNotificationKind("soon").ok());
}

}  // namespace
}  // namespace dondoc::core
