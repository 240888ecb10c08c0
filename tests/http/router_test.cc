// The pieces of src/http that need no socket: routing, query parsing,
// percent-decoding, error bodies and status mapping, JSON bodies, the
// OpenAPI document and the log line.

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "http/errors.h"
#include "http/log.h"
#include "http/message.h"
#include "http/openapi.h"
#include "http/query.h"
#include "http/router.h"

namespace dondoc::http {
namespace {

namespace json = boost::json;

Handler Named(std::string name) {
  return [name](const Request&) { return JsonResponse(json::value(name)); };
}

RouteDoc Doc(std::string summary) {
  RouteDoc doc;
  doc.summary = std::move(summary);
  return doc;
}

Router SampleRouter() {
  Router router;
  EXPECT_TRUE(router.Add("GET", "/api/v1/tasks", BodyKind::kNone, {}, Named("list")).ok());
  EXPECT_TRUE(router.Add("POST", "/api/v1/tasks", BodyKind::kJson, {}, Named("create")).ok());
  EXPECT_TRUE(router.Add("GET", "/api/v1/tasks/{id}", BodyKind::kNone, {}, Named("one")).ok());
  EXPECT_TRUE(
      router.Add("GET", "/api/v1/tasks/{id}/events", BodyKind::kNone, {}, Named("events")).ok());
  EXPECT_TRUE(router.Add("GET", "/api/v1/agencies/{name}", BodyKind::kNone, {}, Named("ag")).ok());
  return router;
}

TEST(RouterTest, MatchesLiteralsAndParameters) {
  Router router = SampleRouter();
  RouteMatch m = router.Find("GET", "/api/v1/tasks/42");
  ASSERT_EQ(m.kind, RouteMatch::kFound);
  EXPECT_EQ(m.route->pattern, "/api/v1/tasks/{id}");
  ASSERT_EQ(m.params.size(), 1u);
  EXPECT_EQ(m.params[0].first, "id");
  EXPECT_EQ(m.params[0].second, "42");
  EXPECT_EQ(router.Find("GET", "/api/v1/tasks/42/events").route->pattern,
            "/api/v1/tasks/{id}/events");
  EXPECT_EQ(router.Find("POST", "/api/v1/tasks").route->method, "POST");
}

TEST(RouterTest, PathParametersArePercentDecodedAndValidated) {
  Router router = SampleRouter();
  RouteMatch m = router.Find("GET", "/api/v1/agencies/S%E1%BB%9F%20T%C3%A0i%20ch%C3%ADnh");
  ASSERT_EQ(m.kind, RouteMatch::kFound);
  EXPECT_EQ(m.params[0].second, "Sở Tài chính");
  EXPECT_EQ(router.Find("GET", "/api/v1/agencies/a+b").params[0].second, "a+b");  // not a query
  EXPECT_EQ(router.Find("GET", "/api/v1/agencies/%C3").kind, RouteMatch::kBadPath);
  EXPECT_EQ(router.Find("GET", "/api/v1/agencies/%zz").kind, RouteMatch::kBadPath);
  EXPECT_EQ(router.Find("GET", "/api/v1/agencies/a%2Fb").params[0].second, "a/b");
}

TEST(RouterTest, UnknownPathsAndWrongMethods) {
  Router router = SampleRouter();
  EXPECT_EQ(router.Find("GET", "/api/v1/nothing").kind, RouteMatch::kNotFound);
  EXPECT_EQ(router.Find("GET", "/api/v1/tasks/").kind, RouteMatch::kNotFound);
  EXPECT_EQ(router.Find("GET", "/api/v1/tasks//events").kind, RouteMatch::kNotFound);
  EXPECT_EQ(router.Find("GET", "/").kind, RouteMatch::kNotFound);
  EXPECT_EQ(router.Find("GET", "api/v1/tasks").kind, RouteMatch::kBadPath);
  RouteMatch m = router.Find("DELETE", "/api/v1/tasks");
  EXPECT_EQ(m.kind, RouteMatch::kMethodNotAllowed);
  EXPECT_EQ(m.allowed, (std::vector<std::string>{"GET", "POST"}));
  EXPECT_EQ(router.Find("get", "/api/v1/tasks").kind, RouteMatch::kMethodNotAllowed);
}

TEST(RouterTest, RefusesBadPatternsAndDuplicates) {
  Router router = SampleRouter();
  EXPECT_FALSE(router.Add("GET", "/api/v1/tasks", BodyKind::kNone, {}, Named("x")).ok());
  EXPECT_FALSE(router.Add("GET", "/api/v1/tasks/{n}", BodyKind::kNone, {}, Named("x")).ok());
  EXPECT_FALSE(router.Add("GET", "api", BodyKind::kNone, {}, Named("x")).ok());
  EXPECT_FALSE(router.Add("GET", "/a//b", BodyKind::kNone, {}, Named("x")).ok());
  EXPECT_FALSE(router.Add("GET", "/a/{}", BodyKind::kNone, {}, Named("x")).ok());
  EXPECT_FALSE(router.Add("GET", "/a/{b c}", BodyKind::kNone, {}, Named("x")).ok());
  EXPECT_FALSE(router.Add("GET", "/a?b", BodyKind::kNone, {}, Named("x")).ok());
}

TEST(QueryTest, PercentDecoding) {
  EXPECT_EQ(PercentDecode("a%20b+c", true).value(), "a b c");
  EXPECT_EQ(PercentDecode("a%20b+c", false).value(), "a b+c");
  EXPECT_EQ(PercentDecode("%E1%BA%A1", true).value(), "ạ");
  EXPECT_EQ(PercentDecode("ạ", true).value(), "ạ");
  EXPECT_FALSE(PercentDecode("%", true));
  EXPECT_FALSE(PercentDecode("%4", true));
  EXPECT_FALSE(PercentDecode("%G1", true));
  EXPECT_FALSE(PercentDecode("%00", true));
  EXPECT_FALSE(PercentDecode("%C0%AF", true));        // overlong '/'
  EXPECT_FALSE(PercentDecode("%ED%A0%80", true));     // surrogate
  EXPECT_FALSE(PercentDecode("%F4%90%80%80", true));  // past U+10FFFF
  EXPECT_FALSE(PercentDecode("%E1%BA", true));        // truncated
  EXPECT_TRUE(IsValidUtf8("Ủy ban nhân dân 𝄞"));
}

TEST(QueryTest, TypedAccessors) {
  auto q = QueryParams::Parse("as_of=2025-03-01&limit=20&flag=true&name=S%E1%BB%9F&empty=&&x");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(core::FormatIsoDate(q->Date("as_of")->value()), "2025-03-01");
  EXPECT_EQ(q->Int("limit", 1, 100)->value(), 20);
  EXPECT_EQ(q->Bool("flag")->value(), true);
  EXPECT_EQ(q->String("name").value(), "Sở");
  EXPECT_EQ(q->String("empty").value(), "");
  EXPECT_EQ(q->String("x").value(), "");
  EXPECT_FALSE(q->String("missing"));
  EXPECT_FALSE(q->Date("missing")->has_value());
  EXPECT_FALSE(q->Int("missing", 0, 1)->has_value());

  auto bad_int = q->Int("limit", 1, 10);
  ASSERT_FALSE(bad_int.ok());
  EXPECT_EQ(bad_int.error().status, 400);
  EXPECT_EQ(bad_int.error().code, "invalid_parameter");
  EXPECT_NE(bad_int.error().detail_en.find("'limit'"), std::string::npos);
  EXPECT_NE(bad_int.error().detail_vi.find("'limit'"), std::string::npos);
  EXPECT_FALSE(q->Date("name").ok());
  EXPECT_FALSE(q->Int("empty", 0, 10).ok());
  EXPECT_FALSE(q->Bool("name").ok());

  auto unknown = q->RequireKnown({"as_of", "limit"});
  ASSERT_TRUE(unknown.has_value());
  EXPECT_NE(unknown->detail_en.find("'flag'"), std::string::npos);
  EXPECT_FALSE(q->RequireKnown({"as_of", "limit", "flag", "name", "empty", "x"}).has_value());
}

TEST(QueryTest, RefusesDuplicatesBadEscapesAndEmptyNames) {
  EXPECT_FALSE(QueryParams::Parse("a=1&a=2").ok());
  EXPECT_FALSE(QueryParams::Parse("a=%ZZ").ok());
  EXPECT_FALSE(QueryParams::Parse("=1").ok());
  EXPECT_FALSE(QueryParams::Parse("a=%FF").ok());
  EXPECT_TRUE(QueryParams::Parse("").ok());
  auto long_value = QueryParams::Parse("d=" + std::string(500, '9'));
  ASSERT_TRUE(long_value.ok());
  auto error = long_value->Date("d");
  ASSERT_FALSE(error.ok());
  EXPECT_LT(error.error().detail_en.size(), 200u);  // the value is cut in messages
}

TEST(ErrorsTest, BodyHasCodeAndBothLanguages) {
  json::value v = json::parse(ErrorBody(errors::NotFound("/x")));
  EXPECT_EQ(v.at("error").as_string(), "not_found");
  EXPECT_EQ(std::string(v.at("detail").as_string()),
            std::string(v.at("detail_vi").as_string()) + " / " +
                std::string(v.at("detail_en").as_string()));
}

TEST(ErrorsTest, StatusCodesMapAndInternalsStayInside) {
  EXPECT_EQ(FromStatus(Status::InvalidInput("unknown agency 'X'")).status, 422);
  EXPECT_EQ(FromStatus(Status::NotFound("task 9")).status, 404);
  EXPECT_EQ(FromStatus(Status::PermissionDenied("agency staff")).status, 403);
  HttpError conflict = FromStatus(Status::Conflict("task 9 is already completed"));
  EXPECT_EQ(conflict.status, 409);
  EXPECT_EQ(conflict.code, "conflict");
  EXPECT_NE(conflict.detail_en.find("task 9 is already completed"), std::string::npos);
  HttpError internal = FromStatus(Status::Internal("SQL error near 'SELECT secret'"));
  EXPECT_EQ(internal.status, 500);
  EXPECT_EQ(ErrorBody(internal).find("SELECT"), std::string::npos);
  EXPECT_NE(internal.internal.find("SELECT"), std::string::npos);
  HttpError io = FromStatus(Status::IoError("disk full at /var/lib/x"));
  EXPECT_EQ(io.status, 500);
  EXPECT_EQ(ErrorBody(io).find("/var/lib"), std::string::npos);
  EXPECT_EQ(errors::Unauthenticated().status, 401);
  EXPECT_EQ(errors::PayloadTooLarge(10).status, 413);
  EXPECT_EQ(errors::UnsupportedMediaType("application/json").status, 415);
  EXPECT_EQ(errors::RequestTimeout().status, 408);
  EXPECT_EQ(errors::HeaderTooLarge(10).status, 431);
}

TEST(MessageTest, JsonBodyChecks) {
  Request r;
  r.headers = {{"content-type", "Application/JSON ; charset=utf-8"}};
  r.body = R"({"a":[1,2,{"b":null}]})";
  ASSERT_TRUE(ParseJsonBody(r).ok());
  r.json_max_depth = 2;
  auto deep = ParseJsonBody(r);
  ASSERT_FALSE(deep.ok());
  EXPECT_EQ(deep.error().code, "json_too_deep");
  r.headers = {{"content-type", "text/plain"}};
  EXPECT_EQ(ParseJsonBody(r).error().status, 415);
  r.headers = {};
  EXPECT_EQ(ParseJsonBody(r).error().status, 415);
  r.headers = {{"content-type", "application/json"}};
  r.body = "{";
  EXPECT_EQ(ParseJsonBody(r).error().code, "malformed_json");
  r.body = "";
  EXPECT_EQ(ParseJsonBody(r).error().code, "malformed_json");
}

TEST(MessageTest, PathIds) {
  Request r;
  r.path_params = {{"id", "17"}};
  EXPECT_EQ(r.PathId("id").value(), 17);
  for (const char* bad : {"0", "-1", "1e3", "x", "", "99999999999999999999"}) {
    r.path_params = {{"id", bad}};
    EXPECT_FALSE(r.PathId("id").ok()) << bad;
  }
}

TEST(OpenApiTest, DescribesEveryRouteWithItsParameters) {
  Router router;
  RouteDoc doc{"one task", "by id", "tasks", {{"as_of", "string", "date", false, "the day", {}}},
               {404},      ""};
  ASSERT_TRUE(router.Add("GET", "/api/v1/tasks/{id}", BodyKind::kNone, doc, Named("x")).ok());
  ASSERT_TRUE(router.Add("POST", "/api/v1/tasks", BodyKind::kJson, Doc("create"), Named("y")).ok());
  json::value api = BuildOpenApi(router, "9.9");
  EXPECT_EQ(api.at("info").at("version").as_string(), "9.9");
  const json::object& get = api.at("paths").at("/api/v1/tasks/{id}").at("get").as_object();
  EXPECT_EQ(get.at("summary").as_string(), "one task");
  const json::array& params = get.at("parameters").as_array();
  ASSERT_EQ(params.size(), 2u);
  EXPECT_EQ(params[0].at("in").as_string(), "path");
  EXPECT_EQ(params[0].at("name").as_string(), "id");
  EXPECT_EQ(params[1].at("in").as_string(), "query");
  EXPECT_EQ(params[1].at("schema").at("format").as_string(), "date");
  EXPECT_TRUE(get.at("responses").as_object().contains("404"));
  EXPECT_TRUE(api.at("paths").at("/api/v1/tasks").at("post").as_object().contains("requestBody"));
}

TEST(LogTest, LineIsJsonWithTheQueryRedacted) {
  LogEntry e;
  e.time = std::chrono::system_clock::time_point(std::chrono::milliseconds(1740816000123));
  e.request_id = "r1";
  e.method = "GET";
  e.path = "/api/v1/tasks";
  e.query = "as_of=2025-03-01&password=p%40ss&api_key=k&Token=t&text=x";
  e.status = 200;
  e.bytes = 10;
  e.duration_ms = 1.23456;
  e.user_id = 7;
  const std::string line = FormatLogLine(e);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  json::value v = json::parse(line);
  EXPECT_EQ(v.at("time").as_string(), "2025-03-01T08:00:00.123Z");
  EXPECT_EQ(v.at("query").as_string(),
            "as_of=2025-03-01&password=***&api_key=***&Token=***&text=x");
  EXPECT_EQ(v.at("user_id").as_int64(), 7);
  EXPECT_EQ(v.at("status").as_int64(), 200);
  EXPECT_DOUBLE_EQ(v.at("duration_ms").as_double(), 1.235);
  EXPECT_NE(line.find("\"duration_ms\":1.235}"), std::string::npos) << line;
  EXPECT_FALSE(v.as_object().contains("error"));
}

}  // namespace
}  // namespace dondoc::http
