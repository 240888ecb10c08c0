#include "store/sqlite_store.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <random>
#include <thread>
#include <vector>

#include "store/connection_pool.h"
#include "store/sqlite_db.h"
#include "store/sqlite_schema.h"
#include "store/sqlite_transaction.h"

namespace dondoc::store {

namespace {

using sqlite::Connection;
using sqlite::kLatestSchemaVersion;

// How often Write() runs `work` again after SQLite reported busy.
constexpr int kWriteAttempts = 20;

Status NewerThanBuild(int version) {
  return Status::InvalidInput("the database has schema version " + std::to_string(version) +
                              ", newer than this build of dondoc supports (version " +
                              std::to_string(kLatestSchemaVersion) + "): use a newer dondoc");
}

Result<int> ReadUserVersion(Connection& db) {
  STORE_ASSIGN_OR_RETURN(sqlite::Stmt stmt, db.Prepare("PRAGMA user_version"));
  STORE_ASSIGN_OR_RETURN(const bool row, stmt.Step());
  if (!row) return Status::Internal("PRAGMA user_version gave no row");
  return static_cast<int>(stmt.Int(0));
}

class SqliteStore final : public Store {
 public:
  SqliteStore(std::string path, int max_connections)
      : path_(std::move(path)),
        pool_(max_connections, [this] { return Connection::Open(path_); }) {}

  Status Init() {
    STORE_ASSIGN_OR_RETURN(Lease lease, Acquire());
    STORE_ASSIGN_OR_RETURN(const int version, ReadUserVersion(*lease));
    if (version > kLatestSchemaVersion) return NewerThanBuild(version);
    current_ = version == kLatestSchemaVersion;
    return Status::Ok();
  }

  Result<int> SchemaVersion() override {
    STORE_ASSIGN_OR_RETURN(Lease lease, Acquire());
    return ReadUserVersion(*lease);
  }

  int LatestSchemaVersion() const override { return kLatestSchemaVersion; }

  Status Migrate() override {
    STORE_ASSIGN_OR_RETURN(Lease lease, Acquire());
    Connection& db = *lease;
    for (const sqlite::Migration& step : sqlite::Migrations()) {
      STORE_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
      Status status = ApplyStep(db, step);
      if (status.ok()) status = db.Exec("COMMIT");
      if (!status.ok()) {
        (void)db.Exec("ROLLBACK");
        if (status.code() == StatusCode::kInvalidInput) return status;
        return Status(
            status.code() == StatusCode::kIoError
                ? Status::IoError("migration to schema version " + std::to_string(step.version) +
                                  " failed: " + status.message())
                : Status::Internal("migration to schema version " + std::to_string(step.version) +
                                   " failed: " + status.message()));
      }
    }
    current_ = true;
    return Status::Ok();
  }

  Status Check() override {
    STORE_ASSIGN_OR_RETURN(Lease lease, Acquire());
    Connection& db = *lease;
    std::string problems;
    {
      STORE_ASSIGN_OR_RETURN(sqlite::Stmt stmt, db.Prepare("PRAGMA integrity_check"));
      while (true) {
        STORE_ASSIGN_OR_RETURN(const bool row, stmt.Step());
        if (!row) break;
        const std::string line = stmt.Text(0);
        if (line != "ok") problems += "integrity: " + line + "\n";
      }
    }
    {
      STORE_ASSIGN_OR_RETURN(sqlite::Stmt stmt, db.Prepare("PRAGMA foreign_key_check"));
      while (true) {
        STORE_ASSIGN_OR_RETURN(const bool row, stmt.Step());
        if (!row) break;
        problems += "foreign key: " + stmt.Text(0) + " row " + stmt.Text(1) +
                    " refers to a missing " + stmt.Text(2) + " row\n";
      }
    }
    STORE_ASSIGN_OR_RETURN(const int version, ReadUserVersion(db));
    if (version >= 3) {
      // FTS5 compares its index with the documents table.
      const Status fts =
          db.Exec("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')");
      if (!fts.ok()) problems += "search index: " + fts.message() + "\n";
    }
    if (version >= 6) {
      sqlite::SqliteTransaction transaction(db);
      STORE_ASSIGN_OR_RETURN(const std::string wrong, transaction.CheckStatusTotals());
      if (!wrong.empty()) {
        problems += "running counts (status_totals) differ from the timelines: " + wrong +
                    " (a rebuild repairs them)\n";
      }
    }
    if (!problems.empty()) {
      problems.pop_back();
      return Status::InvalidInput("database check failed:\n" + problems);
    }
    return Status::Ok();
  }

