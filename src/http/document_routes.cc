// Documents and their import jobs:
//
//   POST /api/v1/documents?name=FILE   upload one file as the raw request
//        body (text, DOCX or PDF; the file name in ?name= or a percent-
//        encoded X-File-Name header): 202 with the import job
//        (service/import_jobs.h), Location: /api/v1/jobs/{id}
//   GET  /api/v1/jobs/{id}             the job's progress: queued, reading,
//        extracting, storing, done (document_id) or failed (error)
//   GET  /api/v1/documents             list, newest first, keyset paging
//   GET  /api/v1/documents/search?q=   full text, accents optional, đ = d
//   GET  /api/v1/documents/{id}        header, text, citations, items
//   GET  /api/v1/documents/{id}/text   the cleaned text as text/plain
//
// Why a raw body rather than multipart/form-data: Boost.Beast has no
// multipart parser and Debian has no well-kept one to add; a raw body with
// the name beside it is what `curl --data-binary @file` sends. A multipart
// upload is answered 415 saying so.

#include <boost/json.hpp>
#include <string>
#include <string_view>
#include <utility>

#include "http/api.h"
#include "http/document_json.h"
#include "service/documents.h"
#include "service/import_jobs.h"

namespace dondoc::http {
namespace {

namespace json = boost::json;

constexpr size_t kMaxFileName = 255;

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The media type of the request without parameters, lower-case.
std::string MediaType(const Request& request) {
  std::string type = AsciiLower(request.Header("content-type").value_or(""));
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  while (!type.empty() && type.front() == ' ') type.erase(type.begin());
  return type;
}

constexpr std::string_view kUploadTypes =
    "application/octet-stream, text/plain, application/pdf or "
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// The format the Content-Type promises (nullopt: any), or 415.
HttpResult<std::optional<document::Format>> DeclaredFormat(const Request& request) {
  const std::string type = MediaType(request);
  if (type == "application/octet-stream") return std::optional<document::Format>();
  if (type == "text/plain") return std::optional<document::Format>(document::Format::kText);
  if (type == "application/pdf") return std::optional<document::Format>(document::Format::kPdf);
  if (type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document") {
    return std::optional<document::Format>(document::Format::kDocx);
  }
  HttpError e = errors::UnsupportedMediaType(kUploadTypes);
  if (type == "multipart/form-data") {
    e.detail_vi += " (gửi nội dung tệp trực tiếp, tên tệp trong tham số name)";
    e.detail_en += " (send the file itself as the body, its name in ?name=; multipart is not read)";
  }
  return e;
}

// The file name from ?name= or X-File-Name: a plain name, never a path.
HttpResult<std::string> FileName(const Request& request) {
  std::optional<std::string> name = request.query.String("name");
  if (name && request.Header("x-file-name")) {
    return errors::InvalidParameter("name", "chỉ dùng một trong name và X-File-Name",
                                    "give either ?name= or X-File-Name, not both");
  }
  if (!name) {
    if (std::optional<std::string> header = request.Header("x-file-name")) {
      name = PercentDecode(*header, /*plus_is_space=*/false);
      if (!name) {
        return errors::InvalidParameter("X-File-Name", "mã hóa phần trăm hoặc UTF-8 sai",
                                        "bad percent-encoding or UTF-8");
      }
    }
  }
  if (!name || name->empty()) {
    return errors::InvalidParameter("name", "thiếu tên tệp", "the file name is required");
  }
  if (name->size() > kMaxFileName) {
    return errors::InvalidParameter("name", "tên tệp quá dài (tối đa 255 byte)",
                                    "longer than 255 bytes");
  }
  if (*name == "." || *name == "..") {
    return errors::InvalidParameter("name", "không phải tên tệp", "not a file name");
  }
  for (unsigned char c : *name) {
    if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f) {
      return errors::InvalidParameter(
          "name", "chỉ tên tệp, không có đường dẫn hay ký tự điều khiển",
          "a plain file name: no path separators or control characters");
    }
  }
  return *name;
}

Response Upload(store::Store&, const ApiOptions& options, const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  if (auto e = request.query.RequireKnown({"name"})) return ErrorResponse(*e);
  auto declared = DeclaredFormat(request);
  if (!declared.ok()) return ErrorResponse(declared.error());
  auto name = FileName(request);
  if (!name.ok()) return ErrorResponse(name.error());
  if (request.body.empty()) {
    return ErrorResponse(errors::BadRequest("tệp rỗng", "the body (the file) is empty"));
  }
  service::ImportJobs& jobs = *options.imports;
  if (jobs.Pending() >= jobs.max_pending()) {
    Response r = ErrorResponse(errors::Unavailable(
        "Đang có quá nhiều văn bản chờ xử lý, hãy gửi lại sau",
        "too many documents are waiting to be read; upload again later", "import queue full"));
    r.headers.emplace_back("Retry-After", "30");
    return r;
  }
  auto job = jobs.Submit(*actor, request.body, *name, *declared);
  if (!job.ok()) return ErrorResponse(FromStatus(job.status()));
  Response r = JsonResponse(json::object{{"job", ImportJobJson(*job)}}, 202);
  r.headers.emplace_back("Location", "/api/v1/jobs/" + job->id);
  return r;
}

Response GetJob(const ApiOptions& options, const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  if (auto e = request.query.RequireKnown({})) return ErrorResponse(*e);
  const std::string id = request.PathParam("id").value_or("");
  auto job = options.imports->Get(*actor, id);
  if (!job.ok()) return ErrorResponse(FromStatus(job.status()));
  return JsonResponse(json::object{{"job", ImportJobJson(*job)}});
}

Response ListDocuments(store::Store& store, const ApiOptions& options, const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  const QueryParams& q = request.query;
  if (auto e = q.RequireKnown({"kind", "issuer", "limit", "before"})) return ErrorResponse(*e);
  service::DocumentQuery query;
  query.kind = q.String("kind");
  auto issuer = q.Int("issuer", 1, INT64_MAX);
  if (!issuer.ok()) return ErrorResponse(issuer.error());
  query.issuer_id = *issuer;
  auto limit = q.Int("limit", 1, options.max_page_size);
  if (!limit.ok()) return ErrorResponse(limit.error());
  auto before = q.Int("before", 1, INT64_MAX);
  if (!before.ok()) return ErrorResponse(before.error());
  query.before_id = *before;
  const int page = static_cast<int>(limit->value_or(options.default_page_size));
  query.limit = page + 1;  // one more says whether there is a next page
  auto documents = service::ListDocuments(store, *actor, query);
  if (!documents.ok()) return ErrorResponse(FromStatus(documents.status()));
  json::array out;
  const size_t shown = std::min(documents->size(), static_cast<size_t>(page));
  for (size_t i = 0; i < shown; ++i) out.push_back(DocumentSummaryJson((*documents)[i]));
  json::value next = nullptr;
  if (documents->size() > shown) next = (*documents)[shown - 1].id;
  return JsonResponse(json::object{{"documents", std::move(out)}, {"next_before", next}});
}

Response Search(store::Store& store, const ApiOptions& options, const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  const QueryParams& q = request.query;
  if (auto e = q.RequireKnown({"q", "limit"})) return ErrorResponse(*e);
  std::optional<std::string> text = q.String("q");
  if (!text || text->find_first_not_of(" \t") == std::string::npos) {
    return ErrorResponse(
        errors::InvalidParameter("q", "cần từ khóa tìm kiếm", "required, not blank"));
  }
  if (text->size() > 1000) {
    return ErrorResponse(
        errors::InvalidParameter("q", "quá dài (tối đa 1000 byte)", "longer than 1000 bytes"));
  }
  auto limit = q.Int("limit", 1, options.max_page_size);
  if (!limit.ok()) return ErrorResponse(limit.error());
  const int page = static_cast<int>(limit->value_or(options.default_page_size));
  auto hits = service::SearchDocuments(store, *actor, *text, page);
  if (!hits.ok()) return ErrorResponse(FromStatus(hits.status()));
  json::array out;
  for (const store::SearchHit& hit : *hits) out.push_back(SearchHitJson(hit));
  return JsonResponse(json::object{{"query", *text}, {"hits", std::move(out)}});
}

Response GetDocument(store::Store& store, const ApiOptions& options, const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  if (auto e = request.query.RequireKnown({})) return ErrorResponse(*e);
  auto id = request.PathId("id");
  if (!id.ok()) return ErrorResponse(id.error());
  auto detail = service::GetDocumentDetail(store, *actor, *id);
  if (!detail.ok()) return ErrorResponse(FromStatus(detail.status()));
  return JsonResponse(DocumentDetailJson(*detail));
}

Response GetText(store::Store& store, const ApiOptions& options, const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  if (auto e = request.query.RequireKnown({})) return ErrorResponse(*e);
  auto id = request.PathId("id");
  if (!id.ok()) return ErrorResponse(id.error());
  auto detail = service::GetDocumentDetail(store, *actor, *id);
  if (!detail.ok()) return ErrorResponse(FromStatus(detail.status()));
  Response r;
  r.content_type = "text/plain; charset=utf-8";
  r.body = detail->document.cleaned_text;
  return r;
}

}  // namespace

