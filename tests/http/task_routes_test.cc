// The task routes (http/task_routes.cc) on a real server on 127.0.0.1 over
// a SQLite store: every endpoint, its status codes per role, malformed and
// tricky requests, and the OpenAPI document's account of them. A test
// authenticator maps the X-Test-Actor header to an actor (in-process only;
// production uses http/auth.h).

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstring>
#include <map>

#include "http/api.h"
#include "http/server.h"
#include "http/test_client.h"
#include "service/import.h"
#include "store/open.h"
#include "support/run_process.h"

namespace dondoc::http {
namespace {

using testing::ClientResponse;
using testing::TestClient;
namespace json = boost::json;

class TaskRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::OpenStore("sqlite:" + dir_.path() + "/t.db");
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    store_ = std::move(opened.value());
    ASSERT_TRUE(store_->Migrate().ok());
    science_ = AddAgency("Sở Khoa học và Công nghệ");
    finance_ = AddAgency("Sở Tài chính");
    home_ = AddAgency("Sở Nội vụ");
    health_ = AddAgency("Sở Y tế");
    actors_ = {{"admin", service::Actor{1, service::Role::kAdmin, std::nullopt, "admin"}},
               {"office", service::Actor{2, service::Role::kOffice, std::nullopt, "office"}},
               {"leader", service::Actor{3, service::Role::kLeader, std::nullopt, "leader"}},
               {"viewer", service::Actor{4, service::Role::kViewer, std::nullopt, "viewer"}},
               {"science", service::Actor{5, service::Role::kAgency, science_, "science"}},
               {"finance", service::Actor{6, service::Role::kAgency, finance_, "finance"}},
               {"health", service::Actor{7, service::Role::kAgency, health_, "health"}}};
    ApiOptions options;
    options.authenticate = [this](const Request& r) -> HttpResult<service::Actor> {
      auto who = r.Header("x-test-actor");
      if (!who) return errors::Unauthenticated();
      auto it = actors_.find(*who);
      if (it == actors_.end()) return errors::Unauthenticated();
      return it->second;
    };
    ASSERT_TRUE(AddApiRoutes(router_, *store_, options).ok());
    ServerOptions server;
    server.address = "127.0.0.1";
    server.port = 0;
    server.log_sink = [](std::string_view) {};
    server_ = std::make_unique<Server>(server, router_);
    ASSERT_TRUE(server_->Start().ok());
  }
  void TearDown() override { server_.reset(); }

  core::Id AddAgency(const std::string& name) {
    core::Id id = 0;
    EXPECT_TRUE(store_
                    ->Write([&](store::Transaction& tx) -> Status {
                      core::Agency a;
                      a.name = name;
                      a.kind = core::AgencyKind::kDepartment;
                      a.valid_from = *core::MakeDate(2000, 1, 1);
                      auto added = tx.AddAgency(a);
                      if (!added.ok()) return added.status();
                      id = *added;
                      return Status::Ok();
                    })
                    .ok());
    return id;
  }

  ClientResponse Send(const std::string& method, const std::string& target, const std::string& who,
                      const std::string& body = "",
                      const std::string& content_type = "application/json") {
    TestClient client(server_->port());
    std::vector<std::pair<std::string, std::string>> headers;
    if (!who.empty()) headers.emplace_back("X-Test-Actor", who);
    if (!body.empty()) headers.emplace_back("Content-Type", content_type);
    auto r = client.Send(method, target, body, headers);
    EXPECT_TRUE(r.has_value()) << target;
    return r.value_or(ClientResponse{});
  }
  ClientResponse Post(const std::string& target, const std::string& who, const json::value& body) {
    return Send("POST", target, who, json::serialize(body));
  }
  ClientResponse Get(const std::string& target, const std::string& who) {
    return Send("GET", target, who);
  }

