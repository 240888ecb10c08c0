// The demo data generator against a real SQLite store: reproducible by seed,
// every status and event kind present, the merger moves open tasks, and the
// store accepts everything (no validation errors, integrity check clean).
#include "service/demo_data.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "core/task_status.h"
#include "store/open.h"
#include "support/run_process.h"
#include "text/normalize.h"

namespace dondoc {
namespace {

using core::Date;
using testing::TempDir;

Date Day(int year, int month, int day) {
  return std::chrono::sys_days(std::chrono::year(year) / month / day);
}

service::DemoDataOptions SmallOptions(uint64_t seed) {
  service::DemoDataOptions options;
  options.tasks = 800;
  options.agencies = 60;
  options.year = 2024;
  options.seed = seed;
  options.tasks_per_transaction = 300;  // several transactions
  return options;
}

std::unique_ptr<store::Store> OpenMigrated(const std::string& path) {
  auto store = store::OpenStore("sqlite:" + path);
  EXPECT_TRUE(store.ok()) << store.status().message();
  if (!store.ok()) return nullptr;
  const Status migrated = (*store)->Migrate();
  EXPECT_TRUE(migrated.ok()) << migrated.message();
  return std::move(store).value();
}

std::vector<core::AgencyStatusCounts> Counts(store::Store& store, Date day) {
  std::vector<core::AgencyStatusCounts> counts;
  const Status status = store.Read([&](store::Transaction& tx) -> Status {
    auto result = tx.CountTaskStatuses(day);
    if (!result.ok()) return result.status();
    counts = std::move(result).value();
    return Status::Ok();
  });
  EXPECT_TRUE(status.ok()) << status.message();
  return counts;
}

core::StatusCounts Total(const std::vector<core::AgencyStatusCounts>& counts) {
  core::StatusCounts total;
  for (const core::AgencyStatusCounts& row : counts) {
    total.done_on_time += row.counts.done_on_time;
    total.done_late += row.counts.done_late;
    total.open_in_time += row.counts.open_in_time;
    total.open_overdue += row.counts.open_overdue;
    total.no_deadline += row.counts.no_deadline;
    total.total += row.counts.total;
  }
  return total;
}

core::StatusCounts OfAgency(const std::vector<core::AgencyStatusCounts>& counts, core::Id id) {
  for (const core::AgencyStatusCounts& row : counts) {
    if (row.agency_id == id) return row.counts;
  }
  return {};
}

const std::vector<Date>& Days() {
  static const std::vector<Date> kDays = {Day(2024, 1, 15), Day(2024, 2, 29), Day(2024, 3, 1),
                                          Day(2024, 6, 30), Day(2024, 9, 30), Day(2024, 12, 31)};
  return kDays;
}

class DemoDataTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenMigrated(dir_.path() + "/demo.db");
    ASSERT_NE(store_, nullptr);
    auto summary = service::GenerateDemoData(*store_, SmallOptions(42));
    ASSERT_TRUE(summary.ok()) << summary.status().message();
    summary_ = *summary;
  }

  TempDir dir_;
  std::unique_ptr<store::Store> store_;
  service::DemoDataSummary summary_;
};

TEST_F(DemoDataTest, SameSeedGivesTheSameCounts) {
  auto again = OpenMigrated(dir_.path() + "/again.db");
  ASSERT_NE(again, nullptr);
  auto summary = service::GenerateDemoData(*again, SmallOptions(42));
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  EXPECT_EQ(summary->events, summary_.events);
  EXPECT_EQ(summary->coordinations, summary_.coordinations);
  EXPECT_EQ(summary->submissions, summary_.submissions);
  for (const Date day : Days()) {
    const auto first = Counts(*store_, day);
    const auto second = Counts(*again, day);
    ASSERT_EQ(first.size(), second.size()) << core::FormatIsoDate(day);
    for (size_t i = 0; i < first.size(); ++i) {
      EXPECT_EQ(first[i].agency_id, second[i].agency_id);
      EXPECT_EQ(first[i].counts, second[i].counts) << core::FormatIsoDate(day);
    }
  }
}

TEST_F(DemoDataTest, AnotherSeedGivesOtherData) {
  auto other = OpenMigrated(dir_.path() + "/other.db");
  ASSERT_NE(other, nullptr);
  auto summary = service::GenerateDemoData(*other, SmallOptions(43));
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  EXPECT_EQ(summary->tasks, summary_.tasks);
  EXPECT_NE(Total(Counts(*other, Day(2024, 12, 31))), Total(Counts(*store_, Day(2024, 12, 31))));
}

