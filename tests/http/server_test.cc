// A real server on 127.0.0.1 (port 0) in this process, spoken to over TCP
// by a Beast client: routing errors, limits, timeouts, graceful shutdown,
// concurrency, the OpenAPI document and the log line per request. The API
// routes run over a SQLite store with a small demo data set; a wrapper can
// make that store "unreachable" for the readiness check.

#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <condition_variable>
#include <future>
#include <mutex>
#include <set>
#include <thread>

#include "http/api.h"
#include "http/openapi.h"
#include "http/server.h"
#include "http/test_client.h"
#include "service/demo_data.h"
#include "service/tracking.h"
#include "store/open.h"
#include "support/run_process.h"

namespace dondoc::http {
namespace {

using testing::ClientResponse;
using testing::TestClient;
namespace json = boost::json;

// Delegates to a real store; while `down`, every call fails as if the
// database could not be reached.
class SwitchableStore : public store::Store {
 public:
  explicit SwitchableStore(std::unique_ptr<store::Store> real) : real_(std::move(real)) {}
  std::atomic<bool> down{false};

  Result<int> SchemaVersion() override {
    if (down) return Status::IoError("connection refused (secret-host:5432)");
    return real_->SchemaVersion();
  }
  int LatestSchemaVersion() const override { return real_->LatestSchemaVersion(); }
  Status Migrate() override { return real_->Migrate(); }
  Status Check() override { return real_->Check(); }
  Status Backup(const std::string& path) override { return real_->Backup(path); }
  using store::Store::Write;
  Status Write(const store::AuditActor& actor,
               const std::function<Status(store::Transaction&)>& work) override {
    if (down) return Status::IoError("connection refused");
    return real_->Write(actor, work);
  }
  Status Read(const std::function<Status(store::Transaction&)>& work) override {
    if (down) return Status::IoError("connection refused (secret-host:5432)");
    return real_->Read(work);
  }

 private:
  std::unique_ptr<store::Store> real_;
};

RouteDoc TestDoc(std::string summary) {
  RouteDoc doc;
  doc.summary = std::move(summary);
  doc.tag = "test";
  return doc;
}

// Lets a test hold a handler in flight until it says so.
struct Gate {
  std::mutex mutex;
  std::condition_variable cv;
  bool entered = false;
  bool open = false;
  void Enter() {
    std::unique_lock lock(mutex);
    entered = true;
    cv.notify_all();
    cv.wait(lock, [&] { return open; });
  }
  void WaitEntered() {
    std::unique_lock lock(mutex);
    cv.wait(lock, [&] { return entered; });
  }
  void Open() {
    std::lock_guard lock(mutex);
    open = true;
    cv.notify_all();
  }
};

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new dondoc::testing::TempDir();
    auto opened = store::OpenStore("sqlite:" + dir_->path() + "/test.db");
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    ASSERT_TRUE((*opened)->Migrate().ok());
    service::DemoDataOptions demo;
    demo.tasks = 300;
    demo.agencies = 20;
    demo.year = 2025;
    auto summary = service::GenerateDemoData(**opened, demo);
    ASSERT_TRUE(summary.ok()) << summary.status().message();
    store_ = new SwitchableStore(std::move(*opened));
  }
  static void TearDownTestSuite() {
    delete store_;
    delete dir_;
  }

  void SetUp() override { store_->down = false; }
  void TearDown() override { server_.reset(); }