  static json::value Json(const ClientResponse& r) {
    boost::system::error_code ec;
    json::value v = json::parse(r.body, ec);
    EXPECT_FALSE(ec) << r.body;
    return v;
  }
  static std::string ErrorCode(const ClientResponse& r) {
    json::value v = Json(r);
    return v.is_object() && v.as_object().contains("error") ? std::string(v.at("error").as_string())
                                                            : std::string();
  }

  static std::string Today() { return core::FormatIsoDate(core::LocalDay(service::NowUtc())); }

  // Science leads, finance coordinates; assigned on 2 January 2025 and due
  // far ahead, so that it is open in time today.
  core::Id CreateTask(const std::string& deadline = "2099-12-31") {
    auto r = Post("/api/v1/tasks", "office",
                  json::object{{"lead_agency_id", science_},
                               {"coordinating_agency_ids", json::array{finance_}},
                               {"text", "Xây dựng kho dữ liệu dùng chung"},
                               {"assigned_on", "2025-01-02"},
                               {"deadline", deadline},
                               {"deadline_text", "trước ngày 31/12"}});
    EXPECT_EQ(r.status, 201) << r.body;
    if (r.status != 201) return 0;
    return Json(r).at("id").as_int64();
  }

  std::string TaskUrl(core::Id id, const std::string& rest = "") {
    return "/api/v1/tasks/" + std::to_string(id) + rest;
  }

  dondoc::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  Router router_;
  std::unique_ptr<Server> server_;
  std::map<std::string, service::Actor> actors_;
  core::Id science_ = 0, finance_ = 0, home_ = 0, health_ = 0;
};

