// Documents, import jobs, the review queue and agencies over a real server
// on loopback (SQLite store): uploads of text, DOCX and PDF built at test
// time, their jobs to done and to failed, search with and without accents,
// the detail with spans, confirm/edit/reject, permissions and hostile
// parameters. Requests name their actor in an X-Test-Actor header that only
// this test's Authenticator reads.

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "document/fixtures.h"
#include "http/api.h"
#include "http/openapi.h"
#include "http/server.h"
#include "http/test_client.h"
#include "service/fixture.h"
#include "store/open.h"
#include "support/run_process.h"

namespace dondoc::http {
namespace {

using testing::ClientResponse;
using testing::TestClient;
namespace json = boost::json;
using service::testing::kDecision;
using service::testing::kPlan;

constexpr uint64_t kUploadLimit = 2ULL * 1024 * 1024;

// "role" or "role:agency_id"; no header: 401.
HttpResult<service::Actor> TestActor(const Request& request) {
  std::optional<std::string> header = request.Header("x-test-actor");
  if (!header) return errors::Unauthenticated();
  const std::string value = *header;
  const size_t colon = value.find(':');
  auto role = service::ParseRole(value.substr(0, colon));
  if (!role.ok()) return errors::Unauthenticated();
  service::Actor actor;
  actor.role = *role;
  actor.user_id = 7;
  actor.name = "test " + value;
  if (colon != std::string::npos) actor.agency_id = std::stoll(value.substr(colon + 1));
  return actor;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string PlanDocx() {
  std::string body;
  for (const std::string& line : Lines(kPlan)) body += dondoc::testing::WordParagraph({line});
  return dondoc::testing::MakeZip({{"[Content_Types].xml", "<Types/>"},
                                   {"word/document.xml", dondoc::testing::WordDocument(body)}});
}

// The decision as a PDF, its lines short enough for one A4 line each.
std::string DecisionPdf() {
  std::vector<std::string> lines;
  for (const std::string& line : Lines(kDecision)) {
    if (line.size() <= 90) {
      lines.push_back(line);
    } else {
      lines.push_back(line.substr(0, line.rfind(' ', 80)));
      lines.push_back(line.substr(line.rfind(' ', 80) + 1));
    }
  }
  return dondoc::testing::MakeTextPdf({lines});
}

std::string EncryptedPdf() {
  const std::string hex32(64, 'A');
  return dondoc::testing::MakeRawPdf(
      {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
       "<< /Filter /Standard /V 1 /R 2 /O <" + hex32 + "> /U <" + hex32 + "> /P -4 >>"},
      "/Encrypt 4 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> "
      "<0123456789ABCDEF0123456789ABCDEF>]");
}

class DocumentRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::OpenStore("sqlite:" + dir_.path() + "/t.db");
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    store_ = std::move(opened.value());
    ASSERT_TRUE(store_->Migrate().ok());
    committee_ = AddAgency("Ủy ban nhân dân tỉnh", "UBND tỉnh",
                           core::AgencyKind::kProvincialCommittee, std::nullopt);
    science_ = AddAgency("Sở Khoa học và Công nghệ", "Sở KH&CN", core::AgencyKind::kDepartment,
                         committee_);
    finance_ = AddAgency("Sở Tài chính", "", core::AgencyKind::kDepartment, committee_);
    AddAgency("Sở Nội vụ", "", core::AgencyKind::kDepartment, committee_);
    AddAgency("Sở Y tế", "", core::AgencyKind::kDepartment, committee_);

    ApiOptions api;
    api.province = "An Lạc";
    api.authenticate = TestActor;
    ASSERT_TRUE(AddApiRoutes(router_, *store_, api).ok());
    ServerOptions options;
    options.address = "127.0.0.1";
    options.port = 0;
    options.upload_body_limit = kUploadLimit;
    options.log_sink = [](std::string_view) {};
    server_ = std::make_unique<Server>(options, router_);
    ASSERT_TRUE(server_->Start().ok());
    client_ = std::make_unique<TestClient>(server_->port());
  }
  void TearDown() override {
    client_.reset();
    server_.reset();
  }

