// The audit chain on SQLite: the log refuses UPDATE and DELETE, tampering
// with the file behind the store's back is detected (audit_tamper.h), an
// older database gains an empty chain on migration, and `dondoc audit`
// exits 2 naming the broken record.
#include <sqlite3.h>

#include <atomic>
#include <string>

#include "store/audit_tamper.h"
#include "store/open.h"
#include "support/run_process.h"

namespace dondoc::store {
namespace {

const dondoc::testing::TempDir& Dir() {
  static const dondoc::testing::TempDir dir;
  return dir;
}

std::string NewPath() {
  static std::atomic<int> counter{0};
  return Dir().path() + "/audit-" + std::to_string(counter++) + ".db";
}

// Runs SQL on the file directly; the error message, or "" on success.
std::string RawExec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) return "cannot open " + path;
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  std::string message = rc == SQLITE_OK ? "" : (error != nullptr ? error : "error");
  sqlite3_free(error);
  sqlite3_close(db);
  return message;
}

testing::TamperTarget Make() {
  const std::string path = NewPath();
  Result<std::unique_ptr<Store>> store = OpenStore("sqlite:" + path);
  EXPECT_TRUE(store.ok()) << store.status().message();
  if (!store.ok()) return {};
  EXPECT_TRUE((*store)->Migrate().ok());
  return {std::move(store).value(), [path](const std::string& sql) {
            const std::string error = RawExec(path, sql);
            ASSERT_EQ(error, "") << sql;
          }};
}

TEST(SqliteAuditTest, TamperingIsDetected) {
  testing::RunTamperCases(&Make,
                          "DROP TRIGGER audit_log_no_update; "
                          "DROP TRIGGER audit_log_no_delete; ");
}

TEST(SqliteAuditTest, TheLogRefusesUpdatesAndDeletes) {
  const std::string path = NewPath();
  Result<std::unique_ptr<Store>> store = OpenStore("sqlite:" + path);
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->Migrate().ok());
  testing::WriteHistory(**store);
  EXPECT_NE(
      RawExec(path, "UPDATE audit_log SET actor_name = 'x' WHERE seq = 1").find("append-only"),
      std::string::npos);
  EXPECT_NE(RawExec(path, "DELETE FROM audit_log WHERE seq = 1").find("append-only"),
            std::string::npos);
  EXPECT_TRUE(VerifyAuditChain(**store).ok());
}

TEST(SqliteAuditTest, CommandLineVerifiesPrintsTheHeadAndNamesTheBrokenRecord) {
  const std::string path = NewPath();
  {
    Result<std::unique_ptr<Store>> store = OpenStore("sqlite:" + path);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->Migrate().ok());
    testing::WriteHistory(**store);
  }
  const std::string url = "sqlite:" + path;
  dondoc::testing::ProcessResult ok =
      dondoc::testing::RunProcess(DONDOC_BINARY, {"audit", "verify", "--db", url});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.out.find("intact"), std::string::npos) << ok.out;
  EXPECT_NE(ok.out.find("5 records"), std::string::npos) << ok.out;
  dondoc::testing::ProcessResult head =
      dondoc::testing::RunProcess(DONDOC_BINARY, {"audit", "head", "--db", url});
  ASSERT_EQ(head.exit_code, 0) << head.err;
  ASSERT_EQ(head.out.size(), 2 + 64 + 1) << head.out;  // "5 <hash>\n"
  const std::string hash = head.out.substr(2, 64);
  dondoc::testing::ProcessResult anchored =
      dondoc::testing::RunProcess(DONDOC_BINARY, {"audit", "verify", "--db", url, "--head", hash});
  EXPECT_EQ(anchored.exit_code, 0) << anchored.err;
  dondoc::testing::ProcessResult trail = dondoc::testing::RunProcess(
      DONDOC_BINARY, {"audit", "trail", "--db", url, "--entity", "task", "--id", "1"});
  EXPECT_EQ(trail.exit_code, 0) << trail.err;
  EXPECT_NE(trail.out.find("task.extension_approved"), std::string::npos) << trail.out;

  ASSERT_EQ(RawExec(path,
                    "DROP TRIGGER audit_log_no_update; "
                    "UPDATE audit_log SET actor_name = 'someone' WHERE seq = 4"),
            "");
  dondoc::testing::ProcessResult broken =
      dondoc::testing::RunProcess(DONDOC_BINARY, {"audit", "verify", "--db", url});
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.err.find("broken at record 4"), std::string::npos) << broken.err;
}

TEST(SqliteAuditTest, AnOlderDatabaseGainsAnEmptyChainThatStartsAtTheMigration) {
  const std::string path = NewPath();
  {
    Result<std::unique_ptr<Store>> store = OpenStore("sqlite:" + path);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->Migrate().ok());
    testing::WriteHistory(**store);
  }
  // Back to version 6 as an old build left it: no audit tables (step 7)
  // nor notifications (step 8), rows kept.
  ASSERT_EQ(RawExec(path,
                    "DROP TABLE notifications; DROP TABLE audit_log; DROP TABLE audit_head; "
                    "PRAGMA user_version = 6;"),
            "");
  Result<std::unique_ptr<Store>> store = OpenStore("sqlite:" + path);
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->Migrate().ok());
  Result<AuditVerification> empty = VerifyAuditChain(**store);
  ASSERT_TRUE(empty.ok()) << empty.status().message();
  EXPECT_EQ(empty->records, 0);
  testing::WriteHistory(**store);
  Result<AuditVerification> verified = VerifyAuditChain(**store);
  ASSERT_TRUE(verified.ok()) << verified.status().message();
  EXPECT_EQ(verified->records, 5);
}

}  // namespace
}  // namespace dondoc::store