TEST_F(TaskRoutesTest, CreateThenReadDetailAndEvents) {
  auto created = Post(
      "/api/v1/tasks", "office",
      json::object{
          {"lead_agency_id", science_},
          {"coordinating_agency_ids", json::array{finance_, home_}},
          {"text", "Rà soát thủ tục; DROP TABLE tasks;--"},
          {"assigned_on", "2025-01-02"},
          {"deadline", "2025-06-30"},
          {"span", json::object{{"line_start", 3}, {"line_end", 4}, {"start", 10}, {"end", 90}}}});
  // A span needs its document.
  EXPECT_EQ(created.status, 422) << created.body;
  created = Post("/api/v1/tasks", "office",
                 json::object{{"lead_agency_id", science_},
                              {"coordinating_agency_ids", json::array{finance_, home_}},
                              {"text", "Rà soát thủ tục'); DROP TABLE tasks;--"},
                              {"assigned_on", "2025-01-02"},
                              {"deadline", "2025-06-30"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const core::Id id = Json(created).at("id").as_int64();
  EXPECT_EQ(created.Header("location"), TaskUrl(id));

  auto detail = Get(TaskUrl(id, "?as_of=2025-03-01"), "viewer");
  ASSERT_EQ(detail.status, 200) << detail.body;
  json::value d = Json(detail);
  EXPECT_EQ(d.at("text").as_string(), "Rà soát thủ tục'); DROP TABLE tasks;--");  // stored as is
  EXPECT_EQ(d.at("lead_agency_id").as_int64(), science_);
  EXPECT_EQ(d.at("lead").as_string(), "Sở Khoa học và Công nghệ");
  EXPECT_EQ(d.at("status").as_string(), "open_in_time");
  EXPECT_EQ(d.at("deadline").as_string(), "2025-06-30");
  EXPECT_EQ(d.at("as_of").as_string(), "2025-03-01");
  EXPECT_EQ(d.at("coordinations").as_array().size(), 2u);
  EXPECT_TRUE(d.at("subtasks").as_array().empty());
  EXPECT_TRUE(d.at("pending_extension_request").is_null());
  EXPECT_EQ(Json(Get(TaskUrl(id, "?as_of=2025-07-01"), "viewer")).at("status").as_string(),
            "open_overdue");
  EXPECT_TRUE(Json(Get(TaskUrl(id, "?as_of=2024-12-31"), "viewer")).at("status").is_null());

  auto events = Get(TaskUrl(id, "/events"), "finance");  // a coordinator reads
  ASSERT_EQ(events.status, 200) << events.body;
  EXPECT_TRUE(Json(events).at("events").as_array().empty());
  EXPECT_EQ(Get(TaskUrl(id), "health").status, 403);  // another agency
  EXPECT_EQ(Get(TaskUrl(id, "/events"), "health").status, 403);
  EXPECT_EQ(Get(TaskUrl(999999), "viewer").status, 404);

  // Only office and admin create.
  for (const char* who : {"leader", "viewer", "science"}) {
    auto r = Post("/api/v1/tasks", who,
                  json::object{{"lead_agency_id", science_}, {"text", "Nhiệm vụ"}});
    EXPECT_EQ(r.status, 403) << who << " " << r.body;
  }
  EXPECT_EQ(
      Post("/api/v1/tasks", "admin", json::object{{"lead_agency_id", science_}, {"text", "x"}})
          .status,
      201);
  // Data the service refuses: 422 naming the value.
  auto unknown = Post("/api/v1/tasks", "office",
                      json::object{{"lead_agency_id", 987654}, {"text", "Nhiệm vụ"}});
  EXPECT_EQ(unknown.status, 422);
  EXPECT_NE(unknown.body.find("987654"), std::string::npos);
}

TEST_F(TaskRoutesTest, EveryRouteNeedsAuthentication) {
  const core::Id id = CreateTask();
  for (const Route& route : router_.routes()) {
    if (route.pattern.find("/api/v1/tasks") != 0) continue;
    std::string target = route.pattern;
    for (const char* param : {"{id}", "{event_id}"}) {
      const size_t at = target.find(param);
      if (at != std::string::npos) target.replace(at, std::strlen(param), std::to_string(id));
    }
    auto r = Send(route.method, target, "", route.method == "POST" ? "{}" : "");
    EXPECT_EQ(r.status, 401) << route.method << " " << target << " " << r.body;
    r = Send(route.method, target, "nobody", route.method == "POST" ? "{}" : "");
    EXPECT_EQ(r.status, 401) << route.method << " " << target;
  }
}

TEST_F(TaskRoutesTest, MalformedBodiesAreRefusedNamingTheField) {
  const core::Id id = CreateTask();
  const std::string progress = TaskUrl(id, "/progress");
  auto expect_400 = [&](const std::string& target, const std::string& body,
                        const std::string& names) {
    auto r = Send("POST", target, "science", body);
    EXPECT_EQ(r.status, 400) << body << " -> " << r.body;
    EXPECT_NE(r.body.find(names), std::string::npos) << body << " -> " << r.body;
  };
  expect_400(progress, "{\"percent\": 10,", "malformed_json");
  expect_400(progress, "[1, 2]", "JSON object");
  expect_400(progress, "\"percent\"", "JSON object");
  expect_400(progress, R"({"percent": 10, "colour": "red"})", "'colour'");
  expect_400(progress, R"({"percent": "10"})", "'percent'");
  expect_400(progress, R"({"percent": 10.5})", "'percent'");
  expect_400(progress, R"({"percent": 101})", "'percent'");
  expect_400(progress, R"({"percent": 99999999999999999999})", "'percent'");
  expect_400(progress, R"({"note": "x"})", "'percent'");  // required
  expect_400(progress, R"({"percent": 10, "note": 5})", "'note'");
  expect_400(progress, R"({"percent": 10, "percent": 20, "x": 1})", "'x'");
  expect_400(TaskUrl(id, "/extensions"), R"({"deadline": "2099-1-5", "reason": "x"})",
             "'deadline'");
  expect_400(TaskUrl(id, "/extensions"), R"({"deadline": "2099-02-30", "reason": "x"})",
             "'deadline'");
  expect_400(TaskUrl(id, "/extensions"), R"({"deadline": 20990105, "reason": "x"})", "'deadline'");
  expect_400(TaskUrl(id, "/complete"), R"({"evidence": ["a"]})", "'evidence'");
  expect_400(TaskUrl(id, "/coordination"), R"({"acknowledge": "yes"})", "'acknowledge'");
  expect_400(TaskUrl(id, "/coordination"), R"({"agency_id": -3})", "'agency_id'");
  auto office_400 = [&](const std::string& body, const std::string& names) {
    auto r = Send("POST", "/api/v1/tasks", "office", body);
    EXPECT_EQ(r.status, 400) << body << " -> " << r.body;
    EXPECT_NE(r.body.find(names), std::string::npos) << body << " -> " << r.body;
  };
  office_400(R"({"text": "x"})", "'lead_agency_id'");
  office_400(R"({"lead_agency_id": "1", "text": "x"})", "'lead_agency_id'");
  office_400(R"({"lead_agency_id": 1, "text": "x", "coordinating_agency_ids": [2, "x"]})",
             "'coordinating_agency_ids'");
  office_400(R"({"lead_agency_id": 1, "text": "x", "coordinating_agency_ids": 2})",
             "'coordinating_agency_ids'");
  office_400(R"({"lead_agency_id": 1, "text": "x", "span": {"start": 1, "end": 2, "line_start": 1,
             "line_end": 1, "evil": 1}})",
             "'span.evil'");
  office_400(R"({"lead_agency_id": 1, "text": "x", "span": {"start": 1}})", "'span.line_start'");
  office_400(R"({"lead_agency_id": 1, "text": "x", "assigned_on": "2025-01-02T00:00:00Z"})",
             "'assigned_on'");

  // Not JSON at all: 415.
  auto r = Send("POST", progress, "science", "percent=10", "application/x-www-form-urlencoded");
  EXPECT_EQ(r.status, 415) << r.body;
  // A body nested too deep.
  std::string deep(100, '[');
  deep += std::string(100, ']');
  r = Send("POST", progress, "science", deep);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(ErrorCode(r), "json_too_deep");
  // Nothing was recorded by any of them.
  EXPECT_TRUE(Json(Get(TaskUrl(id, "/events"), "office")).at("events").as_array().empty());
}

