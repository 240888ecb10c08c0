#include "store/postgres_store.h"

#include <atomic>
#include <chrono>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/agency_history.h"
#include "store/connection_pool.h"
#include "store/postgres_backup.h"
#include "store/postgres_conn.h"
#include "store/postgres_schema.h"
#include "store/postgres_transaction.h"

namespace dondoc::store {

namespace {

using pg::kLatestSchemaVersion;
using pg::Params;
using pg::PgConnection;
using pg::Rows;

// How often Write() runs `work` again after a serialization failure.
constexpr int kWriteAttempts = 20;

Status NewerThanBuild(int version) {
  return Status::InvalidInput("the database has schema version " + std::to_string(version) +
                              ", newer than this build of dondoc supports (version " +
                              std::to_string(kLatestSchemaVersion) + "): use a newer dondoc");
}

Status Failed(PgConnection& db, std::string_view what) {
  return pg::ErrorStatus(db.last_error(), what);
}

// 0 for a database without dondoc's tables.
Result<int> ReadSchemaVersion(PgConnection& db) {
  std::optional<Rows> exists = db.Exec("SELECT to_regclass('schema_version') IS NOT NULL");
  if (!exists) return Failed(db, "read the schema version");
  if (!exists->Bool(0, 0)) return 0;
  std::optional<Rows> rows = db.Exec("SELECT coalesce(max(version), 0) FROM schema_version");
  if (!rows) return Failed(db, "read the schema version");
  return static_cast<int>(rows->Int(0, 0));
}

class PgStore final : public Store {
 public:
  explicit PgStore(std::string url)
      : url_(std::move(url)),
        pool_(kMaxPostgresConnections, [this] { return PgConnection::Open(url_); }) {}

  Status Init() {
    PG_ASSIGN_OR_RETURN(Lease lease, Acquire());
    PG_ASSIGN_OR_RETURN(const int version, ReadSchemaVersion(*lease));
    if (version > kLatestSchemaVersion) return NewerThanBuild(version);
    current_ = version == kLatestSchemaVersion;
    return Status::Ok();
  }

  Result<int> SchemaVersion() override {
    PG_ASSIGN_OR_RETURN(Lease lease, Acquire());
    return ReadSchemaVersion(*lease);
  }

  int LatestSchemaVersion() const override { return kLatestSchemaVersion; }

  Status Migrate() override {
    PG_ASSIGN_OR_RETURN(Lease lease, Acquire());
    PgConnection& db = *lease;
    for (const pg::Migration& step : pg::Migrations()) {
      // READ COMMITTED: after waiting for the lock, the version read sees
      // what another migrator committed meanwhile.
      PG_RETURN_IF_ERROR(db.ExecScript("BEGIN ISOLATION LEVEL READ COMMITTED"));
      Status status = ApplyStep(db, step);
      if (status.ok()) status = db.ExecScript("COMMIT");
      if (!status.ok()) {
        (void)db.ExecScript("ROLLBACK");
        if (status.code() == StatusCode::kInvalidInput) return status;
        std::string message = "migration to schema version " + std::to_string(step.version) +
                              " failed: " + status.message();
        if (step.version == 3) {
          message +=
              " (search needs the unaccent extension from PostgreSQL's contrib: the user must be "
              "allowed to CREATE EXTENSION unaccent in this database, or an administrator runs it "
              "first)";
        }
        return status.code() == StatusCode::kIoError ? Status::IoError(message)
                                                     : Status::Internal(message);
      }
    }
    current_ = true;
    return Status::Ok();
  }