Status AddDocumentRoutes(Router& router, store::Store& store, const ApiOptions& options) {
  if (!options.imports) return Status::InvalidInput("document routes: no import jobs runner");
  const std::string page_doc = "page size, 1.." + std::to_string(options.max_page_size) +
                               " (default " + std::to_string(options.default_page_size) + ")";
  Status s = router.Add(
      "POST", "/api/v1/documents", BodyKind::kUpload,
      RouteDoc{"Upload a document to import (nhập văn bản)",
               "The request body is the file itself (plain text, DOCX or PDF; the format is "
               "read from the bytes and must agree with the Content-Type and the name's "
               "extension), e.g. curl --data-binary @kh-12.pdf -H 'Content-Type: "
               "application/pdf' '.../api/v1/documents?name=kh-12.pdf'. The name may instead "
               "come percent-encoded in an X-File-Name header. multipart/form-data is not "
               "read (415). Answers 202 with the import job at once; reading, extraction and "
               "storing run in the background: follow GET /api/v1/jobs/{id}. A file imported "
               "before is refused (422 naming the document). Bodies over the upload limit "
               "(50 MB by default) are 413. 503 with Retry-After when too many imports wait.",
               "documents",
               {{"name", "string", "", false, "the file name (or the X-File-Name header)", {}}},
               {400, 401, 403, 413, 415, 422, 503},
               "ImportJobResponse",
               202},
      [&store, options](const Request& request) { return Upload(store, options, request); });
  if (!s.ok()) return s;
  s = router.Add("GET", "/api/v1/jobs/{id}", BodyKind::kNone,
                 RouteDoc{"Progress of an import job",
                          "state: queued, reading, extracting, storing, done (document_id and "
                          "the counts of what was extracted) or failed (error.code: "
                          "invalid_document for a wrong, damaged or encrypted file, duplicate "
                          "with duplicate_of, interrupted when the server stopped first). Jobs "
                          "are kept in memory: after a restart an id is 404 (the import was "
                          "one transaction: upload again, a committed one is then refused as "
                          "a duplicate naming its document).",
                          "documents",
                          {},
                          {401, 403, 404},
                          "ImportJobResponse"},
                 [options](const Request& request) { return GetJob(options, request); });
  if (!s.ok()) return s;
  s = router.Add(
      "GET", "/api/v1/documents", BodyKind::kNone,
      RouteDoc{"Registered documents, newest first (danh sách văn bản)",
               "Header fields of each document. Paged by id: pass next_before as 'before' for "
               "the next page (null: last page).",
               "documents",
               {{"kind", "string", "", false, "only this kind, exactly (e.g. Kế hoạch)", {}},
                {"issuer", "integer", "int64", false, "only documents of this agency id", {}},
                {"limit", "integer", "int32", false, page_doc, {}},
                {"before", "integer", "int64", false, "documents with a smaller id (paging)", {}}},
               {400, 401, 403},
               "DocumentList"},
      [&store, options](const Request& request) { return ListDocuments(store, options, request); });
  if (!s.ok()) return s;
  // Before /documents/{id}: the first matching route wins.
  s = router.Add(
      "GET", "/api/v1/documents/search", BodyKind::kNone,
      RouteDoc{"Full-text search of documents (tìm kiếm văn bản)",
               "Over titles and texts; accents and case do not matter and đ matches d. Every "
               "word must occur. Best match first; each hit has a snippet with the matched "
               "words between [ and ], and the same as snippet_parts.",
               "documents",
               {{"q", "string", "", true, "the words to find", {}},
                {"limit", "integer", "int32", false, page_doc, {}}},
               {400, 401, 403},
               "SearchResults"},
      [&store, options](const Request& request) { return Search(store, options, request); });
  if (!s.ok()) return s;
  s = router.Add(
      "GET", "/api/v1/documents/{id}", BodyKind::kNone,
      RouteDoc{"One document with its text, citations and extracted items",
               "Header fields, the cleaned text, the documents it cites (document_id and "
               "document_url when the cited one is stored) and every extracted item (items: "
               "the proposals with their span in the source and their review state).",
               "documents",
               {},
               {400, 401, 403, 404},
               "DocumentDetail"},
      [&store, options](const Request& request) { return GetDocument(store, options, request); });
  if (!s.ok()) return s;
  return router.Add(
      "GET", "/api/v1/documents/{id}/text", BodyKind::kNone,
      RouteDoc{"The cleaned text of a document, as text/plain",
               "",
               "documents",
               {},
               {400, 401, 403, 404},
               "Object",
               200,
               "text/plain"},
      [&store, options](const Request& request) { return GetText(store, options, request); });
}

}  // namespace dondoc::http
