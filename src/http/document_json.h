// JSON shapes of documents, proposals, import jobs and agencies, shared by
// their routes (document_routes.cc, review_routes.cc, agency_routes.cc) and
// described by the schemas of the same names in the OpenAPI document
// (http/openapi.cc).
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>

#include "core/model.h"
#include "service/agencies.h"
#include "service/documents.h"
#include "service/import_jobs.h"

namespace dondoc::http {

boost::json::value DateJson(const std::optional<core::Date>& date);
boost::json::value SpanJson(const std::optional<core::SourceSpan>& span);

// A list entry: header fields, no text.
boost::json::object DocumentSummaryJson(const core::Document& d);
// The detail: header, cleaned text, citations, every extracted item.
boost::json::object DocumentDetailJson(const service::DocumentDetail& detail);
// A proposal with its item as extracted (the contract's JSON) and its span.
boost::json::object ProposalJson(const core::Proposal& p);
boost::json::object SearchHitJson(const store::SearchHit& hit);
boost::json::object ImportJobJson(const service::ImportJob& job);
boost::json::object AgencyJson(const core::Agency& a);
boost::json::object AgencyDetailJson(const service::AgencyDetail& detail);

}  // namespace dondoc::http
