// Dashboard, plan and notification endpoints over a real server on
// loopback and a SQLite store with a hand-built history: exact answers,
// who may see and write what (status codes per role and agency), and
// malformed requests (bad parameters, bad JSON, wrong types, unknown
// fields). A test authenticator turns "X-Test-Role"/"X-Test-Agency" headers
// into an actor; no header is a 401.

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "http/api.h"
#include "http/server.h"
#include "http/test_client.h"
#include "service/notifications.h"
#include "service/plans.h"
#include "store/open.h"
#include "support/run_process.h"

namespace dondoc::http {
namespace {

using testing::ClientResponse;
using testing::TestClient;
namespace json = boost::json;

core::Date D(int y, int m, int d) { return *core::MakeDate(y, m, d); }
core::Timestamp At(int y, int m, int d) {
  return core::Timestamp(D(y, m, d).time_since_epoch()) + std::chrono::hours(3);
}

class DashboardRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::OpenStore("sqlite:" + dir_.path() + "/t.db");
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    store_ = std::move(*opened);
    ASSERT_TRUE(store_->Migrate().ok());
    Status s = store_->Write([&](store::Transaction& tx) -> Status {
      for (auto [name, slot] :
           {std::pair{"Sở Tài chính", &finance_}, std::pair{"Sở Nội vụ", &home_}}) {
        core::Agency a;
        a.name = name;
        a.kind = core::AgencyKind::kDepartment;
        a.valid_from = D(2000, 1, 1);
        Result<core::Id> id = tx.AddAgency(a);
        if (!id.ok()) return id.status();
        *slot = *id;
      }
      // Finance: one task overdue since 20 March; Home: one due 28 March.
      for (auto [lead, deadline] :
           {std::pair{finance_, D(2024, 3, 20)}, std::pair{home_, D(2024, 3, 28)}}) {
        core::Task t;
        t.lead_agency_id = lead;
        t.text = "Rà soát thủ tục hành chính";
        t.assigned_on = D(2024, 1, 2);
        t.deadline = deadline;
        t.created_at = At(2024, 1, 2);
        Result<core::Id> id = tx.AddTask(t, {});
        if (!id.ok()) return id.status();
        (lead == finance_ ? finance_task_ : home_task_) = *id;
      }
      core::ReportingRegime regime;
      regime.name = "Báo cáo tháng";
      regime.cadence = core::Cadence::kMonthly;
      regime.due_day = 20;
      Result<core::Id> id = tx.AddReportingRegime(regime);
      if (!id.ok()) return id.status();
      regime_ = *id;
      core::Obligation o;
      o.agency_id = finance_;
      o.text = "báo cáo tháng";
      o.starts_on = D(2024, 1, 1);
      o.regime_id = regime_;
      Result<core::Id> oid = tx.AddObligation(o);
      return oid.ok() ? Status::Ok() : oid.status();
    });
    ASSERT_TRUE(s.ok()) << s.message();

    ApiOptions options;
    options.authenticate = [](const Request& r) -> HttpResult<service::Actor> {
      auto role = r.Header("x-test-role");
      if (!role) return errors::Unauthenticated();
      service::Actor actor;
      actor.user_id = 99;
      actor.name = "test";
      Result<service::Role> parsed = service::ParseRole(*role);
      if (!parsed.ok()) return errors::Unauthenticated();
      actor.role = *parsed;
      if (auto agency = r.Header("x-test-agency")) actor.agency_id = std::stoll(*agency);
      return actor;
    };
    ASSERT_TRUE(AddApiRoutes(router_, *store_, options).ok());
    ServerOptions server_options;
    server_options.port = 0;
    server_options.log_sink = [](std::string_view) {};
    server_ = std::make_unique<Server>(server_options, router_);
    ASSERT_TRUE(server_->Start().ok());
  }

