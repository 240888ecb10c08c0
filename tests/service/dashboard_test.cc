// Dashboards and plans over hand-built histories with exact numbers: due
// lists, the trend of the four-way counts, indicator achievement, reporting
// timeliness, and submitting figures and reports with their permissions.
#include <gtest/gtest.h>

#include <cmath>

#include "service/dashboard.h"
#include "service/fixture.h"
#include "service/plans.h"

namespace dondoc::service {
namespace {

using testing::At;
using testing::D;
using testing::ServiceTest;

class DashboardTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    // Six tasks assigned on 2 January 2024.
    t1_ = AddTask(science_, D(2024, 3, 10));  // done 8 March: on time
    t2_ = AddTask(science_, D(2024, 3, 20));  // open: overdue from 21 March
    t3_ = AddTask(finance_, D(2024, 3, 28), science_);
    t4_ = AddTask(home_, D(2024, 4, 10));
    t5_ = AddTask(home_, D(2024, 3, 1));  // open: overdue from 2 March
    t6_ = AddTask(health_, std::nullopt);
    Complete(t1_, D(2024, 3, 8));
  }

  core::Id AddTask(core::Id lead, std::optional<core::Date> deadline,
                   std::optional<core::Id> coordinating = std::nullopt) {
    core::Id id = 0;
    Status s = store_->Write([&](store::Transaction& tx) -> Status {
      core::Task t;
      t.lead_agency_id = lead;
      t.text = "nhiệm vụ thử " + std::to_string(lead);
      t.assigned_on = D(2024, 1, 2);
      t.deadline = deadline;
      t.created_at = At(2024, 1, 2);
      std::vector<core::Coordination> c;
      if (coordinating) c.push_back(core::Coordination{0, *coordinating, std::nullopt, ""});
      Result<core::Id> added = tx.AddTask(t, c);
      if (!added.ok()) return added.status();
      id = *added;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return id;
  }

  void Complete(core::Id task, core::Date day) {
    Status s = store_->Write([&](store::Transaction& tx) -> Status {
      core::TaskEvent e;
      e.task_id = task;
      e.kind = core::TaskEventKind::kCompleted;
      e.effective_on = day;
      e.recorded_at = core::Timestamp(day.time_since_epoch()) + std::chrono::hours(2);
      Result<core::Id> id = tx.AddTaskEvent(e);
      return id.ok() ? Status::Ok() : id.status();
    });
    ASSERT_TRUE(s.ok()) << s.message();
  }

  Actor Staff(core::Id agency) const { return Actor{core::Id{42}, Role::kAgency, agency, "cb"}; }

  static std::vector<std::pair<core::Id, int64_t>> Ids(const std::vector<DueTask>& list) {
    std::vector<std::pair<core::Id, int64_t>> out;
    for (const DueTask& t : list) out.emplace_back(t.row.view.task.id, t.days);
    return out;
  }

  core::Id t1_ = 0, t2_ = 0, t3_ = 0, t4_ = 0, t5_ = 0, t6_ = 0;
};

TEST_F(DashboardTest, DueListsOrderedByUrgency) {
  DueQuery q;
  q.as_of = D(2024, 3, 25);
  auto lists = DueTasks(*store_, Actor::System(), q);
  ASSERT_TRUE(lists.ok()) << lists.status().message();
  using P = std::vector<std::pair<core::Id, int64_t>>;
  EXPECT_EQ(Ids(lists->overdue), (P{{t5_, 24}, {t2_, 5}}));
  EXPECT_EQ(Ids(lists->due_soon), (P{{t3_, 3}}));
  EXPECT_FALSE(lists->overdue_truncated);
  EXPECT_EQ(lists->due_soon[0].row.lead_name, "Sở Tài chính");
  ASSERT_EQ(lists->due_soon[0].row.coordinating_names.size(), 1U);

  q.within_days = 16;  // 10 April is 16 days after 25 March
  lists = DueTasks(*store_, Actor::System(), q);
  ASSERT_TRUE(lists.ok());
  EXPECT_EQ(Ids(lists->due_soon), (P{{t3_, 3}, {t4_, 16}}));

  q.limit = 1;
  lists = DueTasks(*store_, Actor::System(), q);
  ASSERT_TRUE(lists.ok());
  EXPECT_EQ(Ids(lists->overdue), (P{{t5_, 24}}));
  EXPECT_TRUE(lists->overdue_truncated);
  EXPECT_EQ(Ids(lists->due_soon), (P{{t3_, 3}}));
  EXPECT_TRUE(lists->due_soon_truncated);
}

TEST_F(DashboardTest, DueListsOfAgencyStaffAreTheirs) {
  DueQuery q;
  q.as_of = D(2024, 3, 25);
  auto lists = DueTasks(*store_, Staff(science_), q);
  ASSERT_TRUE(lists.ok()) << lists.status().message();
  using P = std::vector<std::pair<core::Id, int64_t>>;
  EXPECT_EQ(Ids(lists->overdue), (P{{t2_, 5}}));
  EXPECT_EQ(Ids(lists->due_soon), (P{{t3_, 3}}));  // it coordinates

  q.agency = "Sở Tài chính";
  lists = DueTasks(*store_, Staff(science_), q);
  EXPECT_EQ(lists.status().code(), StatusCode::kPermissionDenied);

  lists = DueTasks(*store_, Actor::System(), q);
  ASSERT_TRUE(lists.ok());
  EXPECT_TRUE(lists->overdue.empty());
  EXPECT_EQ(Ids(lists->due_soon), (P{{t3_, 3}}));

  q.agency.reset();
  q.within_days = 400;
  EXPECT_EQ(DueTasks(*store_, Actor::System(), q).status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(DueTasks(*store_, Actor{std::nullopt, Role::kAgency, std::nullopt, "x"}, DueQuery{})
                .status()
                .code(),
            StatusCode::kPermissionDenied);
}

core::StatusCounts Counts(int64_t on_time, int64_t late, int64_t in_time, int64_t overdue,
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

TEST_F(DashboardTest, TrendAtTheEndOfEachMonth) {
  TrendQuery q;
  q.from = D(2024, 1, 10);
  q.to = D(2024, 3, 25);
  auto trend = StatusTrend(*store_, Actor::System(), q);
  ASSERT_TRUE(trend.ok()) << trend.status().message();
  ASSERT_EQ(trend->size(), 3U);
  EXPECT_EQ((*trend)[0].day, D(2024, 1, 31));
  EXPECT_EQ((*trend)[1].day, D(2024, 2, 29));
  EXPECT_EQ((*trend)[2].day, D(2024, 3, 25));
  EXPECT_EQ((*trend)[0].counts, Counts(0, 0, 6, 0, 1));
  EXPECT_EQ((*trend)[1].counts, Counts(0, 0, 6, 0, 1));
  EXPECT_EQ((*trend)[2].counts, Counts(1, 0, 3, 2, 1));

  // Weekly, for science's staff: its own tasks only (t1, t2).
  q.step = TrendStep::kWeek;
  q.from = D(2024, 3, 4);  // a Monday
  auto weekly = StatusTrend(*store_, Staff(science_), q);
  ASSERT_TRUE(weekly.ok()) << weekly.status().message();
  ASSERT_EQ(weekly->size(), 4U);  // Sundays 10, 17, 24 March, then the 25th
  EXPECT_EQ((*weekly)[0].day, D(2024, 3, 10));
  EXPECT_EQ((*weekly)[0].counts, Counts(1, 0, 1, 0, 0));
  EXPECT_EQ((*weekly)[2].counts, Counts(1, 0, 0, 1, 0));

  q.from = D(2022, 1, 1);
  EXPECT_EQ(StatusTrend(*store_, Actor::System(), q).status().code(), StatusCode::kInvalidInput);
  q.from = D(2024, 4, 1);
  EXPECT_EQ(StatusTrend(*store_, Actor::System(), q).status().code(), StatusCode::kInvalidInput);
}

class PlansTest : public DashboardTest {
 protected:
  void SetUp() override {
    DashboardTest::SetUp();
    auto online = AddIndicator(
        *store_, Actor::System(),
        core::Indicator{0, "Tỷ lệ hồ sơ trực tuyến", "%", core::Direction::kHigherIsBetter});
    ASSERT_TRUE(online.ok()) << online.status().message();
    online_ = online->id;
    auto poor =
        AddIndicator(*store_, Actor::System(),
                     core::Indicator{0, "Tỷ lệ hộ nghèo", "%", core::Direction::kLowerIsBetter});
    ASSERT_TRUE(poor.ok());
    poor_ = poor->id;

    core::Target province;
    province.indicator_id = online_;
    province.period = {core::PeriodKind::kYear, 2024, 0};
    province.value = 80;
    province.comparator = core::Comparator::kGe;
    province.plan_source = "province";
    auto t = AddTarget(*store_, Actor::System(), province);
    ASSERT_TRUE(t.ok()) << t.status().message();
    online_target_ = t->id;
    core::Target range;
    range.indicator_id = poor_;
    range.period = {core::PeriodKind::kYear, 2024, 0};
    range.agency_id = health_;
    range.low = 2;
    range.high = 3;
    range.comparator = core::Comparator::kRange;
    t = AddTarget(*store_, Actor::System(), range);
    ASSERT_TRUE(t.ok()) << t.status().message();

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
        o.recurrence.day = 20;
        o.starts_on = D(2024, 1, 1);
        o.regime_id = regime_;
        Result<core::Id> oid = tx.AddObligation(o);
        if (!oid.ok()) return oid.status();
      }
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.message();
  }

  core::Figure Figure(core::Id indicator, std::optional<core::Id> agency, double value) const {
    core::Figure f;
    f.indicator_id = indicator;
    f.agency_id = agency;
    f.period = {core::PeriodKind::kYear, 2024, 0};
    f.value = value;
    return f;
  }

  void Report(core::Id agency, int month, core::Timestamp at) {
    core::ReportSubmission sub;
    sub.regime_id = regime_;
    sub.agency_id = agency;
    sub.period = {core::PeriodKind::kMonth, 2024, month};
    auto r = SubmitReport(*store_, Staff(agency), sub, at);
    ASSERT_TRUE(r.ok()) << r.status().message();
  }

  core::Id online_ = 0, poor_ = 0, online_target_ = 0, regime_ = 0;
};

TEST_F(PlansTest, AchievementTakesTheLatestFigureKnownOnTheDay) {
  ASSERT_TRUE(
      SubmitFigure(*store_, Actor::System(), Figure(online_, std::nullopt, 75), {}, At(2024, 6, 1))
          .ok());
  ASSERT_TRUE(SubmitFigure(*store_, Actor::System(), Figure(online_, std::nullopt, 85), {},
                           At(2024, 12, 20))
                  .ok());
  ASSERT_TRUE(
      SubmitFigure(*store_, Staff(health_), Figure(poor_, health_, 1.5), {}, At(2024, 12, 5)).ok());

  AchievementQuery q;
  q.as_of = D(2024, 7, 1);
  auto rows = IndicatorAchievement(*store_, Actor::System(), q);
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 2U);
  const TargetAchievement& online = (*rows)[0];
  EXPECT_EQ(online.target.id, online_target_);
  ASSERT_TRUE(online.latest.has_value());
  EXPECT_EQ(online.latest->value, 75);
  ASSERT_TRUE(online.achievement.has_value());
  EXPECT_EQ(online.achievement->outcome, core::Outcome::kNotMet);
  EXPECT_DOUBLE_EQ(*online.achievement->percent_of_plan, 93.75);
  EXPECT_FALSE((*rows)[1].latest.has_value());  // health's figure came in December
  EXPECT_EQ((*rows)[1].agency_name, "Sở Y tế");

  q.as_of = D(2024, 12, 31);
  rows = IndicatorAchievement(*store_, Actor::System(), q);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ((*rows)[0].latest->value, 85);
  EXPECT_EQ((*rows)[0].achievement->outcome, core::Outcome::kMet);
  EXPECT_EQ((*rows)[1].achievement->outcome, core::Outcome::kExceeded);  // 1.5 below 2..3

  // Finance's staff see the province-wide target only.
  rows = IndicatorAchievement(*store_, Staff(finance_), q);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1U);
  EXPECT_EQ((*rows)[0].target.id, online_target_);
  q.agency_id = health_;
  EXPECT_EQ(IndicatorAchievement(*store_, Staff(finance_), q).status().code(),
            StatusCode::kPermissionDenied);
}

TEST_F(PlansTest, FiguresOnlyByTheirAgencyWithTimeliness) {
  core::Figure monthly = Figure(online_, finance_, 81);
  monthly.period = {core::PeriodKind::kMonth, 2024, 2};
  auto late = SubmitFigure(*store_, Staff(finance_), monthly, regime_, At(2024, 2, 21));
  ASSERT_TRUE(late.ok()) << late.status().message();
  EXPECT_EQ(*late->due, D(2024, 2, 20));
  EXPECT_EQ(*late->timeliness, core::Timeliness::kLate);
  EXPECT_EQ(late->figure.submitted_at, At(2024, 2, 21));
  EXPECT_EQ(late->figure.submitted_by, core::Id{42});
  auto on_time = SubmitFigure(*store_, Staff(finance_), monthly, regime_, At(2024, 2, 20));
  ASSERT_TRUE(on_time.ok());
  EXPECT_EQ(*on_time->timeliness, core::Timeliness::kOnTime);

  EXPECT_EQ(SubmitFigure(*store_, Staff(home_), monthly, regime_, At(2024, 2, 20)).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(
      SubmitFigure(*store_, Staff(home_), Figure(online_, std::nullopt, 1), {}, At(2024, 2, 20))
          .status()
          .code(),
      StatusCode::kPermissionDenied);
  EXPECT_EQ(SubmitFigure(*store_, Actor{core::Id{1}, Role::kLeader, std::nullopt, "l"}, monthly, {},
                         At(2024, 2, 20))
                .status()
                .code(),
            StatusCode::kPermissionDenied);
  // A yearly figure under a monthly regime, an unknown indicator, NaN.
  EXPECT_EQ(
      SubmitFigure(*store_, Staff(finance_), Figure(online_, finance_, 1), regime_, At(2024, 2, 20))
          .status()
          .code(),
      StatusCode::kInvalidInput);
  EXPECT_EQ(SubmitFigure(*store_, Actor::System(), Figure(999, finance_, 1), {}, At(2024, 2, 20))
                .status()
                .code(),
            StatusCode::kInvalidInput);
  EXPECT_EQ(SubmitFigure(*store_, Actor::System(), Figure(online_, finance_, std::nan("")), {},
                         At(2024, 2, 20))
                .status()
                .code(),
            StatusCode::kInvalidInput);

  PlanFilter filter;
  filter.indicator_id = online_;
  auto figures = ListFigures(*store_, Staff(home_), filter);
  ASSERT_TRUE(figures.ok());
  EXPECT_TRUE(figures->empty());  // finance's figures are not home's to see
  figures = ListFigures(*store_, Staff(finance_), filter);
  ASSERT_TRUE(figures.ok());
  EXPECT_EQ(figures->size(), 2U);
}

TEST_F(PlansTest, TargetsAreDefinedByTheOffice) {
  core::Target t;
  t.indicator_id = online_;
  t.period = {core::PeriodKind::kYear, 2025, 0};
  t.value = 90;
  EXPECT_EQ(AddTarget(*store_, Staff(finance_), t).status().code(), StatusCode::kPermissionDenied);
  // Several plans for one figure: the central estimate beside the province's.
  t.plan_source = "central";
  auto central = AddTarget(*store_, Actor{core::Id{2}, Role::kOffice, std::nullopt, "vp"}, t);
  ASSERT_TRUE(central.ok()) << central.status().message();
  t.plan_source = "province";
  t.value = 92;
  ASSERT_TRUE(AddTarget(*store_, Actor::System(), t).ok());
  PlanFilter filter;
  filter.period = core::Period{core::PeriodKind::kYear, 2025, 0};
  auto list = ListTargets(*store_, Staff(finance_), filter);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->size(), 2U);

  t.comparator = core::Comparator::kRange;
  t.low = 5;
  t.high = 4;
  t.value.reset();
  EXPECT_EQ(AddTarget(*store_, Actor::System(), t).status().code(), StatusCode::kInvalidInput);
  t.comparator = core::Comparator::kGe;
  t.low.reset();
  t.high.reset();
  EXPECT_EQ(AddTarget(*store_, Actor::System(), t).status().code(), StatusCode::kInvalidInput);
  t.value = 1;
  t.agency_id = 999;
  EXPECT_EQ(AddTarget(*store_, Actor::System(), t).status().code(), StatusCode::kInvalidInput);
}

TEST_F(PlansTest, ReportingTimelinessPerAgencyAndPeriod) {
  Report(finance_, 2, At(2024, 2, 19));
  Report(home_, 2, At(2024, 2, 22));
  Report(finance_, 3, At(2024, 3, 20));

  TimelinessQuery q;
  q.as_of = D(2024, 3, 25);
  q.from = D(2024, 2, 1);
  q.to = D(2024, 3, 31);
  auto rounds = ReportingTimeliness(*store_, Actor::System(), q);
  ASSERT_TRUE(rounds.ok()) << rounds.status().message();
  ASSERT_EQ(rounds->size(), 2U);
  const RoundTimeliness& feb = (*rounds)[0];
  EXPECT_EQ(core::PeriodKey(feb.period), "2024-M02");
  EXPECT_EQ(feb.round.due, D(2024, 2, 20));
  EXPECT_EQ(feb.round.expected, 2);
  EXPECT_EQ(feb.round.on_time, 1);
  EXPECT_EQ(feb.round.late, 1);
  ASSERT_EQ(feb.agencies.size(), 2U);
  EXPECT_EQ(feb.agencies[0].agency_name, "Sở Nội vụ");
  EXPECT_EQ(feb.agencies[0].timeliness, core::Timeliness::kLate);
  EXPECT_EQ(feb.agencies[1].timeliness, core::Timeliness::kOnTime);
  const RoundTimeliness& mar = (*rounds)[1];
  EXPECT_EQ(mar.round.on_time, 1);
  EXPECT_EQ(mar.round.missing, 1);
  EXPECT_EQ(mar.agencies[0].timeliness, core::Timeliness::kMissing);

  // As of 19 March the March report is not yet due from anyone.
  q.as_of = D(2024, 3, 19);
  rounds = ReportingTimeliness(*store_, Actor::System(), q);
  ASSERT_TRUE(rounds.ok());
  EXPECT_EQ((*rounds)[1].round.not_yet_due, 2);

  // Home's staff see their own row only.
  rounds = ReportingTimeliness(*store_, Staff(home_), q);
  ASSERT_TRUE(rounds.ok());
  ASSERT_EQ((*rounds)[0].agencies.size(), 1U);
  EXPECT_EQ((*rounds)[0].agencies[0].agency_id, home_);

  q.regime_id = 999;
  EXPECT_EQ(ReportingTimeliness(*store_, Actor::System(), q).status().code(),
            StatusCode::kNotFound);
}

TEST_F(PlansTest, ReportSubmissionsAreCheckedAndJudged) {
  core::ReportSubmission sub;
  sub.regime_id = regime_;
  sub.agency_id = home_;
  sub.period = {core::PeriodKind::kMonth, 2024, 4};
  auto r = SubmitReport(*store_, Staff(home_), sub, At(2024, 4, 20));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->timeliness, core::Timeliness::kOnTime);
  EXPECT_EQ(r->due, D(2024, 4, 20));
  EXPECT_EQ(SubmitReport(*store_, Staff(finance_), sub, At(2024, 4, 20)).status().code(),
            StatusCode::kPermissionDenied);
  sub.period = {core::PeriodKind::kQuarter, 2024, 2};
  EXPECT_EQ(SubmitReport(*store_, Staff(home_), sub, At(2024, 4, 20)).status().code(),
            StatusCode::kInvalidInput);
  sub.regime_id = 999;
  EXPECT_EQ(SubmitReport(*store_, Staff(home_), sub, At(2024, 4, 20)).status().code(),
            StatusCode::kNotFound);
  auto list = ListReportSubmissions(*store_, Staff(finance_), regime_);
  ASSERT_TRUE(list.ok());
  EXPECT_TRUE(list->empty());
  list = ListReportSubmissions(*store_, Actor::System(), regime_);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->size(), 1U);
}

}  // namespace
}  // namespace dondoc::service