  void Start(ServerOptions options = {}) {
    options.address = "127.0.0.1";
    options.port = 0;
    options.log_sink = [this](std::string_view line) {
      std::lock_guard lock(log_mutex_);
      log_.emplace_back(line);
      log_cv_.notify_all();
    };
    ASSERT_TRUE(AddApiRoutes(router_, *store_, TestApiOptions()).ok());
    ASSERT_TRUE(router_
                    .Add("POST", "/test/echo", BodyKind::kJson, TestDoc("echo"),
                         [](const Request& r) {
                           auto body = ParseJsonBody(r);
                           if (!body.ok()) return ErrorResponse(body.error());
                           return JsonResponse(*body);
                         })
                    .ok());
    ASSERT_TRUE(router_
                    .Add("POST", "/test/upload", BodyKind::kUpload, TestDoc("upload"),
                         [](const Request& r) {
                           return JsonResponse(json::object{{"bytes", r.body.size()}});
                         })
                    .ok());
    ASSERT_TRUE(router_
                    .Add("GET", "/test/block", BodyKind::kNone, TestDoc("block"),
                         [this](const Request&) {
                           gate_.Enter();
                           return JsonResponse(json::object{{"done", true}});
                         })
                    .ok());
    ASSERT_TRUE(router_
                    .Add("GET", "/test/throw", BodyKind::kNone, TestDoc("throw"),
                         [](const Request&) -> Response {
                           throw std::runtime_error("database password is hunter2");
                         })
                    .ok());
    server_ = std::make_unique<Server>(options, router_);
    Status s = server_->Start();
    ASSERT_TRUE(s.ok()) << s.message();
    ASSERT_NE(server_->port(), 0);
  }

  // The API's routes authenticate with this test's own authenticator: a
  // request with "X-Test-Actor: system" acts as the system, any other is
  // refused as unauthenticated (the real sessions and tokens have their
  // own tests).
  static ApiOptions TestApiOptions() {
    ApiOptions options;
    options.authenticate = [](const Request& r) -> HttpResult<service::Actor> {
      if (r.Header("x-test-actor") == "system") return service::Actor::System();
      return errors::Unauthenticated();
    };
    return options;
  }
  static constexpr std::pair<const char*, const char*> kAsSystem{"X-Test-Actor", "system"};

  ClientResponse Get(const std::string& target) {
    TestClient client(server_->port());
    auto r = client.Send("GET", target, "", {kAsSystem});
    EXPECT_TRUE(r.has_value()) << target << ": " << client.error().message();
    return r.value_or(ClientResponse{});
  }

  static json::value Json(const ClientResponse& r) {
    boost::system::error_code ec;
    json::value v = json::parse(r.body, ec);
    EXPECT_FALSE(ec) << r.body;
    return v;
  }

  // The line is written once the response is sent, so it may trail the
  // client's read by a moment: wait (bounded) for `count` lines.
  std::vector<std::string> LogLines(size_t count) {
    std::unique_lock lock(log_mutex_);
    log_cv_.wait_for(lock, std::chrono::seconds(30), [&] { return log_.size() >= count; });
    return log_;
  }

  static dondoc::testing::TempDir* dir_;
  static SwitchableStore* store_;
  Router router_;
  std::unique_ptr<Server> server_;
  Gate gate_;
  std::mutex log_mutex_;
  std::condition_variable log_cv_;
  std::vector<std::string> log_;
};

dondoc::testing::TempDir* ServerTest::dir_ = nullptr;
SwitchableStore* ServerTest::store_ = nullptr;

TEST_F(ServerTest, HealthSaysOkWithVersionAndRequestId) {
  Start();
  ClientResponse r = Get("/api/v1/health");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("content-type"), "application/json; charset=utf-8");
  EXPECT_FALSE(r.Header("x-request-id").empty());
  json::value v = Json(r);
  EXPECT_EQ(v.at("status").as_string(), "ok");
  EXPECT_FALSE(v.at("version").as_string().empty());
}

TEST_F(ServerTest, ReadyIs200ThenIs503WhenTheStoreIsUnreachable) {
  Start();
  ClientResponse ok = Get("/api/v1/ready");
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(Json(ok).at("status").as_string(), "ready");

  store_->down = true;
  ClientResponse down = Get("/api/v1/ready");
  EXPECT_EQ(down.status, 503);
  json::value v = Json(down);
  EXPECT_EQ(v.at("error").as_string(), "unavailable");
  // The internal message is logged, never sent.
  EXPECT_EQ(down.body.find("secret-host"), std::string::npos);
  bool logged = false;
  for (const std::string& line : LogLines(2)) {
    logged = logged || line.find("secret-host") != std::string::npos;
  }
  EXPECT_TRUE(logged);
  // Health does not depend on the store.
  EXPECT_EQ(Get("/api/v1/health").status, 200);
}