  using Headers = std::vector<std::pair<std::string, std::string>>;
  Headers Office() const { return {{"X-Test-Role", "office"}}; }
  Headers Staff(core::Id agency) const {
    return {{"X-Test-Role", "agency"}, {"X-Test-Agency", std::to_string(agency)}};
  }
  static Headers Role(const char* role) { return {{"X-Test-Role", role}}; }

  ClientResponse Send(const std::string& method, const std::string& target, const Headers& headers,
                      const std::string& body = "") {
    TestClient client(server_->port());
    Headers all = headers;
    if (!body.empty()) all.emplace_back("Content-Type", "application/json");
    auto r = client.Send(method, target, body, all);
    EXPECT_TRUE(r.has_value()) << target << ": " << client.error().message();
    return r.value_or(ClientResponse{});
  }

  static json::value Json(const ClientResponse& r) {
    boost::system::error_code ec;
    json::value v = json::parse(r.body, ec);
    EXPECT_FALSE(ec) << r.body;
    return v;
  }

  dondoc::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  Router router_;
  std::unique_ptr<Server> server_;
  core::Id finance_ = 0, home_ = 0, finance_task_ = 0, home_task_ = 0, regime_ = 0;
};

TEST_F(DashboardRoutesTest, EveryRouteNeedsAnActor) {
  for (const char* target :
       {"/api/v1/dashboard/status", "/api/v1/dashboard/due", "/api/v1/dashboard/achievement",
        "/api/v1/dashboard/timeliness", "/api/v1/dashboard/trend", "/api/v1/indicators",
        "/api/v1/targets", "/api/v1/figures", "/api/v1/reports", "/api/v1/notifications"}) {
    EXPECT_EQ(Send("GET", target, {}).status, 401) << target;
  }
  EXPECT_EQ(Send("POST", "/api/v1/figures", {}, "{}").status, 401);
  EXPECT_EQ(Send("POST", "/api/v1/notifications/1/read", {}).status, 401);
}

TEST_F(DashboardRoutesTest, StatusAndDueListsPerAgency) {
  auto r = Send("GET", "/api/v1/dashboard/status?as_of=2024-03-25", Office());
  ASSERT_EQ(r.status, 200) << r.body;
  json::value v = Json(r);
  EXPECT_EQ(v.at("total").at("open_overdue").as_int64(), 1);
  EXPECT_EQ(v.at("total").at("open_in_time").as_int64(), 1);
  EXPECT_EQ(v.at("by_agency").as_array().size(), 2U);

  r = Send("GET", "/api/v1/dashboard/status?as_of=2024-03-25", Staff(home_));
  ASSERT_EQ(r.status, 200) << r.body;
  v = Json(r);
  ASSERT_EQ(v.at("by_agency").as_array().size(), 1U);
  EXPECT_EQ(v.at("by_agency").at(0).at("agency").as_string(), "Sở Nội vụ");

  r = Send("GET", "/api/v1/dashboard/due?as_of=2024-03-25&within_days=3", Office());
  ASSERT_EQ(r.status, 200) << r.body;
  v = Json(r);
  ASSERT_EQ(v.at("overdue").as_array().size(), 1U);
  EXPECT_EQ(v.at("overdue").at(0).at("id").as_int64(), finance_task_);
  EXPECT_EQ(v.at("overdue").at(0).at("days_overdue").as_int64(), 5);
  ASSERT_EQ(v.at("due_soon").as_array().size(), 1U);
  EXPECT_EQ(v.at("due_soon").at(0).at("days_left").as_int64(), 3);

  r = Send("GET", "/api/v1/dashboard/due?as_of=2024-03-25", Staff(home_));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(Json(r).at("overdue").as_array().empty());
  // Another agency's list: 403; a bad parameter: 400 naming it.
  r = Send("GET", "/api/v1/dashboard/due?agency=S%E1%BB%9F%20T%C3%A0i%20ch%C3%ADnh", Staff(home_));
  EXPECT_EQ(r.status, 403) << r.body;
  r = Send("GET", "/api/v1/dashboard/due?within_days=-1", Office());
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("within_days"), std::string::npos);
  EXPECT_EQ(Send("GET", "/api/v1/dashboard/due?as_of=2024-02-30", Office()).status, 400);
  EXPECT_EQ(Send("GET", "/api/v1/dashboard/due?sort=id", Office()).status, 400);
  EXPECT_EQ(Send("GET", "/api/v1/dashboard/due?as_of=2024-03-25%27%20OR%201=1", Office()).status,
            400);
  // Agency staff without an agency see nothing: 403.
  EXPECT_EQ(Send("GET", "/api/v1/dashboard/due", Role("agency")).status, 403);
}

