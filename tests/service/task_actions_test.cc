// Task write use cases (service/tasks.h) over a real SQLite store: what each
// change does to the four-way status as of several days, who may make it,
// what is refused (with nothing written), and sub-tasks.
#include "service/tasks.h"

#include <gtest/gtest.h>

#include "service/fixture.h"
#include "service/tracking.h"

namespace dondoc::service {
namespace {

using core::TaskStatus;
using testing::At;
using testing::D;
using testing::ServiceTest;

class TasksTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    office_ = Actor{1, Role::kOffice, std::nullopt, "office"};
    leader_ = Actor{2, Role::kLeader, std::nullopt, "leader"};
    viewer_ = Actor{3, Role::kViewer, std::nullopt, "viewer"};
    science_staff_ = Actor{4, Role::kAgency, science_, "science"};
    finance_staff_ = Actor{5, Role::kAgency, finance_, "finance"};
    home_staff_ = Actor{6, Role::kAgency, home_, "home"};
    health_staff_ = Actor{7, Role::kAgency, health_, "health"};
  }

  static TaskOptions On(int y, int m, int d) { return TaskOptions{At(y, m, d)}; }

  // Science leads, finance coordinates; assigned 1 March 2024, due 30 June.
  core::Id NewScienceTask(std::optional<core::Date> deadline = D(2024, 6, 30)) {
    NewTask t;
    t.lead_agency_id = science_;
    t.coordinating_agency_ids = {finance_};
    t.text = "Xây dựng kho dữ liệu dùng chung của tỉnh";
    t.assigned_on = D(2024, 3, 1);
    t.deadline = deadline;
    auto id = CreateTask(*store_, office_, t, On(2024, 3, 1));
    EXPECT_TRUE(id.ok()) << id.status().message();
    return id.ok() ? *id : 0;
  }

  TaskDetail Detail(core::Id task, core::Date day) {
    auto d = GetTaskDetail(*store_, Actor::System(), task, day);
    EXPECT_TRUE(d.ok()) << d.status().message();
    return d.ok() ? *d : TaskDetail{};
  }
  std::optional<TaskStatus> StatusOn(core::Id task, core::Date day) {
    return Detail(task, day).snapshot.status;
  }
  size_t EventCount(core::Id task) { return Detail(task, D(2030, 1, 1)).events.size(); }
  size_t TaskCount() {
    TaskQuery q;
    q.as_of = D(2030, 1, 1);
    auto rows = ListTasks(*store_, Actor::System(), q);
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? rows->size() : 0;
  }

  Actor office_, leader_, viewer_, science_staff_, finance_staff_, home_staff_, health_staff_;
};

template <typename R>
StatusCode CodeOf(const R& r) {
  return r.status().code();
}

TEST_F(TasksTest, CreateValidatesAndWritesNothingOnError) {
  NewTask good;
  good.lead_agency_id = science_;
  good.coordinating_agency_ids = {finance_, home_};
  good.text = "Rà soát quy trình nội bộ";
  good.assigned_on = D(2024, 3, 1);
  good.deadline = D(2024, 6, 30);
  good.deadline_text = "trước ngày 30/6/2024";

  auto bad = [&](auto edit, const std::string& says) {
    NewTask t = good;
    edit(t);
    auto r = CreateTask(*store_, office_, t, On(2024, 3, 1));
    ASSERT_FALSE(r.ok()) << says;
    EXPECT_EQ(CodeOf(r), StatusCode::kInvalidInput) << r.status().message();
    EXPECT_NE(r.status().message().find(says), std::string::npos) << r.status().message();
  };
  bad([](NewTask& t) { t.lead_agency_id = 9999; }, "9999");
  bad([&](NewTask& t) { t.coordinating_agency_ids = {science_}; }, "both lead and coordinate");
  bad([&](NewTask& t) { t.coordinating_agency_ids = {finance_, finance_}; }, "listed twice");
  bad([](NewTask& t) { t.coordinating_agency_ids = {424242}; }, "424242");
  bad([](NewTask& t) { t.deadline = D(2024, 2, 1); }, "2024-02-01");
  bad([](NewTask& t) { t.text = "  \n"; }, "text");
  bad([](NewTask& t) { t.text = std::string(kMaxTaskText + 1, 'a'); }, "bytes long");
  bad([](NewTask& t) { t.span = core::SourceSpan{1, 1, 0, 10}; }, "document_id");
  bad([](NewTask& t) { t.document_id = 777; }, "unknown document 777");
  EXPECT_EQ(TaskCount(), 0u);

  auto id = CreateTask(*store_, office_, good, On(2024, 3, 1));
  ASSERT_TRUE(id.ok()) << id.status().message();
  const TaskDetail d = Detail(*id, D(2024, 3, 2));
  EXPECT_EQ(d.snapshot.task.text, good.text);
  EXPECT_EQ(d.snapshot.lead_agency_id, science_);
  EXPECT_EQ(d.snapshot.lead_name, "Sở Khoa học và Công nghệ");
  EXPECT_EQ(d.snapshot.deadline, D(2024, 6, 30));
  EXPECT_EQ(d.snapshot.task.deadline_text, good.deadline_text);
  ASSERT_EQ(d.coordinations.size(), 2u);
  EXPECT_EQ(d.coordinations[0].agency_name, "Sở Tài chính");
  EXPECT_EQ(d.snapshot.status, TaskStatus::kOpenInTime);
  EXPECT_EQ(StatusOn(*id, D(2024, 2, 29)), std::nullopt);  // before assignment
}

