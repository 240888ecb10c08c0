// Tracking at scale on either store: bulk load of the demo data, the
// four-way counts per agency as of a day, and one agency's task list page,
// each beside the plain SQL that computes the same answer from the raw
// tables (tasks, task_events, successions; not the timeline), measured in
// the same run on the same database, with the answers compared. The counts
// are also compared with the scan over every timeline stretch (the store's
// previous query, still its fallback while the running counts are stale).
//
//   tracking_bench [--scale F] [--db PATH] [--reuse] [--rounds N]
//   tracking_bench --url postgresql://... [--scale F] [--reuse] [--rounds N]
//
// With --url the store under test is that PostgreSQL database (empty, or
// already loaded with --reuse), and the plain SQL runs on the same server
// in PostgreSQL's dialect. The CPU times are this process's; on PostgreSQL
// the work is the server's, so there wall-clock times are the figures.
//
// Scale 1 is 1 M tasks, 5 000 agencies, 100 000 documents (the issue's
// figures); --scale 0.01 is a quick run. --reuse keeps an already loaded
// database (the load is then not measured; it is migrated first).
#include <libpq-fe.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bench/bench_util.h"
#include "core/date.h"
#include "core/task_status.h"
#include "service/demo_data.h"
#include "store/open.h"

namespace dondoc::bench {
namespace {

constexpr int kYear = 2025;

// The four-way counts per agency as of ?1 (ISO day), from the raw tables.
// An event acts from max(effective day, local day recorded); same-day
// events apply by recorded time then id (the sort key k); the first
// completion after the last reopening stands; the latest approved extension
// sets the deadline; the latest reassignment the lead; successions pass an
// open task's lead on as of ?1 and a completed one's as of its completion.
constexpr const char* kPlainState = R"sql(
WITH ev AS (
  SELECT e.id, e.task_id, e.kind, e.effective_on, e.deadline, e.agency_id, e.request_event_id,
         max(e.effective_on, date(e.recorded_at, '+7 hours')) || e.recorded_at ||
             printf('%012d', e.id) AS k
  FROM task_events e
  WHERE e.kind IN ('completed', 'reopened', 'extension_approved', 'reassigned', 'cancelled')
    AND max(e.effective_on, date(e.recorded_at, '+7 hours')) <= ?1),
cancelled AS (SELECT DISTINCT task_id FROM ev WHERE kind = 'cancelled'),
reopened AS (SELECT task_id, max(k) AS k FROM ev WHERE kind = 'reopened' GROUP BY task_id),
done AS (
  SELECT ev.task_id, min(ev.k) AS k, ev.effective_on AS day
  FROM ev LEFT JOIN reopened r ON r.task_id = ev.task_id
  WHERE ev.kind = 'completed' AND (r.k IS NULL OR ev.k > r.k) GROUP BY ev.task_id),
extended AS (
  SELECT a.task_id, max(a.k) AS k, coalesce(a.deadline, q.deadline) AS deadline
  FROM ev a LEFT JOIN task_events q ON q.id = a.request_event_id
  WHERE a.kind = 'extension_approved' AND coalesce(a.deadline, q.deadline) IS NOT NULL
  GROUP BY a.task_id),
reassigned AS (
  SELECT task_id, max(k) AS k, agency_id FROM ev WHERE kind = 'reassigned' GROUP BY task_id),
chain(start, holder, since, depth) AS (
  SELECT DISTINCT predecessor_id, predecessor_id, '0000-00-00', 0 FROM successions
  UNION ALL
  SELECT c.start, s.successor_id, max(c.since, s.effective), c.depth + 1
  FROM chain c JOIN successions s ON s.predecessor_id = c.holder AND s.inherits_open_tasks = 1
  WHERE c.depth < 32),
state AS (
  SELECT t.id, coalesce(ra.agency_id, t.lead_agency_id) AS assigned_lead,
         coalesce(x.deadline, t.deadline) AS deadline, d.day AS completed
  FROM tasks t
  LEFT JOIN done d ON d.task_id = t.id
  LEFT JOIN extended x ON x.task_id = t.id
  LEFT JOIN reassigned ra ON ra.task_id = t.id
  WHERE t.assigned_on <= ?1 AND t.id NOT IN (SELECT task_id FROM cancelled)),
resolved AS (
  SELECT s.*, coalesce((SELECT holder FROM chain c WHERE c.start = s.assigned_lead
                          AND c.since <= coalesce(s.completed, ?1)
                        ORDER BY c.depth DESC LIMIT 1), s.assigned_lead) AS lead
  FROM state s)
)sql";

constexpr const char* kPlainCounts = R"sql(
SELECT lead,
  SUM(completed IS NOT NULL AND (deadline IS NULL OR completed <= deadline)),
  SUM(completed IS NOT NULL AND completed > deadline),
  SUM(completed IS NULL AND (deadline IS NULL OR deadline >= ?1)),
  SUM(completed IS NULL AND deadline < ?1),
  SUM(completed IS NULL AND deadline IS NULL),
  COUNT(*)
FROM resolved GROUP BY lead ORDER BY lead
)sql";

