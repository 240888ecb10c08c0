// The store conformance suite (see store_suite.h).
#include "store/store_suite.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <ostream>
#include <random>
#include <set>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/task_status.h"

namespace dondoc::core {

// Readable failure messages for the values compared below.
void PrintTo(const StatusCounts& c, std::ostream* os) {
  *os << "{on_time " << c.done_on_time << ", late " << c.done_late << ", open " << c.open_in_time
      << ", overdue " << c.open_overdue << ", no_deadline " << c.no_deadline << ", total "
      << c.total << "}";
}
void PrintTo(const Date& d, std::ostream* os) { *os << FormatIsoDate(d); }
void PrintTo(const TaskStatus& s, std::ostream* os) { *os << TaskStatusName(s); }

}  // namespace dondoc::core

namespace dondoc::store::testing {
namespace {

using core::Date;
using core::Timestamp;
using std::chrono::hours;

Date D(std::string_view iso) {
  Result<Date> date = core::ParseIsoDate(iso);
  EXPECT_TRUE(date.ok()) << iso;
  return date.ok() ? *date : Date{};
}

Timestamp T(std::string_view iso) {
  Result<Timestamp> instant = core::ParseIsoTimestamp(iso);
  EXPECT_TRUE(instant.ok()) << iso;
  return instant.ok() ? *instant : Timestamp{};
}

// Midday in the province (UTC+7) on `day`.
Timestamp Noon(Date day) { return Timestamp(day) + hours(5); }

template <typename R>
Status StatusOf(const R& result) {
  if constexpr (std::is_same_v<R, Status>) {
    return result;
  } else {
    return result.status();
  }
}

// Runs one call in its own write (or read) transaction and returns its result.
template <typename F>
auto InWrite(Store& store, F&& call) {
  using R = std::invoke_result_t<F, Transaction&>;
  std::optional<R> out;
  const Status status = store.Write([&](Transaction& tx) {
    out.emplace(call(tx));
    return StatusOf(*out);
  });
  if (!status.ok() || !out) return R(status.ok() ? Status::Internal("no result") : status);
  return std::move(*out);
}

template <typename F>
auto InRead(Store& store, F&& call) {
  using R = std::invoke_result_t<F, Transaction&>;
  std::optional<R> out;
  const Status status = store.Read([&](Transaction& tx) {
    out.emplace(call(tx));
    return StatusOf(*out);
  });
  if (!status.ok() || !out) return R(status.ok() ? Status::Internal("no result") : status);
  return std::move(*out);
}

#define ASSERT_OK(expr)                                                       \
  do {                                                                        \
    const auto& ok_result_ = (expr);                                          \
    ASSERT_TRUE(StatusOf(ok_result_).ok()) << StatusOf(ok_result_).message(); \
  } while (0)
#define EXPECT_OK(expr)                                                       \
  do {                                                                        \
    const auto& ok_result_ = (expr);                                          \
    EXPECT_TRUE(StatusOf(ok_result_).ok()) << StatusOf(ok_result_).message(); \
  } while (0)
#define SUITE_CONCAT_INNER(a, b) a##b
#define SUITE_CONCAT(a, b) SUITE_CONCAT_INNER(a, b)
#define ASSERT_OK_AND_ASSIGN_IMPL(tmp, lhs, expr)  \
  auto tmp = (expr);                               \
  ASSERT_TRUE(tmp.ok()) << tmp.status().message(); \
  lhs = std::move(tmp).value()
#define ASSERT_OK_AND_ASSIGN(lhs, expr) \
  ASSERT_OK_AND_ASSIGN_IMPL(SUITE_CONCAT(suite_result_, __LINE__), lhs, expr)
#define TRY(expr)                              \
  do {                                         \
    const Status try_status_ = StatusOf(expr); \
    if (!try_status_.ok()) return try_status_; \
  } while (0)

// The error must be InvalidInput and its message must name `needle`.
template <typename R>
void ExpectInvalid(const R& result, const std::string& needle) {
  const Status status = StatusOf(result);
  EXPECT_EQ(status.code(), StatusCode::kInvalidInput) << status.message();
  EXPECT_NE(status.message().find(needle), std::string::npos)
      << "message \"" << status.message() << "\" does not name \"" << needle << "\"";
}

core::Agency MakeAgency(std::string name, std::string abbreviation = "",
                        Date valid_from = D("2000-01-01"),
                        std::optional<Date> valid_to = std::nullopt) {
  core::Agency agency;
  agency.name = std::move(name);
  agency.abbreviation = std::move(abbreviation);
  agency.kind = core::AgencyKind::kDepartment;
  agency.valid_from = valid_from;
  agency.valid_to = valid_to;
  return agency;
}

core::Task MakeTask(Id lead, Date assigned, std::optional<Date> deadline,
                    std::string text = "Triển khai nhiệm vụ") {
  core::Task task;
  task.lead_agency_id = lead;
  task.text = std::move(text);
  task.assigned_on = assigned;
  task.deadline = deadline;
  task.created_at = Noon(assigned);
  return task;
}

core::TaskEvent MakeEvent(Id task, core::TaskEventKind kind, Date effective,
                          std::optional<Date> recorded = std::nullopt) {
  core::TaskEvent event;
  event.task_id = task;
  event.kind = kind;
  event.effective_on = effective;
  event.recorded_at = Noon(recorded.value_or(effective));
  return event;
}

// How many rows of each kind the store holds, to show that a failed write
// left nothing behind.
struct Snapshot {
  size_t agencies = 0, successions = 0, documents = 0, tasks = 0, events = 0, proposals = 0,
         obligations = 0, indicators = 0, targets = 0, figures = 0, regimes = 0;
  friend bool operator==(const Snapshot&, const Snapshot&) = default;
};

Snapshot Take(Store& store, const std::vector<Id>& tasks_with_events = {}) {
  Snapshot s;
  const Status status = store.Read([&](Transaction& tx) {
    Result<std::vector<core::Agency>> agencies = tx.ListAgencies(std::nullopt);
    TRY(agencies);
    s.agencies = agencies->size();
    Result<std::vector<core::Succession>> successions = tx.ListSuccessions();
    TRY(successions);
    s.successions = successions->size();
    DocumentFilter documents_filter;
    documents_filter.limit = 1000;
    Result<std::vector<core::Document>> documents = tx.ListDocuments(documents_filter);
    TRY(documents);
    s.documents = documents->size();
    TaskFilter tasks_filter;
    tasks_filter.as_of = D("2100-01-01");
    tasks_filter.limit = 1000;
    Result<std::vector<TaskView>> tasks = tx.ListTasks(tasks_filter);
    TRY(tasks);
    s.tasks = tasks->size();
    for (Id task : tasks_with_events) {
      Result<std::vector<core::TaskEvent>> events = tx.ListTaskEvents(task);
      TRY(events);
      s.events += events->size();
    }
    Result<std::vector<core::Proposal>> proposals = tx.ListProposals(std::nullopt, std::nullopt);
    TRY(proposals);
    s.proposals = proposals->size();
    Result<std::vector<core::Obligation>> obligations = tx.ListObligations();
    TRY(obligations);
    s.obligations = obligations->size();
    Result<std::vector<core::Indicator>> indicators = tx.ListIndicators();
    TRY(indicators);
    s.indicators = indicators->size();
    Result<std::vector<core::Target>> targets = tx.ListTargets(std::nullopt);
    TRY(targets);
    s.targets = targets->size();
    Result<std::vector<core::Figure>> figures = tx.ListFigures(std::nullopt);
    TRY(figures);
    s.figures = figures->size();
    Result<std::vector<core::ReportingRegime>> regimes = tx.ListReportingRegimes();
    TRY(regimes);
    s.regimes = regimes->size();
    return Status::Ok();
  });
  EXPECT_TRUE(status.ok()) << status.message();
  return s;
}

// ------------------------------------------------------------ schema, admin

TEST_P(StoreSuite, FreshStoreIsAtTheLatestSchemaAndPassesCheck) {
  ASSERT_OK_AND_ASSIGN(const int version, store().SchemaVersion());
  EXPECT_EQ(version, store().LatestSchemaVersion());
  EXPECT_GE(version, 1);
  EXPECT_OK(store().Migrate());  // idempotent
  ASSERT_OK_AND_ASSIGN(const int again, store().SchemaVersion());
  EXPECT_EQ(again, version);
  EXPECT_OK(store().Check());
}

TEST_P(StoreSuite, WriteRollsBackEverythingWhenWorkFails) {
  const Status status = store().Write([](Transaction& tx) {
    TRY(tx.AddAgency(MakeAgency("Sở Tư pháp")));
    return Status::InvalidInput("changed my mind");
  });
  EXPECT_EQ(status.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(status.message(), "changed my mind");
  EXPECT_EQ(Take(store()).agencies, 0u);
}

TEST_P(StoreSuite, ReadRefusesWrites) {
  const Status status =
      store().Read([](Transaction& tx) { return StatusOf(tx.AddAgency(MakeAgency("Sở Y tế"))); });
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(Take(store()).agencies, 0u);
}

// ------------------------------------------------------------ agencies

TEST_P(StoreSuite, AgencyRoundTripListAndFind) {
  ASSERT_OK_AND_ASSIGN(const Id province, InWrite(store(), [](Transaction& tx) {
                         core::Agency agency = MakeAgency("Ủy ban nhân dân tỉnh", "UBND tỉnh");
                         agency.kind = core::AgencyKind::kProvincialCommittee;
                         return tx.AddAgency(agency);
                       }));
  core::Agency planning =
      MakeAgency("Sở Kế hoạch và Đầu tư", "Sở KH&ĐT", D("2008-04-01"), D("2025-03-01"));
  planning.parent_id = province;
  ASSERT_OK_AND_ASSIGN(const Id planning_id,
                       InWrite(store(), [&](Transaction& tx) { return tx.AddAgency(planning); }));
  ASSERT_OK_AND_ASSIGN(const Id finance, InWrite(store(), [](Transaction& tx) {
                         return tx.AddAgency(MakeAgency("Sở Tài chính", "STC"));
                       }));
  ASSERT_OK_AND_ASSIGN(const Id home, InWrite(store(), [](Transaction& tx) {
                         return tx.AddAgency(MakeAgency("Sở Nội vụ", "", D("2025-03-01")));
                       }));
  EXPECT_NE(planning_id, finance);

  ASSERT_OK_AND_ASSIGN(const core::Agency got,
                       InRead(store(), [&](Transaction& tx) { return tx.GetAgency(planning_id); }));
  EXPECT_EQ(got.id, planning_id);
  EXPECT_EQ(got.name, planning.name);
  EXPECT_EQ(got.abbreviation, planning.abbreviation);
  EXPECT_EQ(got.kind, core::AgencyKind::kDepartment);
  EXPECT_EQ(got.parent_id, std::optional<Id>(province));
  EXPECT_EQ(got.valid_from, D("2008-04-01"));
  EXPECT_EQ(got.valid_to, std::optional<Date>(D("2025-03-01")));

  ASSERT_OK_AND_ASSIGN(const core::Agency plain,
                       InRead(store(), [&](Transaction& tx) { return tx.GetAgency(finance); }));
  EXPECT_FALSE(plain.parent_id.has_value());
  EXPECT_FALSE(plain.valid_to.has_value());

  // Missing id: NotFound.
  const Status missing =
      StatusOf(InRead(store(), [](Transaction& tx) { return tx.GetAgency(999); }));
  EXPECT_EQ(missing.code(), StatusCode::kNotFound);

  // All agencies by name (folded), or those in existence on a day.
  ASSERT_OK_AND_ASSIGN(const std::vector<core::Agency> all, InRead(store(), [](Transaction& tx) {
                         return tx.ListAgencies(std::nullopt);
                       }));
  std::vector<std::string> names;
  for (const core::Agency& a : all) names.push_back(a.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Sở Kế hoạch và Đầu tư", "Sở Nội vụ", "Sở Tài chính",
                                             "Ủy ban nhân dân tỉnh"}));
  ASSERT_OK_AND_ASSIGN(
      const std::vector<core::Agency> in_2024,
      InRead(store(), [](Transaction& tx) { return tx.ListAgencies(D("2024-06-01")); }));
  EXPECT_EQ(in_2024.size(), 3u);  // not yet Sở Nội vụ
  ASSERT_OK_AND_ASSIGN(
      const std::vector<core::Agency> in_2025,
      InRead(store(), [](Transaction& tx) { return tx.ListAgencies(D("2025-03-01")); }));
  EXPECT_EQ(in_2025.size(), 3u);  // Sở KH&ĐT gone on its valid_to day, Sở Nội vụ there
  for (const core::Agency& a : in_2025) EXPECT_NE(a.id, planning_id);