TEST_F(ServerTest, ApiRoutesAskTheAuthenticatorAndPublicRoutesDoNot) {
  Start();
  TestClient client(server_->port());
  for (const char* target :
       {"/api/v1/tasks", "/api/v1/status?as_of=2025-01-01", "/api/v1/tasks?bogus=1"}) {
    auto r = client.Send("GET", target);
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->status, 401) << target << " " << r->body;
    EXPECT_EQ(Json(*r).at("error").as_string(), "unauthenticated");
  }
  for (const char* target : {"/api/v1/health", "/api/v1/ready", "/api/v1/openapi.json"}) {
    auto r = client.Send("GET", target);
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->status, 200) << target << " " << r->body;
  }
  EXPECT_EQ(Get("/api/v1/tasks?as_of=2025-01-01").status, 200);
}

TEST_F(ServerTest, ApiRoutesNeedAnAuthenticator) {
  Router router;
  Status s = AddApiRoutes(router, *store_, ApiOptions{});
  EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
}

TEST_F(ServerTest, UnknownPathIs404AndWrongMethodIs405WithAllow) {
  Start();
  ClientResponse missing = Get("/api/v1/nothing-here");
  EXPECT_EQ(missing.status, 404);
  json::value v = Json(missing);
  EXPECT_EQ(v.at("error").as_string(), "not_found");
  const std::string detail(v.at("detail").as_string());
  EXPECT_NE(detail.find(" / "), std::string::npos) << detail;
  EXPECT_FALSE(v.at("detail_vi").as_string().empty());
  EXPECT_FALSE(v.at("detail_en").as_string().empty());

  EXPECT_EQ(Get("/api/v1/health/").status, 404);  // no trailing-slash aliasing

  TestClient client(server_->port());
  auto wrong = client.Send("POST", "/api/v1/health", "{}", {{"Content-Type", "application/json"}});
  ASSERT_TRUE(wrong.has_value());
  EXPECT_EQ(wrong->status, 405);
  EXPECT_EQ(wrong->Header("allow"), "GET");
  EXPECT_EQ(Json(*wrong).at("error").as_string(), "method_not_allowed");
  EXPECT_TRUE(wrong->keep_alive);  // its small body was read, the connection goes on
  auto del = client.Send("DELETE", "/test/echo");
  ASSERT_TRUE(del.has_value());
  EXPECT_EQ(del->status, 405);
  EXPECT_EQ(del->Header("allow"), "POST");
}

TEST_F(ServerTest, MalformedQueryParametersAre400NamingTheParameter) {
  Start();
  struct Case {
    std::string target;
    std::string names;
  };
  const std::vector<Case> cases = {
      {"/api/v1/tasks?as_of=2025-13-45", "'as_of'"},
      {"/api/v1/tasks?as_of=yesterday", "'as_of'"},
      {"/api/v1/tasks?limit=abc", "'limit'"},
      {"/api/v1/tasks?limit=0", "'limit'"},
      {"/api/v1/tasks?limit=100000", "'limit'"},
      {"/api/v1/tasks?after=-3", "'after'"},
      {"/api/v1/tasks?status=late", "'status'"},
      {"/api/v1/tasks?coordinating=maybe", "'coordinating'"},
      {"/api/v1/tasks?coordinating=true", "'coordinating'"},
      {"/api/v1/tasks?bogus=1", "'bogus'"},
      {"/api/v1/tasks?agency=%ZZ", "'agency'"},
      {"/api/v1/tasks?agency=%C3%28", "'agency'"},  // not UTF-8
      {"/api/v1/tasks?agency=a%00b", "'agency'"},   // NUL
      {"/api/v1/tasks?as_of=2025-01-01&as_of=2025-02-01", "'as_of'"},
      {"/api/v1/status?as_of=2025-02-30", "'as_of'"},
      {"/api/v1/status?agency=x&limit=3", "'limit'"},
  };
  for (const Case& c : cases) {
    ClientResponse r = Get(c.target);
    EXPECT_EQ(r.status, 400) << c.target << " " << r.body;
    json::value v = Json(r);
    EXPECT_EQ(v.at("error").as_string(), "invalid_parameter") << c.target;
    EXPECT_NE(std::string(v.at("detail_en").as_string()).find(c.names), std::string::npos)
        << c.target << " " << r.body;
  }
  // SQL in a parameter is just an agency name nobody has.
  ClientResponse sql = Get("/api/v1/tasks?agency=x%27%3B%20DROP%20TABLE%20tasks%3B--");
  EXPECT_TRUE(sql.status == 200 || sql.status == 422) << sql.body;
  EXPECT_EQ(Get("/api/v1/ready").status, 200);
}