  Status Check() override {
    PG_ASSIGN_OR_RETURN(Lease lease, Acquire());
    PgConnection& db = *lease;
    PG_RETURN_IF_ERROR(CheckCurrent(db));
    std::string problems;
    // Constraints added NOT VALID (by hand: dondoc adds none) are checked
    // against every row.
    {
      std::optional<Rows> rows = db.Exec(
          "SELECT format('ALTER TABLE %s VALIDATE CONSTRAINT %I', conrelid::regclass, "
          "conname), conrelid::regclass::text, conname FROM pg_constraint "
          "WHERE NOT convalidated AND connamespace = current_schema()::regnamespace");
      if (!rows) return Failed(db, "list constraints");
      for (int row = 0; row < rows->size(); ++row) {
        if (!db.ExecScript(rows->Text(row, 0)).ok()) {
          problems += "constraint " + std::string(rows->Text(row, 2)) + " on " +
                      std::string(rows->Text(row, 1)) + ": " + db.last_error().status.message() +
                      "\n";
        }
      }
    }
    PG_RETURN_IF_ERROR(db.ExecScript("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
    Status status = CheckConsistency(db, problems);
    (void)db.ExecScript("COMMIT");
    if (!status.ok()) return status;
    if (!problems.empty()) {
      problems.pop_back();
      return Status::InvalidInput("database check failed:\n" + problems);
    }
    return Status::Ok();
  }

  Status Backup(const std::string& path) override {
    PG_ASSIGN_OR_RETURN(Lease lease, Acquire());
    return pg::DumpDatabase(*lease, path);
  }

  using Store::Write;
  Status Write(const AuditActor& actor, const std::function<Status(Transaction&)>& work) override {
    std::minstd_rand jitter(std::random_device{}());
    for (int attempt = 1;; ++attempt) {
      PG_ASSIGN_OR_RETURN(Lease lease, Acquire());
      PgConnection& db = *lease;
      PG_RETURN_IF_ERROR(CheckCurrent(db));
      PG_RETURN_IF_ERROR(db.ExecScript("BEGIN ISOLATION LEVEL SERIALIZABLE"));
      // Writers queue here for the audit chain's head, before the first
      // query fixes the snapshot (LOCK TABLE does not), so the one that
      // waited sees the head its predecessor committed instead of failing
      // on it. Plain reads (ACCESS SHARE) are not blocked.
      Status locked = db.ExecScript("LOCK TABLE audit_head IN EXCLUSIVE MODE");
      if (!locked.ok()) {
        (void)db.ExecScript("ROLLBACK");
        return locked;
      }
      pg::PgTransaction transaction(db);
      // Every change is recorded (store/audited_transaction.h).
      AuditedTransaction audited(transaction, transaction, actor);
      Status status = work(audited);
      if (status.ok()) status = audited.Finish();
      if (status.ok() && transaction.failed()) status = *transaction.failed();
      bool conflict = transaction.conflict();
      if (status.ok()) {
        status = db.ExecScript("COMMIT");
        if (status.ok()) return status;
        conflict = db.last_error().conflict;
      } else {
        (void)db.ExecScript("ROLLBACK");
      }
      if (!conflict || attempt == kWriteAttempts) {
        if (conflict) {
          return Status::IoError(
              "gave up after " + std::to_string(attempt) +
              " attempts, each stopped by concurrent writers: " + status.message());
        }
        return status;
      }
      // Another transaction got in the way: back off a little, at random,
      // and run the whole function again.
      lease = Lease();
      std::this_thread::sleep_for(
          std::chrono::milliseconds(1 + jitter() % static_cast<unsigned>(5 * attempt)));
    }
  }

  Status Read(const std::function<Status(Transaction&)>& work) override {
    PG_ASSIGN_OR_RETURN(Lease lease, Acquire());
    PgConnection& db = *lease;
    PG_RETURN_IF_ERROR(CheckCurrent(db));
    PG_RETURN_IF_ERROR(db.ExecScript("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
    pg::PgTransaction transaction(db);
    Status status = work(transaction);
    const Status end = db.ExecScript(status.ok() ? "COMMIT" : "ROLLBACK");
    return status.ok() ? end : status;
  }

 private:
  using Lease = ConnectionPool<PgConnection>::Lease;

  Result<Lease> Acquire() {
    PG_ASSIGN_OR_RETURN(Lease lease, pool_.Acquire());
    // A connection the server closed (restart, idle timeout) is reopened
    // before use.
    if (!lease->ok()) PG_RETURN_IF_ERROR(lease->Reset());
    return lease;
  }

  // Step `step` unless another process has applied it already.
  static Status ApplyStep(PgConnection& db, const pg::Migration& step) {
    if (!db.Exec("SELECT pg_advisory_xact_lock($1)",
                 Params().Add(static_cast<int64_t>(pg::kMigrationLockKey)))) {
      return Failed(db, "lock the schema for migration");
    }
    PG_RETURN_IF_ERROR(
        db.ExecScript("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"));
    PG_ASSIGN_OR_RETURN(const int version, ReadSchemaVersion(db));
    if (version > kLatestSchemaVersion) return NewerThanBuild(version);
    if (version >= step.version) return Status::Ok();
    PG_RETURN_IF_ERROR(db.ExecScript(step.sql));
    if (step.rebuild_timelines) {
      pg::PgTransaction transaction(db);
      PG_RETURN_IF_ERROR(transaction.RebuildAllTimelines());
    }
    PG_RETURN_IF_ERROR(db.ExecScript("DELETE FROM schema_version"));
    if (!db.Exec("INSERT INTO schema_version (version) VALUES ($1)", Params().Add(step.version))) {
      return Failed(db, "record the schema version");
    }
    return Status::Ok();
  }

  // Write/Read need the latest schema; another process may have migrated
  // since this store was opened, so a stale answer is checked again.
  Status CheckCurrent(PgConnection& db) {
    if (current_) return Status::Ok();
    PG_ASSIGN_OR_RETURN(const int version, ReadSchemaVersion(db));
    if (version > kLatestSchemaVersion) return NewerThanBuild(version);
    if (version < kLatestSchemaVersion) {
      return Status::InvalidInput("the database has schema version " + std::to_string(version) +
                                  ", older than this build's version " +
                                  std::to_string(kLatestSchemaVersion) +
                                  ": run `dondoc db migrate` first");
    }
    current_ = true;
    return Status::Ok();
  }

  // Queries for what the constraints cannot say: each lists up to ten
  // offending ids. Appends one line per kind of problem to `problems`.
  static Status CheckConsistency(PgConnection& db, std::string& problems) {
    struct Probe {
      const char* what;
      const char* sql;
    };
    static const Probe kProbes[] = {
        // Cancelled stretches are not stored, so a cancelled task may lack
        // rows or have a gap; stretches must still never overlap.
        {"tasks without a timeline",
         "SELECT t.id FROM tasks t WHERE NOT EXISTS "
         "(SELECT 1 FROM task_timeline tl WHERE tl.task_id = t.id) AND NOT EXISTS "
         "(SELECT 1 FROM task_events e WHERE e.task_id = t.id AND e.kind = 'cancelled') "
         "ORDER BY t.id LIMIT 10"},
        {"tasks whose timeline starts before the assignment day",
         "SELECT t.id FROM tasks t JOIN (SELECT task_id, min(from_day) AS first FROM "
         "task_timeline GROUP BY task_id) tl ON tl.task_id = t.id "
         "WHERE tl.first < t.assigned_on - DATE '1970-01-01' ORDER BY t.id LIMIT 10"},
        {"tasks whose timeline stretches overlap",
         "SELECT DISTINCT task_id FROM (SELECT task_id, from_day, lag(to_day) OVER "
         "(PARTITION BY task_id ORDER BY from_day) AS previous_end FROM task_timeline) s "
         "WHERE previous_end > from_day ORDER BY task_id LIMIT 10"},
        {"tasks with a deadline before the assignment day",
         "SELECT id FROM tasks WHERE deadline < assigned_on ORDER BY id LIMIT 10"},
        {"agencies that end before they start",
         "SELECT id FROM agencies WHERE valid_to <= valid_from ORDER BY id LIMIT 10"},
        {"successions of an agency to itself",
         "SELECT id FROM successions WHERE predecessor_id = successor_id ORDER BY id LIMIT 10"},
        {"duplicate document numbers from one issuer",
         "SELECT min(id) FROM documents WHERE number IS NOT NULL GROUP BY issuer_key, number "
         "HAVING count(*) > 1 ORDER BY 1 LIMIT 10"},
    };
    for (const Probe& probe : kProbes) {
      std::optional<Rows> rows = db.Exec(probe.sql);
      if (!rows) return Failed(db, probe.what);
      if (rows->empty()) continue;
      std::string ids;
      for (int row = 0; row < rows->size(); ++row) {
        if (!ids.empty()) ids += ", ";
        ids += std::string(rows->Text(row, 0));
      }
      problems += std::string(probe.what) + ": " + ids + "\n";
    }
    // Cycles in the succession graph, by the same rule the store applies.
    pg::PgTransaction transaction(db);
    PG_ASSIGN_OR_RETURN(const std::vector<core::Succession> successions,
                        transaction.ListSuccessions());
    const Status valid = core::AgencyHistory::Validate(successions);
    if (!valid.ok()) problems += "successions: " + valid.message() + "\n";
    PG_ASSIGN_OR_RETURN(const std::string wrong, transaction.CheckStatusTotals());
    if (!wrong.empty()) {
      problems += "running counts (status_totals) differ from the timelines: " + wrong +
                  " (a rebuild repairs them)\n";
    }
    return Status::Ok();
  }

  const std::string url_;
  std::atomic<bool> current_{false};
  ConnectionPool<PgConnection> pool_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenPostgresStore(std::string_view url) {
  auto store = std::make_unique<PgStore>(std::string(url));
  PG_RETURN_IF_ERROR(store->Init());
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace dondoc::store