  // Find by name or abbreviation, without diacritics or case.
  auto find = [&](std::string_view name, Date on) {
    return InRead(store(), [&](Transaction& tx) { return tx.FindAgency(name, on); });
  };
  ASSERT_OK_AND_ASSIGN(std::optional<core::Agency> found,
                       find("so ke hoach va dau tu", D("2024-01-01")));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, planning_id);
  ASSERT_OK_AND_ASSIGN(found, find("SỞ KH&ĐT", D("2024-01-01")));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, planning_id);
  ASSERT_OK_AND_ASSIGN(found, find("so kh&dt", D("2024-01-01")));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, planning_id);
  ASSERT_OK_AND_ASSIGN(found, find("Sở Kế hoạch và Đầu tư", D("2025-06-01")));
  EXPECT_FALSE(found.has_value()) << "merged away by then";
  ASSERT_OK_AND_ASSIGN(found, find("stc", D("2025-06-01")));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, finance);
  ASSERT_OK_AND_ASSIGN(found, find("Sở Nội vụ", D("2024-06-01")));
  EXPECT_FALSE(found.has_value()) << "not yet in existence";
  ASSERT_OK_AND_ASSIGN(found, find("Sở Nội vụ", D("2025-06-01")));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, home);
  ASSERT_OK_AND_ASSIGN(found, find("Sở Xây dựng", D("2025-06-01")));
  EXPECT_FALSE(found.has_value());
}

TEST_P(StoreSuite, AgencyValidation) {
  const Snapshot before = Take(store());
  core::Agency orphan = MakeAgency("Phòng Tài chính");
  orphan.parent_id = 4242;
  ExpectInvalid(InWrite(store(), [&](Transaction& tx) { return tx.AddAgency(orphan); }), "4242");
  ExpectInvalid(
      InWrite(store(),
              [&](Transaction& tx) {
                return tx.AddAgency(MakeAgency("Sở A", "", D("2020-01-01"), D("2019-01-01")));
              }),
      "2019-01-01");
  EXPECT_EQ(Take(store()), before);
}

TEST_P(StoreSuite, SuccessionsRoundTripAndValidation) {
  Id a = 0, b = 0, c = 0;
  ASSERT_OK(store().Write([&](Transaction& tx) {
    Result<Id> id = tx.AddAgency(MakeAgency("Sở Kế hoạch và Đầu tư"));
    TRY(id);
    a = *id;
    id = tx.AddAgency(MakeAgency("Sở Tài chính"));
    TRY(id);
    b = *id;
    id = tx.AddAgency(MakeAgency("Sở Xây dựng"));
    TRY(id);
    c = *id;
    return Status::Ok();
  }));
  core::Succession merge;
  merge.predecessor_id = a;
  merge.successor_id = b;
  merge.effective = D("2025-03-01");
  merge.kind = core::SuccessionKind::kMerge;
  merge.note = "Nghị quyết hợp nhất";
  core::Succession rename;
  rename.predecessor_id = b;
  rename.successor_id = c;
  rename.effective = D("2024-01-01");
  rename.kind = core::SuccessionKind::kRename;
  rename.inherits_open_tasks = false;
  ASSERT_OK_AND_ASSIGN(const Id merge_id,
                       InWrite(store(), [&](Transaction& tx) { return tx.AddSuccession(merge); }));
  ASSERT_OK_AND_ASSIGN(const Id rename_id,
                       InWrite(store(), [&](Transaction& tx) { return tx.AddSuccession(rename); }));
  ASSERT_OK_AND_ASSIGN(const std::vector<core::Succession> list,
                       InRead(store(), [](Transaction& tx) { return tx.ListSuccessions(); }));
  ASSERT_EQ(list.size(), 2u);
  // By effective day: the 2024 rename first.
  EXPECT_EQ(list[0].id, rename_id);
  EXPECT_EQ(list[0].kind, core::SuccessionKind::kRename);
  EXPECT_FALSE(list[0].inherits_open_tasks);
  EXPECT_EQ(list[1].id, merge_id);
  EXPECT_EQ(list[1].predecessor_id, a);
  EXPECT_EQ(list[1].successor_id, b);
  EXPECT_EQ(list[1].effective, D("2025-03-01"));
  EXPECT_EQ(list[1].kind, core::SuccessionKind::kMerge);
  EXPECT_TRUE(list[1].inherits_open_tasks);
  EXPECT_EQ(list[1].note, "Nghị quyết hợp nhất");

  const Snapshot before = Take(store());
  core::Succession bad = merge;
  bad.predecessor_id = 777;
  ExpectInvalid(InWrite(store(), [&](Transaction& tx) { return tx.AddSuccession(bad); }), "777");
  bad = merge;
  bad.successor_id = 778;
  ExpectInvalid(InWrite(store(), [&](Transaction& tx) { return tx.AddSuccession(bad); }), "778");
  bad = merge;
  bad.successor_id = a;
  EXPECT_EQ(
      StatusOf(InWrite(store(), [&](Transaction& tx) { return tx.AddSuccession(bad); })).code(),
      StatusCode::kInvalidInput);
  // b -> a would close the cycle a -> b -> a.
  bad = merge;
  bad.predecessor_id = b;
  bad.successor_id = a;
  bad.effective = D("2025-06-01");
  EXPECT_EQ(
      StatusOf(InWrite(store(), [&](Transaction& tx) { return tx.AddSuccession(bad); })).code(),
      StatusCode::kInvalidInput);
  EXPECT_EQ(Take(store()), before);
}

// ------------------------------------------------------------ documents

core::Document FullDocument() {
  core::Document d;
  d.kind = "Kế hoạch";
  d.number = "123/KH-UBND";
  d.date = D("2024-02-15");
  d.issuer_name = "Ủy ban nhân dân tỉnh";
  d.title = "Kế hoạch thực hiện nhiệm vụ năm 2024";
  d.source_name = "kh-123.docx";
  d.source_format = "docx";
  d.source_sha256 = std::string(64, 'a');
  d.cleaned_text = "Nội dung đã làm sạch.\nDòng thứ hai.";
  d.registered_at = T("2024-02-16T01:02:03Z");
  return d;
}

TEST_P(StoreSuite, DocumentRoundTripAndList) {
  ASSERT_OK_AND_ASSIGN(const Id issuer, InWrite(store(), [](Transaction& tx) {
                         return tx.AddAgency(MakeAgency("Ủy ban nhân dân tỉnh"));
                       }));
  core::Document full = FullDocument();
  full.issuer_agency_id = issuer;
  ASSERT_OK_AND_ASSIGN(const Id full_id,
                       InWrite(store(), [&](Transaction& tx) { return tx.AddDocument(full); }));
  core::Document bare;
  bare.kind = "Công văn";
  bare.registered_at = T("2024-03-01T00:00:00Z");
  ASSERT_OK_AND_ASSIGN(const Id bare_id,
                       InWrite(store(), [&](Transaction& tx) { return tx.AddDocument(bare); }));
  // A second document without a number is no duplicate.
  ASSERT_OK_AND_ASSIGN(const Id bare2_id,
                       InWrite(store(), [&](Transaction& tx) { return tx.AddDocument(bare); }));

  ASSERT_OK_AND_ASSIGN(const core::Document got,
                       InRead(store(), [&](Transaction& tx) { return tx.GetDocument(full_id); }));
  EXPECT_EQ(got.id, full_id);
  EXPECT_EQ(got.kind, full.kind);
  EXPECT_EQ(got.number, full.number);
  EXPECT_EQ(got.date, full.date);
  EXPECT_EQ(got.issuer_agency_id, std::optional<Id>(issuer));
  EXPECT_EQ(got.issuer_name, full.issuer_name);
  EXPECT_EQ(got.title, full.title);
  EXPECT_EQ(got.source_name, full.source_name);
  EXPECT_EQ(got.source_format, full.source_format);
  EXPECT_EQ(got.source_sha256, full.source_sha256);
  EXPECT_EQ(got.cleaned_text, full.cleaned_text);
  EXPECT_EQ(got.registered_at, full.registered_at);

  ASSERT_OK_AND_ASSIGN(const core::Document got_bare,
                       InRead(store(), [&](Transaction& tx) { return tx.GetDocument(bare_id); }));
  EXPECT_FALSE(got_bare.number.has_value());
  EXPECT_FALSE(got_bare.date.has_value());
  EXPECT_FALSE(got_bare.issuer_agency_id.has_value());
  EXPECT_EQ(got_bare.title, "");
  EXPECT_EQ(got_bare.registered_at, bare.registered_at);
  EXPECT_EQ(StatusOf(InRead(store(), [](Transaction& tx) { return tx.GetDocument(404); })).code(),
            StatusCode::kNotFound);

  auto list = [&](DocumentFilter filter) {
    return InRead(store(), [&](Transaction& tx) { return tx.ListDocuments(filter); });
  };
  auto ids = [](const std::vector<core::Document>& documents) {
    std::vector<Id> out;
    for (const core::Document& d : documents) out.push_back(d.id);
    return out;
  };
  ASSERT_OK_AND_ASSIGN(std::vector<core::Document> page, list({}));
  EXPECT_EQ(ids(page), (std::vector<Id>{bare2_id, bare_id, full_id}));  // newest first
  DocumentFilter filter;
  filter.limit = 2;
  ASSERT_OK_AND_ASSIGN(page, list(filter));
  EXPECT_EQ(ids(page), (std::vector<Id>{bare2_id, bare_id}));
  filter.before_id = page.back().id;
  ASSERT_OK_AND_ASSIGN(page, list(filter));
  EXPECT_EQ(ids(page), (std::vector<Id>{full_id}));
  filter = {};
  filter.kind = "Kế hoạch";
  ASSERT_OK_AND_ASSIGN(page, list(filter));
  EXPECT_EQ(ids(page), (std::vector<Id>{full_id}));
  filter = {};
  filter.issuer_agency_id = issuer;
  ASSERT_OK_AND_ASSIGN(page, list(filter));
  EXPECT_EQ(ids(page), (std::vector<Id>{full_id}));
}

// Regression: SQLite ignored source_sha256 and number, PostgreSQL number,
// so the duplicate-import check and citation linking scanned every
// document. Both filters narrow, combine with the others and page.
TEST_P(StoreSuite, ListDocumentsBySha256AndNumber) {
  std::vector<Id> added;
  for (int i = 0; i < 6; ++i) {
    core::Document d = FullDocument();
    d.number = std::to_string(i % 3) + "/KH-UBND";
    d.issuer_name = "Cơ quan " + std::to_string(i);  // numbers repeat across issuers
    d.kind = i < 3 ? "Kế hoạch" : "Công văn";
    d.source_sha256 = std::string(64, i % 2 == 0 ? 'a' : 'b');
    ASSERT_OK_AND_ASSIGN(const Id id,
                         InWrite(store(), [&](Transaction& tx) { return tx.AddDocument(d); }));
    added.push_back(id);
  }
  auto ids = [&](const DocumentFilter& filter) {
    std::vector<Id> out;
    Result<std::vector<core::Document>> page =
        InRead(store(), [&](Transaction& tx) { return tx.ListDocuments(filter); });
    EXPECT_TRUE(page.ok()) << page.status().message();
    if (page.ok()) {
      for (const core::Document& d : *page) out.push_back(d.id);
    }
    return out;
  };
  DocumentFilter filter;
  filter.source_sha256 = std::string(64, 'b');
  EXPECT_EQ(ids(filter), (std::vector<Id>{added[5], added[3], added[1]}));
  filter.limit = 2;
  EXPECT_EQ(ids(filter), (std::vector<Id>{added[5], added[3]}));
  filter.before_id = added[3];
  EXPECT_EQ(ids(filter), (std::vector<Id>{added[1]}));

  filter = {};
  filter.number = "1/KH-UBND";
  EXPECT_EQ(ids(filter), (std::vector<Id>{added[4], added[1]}));
  filter.kind = "Công văn";
  EXPECT_EQ(ids(filter), (std::vector<Id>{added[4]}));
  filter.kind.reset();
  filter.source_sha256 = std::string(64, 'b');
  EXPECT_EQ(ids(filter), (std::vector<Id>{added[1]}));

  // Exact matches only: no pattern, case or diacritic folding.
  filter = {};
  filter.number = "%";
  EXPECT_TRUE(ids(filter).empty());
  filter.number = "1/kh-ubnd";
  EXPECT_TRUE(ids(filter).empty());
  filter = {};
  filter.source_sha256 = std::string(64, 'c');
  EXPECT_TRUE(ids(filter).empty());
}