TEST_F(DemoDataTest, WritesWhatWasAskedAndTheStoreIsConsistent) {
  EXPECT_EQ(summary_.tasks, 800);
  EXPECT_EQ(summary_.agencies, 60);
  EXPECT_EQ(summary_.documents, 80);
  EXPECT_GT(summary_.events, summary_.tasks);
  EXPECT_GT(summary_.coordinations, 0);
  EXPECT_GT(summary_.figures, 0);
  EXPECT_GT(summary_.submissions, 0);
  const Status check = store_->Check();
  EXPECT_TRUE(check.ok()) << check.message();
}

TEST_F(DemoDataTest, EveryStatusOccurs) {
  const core::StatusCounts mid_year = Total(Counts(*store_, Day(2024, 9, 30)));
  EXPECT_GT(mid_year.done_on_time, 0);
  EXPECT_GT(mid_year.done_late, 0);
  EXPECT_GT(mid_year.open_in_time, 0);
  EXPECT_GT(mid_year.open_overdue, 0);
  EXPECT_GT(mid_year.no_deadline, 0);
  const core::StatusCounts year_end = Total(Counts(*store_, Day(2024, 12, 31)));
  // Cancelled tasks leave the counts; nothing else does.
  EXPECT_LE(year_end.total, 800);
  EXPECT_GT(year_end.total, 760);
  EXPECT_GT(year_end.done_on_time, year_end.done_late);
  EXPECT_EQ(year_end.total, year_end.done_on_time + year_end.done_late + year_end.open_in_time +
                                year_end.open_overdue);
}

TEST_F(DemoDataTest, EveryEventKindOccurs) {
  std::set<core::TaskEventKind> kinds;
  bool approval_answers_request = false;
  const Status status = store_->Read([&](store::Transaction& tx) -> Status {
    store::TaskFilter filter;
    filter.as_of = Day(2024, 12, 31);
    filter.limit = 1000;
    auto tasks = tx.ListTasks(filter);
    if (!tasks.ok()) return tasks.status();
    for (const store::TaskView& view : *tasks) {
      auto events = tx.ListTaskEvents(view.task.id);
      if (!events.ok()) return events.status();
      for (const core::TaskEvent& event : *events) {
        kinds.insert(event.kind);
        if (event.kind == core::TaskEventKind::kExtensionApproved && event.request_event_id) {
          approval_answers_request = true;
        }
      }
    }
    return Status::Ok();
  });
  ASSERT_TRUE(status.ok()) << status.message();
  for (const core::TaskEventKind kind :
       {core::TaskEventKind::kProgress, core::TaskEventKind::kCompleted,
        core::TaskEventKind::kExtensionRequested, core::TaskEventKind::kExtensionApproved,
        core::TaskEventKind::kExtensionRefused, core::TaskEventKind::kReassigned,
        core::TaskEventKind::kReopened}) {
    EXPECT_EQ(kinds.count(kind), 1u) << core::TaskEventKindName(kind);
  }
  EXPECT_TRUE(approval_answers_request);
}

TEST_F(DemoDataTest, TheMergerMovesOpenTasksToTheSuccessor) {
  EXPECT_EQ(summary_.merger_day, Day(2024, 3, 1));
  const core::StatusCounts before =
      OfAgency(Counts(*store_, Day(2024, 2, 29)), summary_.planning_department_id);
  EXPECT_GT(before.open_in_time + before.open_overdue, 0);
  const core::StatusCounts after =
      OfAgency(Counts(*store_, Day(2024, 3, 1)), summary_.planning_department_id);
  EXPECT_EQ(after.open_in_time + after.open_overdue, 0);
  // What it completed stays with it.
  EXPECT_EQ(after.done_on_time + after.done_late, before.done_on_time + before.done_late);

  int inherited = 0;
  const Status status = store_->Read([&](store::Transaction& tx) -> Status {
    store::TaskFilter filter;
    filter.as_of = Day(2024, 3, 1);
    filter.agency_id = summary_.finance_department_id;
    filter.limit = 1000;
    auto tasks = tx.ListTasks(filter);
    if (!tasks.ok()) return tasks.status();
    for (const store::TaskView& view : *tasks) {
      if (view.task.lead_agency_id == summary_.planning_department_id) ++inherited;
      EXPECT_EQ(view.lead_agency_id, summary_.finance_department_id);
    }
    return Status::Ok();
  });
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(inherited, before.open_in_time + before.open_overdue);
}