TEST_F(TasksTest, OnlyOfficeAndAdminCreate) {
  NewTask t;
  t.lead_agency_id = science_;
  t.text = "Nhiệm vụ thử";
  t.assigned_on = D(2024, 3, 1);
  for (const Actor& a : {leader_, viewer_, science_staff_}) {
    auto r = CreateTask(*store_, a, t, On(2024, 3, 1));
    EXPECT_EQ(CodeOf(r), StatusCode::kPermissionDenied) << a.name;
  }
  EXPECT_EQ(TaskCount(), 0u);
  EXPECT_TRUE(CreateTask(*store_, Actor::System(), t, On(2024, 3, 1)).ok());
}

TEST_F(TasksTest, ProgressCompletionAndReopenAsOfSeveralDays) {
  const core::Id task = NewScienceTask();
  auto p =
      ReportProgress(*store_, science_staff_, task, 40, "đã thu thập số liệu", On(2024, 4, 10));
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(CodeOf(ReportProgress(*store_, science_staff_, task, 101, "", On(2024, 4, 10))),
            StatusCode::kInvalidInput);
  EXPECT_EQ(CodeOf(ReportProgress(*store_, science_staff_, task, -1, "", On(2024, 4, 10))),
            StatusCode::kInvalidInput);

  // Completed late, on 5 July, entered that day.
  EXPECT_EQ(CodeOf(CompleteTask(*store_, science_staff_, task, D(2024, 7, 6), "biên bản",
                                On(2024, 7, 5))),
            StatusCode::kInvalidInput);  // a day after today
  EXPECT_EQ(CodeOf(CompleteTask(*store_, science_staff_, task, D(2024, 2, 1), "biên bản",
                                On(2024, 7, 5))),
            StatusCode::kInvalidInput);  // before assignment
  EXPECT_EQ(CodeOf(CompleteTask(*store_, science_staff_, task, std::nullopt, " ", On(2024, 7, 5))),
            StatusCode::kInvalidInput);  // no evidence
  auto c = CompleteTask(*store_, science_staff_, task, std::nullopt, "biên bản nghiệm thu",
                        On(2024, 7, 5));
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(StatusOn(task, D(2024, 6, 1)), TaskStatus::kOpenInTime);
  EXPECT_EQ(StatusOn(task, D(2024, 7, 1)), TaskStatus::kOpenOverdue);
  EXPECT_EQ(StatusOn(task, D(2024, 7, 5)), TaskStatus::kDoneLate);
  EXPECT_EQ(StatusOn(task, D(2024, 12, 31)), TaskStatus::kDoneLate);

  // Completing a completed task, and progress on it, are conflicts.
  const size_t events = EventCount(task);
  EXPECT_EQ(
      CodeOf(CompleteTask(*store_, science_staff_, task, std::nullopt, "lần hai", On(2024, 7, 6))),
      StatusCode::kConflict);
  EXPECT_EQ(CodeOf(ReportProgress(*store_, science_staff_, task, 100, "", On(2024, 7, 6))),
            StatusCode::kConflict);
  EXPECT_EQ(EventCount(task), events);

  // Reopening is the office's; the agency may not, nor reopen an open task.
  EXPECT_EQ(CodeOf(ReopenTask(*store_, science_staff_, task, "thiếu hồ sơ", On(2024, 7, 10))),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(CodeOf(ReopenTask(*store_, office_, task, "", On(2024, 7, 10))),
            StatusCode::kInvalidInput);
  ASSERT_TRUE(ReopenTask(*store_, office_, task, "thiếu hồ sơ", On(2024, 7, 10)).ok());
  EXPECT_EQ(CodeOf(ReopenTask(*store_, office_, task, "lần hai", On(2024, 7, 10))),
            StatusCode::kConflict);
  EXPECT_EQ(StatusOn(task, D(2024, 7, 9)), TaskStatus::kDoneLate);  // as reported then
  EXPECT_EQ(StatusOn(task, D(2024, 7, 10)), TaskStatus::kOpenOverdue);

  // A completion entered on 12 July for 28 June: open until it is entered,
  // then done on time.
  ASSERT_TRUE(
      CompleteTask(*store_, science_staff_, task, D(2024, 6, 28), "bổ sung hồ sơ", On(2024, 7, 12))
          .ok());
  EXPECT_EQ(StatusOn(task, D(2024, 7, 11)), TaskStatus::kOpenOverdue);
  EXPECT_EQ(StatusOn(task, D(2024, 7, 12)), TaskStatus::kDoneOnTime);
  EXPECT_EQ(Detail(task, D(2024, 7, 12)).snapshot.completed_on, D(2024, 6, 28));
}

TEST_F(TasksTest, ExtensionRequestApproveAndRefuse) {
  const core::Id task = NewScienceTask();
  // Who may request: the lead's staff, not a coordinator, not a viewer.
  EXPECT_EQ(CodeOf(RequestExtension(*store_, finance_staff_, task, D(2024, 8, 31), "chờ số liệu",
                                    On(2024, 6, 20))),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(CodeOf(RequestExtension(*store_, viewer_, task, D(2024, 8, 31), "chờ số liệu",
                                    On(2024, 6, 20))),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(CodeOf(RequestExtension(*store_, science_staff_, task, D(2024, 6, 30), "chờ",
                                    On(2024, 6, 20))),
            StatusCode::kInvalidInput);  // not later than the deadline in force
  EXPECT_EQ(
      CodeOf(RequestExtension(*store_, science_staff_, task, D(2024, 8, 31), "", On(2024, 6, 20))),
      StatusCode::kInvalidInput);  // no reason
  auto request = RequestExtension(*store_, science_staff_, task, D(2024, 8, 31),
                                  "chờ số liệu của các huyện", On(2024, 6, 20));
  ASSERT_TRUE(request.ok()) << request.status().message();
  EXPECT_EQ(Detail(task, D(2024, 6, 21)).pending_extension_request, *request);
  EXPECT_EQ(CodeOf(RequestExtension(*store_, science_staff_, task, D(2024, 9, 30), "lần hai",
                                    On(2024, 6, 21))),
            StatusCode::kConflict);  // one pending at a time

  // Who may decide: leader, office, admin; not agency staff nor viewers.
  EXPECT_EQ(CodeOf(ApproveExtension(*store_, science_staff_, task, *request, std::nullopt, "",
                                    On(2024, 7, 10))),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(
      CodeOf(ApproveExtension(*store_, viewer_, task, *request, std::nullopt, "", On(2024, 7, 10))),
      StatusCode::kPermissionDenied);
  EXPECT_EQ(
      CodeOf(ApproveExtension(*store_, leader_, task, 99999, std::nullopt, "", On(2024, 7, 10))),
      StatusCode::kNotFound);
  auto progress = ReportProgress(*store_, science_staff_, task, 60, "", On(2024, 6, 25));
  ASSERT_TRUE(progress.ok());
  EXPECT_EQ(CodeOf(ApproveExtension(*store_, leader_, task, *progress, std::nullopt, "",
                                    On(2024, 7, 10))),
            StatusCode::kInvalidInput);  // not a request
  // The leader approves on 10 July, after the old deadline passed.
  auto approved =
      ApproveExtension(*store_, leader_, task, *request, std::nullopt, "đồng ý", On(2024, 7, 10));
  ASSERT_TRUE(approved.ok()) << approved.status().message();
  EXPECT_EQ(Detail(task, D(2024, 7, 9)).snapshot.deadline, D(2024, 6, 30));
  EXPECT_EQ(StatusOn(task, D(2024, 7, 9)), TaskStatus::kOpenOverdue);
  EXPECT_EQ(Detail(task, D(2024, 7, 10)).snapshot.deadline, D(2024, 8, 31));
  EXPECT_EQ(StatusOn(task, D(2024, 7, 10)), TaskStatus::kOpenInTime);
  EXPECT_EQ(StatusOn(task, D(2024, 9, 1)), TaskStatus::kOpenOverdue);
  EXPECT_EQ(Detail(task, D(2024, 7, 10)).pending_extension_request, std::nullopt);
  // Deciding again is a conflict, either way.
  EXPECT_EQ(
      CodeOf(ApproveExtension(*store_, leader_, task, *request, std::nullopt, "", On(2024, 7, 11))),
      StatusCode::kConflict);
  EXPECT_EQ(CodeOf(RefuseExtension(*store_, office_, task, *request, "không", On(2024, 7, 11))),
            StatusCode::kConflict);

  // A second request, refused: the deadline stays.
  auto second = RequestExtension(*store_, science_staff_, task, D(2024, 10, 31), "thêm thời gian",
                                 On(2024, 8, 20));
  ASSERT_TRUE(second.ok()) << second.status().message();
  EXPECT_EQ(CodeOf(RefuseExtension(*store_, leader_, task, *second, "", On(2024, 8, 22))),
            StatusCode::kInvalidInput);  // a refusal says why
  ASSERT_TRUE(
      RefuseExtension(*store_, leader_, task, *second, "không đủ lý do", On(2024, 8, 22)).ok());
  EXPECT_EQ(Detail(task, D(2024, 9, 5)).snapshot.deadline, D(2024, 8, 31));
  EXPECT_EQ(StatusOn(task, D(2024, 9, 5)), TaskStatus::kOpenOverdue);

  // The office may grant a date other than the one asked for.
  auto third =
      RequestExtension(*store_, science_staff_, task, D(2024, 12, 31), "lần ba", On(2024, 9, 2));
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(
      CodeOf(ApproveExtension(*store_, office_, task, *third, D(2024, 8, 1), "", On(2024, 9, 3))),
      StatusCode::kInvalidInput);
  ASSERT_TRUE(
      ApproveExtension(*store_, office_, task, *third, D(2024, 9, 30), "một tháng", On(2024, 9, 3))
          .ok());
  EXPECT_EQ(Detail(task, D(2024, 9, 3)).snapshot.deadline, D(2024, 9, 30));
  EXPECT_EQ(StatusOn(task, D(2024, 9, 3)), TaskStatus::kOpenInTime);
  EXPECT_EQ(StatusOn(task, D(2024, 9, 2)), TaskStatus::kOpenOverdue);
}

TEST_F(TasksTest, ReassignMovesTheLeadAndItsPermissions) {
  const core::Id task = NewScienceTask();
  EXPECT_EQ(
      CodeOf(ReassignTask(*store_, science_staff_, task, home_, std::nullopt, "", On(2024, 5, 2))),
      StatusCode::kPermissionDenied);
  EXPECT_EQ(
      CodeOf(ReassignTask(*store_, office_, task, science_, std::nullopt, "", On(2024, 5, 2))),
      StatusCode::kInvalidInput);  // already the lead
  EXPECT_EQ(CodeOf(ReassignTask(*store_, office_, task, 5555, std::nullopt, "", On(2024, 5, 2))),
            StatusCode::kInvalidInput);
  EXPECT_EQ(CodeOf(ReassignTask(*store_, office_, task, home_, D(2024, 5, 3), "", On(2024, 5, 2))),
            StatusCode::kInvalidInput);  // after today
  ASSERT_TRUE(ReassignTask(*store_, office_, task, home_, D(2024, 5, 1), "điều chỉnh phân công",
                           On(2024, 5, 2))
                  .ok());
  // Effective from the day it was entered (2 May), not earlier.
  EXPECT_EQ(Detail(task, D(2024, 5, 1)).snapshot.lead_agency_id, science_);
  EXPECT_EQ(Detail(task, D(2024, 5, 2)).snapshot.lead_agency_id, home_);
  EXPECT_EQ(StatusOn(task, D(2024, 5, 2)), TaskStatus::kOpenInTime);
  // Science no longer reports on it; home does.
  EXPECT_EQ(CodeOf(ReportProgress(*store_, science_staff_, task, 10, "", On(2024, 5, 3))),
            StatusCode::kPermissionDenied);
  EXPECT_TRUE(ReportProgress(*store_, home_staff_, task, 10, "", On(2024, 5, 3)).ok());
}

TEST_F(TasksTest, CancelLeavesTheCountsAndRefusesFurtherChanges) {
  const core::Id task = NewScienceTask();
  EXPECT_EQ(CodeOf(CancelTask(*store_, science_staff_, task, "không còn phù hợp", On(2024, 5, 2))),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(CodeOf(CancelTask(*store_, office_, task, "", On(2024, 5, 2))),
            StatusCode::kInvalidInput);
  ASSERT_TRUE(CancelTask(*store_, office_, task, "không còn phù hợp", On(2024, 5, 2)).ok());
  EXPECT_EQ(StatusOn(task, D(2024, 5, 1)), TaskStatus::kOpenInTime);
  EXPECT_EQ(StatusOn(task, D(2024, 5, 2)), std::nullopt);
  EXPECT_TRUE(Detail(task, D(2024, 5, 2)).snapshot.cancelled);
  auto counts = CountStatuses(*store_, Actor::System(), D(2024, 8, 1), std::nullopt);
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->total.total, 0);

  EXPECT_EQ(CodeOf(CancelTask(*store_, office_, task, "lần hai", On(2024, 5, 3))),
            StatusCode::kConflict);
  EXPECT_EQ(CodeOf(ReportProgress(*store_, science_staff_, task, 10, "", On(2024, 5, 3))),
            StatusCode::kConflict);
  EXPECT_EQ(
      CodeOf(CompleteTask(*store_, science_staff_, task, std::nullopt, "xong", On(2024, 5, 3))),
      StatusCode::kConflict);
  EXPECT_EQ(CodeOf(ReopenTask(*store_, office_, task, "mở lại", On(2024, 5, 3))),
            StatusCode::kConflict);
  EXPECT_EQ(CodeOf(ReassignTask(*store_, office_, task, home_, std::nullopt, "", On(2024, 5, 3))),
            StatusCode::kConflict);
  // Comments are still taken.
  EXPECT_TRUE(CommentOnTask(*store_, finance_staff_, task, "ghi nhận", On(2024, 5, 3)).ok());
}

TEST_F(TasksTest, OtherAgenciesAndViewersMayNotWrite) {
  const core::Id task = NewScienceTask();
  const size_t events = EventCount(task);
  for (const Actor& a : {health_staff_, viewer_}) {
    EXPECT_EQ(CodeOf(ReportProgress(*store_, a, task, 10, "", On(2024, 4, 1))),
              StatusCode::kPermissionDenied)
        << a.name;
    EXPECT_EQ(CodeOf(CompleteTask(*store_, a, task, std::nullopt, "xong", On(2024, 4, 1))),
              StatusCode::kPermissionDenied)
        << a.name;
    EXPECT_EQ(CodeOf(CommentOnTask(*store_, a, task, "ý kiến", On(2024, 4, 1))),
              StatusCode::kPermissionDenied)
        << a.name;
    NewSubtask sub;
    sub.lead_agency_id = home_;
    sub.text = "Phần việc";
    EXPECT_EQ(CodeOf(DelegateSubtask(*store_, a, task, sub, On(2024, 4, 1))),
              StatusCode::kPermissionDenied)
        << a.name;
    CoordinationUpdate u;
    u.acknowledge = true;
    u.agency_id = finance_;
    EXPECT_EQ(CodeOf(UpdateCoordination(*store_, a, task, u, On(2024, 4, 1))),
              StatusCode::kPermissionDenied)
        << a.name;
  }
  // The leader reads and decides extensions, nothing else.
  EXPECT_EQ(CodeOf(ReportProgress(*store_, leader_, task, 10, "", On(2024, 4, 1))),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(CodeOf(CancelTask(*store_, leader_, task, "hủy", On(2024, 4, 1))),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(EventCount(task), events);
  // Reading: another agency may not; viewer and leader may.
  EXPECT_EQ(CodeOf(GetTaskDetail(*store_, health_staff_, task, D(2024, 4, 1))),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(CodeOf(ListTaskHistory(*store_, health_staff_, task, D(2024, 4, 1))),
            StatusCode::kPermissionDenied);
  EXPECT_TRUE(GetTaskDetail(*store_, viewer_, task, D(2024, 4, 1)).ok());
  EXPECT_TRUE(GetTaskDetail(*store_, finance_staff_, task, D(2024, 4, 1)).ok());
  EXPECT_EQ(CodeOf(GetTaskDetail(*store_, viewer_, 424242, D(2024, 4, 1))), StatusCode::kNotFound);
  EXPECT_EQ(CodeOf(ReportProgress(*store_, office_, 424242, 1, "", On(2024, 4, 1))),
            StatusCode::kNotFound);
}

TEST_F(TasksTest, CoordinatingAgencyAcknowledgesAndContributes) {
  const core::Id task = NewScienceTask();
  CoordinationUpdate ack;
  ack.acknowledge = true;
  auto c = UpdateCoordination(*store_, finance_staff_, task, ack, On(2024, 3, 4));
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->agency_id, finance_);
  EXPECT_EQ(c->acknowledged_on, D(2024, 3, 4));
  EXPECT_EQ(CodeOf(UpdateCoordination(*store_, finance_staff_, task, ack, On(2024, 3, 5))),
            StatusCode::kConflict);
  CoordinationUpdate contribution;
  contribution.contribution = "Đã cung cấp số liệu ngân sách";
  ASSERT_TRUE(UpdateCoordination(*store_, finance_staff_, task, contribution, On(2024, 3, 6)).ok());
  // A coordinator may not act on the lead's status, nor for another agency.
  EXPECT_EQ(
      CodeOf(CompleteTask(*store_, finance_staff_, task, std::nullopt, "xong", On(2024, 3, 6))),
      StatusCode::kPermissionDenied);
  CoordinationUpdate for_other = contribution;
  for_other.agency_id = home_;
  EXPECT_EQ(CodeOf(UpdateCoordination(*store_, finance_staff_, task, for_other, On(2024, 3, 6))),
            StatusCode::kPermissionDenied);
  // The lead is not a coordinator; the office must say which agency.
  EXPECT_EQ(CodeOf(UpdateCoordination(*store_, science_staff_, task, ack, On(2024, 3, 6))),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(CodeOf(UpdateCoordination(*store_, office_, task, contribution, On(2024, 3, 6))),
            StatusCode::kInvalidInput);
  EXPECT_EQ(CodeOf(UpdateCoordination(*store_, office_, task, for_other, On(2024, 3, 6))),
            StatusCode::kInvalidInput);  // home does not coordinate
  EXPECT_EQ(CodeOf(UpdateCoordination(*store_, finance_staff_, task, CoordinationUpdate{},
                                      On(2024, 3, 6))),
            StatusCode::kInvalidInput);  // nothing to record

  const TaskDetail d = Detail(task, D(2024, 3, 6));
  ASSERT_EQ(d.coordinations.size(), 1u);
  EXPECT_EQ(d.coordinations[0].coordination.acknowledged_on, D(2024, 3, 4));
  EXPECT_EQ(d.coordinations[0].coordination.contribution, "Đã cung cấp số liệu ngân sách");
  // Both recorded in the history too, and the status is unchanged.
  ASSERT_EQ(d.events.size(), 2u);
  EXPECT_EQ(d.events[0].kind, core::TaskEventKind::kComment);
  EXPECT_NE(d.events[1].note.find("Đã cung cấp số liệu ngân sách"), std::string::npos);
  EXPECT_EQ(d.events[1].actor_user_id, finance_staff_.user_id);
  EXPECT_EQ(d.snapshot.status, TaskStatus::kOpenInTime);
}

TEST_F(TasksTest, SubtasksDelegatedCompletedAndCancelledWithTheParent) {
  const core::Id parent = NewScienceTask();
  NewSubtask sub;
  sub.lead_agency_id = home_;
  sub.text = "Rà soát quy chế chia sẻ dữ liệu";
  sub.deadline = D(2024, 7, 15);
  EXPECT_EQ(CodeOf(DelegateSubtask(*store_, science_staff_, parent, sub, On(2024, 4, 1))),
            StatusCode::kInvalidInput);  // after the parent's deadline
  sub.deadline = D(2024, 5, 31);
  NewSubtask self = sub;
  self.lead_agency_id = science_;
  EXPECT_EQ(CodeOf(DelegateSubtask(*store_, science_staff_, parent, self, On(2024, 4, 1))),
            StatusCode::kInvalidInput);
  EXPECT_EQ(CodeOf(DelegateSubtask(*store_, finance_staff_, parent, sub, On(2024, 4, 1))),
            StatusCode::kPermissionDenied);  // a coordinator does not delegate
  auto child = DelegateSubtask(*store_, science_staff_, parent, sub, On(2024, 4, 1));
  ASSERT_TRUE(child.ok()) << child.status().message();
  const TaskDetail c = Detail(*child, D(2024, 4, 1));
  EXPECT_EQ(c.snapshot.task.parent_id, parent);
  EXPECT_EQ(c.snapshot.task.assigned_on, D(2024, 4, 1));
  EXPECT_EQ(c.snapshot.lead_agency_id, home_);
  EXPECT_EQ(StatusOn(*child, D(2024, 6, 1)), TaskStatus::kOpenOverdue);
  ASSERT_EQ(Detail(parent, D(2024, 4, 1)).subtasks.size(), 1u);
  EXPECT_EQ(Detail(parent, D(2024, 4, 1)).subtasks[0].task.id, *child);

  // The parent cannot be completed while the sub-task is open.
  auto refused =
      CompleteTask(*store_, science_staff_, parent, std::nullopt, "xong", On(2024, 6, 10));
  EXPECT_EQ(CodeOf(refused), StatusCode::kConflict);
  EXPECT_NE(refused.status().message().find(std::to_string(*child)), std::string::npos);
  ASSERT_TRUE(
      CompleteTask(*store_, home_staff_, *child, std::nullopt, "đã rà soát", On(2024, 6, 5)).ok());
  ASSERT_TRUE(
      CompleteTask(*store_, science_staff_, parent, std::nullopt, "xong", On(2024, 6, 10)).ok());
  EXPECT_EQ(StatusOn(*child, D(2024, 6, 5)), TaskStatus::kDoneLate);
  EXPECT_EQ(StatusOn(parent, D(2024, 6, 10)), TaskStatus::kDoneOnTime);
  // Reopening the sub-task of a completed parent, and delegating from it, are refused.
  EXPECT_EQ(CodeOf(ReopenTask(*store_, office_, *child, "thiếu", On(2024, 6, 11))),
            StatusCode::kConflict);
  EXPECT_EQ(CodeOf(DelegateSubtask(*store_, science_staff_, parent, sub, On(2024, 6, 11))),
            StatusCode::kConflict);

  // Cancelling a parent cancels its open sub-tasks, and keeps completed ones.
  const core::Id other = NewScienceTask(D(2024, 12, 31));
  NewSubtask a = sub;
  a.deadline = D(2024, 9, 30);
  auto done = DelegateSubtask(*store_, office_, other, a, On(2024, 4, 2));
  NewSubtask b = a;
  b.lead_agency_id = health_;
  auto open = DelegateSubtask(*store_, office_, other, b, On(2024, 4, 2));
  ASSERT_TRUE(done.ok() && open.ok());
  NewSubtask grand = a;
  grand.lead_agency_id = committee_;
  auto grandchild = DelegateSubtask(*store_, health_staff_, *open, grand, On(2024, 4, 3));
  ASSERT_TRUE(grandchild.ok()) << grandchild.status().message();
  ASSERT_TRUE(CompleteTask(*store_, home_staff_, *done, std::nullopt, "xong", On(2024, 5, 1)).ok());
  ASSERT_TRUE(CancelTask(*store_, office_, other, "dừng thực hiện", On(2024, 5, 2)).ok());
  EXPECT_EQ(StatusOn(*done, D(2024, 5, 2)), TaskStatus::kDoneOnTime);
  EXPECT_TRUE(Detail(*open, D(2024, 5, 2)).snapshot.cancelled);
  EXPECT_FALSE(Detail(*open, D(2024, 5, 1)).snapshot.cancelled);
  EXPECT_TRUE(Detail(*grandchild, D(2024, 5, 2)).snapshot.cancelled);
  EXPECT_NE(Detail(*open, D(2024, 5, 2)).events.back().note.find(std::to_string(other)),
            std::string::npos);
}

}  // namespace
}  // namespace dondoc::service