TEST_P(StoreSuite, DuplicateDocumentNumberFromTheSameIssuer) {
  ASSERT_OK_AND_ASSIGN(const Id issuer, InWrite(store(), [](Transaction& tx) {
                         return tx.AddAgency(MakeAgency("Ủy ban nhân dân tỉnh"));
                       }));
  ASSERT_OK_AND_ASSIGN(const Id other, InWrite(store(), [](Transaction& tx) {
                         return tx.AddAgency(MakeAgency("Sở Tài chính"));
                       }));
  core::Document document = FullDocument();
  document.issuer_agency_id = issuer;
  ASSERT_OK(InWrite(store(), [&](Transaction& tx) { return tx.AddDocument(document); }));
  const Snapshot before = Take(store());
  ExpectInvalid(InWrite(store(), [&](Transaction& tx) { return tx.AddDocument(document); }),
                "123/KH-UBND");
  EXPECT_EQ(Take(store()), before);
  // The same number from another issuer is another document.
  document.issuer_agency_id = other;
  ASSERT_OK(InWrite(store(), [&](Transaction& tx) { return tx.AddDocument(document); }));

  // Issuers known only by name compare without diacritics or case.
  core::Document by_name = FullDocument();
  by_name.number = "5/CV-BQL";
  by_name.issuer_name = "Ban Quản lý khu kinh tế";
  ASSERT_OK(InWrite(store(), [&](Transaction& tx) { return tx.AddDocument(by_name); }));
  by_name.issuer_name = "BAN QUẢN LÝ KHU KINH TẾ";
  ExpectInvalid(InWrite(store(), [&](Transaction& tx) { return tx.AddDocument(by_name); }),
                "5/CV-BQL");

  core::Document unknown = FullDocument();
  unknown.number = "9/QĐ-UBND";
  unknown.issuer_agency_id = 9191;
  ExpectInvalid(InWrite(store(), [&](Transaction& tx) { return tx.AddDocument(unknown); }), "9191");
}

TEST_P(StoreSuite, DocumentLinksRoundTrip) {
  Id from = 0, to = 0;
  ASSERT_OK(store().Write([&](Transaction& tx) {
    core::Document a = FullDocument();
    Result<Id> id = tx.AddDocument(a);
    TRY(id);
    from = *id;
    a.number = "7/NQ-HĐND";
    id = tx.AddDocument(a);
    TRY(id);
    to = *id;
    return Status::Ok();
  }));
  core::DocumentLink full;
  full.from_document_id = from;
  full.to_document_id = to;
  full.kind = "Nghị quyết";
  full.number = "7/NQ-HĐND";
  full.date = D("2023-12-08");
  full.issuer_name = "Hội đồng nhân dân tỉnh";
  full.title = "về kế hoạch phát triển";
  full.span = core::SourceSpan{3, 4, 120, 180};
  core::DocumentLink bare;
  bare.from_document_id = from;
  bare.kind = "Luật";
  ASSERT_OK_AND_ASSIGN(const Id full_id,
                       InWrite(store(), [&](Transaction& tx) { return tx.AddDocumentLink(full); }));
  ASSERT_OK_AND_ASSIGN(const Id bare_id,
                       InWrite(store(), [&](Transaction& tx) { return tx.AddDocumentLink(bare); }));
  ASSERT_OK_AND_ASSIGN(
      const std::vector<core::DocumentLink> links,
      InRead(store(), [&](Transaction& tx) { return tx.ListDocumentLinks(from); }));
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0].id, full_id);
  EXPECT_EQ(links[0].from_document_id, from);
  EXPECT_EQ(links[0].to_document_id, std::optional<Id>(to));
  EXPECT_EQ(links[0].kind, full.kind);
  EXPECT_EQ(links[0].number, full.number);
  EXPECT_EQ(links[0].date, full.date);
  EXPECT_EQ(links[0].issuer_name, full.issuer_name);
  EXPECT_EQ(links[0].title, full.title);
  EXPECT_EQ(links[0].span, full.span);
  EXPECT_EQ(links[1].id, bare_id);
  EXPECT_FALSE(links[1].to_document_id.has_value());
  EXPECT_FALSE(links[1].number.has_value());
  EXPECT_FALSE(links[1].date.has_value());
  EXPECT_FALSE(links[1].span.has_value());
  ASSERT_OK_AND_ASSIGN(const std::vector<core::DocumentLink> none,
                       InRead(store(), [&](Transaction& tx) { return tx.ListDocumentLinks(to); }));
  EXPECT_TRUE(none.empty());

  bare.from_document_id = 5050;
  ExpectInvalid(InWrite(store(), [&](Transaction& tx) { return tx.AddDocumentLink(bare); }),
                "5050");
}

TEST_P(StoreSuite, SearchFoldsDiacriticsAndShowsOriginalWords) {
  Id report = 0, letter = 0, plan = 0;
  ASSERT_OK(store().Write([&](Transaction& tx) {
    core::Document d;
    d.kind = "Báo cáo";
    d.number = "1/BC";
    d.title = "Báo cáo tình hình kinh tế - xã hội";
    d.cleaned_text = "Sở Kế hoạch và Đầu tư chủ trì, tổng hợp tình hình giải ngân vốn đầu tư công.";
    Result<Id> id = tx.AddDocument(d);
    TRY(id);
    report = *id;
    d.kind = "Công văn";
    d.number = "2/CV";
    d.title = "Về việc đôn đốc thực hiện nhiệm vụ";
    d.cleaned_text = "Đề nghị các sở, ngành báo cáo tiến độ trước ngày 20 hằng tháng.";
    id = tx.AddDocument(d);
    TRY(id);
    letter = *id;
    d.kind = "Kế hoạch";
    d.number = "3/KH";
    d.title = "Kế hoạch đầu tư công trung hạn";
    d.cleaned_text = "Danh mục dự án khởi công mới.";
    id = tx.AddDocument(d);
    TRY(id);
    plan = *id;
    return Status::Ok();
  }));
  auto search = [&](std::string_view query) {
    return InRead(store(), [&](Transaction& tx) { return tx.SearchDocuments(query, 10); });
  };
  ASSERT_OK_AND_ASSIGN(std::vector<SearchHit> hits, search("ke hoach dau tu"));
  ASSERT_EQ(hits.size(), 2u);
  // All four words in the title rank above words spread through the body.
  EXPECT_EQ(hits[0].document_id, plan);
  EXPECT_EQ(hits[1].document_id, report);
  EXPECT_GT(hits[0].rank, hits[1].rank);
  EXPECT_EQ(hits[1].title, "Báo cáo tình hình kinh tế - xã hội");
  // The snippet shows the author's words, marked.
  EXPECT_NE(hits[1].snippet.find("[Đầu]"), std::string::npos) << hits[1].snippet;
  EXPECT_NE(hits[1].snippet.find("[Kế]"), std::string::npos) << hits[1].snippet;

  ASSERT_OK_AND_ASSIGN(hits, search("ĐÔN ĐỐC"));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].document_id, letter);
  ASSERT_OK_AND_ASSIGN(hits, search("don doc"));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].document_id, letter);
  ASSERT_OK_AND_ASSIGN(hits, search("khởi công"));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].document_id, plan);
  ASSERT_OK_AND_ASSIGN(hits, search("nông nghiệp"));
  EXPECT_TRUE(hits.empty());
  ASSERT_OK_AND_ASSIGN(hits, search(""));
  EXPECT_TRUE(hits.empty());
  // Query syntax in user text is taken as words.
  ASSERT_OK_AND_ASSIGN(hits, search("\"ke\" OR (hoach* NEAR"));
  EXPECT_TRUE(hits.empty() || hits[0].document_id == plan);
  ASSERT_OK_AND_ASSIGN(
      hits, InRead(store(), [&](Transaction& tx) { return tx.SearchDocuments("dau tu", 1); }));
  EXPECT_EQ(hits.size(), 1u);
}

// ------------------------------------------------------------ review queue

TEST_P(StoreSuite, ProposalsRoundTripUpdateAndList) {
  Id document = 0;
  ASSERT_OK(store().Write([&](Transaction& tx) {
    Result<Id> id = tx.AddDocument(FullDocument());
    TRY(id);
    document = *id;
    return Status::Ok();
  }));
  core::Proposal task;
  task.document_id = document;
  task.kind = core::ProposalKind::kTask;
  task.summary = "Sở Tài chính: tổng hợp dự toán";
  task.payload_json = R"({"text":"tổng hợp"})";
  task.span = core::SourceSpan{10, 12, 300, 420};
  task.created_at = T("2024-02-16T02:00:00Z");
  core::Proposal target = task;
  target.kind = core::ProposalKind::kTarget;
  target.span.reset();
  ASSERT_OK_AND_ASSIGN(const Id task_id,
                       InWrite(store(), [&](Transaction& tx) { return tx.AddProposal(task); }));
  ASSERT_OK_AND_ASSIGN(const Id target_id,
                       InWrite(store(), [&](Transaction& tx) { return tx.AddProposal(target); }));

  ASSERT_OK_AND_ASSIGN(core::Proposal got,
                       InRead(store(), [&](Transaction& tx) { return tx.GetProposal(task_id); }));
  EXPECT_EQ(got.id, task_id);
  EXPECT_EQ(got.document_id, document);
  EXPECT_EQ(got.kind, core::ProposalKind::kTask);
  EXPECT_EQ(got.state, core::ProposalState::kProposed);
  EXPECT_EQ(got.summary, task.summary);
  EXPECT_EQ(got.payload_json, task.payload_json);
  EXPECT_EQ(got.span, task.span);
  EXPECT_EQ(got.created_at, task.created_at);
  EXPECT_FALSE(got.decided_at.has_value());
  EXPECT_FALSE(got.decided_by.has_value());
  EXPECT_FALSE(got.created_item_id.has_value());

  got.state = core::ProposalState::kConfirmed;
  got.decided_at = T("2024-02-17T03:00:00Z");
  got.decided_by = 7;
  got.created_item_id = 99;
  got.decision_note = "đúng";
  got.payload_json = R"({"text":"đã sửa"})";
  ASSERT_OK(InWrite(store(), [&](Transaction& tx) { return tx.UpdateProposal(got); }));
  ASSERT_OK_AND_ASSIGN(const core::Proposal updated,
                       InRead(store(), [&](Transaction& tx) { return tx.GetProposal(task_id); }));
  EXPECT_EQ(updated.state, core::ProposalState::kConfirmed);
  EXPECT_EQ(updated.decided_at, got.decided_at);
  EXPECT_EQ(updated.decided_by, std::optional<Id>(7));
  EXPECT_EQ(updated.created_item_id, std::optional<Id>(99));
  EXPECT_EQ(updated.decision_note, "đúng");
  EXPECT_EQ(updated.payload_json, got.payload_json);
  EXPECT_EQ(updated.created_at, task.created_at);

  auto list = [&](std::optional<Id> doc, std::optional<core::ProposalState> state) {
    return InRead(store(), [&](Transaction& tx) { return tx.ListProposals(doc, state); });
  };
  ASSERT_OK_AND_ASSIGN(std::vector<core::Proposal> listed, list(std::nullopt, std::nullopt));
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].id, task_id);
  EXPECT_EQ(listed[1].id, target_id);
  ASSERT_OK_AND_ASSIGN(listed, list(document, core::ProposalState::kProposed));
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].id, target_id);
  EXPECT_FALSE(listed[0].span.has_value());
  ASSERT_OK_AND_ASSIGN(listed, list(document + 1, std::nullopt));
  EXPECT_TRUE(listed.empty());

  core::Proposal ghost = got;
  ghost.id = 31337;
  EXPECT_EQ(InWrite(store(), [&](Transaction& tx) { return tx.UpdateProposal(ghost); }).code(),
            StatusCode::kNotFound);
  core::Proposal orphan = task;
  orphan.document_id = 8080;
  ExpectInvalid(InWrite(store(), [&](Transaction& tx) { return tx.AddProposal(orphan); }), "8080");
}

// ------------------------------------------------------------ tasks

