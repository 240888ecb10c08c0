// Permissions: what each role may and may not do, through the use cases.
#include "service/permissions.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "service/fixture.h"
#include "service/review.h"
#include "service/tracking.h"

namespace dondoc::service {
namespace {

using testing::At;
using testing::D;
using testing::kDecision;
using testing::kPlan;
using testing::ServiceTest;

Actor As(Role role, std::optional<core::Id> agency = std::nullopt) {
  Actor a;
  a.user_id = 7;
  a.role = role;
  a.agency_id = agency;
  a.name = "cán bộ";
  return a;
}

void ExpectDenied(const Status& s) {
  EXPECT_EQ(s.code(), StatusCode::kPermissionDenied) << s.message();
  EXPECT_NE(s.message().find("không có quyền"), std::string::npos) << s.message();
}

class PermissionsTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    auto r = Import(kPlan, "kh-45.txt");
    ASSERT_TRUE(r.ok()) << r.status().message();
    document_id_ = r->document_id;
    options_.province = "An Lạc";
    options_.now = At(2024, 3, 12);
    auto list = ListProposals(*store_, Actor::System(), document_id_, std::nullopt);
    ASSERT_TRUE(list.ok());
    for (const core::Proposal& p : *list) {
      const boost::json::value v = boost::json::parse(p.payload_json);
      if (p.kind == core::ProposalKind::kTask &&
          v.at("lead") == boost::json::value("Sở Khoa học và Công nghệ")) {
        auto c = ConfirmProposal(*store_, Actor::System(), p.id, {}, options_);
        ASSERT_TRUE(c.ok()) << c.status().message();
        science_task_ = c->created_item_id;
      } else if (p.kind == core::ProposalKind::kTask &&
                 v.at("lead") == boost::json::value("Sở Nội vụ")) {
        auto c = ConfirmProposal(*store_, As(Role::kOffice), p.id, {}, options_);
        ASSERT_TRUE(c.ok()) << c.status().message();
        home_task_ = c->created_item_id;
      } else if (open_proposal_ == 0) {
        open_proposal_ = p.id;
      }
    }
    ASSERT_NE(science_task_, 0);
    ASSERT_NE(home_task_, 0);
    ASSERT_NE(open_proposal_, 0);
  }

