// Agencies (service/agencies.h):
//
//   GET  /api/v1/agencies?on=DAY          the agencies in existence on DAY
//                                         (default today) as a tree: each
//                                         with parent_id and children ids
//   GET  /api/v1/agencies/{id}            one agency with its history:
//                                         valid_from/to, parent, children,
//                                         predecessors and successors
//   POST /api/v1/agencies                 add one (admin)
//   POST /api/v1/agencies/{id}/successions  its work passes to another
//                                         agency from a day (admin)

#include <boost/json.hpp>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "http/api.h"
#include "http/document_json.h"
#include "http/json_fields.h"
#include "service/agencies.h"
#include "service/import.h"

namespace dondoc::http {
namespace {

namespace json = boost::json;

core::Date Today() { return core::LocalDay(service::NowUtc()); }

std::vector<std::string> AgencyKindNames() {
  std::vector<std::string> names;
  for (core::AgencyKind k :
       {core::AgencyKind::kProvincialCommittee, core::AgencyKind::kOffice,
        core::AgencyKind::kDepartment, core::AgencyKind::kBoard, core::AgencyKind::kSector,
        core::AgencyKind::kDistrictCommittee, core::AgencyKind::kCommuneCommittee,
        core::AgencyKind::kMassOrganisation, core::AgencyKind::kCentral,
        core::AgencyKind::kOther}) {
    names.emplace_back(core::AgencyKindName(k));
  }
  return names;
}

std::vector<std::string> SuccessionKindNames() {
  std::vector<std::string> names;
  for (core::SuccessionKind k : {core::SuccessionKind::kMerge, core::SuccessionKind::kSplit,
                                 core::SuccessionKind::kRename, core::SuccessionKind::kTransfer}) {
    names.emplace_back(core::SuccessionKindName(k));
  }
  return names;
}

std::string Joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

Response ListAgencies(store::Store& store, const ApiOptions& options, const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  if (auto e = request.query.RequireKnown({"on"})) return ErrorResponse(*e);
  auto on = request.query.Date("on");
  if (!on.ok()) return ErrorResponse(on.error());
  const core::Date day = on->value_or(Today());
  auto agencies = service::ListAgencies(store, *actor, day);
  if (!agencies.ok()) return ErrorResponse(FromStatus(agencies.status()));
  std::map<core::Id, json::array> children;
  std::map<core::Id, bool> present;
  for (const core::Agency& a : *agencies) present[a.id] = true;
  for (const core::Agency& a : *agencies) {
    if (a.parent_id && present.count(*a.parent_id)) children[*a.parent_id].emplace_back(a.id);
  }
  json::array out;
  json::array roots;
  for (const core::Agency& a : *agencies) {
    json::object o = AgencyJson(a);
    o["children"] = children.count(a.id) ? children[a.id] : json::array();
    out.push_back(std::move(o));
    // A parent that does not exist on the day leaves its child a root.
    if (!a.parent_id || !present.count(*a.parent_id)) roots.emplace_back(a.id);
  }
  return JsonResponse(json::object{
      {"on", core::FormatIsoDate(day)}, {"agencies", std::move(out)}, {"roots", std::move(roots)}});
}

Response GetAgency(store::Store& store, const ApiOptions& options, const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  if (auto e = request.query.RequireKnown({})) return ErrorResponse(*e);
  auto id = request.PathId("id");
  if (!id.ok()) return ErrorResponse(id.error());
  auto detail = service::GetAgencyDetail(store, *actor, *id);
  if (!detail.ok()) return ErrorResponse(FromStatus(detail.status()));
  return JsonResponse(AgencyDetailJson(*detail));
}

HttpResult<core::Date> DateField(const JsonFields& fields, std::string_view name, bool required) {
  auto text = fields.String(name);
  if (!text.ok()) return text.error();
  if (!text->has_value()) {
    if (required) return InvalidField(name, "bắt buộc", "required");
    return core::Date{};
  }
  auto day = core::ParseIsoDate(**text);
  if (!day.ok()) return InvalidField(name, "phải là ngày dạng YYYY-MM-DD", "expected YYYY-MM-DD");
  return *day;
}

Response AddAgency(store::Store& store, const ApiOptions& options, const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  if (auto e = request.query.RequireKnown({})) return ErrorResponse(*e);
  auto fields = JsonFields::Parse(
      request, {"name", "abbreviation", "kind", "parent_id", "valid_from", "valid_to"});
  if (!fields.ok()) return ErrorResponse(fields.error());
  core::Agency agency;
  auto name = fields->RequiredString("name");
  if (!name.ok()) return ErrorResponse(name.error());
  if (name->find_first_not_of(" \t") == std::string::npos || name->size() > 500) {
    return ErrorResponse(
        InvalidField("name", "không trống, tối đa 500 byte", "not blank, at most 500 bytes"));
  }
  agency.name = *name;
  auto abbreviation = fields->String("abbreviation");
  if (!abbreviation.ok()) return ErrorResponse(abbreviation.error());
  agency.abbreviation = abbreviation->value_or("");
  auto kind = fields->RequiredString("kind");
  if (!kind.ok()) return ErrorResponse(kind.error());
  auto parsed_kind = core::ParseAgencyKind(*kind);
  if (!parsed_kind.ok()) {
    const std::string all = Joined(AgencyKindNames());
    return ErrorResponse(InvalidField("kind", "phải là một trong " + all, "must be one of " + all));
  }
  agency.kind = *parsed_kind;
  auto parent = fields->Int("parent_id");
  if (!parent.ok()) return ErrorResponse(parent.error());
  if (*parent && **parent <= 0) {
    return ErrorResponse(InvalidField("parent_id", "phải là số dương", "expected a positive id"));
  }
  agency.parent_id = *parent;
  auto from = DateField(*fields, "valid_from", /*required=*/true);
  if (!from.ok()) return ErrorResponse(from.error());
  agency.valid_from = *from;
  if (fields->Has("valid_to")) {
    auto to = DateField(*fields, "valid_to", /*required=*/true);
    if (!to.ok()) return ErrorResponse(to.error());
    agency.valid_to = *to;
  }
  auto id = service::AddAgency(store, *actor, agency);
  if (!id.ok()) return ErrorResponse(FromStatus(id.status()));
  auto detail = service::GetAgencyDetail(store, *actor, *id);
  if (!detail.ok()) return ErrorResponse(FromStatus(detail.status()));
  Response r = JsonResponse(AgencyDetailJson(*detail), 201);
  r.headers.emplace_back("Location", "/api/v1/agencies/" + std::to_string(*id));
  return r;
}

Response AddSuccession(store::Store& store, const ApiOptions& options, const Request& request) {
  auto actor = options.authenticate(request);
  if (!actor.ok()) return ErrorResponse(actor.error());
  if (auto e = request.query.RequireKnown({})) return ErrorResponse(*e);
  auto id = request.PathId("id");
  if (!id.ok()) return ErrorResponse(id.error());
  auto fields = JsonFields::Parse(
      request, {"successor_id", "effective", "kind", "inherits_open_tasks", "note"});
  if (!fields.ok()) return ErrorResponse(fields.error());
  core::Succession succession;
  succession.predecessor_id = *id;
  auto successor = fields->Int("successor_id");
  if (!successor.ok()) return ErrorResponse(successor.error());
  if (!*successor || **successor <= 0) {
    return ErrorResponse(
        InvalidField("successor_id", "bắt buộc, số dương", "required, a positive agency id"));
  }
  succession.successor_id = **successor;
  auto effective = DateField(*fields, "effective", /*required=*/true);
  if (!effective.ok()) return ErrorResponse(effective.error());
  succession.effective = *effective;
  auto kind = fields->RequiredString("kind");
  if (!kind.ok()) return ErrorResponse(kind.error());
  auto parsed_kind = core::ParseSuccessionKind(*kind);
  if (!parsed_kind.ok()) {
    const std::string all = Joined(SuccessionKindNames());
    return ErrorResponse(InvalidField("kind", "phải là một trong " + all, "must be one of " + all));
  }
  succession.kind = *parsed_kind;
  auto inherits = fields->Bool("inherits_open_tasks");
  if (!inherits.ok()) return ErrorResponse(inherits.error());
  succession.inherits_open_tasks = inherits->value_or(true);
  auto note = fields->String("note");
  if (!note.ok()) return ErrorResponse(note.error());
  succession.note = note->value_or("");
  auto added = service::AddSuccession(store, *actor, succession);
  if (!added.ok()) return ErrorResponse(FromStatus(added.status()));
  auto detail = service::GetAgencyDetail(store, *actor, *id);
  if (!detail.ok()) return ErrorResponse(FromStatus(detail.status()));
  json::object body = AgencyDetailJson(*detail);
  body["succession_id"] = *added;
  return JsonResponse(body, 201);
}

}  // namespace

Status AddAgencyRoutes(Router& router, store::Store& store, const ApiOptions& options) {
  Status s = router.Add(
      "GET", "/api/v1/agencies", BodyKind::kNone,
      RouteDoc{
          "Agencies on a day, as a tree (cơ quan, đơn vị)",
          "Every agency in existence on that day with its kind, abbreviation, parent_id "
          "and children (ids); roots are those without a parent on the day.",
          "agencies",
          {{"on", "string", "date", false, "the day, YYYY-MM-DD (default: today in UTC+7)", {}}},
          {400, 401, 403},
          "AgencyTree"},
      [&store, options](const Request& request) { return ListAgencies(store, options, request); });
  if (!s.ok()) return s;
  s = router.Add(
      "GET", "/api/v1/agencies/{id}", BodyKind::kNone,
      RouteDoc{"One agency with its history",
               "valid_from/valid_to, parent, children (any day), predecessors and successors "
               "(each with the succession kind, effective day and whether open tasks pass).",
               "agencies",
               {},
               {400, 401, 403, 404},
               "AgencyDetail"},
      [&store, options](const Request& request) { return GetAgency(store, options, request); });
  if (!s.ok()) return s;
  s = router.Add(
      "POST", "/api/v1/agencies", BodyKind::kJson,
      RouteDoc{"Add an agency (admin)",
               "Body: name, kind (" + Joined(AgencyKindNames()) +
                   "), valid_from (YYYY-MM-DD) required; abbreviation, parent_id, valid_to "
                   "optional. 201 with the agency. 422 when the name is in use on that day or "
                   "the parent is unknown.",
               "agencies",
               {},
               {400, 401, 403, 415, 422},
               "AgencyDetail",
               201},
      [&store, options](const Request& request) { return AddAgency(store, options, request); });
  if (!s.ok()) return s;
  return router.Add(
      "POST", "/api/v1/agencies/{id}/successions", BodyKind::kJson,
      RouteDoc{"Record a succession: merge, split, rename or transfer (admin)",
               "Body: successor_id, effective (YYYY-MM-DD), kind (" +
                   Joined(SuccessionKindNames()) +
                   ") required; inherits_open_tasks (default true), note. From that day the "
                   "agency's open tasks pass to the successor. 422 for an unknown agency, an "
                   "agency succeeding itself, a cycle, or two inheriting successions of one "
                   "agency on one day.",
               "agencies",
               {},
               {400, 401, 403, 404, 415, 422},
               "AgencyDetail",
               201},
      [&store, options](const Request& request) { return AddSuccession(store, options, request); });
}

}  // namespace dondoc::http
