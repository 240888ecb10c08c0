// Review: confirming turns a proposal into tracked work (task, obligation,
// target), once; rejecting needs a reason; unknown agencies are named.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "service/agency_names.h"
#include "service/fixture.h"
#include "service/review.h"

namespace dondoc::service {
namespace {

using testing::At;
using testing::D;
using testing::kPlan;
using testing::ServiceTest;

class ReviewTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    auto r = Import(kPlan, "kh-45.txt");
    ASSERT_TRUE(r.ok()) << r.status().message();
    document_id_ = r->document_id;
    options_.province = "An Lạc";
    options_.now = At(2024, 3, 20);
  }

  // The first proposal of `kind` whose payload field `key` equals `value`.
  core::Proposal Find(core::ProposalKind kind, const std::string& key, const std::string& value) {
    auto list = ListProposals(*store_, Actor::System(), document_id_, std::nullopt);
    EXPECT_TRUE(list.ok());
    for (const core::Proposal& p : *list) {
      if (p.kind != kind) continue;
      boost::json::value v = boost::json::parse(p.payload_json);
      const boost::json::value* field = v.as_object().if_contains(key);
      if (field && field->is_string() && field->as_string() == value) return p;
    }
    ADD_FAILURE() << "no proposal with " << key << " = " << value;
    return {};
  }

  core::Id document_id_ = 0;
  ReviewOptions options_;
};

TEST_F(ReviewTest, ConfirmCreatesTheTaskWithLeadCoordinatorAndDeadline) {
  const core::Proposal p = Find(core::ProposalKind::kTask, "lead", "Sở Khoa học và Công nghệ");
  auto r = ConfirmProposal(*store_, Actor::System(), p.id, {}, options_);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->created_kind, "task");
  ReadTx([&](store::Transaction& tx) -> Status {
    auto task = tx.GetTask(r->created_item_id);
    EXPECT_TRUE(task.ok());
    EXPECT_EQ(task->lead_agency_id, science_);
    EXPECT_EQ(task->deadline, D(2024, 6, 30));
    EXPECT_EQ(task->assigned_on, D(2024, 3, 12));  // the document's date
    EXPECT_EQ(task->document_id, document_id_);
    EXPECT_NE(task->deadline_text.find("30 tháng 6"), std::string::npos);
    EXPECT_EQ(task->span->line_start, 16u);
    auto coordinations = tx.ListCoordinations(task->id);
    EXPECT_TRUE(coordinations.ok());
    EXPECT_EQ(coordinations->size(), 1u);
    EXPECT_EQ(coordinations->at(0).agency_id, finance_);
    auto stored = tx.GetProposal(p.id);
    EXPECT_EQ(stored->state, core::ProposalState::kConfirmed);
    EXPECT_EQ(stored->created_item_id, r->created_item_id);
    EXPECT_EQ(stored->decided_at, At(2024, 3, 20));
    return Status::Ok();
  });

  // Twice is an error that says how it was decided.
  auto again = ConfirmProposal(*store_, Actor::System(), p.id, {}, options_);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kConflict);
  EXPECT_NE(again.status().message().find("already confirmed"), std::string::npos)
      << again.status().message();
  // And it made no second task.
  ReadTx([&](store::Transaction& tx) -> Status {
    store::TaskFilter all;
    all.as_of = D(2024, 12, 31);
    auto tasks = tx.ListTasks(all);
    EXPECT_EQ(tasks->size(), 1u);
    return Status::Ok();
  });
}

TEST_F(ReviewTest, EditsOverrideLeadDeadlineCoordinatorsAndText) {
  const core::Proposal p = Find(core::ProposalKind::kTask, "lead", "Sở Khoa học và Công nghệ");
  ConfirmEdits edits;
  edits.lead = "so noi vu";  // accents and case do not matter
  edits.coordinating = std::vector<std::string>{"Sở KH&CN", "Sở Y tế"};  // abbreviation too
  edits.deadline = D(2024, 9, 30);
  edits.text = "Xây dựng nền tảng dữ liệu dùng chung (sửa)";
  edits.note = "giao lại";
  auto r = ConfirmProposal(*store_, Actor::System(), p.id, edits, options_);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ReadTx([&](store::Transaction& tx) -> Status {
    auto task = tx.GetTask(r->created_item_id);
    EXPECT_EQ(task->lead_agency_id, home_);
    EXPECT_EQ(task->deadline, D(2024, 9, 30));
    EXPECT_EQ(task->text, "Xây dựng nền tảng dữ liệu dùng chung (sửa)");
    auto coordinations = tx.ListCoordinations(task->id);
    EXPECT_EQ(coordinations->size(), 2u);
    auto stored = tx.GetProposal(p.id);
    EXPECT_NE(stored->decision_note.find("giao lại"), std::string::npos);
    EXPECT_NE(stored->decision_note.find("lead"), std::string::npos);
    return Status::Ok();
  });
}