TEST_P(StoreSuite, TaskCoordinationAndEventRoundTrip) {
  Id lead = 0, helper = 0, helper2 = 0, document = 0, obligation = 0;
  ASSERT_OK(store().Write([&](Transaction& tx) {
    Result<Id> id = tx.AddAgency(MakeAgency("Sở Tài chính"));
    TRY(id);
    lead = *id;
    id = tx.AddAgency(MakeAgency("Sở Nội vụ"));
    TRY(id);
    helper = *id;
    id = tx.AddAgency(MakeAgency("Sở Xây dựng"));
    TRY(id);
    helper2 = *id;
    id = tx.AddDocument(FullDocument());
    TRY(id);
    document = *id;
    core::Obligation o;
    o.agency_id = lead;
    o.text = "Báo cáo tháng";
    o.starts_on = D("2024-01-01");
    id = tx.AddObligation(o);
    TRY(id);
    obligation = *id;
    return Status::Ok();
  }));
  core::Task parent = MakeTask(lead, D("2024-01-05"), std::nullopt, "Nhiệm vụ chung");
  ASSERT_OK_AND_ASSIGN(const Id parent_id,
                       InWrite(store(), [&](Transaction& tx) { return tx.AddTask(parent, {}); }));
  core::Task full = MakeTask(lead, D("2024-02-01"), D("2024-06-30"), "Tổng hợp báo cáo quý");
  full.document_id = document;
  full.span = core::SourceSpan{20, 21, 1000, 1100};
  full.parent_id = parent_id;
  full.obligation_id = obligation;
  full.period = core::Period{core::PeriodKind::kQuarter, 2024, 2};
  full.deadline_text = "trước ngày 30 tháng 6 năm 2024";
  full.created_at = T("2024-02-01T09:30:00Z");
  core::Coordination c1;
  c1.agency_id = helper;
  c1.acknowledged_on = D("2024-02-03");
  c1.contribution = "cung cấp số liệu";
  core::Coordination c2;
  c2.agency_id = helper2;
  ASSERT_OK_AND_ASSIGN(const Id task_id, InWrite(store(), [&](Transaction& tx) {
                         return tx.AddTask(full, {c2, c1});
                       }));

  ASSERT_OK_AND_ASSIGN(const core::Task got,
                       InRead(store(), [&](Transaction& tx) { return tx.GetTask(task_id); }));
  EXPECT_EQ(got.id, task_id);
  EXPECT_EQ(got.document_id, full.document_id);
  EXPECT_EQ(got.span, full.span);
  EXPECT_EQ(got.parent_id, full.parent_id);
  EXPECT_EQ(got.obligation_id, full.obligation_id);
  EXPECT_EQ(got.period, full.period);
  EXPECT_EQ(got.lead_agency_id, lead);
  EXPECT_EQ(got.text, full.text);
  EXPECT_EQ(got.assigned_on, full.assigned_on);
  EXPECT_EQ(got.deadline, full.deadline);
  EXPECT_EQ(got.deadline_text, full.deadline_text);
  EXPECT_EQ(got.created_at, full.created_at);
  ASSERT_OK_AND_ASSIGN(const core::Task bare,
                       InRead(store(), [&](Transaction& tx) { return tx.GetTask(parent_id); }));
  EXPECT_FALSE(bare.document_id || bare.span || bare.parent_id || bare.obligation_id ||
               bare.period || bare.deadline);
  EXPECT_EQ(InRead(store(), [](Transaction& tx) { return tx.GetTask(12345); }).status().code(),
            StatusCode::kNotFound);

  ASSERT_OK_AND_ASSIGN(
      std::vector<core::Coordination> coordinations,
      InRead(store(), [&](Transaction& tx) { return tx.ListCoordinations(task_id); }));
  ASSERT_EQ(coordinations.size(), 2u);  // by agency id
  EXPECT_EQ(coordinations[0].task_id, task_id);
  EXPECT_EQ(coordinations[0].agency_id, helper);
  EXPECT_EQ(coordinations[0].acknowledged_on, c1.acknowledged_on);
  EXPECT_EQ(coordinations[0].contribution, c1.contribution);
  EXPECT_EQ(coordinations[1].agency_id, helper2);
  EXPECT_FALSE(coordinations[1].acknowledged_on.has_value());
  core::Coordination ack = coordinations[1];
  ack.acknowledged_on = D("2024-02-10");
  ack.contribution = "thẩm định";
  ASSERT_OK(InWrite(store(), [&](Transaction& tx) { return tx.UpdateCoordination(ack); }));
  ASSERT_OK_AND_ASSIGN(coordinations, InRead(store(), [&](Transaction& tx) {
                         return tx.ListCoordinations(task_id);
                       }));
  EXPECT_EQ(coordinations[1].acknowledged_on, ack.acknowledged_on);
  EXPECT_EQ(coordinations[1].contribution, "thẩm định");
  ack.agency_id = lead;  // not a coordinator
  EXPECT_EQ(InWrite(store(), [&](Transaction& tx) { return tx.UpdateCoordination(ack); }).code(),
            StatusCode::kNotFound);

  core::TaskEvent request =
      MakeEvent(task_id, core::TaskEventKind::kExtensionRequested, D("2024-06-20"));
  request.deadline = D("2024-08-31");
  request.actor_user_id = 3;
  request.note = "chờ số liệu";
  ASSERT_OK_AND_ASSIGN(const Id request_id,
                       InWrite(store(), [&](Transaction& tx) { return tx.AddTaskEvent(request); }));
  core::TaskEvent approval =
      MakeEvent(task_id, core::TaskEventKind::kExtensionApproved, D("2024-06-25"));
  approval.request_event_id = request_id;
  ASSERT_OK(InWrite(store(), [&](Transaction& tx) { return tx.AddTaskEvent(approval); }));
  core::TaskEvent progress = MakeEvent(task_id, core::TaskEventKind::kProgress, D("2024-07-01"));
  progress.progress_percent = 0;
  core::TaskEvent reassign = MakeEvent(task_id, core::TaskEventKind::kReassigned, D("2024-07-02"));
  reassign.agency_id = helper;
  ASSERT_OK(InWrite(store(), [&](Transaction& tx) { return tx.AddTaskEvent(progress); }));
  ASSERT_OK(InWrite(store(), [&](Transaction& tx) { return tx.AddTaskEvent(reassign); }));

  ASSERT_OK_AND_ASSIGN(
      const std::vector<core::TaskEvent> events,
      InRead(store(), [&](Transaction& tx) { return tx.ListTaskEvents(task_id); }));
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[0].id, request_id);
  EXPECT_EQ(events[0].task_id, task_id);
  EXPECT_EQ(events[0].kind, core::TaskEventKind::kExtensionRequested);
  EXPECT_EQ(events[0].effective_on, request.effective_on);
  EXPECT_EQ(events[0].recorded_at, request.recorded_at);
  EXPECT_EQ(events[0].actor_user_id, std::optional<Id>(3));
  EXPECT_EQ(events[0].deadline, request.deadline);
  EXPECT_FALSE(events[0].agency_id.has_value());
  EXPECT_FALSE(events[0].progress_percent.has_value());
  EXPECT_FALSE(events[0].request_event_id.has_value());
  EXPECT_EQ(events[0].note, "chờ số liệu");
  EXPECT_EQ(events[1].kind, core::TaskEventKind::kExtensionApproved);
  EXPECT_EQ(events[1].request_event_id, std::optional<Id>(request_id));
  EXPECT_FALSE(events[1].deadline.has_value());
  EXPECT_FALSE(events[1].actor_user_id.has_value());
  EXPECT_EQ(events[2].progress_percent, std::optional<int>(0));
  EXPECT_EQ(events[3].agency_id, std::optional<Id>(helper));

  // The approval without a deadline takes the request's; the reassignment
  // moves the task.
  TaskFilter filter;
  filter.as_of = D("2024-07-15");
  ASSERT_OK_AND_ASSIGN(const std::vector<TaskView> views,
                       InRead(store(), [&](Transaction& tx) { return tx.ListTasks(filter); }));
  ASSERT_EQ(views.size(), 2u);
  EXPECT_EQ(views[1].task.id, task_id);
  EXPECT_EQ(views[1].task.text, full.text);
  EXPECT_EQ(views[1].task.period, full.period);
  EXPECT_EQ(views[1].lead_agency_id, helper);
  EXPECT_EQ(views[1].deadline, std::optional<Date>(D("2024-08-31")));
  EXPECT_EQ(views[1].status, core::TaskStatus::kOpenInTime);
  EXPECT_FALSE(views[1].completed_on.has_value());
}

TEST_P(StoreSuite, TaskValidationWritesNothing) {
  Id lead = 0, task = 0;
  ASSERT_OK(store().Write([&](Transaction& tx) {
    Result<Id> id = tx.AddAgency(MakeAgency("Sở Tài chính"));
    TRY(id);
    lead = *id;
    id = tx.AddTask(MakeTask(lead, D("2024-03-01"), D("2024-06-30")), {});
    TRY(id);
    task = *id;
    return Status::Ok();
  }));
  const Snapshot before = Take(store(), {task});
  ASSERT_EQ(before.tasks, 1u);

  // Each bad call comes after a good write in the same transaction: the
  // whole transaction must leave nothing.
  auto attempt = [&](auto&& bad) {
    return store().Write([&](Transaction& tx) {
      TRY(tx.AddAgency(MakeAgency("Sở Y tế")));
      TRY(tx.AddTaskEvent(MakeEvent(task, core::TaskEventKind::kComment, D("2024-03-02"))));
      return StatusOf(bad(tx));
    });
  };
  ExpectInvalid(attempt([&](Transaction& tx) {
                  return tx.AddTask(MakeTask(6161, D("2024-03-01"), std::nullopt), {});
                }),
                "6161");
  core::Coordination unknown;
  unknown.agency_id = 6262;
  ExpectInvalid(attempt([&](Transaction& tx) {
                  return tx.AddTask(MakeTask(lead, D("2024-03-01"), std::nullopt), {unknown});
                }),
                "6262");
  ExpectInvalid(attempt([&](Transaction& tx) {
                  return tx.AddTask(MakeTask(lead, D("2024-03-01"), D("2024-02-28")), {});
                }),
                "2024-02-28");
  ExpectInvalid(attempt([&](Transaction& tx) {
                  core::Task t = MakeTask(lead, D("2024-03-01"), std::nullopt);
                  t.period = core::Period{core::PeriodKind::kMonth, 2024, 13};
                  return tx.AddTask(t, {});
                }),
                "13");
  ExpectInvalid(attempt([&](Transaction& tx) {
                  core::Task t = MakeTask(lead, D("2024-03-01"), std::nullopt);
                  t.document_id = 6363;
                  return tx.AddTask(t, {});
                }),
                "6363");
  ExpectInvalid(attempt([&](Transaction& tx) {
                  core::TaskEvent e =
                      MakeEvent(task, core::TaskEventKind::kProgress, D("2024-04-01"));
                  e.progress_percent = 101;
                  return tx.AddTaskEvent(e);
                }),
                "101");
  ExpectInvalid(attempt([&](Transaction& tx) {
                  core::TaskEvent e =
                      MakeEvent(task, core::TaskEventKind::kProgress, D("2024-04-01"));
                  e.progress_percent = -5;
                  return tx.AddTaskEvent(e);
                }),
                "-5");
  ExpectInvalid(
      attempt([&](Transaction& tx) {
        return tx.AddTaskEvent(MakeEvent(6464, core::TaskEventKind::kCompleted, D("2024-04-01")));
      }),
      "6464");
  ExpectInvalid(attempt([&](Transaction& tx) {
                  core::TaskEvent e =
                      MakeEvent(task, core::TaskEventKind::kReassigned, D("2024-04-01"));
                  e.agency_id = 6565;
                  return tx.AddTaskEvent(e);
                }),
                "6565");
  ExpectInvalid(attempt([&](Transaction& tx) {
                  core::TaskEvent e =
                      MakeEvent(task, core::TaskEventKind::kExtensionApproved, D("2024-04-01"));
                  e.deadline = D("2024-01-31");
                  return tx.AddTaskEvent(e);
                }),
                "2024-01-31");
  EXPECT_EQ(Take(store(), {task}), before);
}

// ------------------------------------------------------------ plans, reports

