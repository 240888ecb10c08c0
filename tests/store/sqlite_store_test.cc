// The SQLite store: the conformance suite (store_suite.h) on a database file
// and in memory, then what only SQLite has: migrations from an old file,
// refusal of a newer one, concurrent writers, and a writer killed mid-way.
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <string>
#include <thread>

#include "store/open.h"
#include "store/sqlite_schema.h"
#include "store/sqlite_store.h"
#include "store/store_suite.h"
#include "support/run_process.h"

namespace dondoc::store {
namespace {

using core::Date;
using testing::StoreParam;
using testing::StoreSuite;

const dondoc::testing::TempDir& Dir() {
  static const dondoc::testing::TempDir dir;
  return dir;
}

std::string NewPath() {
  static std::atomic<int> counter{0};
  return Dir().path() + "/store-" + std::to_string(counter++) + ".db";
}

std::unique_ptr<Store> OpenMigrated(const std::string& url) {
  Result<std::unique_ptr<Store>> store = OpenStore(url);
  if (!store.ok()) {
    ADD_FAILURE() << store.status().message();
    return nullptr;
  }
  const Status migrated = (*store)->Migrate();
  if (!migrated.ok()) {
    ADD_FAILURE() << migrated.message();
    return nullptr;
  }
  return std::move(store).value();
}

INSTANTIATE_TEST_SUITE_P(
    Sqlite, StoreSuite,
    ::testing::Values(StoreParam{"file", [] { return OpenMigrated("sqlite:" + NewPath()); }},
                      StoreParam{"memory", [] { return OpenMigrated("sqlite::memory:"); }}),
    testing::StoreParamName);

Date D(std::string_view iso) { return *core::ParseIsoDate(iso); }

core::Task SimpleTask(Id lead, std::string text) {
  core::Task task;
  task.lead_agency_id = lead;
  task.text = std::move(text);
  task.assigned_on = D("2024-01-02");
  task.deadline = D("2024-03-31");
  task.created_at = core::Timestamp(D("2024-01-02"));
  return task;
}

// Runs SQL on a database file directly, outside the store.
void RawExec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  EXPECT_EQ(rc, SQLITE_OK) << (error != nullptr ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

int64_t CountTasks(Store& store) {
  int64_t total = 0;
  const Status status = store.Read([&](Transaction& tx) {
    Result<std::vector<core::AgencyStatusCounts>> counts = tx.CountTaskStatuses(D("2024-02-01"));
    if (!counts.ok()) return counts.status();
    for (const core::AgencyStatusCounts& c : *counts) total += c.counts.total;
    return Status::Ok();
  });
  EXPECT_TRUE(status.ok()) << status.message();
  return total;
}

TEST(OpenStoreTest, RejectsUnknownSchemesNamingTheAcceptedForms) {
  Result<std::unique_ptr<Store>> store = OpenStore("mysql://localhost/dondoc");
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(store.status().message().find("sqlite:PATH"), std::string::npos);
  EXPECT_NE(store.status().message().find("postgresql://"), std::string::npos);
  EXPECT_FALSE(OpenStore("sqlite:").ok());
}

TEST(SqliteStoreTest, NewDatabaseMustBeMigratedBeforeUse) {
  Result<std::unique_ptr<Store>> store = OpenStore("sqlite:" + NewPath());
  ASSERT_TRUE(store.ok()) << store.status().message();
  ASSERT_TRUE((*store)->SchemaVersion().ok());
  EXPECT_EQ(*(*store)->SchemaVersion(), 0);
  EXPECT_EQ((*store)->LatestSchemaVersion(), sqlite::kLatestSchemaVersion);
  const Status refused = (*store)->Read([](Transaction&) { return Status::Ok(); });
  EXPECT_EQ(refused.code(), StatusCode::kInvalidInput);
  EXPECT_NE(refused.message().find("migrate"), std::string::npos) << refused.message();
  ASSERT_TRUE((*store)->Migrate().ok());
  EXPECT_EQ(*(*store)->SchemaVersion(), sqlite::kLatestSchemaVersion);
  EXPECT_TRUE((*store)->Read([](Transaction&) { return Status::Ok(); }).ok());
}

TEST(SqliteStoreTest, UpgradesAVersion1DatabaseInPlace) {
  const std::string path = NewPath();
  // A database as version 1 of the schema left it, with data in it.
  const sqlite::Migration& v1 = sqlite::Migrations().at(0);
  ASSERT_EQ(v1.version, 1);
  RawExec(path, std::string(v1.sql) + R"sql(
    INSERT INTO agencies (id, name, name_key, kind, valid_from)
      VALUES (1, 'Sở Tài chính', 'so tai chinh', 'department', '2000-01-01');
    INSERT INTO documents (id, kind, number, issuer_key, title, cleaned_text, registered_at)
      VALUES (1, 'Kế hoạch', '5/KH', 'name:ubnd', 'Kế hoạch đầu tư công',
              'Danh mục dự án.', '2024-01-01T00:00:00Z');
    INSERT INTO tasks (id, lead_agency_id, text, text_key, assigned_on, deadline, created_at)
      VALUES (1, 1, 'Lập dự toán', 'lap du toan', '2024-01-02', '2024-01-31',
              '2024-01-02T00:00:00Z'),
             (2, 1, 'Quyết toán', 'quyet toan', '2024-01-02', '2024-03-31',
              '2024-01-02T00:00:00Z');
    INSERT INTO task_events (task_id, kind, effective_on, recorded_at)
      VALUES (2, 'completed', '2024-01-20', '2024-01-20T03:00:00Z');
    PRAGMA user_version = 1;
  )sql");

  Result<std::unique_ptr<Store>> opened = OpenStore("sqlite:" + path);
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  Store& store = **opened;
  EXPECT_EQ(*store.SchemaVersion(), 1);
  EXPECT_FALSE(store.Read([](Transaction&) { return Status::Ok(); }).ok());
  ASSERT_TRUE(store.Migrate().ok());
  EXPECT_EQ(*store.SchemaVersion(), sqlite::kLatestSchemaVersion);
  EXPECT_TRUE(store.Check().ok()) << store.Check().message();

  // Step 2 built the timelines of the tasks already there, step 3 indexed
  // the documents already there.
  const Status status = store.Read([](Transaction& tx) {
    Result<std::vector<core::AgencyStatusCounts>> counts = tx.CountTaskStatuses(D("2024-02-15"));
    EXPECT_TRUE(counts.ok());
    EXPECT_EQ(counts->size(), 1u);
    if (counts->size() == 1) {
      EXPECT_EQ((*counts)[0].counts.open_overdue, 1);
      EXPECT_EQ((*counts)[0].counts.done_on_time, 1);
    }
    Result<std::vector<SearchHit>> hits = tx.SearchDocuments("dau tu cong", 10);
    EXPECT_TRUE(hits.ok());
    EXPECT_EQ(hits->size(), 1u);
    return Status::Ok();
  });
  EXPECT_TRUE(status.ok()) << status.message();
  // Writes work on the upgraded database.
  EXPECT_TRUE(
      store.Write([](Transaction& tx) { return tx.AddTask(SimpleTask(1, "Mới"), {}).status(); })
          .ok());
  EXPECT_EQ(CountTasks(store), 3);
}

TEST(SqliteStoreTest, RefusesADatabaseNewerThanThisBuild) {
  const std::string path = NewPath();
  RawExec(path, "CREATE TABLE future (x); PRAGMA user_version = 99;");
  Result<std::unique_ptr<Store>> store = OpenStore("sqlite:" + path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kInvalidInput);
  const std::string& message = store.status().message();
  EXPECT_NE(message.find("99"), std::string::npos) << message;
  EXPECT_NE(message.find(std::to_string(sqlite::kLatestSchemaVersion)), std::string::npos)
      << message;
  EXPECT_NE(message.find("newer"), std::string::npos) << message;
}

TEST(SqliteStoreTest, MigrateRefusesADatabaseMadeNewerAfterOpening) {
  const std::string path = NewPath();
  Result<std::unique_ptr<Store>> store = OpenStore("sqlite:" + path);
  ASSERT_TRUE(store.ok());
  RawExec(path, "PRAGMA user_version = 42;");
  const Status status = (*store)->Migrate();
  EXPECT_EQ(status.code(), StatusCode::kInvalidInput);
  EXPECT_NE(status.message().find("42"), std::string::npos) << status.message();
}

TEST(SqliteStoreTest, TwoThreadsAndTwoConnectionsWriteConcurrently) {
  const std::string path = NewPath();
  std::unique_ptr<Store> first = OpenMigrated("sqlite:" + path);
  ASSERT_NE(first, nullptr);
  // A second store on the same file stands for a second process.
  Result<std::unique_ptr<Store>> second = OpenStore("sqlite:" + path);
  ASSERT_TRUE(second.ok());
  Id agencies[2] = {0, 0};
  ASSERT_TRUE(first
                  ->Write([&](Transaction& tx) {
                    for (int i = 0; i < 2; ++i) {
                      core::Agency agency;
                      agency.name = "Cơ quan " + std::to_string(i);
                      agency.valid_from = D("2000-01-01");
                      Result<Id> id = tx.AddAgency(agency);
                      if (!id.ok()) return id.status();
                      agencies[i] = *id;
                    }
                    return Status::Ok();
                  })
                  .ok());
  constexpr int kTasks = 200;
  std::atomic<int> failures{0};
  auto writer = [&](Store* store, int which) {
    for (int i = 0; i < kTasks; ++i) {
      const Status status = store->Write([&](Transaction& tx) {
        Result<Id> id = tx.AddTask(SimpleTask(agencies[which], "Việc " + std::to_string(i)), {});
        if (!id.ok()) return id.status();
        core::TaskEvent done;
        done.task_id = *id;
        done.kind = core::TaskEventKind::kCompleted;
        done.effective_on = D("2024-01-15");
        done.recorded_at = core::Timestamp(D("2024-01-15"));
        return tx.AddTaskEvent(done).status();
      });
      if (!status.ok()) {
        ++failures;
        ADD_FAILURE() << status.message();
      }
    }
  };
  std::thread a(writer, first.get(), 0);
  std::thread b(writer, second->get(), 1);
  // And a third writer sharing the first store's pool from another thread.
  std::thread c(writer, first.get(), 1);
  a.join();
  b.join();
  c.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(CountTasks(*first), 3 * kTasks);
  const Status counted = first->Read([&](Transaction& tx) {
    Result<std::vector<core::AgencyStatusCounts>> counts = tx.CountTaskStatuses(D("2024-02-01"));
    if (!counts.ok()) return counts.status();
    EXPECT_EQ(counts->size(), 2u);
    for (const core::AgencyStatusCounts& row : *counts) {
      EXPECT_EQ(row.counts.done_on_time, row.agency_id == agencies[0] ? kTasks : 2 * kTasks);
    }
    return Status::Ok();
  });
  EXPECT_TRUE(counted.ok()) << counted.message();
  EXPECT_TRUE(first->Check().ok());
}

// A child process writes transactions in a loop, reporting each commit on a
// pipe, and is killed with SIGKILL mid-way: the database must open, pass
// Check, and hold every reported transaction, whole, and nothing half-done.
TEST(SqliteStoreTest, SurvivesAWriterKilledMidTransaction) {
  const std::string path = NewPath();
  std::unique_ptr<Store> store = OpenMigrated("sqlite:" + path);
  ASSERT_NE(store, nullptr);
  Id agency = 0;
  ASSERT_TRUE(store
                  ->Write([&](Transaction& tx) {
                    core::Agency a;
                    a.name = "Sở Tài chính";
                    a.valid_from = D("2000-01-01");
                    Result<Id> id = tx.AddAgency(a);
                    if (!id.ok()) return id.status();
                    agency = *id;
                    return Status::Ok();
                  })
                  .ok());
  store.reset();

  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(fds[0]);
    Result<std::unique_ptr<Store>> own = OpenStore("sqlite:" + path);
    if (!own.ok()) _exit(2);
    for (int i = 1;; ++i) {
      // Each transaction: a task and three events.
      const Status status = (*own)->Write([&](Transaction& tx) {
        Result<Id> id = tx.AddTask(SimpleTask(agency, "Việc " + std::to_string(i)), {});
        if (!id.ok()) return id.status();
        for (int k = 0; k < 3; ++k) {
          core::TaskEvent progress;
          progress.task_id = *id;
          progress.kind = core::TaskEventKind::kProgress;
          progress.effective_on = D("2024-01-10");
          progress.progress_percent = 10 * (k + 1);
          Result<Id> event = tx.AddTaskEvent(progress);
          if (!event.ok()) return event.status();
        }
        return Status::Ok();
      });
      if (!status.ok()) _exit(3);
      if (write(fds[1], &i, sizeof(i)) != static_cast<ssize_t>(sizeof(i))) _exit(4);
    }
  }
  close(fds[1]);
  int reported = 0;
  int value = 0;
  while (reported < 150 &&
         read(fds[0], &value, sizeof(value)) == static_cast<ssize_t>(sizeof(value))) {
    reported = value;
  }
  kill(child, SIGKILL);
  int wait_status = 0;
  waitpid(child, &wait_status, 0);
  EXPECT_TRUE(WIFSIGNALED(wait_status)) << "child exited with " << WEXITSTATUS(wait_status);
  while (read(fds[0], &value, sizeof(value)) == static_cast<ssize_t>(sizeof(value)))
    reported = value;
  close(fds[0]);
  ASSERT_GE(reported, 150);

  Result<std::unique_ptr<Store>> reopened = OpenStore("sqlite:" + path);
  ASSERT_TRUE(reopened.ok()) << reopened.status().message();
  EXPECT_TRUE((*reopened)->Check().ok()) << (*reopened)->Check().message();
  const Status status = (*reopened)->Read([&](Transaction& tx) {
    TaskFilter filter;
    filter.as_of = D("2024-02-01");
    filter.limit = 1000;
    std::vector<TaskView> all;
    while (true) {
      Result<std::vector<TaskView>> page = tx.ListTasks(filter);
      if (!page.ok()) return page.status();
      if (page->empty()) break;
      filter.after_id = page->back().task.id;
      all.insert(all.end(), page->begin(), page->end());
    }
    // Every reported commit is there; at most one more (committed but
    // killed before it was reported).
    EXPECT_GE(static_cast<int>(all.size()), reported);
    EXPECT_LE(static_cast<int>(all.size()), reported + 1);
    for (const TaskView& view : all) {
      Result<std::vector<core::TaskEvent>> events = tx.ListTaskEvents(view.task.id);
      if (!events.ok()) return events.status();
      EXPECT_EQ(events->size(), 3u) << "task " << view.task.id << " is half-written";
    }
    return Status::Ok();
  });
  EXPECT_TRUE(status.ok()) << status.message();
}

// Check compares the running counts with the timelines: a changed row is
// named, a rebuild repairs it.
TEST(SqliteStoreTest, CheckFindsRunningCountsThatDifferFromTheTimelines) {
  const std::string path = NewPath();
  std::unique_ptr<Store> store = OpenMigrated("sqlite:" + path);
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store
                  ->Write([](Transaction& tx) {
                    core::Agency a;
                    a.name = "Sở Tài chính";
                    a.valid_from = D("2000-01-01");
                    Result<Id> id = tx.AddAgency(a);
                    if (!id.ok()) return id.status();
                    return tx.AddTask(SimpleTask(*id, "Lập dự toán"), {}).status();
                  })
                  .ok());
  EXPECT_TRUE(store->Check().ok());
  RawExec(path, "UPDATE status_totals SET open_in_time = open_in_time + 1 WHERE day = 19724");
  const Status broken = store->Check();
  EXPECT_EQ(broken.code(), StatusCode::kInvalidInput);
  EXPECT_NE(broken.message().find("running counts"), std::string::npos) << broken.message();
  EXPECT_NE(broken.message().find("2024-01-02"), std::string::npos) << broken.message();
  ASSERT_TRUE(store->Write([](Transaction& tx) { return tx.RebuildStatusTotals(); }).ok());
  EXPECT_TRUE(store->Check().ok());
}

TEST(SqliteStoreTest, BackupIsAWorkingDatabase) {
  std::unique_ptr<Store> store = OpenMigrated("sqlite:" + NewPath());
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store
                  ->Write([](Transaction& tx) {
                    core::Agency a;
                    a.name = "Sở Tài chính";
                    a.valid_from = D("2000-01-01");
                    Result<Id> id = tx.AddAgency(a);
                    if (!id.ok()) return id.status();
                    return tx.AddTask(SimpleTask(*id, "Lập dự toán"), {}).status();
                  })
                  .ok());
  const std::string copy = NewPath();
  ASSERT_TRUE(store->Backup(copy).ok());
  Result<std::unique_ptr<Store>> restored = OpenStore("sqlite:" + copy);
  ASSERT_TRUE(restored.ok()) << restored.status().message();
  EXPECT_EQ(*(*restored)->SchemaVersion(), sqlite::kLatestSchemaVersion);
  EXPECT_TRUE((*restored)->Check().ok());
  EXPECT_EQ(CountTasks(**restored), 1);
}

}  // namespace
}  // namespace dondoc::store
