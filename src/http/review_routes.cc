// The review queue (service/documents.h to read it, service/review.h to
// decide):
//
//   GET  /api/v1/proposals?state=&document=   the queue, by id, paged
//   GET  /api/v1/documents/{id}/proposals     one document's items, paged
//   GET  /api/v1/proposals/{id}               one proposal
//   POST /api/v1/proposals/{id}/confirm       optional edits; 201 with what
//                                             was created (kind and id)
//   POST /api/v1/proposals/{id}/reject        {"note": "..."} required
//
// Deciding needs the review permission (admin, office): 403 otherwise; a
// proposal already decided is 409; an unknown one 404.

#include <boost/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "http/api.h"
#include "http/document_json.h"
#include "http/json_fields.h"
#include "service/documents.h"
#include "service/review.h"

namespace dondoc::http {
namespace {

namespace json = boost::json;

const std::vector<std::string> kStates = {"proposed", "confirmed", "rejected"};

Response ListPage(store::Store& store, const ApiOptions& options, const Request& request,
                  const service::Actor& actor, std::optional<core::Id> document_id) {
  const QueryParams& q = request.query;
  std::vector<std::string_view> known = {"state", "limit", "after"};
  if (!document_id) known.push_back("document");
  if (auto e = q.RequireKnown(known)) return ErrorResponse(*e);
  service::ProposalQuery query;
  query.document_id = document_id;
  if (!document_id) {
    auto document = q.Int("document", 1, INT64_MAX);
    if (!document.ok()) return ErrorResponse(document.error());
    query.document_id = *document;
  }
  if (auto state = q.String("state")) {
    auto parsed = core::ParseProposalState(*state);
    if (!parsed.ok()) {
      return ErrorResponse(errors::InvalidParameter("state",
                                                    "phải là proposed, confirmed hoặc rejected",
                                                    "must be proposed, confirmed or rejected"));
    }
    query.state = *parsed;
  }
  auto limit = q.Int("limit", 1, options.max_page_size);
  if (!limit.ok()) return ErrorResponse(limit.error());
  auto after = q.Int("after", 1, INT64_MAX);
  if (!after.ok()) return ErrorResponse(after.error());
  query.after_id = *after;
  const int page = static_cast<int>(limit->value_or(options.default_page_size));
  query.limit = page + 1;  // one more says whether there is a next page
  auto proposals = service::ListProposalsPage(store, actor, query);
  if (!proposals.ok()) return ErrorResponse(FromStatus(proposals.status()));
  json::array out;
  const size_t shown = std::min(proposals->size(), static_cast<size_t>(page));
  for (size_t i = 0; i < shown; ++i) out.push_back(ProposalJson((*proposals)[i]));
  json::value next = nullptr;
  if (proposals->size() > shown) next = (*proposals)[shown - 1].id;
  return JsonResponse(json::object{{"proposals", std::move(out)}, {"next_after", next}});
}

Response ListQueue(store::Store& store, const ApiOptions& options, const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  return ListPage(store, options, request, *actor, std::nullopt);
}

Response ListOfDocument(store::Store& store, const ApiOptions& options, const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  auto id = request.PathId("id");
  if (!id.ok()) return ErrorResponse(id.error());
  return ListPage(store, options, request, *actor, *id);
}

Response GetOne(store::Store& store, const ApiOptions& options, const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  if (auto e = request.query.RequireKnown({})) return ErrorResponse(*e);
  auto id = request.PathId("id");
  if (!id.ok()) return ErrorResponse(id.error());
  auto proposal = service::GetProposal(store, *actor, *id);
  if (!proposal.ok()) return ErrorResponse(FromStatus(proposal.status()));
  return JsonResponse(ProposalJson(*proposal));
}

// The edits of a confirm body; an empty body confirms as extracted.
HttpResult<service::ConfirmEdits> ReadEdits(const Request& request) {
  service::ConfirmEdits edits;
  if (request.body.empty()) return edits;
  auto fields = JsonFields::Parse(request, {"lead", "coordinating", "deadline", "text", "note"});
  if (!fields.ok()) return fields.error();
  auto lead = fields->String("lead");
  if (!lead.ok()) return lead.error();
  edits.lead = *lead;
  auto coordinating = fields->StringList("coordinating");
  if (!coordinating.ok()) return coordinating.error();
  edits.coordinating = *coordinating;
  auto deadline = fields->String("deadline");
  if (!deadline.ok()) return deadline.error();
  if (*deadline) {
    auto day = core::ParseIsoDate(**deadline);
    if (!day.ok()) {
      return InvalidField("deadline", "phải là ngày dạng YYYY-MM-DD", "expected a YYYY-MM-DD date");
    }
    edits.deadline = *day;
  }
  auto text = fields->String("text");
  if (!text.ok()) return text.error();
  if (*text && (*text)->find_first_not_of(" \t\r\n") == std::string::npos) {
    return InvalidField("text", "không được để trống", "may not be blank");
  }
  edits.text = *text;
  auto note = fields->String("note");
  if (!note.ok()) return note.error();
  edits.note = note->value_or("");
  return edits;
}

service::ReviewOptions ReviewOptionsOf(const ApiOptions& options) {
  service::ReviewOptions review;
  review.province = options.province;
  return review;
}

Response Confirm(store::Store& store, const ApiOptions& options, const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  if (auto e = request.query.RequireKnown({})) return ErrorResponse(*e);
  auto id = request.PathId("id");
  if (!id.ok()) return ErrorResponse(id.error());
  auto edits = ReadEdits(request);
  if (!edits.ok()) return ErrorResponse(edits.error());
  auto confirmed = service::ConfirmProposal(store, *actor, *id, *edits, ReviewOptionsOf(options));
  if (!confirmed.ok()) return ErrorResponse(FromStatus(confirmed.status()));
  auto proposal = service::GetProposal(store, *actor, *id);
  if (!proposal.ok()) return ErrorResponse(FromStatus(proposal.status()));
  return JsonResponse(json::object{{"proposal", ProposalJson(*proposal)},
                                   {"created", json::object{{"kind", confirmed->created_kind},
                                                            {"id", confirmed->created_item_id}}}},
                      201);
}

Response Reject(store::Store& store, const ApiOptions& options, const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  if (auto e = request.query.RequireKnown({})) return ErrorResponse(*e);
  auto id = request.PathId("id");
  if (!id.ok()) return ErrorResponse(id.error());
  auto fields = JsonFields::Parse(request, {"note"});
  if (!fields.ok()) return ErrorResponse(fields.error());
  auto note = fields->RequiredString("note");
  if (!note.ok()) return ErrorResponse(note.error());
  if (note->find_first_not_of(" \t\r\n") == std::string::npos) {
    return ErrorResponse(InvalidField("note", "cần nêu lý do", "may not be blank: say why"));
  }
  Status s = service::RejectProposal(store, *actor, *id, *note, ReviewOptionsOf(options));
  if (!s.ok()) return ErrorResponse(FromStatus(s));
  auto proposal = service::GetProposal(store, *actor, *id);
  if (!proposal.ok()) return ErrorResponse(FromStatus(proposal.status()));
  return JsonResponse(json::object{{"proposal", ProposalJson(*proposal)}});
}

}  // namespace

Status AddReviewRoutes(Router& router, store::Store& store, const ApiOptions& options) {
  const std::string page_doc = "page size, 1.." + std::to_string(options.max_page_size) +
                               " (default " + std::to_string(options.default_page_size) + ")";
  const ParamDoc state{"state", "string", "", false, "only proposals in this state", kStates};
  const ParamDoc limit{"limit", "integer", "int32", false, page_doc, {}};
  const ParamDoc after{"after", "integer", "int64", false, "proposals with a larger id (paging)",
                       {}};
  Status s = router.Add(
      "GET", "/api/v1/proposals", BodyKind::kNone,
      RouteDoc{"The review queue (hàng chờ duyệt)",
               "Extracted items waiting for (or past) review, by id. Paged: pass next_after "
               "as 'after' for the next page (null: last page).",
               "review",
               {state,
                {"document", "integer", "int64", false, "only this document's proposals", {}},
                limit,
                after},
               {400, 401, 403, 404},
               "ProposalList"},
      [&store, options](const Request& request) { return ListQueue(store, options, request); });
  if (!s.ok()) return s;
  s = router.Add("GET", "/api/v1/documents/{id}/proposals", BodyKind::kNone,
                 RouteDoc{"The proposals of one document",
                          "As /api/v1/proposals?document={id}; 404 for an unknown document.",
                          "review",
                          {state, limit, after},
                          {400, 401, 403, 404},
                          "ProposalList"},
                 [&store, options](const Request& request) {
                   return ListOfDocument(store, options, request);
                 });
  if (!s.ok()) return s;
  s = router.Add(
      "GET", "/api/v1/proposals/{id}", BodyKind::kNone,
      RouteDoc{"One proposal",
               "With its item as extracted and its span.",
               "review",
               {},
               {400, 401, 403, 404},
               "Proposal"},
      [&store, options](const Request& request) { return GetOne(store, options, request); });
  if (!s.ok()) return s;
  s = router.Add(
      "POST", "/api/v1/proposals/{id}/confirm", BodyKind::kJson,
      RouteDoc{"Confirm a proposal: it becomes tracked (xác nhận)",
               "Body (optional, JSON): lead (agency name), coordinating (agency names; "
               "replaces the list), deadline (YYYY-MM-DD), text, note. Fields left out keep "
               "the extracted value. 201 with created: {kind: task, obligation, target, "
               "figure or reporting_regime; id}. 409 when already decided, 422 for an "
               "unknown agency name or an item that cannot be tracked.",
               "review",
               {},
               {400, 401, 403, 404, 409, 415, 422},
               "ConfirmResponse",
               201},
      [&store, options](const Request& request) { return Confirm(store, options, request); });
  if (!s.ok()) return s;
  return router.Add(
      "POST", "/api/v1/proposals/{id}/reject", BodyKind::kJson,
      RouteDoc{"Reject a proposal (loại bỏ)",
               "Body: {\"note\": why} (required, not blank). 409 when already decided.",
               "review",
               {},
               {400, 401, 403, 404, 409, 415},
               "ProposalResponse"},
      [&store, options](const Request& request) { return Reject(store, options, request); });
}

}  // namespace dondoc::http