  Status Backup(const std::string& path) override {
    STORE_ASSIGN_OR_RETURN(Lease lease, Acquire());
    sqlite3* target = nullptr;
    if (sqlite3_open_v2(path.c_str(), &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        nullptr) != SQLITE_OK) {
      const std::string message = target != nullptr ? sqlite3_errmsg(target) : "out of memory";
      sqlite3_close(target);
      return Status::IoError("cannot create backup " + path + ": " + message);
    }
    sqlite3_backup* backup = sqlite3_backup_init(target, "main", lease->handle(), "main");
    int rc = SQLITE_ERROR;
    if (backup != nullptr) {
      // All pages in one step: a consistent copy even while others write.
      do {
        rc = sqlite3_backup_step(backup, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(10);
      } while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
      sqlite3_backup_finish(backup);
    }
    const std::string message = sqlite3_errmsg(target);
    sqlite3_close(target);
    if (rc != SQLITE_DONE) return Status::IoError("backup to " + path + " failed: " + message);
    return Status::Ok();
  }

  using Store::Write;
  Status Write(const AuditActor& actor, const std::function<Status(Transaction&)>& work) override {
    std::minstd_rand jitter(std::random_device{}());
    for (int attempt = 1;; ++attempt) {
      STORE_ASSIGN_OR_RETURN(Lease lease, Acquire());
      Connection& db = *lease;
      STORE_RETURN_IF_ERROR(CheckCurrent(db));
      db.clear_busy();
      Status status = db.Exec("BEGIN IMMEDIATE");
      if (status.ok()) {
        sqlite::SqliteTransaction transaction(db);
        // Every change is recorded (store/audited_transaction.h).
        AuditedTransaction audited(transaction, transaction, actor);
        status = work(audited);
        if (status.ok()) status = audited.Finish();
        if (status.ok()) status = db.Exec("COMMIT");
        if (status.ok()) return status;
        if (sqlite3_get_autocommit(db.handle()) == 0) (void)db.Exec("ROLLBACK");
      }
      if (!db.busy() || attempt == kWriteAttempts) return status;
      // Another writer held the lock past the busy timeout: back off a
      // little, at random, and run the whole transaction again.
      lease = Lease();
      const uint64_t window_ms = uint64_t{10} * static_cast<uint64_t>(attempt);
      std::this_thread::sleep_for(std::chrono::milliseconds(1 + jitter() % window_ms));
    }
  }

  Status Read(const std::function<Status(Transaction&)>& work) override {
    STORE_ASSIGN_OR_RETURN(Lease lease, Acquire());
    Connection& db = *lease;
    STORE_RETURN_IF_ERROR(CheckCurrent(db));
    STORE_RETURN_IF_ERROR(db.Exec("PRAGMA query_only = ON"));
    Status status = db.Exec("BEGIN");
    if (status.ok()) {
      sqlite::SqliteTransaction transaction(db);
      status = work(transaction);
      const Status end = db.Exec(status.ok() ? "COMMIT" : "ROLLBACK");
      if (status.ok()) status = end;
    }
    const Status writable = db.Exec("PRAGMA query_only = OFF");
    return status.ok() ? writable : status;
  }

 private:
  using Lease = ConnectionPool<Connection>::Lease;

  Result<Lease> Acquire() { return pool_.Acquire(); }

  // Step `step` unless another process has applied it already.
  static Status ApplyStep(Connection& db, const sqlite::Migration& step) {
    STORE_ASSIGN_OR_RETURN(const int version, ReadUserVersion(db));
    if (version > kLatestSchemaVersion) return NewerThanBuild(version);
    if (version >= step.version) return Status::Ok();
    STORE_RETURN_IF_ERROR(db.Exec(step.sql));
    if (step.rebuild_timelines) {
      sqlite::SqliteTransaction transaction(db);
      STORE_RETURN_IF_ERROR(transaction.RebuildAllTimelines());
    }
    return db.Exec("PRAGMA user_version = " + std::to_string(step.version));
  }

  // Write/Read need the latest schema; another process may have migrated
  // since this store was opened, so a stale answer is checked again.
  Status CheckCurrent(Connection& db) {
    if (current_) return Status::Ok();
    STORE_ASSIGN_OR_RETURN(const int version, ReadUserVersion(db));
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

  const std::string path_;
  std::atomic<bool> current_{false};
  ConnectionPool<Connection> pool_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path) {
  // Each connection to ":memory:" would be a database of its own.
  const bool memory = path == ":memory:" || path.empty();
  auto store =
      std::make_unique<SqliteStore>(memory ? ":memory:" : path, memory ? 1 : kMaxSqliteConnections);
  STORE_RETURN_IF_ERROR(store->Init());
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace dondoc::store