TEST_F(ReviewTest, UnknownAgencyIsNamedWithCloseMatchesAndNothingIsWritten) {
  const core::Proposal p = Find(core::ProposalKind::kTask, "lead", "Sở Nội vụ");
  ConfirmEdits edits;
  edits.lead = "Sở Tài chánh";
  auto r = ConfirmProposal(*store_, Actor::System(), p.id, edits, options_);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
  const std::string& m = r.status().message();
  EXPECT_NE(m.find("unknown agency \"Sở Tài chánh\""), std::string::npos) << m;
  EXPECT_NE(m.find("close matches: \"Sở Tài chính\""), std::string::npos) << m;
  ReadTx([&](store::Transaction& tx) -> Status {
    EXPECT_EQ(tx.GetProposal(p.id)->state, core::ProposalState::kProposed);
    return Status::Ok();
  });
}

TEST_F(ReviewTest, CloseMatchesWeighRareWords) {
  ReadTx([&](store::Transaction& tx) -> Status {
    auto close = CloseAgencyNames(tx, "Sở Tài chánh", D(2024, 3, 12));
    EXPECT_TRUE(close.ok());
    EXPECT_EQ(*close, std::vector<std::string>{"Sở Tài chính"});
    // Sharing only "Sở" is no match.
    close = CloseAgencyNames(tx, "Sở Giáo dục và Đào tạo", D(2024, 3, 12));
    EXPECT_TRUE(close.ok());
    EXPECT_TRUE(close->empty());
    auto unknown = ResolveAgency(tx, "Sở Giáo dục và Đào tạo", D(2024, 3, 12), "An Lạc");
    EXPECT_FALSE(unknown.ok());
    EXPECT_NE(unknown.status().message().find("no stored agency has a similar name"),
              std::string::npos);
    // Abbreviations known to the gazetteer reach the stored full name.
    auto abbreviated = ResolveAgency(tx, "Sở KH&ĐT", D(2024, 3, 12), "An Lạc");
    EXPECT_FALSE(abbreviated.ok());  // not stored: Sở Kế hoạch và Đầu tư
    auto science = ResolveAgency(tx, "Sở KHCN tỉnh An Lạc", D(2024, 3, 12), "An Lạc");
    EXPECT_TRUE(science.ok()) << science.status().message();
    if (science.ok()) {
      EXPECT_EQ(science->id, science_);
    }
    return Status::Ok();
  });
}

TEST_F(ReviewTest, TaskWithoutLeadNeedsOne) {
  // Edit a stored proposal's payload to have no lead, as a reviewer might
  // see for "the departments concerned".
  const core::Proposal p = Find(core::ProposalKind::kTask, "lead", "Sở Y tế");
  Status s = store_->Write([&](store::Transaction& tx) -> Status {
    core::Proposal edited = p;
    boost::json::object payload = boost::json::parse(p.payload_json).as_object();
    payload["lead"] = nullptr;
    edited.payload_json = boost::json::serialize(payload);
    return tx.UpdateProposal(edited);
  });
  ASSERT_TRUE(s.ok()) << s.message();
  auto r = ConfirmProposal(*store_, Actor::System(), p.id, {}, options_);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("no lead agency"), std::string::npos);
  ConfirmEdits edits;
  edits.lead = "Sở Y tế";
  r = ConfirmProposal(*store_, Actor::System(), p.id, edits, options_);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ReadTx([&](store::Transaction& tx) -> Status {
    auto task = tx.GetTask(r->created_item_id);
    EXPECT_EQ(task->lead_agency_id, health_);
    EXPECT_FALSE(task->deadline.has_value());  // none was written
    return Status::Ok();
  });
}