TEST_F(ServerTest, StatusAndTasksAgreeWithTheServiceLayer) {
  Start();
  const core::Date day = *core::ParseIsoDate("2025-09-30");
  auto expected = service::CountStatuses(*store_, service::Actor::System(), day, std::nullopt);
  ASSERT_TRUE(expected.ok());
  ClientResponse r = Get("/api/v1/status?as_of=2025-09-30");
  ASSERT_EQ(r.status, 200) << r.body;
  json::value v = Json(r);
  EXPECT_EQ(v.at("as_of").as_string(), "2025-09-30");
  EXPECT_EQ(v.at("total").at("total").as_int64(), expected->total.total);
  EXPECT_EQ(v.at("total").at("open_overdue").as_int64(), expected->total.open_overdue);
  EXPECT_EQ(v.at("by_agency").as_array().size(), expected->by_agency.size());
  int64_t sum = 0;
  for (const json::value& a : v.at("by_agency").as_array()) sum += a.at("total").as_int64();
  EXPECT_EQ(sum, expected->total.total);
  EXPECT_GT(sum, 0);

  // Paging: pages follow each other without overlap until next_after is null.
  std::set<int64_t> seen;
  std::string target = "/api/v1/tasks?as_of=2025-09-30&limit=70";
  int pages = 0;
  while (true) {
    ClientResponse page = Get(target);
    ASSERT_EQ(page.status, 200) << page.body;
    json::value p = Json(page);
    for (const json::value& t : p.at("tasks").as_array()) {
      EXPECT_TRUE(seen.insert(t.at("id").as_int64()).second);
    }
    ++pages;
    if (p.at("next_after").is_null()) break;
    target = "/api/v1/tasks?as_of=2025-09-30&limit=70&after=" +
             std::to_string(p.at("next_after").as_int64());
    ASSERT_LT(pages, 100);
  }
  EXPECT_GT(pages, 1);
  EXPECT_EQ(static_cast<int64_t>(seen.size()), expected->total.total);

  ClientResponse overdue = Get("/api/v1/tasks?as_of=2025-09-30&status=open_overdue&limit=500");
  ASSERT_EQ(overdue.status, 200);
  EXPECT_EQ(static_cast<int64_t>(Json(overdue).at("tasks").as_array().size()),
            expected->total.open_overdue);
}

TEST_F(ServerTest, UnknownAgencyIsAnErrorNotA500) {
  Start();
  ClientResponse r =
      Get("/api/v1/status?as_of=2025-09-30&agency=S%E1%BB%9F%20Kh%C3%B4ng%20C%C3%B3");
  EXPECT_TRUE(r.status == 422 || r.status == 404 || r.status == 200) << r.status << r.body;
}

