// `dondoc serve` as a real process: prints its URL (port 0 picks one),
// answers over TCP, logs a JSON line per request on stderr, exits 0 on
// SIGTERM; settings precedence end to end; --demo; usage errors.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "http/test_client.h"
#include "support/run_process.h"

namespace dondoc::http {
namespace {

using dondoc::testing::RunProcess;
using dondoc::testing::TempDir;
using testing::TestClient;

// A child process with its stdout on a pipe and its stderr in a file.
class ServeProcess {
 public:
  ServeProcess(const std::vector<std::string>& args,
               const std::vector<std::pair<std::string, std::string>>& env,
               const std::string& stderr_path) {
    int fds[2];
    if (pipe(fds) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(fds[1], STDOUT_FILENO);
      const int err = open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      if (err >= 0) dup2(err, STDERR_FILENO);
      close(fds[0]);
      for (const auto& [name, value] : env) setenv(name.c_str(), value.c_str(), 1);
      std::vector<std::string> argv_strings{DONDOC_BINARY, "serve"};
      argv_strings.insert(argv_strings.end(), args.begin(), args.end());
      std::vector<char*> argv;
      for (std::string& s : argv_strings) argv.push_back(s.data());
      argv.push_back(nullptr);
      execv(DONDOC_BINARY, argv.data());
      _exit(127);
    }
    close(fds[1]);
    out_ = fds[0];
  }
  ~ServeProcess() {
    if (pid_ > 0 && !waited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (out_ >= 0) close(out_);
  }

  // The next stdout line; empty at EOF or after 120 s.
  std::string ReadLine() {
    std::string line;
    char c;
    while (true) {
      pollfd p{out_, POLLIN, 0};
      if (poll(&p, 1, 120000) <= 0) return line;
      if (read(out_, &c, 1) != 1) return line;
      if (c == '\n') return line;
      line += c;
    }
  }

  // Sends `sig` and returns the exit code (-1 unless it exited normally).
  int Stop(int sig) {
    kill(pid_, sig);
    return Wait();
  }
  int Wait() {
    int status = 0;
    waitpid(pid_, &status, 0);
    waited_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  bool waited_ = false;
};

uint16_t PortOf(const std::string& line) {
  const std::string prefix = "dondoc serve: listening on http://127.0.0.1:";
  if (line.rfind(prefix, 0) != 0) return 0;
  return static_cast<uint16_t>(std::stoi(line.substr(prefix.size())));
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string MigratedDb(const TempDir& dir) {
  const std::string url = "sqlite:" + dir.path() + "/serve.db";
  auto migrate = RunProcess(DONDOC_BINARY, {"db", "migrate", "--db", url});
  EXPECT_EQ(migrate.exit_code, 0) << migrate.err;
  return url;
}

TEST(ServeCommandTest, ServesUntilSigtermThenExitsZero) {
  TempDir dir;
  const std::string url = MigratedDb(dir);
  const std::string log = dir.path() + "/stderr.log";
  ServeProcess serve({"--db", url, "--listen", "127.0.0.1:0", "--threads", "1"}, {}, log);
  const std::string line = serve.ReadLine();
  const uint16_t port = PortOf(line);
  ASSERT_NE(port, 0) << line << ReadFile(log);
  {
    TestClient client(port);
    auto health = client.Send("GET", "/api/v1/health");
    ASSERT_TRUE(health.has_value());
    EXPECT_EQ(health->status, 200);
    auto ready = client.Send("GET", "/api/v1/ready");
    ASSERT_TRUE(ready.has_value());
    EXPECT_EQ(ready->status, 200);
    auto tasks = client.Send("GET", "/api/v1/tasks?as_of=2025-01-01");
    ASSERT_TRUE(tasks.has_value());
    EXPECT_EQ(tasks->status, 200) << tasks->body;
  }
  EXPECT_EQ(serve.Stop(SIGTERM), 0);
  const std::string err = ReadFile(log);
  int json_lines = 0;
  std::istringstream lines(err);
  for (std::string l; std::getline(lines, l);) {
    if (l.starts_with("{")) {
      boost::json::value v = boost::json::parse(l);
      EXPECT_TRUE(v.as_object().contains("status"));
      ++json_lines;
    }
  }
  EXPECT_EQ(json_lines, 3) << err;
  EXPECT_NE(err.find("stopped on signal 15"), std::string::npos) << err;
}

TEST(ServeCommandTest, SigintAlsoStopsGracefully) {
  TempDir dir;
  const std::string url = MigratedDb(dir);
  ServeProcess serve({"--db", url, "--listen", "127.0.0.1:0"}, {}, dir.path() + "/e.log");
  ASSERT_NE(PortOf(serve.ReadLine()), 0);
  EXPECT_EQ(serve.Stop(SIGINT), 0);
}

TEST(ServeCommandTest, FlagBeatsEnvironmentBeatsConfigFile) {
  TempDir dir;
  const std::string url = MigratedDb(dir);
  // The file's database does not exist and the environment's port would
  // need root: the server only starts if env beats file and flag beats env.
  const std::string config =
      dir.Write("serve.conf", "db = sqlite:" + dir.path() + "/nowhere/x.db\nworkers = 3\n");
  const std::string log = dir.path() + "/e.log";
  ServeProcess serve({"--config", config, "--listen", "127.0.0.1:0"},
                     {{"DONDOC_DB", url}, {"DONDOC_LISTEN", "127.0.0.1:1"}}, log);
  const std::string line = serve.ReadLine();
  ASSERT_NE(PortOf(line), 0) << line << ReadFile(log);
  EXPECT_NE(PortOf(line), 1);
  EXPECT_EQ(serve.Stop(SIGTERM), 0);
}

TEST(ServeCommandTest, DemoCreatesItsDatabaseOnce) {
  TempDir dir;
  const std::string url = "sqlite:" + dir.path() + "/demo.db";
  for (const char* expected : {"created demo data", "using the existing demo data"}) {
    const std::string log = dir.path() + "/e.log";
    ServeProcess serve({"--demo", "--db", url, "--listen", "127.0.0.1:0"}, {}, log);
    const std::string first = serve.ReadLine();
    EXPECT_NE(first.find(expected), std::string::npos) << first << ReadFile(log);
    const uint16_t port = PortOf(serve.ReadLine());
    ASSERT_NE(port, 0) << ReadFile(log);
    TestClient client(port);
    auto status = client.Send("GET", "/api/v1/status");
    ASSERT_TRUE(status.has_value());
    ASSERT_EQ(status->status, 200);
    EXPECT_GT(boost::json::parse(status->body).at("total").at("total").as_int64(), 0);
    EXPECT_EQ(serve.Stop(SIGTERM), 0);
  }
}

TEST(ServeCommandTest, UsageErrorsExitTwoNamingTheProblem) {
  TempDir dir;
  auto unknown = RunProcess(DONDOC_BINARY, {"serve", "--bogus"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("--bogus"), std::string::npos);

  const std::string config = dir.Write("c.conf", "listen = 127.0.0.1:0\ncolour = blue\n");
  auto bad_key = RunProcess(DONDOC_BINARY, {"serve", "--config", config});
  EXPECT_EQ(bad_key.exit_code, 2);
  EXPECT_NE(bad_key.err.find("c.conf:2"), std::string::npos) << bad_key.err;
  EXPECT_NE(bad_key.err.find("'colour'"), std::string::npos) << bad_key.err;

  auto no_db = RunProcess(DONDOC_BINARY, {"serve", "--db", "sqlite:" + dir.path() + "/none.db",
                                          "--listen", "127.0.0.1:0"});
  EXPECT_EQ(no_db.exit_code, 2);
  EXPECT_NE(no_db.err.find("db migrate"), std::string::npos) << no_db.err;

  auto help = RunProcess(DONDOC_BINARY, {"serve", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--listen"), std::string::npos);
}

}  // namespace
}  // namespace dondoc::http