TEST_P(StoreSuite, ObligationsIndicatorsTargetsFiguresRoundTrip) {
  Id agency = 0, document = 0, regime = 0;
  ASSERT_OK(store().Write([&](Transaction& tx) {
    Result<Id> id = tx.AddAgency(MakeAgency("Sở Tài chính"));
    TRY(id);
    agency = *id;
    id = tx.AddDocument(FullDocument());
    TRY(id);
    document = *id;
    core::ReportingRegime r;
    r.name = "Báo cáo tháng";
    r.cadence = core::Cadence::kMonthly;
    r.due_day = 20;
    id = tx.AddReportingRegime(r);
    TRY(id);
    regime = *id;
    return Status::Ok();
  }));

  core::Obligation full;
  full.document_id = document;
  full.agency_id = agency;
  full.text = "Báo cáo kết quả thực hiện";
  full.recurrence = core::Recurrence{core::Cadence::kQuarterly, 5, "trước ngày 5 tháng cuối quý"};
  full.starts_on = D("2024-01-01");
  full.ends_on = D("2024-12-31");
  full.regime_id = regime;
  core::Obligation bare;
  bare.agency_id = agency;
  bare.text = "Thường xuyên";
  bare.starts_on = D("2024-01-01");
  ASSERT_OK(InWrite(store(), [&](Transaction& tx) { return tx.AddObligation(full); }));
  ASSERT_OK(InWrite(store(), [&](Transaction& tx) { return tx.AddObligation(bare); }));
  ASSERT_OK_AND_ASSIGN(const std::vector<core::Obligation> obligations,
                       InRead(store(), [](Transaction& tx) { return tx.ListObligations(); }));
  ASSERT_EQ(obligations.size(), 2u);
  EXPECT_EQ(obligations[0].document_id, full.document_id);
  EXPECT_EQ(obligations[0].agency_id, agency);
  EXPECT_EQ(obligations[0].text, full.text);
  EXPECT_EQ(obligations[0].recurrence.cadence, core::Cadence::kQuarterly);
  EXPECT_EQ(obligations[0].recurrence.day, std::optional<int>(5));
  EXPECT_EQ(obligations[0].recurrence.text, full.recurrence.text);
  EXPECT_EQ(obligations[0].starts_on, full.starts_on);
  EXPECT_EQ(obligations[0].ends_on, full.ends_on);
  EXPECT_EQ(obligations[0].regime_id, std::optional<Id>(regime));
  EXPECT_FALSE(obligations[1].document_id || obligations[1].recurrence.day ||
               obligations[1].ends_on || obligations[1].regime_id);
  EXPECT_EQ(obligations[1].recurrence.cadence, core::Cadence::kMonthly);

  core::Indicator growth{0, "Tốc độ tăng trưởng GRDP", "%", core::Direction::kHigherIsBetter};
  core::Indicator poverty{0, "Tỷ lệ hộ nghèo", "%", core::Direction::kLowerIsBetter};
  ASSERT_OK_AND_ASSIGN(const Id growth_id,
                       InWrite(store(), [&](Transaction& tx) { return tx.AddIndicator(growth); }));
  ASSERT_OK_AND_ASSIGN(const Id poverty_id,
                       InWrite(store(), [&](Transaction& tx) { return tx.AddIndicator(poverty); }));
  ASSERT_OK_AND_ASSIGN(const core::Indicator got_poverty, InRead(store(), [&](Transaction& tx) {
                         return tx.GetIndicator(poverty_id);
                       }));
  EXPECT_EQ(got_poverty.name, poverty.name);
  EXPECT_EQ(got_poverty.unit, "%");
  EXPECT_EQ(got_poverty.direction, core::Direction::kLowerIsBetter);
  ASSERT_OK_AND_ASSIGN(const std::vector<core::Indicator> indicators,
                       InRead(store(), [](Transaction& tx) { return tx.ListIndicators(); }));
  ASSERT_EQ(indicators.size(), 2u);
  EXPECT_EQ(indicators[0].id, growth_id);
  EXPECT_EQ(indicators[0].direction, core::Direction::kHigherIsBetter);
  EXPECT_EQ(InRead(store(), [](Transaction& tx) { return tx.GetIndicator(999); }).status().code(),
            StatusCode::kNotFound);

  // Two plans for one figure and period are both kept.
  core::Target range;
  range.indicator_id = growth_id;
  range.period = core::Period{core::PeriodKind::kYear, 2024, 0};
  range.agency_id = agency;
  range.low = 19;
  range.high = 20;
  range.comparator = core::Comparator::kRange;
  range.plan_source = "province";
  range.document_id = document;
  range.span = core::SourceSpan{1, 1, 5, 25};
  core::Target central;
  central.indicator_id = growth_id;
  central.period = range.period;
  central.value = 7.5;
  central.comparator = core::Comparator::kGe;
  central.plan_source = "central";
  core::Target other;
  other.indicator_id = poverty_id;
  other.period = core::Period{core::PeriodKind::kYears, 2021, 2025};
  other.value = 4;
  other.comparator = core::Comparator::kLe;
  for (const core::Target* t : {&range, &central, &other}) {
    ASSERT_OK(InWrite(store(), [&](Transaction& tx) { return tx.AddTarget(*t); }));
  }
  ASSERT_OK_AND_ASSIGN(std::vector<core::Target> targets,
                       InRead(store(), [&](Transaction& tx) { return tx.ListTargets(growth_id); }));
  ASSERT_EQ(targets.size(), 2u);
  EXPECT_EQ(targets[0].period, range.period);
  EXPECT_EQ(targets[0].agency_id, std::optional<Id>(agency));
  EXPECT_FALSE(targets[0].value.has_value());
  EXPECT_EQ(targets[0].low, std::optional<double>(19));
  EXPECT_EQ(targets[0].high, std::optional<double>(20));
  EXPECT_EQ(targets[0].comparator, core::Comparator::kRange);
  EXPECT_EQ(targets[0].plan_source, "province");
  EXPECT_EQ(targets[0].document_id, std::optional<Id>(document));
  EXPECT_EQ(targets[0].span, range.span);
  EXPECT_EQ(targets[1].value, std::optional<double>(7.5));
  EXPECT_EQ(targets[1].plan_source, "central");
  EXPECT_FALSE(targets[1].agency_id || targets[1].low || targets[1].high ||
               targets[1].document_id || targets[1].span);
  ASSERT_OK_AND_ASSIGN(
      targets, InRead(store(), [&](Transaction& tx) { return tx.ListTargets(std::nullopt); }));
  ASSERT_EQ(targets.size(), 3u);
  EXPECT_EQ(targets[2].period, other.period);

  core::Figure figure;
  figure.indicator_id = growth_id;
  figure.agency_id = agency;
  figure.period = core::Period{core::PeriodKind::kMonthsToDate, 2024, 9};
  figure.value = 6.25;
  figure.estimate = true;
  figure.submitted_at = T("2024-09-20T03:00:00Z");
  figure.submitted_by = 12;
  figure.document_id = document;
  figure.note = "ước";
  core::Figure bare_figure;
  bare_figure.indicator_id = poverty_id;
  bare_figure.period = core::Period{core::PeriodKind::kHalfYear, 2024, 1};
  bare_figure.value = -1.5;
  bare_figure.submitted_at = T("2024-06-20T03:00:00Z");
  ASSERT_OK(InWrite(store(), [&](Transaction& tx) { return tx.AddFigure(figure); }));
  ASSERT_OK(InWrite(store(), [&](Transaction& tx) { return tx.AddFigure(bare_figure); }));
  ASSERT_OK_AND_ASSIGN(std::vector<core::Figure> figures, InRead(store(), [&](Transaction& tx) {
                         return tx.ListFigures(std::nullopt);
                       }));
  ASSERT_EQ(figures.size(), 2u);
  EXPECT_EQ(figures[0].indicator_id, growth_id);
  EXPECT_EQ(figures[0].agency_id, std::optional<Id>(agency));
  EXPECT_EQ(figures[0].period, figure.period);
  EXPECT_EQ(figures[0].value, 6.25);
  EXPECT_TRUE(figures[0].estimate);
  EXPECT_EQ(figures[0].submitted_at, figure.submitted_at);
  EXPECT_EQ(figures[0].submitted_by, std::optional<Id>(12));
  EXPECT_EQ(figures[0].document_id, std::optional<Id>(document));
  EXPECT_EQ(figures[0].note, "ước");
  EXPECT_FALSE(figures[1].agency_id || figures[1].submitted_by || figures[1].document_id);
  EXPECT_FALSE(figures[1].estimate);
  EXPECT_EQ(figures[1].value, -1.5);
  ASSERT_OK_AND_ASSIGN(
      figures, InRead(store(), [&](Transaction& tx) { return tx.ListFigures(poverty_id); }));
  EXPECT_EQ(figures.size(), 1u);

  // Validation.
  const Snapshot before = Take(store());
  core::Target bad = central;
  bad.period = core::Period{core::PeriodKind::kQuarter, 2024, 5};
  ExpectInvalid(InWrite(store(), [&](Transaction& tx) { return tx.AddTarget(bad); }), "5");
  bad = central;
  bad.indicator_id = 7070;
  ExpectInvalid(InWrite(store(), [&](Transaction& tx) { return tx.AddTarget(bad); }), "7070");
  core::Figure bad_figure = figure;
  bad_figure.agency_id = 7171;
  ExpectInvalid(InWrite(store(), [&](Transaction& tx) { return tx.AddFigure(bad_figure); }),
                "7171");
  bad_figure = figure;
  bad_figure.period = core::Period{core::PeriodKind::kYears, 2025, 2021};
  EXPECT_EQ(
      InWrite(store(), [&](Transaction& tx) { return tx.AddFigure(bad_figure); }).status().code(),
      StatusCode::kInvalidInput);
  core::Obligation bad_obligation = bare;
  bad_obligation.agency_id = 7272;
  ExpectInvalid(InWrite(store(), [&](Transaction& tx) { return tx.AddObligation(bad_obligation); }),
                "7272");
  EXPECT_EQ(Take(store()), before);
}

TEST_P(StoreSuite, ReportingRegimesSubmissionsAndCalendar) {
  Id agency = 0, via = 0;
  ASSERT_OK(store().Write([&](Transaction& tx) {
    Result<Id> id = tx.AddAgency(MakeAgency("Văn phòng UBND tỉnh"));
    TRY(id);
    agency = *id;
    id = tx.AddAgency(MakeAgency("Sở Tài chính"));
    TRY(id);
    via = *id;
    return Status::Ok();
  }));
  core::ReportingRegime quarterly;
  quarterly.name = "Báo cáo quý";
  quarterly.cadence = core::Cadence::kQuarterly;
  quarterly.due_month_offset = 0;
  quarterly.due_day = 5;
  quarterly.recipient_agency_id = agency;
  quarterly.via_agency_id = via;
  core::ReportingRegime annual;
  annual.name = "Báo cáo năm";
  annual.cadence = core::Cadence::kAnnual;
  annual.due_month_offset = 1;
  annual.due_day = 15;
  ASSERT_OK_AND_ASSIGN(const Id quarterly_id, InWrite(store(), [&](Transaction& tx) {
                         return tx.AddReportingRegime(quarterly);
                       }));
  ASSERT_OK(InWrite(store(), [&](Transaction& tx) { return tx.AddReportingRegime(annual); }));
  ASSERT_OK_AND_ASSIGN(const std::vector<core::ReportingRegime> regimes,
                       InRead(store(), [](Transaction& tx) { return tx.ListReportingRegimes(); }));
  ASSERT_EQ(regimes.size(), 2u);
  EXPECT_EQ(regimes[0].id, quarterly_id);
  EXPECT_EQ(regimes[0].name, quarterly.name);
  EXPECT_EQ(regimes[0].cadence, core::Cadence::kQuarterly);
  EXPECT_EQ(regimes[0].due_month_offset, 0);
  EXPECT_EQ(regimes[0].due_day, 5);
  EXPECT_EQ(regimes[0].recipient_agency_id, std::optional<Id>(agency));
  EXPECT_EQ(regimes[0].via_agency_id, std::optional<Id>(via));
  EXPECT_EQ(regimes[1].cadence, core::Cadence::kAnnual);
  EXPECT_EQ(regimes[1].due_month_offset, 1);
  EXPECT_FALSE(regimes[1].recipient_agency_id || regimes[1].via_agency_id);

  core::ReportSubmission submission;
  submission.regime_id = quarterly_id;
  submission.agency_id = via;
  submission.period = core::Period{core::PeriodKind::kQuarter, 2024, 1};
  submission.submitted_at = T("2024-03-04T10:00:00Z");
  ASSERT_OK(InWrite(store(), [&](Transaction& tx) { return tx.AddReportSubmission(submission); }));
  ASSERT_OK_AND_ASSIGN(
      const std::vector<core::ReportSubmission> submissions,
      InRead(store(), [&](Transaction& tx) { return tx.ListReportSubmissions(quarterly_id); }));
  ASSERT_EQ(submissions.size(), 1u);
  EXPECT_EQ(submissions[0].regime_id, quarterly_id);
  EXPECT_EQ(submissions[0].agency_id, via);
  EXPECT_EQ(submissions[0].period, submission.period);
  EXPECT_EQ(submissions[0].submitted_at, submission.submitted_at);
  EXPECT_FALSE(submissions[0].document_id.has_value());
  core::ReportSubmission bad = submission;
  bad.agency_id = 8181;
  ExpectInvalid(InWrite(store(), [&](Transaction& tx) { return tx.AddReportSubmission(bad); }),
                "8181");
  bad = submission;
  bad.regime_id = 8282;
  ExpectInvalid(InWrite(store(), [&](Transaction& tx) { return tx.AddReportSubmission(bad); }),
                "8282");

  // Calendar: one row per day, replaced when put again; listed per year.
  const core::CalendarDay holiday{D("2024-04-30"), core::CalendarDayKind::kHoliday, "Giải phóng"};
  const core::CalendarDay swap{D("2024-05-04"), core::CalendarDayKind::kWorkingDay, "làm bù"};
  const core::CalendarDay next_year{D("2025-01-01"), core::CalendarDayKind::kHoliday, "Tết"};
  for (const core::CalendarDay* day : {&swap, &holiday, &next_year}) {
    ASSERT_OK(InWrite(store(), [&](Transaction& tx) { return tx.PutCalendarDay(*day); }));
  }
  core::CalendarDay changed = swap;
  changed.kind = core::CalendarDayKind::kDayOff;
  changed.name = "nghỉ bù";
  ASSERT_OK(InWrite(store(), [&](Transaction& tx) { return tx.PutCalendarDay(changed); }));
  ASSERT_OK_AND_ASSIGN(const std::vector<core::CalendarDay> days,
                       InRead(store(), [](Transaction& tx) { return tx.ListCalendarDays(2024); }));
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(days[0].date, holiday.date);
  EXPECT_EQ(days[0].kind, core::CalendarDayKind::kHoliday);
  EXPECT_EQ(days[0].name, "Giải phóng");
  EXPECT_EQ(days[1].date, swap.date);
  EXPECT_EQ(days[1].kind, core::CalendarDayKind::kDayOff);
  EXPECT_EQ(days[1].name, "nghỉ bù");
  ASSERT_OK_AND_ASSIGN(const std::vector<core::CalendarDay> none,
                       InRead(store(), [](Transaction& tx) { return tx.ListCalendarDays(2023); }));
  EXPECT_TRUE(none.empty());
}