  core::Id AddAgency(const std::string& name, const std::string& abbreviation,
                     core::AgencyKind kind, std::optional<core::Id> parent) {
    core::Id id = 0;
    Status s = store_->Write([&](store::Transaction& tx) -> Status {
      core::Agency a;
      a.name = name;
      a.abbreviation = abbreviation;
      a.kind = kind;
      a.parent_id = parent;
      a.valid_from = service::testing::D(2000, 1, 1);
      Result<core::Id> added = tx.AddAgency(a);
      if (!added.ok()) return added.status();
      id = *added;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return id;
  }

  ClientResponse Send(const std::string& method, const std::string& target,
                      const std::string& body = "", const std::string& actor = "office",
                      std::vector<std::pair<std::string, std::string>> headers = {}) {
    if (!actor.empty()) headers.emplace_back("X-Test-Actor", actor);
    auto r = client_->Send(method, target, body, headers);
    if (!r) {
      // The server closes after some errors: reconnect for the next request.
      client_ = std::make_unique<TestClient>(server_->port());
      ADD_FAILURE() << method << " " << target << ": no response";
      return {};
    }
    if (!r->keep_alive) client_ = std::make_unique<TestClient>(server_->port());
    return *r;
  }
  ClientResponse Get(const std::string& target, const std::string& actor = "office") {
    return Send("GET", target, "", actor);
  }
  ClientResponse PostJson(const std::string& target, const std::string& body,
                          const std::string& actor = "office") {
    return Send("POST", target, body, actor, {{"Content-Type", "application/json"}});
  }
  ClientResponse Upload(const std::string& name, const std::string& bytes,
                        const std::string& type = "application/octet-stream",
                        const std::string& actor = "office") {
    return Send("POST", "/api/v1/documents?name=" + name, bytes, actor, {{"Content-Type", type}});
  }

  static json::value Json(const ClientResponse& r) {
    boost::system::error_code ec;
    json::value v = json::parse(r.body, ec);
    EXPECT_FALSE(ec) << r.body;
    return v;
  }

  // Polls the job until it is done or failed (a bound on polls, not a
  // timing assertion: a slow machine only takes longer).
  json::object WaitForJob(const std::string& id) {
    for (int i = 0; i < 3000; ++i) {
      ClientResponse r = Get("/api/v1/jobs/" + id);
      EXPECT_EQ(r.status, 200) << r.body;
      if (r.status != 200) return {};
      json::object job = Json(r).at("job").as_object();
      const std::string state(job.at("state").as_string());
      if (state == "done" || state == "failed") return job;
      EXPECT_TRUE(state == "queued" || state == "reading" || state == "extracting" ||
                  state == "storing")
          << state;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ADD_FAILURE() << "job " << id << " never finished";
    return {};
  }

  // Uploads and waits: the document id, or 0 (with a test failure).
  core::Id Import(const std::string& name, const std::string& bytes,
                  const std::string& type = "application/octet-stream") {
    ClientResponse r = Upload(name, bytes, type);
    EXPECT_EQ(r.status, 202) << r.body;
    if (r.status != 202) return 0;
    const std::string id(Json(r).at("job").at("id").as_string());
    EXPECT_EQ(r.Header("location"), "/api/v1/jobs/" + id);
    json::object job = WaitForJob(id);
    EXPECT_EQ(job["state"], "done") << json::serialize(job);
    if (job["state"] != "done") return 0;
    return job.at("document_id").as_int64();
  }

  dondoc::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  Router router_;
  std::unique_ptr<Server> server_;
  std::unique_ptr<TestClient> client_;
  core::Id committee_ = 0, science_ = 0, finance_ = 0;
};

TEST_F(DocumentRoutesTest, TextUploadRunsToDoneAndShowsTheDetail) {
  const core::Id decision = Import("qd-12.txt", kDecision, "text/plain; charset=utf-8");
  const core::Id plan = Import("kh-45.txt", kPlan);
  ASSERT_GT(decision, 0);
  ASSERT_GT(plan, 0);

  ClientResponse r = Get("/api/v1/documents/" + std::to_string(plan));
  ASSERT_EQ(r.status, 200) << r.body;
  json::object d = Json(r).as_object();
  EXPECT_EQ(d["number"], "45/KH-UBND");
  EXPECT_EQ(d["date"], "2024-03-12");
  EXPECT_EQ(d["source_name"], "kh-45.txt");
  EXPECT_EQ(d["source_format"], "text");
  EXPECT_NE(std::string(d["text"].as_string()).find("nền tảng dữ liệu dùng chung"),
            std::string::npos);
  // The citation links to the stored decision.
  bool linked = false;
  for (const json::value& c : d["citations"].as_array()) {
    if (c.at("number") == "12/QĐ-UBND") {
      linked = c.at("document_id") == json::value(decision);
      EXPECT_EQ(c.at("document_url"), json::value("/api/v1/documents/" + std::to_string(decision)));
    }
  }
  EXPECT_TRUE(linked) << json::serialize(d["citations"]);
  // Every extracted item, with its span and state.
  const json::array& items = d["items"].as_array();
  int tasks = 0;
  for (const json::value& item : items) {
    EXPECT_EQ(item.at("state"), "proposed");
    EXPECT_EQ(item.at("document_id"), json::value(plan));
    ASSERT_TRUE(item.at("span").is_object()) << json::serialize(item);
    const json::object& span = item.at("span").as_object();
    EXPECT_LE(span.at("line_start").as_int64(), span.at("line_end").as_int64());
    EXPECT_LT(span.at("start").as_int64(), span.at("end").as_int64());
    EXPECT_TRUE(item.at("item").is_object());
    if (item.at("kind") == "task") ++tasks;
  }
  EXPECT_GE(tasks, 3);

  r = Get("/api/v1/documents/" + std::to_string(plan) + "/text");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("content-type"), "text/plain; charset=utf-8");
  EXPECT_EQ(r.body, std::string(d["text"].as_string()));

  EXPECT_EQ(Get("/api/v1/documents/999").status, 404);
}

TEST_F(DocumentRoutesTest, DocxAndPdfUploads) {
  const core::Id docx = Import("kh-45.docx", PlanDocx(),
                               "application/vnd.openxmlformats-officedocument.wordprocessingml."
                               "document");
  const core::Id pdf = Import("qd-12.pdf", DecisionPdf(), "application/pdf");
  ASSERT_GT(docx, 0);
  ASSERT_GT(pdf, 0);
  json::object d = Json(Get("/api/v1/documents/" + std::to_string(docx))).as_object();
  EXPECT_EQ(d["source_format"], "docx");
  EXPECT_EQ(d["number"], "45/KH-UBND");
  EXPECT_FALSE(d["items"].as_array().empty());
  json::object p = Json(Get("/api/v1/documents/" + std::to_string(pdf))).as_object();
  EXPECT_EQ(p["source_format"], "pdf");
  EXPECT_EQ(p["number"], "12/QĐ-UBND");
}

TEST_F(DocumentRoutesTest, RefusedUploads) {
  // Empty, nameless, path-like names, wrong media types.
  EXPECT_EQ(Upload("a.txt", "").status, 400);
  ClientResponse r =
      Send("POST", "/api/v1/documents", kPlan, "office", {{"Content-Type", "text/plain"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("name"), std::string::npos);
  for (const char* name : {"..%2Fetc%2Fpasswd", "a%5Cb.txt", "..", "a%0Ab.txt", "a%00b"}) {
    r = Upload(name, kPlan);
    EXPECT_EQ(r.status, 400) << name << " " << r.body;
  }
  EXPECT_EQ(Upload(std::string(300, 'a') + ".txt", kPlan).status, 400);
  r = Upload("a.txt", kPlan, "multipart/form-data; boundary=x");
  EXPECT_EQ(r.status, 415);
  EXPECT_NE(r.body.find("multipart"), std::string::npos);
  EXPECT_EQ(Upload("a.txt", kPlan, "application/json").status, 415);
  EXPECT_EQ(Send("POST", "/api/v1/documents?name=a.txt", kPlan).status, 415);  // no type
  EXPECT_EQ(Send("POST", "/api/v1/documents?name=a.txt&x=1", kPlan, "office",
                 {{"Content-Type", "text/plain"}})
                .status,
            400);
  // The name may come in a header instead, percent-encoded.
  r = Send(
      "POST", "/api/v1/documents", kDecision, "office",
      {{"Content-Type", "text/plain"}, {"X-File-Name", "quy%E1%BA%BFt-%C4%91%E1%BB%8Bnh.txt"}});
  ASSERT_EQ(r.status, 202) << r.body;
  EXPECT_EQ(Json(r).at("job").at("file_name"), "quyết-định.txt");

  // Wrong format: the bytes are not what the name or the type says.
  r = Upload("kh.pdf", kPlan);
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("wrong format"), std::string::npos) << r.body;
  EXPECT_EQ(Upload("kh.txt", kPlan, "application/pdf").status, 422);
  EXPECT_EQ(Upload("kh.docx", kPlan).status, 422);
  EXPECT_EQ(Upload("kh.doc", kPlan).status, 422);

  // Over the upload limit: 413 before the body is read.
  r = Upload("big.txt", std::string(kUploadLimit + 1, 'a'), "text/plain");
  EXPECT_EQ(r.status, 413);

  // Who may not import.
  EXPECT_EQ(Upload("a.txt", kPlan, "text/plain", "viewer").status, 403);
  EXPECT_EQ(Upload("a.txt", kPlan, "text/plain", "agency:" + std::to_string(science_)).status, 403);
  EXPECT_EQ(Upload("a.txt", kPlan, "text/plain", "").status, 401);

  // Nothing of these was stored but the decision sent with X-File-Name.
  json::object list = Json(Get("/api/v1/documents")).as_object();
  EXPECT_LE(list["documents"].as_array().size(), 1u);
}

TEST_F(DocumentRoutesTest, JobsFailWithAClearError) {
  ClientResponse r = Upload("mat.pdf", EncryptedPdf(), "application/pdf");
  ASSERT_EQ(r.status, 202) << r.body;
  json::object job = WaitForJob(std::string(Json(r).at("job").at("id").as_string()));
  EXPECT_EQ(job["state"], "failed");
  EXPECT_EQ(job["error"].at("code"), "invalid_document");
  EXPECT_NE(std::string(job["error"].at("detail").as_string()).find("encrypted"), std::string::npos)
      << json::serialize(job);
  EXPECT_TRUE(job["document_id"].is_null());

  // A damaged PDF.
  r = Upload("hong.pdf", std::string("%PDF-1.4 broken"), "application/pdf");
  ASSERT_EQ(r.status, 202) << r.body;
  job = WaitForJob(std::string(Json(r).at("job").at("id").as_string()));
  EXPECT_EQ(job["state"], "failed");
  EXPECT_EQ(job["error"].at("code"), "invalid_document");

  // The same bytes twice: refused at once, naming the stored document.
  const core::Id plan = Import("kh-45.txt", kPlan);
  r = Upload("copy.txt", kPlan);
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_NE(r.body.find("duplicate of document " + std::to_string(plan)), std::string::npos)
      << r.body;

  EXPECT_EQ(Get("/api/v1/jobs/0123456789abcdef0123456789abcdef").status, 404);
  EXPECT_EQ(Get("/api/v1/jobs/..%2F..%2Fetc").status, 404);
  EXPECT_EQ(Get("/api/v1/jobs/x", "viewer").status, 403);
}

TEST_F(DocumentRoutesTest, ListAndPaging) {
  const core::Id decision = Import("qd-12.txt", kDecision);
  const core::Id plan = Import("kh-45.txt", kPlan);
  json::object page = Json(Get("/api/v1/documents?limit=1")).as_object();
  ASSERT_EQ(page["documents"].as_array().size(), 1u);
  EXPECT_EQ(page["documents"].as_array()[0].at("id"), json::value(plan));
  ASSERT_EQ(page["next_before"], json::value(plan));
  page = Json(Get("/api/v1/documents?limit=1&before=" + std::to_string(plan))).as_object();
  ASSERT_EQ(page["documents"].as_array().size(), 1u);
  EXPECT_EQ(page["documents"].as_array()[0].at("id"), json::value(decision));
  EXPECT_TRUE(page["next_before"].is_null());

  page = Json(Get("/api/v1/documents?kind="
                  "Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh"))
             .as_object();
  ASSERT_EQ(page["documents"].as_array().size(), 1u) << json::serialize(page);
  EXPECT_EQ(page["documents"].as_array()[0].at("id"), json::value(decision));

  // Agency staff and viewers read documents too.
  EXPECT_EQ(Get("/api/v1/documents", "viewer").status, 200);
  EXPECT_EQ(Get("/api/v1/documents", "agency:" + std::to_string(science_)).status, 200);
  EXPECT_EQ(Get("/api/v1/documents", "").status, 401);

  // Malformed and hostile parameters.
  EXPECT_EQ(Get("/api/v1/documents?limit=0").status, 400);
  EXPECT_EQ(Get("/api/v1/documents?limit=100000").status, 400);
  EXPECT_EQ(Get("/api/v1/documents?before=1%20OR%201=1").status, 400);
  EXPECT_EQ(Get("/api/v1/documents?issuer=abc").status, 400);
  EXPECT_EQ(Get("/api/v1/documents?sort=id").status, 400);
  EXPECT_EQ(Get("/api/v1/documents/1%20OR%201=1").status, 400);
  EXPECT_EQ(Get("/api/v1/documents/-1").status, 400);
  page = Json(Get("/api/v1/documents?kind=%27%20OR%20%271%27=%271")).as_object();
  EXPECT_TRUE(page["documents"].as_array().empty());
}

TEST_F(DocumentRoutesTest, SearchFoldsDiacriticsAndHighlights) {
  const core::Id plan = Import("kh-45.txt", kPlan);
  Import("qd-12.txt", kDecision);
  for (const char* q : {"b%E1%BB%87nh%20%C3%A1n%20%C4%91i%E1%BB%87n%20t%E1%BB%AD",
                        "benh%20an%20dien%20tu", "BENH+AN+DIEN+TU"}) {
    ClientResponse r = Get(std::string("/api/v1/documents/search?q=") + q);
    ASSERT_EQ(r.status, 200) << r.body;
    json::array hits = Json(r).at("hits").as_array();
    ASSERT_EQ(hits.size(), 1u) << q << " " << r.body;
    EXPECT_EQ(hits[0].at("document_id"), json::value(plan));
    // The snippet shows the original words, marked.
    const std::string snippet(hits[0].at("snippet").as_string());
    EXPECT_NE(snippet.find("[điện]"), std::string::npos) << snippet;
    bool marked = false;
    for (const json::value& part : hits[0].at("snippet_parts").as_array()) {
      if (part.at("match").as_bool() && part.at("text") == "điện") marked = true;
    }
    EXPECT_TRUE(marked) << json::serialize(hits[0]);
  }
  // Both documents speak of "chuyển đổi số"; d finds đ.
  json::array hits =
      Json(Get("/api/v1/documents/search?q=chuyen%20doi%20so")).at("hits").as_array();
  EXPECT_EQ(hits.size(), 2u);
  hits = Json(Get("/api/v1/documents/search?q=khong%20co%20dau%20nay")).at("hits").as_array();
  EXPECT_TRUE(hits.empty());
  // Query syntax and SQL in the query are words, nothing more.
  for (const char* q : {"%22NEAR(%20*", "%27%20OR%201=1%20--", "title:x%20AND%20y", "%2A"}) {
    ClientResponse r = Get(std::string("/api/v1/documents/search?q=") + q);
    EXPECT_EQ(r.status, 200) << q << " " << r.body;
  }
  EXPECT_EQ(Get("/api/v1/documents/search").status, 400);
  EXPECT_EQ(Get("/api/v1/documents/search?q=%20%20").status, 400);
  EXPECT_EQ(Get("/api/v1/documents/search?q=" + std::string(1001, 'a')).status, 400);
}

TEST_F(DocumentRoutesTest, ReviewConfirmEditAndReject) {
  const core::Id plan = Import("kh-45.txt", kPlan);
  const std::string base = "/api/v1/documents/" + std::to_string(plan) + "/proposals";
  ClientResponse r = Get(base + "?state=proposed");
  ASSERT_EQ(r.status, 200) << r.body;
  json::array proposals = Json(r).at("proposals").as_array();
  // One-off tasks (a recurring one would become an obligation).
  std::vector<core::Id> tasks;
  for (const json::value& p : proposals) {
    const json::object& item = p.at("item").as_object();
    const bool recurring = item.contains("recurrence") && !item.at("recurrence").is_null();
    if (p.at("kind") == "task" && !recurring) tasks.push_back(p.at("id").as_int64());
  }
  ASSERT_GE(tasks.size(), 3u);
  const std::string first = "/api/v1/proposals/" + std::to_string(tasks[0]);
  const std::string second = "/api/v1/proposals/" + std::to_string(tasks[1]);
  const std::string third = "/api/v1/proposals/" + std::to_string(tasks[2]);

  // Paging over the queue.
  json::object page = Json(Get("/api/v1/proposals?state=proposed&limit=2")).as_object();
  ASSERT_EQ(page["proposals"].as_array().size(), 2u);
  const json::value after = page["next_after"];
  ASSERT_TRUE(after.is_int64());
  page = Json(Get("/api/v1/proposals?state=proposed&limit=500&after=" +
                  std::to_string(after.as_int64())))
             .as_object();
  EXPECT_EQ(page["proposals"].as_array().size() + 2, proposals.size());
  EXPECT_EQ(Get("/api/v1/proposals?state=maybe").status, 400);
  EXPECT_EQ(Get("/api/v1/documents/999/proposals").status, 404);

  // Who may not decide.
  EXPECT_EQ(PostJson(first + "/confirm", "{}", "viewer").status, 403);
  EXPECT_EQ(PostJson(first + "/confirm", "{}", "leader").status, 403);
  EXPECT_EQ(PostJson(first + "/confirm", "{}", "agency:" + std::to_string(science_)).status, 403);
  EXPECT_EQ(PostJson(first + "/confirm", "{}", "").status, 401);

  // Strict bodies.
  r = PostJson(first + "/confirm", R"({"deadline": "2024-07-15", "colour": "red"})");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("colour"), std::string::npos);
  r = PostJson(first + "/confirm", R"({"deadline": 20240715})");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("deadline"), std::string::npos);
  r = PostJson(first + "/confirm", R"({"deadline": "15/07/2024"})");
  EXPECT_EQ(r.status, 400);
  r = PostJson(first + "/confirm", R"({"coordinating": "Sở Tài chính"})");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("coordinating"), std::string::npos);
  EXPECT_EQ(PostJson(first + "/confirm", R"({"deadline": )").status, 400);
  EXPECT_EQ(
      Send("POST", first + "/confirm", "{}", "office", {{"Content-Type", "text/plain"}}).status,
      415);
  r = PostJson(first + "/confirm", R"({"lead": "Sở Không Có"})");
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Sở Không Có"), std::string::npos) << r.body;