TEST_F(ReviewTest, RecurringDutyBecomesAnObligation) {
  const core::Proposal p = Find(core::ProposalKind::kTask, "lead", "Sở Tài chính");
  auto r = ConfirmProposal(*store_, Actor::System(), p.id, {}, options_);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->created_kind, "obligation");
  ReadTx([&](store::Transaction& tx) -> Status {
    auto obligations = tx.ListObligations();
    EXPECT_EQ(obligations->size(), 1u);
    const core::Obligation& o = obligations->at(0);
    EXPECT_EQ(o.id, r->created_item_id);
    EXPECT_EQ(o.agency_id, finance_);
    EXPECT_EQ(o.recurrence.cadence, core::Cadence::kMonthly);
    EXPECT_EQ(o.recurrence.day, 20);
    EXPECT_EQ(o.starts_on, D(2024, 3, 12));
    return Status::Ok();
  });
}

TEST_F(ReviewTest, TargetFindsOrCreatesItsIndicator) {
  const core::Proposal p =
      Find(core::ProposalKind::kTarget, "name", "Tỷ lệ hồ sơ giải quyết trực tuyến");
  auto r = ConfirmProposal(*store_, Actor::System(), p.id, {}, options_);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->created_kind, "target");
  ReadTx([&](store::Transaction& tx) -> Status {
    auto indicators = tx.ListIndicators();
    EXPECT_EQ(indicators->size(), 1u);
    EXPECT_EQ(indicators->at(0).unit, "%");
    auto targets = tx.ListTargets(indicators->at(0).id);
    EXPECT_EQ(targets->size(), 1u);
    EXPECT_EQ(targets->at(0).value, 80.0);
    EXPECT_EQ(targets->at(0).period, (core::Period{core::PeriodKind::kYear, 2024, 0}));
    EXPECT_EQ(targets->at(0).plan_source, "45/KH-UBND");
    return Status::Ok();
  });
}

TEST_F(ReviewTest, RejectNeedsANoteAndIsFinal) {
  const core::Proposal p = Find(core::ProposalKind::kTarget, "name", "Tốc độ tăng trưởng GRDP");
  Status s = RejectProposal(*store_, Actor::System(), p.id, "", options_);
  EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
  s = RejectProposal(*store_, Actor::System(), p.id, "trùng với kế hoạch khác", options_);
  ASSERT_TRUE(s.ok()) << s.message();
  ReadTx([&](store::Transaction& tx) -> Status {
    auto stored = tx.GetProposal(p.id);
    EXPECT_EQ(stored->state, core::ProposalState::kRejected);
    EXPECT_EQ(stored->decision_note, "trùng với kế hoạch khác");
    return Status::Ok();
  });
  auto confirm = ConfirmProposal(*store_, Actor::System(), p.id, {}, options_);
  ASSERT_FALSE(confirm.ok());
  EXPECT_NE(confirm.status().message().find("already rejected"), std::string::npos);
  auto rejected =
      ListProposals(*store_, Actor::System(), document_id_, core::ProposalState::kRejected);
  ASSERT_TRUE(rejected.ok());
  EXPECT_EQ(rejected->size(), 1u);
}

TEST_F(ReviewTest, MissingProposalIsNotFound) {
  auto r = ConfirmProposal(*store_, Actor::System(), 9999, {}, options_);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

TEST(PeriodFromLabelTest, ExtractLabelsBecomeCorePeriods) {
  using core::Period;
  using core::PeriodKind;
  EXPECT_EQ(*PeriodFromLabel("2023", std::nullopt), (Period{PeriodKind::kYear, 2023, 0}));
  EXPECT_EQ(*PeriodFromLabel("2024-H1", std::nullopt), (Period{PeriodKind::kHalfYear, 2024, 1}));
  EXPECT_EQ(*PeriodFromLabel("2024-Q2", std::nullopt), (Period{PeriodKind::kQuarter, 2024, 2}));
  EXPECT_EQ(*PeriodFromLabel("2024-M1-11", std::nullopt),
            (Period{PeriodKind::kMonthsToDate, 2024, 11}));
  EXPECT_EQ(*PeriodFromLabel("2024-M3-3", std::nullopt), (Period{PeriodKind::kMonth, 2024, 3}));
  EXPECT_EQ(*PeriodFromLabel("2021-2025", std::nullopt), (Period{PeriodKind::kYears, 2021, 2025}));
  EXPECT_EQ(*PeriodFromLabel(std::nullopt, D(2022, 5, 1)), (Period{PeriodKind::kYear, 2022, 0}));
  EXPECT_FALSE(PeriodFromLabel(std::nullopt, std::nullopt).ok());
  EXPECT_FALSE(PeriodFromLabel("2024-M3-5", std::nullopt).ok());
  EXPECT_FALSE(PeriodFromLabel("quý hai", std::nullopt).ok());
}

}  // namespace
}  // namespace dondoc::service