// ------------------------------------------------------------ statuses

// Writes a history through the store and keeps the same facts on the side,
// so that core's reference can be evaluated over them.
class History {
 public:
  explicit History(Store& store) : store_(store) {}

  Id Agency(const std::string& name, Date from = D("2000-01-01"),
            std::optional<Date> to = std::nullopt) {
    Result<Id> id = InWrite(
        store_, [&](Transaction& tx) { return tx.AddAgency(MakeAgency(name, "", from, to)); });
    EXPECT_TRUE(id.ok()) << id.status().message();
    return id.ok() ? *id : 0;
  }

  Id Task(core::Task task, const std::vector<Id>& coordinating = {}) {
    std::vector<core::Coordination> coordinations;
    for (Id agency : coordinating) {
      core::Coordination c;
      c.agency_id = agency;
      coordinations.push_back(c);
    }
    Result<Id> id =
        InWrite(store_, [&](Transaction& tx) { return tx.AddTask(task, coordinations); });
    EXPECT_TRUE(id.ok()) << id.status().message();
    if (!id.ok()) return 0;
    task.id = *id;
    tasks_.push_back(task);
    events_[task.id];
    return task.id;
  }

  Id Event(core::TaskEvent event) {
    Result<Id> id = InWrite(store_, [&](Transaction& tx) { return tx.AddTaskEvent(event); });
    EXPECT_TRUE(id.ok()) << id.status().message();
    if (!id.ok()) return 0;
    event.id = *id;
    events_[event.task_id].push_back(event);
    return event.id;
  }

  // Adds tasks with AddTasksInBulk; the reference gets the same facts.
  std::vector<NewTaskIds> Bulk(const std::vector<NewTask>& tasks) {
    Result<std::vector<NewTaskIds>> ids =
        InWrite(store_, [&](Transaction& tx) { return tx.AddTasksInBulk(tasks); });
    EXPECT_TRUE(ids.ok()) << ids.status().message();
    if (!ids.ok()) return {};
    EXPECT_EQ(ids->size(), tasks.size());
    for (size_t i = 0; i < tasks.size() && i < ids->size(); ++i) {
      core::Task task = tasks[i].task;
      task.id = (*ids)[i].task_id;
      if (tasks[i].parent_index) task.parent_id = (*ids)[*tasks[i].parent_index].task_id;
      tasks_.push_back(task);
      std::vector<core::TaskEvent>& events = events_[task.id];
      EXPECT_EQ((*ids)[i].event_ids.size(), tasks[i].events.size());
      for (size_t k = 0; k < tasks[i].events.size() && k < (*ids)[i].event_ids.size(); ++k) {
        core::TaskEvent event = tasks[i].events[k].event;
        event.id = (*ids)[i].event_ids[k];
        event.task_id = task.id;
        if (tasks[i].events[k].request_index) {
          event.request_event_id = (*ids)[i].event_ids[*tasks[i].events[k].request_index];
        }
        events.push_back(event);
      }
    }
    return std::move(ids).value();
  }

  void Succession(Id predecessor, Id successor, Date effective) {
    core::Succession s;
    s.predecessor_id = predecessor;
    s.successor_id = successor;
    s.effective = effective;
    Result<Id> id = InWrite(store_, [&](Transaction& tx) { return tx.AddSuccession(s); });
    EXPECT_TRUE(id.ok()) << id.status().message();
    if (!id.ok()) return;
    s.id = *id;
    successions_.push_back(s);
  }

  // core's answer: each task's stretch on `day`, counted for its lead.
  std::map<Id, core::StatusCounts> Reference(Date day) const {
    std::map<Id, core::StatusCounts> counts;
    for (const core::Task& task : tasks_) {
      const std::vector<core::TaskState> timeline =
          core::BuildTimeline(task, events_.at(task.id), successions_);
      const core::TaskState* state = core::StateOn(timeline, day);
      if (state == nullptr || state->cancelled) continue;
      counts[state->lead_agency_id].Add(core::StatusOn(*state, day), state->deadline.has_value());
    }
    return counts;
  }

  // The reference view of every task counted on `day`, by task id.
  std::map<Id, TaskView> ReferenceViews(Date day) const {
    std::map<Id, TaskView> views;
    for (const core::Task& task : tasks_) {
      const std::vector<core::TaskState> timeline =
          core::BuildTimeline(task, events_.at(task.id), successions_);
      const core::TaskState* state = core::StateOn(timeline, day);
      if (state == nullptr || state->cancelled) continue;
      TaskView view;
      view.task = task;
      view.lead_agency_id = state->lead_agency_id;
      view.status = core::StatusOn(*state, day);
      view.deadline = state->deadline;
      view.completed_on = state->completed_on;
      views[task.id] = view;
    }
    return views;
  }

  std::map<Id, core::StatusCounts> Stored(Date day) {
    std::map<Id, core::StatusCounts> counts;
    Result<std::vector<core::AgencyStatusCounts>> rows =
        InRead(store_, [&](Transaction& tx) { return tx.CountTaskStatuses(day); });
    EXPECT_TRUE(rows.ok()) << rows.status().message();
    if (!rows.ok()) return counts;
    Id previous = 0;
    for (const core::AgencyStatusCounts& row : *rows) {
      EXPECT_GT(row.agency_id, previous) << "counts must come by agency id, once each";
      previous = row.agency_id;
      counts[row.agency_id] = row.counts;
    }
    return counts;
  }

  const std::vector<core::Task>& tasks() const { return tasks_; }

 private:
  Store& store_;
  std::vector<core::Task> tasks_;
  std::map<Id, std::vector<core::TaskEvent>> events_;
  std::vector<core::Succession> successions_;
};

core::StatusCounts Counts(int64_t on_time, int64_t late, int64_t open, int64_t overdue,
                          int64_t no_deadline) {
  core::StatusCounts c;
  c.done_on_time = on_time;
  c.done_late = late;
  c.open_in_time = open;
  c.open_overdue = overdue;
  c.no_deadline = no_deadline;
  c.total = on_time + late + open + overdue;
  return c;
}

// The hand-built history of the issue: extensions granted before and after
// the deadline, completion on the deadline day, an agency merged mid-year,
// a task without deadline, a cancellation and a completion entered late.
struct HandBuilt {
  Id planning = 0, finance = 0, home = 0;  // planning merges into finance on 2024-07-01
  Id t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0, t6 = 0, t7 = 0, t8 = 0;
  Id document = 0;
};

HandBuilt BuildHandHistory(Store& store, History& h) {
  HandBuilt b;
  b.planning = h.Agency("Sở Kế hoạch và Đầu tư", D("2000-01-01"), D("2024-07-01"));
  b.finance = h.Agency("Sở Tài chính");
  b.home = h.Agency("Sở Nội vụ");
  Result<Id> document =
      InWrite(store, [](Transaction& tx) { return tx.AddDocument(FullDocument()); });
  EXPECT_TRUE(document.ok());
  b.document = document.ok() ? *document : 0;
  using K = core::TaskEventKind;

  // T1: extension asked and granted before the deadline, completed in time.
  b.t1 = h.Task(MakeTask(b.home, D("2024-01-10"), D("2024-03-31"), "Rà soát thủ tục hành chính"));
  core::TaskEvent e = MakeEvent(b.t1, K::kExtensionRequested, D("2024-03-20"));
  e.deadline = D("2024-05-31");
  const Id request = h.Event(e);
  e = MakeEvent(b.t1, K::kExtensionApproved, D("2024-03-25"));
  e.request_event_id = request;
  h.Event(e);
  h.Event(MakeEvent(b.t1, K::kCompleted, D("2024-05-15")));
  // T2: extension granted after the deadline had passed, never completed.
  core::Task t2 = MakeTask(b.home, D("2024-01-10"), D("2024-02-29"), "Kiện toàn tổ chức bộ máy");
  t2.document_id = b.document;
  b.t2 = h.Task(t2);
  e = MakeEvent(b.t2, K::kExtensionApproved, D("2024-03-10"));
  e.deadline = D("2024-04-30");
  h.Event(e);
  // T3: completed on the deadline day, before the merger: stays with planning.
  b.t3 = h.Task(
      MakeTask(b.planning, D("2024-02-01"), D("2024-06-30"), "Xây dựng kế hoạch đầu tư công"));
  h.Event(MakeEvent(b.t3, K::kCompleted, D("2024-06-30")));
  // T4: open at the merger: passes to finance. Coordinated by home.
  b.t4 = h.Task(MakeTask(b.planning, D("2024-02-01"), D("2024-09-30"), "Thu hút đầu tư"), {b.home});
  // T5: no deadline; passes to finance; completed after the merger.
  b.t5 = h.Task(MakeTask(b.planning, D("2024-03-01"), std::nullopt, "Theo dõi thường xuyên"));
  h.Event(MakeEvent(b.t5, K::kCompleted, D("2024-10-10")));
  // T6: completed late.
  b.t6 = h.Task(MakeTask(b.finance, D("2024-04-01"), D("2024-05-31"), "Quyết toán ngân sách"));
  h.Event(MakeEvent(b.t6, K::kCompleted, D("2024-06-10")));
  // T7: cancelled.
  b.t7 = h.Task(MakeTask(b.home, D("2024-02-01"), D("2024-04-30"), "Tổ chức hội nghị"));
  h.Event(MakeEvent(b.t7, K::kCancelled, D("2024-04-15")));
  // T8: completed on 1 June, entered on 5 June.
  b.t8 = h.Task(MakeTask(b.home, D("2024-01-15"), D("2024-06-30"), "Báo cáo chuyên đề"));
  h.Event(MakeEvent(b.t8, K::kCompleted, D("2024-06-01"), D("2024-06-05")));
  // The merger is recorded after the tasks: their timelines must follow.
  h.Succession(b.planning, b.finance, D("2024-07-01"));
  return b;
}

