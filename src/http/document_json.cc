#include "http/document_json.h"

#include <boost/json.hpp>
#include <string_view>
#include <utility>

namespace dondoc::http {
namespace {

namespace json = boost::json;

json::value OptString(const std::optional<std::string>& s) {
  if (!s) return nullptr;
  return json::value(*s);
}

json::value OptId(const std::optional<core::Id>& id) {
  if (!id) return nullptr;
  return json::value(*id);
}

json::value OptTimestamp(const std::optional<core::Timestamp>& t) {
  if (!t) return nullptr;
  return json::value(core::FormatIsoTimestamp(*t));
}

std::string DocumentPath(core::Id id) { return "/api/v1/documents/" + std::to_string(id); }

// The snippet "… the [matched] words …" as pieces a client can render
// without parsing markers (nor trusting the text as markup).
json::array SnippetParts(std::string_view snippet) {
  json::array parts;
  bool in_match = false;
  std::string piece;
  auto flush = [&] {
    if (!piece.empty()) parts.push_back(json::object{{"text", piece}, {"match", in_match}});
    piece.clear();
  };
  for (char c : snippet) {
    if (c == '[' && !in_match) {
      flush();
      in_match = true;
    } else if (c == ']' && in_match) {
      flush();
      in_match = false;
    } else {
      piece += c;
    }
  }
  flush();
  return parts;
}

json::object AgencyRef(const core::Agency& a) {
  return json::object{{"id", a.id}, {"name", a.name}, {"abbreviation", a.abbreviation}};
}

json::object SuccessionJson(const service::SuccessionLink& link) {
  const core::Succession& s = link.succession;
  return json::object{{"succession_id", s.id},
                      {"agency", AgencyRef(link.other)},
                      {"kind", core::SuccessionKindName(s.kind)},
                      {"effective", core::FormatIsoDate(s.effective)},
                      {"inherits_open_tasks", s.inherits_open_tasks},
                      {"note", s.note}};
}

}  // namespace

json::value DateJson(const std::optional<core::Date>& date) {
  if (!date) return nullptr;
  return json::value(core::FormatIsoDate(*date));
}

json::value SpanJson(const std::optional<core::SourceSpan>& span) {
  if (!span) return nullptr;
  return json::object{{"line_start", span->line_start},
                      {"line_end", span->line_end},
                      {"start", span->start},
                      {"end", span->end}};
}

json::object DocumentSummaryJson(const core::Document& d) {
  return json::object{{"id", d.id},
                      {"kind", d.kind},
                      {"number", OptString(d.number)},
                      {"date", DateJson(d.date)},
                      {"issuer_agency_id", OptId(d.issuer_agency_id)},
                      {"issuer_name", d.issuer_name},
                      {"title", d.title},
                      {"source_name", d.source_name},
                      {"source_format", d.source_format},
                      {"source_sha256", d.source_sha256},
                      {"registered_at", core::FormatIsoTimestamp(d.registered_at)},
                      {"url", DocumentPath(d.id)}};
}

json::object DocumentDetailJson(const service::DocumentDetail& detail) {
  json::object o = DocumentSummaryJson(detail.document);
  o["issuer_agency_name"] = OptString(detail.issuer_agency_name);
  o["text"] = detail.document.cleaned_text;
  json::array citations;
  for (const service::Citation& c : detail.citations) {
    const core::DocumentLink& l = c.link;
    json::object link{{"id", l.id},
                      {"kind", l.kind},
                      {"number", OptString(l.number)},
                      {"date", DateJson(l.date)},
                      {"issuer_name", l.issuer_name},
                      {"title", l.title},
                      {"span", SpanJson(l.span)},
                      {"document_id", OptId(l.to_document_id)},
                      {"document_title", OptString(c.cited_title)},
                      {"document_url", nullptr}};
    if (l.to_document_id) link["document_url"] = DocumentPath(*l.to_document_id);
    citations.push_back(std::move(link));
  }
  o["citations"] = std::move(citations);
  json::array items;
  for (const core::Proposal& p : detail.proposals) items.push_back(ProposalJson(p));
  o["items"] = std::move(items);
  return o;
}

json::object ProposalJson(const core::Proposal& p) {
  // The payload was written by the import from the contract's JSON; a row
  // that does not parse is shown as null rather than failing the page.
  boost::system::error_code ec;
  json::value item = json::parse(p.payload_json, ec);
  if (ec) item = nullptr;
  return json::object{{"id", p.id},
                      {"document_id", p.document_id},
                      {"kind", core::ProposalKindName(p.kind)},
                      {"state", core::ProposalStateName(p.state)},
                      {"summary", p.summary},
                      {"item", std::move(item)},
                      {"span", SpanJson(p.span)},
                      {"created_at", core::FormatIsoTimestamp(p.created_at)},
                      {"decided_at", OptTimestamp(p.decided_at)},
                      {"decided_by", OptId(p.decided_by)},
                      {"created_item_id", OptId(p.created_item_id)},
                      {"decision_note", p.decision_note}};
}

json::object SearchHitJson(const store::SearchHit& hit) {
  return json::object{{"document_id", hit.document_id},
                      {"title", hit.title},
                      {"snippet", hit.snippet},
                      {"snippet_parts", SnippetParts(hit.snippet)},
                      {"rank", hit.rank},
                      {"url", DocumentPath(hit.document_id)}};
}

json::object ImportJobJson(const service::ImportJob& job) {
  json::object o{{"id", job.id},
                 {"state", service::JobStageName(job.stage)},
                 {"file_name", job.file_name},
                 {"size_bytes", job.size_bytes},
                 {"sha256", job.sha256},
                 {"submitted_at", core::FormatIsoTimestamp(job.submitted_at)},
                 {"finished_at", OptTimestamp(job.finished_at)},
                 {"document_id", nullptr},
                 {"result", nullptr},
                 {"error", nullptr},
                 {"duplicate_of", OptId(job.duplicate_of)}};
  if (job.result) {
    const service::ImportResult& r = *job.result;
    o["document_id"] = r.document_id;
    o["result"] = json::object{{"document_id", r.document_id},
                               {"url", DocumentPath(r.document_id)},
                               {"format", r.format},
                               {"number", OptString(r.number)},
                               {"issuer_agency_id", OptId(r.issuer_agency_id)},
                               {"references", r.references},
                               {"references_linked", r.references_linked},
                               {"tasks", r.tasks},
                               {"targets", r.targets},
                               {"results", r.results},
                               {"reporting_rules", r.reporting_rules},
                               {"proposals", r.proposals()}};
  }
  if (job.error) {
    const char* code = "import_failed";
    if (job.duplicate_of) {
      code = "duplicate";
    } else if (job.error->code() == StatusCode::kInvalidInput) {
      code = "invalid_document";
    } else if (job.error->code() == StatusCode::kIoError) {
      code = "interrupted";
    }
    // Internal errors keep their message out of the answer (as
    // http/errors.h does for 5xx).
    const bool internal = job.error->code() == StatusCode::kInternal;
    o["error"] =
        json::object{{"code", code},
                     {"detail", internal ? std::string("internal error; see the server log")
                                         : job.error->message()}};
  }
  return o;
}

json::object AgencyJson(const core::Agency& a) {
  return json::object{{"id", a.id},
                      {"name", a.name},
                      {"abbreviation", a.abbreviation},
                      {"kind", core::AgencyKindName(a.kind)},
                      {"parent_id", OptId(a.parent_id)},
                      {"valid_from", core::FormatIsoDate(a.valid_from)},
                      {"valid_to", DateJson(a.valid_to)}};
}

json::object AgencyDetailJson(const service::AgencyDetail& detail) {
  json::object o = AgencyJson(detail.agency);
  o["parent"] = detail.parent ? json::value(AgencyRef(*detail.parent)) : json::value(nullptr);
  json::array children;
  for (const core::Agency& c : detail.children) {
    json::object child = AgencyRef(c);
    child["valid_from"] = core::FormatIsoDate(c.valid_from);
    child["valid_to"] = DateJson(c.valid_to);
    children.push_back(std::move(child));
  }
  o["children"] = std::move(children);
  json::array predecessors;
  for (const service::SuccessionLink& s : detail.predecessors) {
    predecessors.push_back(SuccessionJson(s));
  }
  o["predecessors"] = std::move(predecessors);
  json::array successors;
  for (const service::SuccessionLink& s : detail.successors)
    successors.push_back(SuccessionJson(s));
  o["successors"] = std::move(successors);
  return o;
}

}  // namespace dondoc::http
