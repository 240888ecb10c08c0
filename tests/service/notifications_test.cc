// Reminder passes over a hand-built history: which notifications one pass
// creates (tasks due in 7/3/1 days on working days, overdue the day after,
// reports due or missing), that a second pass creates nothing, and who
// reads and marks which.
#include <gtest/gtest.h>

#include "service/fixture.h"
#include "service/notifications.h"
#include "service/plans.h"

namespace dondoc::service {
namespace {

using testing::At;
using testing::D;
using testing::ServiceTest;

class NotificationsTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    due_28_ = AddTask(finance_, D(2024, 3, 28));  // Thursday: 7 days before is the 21st
    due_25_ = AddTask(home_, D(2024, 3, 25));     // Monday: 1 and 3 days before are Friday 22nd
    overdue_ = AddTask(health_, D(2024, 3, 20));  // overdue from the 21st
    AddTask(science_, D(2024, 3, 10));            // overdue long before: no notice
    AddTask(science_, D(2024, 4, 30));            // far ahead: nothing yet
    core::ReportingRegime regime;
    regime.name = "Báo cáo tháng";
    regime.cadence = core::Cadence::kMonthly;
    regime.due_day = 20;
    Status s = store_->Write([&](store::Transaction& tx) -> Status {
      Result<core::Id> id = tx.AddReportingRegime(regime);
      if (!id.ok()) return id.status();
      regime_ = *id;
      for (core::Id agency : {finance_, home_}) {
        core::Obligation o;
        o.agency_id = agency;
        o.text = "báo cáo tháng";
        o.recurrence.cadence = core::Cadence::kMonthly;
        o.starts_on = D(2024, 1, 1);
        o.regime_id = regime_;
        Result<core::Id> oid = tx.AddObligation(o);
        if (!oid.ok()) return oid.status();
      }
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.message();
    core::ReportSubmission sub;
    sub.regime_id = regime_;
    sub.agency_id = finance_;
    sub.period = {core::PeriodKind::kMonth, 2024, 3};
    ASSERT_TRUE(SubmitReport(*store_, Actor::System(), sub, At(2024, 3, 19)).ok());
  }

  core::Id AddTask(core::Id lead, core::Date deadline) {
    core::Id id = 0;
    Status s = store_->Write([&](store::Transaction& tx) -> Status {
      core::Task t;
      t.lead_agency_id = lead;
      t.text = "Triển khai phần mềm quản lý văn bản";
      t.assigned_on = D(2024, 1, 2);
      t.deadline = deadline;
      t.created_at = At(2024, 1, 2);
      Result<core::Id> added = tx.AddTask(t, {});
      if (!added.ok()) return added.status();
      id = *added;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return id;
  }

  std::vector<std::string> Keys(const Actor& actor) {
    auto list = ListNotifications(*store_, actor, NotificationQuery{});
    EXPECT_TRUE(list.ok()) << list.status().message();
    std::vector<std::string> keys;
    if (list.ok()) {
      for (const core::Notification& n : *list) keys.push_back(n.key);
    }
    std::sort(keys.begin(), keys.end());
    return keys;
  }

  Actor Staff(core::Id agency) const { return Actor{core::Id{42}, Role::kAgency, agency, "cb"}; }
  static Actor Office() { return Actor{core::Id{7}, Role::kOffice, std::nullopt, "vp"}; }

  core::Id due_28_ = 0, due_25_ = 0, overdue_ = 0, regime_ = 0;
};

TEST_F(NotificationsTest, OnePassThenNothingNew) {
  auto run = RunReminders(*store_, Office(), D(2024, 3, 21), At(2024, 3, 21));
  ASSERT_TRUE(run.ok()) << run.status().message();
  EXPECT_EQ(run->created, 8);  // 3 tasks and 1 missing report, each to the agency and the office
  EXPECT_EQ(run->existing, 0);

  const std::string t28 = "task:" + std::to_string(due_28_) + ":2024-03-28:due7";
  const std::string t25 = "task:" + std::to_string(due_25_) + ":2024-03-25:due7";
  const std::string late = "task:" + std::to_string(overdue_) + ":2024-03-20:overdue";
  const std::string missing =
      "report:" + std::to_string(regime_) + ":2024-M03:" + std::to_string(home_) + ":missing";
  EXPECT_EQ(Keys(Office()), (std::vector<std::string>{missing + ":office", t28 + ":office",
                                                      t25 + ":office", late + ":office"}));
  EXPECT_EQ(Keys(Staff(finance_)),
            (std::vector<std::string>{t28 + ":agency" + std::to_string(finance_)}));
  EXPECT_EQ(Keys(Staff(home_)),
            (std::vector<std::string>{missing + ":agency" + std::to_string(home_),
                                      t25 + ":agency" + std::to_string(home_)}));

  auto again = RunReminders(*store_, Actor::System(), D(2024, 3, 21), At(2024, 3, 21));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->created, 0);
  EXPECT_EQ(again->existing, 8);

  // Friday 22nd: the Monday deadline's last reminder (1 day before Monday,
  // a Sunday, moved back to Friday); nothing else is new.
  auto friday = RunReminders(*store_, Actor::System(), D(2024, 3, 22), At(2024, 3, 22));
  ASSERT_TRUE(friday.ok());
  EXPECT_EQ(friday->created, 2);
  auto list = ListNotifications(*store_, Staff(home_), NotificationQuery{});
  ASSERT_TRUE(list.ok());
  ASSERT_FALSE(list->empty());
  EXPECT_EQ((*list)[0].key,
            "task:" + std::to_string(due_25_) + ":2024-03-25:due1:agency" + std::to_string(home_));
  EXPECT_EQ((*list)[0].message,
            "Nhiệm vụ #" + std::to_string(due_25_) +
                " (Sở Nội vụ) đến hạn ngày 25/03/2024, còn 3 ngày: Triển khai phần mềm quản lý "
                "văn bản");

  EXPECT_EQ(RunReminders(*store_, Staff(home_), D(2024, 3, 22), At(2024, 3, 22)).status().code(),
            StatusCode::kPermissionDenied);
}

TEST_F(NotificationsTest, MarkReadOnlyWhatIsAddressedToYou) {
  ASSERT_TRUE(RunReminders(*store_, Actor::System(), D(2024, 3, 21), At(2024, 3, 21)).ok());
  auto mine = ListNotifications(*store_, Staff(finance_), NotificationQuery{});
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->size(), 1U);
  auto office = ListNotifications(*store_, Office(), NotificationQuery{});
  ASSERT_TRUE(office.ok());
  ASSERT_FALSE(office->empty());

  auto read = MarkNotificationRead(*store_, Staff(finance_), (*mine)[0].id, At(2024, 3, 21));
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(read->read_at, At(2024, 3, 21));
  EXPECT_EQ(MarkNotificationRead(*store_, Staff(finance_), (*office)[0].id, At(2024, 3, 21))
                .status()
                .code(),
            StatusCode::kNotFound);
  EXPECT_EQ(MarkNotificationRead(*store_, Office(), (*mine)[0].id, At(2024, 3, 21)).status().code(),
            StatusCode::kNotFound);
  NotificationQuery unread;
  unread.unread_only = true;
  auto left = ListNotifications(*store_, Staff(finance_), unread);
  ASSERT_TRUE(left.ok());
  EXPECT_TRUE(left->empty());
}

TEST_F(NotificationsTest, SchedulerRunsAPassAndStops) {
  std::vector<std::string> errors;
  {
    ReminderScheduler scheduler(*store_, std::chrono::hours(1),
                                [&](const std::string& e) { errors.push_back(e); });
    // The first pass runs at start; Stop() waits for it.
    scheduler.Stop();
    EXPECT_EQ(scheduler.passes(), 1);
  }
  EXPECT_TRUE(errors.empty());
}

}  // namespace
}  // namespace dondoc::service
