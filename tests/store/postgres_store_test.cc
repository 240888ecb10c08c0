// The PostgreSQL store: the conformance suite (store_suite.h), each test on
// a database of its own, then what only PostgreSQL has: migration from a
// version-1 database, refusal of a newer one, concurrent migrators and
// writers on separate connections, serializable retries, connection errors
// that name the server and never the password, pg_dump backups, Check.
//
// The server is the throwaway cluster that ctest starts (fixture pg_cluster,
// scripts/pg_cluster.sh): its URL is in the file named by DONDOC_PG_URL_FILE,
// or given directly as DONDOC_TEST_PG_URL. Without either the tests fail,
// they never skip.
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "store/open.h"
#include "store/postgres_conn.h"
#include "store/postgres_schema.h"
#include "store/postgres_store.h"
#include "store/store_suite.h"
#include "support/run_process.h"

namespace dondoc::store {
namespace {

using core::Date;
using testing::StoreParam;
using testing::StoreSuite;

Date D(std::string_view iso) { return *core::ParseIsoDate(iso); }

// The cluster's URL, or "" after reporting why there is none.
std::string ClusterUrl() {
  if (const char* url = std::getenv("DONDOC_TEST_PG_URL"); url != nullptr && *url != '\0') {
    return url;
  }
  const char* file = std::getenv("DONDOC_PG_URL_FILE");
  if (file == nullptr || *file == '\0') {
    ADD_FAILURE() << "no PostgreSQL test cluster: run these tests through ctest (fixture "
                     "pg_cluster, scripts/pg_cluster.sh) or set DONDOC_TEST_PG_URL";
    return "";
  }
  std::ifstream in(file);
  std::string url;
  std::getline(in, url);
  if (url.empty()) {
    ADD_FAILURE() << "no PostgreSQL test cluster URL in " << file
                  << " (did the pg_cluster_start test fail? see its output)";
  }
  return url;
}

// The same server URL with another database.
std::string WithDatabase(const std::string& url, const std::string& database) {
  const size_t scheme = url.find("://");
  const size_t slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  return (slash == std::string::npos ? url : url.substr(0, slash)) + "/" + database;
}

// A database of its own for one test, dropped at the end.
class TestDatabase {
 public:
  TestDatabase() {
    base_url_ = ClusterUrl();
    if (base_url_.empty()) return;
    static std::atomic<int> counter{0};
    name_ = "dondoc_t" + std::to_string(getpid()) + "_" + std::to_string(counter++);
    Result<std::unique_ptr<pg::PgConnection>> admin = pg::PgConnection::Open(base_url_);
    if (!admin.ok()) {
      ADD_FAILURE() << admin.status().message();
      name_.clear();
      return;
    }
    // Names are made of digits and letters here, never of user input.
    const Status created = (*admin)->ExecScript("CREATE DATABASE " + name_);
    if (!created.ok()) {
      ADD_FAILURE() << created.message();
      name_.clear();
    }
  }
  ~TestDatabase() {
    if (name_.empty()) return;
    Result<std::unique_ptr<pg::PgConnection>> admin = pg::PgConnection::Open(base_url_);
    if (admin.ok())
      (void)(*admin)->ExecScript("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  }
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  bool ok() const { return !name_.empty(); }
  std::string url() const { return WithDatabase(base_url_, name_); }

  // Runs SQL on the database directly, outside the store.
  void Exec(const std::string& sql) const {
    Result<std::unique_ptr<pg::PgConnection>> connection = pg::PgConnection::Open(url());
    ASSERT_TRUE(connection.ok()) << connection.status().message();
    const Status status = (*connection)->ExecScript(sql);
    ASSERT_TRUE(status.ok()) << status.message();
  }

 private:
  std::string base_url_;
  std::string name_;
};

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

// A migrated store on a fresh database, which it drops when destroyed.
class OwnDatabaseStore final : public Store {
 public:
  static std::unique_ptr<Store> Create() {
    auto own = std::make_unique<OwnDatabaseStore>();
    if (!own->database_.ok()) return nullptr;
    own->store_ = OpenMigrated(own->database_.url());
    if (own->store_ == nullptr) return nullptr;
    return own;
  }
  ~OwnDatabaseStore() override { store_.reset(); }  // before the database goes

  Result<int> SchemaVersion() override { return store_->SchemaVersion(); }
  int LatestSchemaVersion() const override { return store_->LatestSchemaVersion(); }
  Status Migrate() override { return store_->Migrate(); }
  Status Check() override { return store_->Check(); }
  Status Backup(const std::string& path) override { return store_->Backup(path); }
  using Store::Write;
  Status Write(const AuditActor& actor, const std::function<Status(Transaction&)>& work) override {
    return store_->Write(actor, work);
  }
  Status Read(const std::function<Status(Transaction&)>& work) override {
    return store_->Read(work);
  }

 private:
  TestDatabase database_;
  std::unique_ptr<Store> store_;
};

INSTANTIATE_TEST_SUITE_P(Postgres, StoreSuite,
                         ::testing::Values(StoreParam{"postgres", &OwnDatabaseStore::Create}),
                         testing::StoreParamName);

core::Task SimpleTask(Id lead, std::string text) {
  core::Task task;
  task.lead_agency_id = lead;
  task.text = std::move(text);
  task.assigned_on = D("2024-01-02");
  task.deadline = D("2024-03-31");
  task.created_at = core::Timestamp(D("2024-01-02"));
  return task;
}

Id AddAgency(Store& store, const std::string& name) {
  Id id = 0;
  const Status status = store.Write([&](Transaction& tx) {
    core::Agency agency;
    agency.name = name;
    agency.valid_from = D("2000-01-01");
    Result<Id> added = tx.AddAgency(agency);
    if (!added.ok()) return added.status();
    id = *added;
    return Status::Ok();
  });
  EXPECT_TRUE(status.ok()) << status.message();
  return id;
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

TEST(PostgresStoreTest, NewDatabaseMustBeMigratedBeforeUse) {
  TestDatabase database;
  ASSERT_TRUE(database.ok());
  Result<std::unique_ptr<Store>> store = OpenStore(database.url());
  ASSERT_TRUE(store.ok()) << store.status().message();
  EXPECT_EQ(*(*store)->SchemaVersion(), 0);
  EXPECT_EQ((*store)->LatestSchemaVersion(), pg::kLatestSchemaVersion);
  const Status refused = (*store)->Read([](Transaction&) { return Status::Ok(); });
  EXPECT_EQ(refused.code(), StatusCode::kInvalidInput);
  EXPECT_NE(refused.message().find("migrate"), std::string::npos) << refused.message();
  ASSERT_TRUE((*store)->Migrate().ok());
  EXPECT_EQ(*(*store)->SchemaVersion(), pg::kLatestSchemaVersion);
  // Migrating again changes nothing.
  ASSERT_TRUE((*store)->Migrate().ok());
  EXPECT_TRUE((*store)->Read([](Transaction&) { return Status::Ok(); }).ok());
  EXPECT_TRUE((*store)->Check().ok()) << (*store)->Check().message();
}

TEST(PostgresStoreTest, UpgradesAVersion1DatabaseInPlace) {
  TestDatabase database;
  ASSERT_TRUE(database.ok());
  // A database as version 1 of the schema left it, with data in it.
  const pg::Migration& v1 = pg::Migrations().at(0);
  ASSERT_EQ(v1.version, 1);
  database.Exec(std::string(v1.sql) + R"sql(
    CREATE TABLE schema_version (version INTEGER NOT NULL);
    INSERT INTO schema_version VALUES (1);
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
    -- Ids given by hand: move the identity sequences past them.
    SELECT setval(pg_get_serial_sequence('agencies', 'id'), 1);
    SELECT setval(pg_get_serial_sequence('documents', 'id'), 1);
    SELECT setval(pg_get_serial_sequence('tasks', 'id'), 2);
  )sql");

  Result<std::unique_ptr<Store>> opened = OpenStore(database.url());
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  Store& store = **opened;
  EXPECT_EQ(*store.SchemaVersion(), 1);
  EXPECT_FALSE(store.Read([](Transaction&) { return Status::Ok(); }).ok());
  ASSERT_TRUE(store.Migrate().ok()) << store.Migrate().message();
  EXPECT_EQ(*store.SchemaVersion(), pg::kLatestSchemaVersion);
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
    EXPECT_TRUE(hits.ok()) << hits.status().message();
    EXPECT_EQ(hits->size(), 1u);
    return Status::Ok();
  });
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_TRUE(
      store.Write([](Transaction& tx) { return tx.AddTask(SimpleTask(1, "Mới"), {}).status(); })
          .ok());
  EXPECT_EQ(CountTasks(store), 3);
}

TEST(PostgresStoreTest, RefusesADatabaseNewerThanThisBuild) {
  TestDatabase database;
  ASSERT_TRUE(database.ok());
  database.Exec(
      "CREATE TABLE schema_version (version INTEGER NOT NULL); "
      "INSERT INTO schema_version VALUES (99)");
  Result<std::unique_ptr<Store>> store = OpenStore(database.url());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kInvalidInput);
  const std::string& message = store.status().message();
  EXPECT_NE(message.find("99"), std::string::npos) << message;
  EXPECT_NE(message.find(std::to_string(pg::kLatestSchemaVersion)), std::string::npos) << message;
  EXPECT_NE(message.find("newer"), std::string::npos) << message;
}

TEST(PostgresStoreTest, MigrateRefusesADatabaseMadeNewerAfterOpening) {
  TestDatabase database;
  ASSERT_TRUE(database.ok());
  Result<std::unique_ptr<Store>> store = OpenStore(database.url());
  ASSERT_TRUE(store.ok()) << store.status().message();
  database.Exec(
      "CREATE TABLE schema_version (version INTEGER NOT NULL); "
      "INSERT INTO schema_version VALUES (42)");
  const Status status = (*store)->Migrate();
  EXPECT_EQ(status.code(), StatusCode::kInvalidInput);
  EXPECT_NE(status.message().find("42"), std::string::npos) << status.message();
}

TEST(PostgresStoreTest, ConcurrentMigratorsApplyEachStepOnce) {
  TestDatabase database;
  ASSERT_TRUE(database.ok());
  constexpr int kMigrators = 4;
  std::vector<Status> results(kMigrators);
  std::vector<std::thread> threads;
  for (int i = 0; i < kMigrators; ++i) {
    threads.emplace_back([&, i] {
      Result<std::unique_ptr<Store>> store = OpenStore(database.url());
      results[i] = store.ok() ? (*store)->Migrate() : store.status();
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const Status& result : results) EXPECT_TRUE(result.ok()) << result.message();
  std::unique_ptr<Store> store = OpenMigrated(database.url());
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(*store->SchemaVersion(), pg::kLatestSchemaVersion);
  EXPECT_TRUE(store->Check().ok()) << store->Check().message();
}

TEST(PostgresStoreTest, TwoThreadsAndTwoConnectionsWriteConcurrently) {
  TestDatabase database;
  ASSERT_TRUE(database.ok());
  std::unique_ptr<Store> first = OpenMigrated(database.url());
  ASSERT_NE(first, nullptr);
  // A second store stands for a second process.
  Result<std::unique_ptr<Store>> second = OpenStore(database.url());
  ASSERT_TRUE(second.ok()) << second.status().message();
  const Id agencies[2] = {AddAgency(*first, "Cơ quan A"), AddAgency(*first, "Cơ quan B")};
  constexpr int kTasks = 60;
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
  std::thread c(writer, first.get(), 1);  // shares the first store's pool
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
  EXPECT_TRUE(first->Check().ok()) << first->Check().message();
}

// Each writer reads how many tasks exist and adds one numbered after them:
// serializable transactions (retried on conflict) must never give two tasks
// the same number, as a lost update would.
TEST(PostgresStoreTest, ReadThenWriteTransactionsAreSerializable) {
  TestDatabase database;
  ASSERT_TRUE(database.ok());
  std::unique_ptr<Store> first = OpenMigrated(database.url());
  ASSERT_NE(first, nullptr);
  Result<std::unique_ptr<Store>> second = OpenStore(database.url());
  ASSERT_TRUE(second.ok()) << second.status().message();
  const Id agency = AddAgency(*first, "Sở Nội vụ");
  constexpr int kEach = 25;
  std::atomic<int> runs{0};
  auto writer = [&](Store* store) {
    for (int i = 0; i < kEach; ++i) {
      const Status status = store->Write([&](Transaction& tx) {
        ++runs;
        TaskFilter filter;
        filter.as_of = D("2024-02-01");
        filter.limit = 1000;
        Result<std::vector<TaskView>> tasks = tx.ListTasks(filter);
        if (!tasks.ok()) return tasks.status();
        return tx.AddTask(SimpleTask(agency, "Số " + std::to_string(tasks->size())), {}).status();
      });
      EXPECT_TRUE(status.ok()) << status.message();
    }
  };
  std::thread a(writer, first.get());
  std::thread b(writer, second->get());
  a.join();
  b.join();
  std::set<std::string> texts;
  const Status listed = first->Read([&](Transaction& tx) {
    TaskFilter filter;
    filter.as_of = D("2024-02-01");
    filter.limit = 1000;
    Result<std::vector<TaskView>> tasks = tx.ListTasks(filter);
    if (!tasks.ok()) return tasks.status();
    for (const TaskView& view : *tasks) texts.insert(view.task.text);
    EXPECT_EQ(tasks->size(), 2u * kEach);
    return Status::Ok();
  });
  EXPECT_TRUE(listed.ok()) << listed.message();
  EXPECT_EQ(texts.size(), 2u * kEach) << "two transactions saw the same count";
  EXPECT_GE(runs.load(), 2 * kEach);
}

TEST(PostgresStoreTest, ReadTransactionsRefuseWrites) {
  std::unique_ptr<Store> store = OwnDatabaseStore::Create();
  ASSERT_NE(store, nullptr);
  const Status status = store->Read([](Transaction& tx) {
    core::Agency agency;
    agency.name = "Sở Y tế";
    agency.valid_from = D("2000-01-01");
    return tx.AddAgency(agency).status();
  });
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("read-only"), std::string::npos) << status.message();
  EXPECT_TRUE(
      store->Read([](Transaction& tx) { return tx.ListAgencies(std::nullopt).status(); }).ok());
}

TEST(PostgresStoreTest, WorkThatIgnoresAFailedStatementDoesNotCommitHalf) {
  std::unique_ptr<Store> store = OwnDatabaseStore::Create();
  ASSERT_NE(store, nullptr);
  // Text that is not UTF-8 makes the server fail the statement; the work
  // goes on and returns ok, but PostgreSQL has aborted the transaction, so
  // Write must report the failure, not claim a commit.
  const Status status = store->Write([](Transaction& tx) {
    core::Agency agency;
    agency.name = "Sở \xff";
    agency.valid_from = D("2000-01-01");
    const Status first = tx.AddAgency(agency).status();
    EXPECT_EQ(first.code(), StatusCode::kInvalidInput) << first.message();
    agency.name = "Sở Xây dựng";
    (void)tx.AddAgency(agency);
    return Status::Ok();
  });
  EXPECT_EQ(status.code(), StatusCode::kInvalidInput) << status.message();
  const Status empty = store->Read([](Transaction& tx) {
    Result<std::vector<core::Agency>> agencies = tx.ListAgencies(std::nullopt);
    if (!agencies.ok()) return agencies.status();
    EXPECT_TRUE(agencies->empty());
    return Status::Ok();
  });
  EXPECT_TRUE(empty.ok()) << empty.message();
}

TEST(PostgresStoreTest, RefusedConnectionNamesHostAndPortButNoPassword) {
  Result<std::unique_ptr<Store>> store =
      OpenStore("postgresql://dondoc:s3cr3t-pw@127.0.0.1:1/dondoc?connect_timeout=5");
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kIoError);
  const std::string& message = store.status().message();
  EXPECT_NE(message.find("127.0.0.1:1"), std::string::npos) << message;
  EXPECT_EQ(message.find("s3cr3t-pw"), std::string::npos) << message;
}

TEST(PostgresStoreTest, MalformedUrlIsInvalidInputWithoutPassword) {
  for (const char* url : {"postgresql://dondoc:s3cr3t-pw@127.0.0.1:notaport/dondoc",
                          "postgresql://dondoc:s3cr3t-pw@127.0.0.1/dondoc?nosuchoption=1"}) {
    Result<std::unique_ptr<Store>> store = OpenStore(url);
    ASSERT_FALSE(store.ok()) << url;
    const std::string& message = store.status().message();
    EXPECT_EQ(message.find("s3cr3t-pw"), std::string::npos) << message;
    EXPECT_TRUE(store.status().code() == StatusCode::kInvalidInput ||
                store.status().code() == StatusCode::kIoError)
        << message;
  }
}

TEST(PostgresStoreTest, MissingDatabaseIsAnIoErrorNamingIt) {
  const std::string base = ClusterUrl();
  ASSERT_FALSE(base.empty());
  Result<std::unique_ptr<Store>> store = OpenStore(WithDatabase(base, "no_such_database"));
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kIoError);
  EXPECT_NE(store.status().message().find("no_such_database"), std::string::npos)
      << store.status().message();
}

TEST(PostgresStoreTest, RefusesADatabaseThatIsNotUtf8) {
  const std::string base = ClusterUrl();
  ASSERT_FALSE(base.empty());
  const std::string name = "dondoc_latin1_" + std::to_string(getpid());
  Result<std::unique_ptr<pg::PgConnection>> admin = pg::PgConnection::Open(base);
  ASSERT_TRUE(admin.ok()) << admin.status().message();
  ASSERT_TRUE(
      (*admin)
          ->ExecScript("CREATE DATABASE " + name +
                       " ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0")
          .ok());
  Result<std::unique_ptr<Store>> store = OpenStore(WithDatabase(base, name));
  (void)(*admin)->ExecScript("DROP DATABASE " + name);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(store.status().message().find("UTF8"), std::string::npos) << store.status().message();
}

// Check compares the running counts with the timelines: a changed row is
// named, a rebuild repairs it.
TEST(PostgresStoreTest, CheckFindsRunningCountsThatDifferFromTheTimelines) {
  TestDatabase database;
  ASSERT_TRUE(database.ok());
  std::unique_ptr<Store> store = OpenMigrated(database.url());
  ASSERT_NE(store, nullptr);
  const Id agency = AddAgency(*store, "Sở Tài chính");
  ASSERT_TRUE(store
                  ->Write([&](Transaction& tx) {
                    return tx.AddTask(SimpleTask(agency, "Lập dự toán"), {}).status();
                  })
                  .ok());
  EXPECT_TRUE(store->Check().ok());
  database.Exec("UPDATE status_totals SET open_in_time = open_in_time + 1 WHERE day = 19724");
  const Status broken = store->Check();
  EXPECT_EQ(broken.code(), StatusCode::kInvalidInput);
  EXPECT_NE(broken.message().find("running counts"), std::string::npos) << broken.message();
  EXPECT_NE(broken.message().find("2024-01-02"), std::string::npos) << broken.message();
  ASSERT_TRUE(store->Write([](Transaction& tx) { return tx.RebuildStatusTotals(); }).ok());
  EXPECT_TRUE(store->Check().ok());
}

TEST(PostgresStoreTest, BackupIsAPlainSqlDumpThatRestores) {
  TestDatabase database;
  ASSERT_TRUE(database.ok());
  std::unique_ptr<Store> store = OpenMigrated(database.url());
  ASSERT_NE(store, nullptr);
  const Id agency = AddAgency(*store, "Sở Tài chính");
  ASSERT_TRUE(store
                  ->Write([&](Transaction& tx) {
                    return tx.AddTask(SimpleTask(agency, "Lập dự toán"), {}).status();
                  })
                  .ok());
  const dondoc::testing::TempDir dir;
  const std::string path = dir.path() + "/backup.sql";
  const Status backup = store->Backup(path);
  ASSERT_TRUE(backup.ok()) << backup.message();
  std::ifstream in(path);
  std::stringstream dump;
  dump << in.rdbuf();
  EXPECT_NE(dump.str().find("CREATE TABLE"), std::string::npos);
  EXPECT_NE(dump.str().find("Sở Tài chính"), std::string::npos);

  // Restored into an empty database with psql, it is the same store.
  TestDatabase restored;
  ASSERT_TRUE(restored.ok());
  const dondoc::testing::ProcessResult psql = dondoc::testing::RunProcess(
      "/usr/lib/postgresql/15/bin/psql",
      {"-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", restored.url(), "-f", path});
  ASSERT_EQ(psql.exit_code, 0) << psql.err;
  std::unique_ptr<Store> copy = OpenMigrated(restored.url());
  ASSERT_NE(copy, nullptr);
  EXPECT_EQ(CountTasks(*copy), 1);
  EXPECT_TRUE(copy->Check().ok()) << copy->Check().message();
}

TEST(PostgresStoreTest, BackupWithoutPgDumpSaysSo) {
  std::unique_ptr<Store> store = OwnDatabaseStore::Create();
  ASSERT_NE(store, nullptr);
  ASSERT_EQ(setenv("DONDOC_PG_DUMP", "/nonexistent/pg_dump", 1), 0);
  const dondoc::testing::TempDir dir;
  const Status status = store->Backup(dir.path() + "/backup.sql");
  unsetenv("DONDOC_PG_DUMP");
  EXPECT_EQ(status.code(), StatusCode::kIoError);
  EXPECT_NE(status.message().find("pg_dump"), std::string::npos) << status.message();
}

TEST(PostgresStoreTest, CheckReportsATaskWithoutItsTimeline) {
  TestDatabase database;
  ASSERT_TRUE(database.ok());
  std::unique_ptr<Store> store = OpenMigrated(database.url());
  ASSERT_NE(store, nullptr);
  const Id agency = AddAgency(*store, "Sở Công Thương");
  Id task = 0;
  ASSERT_TRUE(store
                  ->Write([&](Transaction& tx) {
                    Result<Id> id = tx.AddTask(SimpleTask(agency, "Kiểm tra"), {});
                    if (id.ok()) task = *id;
                    return id.status();
                  })
                  .ok());
  // A task cancelled on its first day has no stretch stored: that is fine.
  ASSERT_TRUE(store
                  ->Write([&](Transaction& tx) {
                    Result<Id> id = tx.AddTask(SimpleTask(agency, "Hủy"), {});
                    if (!id.ok()) return id.status();
                    core::TaskEvent cancelled;
                    cancelled.task_id = *id;
                    cancelled.kind = core::TaskEventKind::kCancelled;
                    cancelled.effective_on = D("2024-01-02");
                    cancelled.recorded_at = core::Timestamp(D("2024-01-02"));
                    return tx.AddTaskEvent(cancelled).status();
                  })
                  .ok());
  EXPECT_TRUE(store->Check().ok()) << store->Check().message();
  database.Exec("DELETE FROM task_timeline");
  const Status status = store->Check();
  EXPECT_EQ(status.code(), StatusCode::kInvalidInput);
  EXPECT_NE(status.message().find("without a timeline: " + std::to_string(task)), std::string::npos)
      << status.message();
}

// A body whose words would overflow a tsvector (1 MB) is stored whole and
// searchable by its beginning.
TEST(PostgresStoreTest, HugeVocabularyDocumentIsStoredAndSearchable) {
  std::unique_ptr<Store> store = OwnDatabaseStore::Create();
  ASSERT_NE(store, nullptr);
  core::Document document;
  document.kind = "Báo cáo";
  document.title = "Số liệu thống kê";
  document.cleaned_text = "Phụ lục chỉ tiêu đường giao thông nông thôn:";
  for (int i = 0; i < 120000; ++i) {
    document.cleaned_text += " m" + std::to_string(i * 7919);
  }
  Id id = 0;
  const Status added = store->Write([&](Transaction& tx) {
    Result<Id> result = tx.AddDocument(document);
    if (result.ok()) id = *result;
    return result.status();
  });
  ASSERT_TRUE(added.ok()) << added.message();
  const Status searched = store->Read([&](Transaction& tx) {
    Result<core::Document> stored = tx.GetDocument(id);
    EXPECT_TRUE(stored.ok());
    if (stored.ok()) {
      EXPECT_EQ(stored->cleaned_text.size(), document.cleaned_text.size());
    }
    Result<std::vector<SearchHit>> hits = tx.SearchDocuments("duong giao thong", 5);
    if (!hits.ok()) return hits.status();
    EXPECT_EQ(hits->size(), 1u);
    if (!hits->empty()) {
      EXPECT_NE((*hits)[0].snippet.find("[đường]"), std::string::npos) << (*hits)[0].snippet;
    }
    return Status::Ok();
  });
  EXPECT_TRUE(searched.ok()) << searched.message();
}

TEST(PostgresStoreTest, SearchMatchesDocumentNumbersWrittenWithSlashes) {
  std::unique_ptr<Store> store = OwnDatabaseStore::Create();
  ASSERT_NE(store, nullptr);
  core::Document document;
  document.kind = "Công văn";
  document.title = "Triển khai kế hoạch";
  document.cleaned_text =
      "Thực hiện Quyết định số 730/QĐ-UBND ngày 19/01/2023 của tỉnh (xem www.kontum.gov.vn).";
  ASSERT_TRUE(
      store->Write([&](Transaction& tx) { return tx.AddDocument(document).status(); }).ok());
  // As in SQLite, words are runs of letters and digits whatever the
  // punctuation between them, in the document or in the query; the snippet
  // keeps the original punctuation.
  for (const char* query :
       {"730/QĐ-UBND", "qd-ubnd", "QĐ UBND 730", "19/01/2023", "kontum", "gov.vn", "(QĐ)"}) {
    const Status status = store->Read([&](Transaction& tx) {
      Result<std::vector<SearchHit>> hits = tx.SearchDocuments(query, 5);
      if (!hits.ok()) return hits.status();
      EXPECT_EQ(hits->size(), 1u) << query;
      if (!hits->empty()) {
        const std::string& snippet = (*hits)[0].snippet;
        EXPECT_NE(snippet.find("["), std::string::npos) << snippet;
        // "730/QĐ-UBND", "19/01/2023", "www.kontum.gov.vn" as written.
        EXPECT_TRUE(snippet.find("]/[") != std::string::npos ||
                    snippet.find("19/01/2023") != std::string::npos ||
                    snippet.find("].gov.vn") != std::string::npos ||
                    snippet.find(".[gov].[vn]") != std::string::npos)
            << snippet;
        EXPECT_EQ(snippet.find("\xEF\xBC"), std::string::npos) << snippet;  // no full-width
      }
      return Status::Ok();
    });
    EXPECT_TRUE(status.ok()) << status.message();
  }
}

}  // namespace
}  // namespace dondoc::store