TEST_F(TaskRoutesTest, PathAndQueryTricks) {
  const core::Id id = CreateTask();
  for (const std::string& bad :
       {std::string("/api/v1/tasks/abc"), std::string("/api/v1/tasks/0"),
        std::string("/api/v1/tasks/-1"), std::string("/api/v1/tasks/1%20OR%201=1"),
        std::string("/api/v1/tasks/1';DROP%20TABLE%20tasks;--"),
        std::string("/api/v1/tasks/99999999999999999999999"),
        std::string("/api/v1/tasks/%31%00")}) {
    auto r = Get(bad, "office");
    EXPECT_EQ(r.status, 400) << bad << " " << r.body;
  }
  EXPECT_EQ(Get("/api/v1/tasks/" + std::to_string(id) + "/../1", "office").status, 404);
  EXPECT_EQ(Get(TaskUrl(id, "?as_of=2025-01-01'%20OR%201=1"), "office").status, 400);
  EXPECT_EQ(Get(TaskUrl(id, "?as_of=2025-01-01&as_of=2025-02-01"), "office").status, 400);
  EXPECT_EQ(Get(TaskUrl(id, "?limit=5"), "office").status, 400);  // unknown parameter
  auto approve = Send("POST", TaskUrl(id, "/extensions/1%3B%20DELETE/approve"), "leader", "{}");
  EXPECT_EQ(approve.status, 400) << approve.body;
  EXPECT_NE(approve.body.find("event_id"), std::string::npos);
  EXPECT_EQ(Send("DELETE", TaskUrl(id), "office").status, 405);
  EXPECT_EQ(Send("PUT", TaskUrl(id, "/progress"), "office", "{}").status, 405);
  // The task is still there and unchanged.
  EXPECT_EQ(Get(TaskUrl(id), "office").status, 200);
}