TEST_F(ServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  Start();
  TestClient client(server_->port());
  for (int i = 0; i < 5; ++i) {
    auto r = client.Send("GET", "/api/v1/health");
    ASSERT_TRUE(r.has_value()) << i << client.error().message();
    EXPECT_EQ(r->status, 200);
    EXPECT_TRUE(r->keep_alive);
  }
  // An error that leaves no unread body keeps the connection too.
  auto missing = client.Send("GET", "/nope");
  ASSERT_TRUE(missing.has_value());
  EXPECT_EQ(missing->status, 404);
  auto again = client.Send("GET", "/api/v1/health");
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->status, 200);
}

TEST_F(ServerTest, OversizedJsonBodyIs413) {
  ServerOptions options;
  options.json_body_limit = 64 * 1024;
  Start(options);
  const std::string big = "[" + std::string(64 * 1024, ' ') + "1]";
  TestClient client(server_->port());
  auto r = client.Send("POST", "/test/echo", big, {{"Content-Type", "application/json"}});
  ASSERT_TRUE(r.has_value()) << client.error().message();
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(Json(*r).at("error").as_string(), "payload_too_large");
  EXPECT_FALSE(r->keep_alive);
  EXPECT_TRUE(client.WaitForClose());

  // An unknown path with a body above the JSON limit: 404, then closed.
  TestClient nowhere(server_->port());
  auto missing = nowhere.Send("POST", "/nope", std::string(70 * 1024, 'x'));
  ASSERT_TRUE(missing.has_value()) << nowhere.error().message();
  EXPECT_EQ(missing->status, 404);
  EXPECT_FALSE(missing->keep_alive);

  // Just under the limit is fine; the upload route takes more.
  TestClient ok(server_->port());
  auto small = ok.Send("POST", "/test/echo", "[" + std::string(60000, ' ') + "1]",
                       {{"Content-Type", "application/json"}});
  ASSERT_TRUE(small.has_value());
  EXPECT_EQ(small->status, 200);
  auto upload = ok.Send("POST", "/test/upload", std::string(200 * 1024, 'x'),
                        {{"Content-Type", "application/octet-stream"}});
  ASSERT_TRUE(upload.has_value());
  EXPECT_EQ(upload->status, 200);
  EXPECT_EQ(Json(*upload).at("bytes").as_int64(), 200 * 1024);
}

TEST_F(ServerTest, OversizedChunkedBodyIs413) {
  ServerOptions options;
  options.json_body_limit = 16 * 1024;
  Start(options);
  TestClient client(server_->port());
  std::string request =
      "POST /test/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 8; ++i) request += "1000\r\n" + std::string(4096, ' ') + "\r\n";
  request += "0\r\n\r\n";
  client.WriteRaw(request);
  auto r = client.Read();
  ASSERT_TRUE(r.has_value()) << client.error().message();
  EXPECT_EQ(r->status, 413);
}

TEST_F(ServerTest, UploadLimitAppliesToUploadRoutes) {
  ServerOptions options;
  options.json_body_limit = 1024;
  options.upload_body_limit = 100 * 1024;
  Start(options);
  TestClient client(server_->port());
  auto r = client.Send("POST", "/test/upload", std::string(100 * 1024 + 1, 'x'));
  ASSERT_TRUE(r.has_value()) << client.error().message();
  EXPECT_EQ(r->status, 413);
  EXPECT_NE(r->body.find("102400"), std::string::npos) << r->body;
  // Above both limits, a JSON route names its own limit.
  TestClient json_client(server_->port());
  auto big = json_client.Send("POST", "/test/echo", std::string(100 * 1024 + 1, 'x'),
                              {{"Content-Type", "application/json"}});
  ASSERT_TRUE(big.has_value()) << json_client.error().message();
  EXPECT_EQ(big->status, 413);
  EXPECT_NE(big->body.find("than 1024 bytes"), std::string::npos) << big->body;
}