TEST_F(DemoDataTest, NamesAndTextsAreNfcAndTheCalendarHasTheLunarHolidays) {
  const Status status = store_->Read([&](store::Transaction& tx) -> Status {
    auto agencies = tx.ListAgencies(std::nullopt);
    if (!agencies.ok()) return agencies.status();
    std::set<std::string> names;
    for (const core::Agency& agency : *agencies) {
      EXPECT_TRUE(text::IsNfc(agency.name)) << agency.name;
      EXPECT_TRUE(names.insert(agency.name).second) << "twice: " << agency.name;
    }
    store::TaskFilter filter;
    filter.as_of = Day(2024, 12, 31);
    filter.limit = 200;
    auto tasks = tx.ListTasks(filter);
    if (!tasks.ok()) return tasks.status();
    for (const store::TaskView& view : *tasks) {
      EXPECT_TRUE(text::IsNfc(view.task.text)) << view.task.text;
      if (view.task.deadline) {
        EXPECT_GE(*view.task.deadline, view.task.assigned_on);
      }
    }
    auto days = tx.ListCalendarDays(2024);
    if (!days.ok()) return days.status();
    std::map<Date, std::string> holidays;
    for (const core::CalendarDay& day : *days) holidays[day.date] = day.name;
    EXPECT_EQ(holidays[Day(2024, 2, 10)], "Tết Nguyên đán");
    EXPECT_EQ(holidays[Day(2024, 4, 18)], "Giỗ Tổ Hùng Vương");
    EXPECT_EQ(holidays[Day(2024, 9, 2)], "Quốc khánh");
    return Status::Ok();
  });
  ASSERT_TRUE(status.ok()) << status.message();
}

TEST_F(DemoDataTest, RefusesADatabaseThatHoldsData) {
  auto again = service::GenerateDemoData(*store_, SmallOptions(42));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(again.status().message().find("empty database"), std::string::npos);
}

TEST(DemoDataOptionsTest, RefusesNumbersOutOfRange) {
  service::DemoDataOptions options = SmallOptions(1);
  EXPECT_TRUE(service::ValidateDemoDataOptions(options).ok());
  options.tasks = 0;
  EXPECT_EQ(service::ValidateDemoDataOptions(options).code(), StatusCode::kInvalidInput);
  options = SmallOptions(1);
  options.agencies = service::kMinDemoAgencies - 1;
  EXPECT_EQ(service::ValidateDemoDataOptions(options).code(), StatusCode::kInvalidInput);
  options = SmallOptions(1);
  options.year = 0;
  EXPECT_EQ(service::ValidateDemoDataOptions(options).code(), StatusCode::kInvalidInput);
}

TEST(DemoDataOptionsTest, TheSmallestDemoHasTheMergerAndADistrict) {
  TempDir dir;
  auto store = OpenMigrated(dir.path() + "/small.db");
  ASSERT_NE(store, nullptr);
  service::DemoDataOptions options = SmallOptions(5);
  options.agencies = service::kMinDemoAgencies;
  options.tasks = 50;
  auto summary = service::GenerateDemoData(*store, options);
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  EXPECT_EQ(summary->agencies, service::kMinDemoAgencies);
  EXPECT_EQ(summary->tasks, 50);
}

int RunCli(const std::vector<std::string>& args, std::string* out, std::string* err) {
  std::ostringstream out_stream;
  std::ostringstream err_stream;
  const int code = cli::Run(args, out_stream, err_stream);
  *out = out_stream.str();
  *err = err_stream.str();
  return code;
}

TEST(DemoDataCommandTest, HelpAndBadNumbers) {
  std::string out;
  std::string err;
  EXPECT_EQ(RunCli({"demo-data", "--help"}, &out, &err), 0);
  EXPECT_NE(out.find("--agencies"), std::string::npos);
  TempDir dir;
  const std::string db = "sqlite:" + dir.path() + "/cli.db";
  EXPECT_EQ(RunCli({"demo-data", "--db", db, "--tasks", "12x", "--agencies", "20"}, &out, &err), 2);
  EXPECT_NE(err.find("whole number"), std::string::npos) << err;
  EXPECT_EQ(RunCli({"demo-data", "--db", db, "--tasks", "10", "--agencies", "3"}, &out, &err), 2);
  EXPECT_NE(err.find("agencies"), std::string::npos) << err;
  EXPECT_EQ(RunCli({"demo-data", "--db", db, "--tasks", "10"}, &out, &err), 2);
  EXPECT_EQ(RunCli({"demo-data", "--db", db, "--tasks", "30", "--agencies", "20", "--year", "2025",
                    "--seed", "3", "--quiet"},
                   &out, &err),
            0)
      << err;
  EXPECT_NE(out.find("30 tasks"), std::string::npos) << out;
  EXPECT_EQ(err, "");
  // Not twice into one database.
  EXPECT_EQ(
      RunCli({"demo-data", "--db", db, "--tasks", "30", "--agencies", "20", "--quiet"}, &out, &err),
      2);
}

}  // namespace
}  // namespace dondoc
