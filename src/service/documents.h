// Reading registered documents: the list, full-text search, one document's
// detail (header, cleaned text, citations with the stored documents they
// name, and every extracted item with its span and review state), and the
// review queue page by page. Every call checks Action::kReadDocuments
// (service/permissions.h): every role reads documents and what was
// extracted from them; deciding a proposal is service/review.h (kReview).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "core/model.h"
#include "service/actor.h"
#include "store/store.h"

namespace dondoc::service {

struct DocumentQuery {
  std::optional<std::string> kind;    // exact, e.g. "Kế hoạch"
  std::optional<core::Id> issuer_id;  // the issuing agency
  int limit = 50;                     // 1..1000
  std::optional<core::Id> before_id;  // keyset paging, newest first
};

Result<std::vector<core::Document>> ListDocuments(store::Store& store, const Actor& actor,
                                                  const DocumentQuery& query);

// Diacritic-insensitive (đ = d), best first, snippets with the matched words
// between [ and ]. An empty query or one without words finds nothing.
Result<std::vector<store::SearchHit>> SearchDocuments(store::Store& store, const Actor& actor,
                                                      const std::string& query, int limit);

// A citation, and the title of the stored document it names when there is
// one.
struct Citation {
  core::DocumentLink link;
  std::optional<std::string> cited_title;
};

struct DocumentDetail {
  core::Document document;
  std::optional<std::string> issuer_agency_name;  // when issuer_agency_id is set
  std::vector<Citation> citations;
  std::vector<core::Proposal> proposals;  // by id
};

// NotFound when there is no such document. One read snapshot.
Result<DocumentDetail> GetDocumentDetail(store::Store& store, const Actor& actor, core::Id id);

// The review queue: proposals of one document and/or in one state, by id
// ascending, `limit` (1..1000) after `after_id`. NotFound for an unknown
// document. (The store lists a document's or a state's proposals whole;
// the page is cut here.)
struct ProposalQuery {
  std::optional<core::Id> document_id;
  std::optional<core::ProposalState> state;
  int limit = 50;
  std::optional<core::Id> after_id;
};

Result<std::vector<core::Proposal>> ListProposalsPage(store::Store& store, const Actor& actor,
                                                      const ProposalQuery& query);

Result<core::Proposal> GetProposal(store::Store& store, const Actor& actor, core::Id id);

// The stored document imported from bytes with this SHA-256 (hex), if any:
// the duplicate an upload would be refused as.
Result<std::optional<core::Document>> FindImportedDocument(store::Store& store, const Actor& actor,
                                                           const std::string& sha256);

}  // namespace dondoc::service