TEST_F(ServerTest, OversizedHeaderIs431) {
  Start();
  TestClient client(server_->port());
  auto r = client.Send("GET", "/api/v1/health", "", {{"X-Padding", std::string(9000, 'a')}});
  ASSERT_TRUE(r.has_value()) << client.error().message();
  EXPECT_EQ(r->status, 431);
  EXPECT_EQ(Json(*r).at("error").as_string(), "header_too_large");
  // A long target counts against the same limit.
  TestClient other(server_->port());
  auto long_target = other.Send("GET", "/api/v1/tasks?text=" + std::string(9000, 'a'));
  ASSERT_TRUE(long_target.has_value());
  EXPECT_EQ(long_target->status, 431);
}

TEST_F(ServerTest, JsonBodiesAreCheckedForTypeSyntaxAndDepth) {
  Start();
  TestClient client(server_->port());
  const std::vector<std::pair<std::string, std::string>> json_type = {
      {"Content-Type", "application/json; charset=utf-8"}};
  auto nested = [](int depth) {
    return std::string(static_cast<size_t>(depth), '[') +
           std::string(static_cast<size_t>(depth), ']');
  };
  auto ok = client.Send("POST", "/test/echo", nested(32), json_type);
  ASSERT_TRUE(ok.has_value());
  EXPECT_EQ(ok->status, 200) << ok->body;
  auto deep = client.Send("POST", "/test/echo", nested(33), json_type);
  ASSERT_TRUE(deep.has_value());
  EXPECT_EQ(deep->status, 400);
  EXPECT_EQ(Json(*deep).at("error").as_string(), "json_too_deep");
  auto very_deep = client.Send("POST", "/test/echo", nested(100000), json_type);
  ASSERT_TRUE(very_deep.has_value());
  EXPECT_EQ(very_deep->status, 400);
  auto bad = client.Send("POST", "/test/echo", "{\"a\": ", json_type);
  ASSERT_TRUE(bad.has_value());
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(Json(*bad).at("error").as_string(), "malformed_json");
  auto not_utf8 = client.Send("POST", "/test/echo", "\"\xC3\x28\"", json_type);
  ASSERT_TRUE(not_utf8.has_value());
  EXPECT_EQ(not_utf8->status, 400);
  auto form = client.Send("POST", "/test/echo", "a=1",
                          {{"Content-Type", "application/x-www-form-urlencoded"}});
  ASSERT_TRUE(form.has_value());
  EXPECT_EQ(form->status, 415);
  EXPECT_EQ(Json(*form).at("error").as_string(), "unsupported_media_type");
}

TEST_F(ServerTest, MalformedRequestLineIs400) {
  Start();
  TestClient client(server_->port());
  client.WriteRaw("GARBAGE\r\n\r\n");
  auto r = client.Read();
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 400);
  EXPECT_TRUE(client.WaitForClose());

  TestClient absolute(server_->port());
  absolute.WriteRaw("GET http://evil.example/api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
  auto a = absolute.Read();
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->status, 400);
}

TEST_F(ServerTest, SlowClientIsDisconnectedAfterTheReadTimeout) {
  ServerOptions options;
  options.read_timeout = std::chrono::milliseconds(1000);
  Start(options);
  TestClient client(server_->port());
  client.WriteRaw("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n");  // no blank line: half a header
  EXPECT_TRUE(client.WaitForClose()) << client.error().message();
  // Other clients are served meanwhile and afterwards.
  EXPECT_EQ(Get("/api/v1/health").status, 200);
}

TEST_F(ServerTest, SlowBodyIsDisconnectedAfterTheReadTimeout) {
  ServerOptions options;
  options.read_timeout = std::chrono::milliseconds(1000);
  Start(options);
  TestClient client(server_->port());
  client.WriteRaw(
      "POST /test/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 100\r\n\r\n[1,");
  EXPECT_TRUE(client.WaitForClose());
}

TEST_F(ServerTest, IdleConnectionIsClosedAfterTheIdleTimeout) {
  ServerOptions options;
  options.idle_timeout = std::chrono::milliseconds(1000);
  Start(options);
  TestClient client(server_->port());
  auto r = client.Send("GET", "/api/v1/health");
  ASSERT_TRUE(r.has_value());
  EXPECT_TRUE(client.WaitForClose());
}