TEST_F(DashboardRoutesTest, TrendAndTimeliness) {
  auto r = Send("GET", "/api/v1/dashboard/trend?from=2024-01-01&to=2024-03-25", Role("viewer"));
  ASSERT_EQ(r.status, 200) << r.body;
  json::value v = Json(r);
  ASSERT_EQ(v.at("points").as_array().size(), 3U);
  EXPECT_EQ(v.at("points").at(2).at("day").as_string(), "2024-03-25");
  EXPECT_EQ(v.at("points").at(2).at("open_overdue").as_int64(), 1);
  EXPECT_EQ(Send("GET", "/api/v1/dashboard/trend?step=day", Office()).status, 400);
  r = Send("GET", "/api/v1/dashboard/trend?from=2020-01-01&to=2024-03-25&step=week", Office());
  EXPECT_EQ(r.status, 422) << r.body;

  r = Send("GET", "/api/v1/dashboard/timeliness?as_of=2024-03-25&from=2024-03-01&to=2024-03-31",
           Role("leader"));
  ASSERT_EQ(r.status, 200) << r.body;
  v = Json(r);
  ASSERT_EQ(v.at("rounds").as_array().size(), 1U);
  EXPECT_EQ(v.at("rounds").at(0).at("period").as_string(), "2024-M03");
  EXPECT_EQ(v.at("rounds").at(0).at("missing").as_int64(), 1);
  EXPECT_EQ(v.at("rounds").at(0).at("agencies").at(0).at("timeliness").as_string(), "missing");
  EXPECT_EQ(Send("GET", "/api/v1/dashboard/timeliness?regime=999", Office()).status, 404);
  EXPECT_EQ(
      Send("GET", "/api/v1/dashboard/timeliness?from=2024-04-01&to=2024-03-01", Office()).status,
      422);
}