constexpr const char* kPlainPage = R"sql(
SELECT id FROM resolved WHERE lead = ?2 ORDER BY id LIMIT 50
)sql";

// The same in PostgreSQL's dialect: $1 is the day, $2 the agency; the
// latest event of a kind per task by DISTINCT ON instead of SQLite's bare
// columns beside max().
constexpr const char* kPgPlainState = R"sql(
WITH RECURSIVE ev AS (
  SELECT e.id, e.task_id, e.kind, e.effective_on, e.deadline, e.agency_id, e.request_event_id,
         to_char(greatest(e.effective_on, ((e.recorded_at AT TIME ZONE 'UTC') +
                                           interval '7 hours')::date), 'YYYY-MM-DD') ||
             to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') ||
             lpad(e.id::text, 12, '0') AS k
  FROM task_events e
  WHERE e.kind IN ('completed', 'reopened', 'extension_approved', 'reassigned', 'cancelled')
    AND greatest(e.effective_on, ((e.recorded_at AT TIME ZONE 'UTC') +
                                  interval '7 hours')::date) <= $1::date),
cancelled AS (SELECT DISTINCT task_id FROM ev WHERE kind = 'cancelled'),
reopened AS (SELECT task_id, max(k) AS k FROM ev WHERE kind = 'reopened' GROUP BY task_id),
done AS (
  SELECT DISTINCT ON (ev.task_id) ev.task_id, ev.effective_on AS day
  FROM ev LEFT JOIN reopened r ON r.task_id = ev.task_id
  WHERE ev.kind = 'completed' AND (r.k IS NULL OR ev.k > r.k) ORDER BY ev.task_id, ev.k),
extended AS (
  SELECT DISTINCT ON (a.task_id) a.task_id, coalesce(a.deadline, q.deadline) AS deadline
  FROM ev a LEFT JOIN task_events q ON q.id = a.request_event_id
  WHERE a.kind = 'extension_approved' AND coalesce(a.deadline, q.deadline) IS NOT NULL
  ORDER BY a.task_id, a.k DESC),
reassigned AS (
  SELECT DISTINCT ON (task_id) task_id, agency_id FROM ev WHERE kind = 'reassigned'
  ORDER BY task_id, k DESC),
chain(start, holder, since, depth) AS (
  SELECT DISTINCT predecessor_id, predecessor_id, '-infinity'::date, 0 FROM successions
  UNION ALL
  SELECT c.start, s.successor_id, greatest(c.since, s.effective), c.depth + 1
  FROM chain c JOIN successions s ON s.predecessor_id = c.holder AND s.inherits_open_tasks
  WHERE c.depth < 32),
state AS (
  SELECT t.id, coalesce(ra.agency_id, t.lead_agency_id) AS assigned_lead,
         coalesce(x.deadline, t.deadline) AS deadline, d.day AS completed
  FROM tasks t
  LEFT JOIN done d ON d.task_id = t.id
  LEFT JOIN extended x ON x.task_id = t.id
  LEFT JOIN reassigned ra ON ra.task_id = t.id
  WHERE t.assigned_on <= $1::date AND t.id NOT IN (SELECT task_id FROM cancelled)),
