#include "http/openapi.h"

#include <boost/json.hpp>

namespace dondoc::http {
namespace {

namespace json = boost::json;

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

const char* ReasonText(int status) {
  switch (status) {
    case 400:
      return "Malformed request or parameter (yêu cầu không hợp lệ)";
    case 401:
      return "Authentication required";
    case 403:
      return "Permission denied (không có quyền)";
    case 404:
      return "Not found";
    case 405:
      return "Method not allowed";
    case 409:
      return "Conflict with the current state (trạng thái hiện tại không cho phép)";
    case 413:
      return "Body too large";
    case 415:
      return "Unsupported media type";
    case 422:
      return "Invalid input (dữ liệu không hợp lệ)";
    case 503:
      return "Unavailable";
    default:
      return "Error";
  }
}

json::object ParamSchema(const ParamDoc& p) {
  json::object schema{{"type", p.type}};
  if (!p.format.empty()) schema["format"] = p.format;
  if (!p.values.empty()) {
    json::array values;
    for (const std::string& v : p.values) values.emplace_back(v);
    schema["enum"] = std::move(values);
  }
  return schema;
}

namespace document_schemas {

json::object Type(std::string_view type) { return json::object{{"type", type}}; }
json::object Nullable(std::string_view type) {
  return json::object{{"type", type}, {"nullable", true}};
}
json::object Ref(std::string_view name) {
  return json::object{{"$ref", "#/components/schemas/" + std::string(name)}};
}
json::object ArrayOf(json::object items) {
  return json::object{{"type", "array"}, {"items", std::move(items)}};
}
json::object ObjectOf(json::object properties) {
  return json::object{{"type", "object"}, {"properties", std::move(properties)}};
}

// The shapes of http/document_json.h.
void AddDocumentSchemas(json::object& schemas) {
  schemas["Span"] = json::object{
      {"type", "object"},
      {"nullable", true},
      {"description", "1-based lines and byte offsets [start, end) of the source rendition"},
      {"properties", json::object{{"line_start", Type("integer")},
                                  {"line_end", Type("integer")},
                                  {"start", Type("integer")},
                                  {"end", Type("integer")}}}};
  json::object summary{{"id", Type("integer")},
                       {"kind", Type("string")},
                       {"number", Nullable("string")},
                       {"date", Nullable("string")},
                       {"issuer_agency_id", Nullable("integer")},
                       {"issuer_name", Type("string")},
                       {"title", Type("string")},
                       {"source_name", Type("string")},
                       {"source_format", Type("string")},
                       {"source_sha256", Type("string")},
                       {"registered_at", Type("string")},
                       {"url", Type("string")}};
  schemas["DocumentSummary"] = ObjectOf(summary);
  schemas["DocumentList"] = ObjectOf(
      {{"documents", ArrayOf(Ref("DocumentSummary"))}, {"next_before", Nullable("integer")}});
  schemas["Proposal"] = ObjectOf({{"id", Type("integer")},
                                  {"document_id", Type("integer")},
                                  {"kind", Type("string")},
                                  {"state", Type("string")},
                                  {"summary", Type("string")},
                                  {"item", json::object{{"type", "object"},
                                                        {"nullable", true},
                                                        {"description",
                                                         "the item in the extraction "
                                                         "contract's JSON shape"}}},
                                  {"span", Ref("Span")},
                                  {"created_at", Type("string")},
                                  {"decided_at", Nullable("string")},
                                  {"decided_by", Nullable("integer")},
                                  {"created_item_id", Nullable("integer")},
                                  {"decision_note", Type("string")}});
  schemas["ProposalList"] =
      ObjectOf({{"proposals", ArrayOf(Ref("Proposal"))}, {"next_after", Nullable("integer")}});
  schemas["ProposalResponse"] = ObjectOf({{"proposal", Ref("Proposal")}});
  schemas["ConfirmResponse"] =
      ObjectOf({{"proposal", Ref("Proposal")},
                {"created", ObjectOf({{"kind", Type("string")}, {"id", Type("integer")}})}});
  json::object detail = summary;
  detail["issuer_agency_name"] = Nullable("string");
  detail["text"] = Type("string");
  detail["citations"] = ArrayOf(ObjectOf({{"id", Type("integer")},
                                          {"kind", Type("string")},
                                          {"number", Nullable("string")},
                                          {"date", Nullable("string")},
                                          {"issuer_name", Type("string")},
                                          {"title", Type("string")},
                                          {"span", Ref("Span")},
                                          {"document_id", Nullable("integer")},
                                          {"document_title", Nullable("string")},
                                          {"document_url", Nullable("string")}}));
  detail["items"] = ArrayOf(Ref("Proposal"));
  schemas["DocumentDetail"] = ObjectOf(std::move(detail));
  schemas["SearchResults"] = ObjectOf(
      {{"query", Type("string")},
       {"hits", ArrayOf(ObjectOf(
                    {{"document_id", Type("integer")},
                     {"title", Type("string")},
                     {"snippet", Type("string")},
                     {"snippet_parts",
                      ArrayOf(ObjectOf({{"text", Type("string")}, {"match", Type("boolean")}}))},
                     {"rank", Type("number")},
                     {"url", Type("string")}}))}});
  schemas["ImportJob"] =
      ObjectOf({{"id", Type("string")},
                {"state", json::object{{"type", "string"},
                                       {"enum", json::array{"queued", "reading", "extracting",
                                                            "storing", "done", "failed"}}}},
                {"file_name", Type("string")},
                {"size_bytes", Type("integer")},
                {"sha256", Type("string")},
                {"submitted_at", Type("string")},
                {"finished_at", Nullable("string")},
                {"document_id", Nullable("integer")},
                {"result", json::object{{"type", "object"}, {"nullable", true}}},
                {"error", json::object{{"type", "object"},
                                       {"nullable", true},
                                       {"properties", json::object{{"code", Type("string")},
                                                                   {"detail", Type("string")}}}}},
                {"duplicate_of", Nullable("integer")}});
  schemas["ImportJobResponse"] = ObjectOf({{"job", Ref("ImportJob")}});
  json::object agency{{"id", Type("integer")},
                      {"name", Type("string")},
                      {"abbreviation", Type("string")},
                      {"kind", Type("string")},
                      {"parent_id", Nullable("integer")},
                      {"valid_from", Type("string")},
                      {"valid_to", Nullable("string")}};
  json::object in_tree = agency;
  in_tree["children"] = ArrayOf(Type("integer"));
  schemas["AgencyTree"] = ObjectOf({{"on", Type("string")},
                                    {"agencies", ArrayOf(ObjectOf(std::move(in_tree)))},
                                    {"roots", ArrayOf(Type("integer"))}});
  json::object ref{
      {"id", Type("integer")}, {"name", Type("string")}, {"abbreviation", Type("string")}};
  json::object succession = ObjectOf({{"succession_id", Type("integer")},
                                      {"agency", ObjectOf(ref)},
                                      {"kind", Type("string")},
                                      {"effective", Type("string")},
                                      {"inherits_open_tasks", Type("boolean")},
                                      {"note", Type("string")}});
  json::object agency_detail = agency;
  agency_detail["parent"] = ObjectOf(ref);
  agency_detail["children"] = ArrayOf(ObjectOf(ref));
  agency_detail["predecessors"] = ArrayOf(succession);
  agency_detail["successors"] = ArrayOf(succession);
  schemas["AgencyDetail"] = ObjectOf(std::move(agency_detail));
}

}  // namespace document_schemas

namespace task_schemas {

// {"type": "object", "properties": ..., "required": [...]} from
// (name, schema) pairs; `additional` false for request bodies, which refuse
// unknown fields.
json::object ObjectSchema(std::initializer_list<std::pair<const char*, json::value>> properties,
                          std::initializer_list<const char*> required, bool additional = true) {
  json::object props;
  for (const auto& [name, schema] : properties) props[name] = schema;
  json::object o{{"type", "object"}, {"properties", std::move(props)}};
  if (required.size() > 0) {
    json::array names;
    for (const char* n : required) names.emplace_back(n);
    o["required"] = std::move(names);
  }
  if (!additional) o["additionalProperties"] = false;
  return o;
}

json::value Type(const char* type, const char* format = nullptr, bool nullable = false) {
  json::object o{{"type", type}};
  if (format) o["format"] = format;
  if (nullable) o["nullable"] = true;
  return o;
}

json::value Ref(const char* name) {
  return json::object{{"$ref", std::string("#/components/schemas/") + name}};
}

json::value ArrayOf(json::value items) {
  return json::object{{"type", "array"}, {"items", std::move(items)}};
}

// The task routes' bodies and answers (http/task_routes.cc).
void AddTaskSchemas(json::object& schemas) {
  const json::value id = Type("integer", "int64");
  const json::value nullable_id = Type("integer", "int64", true);
  const json::value date = Type("string", "date");
  const json::value nullable_date = Type("string", "date", true);
  const json::value text = Type("string");
  json::object status = Type("string", nullptr, true).as_object();
  status["enum"] =
      json::array{"done_on_time", "done_late", "open_in_time", "open_overdue", nullptr};
  json::object kind = Type("string").as_object();
  kind["enum"] = json::array{"progress",
                             "completed",
                             "reopened",
                             "extension_requested",
                             "extension_approved",
                             "extension_refused",
                             "reassigned",
                             "cancelled",
                             "comment"};
  json::object percent = Type("integer").as_object();
  percent["minimum"] = 0;
  percent["maximum"] = 100;
  json::object nullable_percent = percent;
  nullable_percent["nullable"] = true;
  const json::value span = ObjectSchema({{"line_start", Type("integer")},
                                         {"line_end", Type("integer")},
                                         {"start", Type("integer")},
                                         {"end", Type("integer")}},
                                        {"line_start", "line_end", "start", "end"}, false);

  schemas["TaskEvent"] =
      ObjectSchema({{"id", id},
                    {"task_id", id},
                    {"kind", kind},
                    {"effective_on", date},
                    {"recorded_at", Type("string", "date-time")},
                    {"actor_user_id", nullable_id},
                    {"deadline", nullable_date},
                    {"agency_id", nullable_id},
                    {"progress_percent", nullable_percent},
                    {"request_event_id", nullable_id},
                    {"note", text}},
                   {"id", "task_id", "kind", "effective_on", "recorded_at", "note"});
  schemas["TaskEventList"] =
      ObjectSchema({{"task_id", id}, {"events", ArrayOf(Ref("TaskEvent"))}}, {"task_id", "events"});
  const std::initializer_list<std::pair<const char*, json::value>> snapshot = {
      {"id", id},
      {"parent_id", nullable_id},
      {"document_id", nullable_id},
      {"text", text},
      {"assigned_on", date},
      {"first_deadline", nullable_date},
      {"deadline_text", text},
      {"lead_agency_id", id},
      {"lead", text},
      {"status", status},
      {"cancelled", Type("boolean")},
      {"deadline", nullable_date},
      {"completed_on", nullable_date}};
  schemas["TaskSnapshot"] = ObjectSchema(snapshot, {"id", "lead_agency_id", "status"});
  json::object detail = ObjectSchema(snapshot, {"id", "lead_agency_id", "status", "as_of"});
  json::object& props = detail["properties"].as_object();
  props["as_of"] = date;
  json::object nullable_span = span.as_object();
  nullable_span["nullable"] = true;
  props["span"] = nullable_span;
  props["coordinations"] = ArrayOf(ObjectSchema({{"task_id", id},
                                                 {"agency_id", id},
                                                 {"agency", text},
                                                 {"acknowledged_on", nullable_date},
                                                 {"contribution", text}},
                                                {"agency_id"}));
  props["subtasks"] = ArrayOf(Ref("TaskSnapshot"));
  props["events"] = ArrayOf(Ref("TaskEvent"));
  props["pending_extension_request"] = nullable_id;
  schemas["TaskDetail"] = std::move(detail);
  schemas["Coordination"] = ObjectSchema({{"task_id", id},
                                          {"agency_id", id},
                                          {"acknowledged_on", nullable_date},
                                          {"contribution", text}},
                                         {"task_id", "agency_id"});
  schemas["Created"] = ObjectSchema({{"id", id}, {"parent_id", id}}, {"id"});
  schemas["EventCreated"] =
      ObjectSchema({{"task_id", id}, {"event_id", id}}, {"task_id", "event_id"});

  // Request bodies: unknown fields are refused (400).
  schemas["NewTask"] = ObjectSchema({{"lead_agency_id", id},
                                     {"coordinating_agency_ids", ArrayOf(id)},
                                     {"text", text},
                                     {"assigned_on", date},
                                     {"deadline", nullable_date},
                                     {"deadline_text", text},
                                     {"document_id", nullable_id},
                                     {"span", span}},
                                    {"lead_agency_id", "text"}, false);
  schemas["NewSubtask"] = ObjectSchema({{"lead_agency_id", id},
                                        {"coordinating_agency_ids", ArrayOf(id)},
                                        {"text", text},
                                        {"deadline", nullable_date},
                                        {"deadline_text", text}},
                                       {"lead_agency_id", "text"}, false);
  schemas["ProgressBody"] =
      ObjectSchema({{"percent", percent}, {"note", text}}, {"percent"}, false);
  schemas["CompleteBody"] =
      ObjectSchema({{"evidence", text}, {"completed_on", date}}, {"evidence"}, false);
  schemas["NoteBody"] = ObjectSchema({{"note", text}}, {"note"}, false);
  schemas["ReassignBody"] = ObjectSchema(
      {{"lead_agency_id", id}, {"effective_on", date}, {"note", text}}, {"lead_agency_id"}, false);
  schemas["ExtensionRequestBody"] =
      ObjectSchema({{"deadline", date}, {"reason", text}}, {"deadline", "reason"}, false);
  schemas["ApproveBody"] = ObjectSchema({{"deadline", date}, {"note", text}}, {}, false);
  schemas["CommentBody"] = ObjectSchema({{"text", text}}, {"text"}, false);
  schemas["CoordinationBody"] = ObjectSchema(
      {{"agency_id", id}, {"acknowledge", Type("boolean")}, {"contribution", text}}, {}, false);
}

}  // namespace task_schemas

json::object Components() {
  json::object error_schema{
      {"type", "object"},
      {"required", json::array{"error", "detail", "detail_vi", "detail_en"}},
      {"properties",
       json::object{{"error", json::object{{"type", "string"},
                                           {"description", "stable machine-readable code"}}},
                    {"detail", json::object{{"type", "string"},
                                            {"description", "Vietnamese text / English text"}}},
                    {"detail_vi", json::object{{"type", "string"}}},
                    {"detail_en", json::object{{"type", "string"}}}}}};
  json::object counts{
      {"type", "object"},
      {"properties", json::object{{"done_on_time", json::object{{"type", "integer"}}},
                                  {"done_late", json::object{{"type", "integer"}}},
                                  {"open_in_time", json::object{{"type", "integer"}}},
                                  {"open_overdue", json::object{{"type", "integer"}}},
                                  {"no_deadline", json::object{{"type", "integer"}}},
                                  {"total", json::object{{"type", "integer"}}}}}};
  json::object any_object{{"type", "object"}};
  json::object schemas{{"Error", std::move(error_schema)},
                       {"StatusCounts", std::move(counts)},
                       {"Object", std::move(any_object)}};
  document_schemas::AddDocumentSchemas(schemas);
  task_schemas::AddTaskSchemas(schemas);
  return json::object{{"schemas", std::move(schemas)}};
}

}  // namespace

json::value BuildOpenApi(const Router& router, const std::string& version) {
  json::object paths;
  for (const Route& r : router.routes()) {
    json::array parameters;
    for (const std::string& seg : r.segments) {
      if (seg.size() > 2 && seg.front() == '{') {
        parameters.push_back(json::object{{"name", seg.substr(1, seg.size() - 2)},
                                          {"in", "path"},
                                          {"required", true},
                                          {"schema", json::object{{"type", "string"}}}});
      }
    }
    for (const ParamDoc& p : r.doc.query) {
      parameters.push_back(json::object{{"name", p.name},
                                        {"in", "query"},
                                        {"required", p.required},
                                        {"description", p.description},
                                        {"schema", ParamSchema(p)}});
    }
    const std::string schema = r.doc.response_schema.empty() ? "Object" : r.doc.response_schema;
    const std::string& media = r.doc.response_media;
    json::object content_schema = media == "application/json"
                                      ? json::object{{"$ref", "#/components/schemas/" + schema}}
                                      : json::object{{"type", "string"}};
    json::object responses{
        {std::to_string(r.doc.success_status),
         json::object{
             {"description", r.doc.success_status == 200 ? "OK" : "Accepted or created"},
             {"content",
              json::object{{media, json::object{{"schema", std::move(content_schema)}}}}}}}};
    for (int status : r.doc.errors) {
      responses[std::to_string(status)] = json::object{
          {"description", ReasonText(status)},
          {"content",
           json::object{
               {"application/json",
                json::object{{"schema", json::object{{"$ref", "#/components/schemas/Error"}}}}}}}};
    }
    json::object operation{{"operationId", Lower(r.method) + r.pattern},
                           {"summary", r.doc.summary},
                           {"description", r.doc.description},
                           {"parameters", std::move(parameters)},
                           {"responses", std::move(responses)}};
    if (!r.doc.tag.empty()) operation["tags"] = json::array{json::value(r.doc.tag)};
    if (r.body != BodyKind::kNone) {
      const char* media =
          r.body == BodyKind::kJson ? "application/json" : "application/octet-stream";
      json::object body_schema;
      if (!r.body_doc.request_schema.empty()) {
        body_schema["$ref"] = "#/components/schemas/" + r.body_doc.request_schema;
      }
      operation["requestBody"] = json::object{
          {"required", true},
          {"content", json::object{{media, json::object{{"schema", std::move(body_schema)}}}}}};
    }
    json::value& path = paths[r.pattern];
    if (!path.is_object()) path = json::object{};
    path.as_object()[Lower(r.method)] = std::move(operation);
  }
  return json::object{{"openapi", "3.0.3"},
                      {"info", json::object{{"title", "dondoc API"},
                                            {"version", version},
                                            {"description",
                                             "Theo dõi, đôn đốc nhiệm vụ: tracked tasks from "
                                             "directive documents. Errors: "
                                             "{error, detail, detail_vi, detail_en}."}}},
                      {"paths", std::move(paths)},
                      {"components", Components()}};
}

}  // namespace dondoc::http