TEST_F(DashboardRoutesTest, IndicatorsTargetsFiguresAndAchievement) {
  // Only the office defines indicators and targets.
  const std::string indicator = R"({"name":"Tỷ lệ hồ sơ trực tuyến","unit":"%"})";
  EXPECT_EQ(Send("POST", "/api/v1/indicators", Staff(finance_), indicator).status, 403);
  EXPECT_EQ(Send("POST", "/api/v1/indicators", Role("leader"), indicator).status, 403);
  auto r = Send("POST", "/api/v1/indicators", Office(), indicator);
  ASSERT_EQ(r.status, 201) << r.body;
  const int64_t id = Json(r).at("id").as_int64();
  EXPECT_EQ(Json(r).at("direction").as_string(), "higher");
  // Malformed bodies: syntax, unknown field, wrong type, bad enum, no body type.
  EXPECT_EQ(Send("POST", "/api/v1/indicators", Office(), "{\"name\":").status, 400);
  EXPECT_EQ(Send("POST", "/api/v1/indicators", Office(), R"({"name":"x","colour":1})").status, 400);
  EXPECT_EQ(Send("POST", "/api/v1/indicators", Office(), R"({"name":5})").status, 400);
  EXPECT_EQ(Send("POST", "/api/v1/indicators", Office(), R"({"name":"x","direction":"up"})").status,
            400);
  EXPECT_EQ(Send("POST", "/api/v1/indicators", Office(), R"({"name":""})").status, 422);
  EXPECT_EQ(Send("POST", "/api/v1/indicators", Office(), "[1]").status, 400);

  const std::string target = R"({"indicator_id":)" + std::to_string(id) +
                             R"(,"period":"2024","comparator":">=","value":80,)"
                             R"("agency_id":)" +
                             std::to_string(finance_) + "}";
  EXPECT_EQ(Send("POST", "/api/v1/targets", Staff(finance_), target).status, 403);
  r = Send("POST", "/api/v1/targets", Office(), target);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(Json(r).at("comparator").as_string(), ">=");
  EXPECT_EQ(Send("POST", "/api/v1/targets", Office(),
                 R"({"indicator_id":)" + std::to_string(id) + R"(,"period":"2024-Q5","value":1})")
                .status,
            400);
  EXPECT_EQ(Send("POST", "/api/v1/targets", Office(),
                 R"({"indicator_id":)" + std::to_string(id) + R"(,"period":"2024","value":"80"})")
                .status,
            400);
  EXPECT_EQ(Send("POST", "/api/v1/targets", Office(),
                 R"({"indicator_id":)" + std::to_string(id) +
                     R"(,"period":"2024","comparator":"range","low":5,"high":1})")
                .status,
            422);

  // Figures: finance's staff for finance (the default agency), not for home.
  const std::string figure = R"({"indicator_id":)" + std::to_string(id) +
                             R"(,"period":"2024","value":84.5,"regime_id":)" +
                             std::to_string(regime_) + "}";
  r = Send("POST", "/api/v1/figures", Staff(finance_), figure);
  EXPECT_EQ(r.status, 422) << r.body;  // a yearly figure under a monthly regime
  const std::string yearly =
      R"({"indicator_id":)" + std::to_string(id) + R"(,"period":"2024","value":84.5})";
  r = Send("POST", "/api/v1/figures", Staff(finance_), yearly);
  ASSERT_EQ(r.status, 201) << r.body;
  json::value v = Json(r);
  EXPECT_EQ(v.at("figure").at("agency_id").as_int64(), finance_);
  EXPECT_EQ(v.at("figure").at("submitted_by").as_int64(), 99);
  EXPECT_TRUE(v.at("reporting").is_null());
  const std::string for_home = R"({"indicator_id":)" + std::to_string(id) +
                               R"(,"period":"2024","value":1,"agency_id":)" +
                               std::to_string(home_) + "}";
  EXPECT_EQ(Send("POST", "/api/v1/figures", Staff(finance_), for_home).status, 403);
  EXPECT_EQ(Send("POST", "/api/v1/figures", Role("viewer"), for_home).status, 403);
  EXPECT_EQ(Send("POST", "/api/v1/figures", Staff(finance_),
                 R"({"indicator_id":)" + std::to_string(id) + R"(,"period":"2024"})")
                .status,
            400);  // no value
  EXPECT_EQ(Send("POST", "/api/v1/figures", Staff(finance_),
                 R"({"indicator_id":)" + std::to_string(id) +
                     R"(,"period":"2024","value":1,"submitted_at":"2020-01-01T00:00:00Z"})")
                .status,
            400);  // the client does not choose the submission time

  r = Send("GET", "/api/v1/figures?indicator=" + std::to_string(id), Staff(home_));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(Json(r).at("figures").as_array().empty());
  r = Send("GET", "/api/v1/dashboard/achievement?indicator=" + std::to_string(id), Office());
  ASSERT_EQ(r.status, 200) << r.body;
  v = Json(r);
  ASSERT_EQ(v.at("targets").as_array().size(), 1U);
  EXPECT_EQ(v.at("targets").at(0).at("outcome").as_string(), "met");
  EXPECT_DOUBLE_EQ(v.at("targets").at(0).at("latest").at("value").as_double(), 84.5);
  EXPECT_EQ(Send("GET", "/api/v1/dashboard/achievement?period=Q2", Office()).status, 400);
  EXPECT_EQ(Send("GET", "/api/v1/dashboard/achievement?indicator=999", Office()).status, 404);
}