resolved AS (
  SELECT s.*, coalesce((SELECT holder FROM chain c WHERE c.start = s.assigned_lead
                          AND c.since <= coalesce(s.completed, $1::date)
                        ORDER BY c.depth DESC LIMIT 1), s.assigned_lead) AS lead
  FROM state s)
)sql";

constexpr const char* kPgPlainCounts = R"sql(
SELECT lead,
  count(*) FILTER (WHERE completed IS NOT NULL AND (deadline IS NULL OR completed <= deadline)),
  count(*) FILTER (WHERE completed IS NOT NULL AND completed > deadline),
  count(*) FILTER (WHERE completed IS NULL AND (deadline IS NULL OR deadline >= $1::date)),
  count(*) FILTER (WHERE completed IS NULL AND deadline < $1::date),
  count(*) FILTER (WHERE completed IS NULL AND deadline IS NULL),
  count(*)
FROM resolved GROUP BY lead ORDER BY lead
)sql";

constexpr const char* kPgPlainPage = R"sql(
SELECT id FROM resolved WHERE lead = $2 ORDER BY id LIMIT 50
)sql";

// The scan over every stretch covering the day (the store's counts before
// the running totals), day as ISO text.
constexpr const char* kTimelineScan = R"sql(
SELECT lead_agency_id,
  SUM(completed_day IS NOT NULL AND (deadline_day IS NULL OR completed_day <= deadline_day)),
  SUM(completed_day IS NOT NULL AND completed_day > deadline_day),
  SUM(completed_day IS NULL AND (deadline_day IS NULL OR deadline_day >= d)),
  SUM(completed_day IS NULL AND deadline_day < d),
  SUM(completed_day IS NULL AND deadline_day IS NULL),
  COUNT(*)
FROM (SELECT CAST(julianday(?1) - 2440587.5 AS INTEGER) AS d), task_timeline
  INDEXED BY task_timeline_lead
WHERE to_day > d AND from_day <= d GROUP BY lead_agency_id ORDER BY lead_agency_id
)sql";

constexpr const char* kPgTimelineScan = R"sql(
SELECT lead_agency_id,
  count(*) FILTER (WHERE completed_day IS NOT NULL AND (deadline_day IS NULL OR
                                                        completed_day <= deadline_day)),
  count(*) FILTER (WHERE completed_day IS NOT NULL AND completed_day > deadline_day),
  count(*) FILTER (WHERE completed_day IS NULL AND (deadline_day IS NULL OR deadline_day >= d)),
  count(*) FILTER (WHERE completed_day IS NULL AND deadline_day < d),
  count(*) FILTER (WHERE completed_day IS NULL AND deadline_day IS NULL),
  count(*)
FROM (SELECT $1::date - date '1970-01-01' AS d) day, task_timeline
WHERE to_day > d AND from_day <= d GROUP BY lead_agency_id ORDER BY lead_agency_id
)sql";

double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Medians of `rounds` runs: wall-clock and this process's CPU seconds (the
// cores are shared, so CPU time is the steadier figure).
struct Timing {
  double wall = 0;
  double cpu = 0;
};
template <typename Fn>
Timing MedianSeconds(int rounds, Fn&& fn) {
  std::vector<double> walls;
  std::vector<double> cpus;
  for (int r = 0; r < rounds; ++r) {
    const double cpu0 = CpuSeconds();
    walls.push_back(BestSeconds(1, fn));
    cpus.push_back(CpuSeconds() - cpu0);
  }
  return {Median(walls), Median(cpus)};
}

void Die(const std::string& what) {
  std::cerr << "tracking_bench: " << what << "\n";
  std::exit(1);
}

// A raw connection for the plain queries: rows of integers.
class Raw {
 public:
  virtual ~Raw() = default;
  virtual std::vector<std::vector<int64_t>> Query(const std::string& sql, const std::string& day,
                                                  std::optional<int64_t> agency = std::nullopt) = 0;
  virtual void ExplainPlan(const std::string& sql, const std::string& label) = 0;
};