TEST_F(TaskRoutesTest, LifecycleStatusCodesByRole) {
  const core::Id id = CreateTask("2099-06-30");
  // Progress: the lead's staff; a coordinator, other agencies, viewers and leaders may not.
  EXPECT_EQ(Post(TaskUrl(id, "/progress"), "science", json::object{{"percent", 30}}).status, 201);
  for (const char* who : {"finance", "health", "viewer", "leader"}) {
    EXPECT_EQ(Post(TaskUrl(id, "/progress"), who, json::object{{"percent", 30}}).status, 403)
        << who;
  }
  EXPECT_EQ(Post(TaskUrl(999999, "/progress"), "office", json::object{{"percent", 30}}).status,
            404);

  // Extension: requested by the lead, decided by the leader.
  auto request = Post(TaskUrl(id, "/extensions"), "science",
                      json::object{{"deadline", "2099-12-31"}, {"reason", "chờ số liệu"}});
  ASSERT_EQ(request.status, 201) << request.body;
  const core::Id request_id = Json(request).at("event_id").as_int64();
  EXPECT_EQ(request.Header("location"), TaskUrl(id, "/events"));
  EXPECT_EQ(Post(TaskUrl(id, "/extensions"), "science",
                 json::object{{"deadline", "2099-11-30"}, {"reason", "lần hai"}})
                .status,
            409);
  EXPECT_EQ(Json(Get(TaskUrl(id), "science")).at("pending_extension_request").as_int64(),
            request_id);
  const std::string approve = TaskUrl(id, "/extensions/" + std::to_string(request_id) + "/approve");
  EXPECT_EQ(Send("POST", approve, "science", "").status, 403);
  EXPECT_EQ(Send("POST", approve, "viewer", "").status, 403);
  EXPECT_EQ(Send("POST", TaskUrl(id, "/extensions/999999/approve"), "leader", "").status, 404);
  auto first_event = Json(Get(TaskUrl(id, "/events"), "office")).at("events").at(0);
  EXPECT_EQ(first_event.at("kind").as_string(), "progress");
  EXPECT_EQ(Send("POST",
                 TaskUrl(id, "/extensions/" + std::to_string(first_event.at("id").as_int64()) +
                                 "/approve"),
                 "leader", "")
                .status,
            422);                                       // not a request
  auto approved = Send("POST", approve, "leader", "");  // no body: every field optional
  ASSERT_EQ(approved.status, 201) << approved.body;
  EXPECT_EQ(Json(Get(TaskUrl(id), "viewer")).at("deadline").as_string(), "2099-12-31");
  EXPECT_EQ(Send("POST", approve, "leader", "").status, 409);
  EXPECT_EQ(Post(TaskUrl(id, "/extensions/" + std::to_string(request_id) + "/refuse"), "office",
                 json::object{{"note", "không"}})
                .status,
            409);
  auto second = Post(TaskUrl(id, "/extensions"), "science",
                     json::object{{"deadline", "2100-06-30"}, {"reason", "thêm"}});
  ASSERT_EQ(second.status, 201);
  const std::string refuse = TaskUrl(
      id, "/extensions/" + std::to_string(Json(second).at("event_id").as_int64()) + "/refuse");
  EXPECT_EQ(Send("POST", refuse, "leader", "").status, 400);  // a refusal needs its note
  EXPECT_EQ(Post(refuse, "leader", json::object{{"note", "không đủ lý do"}}).status, 201);
  EXPECT_EQ(Json(Get(TaskUrl(id), "viewer")).at("deadline").as_string(), "2099-12-31");

  // Sub-task, comment, coordination.
  auto sub =
      Post(TaskUrl(id, "/subtasks"), "science",
           json::object{
               {"lead_agency_id", home_}, {"text", "Rà soát quy chế"}, {"deadline", "2099-03-31"}});
  ASSERT_EQ(sub.status, 201) << sub.body;
  const core::Id sub_id = Json(sub).at("id").as_int64();
  EXPECT_EQ(Json(sub).at("parent_id").as_int64(), id);
  EXPECT_EQ(Post(TaskUrl(id, "/subtasks"), "finance",
                 json::object{{"lead_agency_id", home_}, {"text", "x"}})
                .status,
            403);
  EXPECT_EQ(Post(TaskUrl(id, "/comments"), "finance", json::object{{"text", "đã nhận"}}).status,
            201);
  EXPECT_EQ(Post(TaskUrl(id, "/comments"), "health", json::object{{"text", "x"}}).status, 403);
  auto ack = Post(TaskUrl(id, "/coordination"), "finance", json::object{{"acknowledge", true}});
  ASSERT_EQ(ack.status, 200) << ack.body;
  EXPECT_EQ(Json(ack).at("acknowledged_on").as_string(), Today());
  EXPECT_EQ(
      Post(TaskUrl(id, "/coordination"), "finance", json::object{{"acknowledge", true}}).status,
      409);
  EXPECT_EQ(Post(TaskUrl(id, "/coordination"), "finance",
                 json::object{{"contribution", "số liệu ngân sách"}})
                .status,
            200);
  EXPECT_EQ(Post(TaskUrl(id, "/coordination"), "office", json::object{{"contribution", "số liệu"}})
                .status,
            422);  // which agency?

  // Completion waits for the sub-task; then 409 on a second completion.
  EXPECT_EQ(
      Post(TaskUrl(id, "/complete"), "science", json::object{{"evidence", "biên bản"}}).status,
      409);
  EXPECT_EQ(Post(TaskUrl(sub_id, "/cancel"), "science", json::object{{"note", "không cần"}}).status,
            403);  // agencies do not cancel
  EXPECT_EQ(Post(TaskUrl(sub_id, "/cancel"), "office", json::object{{"note", "không cần"}}).status,
            201);
  auto done = Post(TaskUrl(id, "/complete"), "science",
                   json::object{{"evidence", "biên bản"}, {"completed_on", Today()}});
  ASSERT_EQ(done.status, 201) << done.body;
  EXPECT_EQ(Json(Get(TaskUrl(id), "viewer")).at("status").as_string(), "done_on_time");
  EXPECT_EQ(Post(TaskUrl(id, "/complete"), "science", json::object{{"evidence", "lần hai"}}).status,
            409);
  EXPECT_EQ(Post(TaskUrl(id, "/complete"), "science",
                 json::object{{"evidence", "x"}, {"completed_on", "2999-01-01"}})
                .status,
            409);  // still completed: the conflict comes first

  // Reopen and reassign are the office's.
  EXPECT_EQ(Post(TaskUrl(id, "/reopen"), "science", json::object{{"note", "thiếu"}}).status, 403);
  EXPECT_EQ(Post(TaskUrl(id, "/reopen"), "office", json::object{{"note", "thiếu hồ sơ"}}).status,
            201);
  EXPECT_EQ(Post(TaskUrl(id, "/reopen"), "office", json::object{{"note", "lần hai"}}).status, 409);
  EXPECT_EQ(
      Post(TaskUrl(id, "/reassign"), "science", json::object{{"lead_agency_id", health_}}).status,
      403);
  EXPECT_EQ(
      Post(TaskUrl(id, "/reassign"), "office", json::object{{"lead_agency_id", health_}}).status,
      201);
  EXPECT_EQ(Json(Get(TaskUrl(id), "health")).at("lead_agency_id").as_int64(), health_);
  EXPECT_EQ(Post(TaskUrl(id, "/progress"), "science", json::object{{"percent", 50}}).status, 403);
  EXPECT_EQ(Post(TaskUrl(id, "/cancel"), "leader", json::object{{"note", "x"}}).status, 403);
  EXPECT_EQ(Post(TaskUrl(id, "/cancel"), "office", json::object{{"note", "dừng"}}).status, 201);
  EXPECT_EQ(Post(TaskUrl(id, "/cancel"), "office", json::object{{"note", "dừng"}}).status, 409);
  EXPECT_TRUE(Json(Get(TaskUrl(id), "viewer")).at("cancelled").as_bool());

  auto history = Json(Get(TaskUrl(id, "/events"), "viewer")).at("events").as_array();
  std::vector<std::string> kinds;
  for (const json::value& e : history) kinds.emplace_back(e.at("kind").as_string());
  EXPECT_EQ(kinds, (std::vector<std::string>{"progress", "extension_requested",
                                             "extension_approved", "extension_requested",
                                             "extension_refused", "comment", "comment", "comment",
                                             "completed", "reopened", "reassigned", "cancelled"}));
  EXPECT_EQ(history[2].at("request_event_id").as_int64(), request_id);
  EXPECT_EQ(history[0].at("actor_user_id").as_int64(), 5);
}