TEST_F(ServerTest, GracefulShutdownLetsTheRequestInFlightFinish) {
  Start();
  TestClient idle(server_->port());
  ASSERT_TRUE(idle.Send("GET", "/api/v1/health").has_value());

  std::promise<std::optional<ClientResponse>> result;
  std::thread request([&] {
    TestClient client(server_->port());
    result.set_value(client.Send("GET", "/test/block"));
  });
  gate_.WaitEntered();
  std::promise<int> shutdown_result;
  std::thread stopper([&] { shutdown_result.set_value(server_->Shutdown()); });
  // The idle keep-alive connection is closed without waiting for it.
  EXPECT_TRUE(idle.WaitForClose());
  gate_.Open();
  request.join();
  stopper.join();
  auto response = result.get_future().get();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "{\"done\":true}");
  EXPECT_FALSE(response->keep_alive);
  EXPECT_EQ(shutdown_result.get_future().get(), 0);
  // Nothing listens any more.
  TestClient late(server_->port());
  EXPECT_FALSE(late.Send("GET", "/api/v1/health").has_value());
}

TEST_F(ServerTest, ShutdownWaitsOnlyUpToItsTimeout) {
  ServerOptions options;
  options.shutdown_timeout = std::chrono::milliseconds(100);
  Start(options);
  std::thread request([&] {
    TestClient client(server_->port());
    client.Send("GET", "/test/block");
  });
  gate_.WaitEntered();
  std::thread opener([&] {
    // Let the handler return well after Shutdown gave up waiting (Shutdown
    // then waits for the running handler to return before it stops).
    std::this_thread::sleep_for(std::chrono::milliseconds(1000));
    gate_.Open();
  });
  EXPECT_EQ(server_->Shutdown(), 1);
  opener.join();
  server_.reset();  // closes the connection whose response was never sent
  request.join();
}