TEST_P(StoreSuite, FourWayCountsOnAHandBuiltHistory) {
  History h(store());
  const HandBuilt b = BuildHandHistory(store(), h);
  ASSERT_FALSE(HasFailure());

  using Map = std::map<Id, core::StatusCounts>;
  // Before anything was assigned.
  EXPECT_EQ(h.Stored(D("2024-01-05")), Map{});
  // T2 overdue (extension not yet granted); T5 without deadline.
  const Map march5 = {{b.planning, Counts(0, 0, 3, 0, 1)}, {b.home, Counts(0, 0, 3, 1, 0)}};
  EXPECT_EQ(h.Reference(D("2024-03-05")), march5);
  EXPECT_EQ(h.Stored(D("2024-03-05")), march5);
  // T2 back in time after the late extension.
  const Map march15 = {{b.planning, Counts(0, 0, 3, 0, 1)}, {b.home, Counts(0, 0, 4, 0, 0)}};
  EXPECT_EQ(h.Stored(D("2024-03-15")), march15);
  // 3 June: T8's completion not yet entered; T6 overdue; T7 cancelled.
  const Map june3 = {{b.planning, Counts(0, 0, 3, 0, 1)},
                     {b.finance, Counts(0, 0, 0, 1, 0)},
                     {b.home, Counts(1, 0, 1, 1, 0)}};
  EXPECT_EQ(h.Stored(D("2024-06-03")), june3);
  // The merger day: T3 (done on its deadline day) stays with planning; T4,
  // T5 pass to finance; T8 done on time by now.
  const Map july1 = {{b.planning, Counts(1, 0, 0, 0, 0)},
                     {b.finance, Counts(0, 1, 2, 0, 1)},
                     {b.home, Counts(2, 0, 0, 1, 0)}};
  EXPECT_EQ(h.Reference(D("2024-07-01")), july1);
  EXPECT_EQ(h.Stored(D("2024-07-01")), july1);
  // Year end: T4 overdue, T5 done (no deadline counts as on time).
  const Map december31 = {{b.planning, Counts(1, 0, 0, 0, 0)},
                          {b.finance, Counts(1, 1, 0, 1, 0)},
                          {b.home, Counts(2, 0, 0, 1, 0)}};
  EXPECT_EQ(h.Stored(D("2024-12-31")), december31);
  for (const char* day : {"2024-01-10", "2024-02-29", "2024-03-01", "2024-03-31", "2024-04-15",
                          "2024-05-01", "2024-06-05", "2024-06-30", "2024-06-11", "2025-06-01"}) {
    EXPECT_EQ(h.Stored(D(day)), h.Reference(D(day))) << day;
  }
}

TEST_P(StoreSuite, ListTasksFiltersAndPaging) {
  History h(store());
  const HandBuilt b = BuildHandHistory(store(), h);
  ASSERT_FALSE(HasFailure());
  auto list = [&](const TaskFilter& filter) {
    std::vector<Id> ids;
    Result<std::vector<TaskView>> views =
        InRead(store(), [&](Transaction& tx) { return tx.ListTasks(filter); });
    EXPECT_TRUE(views.ok()) << views.status().message();
    if (views.ok()) {
      for (const TaskView& v : *views) ids.push_back(v.task.id);
    }
    return ids;
  };
  using Ids = std::vector<Id>;
  TaskFilter f;
  f.as_of = D("2024-07-01");
  EXPECT_EQ(list(f), (Ids{b.t1, b.t2, b.t3, b.t4, b.t5, b.t6, b.t8}));  // T7 cancelled
  f.agency_id = b.finance;
  EXPECT_EQ(list(f), (Ids{b.t4, b.t5, b.t6}));
  f.agency_id = b.planning;
  EXPECT_EQ(list(f), (Ids{b.t3}));
  f.agency_id = b.home;
  EXPECT_EQ(list(f), (Ids{b.t1, b.t2, b.t8}));
  f.include_coordinating = true;
  EXPECT_EQ(list(f), (Ids{b.t1, b.t2, b.t4, b.t8}));
  f = {};
  f.as_of = D("2024-07-01");
  f.status = core::TaskStatus::kOpenOverdue;
  EXPECT_EQ(list(f), (Ids{b.t2}));
  f.status = core::TaskStatus::kDoneOnTime;
  EXPECT_EQ(list(f), (Ids{b.t1, b.t3, b.t8}));
  f.status = core::TaskStatus::kOpenInTime;
  EXPECT_EQ(list(f), (Ids{b.t4, b.t5}));
  f.agency_id = b.finance;
  f.status = core::TaskStatus::kDoneLate;
  EXPECT_EQ(list(f), (Ids{b.t6}));
  f = {};
  f.as_of = D("2024-03-05");  // before assignment T6 is not listed
  EXPECT_EQ(list(f), (Ids{b.t1, b.t2, b.t3, b.t4, b.t5, b.t7, b.t8}));
  f.document_id = b.document;
  EXPECT_EQ(list(f), (Ids{b.t2}));
  f = {};
  f.as_of = D("2024-07-01");
  f.due_from = D("2024-06-30");  // the deadline in force on as_of
  EXPECT_EQ(list(f), (Ids{b.t3, b.t4, b.t8}));
  f.due_to = D("2024-06-30");
  EXPECT_EQ(list(f), (Ids{b.t3, b.t8}));
  f = {};
  f.as_of = D("2024-07-01");
  f.text = "KE HOACH dau tu";  // "Xây dựng kế hoạch đầu tư công"
  EXPECT_EQ(list(f), (Ids{b.t3}));
  f.text = "đầu tư";
  EXPECT_EQ(list(f), (Ids{b.t3, b.t4}));
  // Keyset paging.
  f = {};
  f.as_of = D("2024-07-01");
  f.limit = 3;
  EXPECT_EQ(list(f), (Ids{b.t1, b.t2, b.t3}));
  f.after_id = b.t3;
  EXPECT_EQ(list(f), (Ids{b.t4, b.t5, b.t6}));
  f.after_id = b.t6;
  EXPECT_EQ(list(f), (Ids{b.t8}));
  f.after_id = b.t8;
  EXPECT_EQ(list(f), Ids{});

  // What a view says on the day.
  f = {};
  f.as_of = D("2024-07-01");
  ASSERT_OK_AND_ASSIGN(const std::vector<TaskView> views,
                       InRead(store(), [&](Transaction& tx) { return tx.ListTasks(f); }));
  const std::map<Id, TaskView> expected = h.ReferenceViews(D("2024-07-01"));
  ASSERT_EQ(views.size(), expected.size());
  for (const TaskView& v : views) {
    const TaskView& want = expected.at(v.task.id);
    EXPECT_EQ(v.lead_agency_id, want.lead_agency_id) << v.task.id;
    EXPECT_EQ(v.status, want.status) << v.task.id;
    EXPECT_EQ(v.deadline, want.deadline) << v.task.id;
    EXPECT_EQ(v.completed_on, want.completed_on) << v.task.id;
    EXPECT_EQ(v.task.text, want.task.text);
  }
  const TaskView& t1 = *std::find_if(views.begin(), views.end(),
                                     [&](const TaskView& v) { return v.task.id == b.t1; });
  EXPECT_EQ(t1.deadline, std::optional<Date>(D("2024-05-31")));
  EXPECT_EQ(t1.completed_on, std::optional<Date>(D("2024-05-15")));
  EXPECT_EQ(t1.task.deadline, std::optional<Date>(D("2024-03-31")));  // as assigned

  // Bad filters.
  f.limit = 0;
  ExpectInvalid(InRead(store(), [&](Transaction& tx) { return tx.ListTasks(f); }), "0");
  f.limit = 1001;
  ExpectInvalid(InRead(store(), [&](Transaction& tx) { return tx.ListTasks(f); }), "1001");
}

// Random histories: the stored counts equal core's reference on random days.
TEST_P(StoreSuite, CountsMatchTheReferenceOnRandomHistories) {
  for (const uint32_t seed : {1u, 2u, 3u}) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::unique_ptr<Store> fresh = GetParam().factory();
    ASSERT_NE(fresh, nullptr);
    History h(*fresh);
    std::mt19937 rng(seed);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<uint32_t>(n)); };
    const Date origin = D("2024-01-01");
    auto day = [&](int offset) { return origin + std::chrono::days(offset); };

    std::vector<Id> agencies;
    for (int i = 0; i < 6; ++i) agencies.push_back(h.Agency("Cơ quan " + std::to_string(i)));
    // Merges only towards higher indices (no cycles), one per predecessor.
    std::set<int> merged;
    auto merge = [&] {
      const int from = pick(5);
      if (!merged.insert(from).second) return;
      const int to = from + 1 + pick(5 - from);
      h.Succession(agencies[from], agencies[to], day(pick(360)));
    };
    merge();

    using K = core::TaskEventKind;
    for (int t = 0; t < 40; ++t) {
      const int assigned = pick(300);
      std::optional<Date> deadline;
      if (pick(4) != 0) deadline = day(assigned + pick(120));
      const Id task = h.Task(MakeTask(agencies[pick(6)], day(assigned), deadline));
      const int events = pick(5);
      for (int k = 0; k < events; ++k) {
        const int effective = assigned + pick(200);
        const int recorded = effective + (pick(3) == 0 ? pick(15) : 0) - (pick(8) == 0 ? 3 : 0);
        core::TaskEvent e;
        switch (pick(7)) {
          case 0:
          case 1:
            e = MakeEvent(task, K::kCompleted, day(effective), day(recorded));
            break;
          case 2:
            e = MakeEvent(task, K::kExtensionApproved, day(effective), day(recorded));
            e.deadline = day(assigned + pick(250));
            break;
          case 3:
            e = MakeEvent(task, K::kReassigned, day(effective), day(recorded));
            e.agency_id = agencies[pick(6)];
            break;
          case 4:
            e = MakeEvent(task, K::kReopened, day(effective), day(recorded));
            break;
          case 5:
            e = MakeEvent(task, pick(4) == 0 ? K::kCancelled : K::kProgress, day(effective),
                          day(recorded));
            if (e.kind == K::kProgress) e.progress_percent = pick(101);
            break;
          default:
            e = MakeEvent(task, K::kComment, day(effective), day(recorded));
            break;
        }
        h.Event(e);
      }
      if (t == 20) merge();
    }
    merge();  // after every task: rebuilds the affected timelines
    ASSERT_FALSE(HasFailure());

    for (int i = 0; i < 25; ++i) {
      const Date on = day(pick(560) - 30);
      EXPECT_EQ(h.Stored(on), h.Reference(on)) << core::FormatIsoDate(on);
      // One agency's list agrees with the reference too.
      TaskFilter f;
      f.as_of = on;
      f.agency_id = agencies[pick(6)];
      f.limit = 1000;
      Result<std::vector<TaskView>> views =
          InRead(*fresh, [&](Transaction& tx) { return tx.ListTasks(f); });
      ASSERT_TRUE(views.ok()) << views.status().message();
      std::map<Id, core::TaskStatus> got, want;
      for (const TaskView& v : *views) got[v.task.id] = v.status;
      for (const auto& [id, view] : h.ReferenceViews(on)) {
        if (view.lead_agency_id == *f.agency_id) want[id] = view.status;
      }
      EXPECT_EQ(got, want) << core::FormatIsoDate(on);
    }
  }
}

// Random tasks for the bulk path: deadlines, completions (some entered
// late), approved extensions answering a request, reassignments,
// reopenings, cancellations, a parent in the same call.
std::vector<NewTask> RandomBulk(std::mt19937& rng, const std::vector<Id>& agencies, Date origin,
                                int count) {
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<uint32_t>(n)); };
  auto day = [&](int offset) { return origin + std::chrono::days(offset); };
  using K = core::TaskEventKind;
  std::vector<NewTask> tasks;
  for (int t = 0; t < count; ++t) {
    NewTask& item = tasks.emplace_back();
    const int assigned = pick(300);
    std::optional<Date> deadline;
    if (pick(4) != 0) deadline = day(assigned + pick(120));
    const size_t lead = static_cast<size_t>(pick(static_cast<int>(agencies.size())));
    item.task = MakeTask(agencies[lead], day(assigned), deadline,
                         "Nhiệm vụ\tsố " + std::to_string(t) + "\nhai dòng");
    if (t > 0 && pick(5) == 0) item.parent_index = static_cast<size_t>(pick(t));
    if (pick(2) == 0) {
      core::Coordination c;
      c.agency_id = agencies[(lead + 1) % agencies.size()];
      c.contribution = "phối hợp \\ số liệu";
      item.coordinating.push_back(c);
    }
    const int events = pick(5);
    for (int k = 0; k < events; ++k) {
      const int effective = assigned + pick(200);
      const int recorded = effective + (pick(3) == 0 ? pick(15) : 0);
      NewTask::Event e;
      switch (pick(6)) {
        case 0:
        case 1:
          e.event = MakeEvent(0, K::kCompleted, day(effective), day(recorded));
          break;
        case 2: {
          NewTask::Event request;
          request.event = MakeEvent(0, K::kExtensionRequested, day(effective), day(effective));
          request.event.deadline = day(assigned + pick(250));
          item.events.push_back(request);
          e.event = MakeEvent(0, K::kExtensionApproved, day(effective + 2), day(recorded + 2));
          e.request_index = item.events.size() - 1;
          break;
        }
        case 3:
          e.event = MakeEvent(0, K::kReassigned, day(effective), day(recorded));
          e.event.agency_id =
              agencies[static_cast<size_t>(pick(static_cast<int>(agencies.size())))];
          break;
        case 4:
          e.event = MakeEvent(0, K::kReopened, day(effective), day(recorded));
          break;
        default:
          e.event = MakeEvent(0, pick(3) == 0 ? K::kCancelled : K::kComment, day(effective),
                              day(recorded));
          break;
      }
      item.events.push_back(e);
    }
  }
  return tasks;
}

