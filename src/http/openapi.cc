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
  return json::object{{"schemas", json::object{{"Error", std::move(error_schema)},
                                               {"StatusCounts", std::move(counts)},
                                               {"Object", std::move(any_object)}}}};
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
    json::object responses{
        {"200",
         json::object{
             {"description", "OK"},
             {"content",
              json::object{{"application/json",
                            json::object{{"schema", json::object{{"$ref", "#/components/schemas/" +
                                                                              schema}}}}}}}}}};
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
      operation["requestBody"] = json::object{
          {"required", true},
          {"content", json::object{{media, json::object{{"schema", json::object{}}}}}}};
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
