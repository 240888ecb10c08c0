// `dondoc serve` settings: defaults < config file < environment < flags,
// and errors that name the key, the file and the line.

#include <gtest/gtest.h>

#include <map>

#include "http/settings.h"
#include "support/run_process.h"

namespace dondoc::http {
namespace {

EnvLookup FakeEnv(std::map<std::string, std::string> vars) {
  return [vars](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

TEST(SettingsTest, Defaults) {
  auto s = LoadServeSettings({}, FakeEnv({}));
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->db, "sqlite:./dondoc.db");
  EXPECT_EQ(s->server.address, "127.0.0.1");
  EXPECT_EQ(s->server.port, 8080);
  EXPECT_EQ(s->server.io_threads, 2);
  EXPECT_EQ(s->server.workers, 2);
  EXPECT_EQ(s->server.header_limit, 8u * 1024);
  EXPECT_EQ(s->server.json_body_limit, 1024u * 1024);
  EXPECT_EQ(s->server.upload_body_limit, 50u * 1024 * 1024);
  EXPECT_EQ(s->server.read_timeout, std::chrono::seconds(30));
  EXPECT_EQ(s->server.idle_timeout, std::chrono::seconds(60));
  EXPECT_EQ(s->server.json_max_depth, 32);
  EXPECT_EQ(s->api.default_page_size, 50);
  EXPECT_EQ(s->api.max_page_size, 500);
}

TEST(SettingsTest, FlagsOverrideEnvironmentOverrideConfigFile) {
  dondoc::testing::TempDir dir;
  const std::string config = dir.Write("dondoc.conf",
                                       "# comment\n"
                                       "db = sqlite:/from/file.db\n"
                                       "listen = 0.0.0.0:9000\n"
                                       "workers = 5\n"
                                       "threads = 3\n"
                                       "read_timeout = 1500ms\n"
                                       "upload_limit = 10MiB\n"
                                       "province = \"Kon Tum\"\n");
  // File only.
  auto file = LoadServeSettings({{"config", config}}, FakeEnv({}));
  ASSERT_TRUE(file.ok()) << file.status().message();
  EXPECT_EQ(file->db, "sqlite:/from/file.db");
  EXPECT_EQ(file->server.address, "0.0.0.0");
  EXPECT_EQ(file->server.port, 9000);
  EXPECT_EQ(file->server.workers, 5);
  EXPECT_EQ(file->server.read_timeout, std::chrono::milliseconds(1500));
  EXPECT_EQ(file->server.upload_body_limit, 10u << 20);
  EXPECT_EQ(file->api.province, "Kon Tum");

  // The environment beats the file; the file may come from DONDOC_CONFIG.
  auto env = LoadServeSettings(
      {}, FakeEnv({{"DONDOC_CONFIG", config}, {"DONDOC_WORKERS", "7"}, {"DONDOC_DB", "sqlite:e"}}));
  ASSERT_TRUE(env.ok()) << env.status().message();
  EXPECT_EQ(env->server.workers, 7);
  EXPECT_EQ(env->db, "sqlite:e");
  EXPECT_EQ(env->server.io_threads, 3);  // still from the file

  // Flags beat both.
  auto flags = LoadServeSettings({{"config", config}, {"workers", "9"}, {"listen", "[::1]:0"}},
                                 FakeEnv({{"DONDOC_WORKERS", "7"}, {"DONDOC_DB", "sqlite:e"}}));
  ASSERT_TRUE(flags.ok()) << flags.status().message();
  EXPECT_EQ(flags->server.workers, 9);
  EXPECT_EQ(flags->server.address, "::1");
  EXPECT_EQ(flags->server.port, 0);
  EXPECT_EQ(flags->db, "sqlite:e");
}

TEST(SettingsTest, UnknownKeyNamesFileLineAndKey) {
  dondoc::testing::TempDir dir;
  const std::string config = dir.Write("bad.conf", "db = sqlite:x\n\nlisten_port = 80\n");
  auto s = LoadServeSettings({{"config", config}}, FakeEnv({}));
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("bad.conf:3"), std::string::npos) << s.status().message();
  EXPECT_NE(s.status().message().find("'listen_port'"), std::string::npos);
}

TEST(SettingsTest, BadValuesNameTheirSource) {
  dondoc::testing::TempDir dir;
  const std::string config = dir.Write("c.conf", "threads = many\n");
  auto file = LoadServeSettings({{"config", config}}, FakeEnv({}));
  ASSERT_FALSE(file.ok());
  EXPECT_NE(file.status().message().find("c.conf:1"), std::string::npos);
  EXPECT_NE(file.status().message().find("'threads'"), std::string::npos);

  auto env = LoadServeSettings({}, FakeEnv({{"DONDOC_LISTEN", "localhost"}}));
  ASSERT_FALSE(env.ok());
  EXPECT_NE(env.status().message().find("DONDOC_LISTEN"), std::string::npos);

  auto flag = LoadServeSettings({{"workers", "0"}}, FakeEnv({}));
  ASSERT_FALSE(flag.ok());
  EXPECT_NE(flag.status().message().find("--workers"), std::string::npos);

  EXPECT_FALSE(LoadServeSettings({{"listen", "1.2.3.4:65536"}}, FakeEnv({})).ok());
  EXPECT_FALSE(LoadServeSettings({{"config", dir.path() + "/missing.conf"}}, FakeEnv({})).ok());
  EXPECT_FALSE(
      LoadServeSettings({}, FakeEnv({{"DONDOC_PAGE_SIZE", "600"}})).ok());  // > max_page_size
  EXPECT_FALSE(LoadServeSettings({}, FakeEnv({{"DONDOC_READ_TIMEOUT", "0"}})).ok());
  EXPECT_FALSE(LoadServeSettings({}, FakeEnv({{"DONDOC_HEADER_LIMIT", "12Q"}})).ok());
  EXPECT_FALSE(LoadServeSettings({}, FakeEnv({{"DONDOC_JSON_BODY_LIMIT", "100MiB"}})).ok());

  ServeSettings s;
  EXPECT_FALSE(ApplyConfigText(s, "just words\n", "x.conf").ok());
}

TEST(SettingsTest, SizesAndDurations) {
  ServeSettings s;
  ASSERT_TRUE(ApplySetting(s, "header_limit", "16K").ok());
  EXPECT_EQ(s.server.header_limit, 16u * 1024);
  ASSERT_TRUE(ApplySetting(s, "upload_limit", "2G").ok());
  EXPECT_EQ(s.server.upload_body_limit, 2ULL << 30);
  ASSERT_TRUE(ApplySetting(s, "idle_timeout", "5").ok());
  EXPECT_EQ(s.server.idle_timeout, std::chrono::seconds(5));
  ASSERT_TRUE(ApplySetting(s, "idle_timeout", "7s").ok());
  EXPECT_EQ(s.server.idle_timeout, std::chrono::seconds(7));
  EXPECT_FALSE(ApplySetting(s, "idle_timeout", "-1").ok());
  EXPECT_FALSE(ApplySetting(s, "idle_timeout", "1.5s").ok());
}

}  // namespace
}  // namespace dondoc::http
