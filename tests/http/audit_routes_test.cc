// GET /api/v1/tasks/{id}/audit and /api/v1/audit on a real server on
// 127.0.0.1 over a SQLite store: the trail's content, and who may read it
// (a test authenticator in this process stands for sessions: the header
// X-Test-Actor names the role; no header is unauthenticated).

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "http/api.h"
#include "http/server.h"
#include "http/test_client.h"
#include "store/open.h"
#include "support/run_process.h"

namespace dondoc::http {
namespace {

using testing::ClientResponse;
using testing::TestClient;
namespace json = boost::json;

core::Date Day(std::string_view iso) { return *core::ParseIsoDate(iso); }

class AuditRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::OpenStore("sqlite:" + dir_.path() + "/audit.db");
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    store_ = std::move(opened).value();
    ASSERT_TRUE(store_->Migrate().ok());
    ASSERT_TRUE(store_
                    ->Write([&](store::Transaction& tx) {
                      core::Agency a;
                      a.kind = core::AgencyKind::kDepartment;
                      a.valid_from = Day("2000-01-01");
                      a.name = "Sở Công Thương";
                      auto one = tx.AddAgency(a);
                      if (!one.ok()) return one.status();
                      lead_ = *one;
                      a.name = "Sở Y tế";
                      auto two = tx.AddAgency(a);
                      if (!two.ok()) return two.status();
                      other_ = *two;
                      core::Document d;
                      d.kind = "Kế hoạch";
                      d.title = "Kế hoạch phát triển thương mại";
                      d.registered_at = core::Timestamp(Day("2025-01-02"));
                      auto doc = tx.AddDocument(d);
                      if (!doc.ok()) return doc.status();
                      document_ = *doc;
                      core::Task t;
                      t.lead_agency_id = lead_;
                      t.text = "Tổ chức hội chợ";
                      t.assigned_on = Day("2025-01-02");
                      t.deadline = Day("2025-06-30");
                      t.created_at = core::Timestamp(t.assigned_on);
                      auto task = tx.AddTask(t, {});
                      if (!task.ok()) return task.status();
                      task_ = *task;
                      return Status::Ok();
                    })
                    .ok());
    ASSERT_TRUE(store_
                    ->Write(store::AuditActor{11, "Trần Văn Bình"},
                            [&](store::Transaction& tx) {
                              core::TaskEvent e;
                              e.task_id = task_;
                              e.kind = core::TaskEventKind::kExtensionRequested;
                              e.effective_on = Day("2025-06-20");
                              e.recorded_at = core::Timestamp(e.effective_on);
                              e.deadline = Day("2025-08-31");
                              e.note = "chờ kinh phí";
                              return tx.AddTaskEvent(e).status();
                            })
                    .ok());

    ApiOptions options;
    const core::Id lead = lead_;
    const core::Id other = other_;
    options.authenticate = [lead, other](const Request& r) -> HttpResult<service::Actor> {
      const std::optional<std::string> who = r.Header("x-test-actor");
      if (!who) return errors::Unauthenticated();
      service::Actor actor;
      actor.user_id = 1;
      actor.name = *who;
      if (*who == "lead-agency" || *who == "other-agency") {
        actor.role = service::Role::kAgency;
        actor.agency_id = *who == "lead-agency" ? lead : other;
        return actor;
      }
      auto role = service::ParseRole(*who);
      if (!role.ok()) return errors::Unauthenticated();
      actor.role = *role;
      return actor;
    };
    ASSERT_TRUE(AddApiRoutes(router_, *store_, options).ok());
    ServerOptions server_options;
    server_options.address = "127.0.0.1";
    server_options.port = 0;
    server_options.log_sink = [](std::string_view) {};
    server_ = std::make_unique<Server>(server_options, router_);
    ASSERT_TRUE(server_->Start().ok());
  }
  void TearDown() override { server_.reset(); }

  ClientResponse Get(const std::string& target, const std::string& who) {
    TestClient client(server_->port());
    std::optional<ClientResponse> r = who.empty()
                                          ? client.Send("GET", target, "", {})
                                          : client.Send("GET", target, "", {{"X-Test-Actor", who}});
    EXPECT_TRUE(r.has_value()) << target;
    return r.value_or(ClientResponse{});
  }

  static json::value Json(const ClientResponse& r) {
    boost::system::error_code ec;
    json::value v = json::parse(r.body, ec);
    EXPECT_FALSE(ec) << r.body;
    return v;
  }