TEST_F(DashboardRoutesTest, ReportSubmissions) {
  auto r = Send("GET", "/api/v1/reports", Staff(home_));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("regimes").at(0).at("cadence").as_string(), "monthly");
  const std::string path = "/api/v1/reports/" + std::to_string(regime_) + "/submissions";
  r = Send("POST", path, Staff(finance_), R"({"period":"2024-M03"})");
  ASSERT_EQ(r.status, 201) << r.body;
  json::value v = Json(r);
  EXPECT_EQ(v.at("submission").at("agency_id").as_int64(), finance_);
  EXPECT_EQ(v.at("reporting").at("due").as_string(), "2024-03-20");
  EXPECT_EQ(v.at("reporting").at("timeliness").as_string(), "late");  // submitted today
  EXPECT_EQ(Send("POST", path, Staff(home_),
                 R"({"period":"2024-M03","agency_id":)" + std::to_string(finance_) + "}")
                .status,
            403);
  EXPECT_EQ(Send("POST", path, Office(), R"({"period":"2024-M03"})").status, 400);  // no agency
  EXPECT_EQ(Send("POST", path, Staff(finance_), R"({"period":"2024-Q1"})").status, 422);
  EXPECT_EQ(
      Send("POST", "/api/v1/reports/999/submissions", Staff(finance_), R"({"period":"2024-M03"})")
          .status,
      404);
  EXPECT_EQ(
      Send("POST", "/api/v1/reports/abc/submissions", Staff(finance_), R"({"period":"2024-M03"})")
          .status,
      400);
  r = Send("GET", path, Staff(home_));
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(Json(r).at("submissions").as_array().empty());
  r = Send("GET", path, Office());
  EXPECT_EQ(Json(r).at("submissions").as_array().size(), 1U);
}

TEST_F(DashboardRoutesTest, NotificationsListAndMarkRead) {
  auto run =
      service::RunReminders(*store_, service::Actor::System(), D(2024, 3, 21), At(2024, 3, 21));
  ASSERT_TRUE(run.ok()) << run.status().message();
  ASSERT_GT(run->created, 0);
  auto r = Send("GET", "/api/v1/notifications", Staff(finance_));
  ASSERT_EQ(r.status, 200) << r.body;
  json::value v = Json(r);
  // Finance: its task is overdue (20 March) and its March report missing.
  ASSERT_EQ(v.at("notifications").as_array().size(), 2U);
  const int64_t first = v.at("notifications").at(0).at("id").as_int64();
  r = Send("GET", "/api/v1/notifications?limit=1", Staff(finance_));
  ASSERT_EQ(r.status, 200);
  EXPECT_FALSE(Json(r).at("next_before").is_null());

  r = Send("POST", "/api/v1/notifications/" + std::to_string(first) + "/read", Staff(finance_));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_FALSE(Json(r).at("read_at").is_null());
  // Not addressed to home's staff nor to the office: 404.
  EXPECT_EQ(
      Send("POST", "/api/v1/notifications/" + std::to_string(first) + "/read", Staff(home_)).status,
      404);
  EXPECT_EQ(
      Send("POST", "/api/v1/notifications/" + std::to_string(first) + "/read", Office()).status,
      404);
  EXPECT_EQ(Send("POST", "/api/v1/notifications/0/read", Office()).status, 400);
  r = Send("GET", "/api/v1/notifications?unread=true", Staff(finance_));
  EXPECT_EQ(Json(r).at("notifications").as_array().size(), 1U);
  EXPECT_EQ(Send("GET", "/api/v1/notifications?unread=maybe", Office()).status, 400);
  r = Send("GET", "/api/v1/notifications", Office());
  EXPECT_EQ(Json(r).at("notifications").as_array().size(), 3U);  // both tasks' and the report's
}

}  // namespace
}  // namespace dondoc::http
