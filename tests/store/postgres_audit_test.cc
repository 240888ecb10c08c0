// The audit chain on PostgreSQL: the log refuses UPDATE, DELETE and
// TRUNCATE, and tampering with the tables behind the store's back is
// detected (audit_tamper.h). The server is the throwaway cluster of the
// ctest fixture pg_cluster (see postgres_store_test.cc).
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <string>

#include "store/audit_tamper.h"
#include "store/open.h"
#include "store/postgres_conn.h"

namespace dondoc::store {
namespace {

std::string ClusterUrl() {
  if (const char* url = std::getenv("DONDOC_TEST_PG_URL"); url != nullptr && *url != '\0') {
    return url;
  }
  const char* file = std::getenv("DONDOC_PG_URL_FILE");
  if (file == nullptr || *file == '\0') {
    ADD_FAILURE() << "no PostgreSQL test cluster: run through ctest (fixture pg_cluster)";
    return "";
  }
  std::ifstream in(file);
  std::string url;
  std::getline(in, url);
  if (url.empty()) ADD_FAILURE() << "no PostgreSQL test cluster URL in " << file;
  return url;
}

std::string WithDatabase(const std::string& url, const std::string& database) {
  const size_t scheme = url.find("://");
  const size_t slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  return (slash == std::string::npos ? url : url.substr(0, slash)) + "/" + database;
}

// A fresh database per call; dropped at the end of the test program.
std::string NewDatabase() {
  const std::string base = ClusterUrl();
  if (base.empty()) return "";
  static std::atomic<int> counter{0};
  const std::string name =
      "dondoc_audit" + std::to_string(getpid()) + "_" + std::to_string(counter++);
  Result<std::unique_ptr<pg::PgConnection>> admin = pg::PgConnection::Open(base);
  if (!admin.ok()) {
    ADD_FAILURE() << admin.status().message();
    return "";
  }
  const Status created = (*admin)->ExecScript("CREATE DATABASE " + name);
  if (!created.ok()) {
    ADD_FAILURE() << created.message();
    return "";
  }
  static std::vector<std::string> created_names;
  struct Dropper {
    std::string base;
    std::vector<std::string>* names;
    ~Dropper() {
      Result<std::unique_ptr<pg::PgConnection>> admin = pg::PgConnection::Open(base);
      if (!admin.ok()) return;
      for (const std::string& n : *names)
        (void)(*admin)->ExecScript("DROP DATABASE IF EXISTS " + n + " WITH (FORCE)");
    }
  };
  static Dropper dropper{base, &created_names};
  created_names.push_back(name);
  return WithDatabase(base, name);
}

// The error of running `sql` on `url` directly, or "" on success.
std::string RawExec(const std::string& url, const std::string& sql) {
  Result<std::unique_ptr<pg::PgConnection>> connection = pg::PgConnection::Open(url);
  if (!connection.ok()) return connection.status().message();
  const Status status = (*connection)->ExecScript(sql);
  return status.ok() ? "" : status.message();
}

testing::TamperTarget Make() {
  const std::string url = NewDatabase();
  if (url.empty()) return {};
  Result<std::unique_ptr<Store>> store = OpenStore(url);
  EXPECT_TRUE(store.ok()) << store.status().message();
  if (!store.ok()) return {};
  EXPECT_TRUE((*store)->Migrate().ok());
  return {std::move(store).value(), [url](const std::string& sql) {
            const std::string error = RawExec(url, sql);
            ASSERT_EQ(error, "") << sql;
          }};
}

TEST(PostgresAuditTest, TamperingIsDetected) {
  testing::RunTamperCases(&Make, "DROP TRIGGER audit_log_append_only ON audit_log; ");
}

TEST(PostgresAuditTest, TheLogRefusesUpdatesDeletesAndTruncate) {
  const std::string url = NewDatabase();
  ASSERT_FALSE(url.empty());
  Result<std::unique_ptr<Store>> store = OpenStore(url);
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->Migrate().ok());
  testing::WriteHistory(**store);
  for (const std::string sql : {"UPDATE audit_log SET actor_name = 'x' WHERE seq = 1",
                                "DELETE FROM audit_log WHERE seq = 1", "TRUNCATE audit_log"}) {
    EXPECT_NE(RawExec(url, sql).find("append-only"), std::string::npos) << sql;
  }
  Result<AuditVerification> verified = VerifyAuditChain(**store);
  ASSERT_TRUE(verified.ok()) << verified.status().message();
  EXPECT_EQ(verified->records, 5);
}

}  // namespace
}  // namespace dondoc::store