  // Confirm with edits: 201 with the created task.
  r = PostJson(first + "/confirm",
               R"({"deadline": "2024-07-15", "coordinating": ["Sở Tài chính"], "note": "ok"})");
  ASSERT_EQ(r.status, 201) << r.body;
  json::object confirmed = Json(r).as_object();
  EXPECT_EQ(confirmed["created"].at("kind"), "task");
  const int64_t task_id = confirmed["created"].at("id").as_int64();
  EXPECT_EQ(confirmed["proposal"].at("state"), "confirmed");
  EXPECT_EQ(confirmed["proposal"].at("created_item_id"), json::value(task_id));
  Status s = store_->Read([&](store::Transaction& tx) -> Status {
    auto task = tx.GetTask(task_id);
    if (!task.ok()) return task.status();
    EXPECT_EQ(task->deadline, service::testing::D(2024, 7, 15));
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.message();
  // Decided: 409, for either decision.
  EXPECT_EQ(PostJson(first + "/confirm", "{}").status, 409);
  EXPECT_EQ(PostJson(first + "/reject", R"({"note": "x"})").status, 409);

  // Confirm as extracted, with no body at all.
  r = Send("POST", second + "/confirm", "", "office");
  ASSERT_EQ(r.status, 201) << r.body;

  // Reject needs a note.
  EXPECT_EQ(PostJson(third + "/reject", "{}").status, 400);
  EXPECT_EQ(PostJson(third + "/reject", R"({"note": "  "})").status, 400);
  EXPECT_EQ(PostJson(third + "/reject", R"({"note": 5})").status, 400);
  r = PostJson(third + "/reject", R"({"note": "trùng nhiệm vụ khác"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Json(r).at("proposal").at("state"), "rejected");
  EXPECT_EQ(Json(r).at("proposal").at("decision_note"), "trùng nhiệm vụ khác");
  EXPECT_EQ(PostJson(third + "/reject", R"({"note": "again"})").status, 409);

  EXPECT_EQ(PostJson("/api/v1/proposals/999999/confirm", "{}").status, 404);
  EXPECT_EQ(PostJson("/api/v1/proposals/abc/confirm", "{}").status, 400);
  json::object one = Json(Get(third)).as_object();
  EXPECT_EQ(one["state"], "rejected");
  page = Json(Get(base + "?state=confirmed")).as_object();
  EXPECT_EQ(page["proposals"].as_array().size(), 2u);
}

TEST_F(DocumentRoutesTest, AgenciesTreeHistoryAndAdministration) {
  ClientResponse r = Get("/api/v1/agencies?on=2024-01-01", "viewer");
  ASSERT_EQ(r.status, 200) << r.body;
  json::object tree = Json(r).as_object();
  EXPECT_EQ(tree["agencies"].as_array().size(), 5u);
  EXPECT_EQ(tree["roots"].as_array(), json::array{json::value(committee_)});
  for (const json::value& a : tree["agencies"].as_array()) {
    if (a.at("id") == json::value(committee_)) {
      EXPECT_EQ(a.at("children").as_array().size(), 4u);
    }
  }

  // Only an administrator adds agencies and successions.
  const std::string body = R"({"name": "Sở Khoa học, Công nghệ và Tài chính", "kind": "department",
                               "parent_id": )" +
                           std::to_string(committee_) + R"(, "valid_from": "2025-03-01"})";
  EXPECT_EQ(PostJson("/api/v1/agencies", body, "office").status, 403);
  r = PostJson("/api/v1/agencies", body, "admin");
  ASSERT_EQ(r.status, 201) << r.body;
  const int64_t merged = Json(r).at("id").as_int64();
  EXPECT_EQ(PostJson("/api/v1/agencies", body, "admin").status, 422);  // the name is in use
  EXPECT_EQ(PostJson("/api/v1/agencies",
                     R"({"name": "X", "kind": "bank", "valid_from": "2025-01-01"})", "admin")
                .status,
            400);
  EXPECT_EQ(PostJson("/api/v1/agencies", R"({"name": "X", "kind": "board"})", "admin").status, 400);
  EXPECT_EQ(
      PostJson("/api/v1/agencies", R"({"name": "X", "kind": "board", "valid_from": "2025-01-01",
                                            "parent_id": "1"})",
               "admin")
          .status,
      400);