class RawSqlite final : public Raw {
 public:
  explicit RawSqlite(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      Die("cannot open " + path);
    }
  }
  ~RawSqlite() override { sqlite3_close(db_); }
  RawSqlite(const RawSqlite&) = delete;
  RawSqlite& operator=(const RawSqlite&) = delete;

  std::vector<std::vector<int64_t>> Query(const std::string& sql, const std::string& day,
                                          std::optional<int64_t> agency) override {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      Die(std::string("prepare: ") + sqlite3_errmsg(db_));
    }
    sqlite3_bind_text(stmt, 1, day.c_str(), -1, SQLITE_TRANSIENT);
    if (agency) sqlite3_bind_int64(stmt, 2, *agency);
    std::vector<std::vector<int64_t>> rows;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      std::vector<int64_t> row;
      for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
        row.push_back(sqlite3_column_int64(stmt, c));
      }
      rows.push_back(std::move(row));
    }
    if (rc != SQLITE_DONE) Die(std::string("step: ") + sqlite3_errmsg(db_));
    sqlite3_finalize(stmt);
    return rows;
  }

  void ExplainPlan(const std::string& sql, const std::string& label) override {
    const std::string explain = "EXPLAIN QUERY PLAN " + sql;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, explain.c_str(), -1, &stmt, nullptr) != SQLITE_OK) return;
    sqlite3_bind_int64(stmt, 1, 20269);  // 2025-06-30
    std::cout << "  plan of " << label << ":\n";
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      std::cout << "    " << sqlite3_column_text(stmt, 3) << "\n";
    }
    sqlite3_finalize(stmt);
  }

 private:
  sqlite3* db_ = nullptr;
};

class RawPostgres final : public Raw {
 public:
  explicit RawPostgres(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
    if (PQstatus(conn_) != CONNECTION_OK) Die(std::string("connect: ") + PQerrorMessage(conn_));
    // The plain SQL's estimated cost sets JIT compilation off, which then
    // takes seconds on this machine: without it the baseline is faster.
    PQclear(PQexec(conn_, "SET jit = off"));
  }
  ~RawPostgres() override { PQfinish(conn_); }
  RawPostgres(const RawPostgres&) = delete;
  RawPostgres& operator=(const RawPostgres&) = delete;

  std::vector<std::vector<int64_t>> Query(const std::string& sql, const std::string& day,
                                          std::optional<int64_t> agency) override {
    const std::string agency_text = agency ? std::to_string(*agency) : "";
    const char* values[2] = {day.c_str(), agency_text.c_str()};
    PGresult* result =
        PQexecParams(conn_, sql.c_str(), agency ? 2 : 1, nullptr, values, nullptr, nullptr, 0);
    if (PQresultStatus(result) != PGRES_TUPLES_OK) {
      Die(std::string("query: ") + PQerrorMessage(conn_));
    }
    std::vector<std::vector<int64_t>> rows;
    for (int r = 0; r < PQntuples(result); ++r) {
      std::vector<int64_t> row;
      for (int c = 0; c < PQnfields(result); ++c) {
        row.push_back(std::atoll(PQgetvalue(result, r, c)));
      }
      rows.push_back(std::move(row));
    }
    PQclear(result);
    return rows;
  }

  void ExplainPlan(const std::string& sql, const std::string& label) override {
    const std::string explain = "EXPLAIN " + sql;
    const char* values[1] = {"20269"};  // 2025-06-30
    PGresult* result =
        PQexecParams(conn_, explain.c_str(), 1, nullptr, values, nullptr, nullptr, 0);
    std::cout << "  plan of " << label << ":\n";
    for (int r = 0; PQresultStatus(result) == PGRES_TUPLES_OK && r < PQntuples(result); ++r) {
      std::cout << "    " << PQgetvalue(result, r, 0) << "\n";
    }
    PQclear(result);
  }

 private:
  PGconn* conn_;
};

}  // namespace
}  // namespace dondoc::bench

