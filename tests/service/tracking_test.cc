// Tracking: task lists and four-way counts as of several days, computed
// from confirmed tasks and their events, with agency names.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "service/fixture.h"
#include "service/review.h"
#include "service/tracking.h"

namespace dondoc::service {
namespace {

using testing::At;
using testing::D;
using testing::kPlan;
using testing::ServiceTest;

class TrackingTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    auto r = Import(kPlan, "kh-45.txt");
    ASSERT_TRUE(r.ok()) << r.status().message();
    ReviewOptions options;
    options.province = "An Lạc";
    options.now = At(2024, 3, 12);
    auto list =
        ListProposals(*store_, Actor::System(), r->document_id, core::ProposalState::kProposed);
    ASSERT_TRUE(list.ok());
    for (const core::Proposal& p : *list) {
      if (p.kind != core::ProposalKind::kTask) continue;
      const boost::json::value payload = boost::json::parse(p.payload_json);
      if (!payload.at("recurrence").is_null()) continue;
      auto c = ConfirmProposal(*store_, Actor::System(), p.id, {}, options);
      ASSERT_TRUE(c.ok()) << c.status().message();
      const std::string lead(payload.at("lead").as_string());
      if (lead == "Sở Khoa học và Công nghệ") science_task_ = c->created_item_id;
      if (lead == "Sở Nội vụ") home_task_ = c->created_item_id;
      if (lead == "Sở Y tế") health_task_ = c->created_item_id;
    }
    ASSERT_NE(science_task_, 0);
    ASSERT_NE(home_task_, 0);
    ASSERT_NE(health_task_, 0);
    // Science completes on 25 June (deadline 30 June), entered that day;
    // Home on 5 September (deadline 31 August).
    Complete(science_task_, D(2024, 6, 25));
    Complete(home_task_, D(2024, 9, 5));
  }

  void Complete(core::Id task_id, core::Date day) {
    Status s = store_->Write([&](store::Transaction& tx) -> Status {
      core::TaskEvent e;
      e.task_id = task_id;
      e.kind = core::TaskEventKind::kCompleted;
      e.effective_on = day;
      e.recorded_at = core::Timestamp(day.time_since_epoch()) + std::chrono::hours(2);
      e.note = "biên bản nghiệm thu";
      auto id = tx.AddTaskEvent(e);
      return id.ok() ? Status::Ok() : id.status();
    });
    ASSERT_TRUE(s.ok()) << s.message();
  }

  core::StatusCounts Total(core::Date day) {
    auto report = CountStatuses(*store_, Actor::System(), day, std::nullopt);
    EXPECT_TRUE(report.ok()) << report.status().message();
    return report.ok() ? report->total : core::StatusCounts{};
  }

  static core::StatusCounts Counts(int64_t on_time, int64_t late, int64_t in_time, int64_t overdue,
                                   int64_t no_deadline) {
    core::StatusCounts c;
    c.done_on_time = on_time;
    c.done_late = late;
    c.open_in_time = in_time;
    c.open_overdue = overdue;
    c.no_deadline = no_deadline;
    c.total = on_time + late + in_time + overdue;
    return c;
  }

  core::Id science_task_ = 0, home_task_ = 0, health_task_ = 0;
};

TEST_F(TrackingTest, CountsAsOfSeveralDays) {
  EXPECT_EQ(Total(D(2024, 3, 1)), Counts(0, 0, 0, 0, 0));  // before assignment
  EXPECT_EQ(Total(D(2024, 3, 12)), Counts(0, 0, 3, 0, 1));
  EXPECT_EQ(Total(D(2024, 6, 30)), Counts(1, 0, 2, 0, 1));
  EXPECT_EQ(Total(D(2024, 8, 31)), Counts(1, 0, 2, 0, 1));  // the deadline day is in time
  EXPECT_EQ(Total(D(2024, 9, 1)), Counts(1, 0, 1, 1, 1));
  EXPECT_EQ(Total(D(2024, 9, 5)), Counts(1, 1, 1, 0, 1));
}

TEST_F(TrackingTest, CountsByAgencyWithNames) {
  auto report = CountStatuses(*store_, Actor::System(), D(2024, 9, 1), std::nullopt);
  ASSERT_TRUE(report.ok()) << report.status().message();
  ASSERT_EQ(report->by_agency.size(), 3u);
  // By name: Khoa học, Nội vụ, Y tế.
  EXPECT_EQ(report->by_agency[0].agency_name, "Sở Khoa học và Công nghệ");
  EXPECT_EQ(report->by_agency[0].counts, Counts(1, 0, 0, 0, 0));
  EXPECT_EQ(report->by_agency[1].agency_name, "Sở Nội vụ");
  EXPECT_EQ(report->by_agency[1].counts, Counts(0, 0, 0, 1, 0));
  EXPECT_EQ(report->by_agency[2].agency_id, health_);
  EXPECT_EQ(report->by_agency[2].counts, Counts(0, 0, 1, 0, 1));

  auto one = CountStatuses(*store_, Actor::System(), D(2024, 9, 1), std::string("Sở Nội vụ"));
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->by_agency.size(), 1u);
  EXPECT_EQ(one->total, Counts(0, 0, 0, 1, 0));
}

TEST_F(TrackingTest, ListsTasksWithNamesAndFilters) {
  TaskQuery q;
  q.as_of = D(2024, 9, 1);
  auto all = ListTasks(*store_, Actor::System(), q);
  ASSERT_TRUE(all.ok()) << all.status().message();
  ASSERT_EQ(all->size(), 3u);
  for (const TaskRow& row : *all) {
    if (row.view.task.id == science_task_) {
      EXPECT_EQ(row.lead_name, "Sở Khoa học và Công nghệ");
      EXPECT_EQ(row.coordinating_names, std::vector<std::string>{"Sở Tài chính"});
      EXPECT_EQ(row.view.status, core::TaskStatus::kDoneOnTime);
      EXPECT_EQ(row.view.completed_on, D(2024, 6, 25));
    }
  }
  q.status = core::TaskStatus::kOpenOverdue;
  auto overdue = ListTasks(*store_, Actor::System(), q);
  ASSERT_TRUE(overdue.ok());
  ASSERT_EQ(overdue->size(), 1u);
  EXPECT_EQ(overdue->at(0).view.task.id, home_task_);

  q.status.reset();
  q.agency = "Sở Tài chính";
  auto led = ListTasks(*store_, Actor::System(), q);
  ASSERT_TRUE(led.ok());
  EXPECT_TRUE(led->empty());
  q.include_coordinating = true;
  auto coordinated = ListTasks(*store_, Actor::System(), q);
  ASSERT_TRUE(coordinated.ok());
  ASSERT_EQ(coordinated->size(), 1u);
  EXPECT_EQ(coordinated->at(0).view.task.id, science_task_);

  q.agency = "Sở Giáo dục";
  auto unknown = ListTasks(*store_, Actor::System(), q);
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("Sở Giáo dục"), std::string::npos);

  TaskQuery limited;
  limited.as_of = D(2024, 9, 1);
  limited.limit = 2;
  auto page = ListTasks(*store_, Actor::System(), limited);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->size(), 2u);
}

}  // namespace
}  // namespace dondoc::service