  const std::string succession =
      R"({"successor_id": )" + std::to_string(merged) +
      R"(, "effective": "2025-03-01", "kind": "merge", "note": "hợp nhất"})";
  const std::string science_path = "/api/v1/agencies/" + std::to_string(science_);
  EXPECT_EQ(PostJson(science_path + "/successions", succession, "office").status, 403);
  r = PostJson(science_path + "/successions", succession, "admin");
  ASSERT_EQ(r.status, 201) << r.body;
  // Succeeding itself, an unknown agency, a cycle.
  EXPECT_EQ(PostJson("/api/v1/agencies/" + std::to_string(merged) + "/successions",
                     R"({"successor_id": )" + std::to_string(merged) +
                         R"(, "effective": "2025-04-01", "kind": "rename"})",
                     "admin")
                .status,
            422);
  EXPECT_EQ(PostJson("/api/v1/agencies/999/successions", succession, "admin").status, 404);
  EXPECT_EQ(PostJson("/api/v1/agencies/" + std::to_string(merged) + "/successions",
                     R"({"successor_id": )" + std::to_string(science_) +
                         R"(, "effective": "2025-05-01", "kind": "split"})",
                     "admin")
                .status,
            422);

  json::object detail = Json(Get(science_path)).as_object();
  ASSERT_EQ(detail["successors"].as_array().size(), 1u);
  const json::value& next = detail["successors"].as_array()[0];
  EXPECT_EQ(next.at("agency").at("id"), json::value(merged));
  EXPECT_EQ(next.at("kind"), "merge");
  EXPECT_EQ(next.at("effective"), "2025-03-01");
  EXPECT_EQ(next.at("inherits_open_tasks"), true);
  EXPECT_EQ(detail["parent"].at("id"), json::value(committee_));
  detail = Json(Get("/api/v1/agencies/" + std::to_string(merged))).as_object();
  ASSERT_EQ(detail["predecessors"].as_array().size(), 1u);
  EXPECT_EQ(detail["predecessors"].as_array()[0].at("agency").at("id"), json::value(science_));
  EXPECT_EQ(Get("/api/v1/agencies/999").status, 404);
  EXPECT_EQ(Get("/api/v1/agencies?on=2024-13-01").status, 400);
}

TEST_F(DocumentRoutesTest, OpenApiDescribesTheRoutesAndTheirSchemas) {
  json::object doc = Json(Get("/api/v1/openapi.json", "")).as_object();
  const json::object& paths = doc["paths"].as_object();
  for (const char* path :
       {"/api/v1/documents", "/api/v1/documents/search", "/api/v1/documents/{id}",
        "/api/v1/documents/{id}/text", "/api/v1/jobs/{id}", "/api/v1/proposals",
        "/api/v1/documents/{id}/proposals", "/api/v1/proposals/{id}/confirm",
        "/api/v1/proposals/{id}/reject", "/api/v1/agencies", "/api/v1/agencies/{id}",
        "/api/v1/agencies/{id}/successions"}) {
    EXPECT_TRUE(paths.contains(path)) << path;
  }
  EXPECT_TRUE(paths.at("/api/v1/documents").at("post").at("responses").as_object().contains("202"));
  EXPECT_TRUE(paths.at("/api/v1/proposals/{id}/confirm")
                  .at("post")
                  .at("responses")
                  .as_object()
                  .contains("201"));
  // Every $ref names a schema that exists.
  const json::object& schemas = doc["components"].at("schemas").as_object();
  std::vector<const json::value*> stack{&doc["paths"]};
  stack.push_back(&doc["components"]);
  int refs = 0;
  while (!stack.empty()) {
    const json::value* v = stack.back();
    stack.pop_back();
    if (v->is_object()) {
      for (const auto& [key, child] : v->as_object()) {
        if (key == "$ref") {
          ++refs;
          const std::string ref(child.as_string());
          const std::string name = ref.substr(ref.rfind('/') + 1);
          EXPECT_TRUE(schemas.contains(name)) << ref;
        } else {
          stack.push_back(&child);
        }
      }
    } else if (v->is_array()) {
      for (const json::value& child : v->as_array()) stack.push_back(&child);
    }
  }
  EXPECT_GT(refs, 20);
}

}  // namespace
}  // namespace dondoc::http