int main(int argc, char** argv) {
  using namespace dondoc;
  using namespace dondoc::bench;
  double scale = 1.0;
  std::string path;
  bool reuse = false;
  int rounds = 5;
  std::string url;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--scale" && i + 1 < argc) {
      scale = std::atof(argv[++i]);
    } else if (a == "--db" && i + 1 < argc) {
      path = argv[++i];
    } else if (a == "--url" && i + 1 < argc) {
      url = argv[++i];
    } else if (a == "--reuse") {
      reuse = true;
    } else if (a == "--rounds" && i + 1 < argc) {
      rounds = std::max(1, std::atoi(argv[++i]));
    } else {
      std::cerr << "usage: tracking_bench [--scale F] [--db PATH | --url URL] [--reuse] "
                   "[--rounds N]\n";
      return 2;
    }
  }
  if (scale <= 0) Die("--scale must be positive");
  service::DemoDataOptions options;
  options.tasks = std::max<int64_t>(100, static_cast<int64_t>(1000000 * scale));
  options.agencies = std::max(service::kMinDemoAgencies, static_cast<int>(5000 * scale));
  options.documents = std::max<int64_t>(10, static_cast<int64_t>(100000 * scale));
  options.year = kYear;
  options.seed = 2025;
  if (path.empty()) {
    path = (std::filesystem::temp_directory_path() /
            ("dondoc-tracking-bench-" + std::to_string(options.tasks) + ".db"))
               .string();
  }
  const bool sqlite = url.empty();
  std::cout << "tracking_bench: " << options.tasks << " tasks, " << options.agencies
            << " agencies, " << options.documents << " documents, "
            << (sqlite ? "SQLite at " + path : "PostgreSQL") << "\n";

  if (sqlite && !(reuse && std::filesystem::exists(path))) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  }
  auto store = store::OpenStore(sqlite ? "sqlite:" + path : url);
  if (!store.ok()) Die(store.status().message());
  {
    const double cpu0 = CpuSeconds();
    const auto t0 = std::chrono::steady_clock::now();
    if (Status s = (*store)->Migrate(); !s.ok()) Die(s.message());
    std::printf("migrate: %.1f s (cpu %.1f s)\n",
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
                CpuSeconds() - cpu0);
  }
  bool loaded = false;
  if (reuse) {
    Status s = (*store)->Read([&](store::Transaction& tx) -> Status {
      auto agencies = tx.ListAgencies(std::nullopt);
      if (!agencies.ok()) return agencies.status();
      loaded = !agencies->empty();
      return Status::Ok();
    });
    if (!s.ok()) Die(s.message());
  }
  if (!loaded) {
    options.progress = &std::cerr;
    const double cpu0 = CpuSeconds();
    const auto t0 = std::chrono::steady_clock::now();
    auto summary = service::GenerateDemoData(**store, options);
    if (!summary.ok()) Die(summary.status().message());
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf(
        "load: %.1f s (cpu %.1f s), %.0f tasks/s (%ld events, %ld coordinations); file %.0f MB; "
        "peak RSS %.0f MB\n",
        seconds, CpuSeconds() - cpu0, static_cast<double>(summary->tasks) / seconds,
        static_cast<long>(summary->events), static_cast<long>(summary->coordinations),
        sqlite ? static_cast<double>(std::filesystem::file_size(path)) / 1e6 : 0.0, PeakRssMb());
  }

  std::unique_ptr<Raw> raw;
  if (sqlite) {
    raw = std::make_unique<RawSqlite>(path);
  } else {
    raw = std::make_unique<RawPostgres>(url);
  }
  const std::string counts_sql = sqlite ? std::string(kPlainState) + kPlainCounts
                                        : std::string(kPgPlainState) + kPgPlainCounts;
  const std::string page_sql =
      sqlite ? std::string(kPlainState) + kPlainPage : std::string(kPgPlainState) + kPgPlainPage;
  const std::string scan_sql = sqlite ? kTimelineScan : kPgTimelineScan;
  for (const char* iso : {"2025-03-15", "2025-06-30", "2025-12-31"}) {
    const core::Date day = *core::ParseIsoDate(iso);
    std::vector<core::AgencyStatusCounts> counts;
    const Timing store_s = MedianSeconds(rounds, [&] {
      Status s = (*store)->Read([&](store::Transaction& tx) -> Status {
        auto result = tx.CountTaskStatuses(day);
        if (!result.ok()) return result.status();
        counts = std::move(result).value();
        return Status::Ok();
      });
      if (!s.ok()) Die(s.message());
    });
    std::vector<std::vector<int64_t>> plain;
    const Timing plain_s =
        MedianSeconds(std::max(1, rounds / 2), [&] { plain = raw->Query(counts_sql, iso); });
    std::vector<std::vector<int64_t>> scan;
    const Timing scan_s = MedianSeconds(rounds, [&] { scan = raw->Query(scan_sql, iso); });
    // Compare the answers: the store's, the plain SQL's and the scan's.
    std::vector<std::vector<int64_t>> mine;
    int64_t total = 0;
    for (const core::AgencyStatusCounts& row : counts) {
      const core::StatusCounts& c = row.counts;
      mine.push_back({row.agency_id, c.done_on_time, c.done_late, c.open_in_time, c.open_overdue,
                      c.no_deadline, c.total});
      total += c.total;
    }
    const bool same = mine == plain && mine == scan;
    std::printf(
        "counts as of %s: store %.1f ms (cpu %.1f), plain SQL %.1f ms (cpu %.1f), "
        "timeline scan %.1f ms (cpu %.1f); plain/store x%.0f wall, x%.0f cpu; %zu agencies, "
        "%ld tasks; %s\n",
        iso, store_s.wall * 1e3, store_s.cpu * 1e3, plain_s.wall * 1e3, plain_s.cpu * 1e3,
        scan_s.wall * 1e3, scan_s.cpu * 1e3, plain_s.wall / std::max(store_s.wall, 1e-6),
        plain_s.cpu / std::max(store_s.cpu, 1e-6), counts.size(), static_cast<long>(total),
        same ? "same answer (store = plain SQL = timeline scan)" : "ANSWERS DIFFER");
    if (!same) Die("the answers differ");

    // One agency's first page: the busiest one and a median one.
    std::vector<core::AgencyStatusCounts> by_size = counts;
    std::sort(by_size.begin(), by_size.end(),
              [](const auto& a, const auto& b) { return a.counts.total > b.counts.total; });
    for (const auto& [label, row] : {std::pair{"busiest", by_size.front()},
                                     std::pair{"median", by_size[by_size.size() / 2]}}) {
      std::vector<store::TaskView> page;
      const Timing page_s = MedianSeconds(rounds * 4, [&] {
        Status s = (*store)->Read([&](store::Transaction& tx) -> Status {
          store::TaskFilter filter;
          filter.agency_id = row.agency_id;
          filter.as_of = day;
          filter.limit = 50;
          auto result = tx.ListTasks(filter);
          if (!result.ok()) return result.status();
          page = std::move(result).value();
          return Status::Ok();
        });
        if (!s.ok()) Die(s.message());
      });
      std::vector<std::vector<int64_t>> plain_page;
      const Timing plain_page_s =
          MedianSeconds(1, [&] { plain_page = raw->Query(page_sql, iso, row.agency_id); });
      bool same_page = plain_page.size() == page.size();
      for (size_t i = 0; same_page && i < page.size(); ++i) {
        same_page = plain_page[i][0] == page[i].task.id;
      }
      std::printf(
          "  list page (%s agency %ld, %ld tasks): store %.2f ms (cpu %.2f), plain SQL "
          "%.1f ms (cpu %.1f), x%.0f wall; %s\n",
          label, static_cast<long>(row.agency_id), static_cast<long>(row.counts.total),
          page_s.wall * 1e3, page_s.cpu * 1e3, plain_page_s.wall * 1e3, plain_page_s.cpu * 1e3,
          plain_page_s.wall / std::max(page_s.wall, 1e-6),
          same_page ? "same page" : "PAGES DIFFER");
      if (!same_page) Die("the pages differ");
    }
  }
  raw->ExplainPlan(
      sqlite ? "SELECT s.agency_id FROM agencies a JOIN status_totals s ON s.agency_id = a.id AND "
               "s.day = (SELECT max(m.day) FROM status_totals m WHERE m.agency_id = a.id AND "
               "m.day <= ?1) ORDER BY a.id"
             : "SELECT a.id, s.* FROM agencies a CROSS JOIN LATERAL (SELECT * FROM status_totals "
               "m WHERE m.agency_id = a.id AND m.day <= $1::int ORDER BY m.day DESC LIMIT 1) s "
               "ORDER BY a.id",
      "the store's counts");
  std::printf("peak RSS %.0f MB\n", PeakRssMb());
  return 0;
}