  Status TaskCheck(const Actor& actor, core::Id task, TaskAction action, core::Date on) {
    Status result;
    Status s = store_->Read([&](store::Transaction& tx) -> Status {
      result = CheckTask(tx, actor, task, action, on);
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok());
    return result;
  }

  core::Id document_id_ = 0;
  core::Id science_task_ = 0, home_task_ = 0, open_proposal_ = 0;
  ReviewOptions options_;
};

TEST_F(PermissionsTest, OnlyOfficeAndAdminImportAndReview) {
  for (Role role : {Role::kViewer, Role::kLeader}) {
    ExpectDenied(Import(kDecision, "qd.txt", As(role)).status());
    ExpectDenied(ListProposals(*store_, As(role), document_id_, std::nullopt).status());
    ExpectDenied(ConfirmProposal(*store_, As(role), open_proposal_, {}, options_).status());
    ExpectDenied(RejectProposal(*store_, As(role), open_proposal_, "không", options_));
  }
  const Actor staff = As(Role::kAgency, science_);
  ExpectDenied(Import(kDecision, "qd.txt", staff).status());
  ExpectDenied(ConfirmProposal(*store_, staff, open_proposal_, {}, options_).status());
  // A refused import wrote nothing; the office may.
  auto office = Import(kDecision, "qd.txt", As(Role::kOffice));
  ASSERT_TRUE(office.ok()) << office.status().message();
  EXPECT_TRUE(
      RejectProposal(*store_, As(Role::kOffice), open_proposal_, "không rõ", options_).ok());
}

TEST_F(PermissionsTest, AdministrationIsForAdminOnly) {
  EXPECT_TRUE(Check(Actor::System(), Action::kAdminister).ok());
  ExpectDenied(Check(As(Role::kOffice), Action::kAdminister));
  ExpectDenied(Check(As(Role::kLeader), Action::kAdminister));
  EXPECT_TRUE(Check(As(Role::kViewer), Action::kReadDocuments).ok());
  EXPECT_TRUE(Check(As(Role::kAgency, health_), Action::kReadDocuments).ok());
  ExpectDenied(Check(As(Role::kAgency), Action::kReadAllTasks));
}

TEST_F(PermissionsTest, AgencyStaffSeeOnlyTheirOwnTasks) {
  TaskQuery q;
  q.as_of = D(2024, 4, 1);
  // Lead: Sở KH&CN sees its task only.
  auto science = ListTasks(*store_, As(Role::kAgency, science_), q);
  ASSERT_TRUE(science.ok()) << science.status().message();
  ASSERT_EQ(science->size(), 1u);
  EXPECT_EQ(science->at(0).view.task.id, science_task_);
  // Coordinator: Sở Tài chính sees the task it coordinates.
  auto finance = ListTasks(*store_, As(Role::kAgency, finance_), q);
  ASSERT_TRUE(finance.ok());
  ASSERT_EQ(finance->size(), 1u);
  EXPECT_EQ(finance->at(0).view.task.id, science_task_);
  // Unrelated: nothing.
  auto health = ListTasks(*store_, As(Role::kAgency, health_), q);
  ASSERT_TRUE(health.ok());
  EXPECT_TRUE(health->empty());
  // Asking for another agency is refused; the viewer sees all.
  q.agency = "Sở Nội vụ";
  ExpectDenied(ListTasks(*store_, As(Role::kAgency, science_), q).status());
  EXPECT_EQ(ListTasks(*store_, As(Role::kViewer), q)->size(), 1u);
  // Without an agency, agency staff see nothing at all.
  q.agency.reset();
  ExpectDenied(ListTasks(*store_, As(Role::kAgency), q).status());
  // Counts: their own agency only.
  auto counts = CountStatuses(*store_, As(Role::kAgency, home_), D(2024, 4, 1), std::nullopt);
  ASSERT_TRUE(counts.ok());
  ASSERT_EQ(counts->by_agency.size(), 1u);
  EXPECT_EQ(counts->by_agency[0].agency_id, home_);
  EXPECT_EQ(counts->total.total, 1);
  ExpectDenied(
      CountStatuses(*store_, As(Role::kAgency, home_), D(2024, 4, 1), std::string("Sở Y tế"))
          .status());
}

TEST_F(PermissionsTest, TaskActionsByRoleAndLeadOnTheDay) {
  const core::Date day = D(2024, 4, 1);
  EXPECT_TRUE(TaskCheck(As(Role::kAgency, science_), science_task_, TaskAction::kReport, day).ok());
  EXPECT_TRUE(TaskCheck(As(Role::kAgency, finance_), science_task_, TaskAction::kRead, day).ok());
  EXPECT_TRUE(TaskCheck(As(Role::kAgency, finance_), science_task_, TaskAction::kReport, day).ok());
  ExpectDenied(TaskCheck(As(Role::kAgency, finance_), science_task_, TaskAction::kManage, day));
  ExpectDenied(TaskCheck(As(Role::kAgency, health_), science_task_, TaskAction::kRead, day));
  ExpectDenied(
      TaskCheck(As(Role::kAgency, science_), science_task_, TaskAction::kDecideExtension, day));
  EXPECT_TRUE(TaskCheck(As(Role::kLeader), science_task_, TaskAction::kDecideExtension, day).ok());
  ExpectDenied(TaskCheck(As(Role::kLeader), science_task_, TaskAction::kReport, day));
  EXPECT_TRUE(TaskCheck(As(Role::kViewer), science_task_, TaskAction::kRead, day).ok());
  ExpectDenied(TaskCheck(As(Role::kViewer), science_task_, TaskAction::kReport, day));
  EXPECT_TRUE(TaskCheck(As(Role::kOffice), science_task_, TaskAction::kManage, day).ok());
  EXPECT_EQ(TaskCheck(As(Role::kOffice), 9999, TaskAction::kRead, day).code(),
            StatusCode::kNotFound);

  // Reassigned to Sở Nội vụ from 1 May: the lead is the one on the day asked.
  Status s = store_->Write([&](store::Transaction& tx) -> Status {
    core::TaskEvent e;
    e.task_id = science_task_;
    e.kind = core::TaskEventKind::kReassigned;
    e.effective_on = D(2024, 5, 1);
    e.recorded_at = At(2024, 5, 1);
    e.agency_id = home_;
    auto id = tx.AddTaskEvent(e);
    return id.ok() ? Status::Ok() : id.status();
  });
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_TRUE(
      TaskCheck(As(Role::kAgency, science_), science_task_, TaskAction::kReport, D(2024, 4, 30))
          .ok());
  ExpectDenied(
      TaskCheck(As(Role::kAgency, science_), science_task_, TaskAction::kReport, D(2024, 5, 2)));
  EXPECT_TRUE(
      TaskCheck(As(Role::kAgency, home_), science_task_, TaskAction::kReport, D(2024, 5, 2)).ok());
}

TEST_F(PermissionsTest, FiguresOfOwnAgencyOnly) {
  EXPECT_TRUE(CheckFigure(As(Role::kAgency, finance_), finance_).ok());
  ExpectDenied(CheckFigure(As(Role::kAgency, finance_), home_));
  ExpectDenied(CheckFigure(As(Role::kAgency, finance_), std::nullopt));
  ExpectDenied(CheckFigure(As(Role::kViewer), finance_));
  EXPECT_TRUE(CheckFigure(As(Role::kOffice), std::nullopt).ok());
}

TEST(RoleTest, NamesRoundTrip) {
  for (Role role : {Role::kAdmin, Role::kOffice, Role::kAgency, Role::kLeader, Role::kViewer}) {
    auto parsed = ParseRole(RoleName(role));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, role);
  }
  auto bad = ParseRole("boss");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("boss"), std::string::npos);
}

}  // namespace
}  // namespace dondoc::service