TEST_F(ServerTest, ConcurrentClientsAreAllServed) {
  ServerOptions options;
  options.workers = 3;
  Start(options);
  constexpr int kThreads = 8;
  constexpr int kRequests = 50;
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      TestClient client(server_->port());
      for (int i = 0; i < kRequests; ++i) {
        const std::string target =
            (i + t) % 3 == 0 ? "/api/v1/status?as_of=2025-06-30" : "/api/v1/health";
        auto r = client.Send("GET", target, "", {kAsSystem});
        if (r && r->status == 200) ++ok;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(ok.load(), kThreads * kRequests);
  EXPECT_EQ(LogLines(kThreads * kRequests).size(), static_cast<size_t>(kThreads * kRequests));
}

TEST_F(ServerTest, OpenApiListsExactlyTheRegisteredRoutes) {
  Start();
  ClientResponse r = Get("/api/v1/openapi.json");
  ASSERT_EQ(r.status, 200);
  json::value doc = Json(r);
  EXPECT_EQ(doc.at("openapi").as_string(), "3.0.3");
  std::set<std::pair<std::string, std::string>> documented;
  for (const auto& [path, item] : doc.at("paths").as_object()) {
    for (const auto& [method, op] : item.as_object()) {
      documented.emplace(method, std::string(path));
      EXPECT_FALSE(op.at("summary").as_string().empty()) << path;
      // The success response: 200, or 201/202 for routes that create or queue.
      const json::object& responses = op.at("responses").as_object();
      EXPECT_TRUE(responses.contains("200") || responses.contains("201") ||
                  responses.contains("202"))
          << path;
    }
  }
  std::set<std::pair<std::string, std::string>> registered;
  for (const Route& route : router_.routes()) {
    std::string method = route.method;
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    registered.emplace(method, route.pattern);
  }
  EXPECT_EQ(documented, registered);
  for (const char* path : {"/api/v1/health", "/api/v1/ready", "/api/v1/openapi.json",
                           "/api/v1/tasks", "/api/v1/status"}) {
    EXPECT_TRUE(documented.count({"get", path})) << path;
  }
  // Query parameters the handler accepts are documented.
  std::set<std::string> task_params;
  for (const json::value& p :
       doc.at("paths").at("/api/v1/tasks").at("get").at("parameters").as_array()) {
    task_params.insert(std::string(p.at("name").as_string()));
  }
  EXPECT_EQ(task_params,
            (std::set<std::string>{"as_of", "agency", "coordinating", "status", "document",
                                   "due_from", "due_to", "text", "limit", "after"}));
  EXPECT_TRUE(doc.at("components").at("schemas").as_object().contains("Error"));
}

TEST_F(ServerTest, EachRequestWritesOneLogLine) {
  Start();
  TestClient client(server_->port());
  auto r = client.Send("GET", "/api/v1/tasks?as_of=2025-03-01&limit=2&token=hunter2", "",
                       {{"X-Request-Id", "req-abc.42"}, kAsSystem});
  ASSERT_TRUE(r.has_value());
  ASSERT_EQ(r->status, 400);  // token is not a parameter of this route
  EXPECT_EQ(r->Header("x-request-id"), "req-abc.42");
  auto missing = client.Send("GET", "/nope", "", {{"X-Request-Id", "bad id with spaces"}});
  ASSERT_TRUE(missing.has_value());
  const std::string generated = missing->Header("x-request-id");
  EXPECT_FALSE(generated.empty());
  EXPECT_NE(generated, "bad id with spaces");

  const std::vector<std::string> lines = LogLines(2);
  ASSERT_EQ(lines.size(), 2u);
  json::value first = json::parse(lines[0]);
  EXPECT_EQ(first.at("method").as_string(), "GET");
  EXPECT_EQ(first.at("path").as_string(), "/api/v1/tasks");
  EXPECT_EQ(first.at("status").as_int64(), 400);
  EXPECT_EQ(first.at("request_id").as_string(), "req-abc.42");
  EXPECT_GT(first.at("bytes").as_int64(), 0);
  EXPECT_GE(first.at("duration_ms").to_number<double>(), 0.0);
  EXPECT_EQ(first.at("remote").as_string(), "127.0.0.1");
  EXPECT_FALSE(first.at("time").as_string().empty());
  const std::string query(first.at("query").as_string());
  EXPECT_NE(query.find("token=***"), std::string::npos) << query;
  EXPECT_EQ(lines[0].find("hunter2"), std::string::npos);
  json::value second = json::parse(lines[1]);
  EXPECT_EQ(second.at("status").as_int64(), 404);
  EXPECT_EQ(second.at("request_id").as_string(), generated);
}

TEST_F(ServerTest, AThrowingHandlerIsA500ThatLeaksNothing) {
  Start();
  ClientResponse r = Get("/test/throw");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(Json(r).at("error").as_string(), "internal");
  EXPECT_EQ(r.body.find("hunter2"), std::string::npos);
  // The server goes on.
  EXPECT_EQ(Get("/api/v1/health").status, 200);
}

TEST_F(ServerTest, ExpectContinueIsHonoured) {
  Start();
  TestClient client(server_->port());
  client.WriteRaw(
      "POST /test/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
      "Expect: 100-continue\r\n\r\n");
  auto interim = client.Read();
  ASSERT_TRUE(interim.has_value());
  EXPECT_EQ(interim->status, 100);
  client.WriteRaw("hello");
  auto r = client.Read();
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(Json(*r).at("bytes").as_int64(), 5);
}

TEST_F(ServerTest, PortInUseIsAnIoErrorNamingTheAddress) {
  Start();
  ServerOptions options;
  options.port = server_->port();
  Router empty;
  Server second(options, empty);
  Status s = second.Start();
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_NE(s.message().find("127.0.0.1:" + std::to_string(server_->port())), std::string::npos)
      << s.message();
}

}  // namespace
}  // namespace dondoc::http