TEST_F(TaskRoutesTest, TaskListFiltersByDueDates) {
  CreateTask("2099-03-31");
  const core::Id later = CreateTask("2099-09-30");
  auto r = Get("/api/v1/tasks?as_of=2099-01-01&due_from=2099-06-01&due_to=2099-12-31", "office");
  ASSERT_EQ(r.status, 200) << r.body;
  auto tasks = Json(r).at("tasks").as_array();
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(tasks[0].at("id").as_int64(), later);
  r = Get("/api/v1/tasks?as_of=2099-01-01&due_to=2099-12-31", "office");
  EXPECT_EQ(Json(r).at("tasks").as_array().size(), 2u);
  EXPECT_EQ(Get("/api/v1/tasks?due_from=2099-6-1", "office").status, 400);
  EXPECT_EQ(Get("/api/v1/tasks?due_from=2099-06-01&due_to=2099-01-01", "office").status, 422);
}

TEST_F(TaskRoutesTest, OpenApiDescribesEveryTaskRoute) {
  auto r = Get("/api/v1/openapi.json", "");
  ASSERT_EQ(r.status, 200);
  json::value doc = Json(r);
  const json::object& paths = doc.at("paths").as_object();
  const json::object& schemas = doc.at("components").at("schemas").as_object();
  int task_routes = 0;
  for (const Route& route : router_.routes()) {
    if (route.pattern.find("/api/v1/tasks/") != 0 && route.pattern != "/api/v1/tasks") continue;
    if (route.pattern == "/api/v1/tasks/{id}/audit") continue;  // audit_routes.cc's
    ++task_routes;
    std::string method = route.method;
    for (char& c : method) c = static_cast<char>(std::tolower(c));
    const json::value& op = paths.at(route.pattern).at(method);
    const json::object& responses = op.at("responses").as_object();
    const std::string ok = std::to_string(route.doc.success_status);
    ASSERT_TRUE(responses.contains(ok)) << route.pattern;
    const std::string ref(
        responses.at(ok).at("content").at("application/json").at("schema").at("$ref").as_string());
    EXPECT_TRUE(schemas.contains(ref.substr(ref.rfind('/') + 1))) << ref;
    if (route.method == "POST") {
      const std::string body_ref(op.at("requestBody")
                                     .at("content")
                                     .at("application/json")
                                     .at("schema")
                                     .at("$ref")
                                     .as_string());
      EXPECT_TRUE(schemas.contains(body_ref.substr(body_ref.rfind('/') + 1))) << body_ref;
      EXPECT_TRUE(responses.contains("409") || route.pattern == "/api/v1/tasks") << route.pattern;
    }
  }
  EXPECT_EQ(task_routes, 15);
  EXPECT_TRUE(paths.at("/api/v1/tasks").at("post").at("responses").as_object().contains("201"));
  EXPECT_FALSE(schemas.at("NewTask").at("additionalProperties").as_bool());
}

}  // namespace
}  // namespace dondoc::http