// The bulk path stores what AddTask and AddTaskEvent would, the counts stay
// exact while the running totals are stale and after they are rebuilt, and
// later writes (backdated events, a succession) keep them exact.
TEST_P(StoreSuite, BulkLoadThenWritesKeepCountsExact) {
  History h(store());
  std::vector<Id> agencies;
  for (int i = 0; i < 5; ++i) agencies.push_back(h.Agency("Đơn vị " + std::to_string(i)));
  h.Succession(agencies[0], agencies[1], D("2024-05-01"));  // before the load
  std::mt19937 rng(7);
  const Date origin = D("2024-01-01");
  const std::vector<NewTaskIds> ids = h.Bulk(RandomBulk(rng, agencies, origin, 60));
  ASSERT_FALSE(HasFailure());
  ASSERT_EQ(ids.size(), 60u);

  // What was stored reads back as given.
  ASSERT_OK_AND_ASSIGN(const core::Task first, InRead(store(), [&](Transaction& tx) {
                         return tx.GetTask(ids[0].task_id);
                       }));
  EXPECT_EQ(first.text, h.tasks()[h.tasks().size() - 60].text);
  for (const NewTaskIds& added : ids) {
    ASSERT_OK_AND_ASSIGN(
        const std::vector<core::TaskEvent> events,
        InRead(store(), [&](Transaction& tx) { return tx.ListTaskEvents(added.task_id); }));
    ASSERT_EQ(events.size(), added.event_ids.size());
    for (size_t k = 0; k < events.size(); ++k) EXPECT_EQ(events[k].id, added.event_ids[k]);
  }

  const std::vector<Date> days = {D("2024-01-15"), D("2024-03-31"), D("2024-05-01"),
                                  D("2024-07-20"), D("2024-12-31"), D("2025-06-30")};
  auto all_match = [&](const char* when) {
    for (const Date day : days) {
      EXPECT_EQ(h.Stored(day), h.Reference(day)) << when << " " << core::FormatIsoDate(day);
    }
  };
  all_match("stale after the bulk load");
  ASSERT_OK(InWrite(store(), [](Transaction& tx) { return tx.RebuildStatusTotals(); }));
  all_match("after the rebuild");

  // Backdated events on loaded tasks: a completion entered months late, an
  // extension approved after the deadline, a reassignment.
  using K = core::TaskEventKind;
  for (size_t i = 0; i < 10; ++i) {
    const core::Task& task = h.tasks()[i];
    core::TaskEvent e = MakeEvent(task.id,
                                  i % 3 == 0   ? K::kCompleted
                                  : i % 3 == 1 ? K::kExtensionApproved
                                               : K::kReassigned,
                                  task.assigned_on + std::chrono::days(10),
                                  task.assigned_on + std::chrono::days(40));
    if (e.kind == K::kExtensionApproved) e.deadline = task.assigned_on + std::chrono::days(90);
    if (e.kind == K::kReassigned) e.agency_id = agencies[(i + 2) % agencies.size()];
    h.Event(e);
  }
  // A merger after everything was loaded: successions rebuild timelines.
  h.Succession(agencies[2], agencies[3], D("2024-08-01"));
  // A new task the ordinary way.
  h.Task(MakeTask(agencies[4], D("2024-02-02"), D("2024-02-20")));
  ASSERT_FALSE(HasFailure());
  all_match("after later writes");

  // A second bulk load marks them stale again; still exact.
  h.Bulk(RandomBulk(rng, agencies, origin, 10));
  all_match("stale again");
}

TEST_P(StoreSuite, BulkLoadRefusesBadTasksAndWritesNothing) {
  History h(store());
  const Id a = h.Agency("Sở Xây dựng");
  const Id b = h.Agency("Sở Y tế");
  const Snapshot before = Take(store());
  auto refuse = [&](std::vector<NewTask> tasks, const std::string& needle) {
    ExpectInvalid(InWrite(store(), [&](Transaction& tx) { return tx.AddTasksInBulk(tasks); }),
                  needle);
    EXPECT_EQ(Take(store()), before) << needle;
  };
  NewTask good;
  good.task = MakeTask(a, D("2024-03-01"), D("2024-06-30"));
  NewTask bad = good;
  bad.task.deadline = D("2024-02-01");
  refuse({good, bad}, "bulk task 1");
  bad = good;
  bad.task.lead_agency_id = 99999;
  refuse({good, bad}, "99999");
  bad = good;
  core::Coordination twice;
  twice.agency_id = b;
  bad.coordinating = {twice, twice};
  refuse({bad}, "listed twice");
  bad = good;
  bad.parent_index = 0;  // itself
  refuse({bad}, "parent index");
  bad = good;
  NewTask::Event reassigned;
  reassigned.event = MakeEvent(0, core::TaskEventKind::kReassigned, D("2024-04-01"));
  bad.events = {reassigned};  // without the new lead
  refuse({good, bad}, "reassignment");
  bad = good;
  NewTask::Event approved;
  approved.event = MakeEvent(0, core::TaskEventKind::kExtensionApproved, D("2024-04-01"));
  approved.request_index = 0;  // itself
  bad.events = {approved};
  refuse({bad}, "request index");
  // Nothing at all is fine and writes nothing.
  ASSERT_OK_AND_ASSIGN(const std::vector<NewTaskIds> none, InWrite(store(), [](Transaction& tx) {
                         return tx.AddTasksInBulk(std::vector<NewTask>{});
                       }));
  EXPECT_TRUE(none.empty());
}

// A coordinating agency that merged away passes its open coordinations to
// its successor, as a lead passes its open tasks; completed work stays with
// the agency that held it on the completion day.
TEST_P(StoreSuite, ListTasksCoordinatingFollowsSuccessions) {
  History h(store());
  const Id planning = h.Agency("Sở Kế hoạch và Đầu tư", D("2000-01-01"), D("2024-07-01"));
  const Id finance = h.Agency("Sở Tài chính");
  const Id home = h.Agency("Sở Nội vụ");
  const Id region = h.Agency("Sở Tài chính mới");
  // Open, coordinated by planning.
  const Id open = h.Task(MakeTask(home, D("2024-02-01"), D("2024-12-31"), "Mở"), {planning});
  // Completed before the merger, coordinated by planning.
  const Id done = h.Task(MakeTask(home, D("2024-02-01"), D("2024-12-31"), "Xong"), {planning});
  h.Event(MakeEvent(done, core::TaskEventKind::kCompleted, D("2024-05-01")));
  // Coordinated by finance itself.
  const Id own = h.Task(MakeTask(home, D("2024-02-01"), std::nullopt, "Riêng"), {finance});
  h.Succession(planning, finance, D("2024-07-01"));
  ASSERT_FALSE(HasFailure());
  auto list = [&](Id agency, const char* day) {
    TaskFilter f;
    f.as_of = D(day);
    f.agency_id = agency;
    f.include_coordinating = true;
    std::vector<Id> ids;
    Result<std::vector<TaskView>> views =
        InRead(store(), [&](Transaction& tx) { return tx.ListTasks(f); });
    EXPECT_TRUE(views.ok()) << views.status().message();
    if (views.ok()) {
      for (const TaskView& v : *views) ids.push_back(v.task.id);
    }
    return ids;
  };
  using Ids = std::vector<Id>;
  EXPECT_EQ(list(planning, "2024-06-01"), (Ids{open, done}));
  EXPECT_EQ(list(finance, "2024-06-01"), (Ids{own}));
  EXPECT_EQ(list(planning, "2024-08-01"), (Ids{done}));
  EXPECT_EQ(list(finance, "2024-08-01"), (Ids{open, own}));
  // A chain: finance merges on; its successor then holds planning's work too.
  h.Succession(finance, region, D("2024-10-01"));
  ASSERT_FALSE(HasFailure());
  EXPECT_EQ(list(finance, "2024-08-01"), (Ids{open, own}));
  EXPECT_EQ(list(finance, "2024-11-01"), Ids{});
  EXPECT_EQ(list(region, "2024-11-01"), (Ids{open, own}));
  EXPECT_EQ(list(region, "2024-08-01"), Ids{});
  EXPECT_EQ(list(home, "2024-11-01"), (Ids{open, done, own}));  // the lead
}

TEST_P(StoreSuite, SubtaskIdsOfAParent) {
  Id lead = 0;
  ASSERT_OK(store().Write([&](Transaction& tx) {
    Result<Id> id = tx.AddAgency(MakeAgency("Sở Công Thương"));
    TRY(id);
    lead = *id;
    return Status::Ok();
  }));
  auto add = [&](std::optional<Id> parent, const char* text) {
    core::Task task = MakeTask(lead, D("2024-03-01"), D("2024-09-30"), text);
    task.parent_id = parent;
    return InWrite(store(), [&](Transaction& tx) { return tx.AddTask(task, {}); });
  };
  ASSERT_OK_AND_ASSIGN(const Id parent, add(std::nullopt, "Nhiệm vụ gốc"));
  ASSERT_OK_AND_ASSIGN(const Id other, add(std::nullopt, "Nhiệm vụ khác"));
  ASSERT_OK_AND_ASSIGN(const Id first, add(parent, "Phần việc thứ nhất"));
  ASSERT_OK_AND_ASSIGN(const Id unrelated, add(other, "Phần việc của nhiệm vụ khác"));
  ASSERT_OK_AND_ASSIGN(const Id second, add(parent, "Phần việc thứ hai"));
  ASSERT_OK_AND_ASSIGN(const Id grandchild, add(first, "Phần việc cấp dưới"));

  ASSERT_OK_AND_ASSIGN(std::vector<Id> ids,
                       InRead(store(), [&](Transaction& tx) { return tx.ListSubtaskIds(parent); }));
  EXPECT_EQ(ids, (std::vector<Id>{first, second}));  // direct children only, ascending
  ASSERT_OK_AND_ASSIGN(ids,
                       InRead(store(), [&](Transaction& tx) { return tx.ListSubtaskIds(first); }));
  EXPECT_EQ(ids, std::vector<Id>{grandchild});
  ASSERT_OK_AND_ASSIGN(ids,
                       InRead(store(), [&](Transaction& tx) { return tx.ListSubtaskIds(other); }));
  EXPECT_EQ(ids, std::vector<Id>{unrelated});
  ASSERT_OK_AND_ASSIGN(ids,
                       InRead(store(), [&](Transaction& tx) { return tx.ListSubtaskIds(second); }));
  EXPECT_TRUE(ids.empty());
  ASSERT_OK_AND_ASSIGN(ids,
                       InRead(store(), [&](Transaction& tx) { return tx.ListSubtaskIds(999999); }));
  EXPECT_TRUE(ids.empty());
}

TEST_P(StoreSuite, BackupWritesAFile) {
  ASSERT_OK(InWrite(store(), [](Transaction& tx) { return tx.AddAgency(MakeAgency("Sở Y tế")); }));
  const std::string path = ::testing::TempDir() + "/dondoc-store-backup-" +
                           std::to_string(reinterpret_cast<uintptr_t>(this)) + "-" +
                           GetParam().name;
  std::remove(path.c_str());
  ASSERT_OK(store().Backup(path));
  FILE* file = std::fopen(path.c_str(), "rb");
  ASSERT_NE(file, nullptr);
  std::fseek(file, 0, SEEK_END);
  EXPECT_GT(std::ftell(file), 0);
  std::fclose(file);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace dondoc::store::testing