  std::string TaskPath() const { return "/api/v1/tasks/" + std::to_string(task_) + "/audit"; }

  dondoc::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  core::Id lead_ = 0, other_ = 0, document_ = 0, task_ = 0;
  Router router_;
  std::unique_ptr<Server> server_;
};

TEST_F(AuditRoutesTest, TaskTrailListsWhoDidWhatWithValuesAndChainLinks) {
  const ClientResponse r = Get(TaskPath(), "office");
  ASSERT_EQ(r.status, 200) << r.body;
  const json::value body = Json(r);
  const json::array& records = body.at("records").as_array();
  ASSERT_EQ(records.size(), 2u) << r.body;
  EXPECT_EQ(records[0].at("action").as_string(), "task.add");
  EXPECT_EQ(records[0].at("actor").as_string(), "system");
  EXPECT_TRUE(records[0].at("before").is_null());
  EXPECT_EQ(records[0].at("after").at("text").as_string(), "Tổ chức hội chợ");
  EXPECT_EQ(records[1].at("action").as_string(), "task.extension_requested");
  EXPECT_EQ(records[1].at("actor").as_string(), "Trần Văn Bình");
  EXPECT_EQ(records[1].at("actor_user_id").as_int64(), 11);
  EXPECT_EQ(records[1].at("after").at("deadline").as_string(), "2025-08-31");
  EXPECT_EQ(records[1].at("after").at("note").as_string(), "chờ kinh phí");
  EXPECT_EQ(records[1].at("hash").as_string().size(), 64u);
  EXPECT_GT(records[1].at("seq").as_int64(), records[0].at("seq").as_int64());
}

TEST_F(AuditRoutesTest, WhoMayReadTheTaskMayReadItsTrail) {
  EXPECT_EQ(Get(TaskPath(), "").status, 401);
  EXPECT_EQ(Get(TaskPath(), "lead-agency").status, 200);
  EXPECT_EQ(Get(TaskPath(), "viewer").status, 200);
  EXPECT_EQ(Get(TaskPath(), "leader").status, 200);
  const ClientResponse refused = Get(TaskPath(), "other-agency");
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_EQ(Get("/api/v1/tasks/999999/audit", "office").status, 404);
  EXPECT_EQ(Get("/api/v1/tasks/abc/audit", "office").status, 400);
  EXPECT_EQ(Get("/api/v1/tasks/0/audit", "office").status, 400);
  EXPECT_EQ(Get(TaskPath() + "?x=1", "office").status, 400);
}

TEST_F(AuditRoutesTest, AnyEntityTrailIsForAdminAndOffice) {
  const std::string path = "/api/v1/audit?entity=document&id=" + std::to_string(document_);
  const ClientResponse ok = Get(path, "admin");
  ASSERT_EQ(ok.status, 200) << ok.body;
  const json::value body = Json(ok);
  const json::array& records = body.at("records").as_array();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].at("action").as_string(), "document.add");
  EXPECT_EQ(records[0].at("after").at("title").as_string(), "Kế hoạch phát triển thương mại");
  EXPECT_EQ(Get(path, "office").status, 200);
  EXPECT_EQ(Get(path, "leader").status, 403);
  EXPECT_EQ(Get(path, "viewer").status, 403);
  EXPECT_EQ(Get(path, "lead-agency").status, 403);
  EXPECT_EQ(Get(path, "").status, 401);
  // A task through this route follows the task's rule.
  const std::string task = "/api/v1/audit?entity=task&id=" + std::to_string(task_);
  EXPECT_EQ(Get(task, "lead-agency").status, 200);
  EXPECT_EQ(Get(task, "other-agency").status, 403);
  // Bad requests name what is wrong.
  const ClientResponse unknown = Get("/api/v1/audit?entity=users&id=1", "office");
  EXPECT_EQ(unknown.status, 422);
  EXPECT_NE(unknown.body.find("expected one of"), std::string::npos) << unknown.body;
  EXPECT_EQ(Get("/api/v1/audit?entity=document", "office").status, 400);
  EXPECT_EQ(Get("/api/v1/audit?id=1", "office").status, 400);
  EXPECT_EQ(Get(path + "&limit=5", "office").status, 400);
  EXPECT_EQ(Get("/api/v1/audit?entity=task&id=1%27%20OR%201=1", "office").status, 422);
}

}  // namespace
}  // namespace dondoc::http
