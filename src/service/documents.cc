#include "service/documents.h"

#include <algorithm>
#include <utility>

#include "service/permissions.h"

namespace dondoc::service {
namespace {

int ClampLimit(int limit) { return std::clamp(limit, 1, 1000); }

}  // namespace

Result<std::vector<core::Document>> ListDocuments(store::Store& store, const Actor& actor,
                                                  const DocumentQuery& query) {
  if (Status s = Check(actor, Action::kReadDocuments); !s.ok()) return s;
  store::DocumentFilter filter;
  filter.kind = query.kind;
  filter.issuer_agency_id = query.issuer_id;
  filter.limit = ClampLimit(query.limit);
  filter.before_id = query.before_id;
  std::vector<core::Document> documents;
  Status s = store.Read([&](store::Transaction& tx) -> Status {
    Result<std::vector<core::Document>> page = tx.ListDocuments(filter);
    if (!page.ok()) return page.status();
    documents = std::move(page.value());
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return documents;
}

Result<std::vector<store::SearchHit>> SearchDocuments(store::Store& store, const Actor& actor,
                                                      const std::string& query, int limit) {
  if (Status s = Check(actor, Action::kReadDocuments); !s.ok()) return s;
  std::vector<store::SearchHit> hits;
  Status s = store.Read([&](store::Transaction& tx) -> Status {
    Result<std::vector<store::SearchHit>> found = tx.SearchDocuments(query, ClampLimit(limit));
    if (!found.ok()) return found.status();
    hits = std::move(found.value());
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return hits;
}

Result<DocumentDetail> GetDocumentDetail(store::Store& store, const Actor& actor, core::Id id) {
  if (Status s = Check(actor, Action::kReadDocuments); !s.ok()) return s;
  DocumentDetail detail;
  Status s = store.Read([&](store::Transaction& tx) -> Status {
    DocumentDetail d;
    Result<core::Document> document = tx.GetDocument(id);
    if (!document.ok()) return document.status();
    d.document = std::move(document.value());
    if (d.document.issuer_agency_id) {
      Result<core::Agency> issuer = tx.GetAgency(*d.document.issuer_agency_id);
      if (!issuer.ok()) return issuer.status();
      d.issuer_agency_name = issuer->name;
    }
    Result<std::vector<core::DocumentLink>> links = tx.ListDocumentLinks(id);
    if (!links.ok()) return links.status();
    for (core::DocumentLink& link : *links) {
      Citation c;
      if (link.to_document_id) {
        Result<core::Document> cited = tx.GetDocument(*link.to_document_id);
        if (!cited.ok()) return cited.status();
        c.cited_title = cited->title;
      }
      c.link = std::move(link);
      d.citations.push_back(std::move(c));
    }
    Result<std::vector<core::Proposal>> proposals = tx.ListProposals(id, std::nullopt);
    if (!proposals.ok()) return proposals.status();
    d.proposals = std::move(proposals.value());
    detail = std::move(d);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return detail;
}

Result<std::vector<core::Proposal>> ListProposalsPage(store::Store& store, const Actor& actor,
                                                      const ProposalQuery& query) {
  if (Status s = Check(actor, Action::kReadDocuments); !s.ok()) return s;
  const size_t limit = static_cast<size_t>(ClampLimit(query.limit));
  std::vector<core::Proposal> page;
  Status s = store.Read([&](store::Transaction& tx) -> Status {
    if (query.document_id) {
      if (Result<core::Document> d = tx.GetDocument(*query.document_id); !d.ok()) {
        return d.status();
      }
    }
    Result<std::vector<core::Proposal>> all = tx.ListProposals(query.document_id, query.state);
    if (!all.ok()) return all.status();
    std::sort(all->begin(), all->end(),
              [](const core::Proposal& a, const core::Proposal& b) { return a.id < b.id; });
    page.clear();
    for (core::Proposal& p : *all) {
      if (query.after_id && p.id <= *query.after_id) continue;
      if (page.size() == limit) break;
      page.push_back(std::move(p));
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return page;
}

Result<core::Proposal> GetProposal(store::Store& store, const Actor& actor, core::Id id) {
  if (Status s = Check(actor, Action::kReadDocuments); !s.ok()) return s;
  core::Proposal proposal;
  Status s = store.Read([&](store::Transaction& tx) -> Status {
    Result<core::Proposal> p = tx.GetProposal(id);
    if (!p.ok()) return p.status();
    proposal = std::move(p.value());
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return proposal;
}

Result<std::optional<core::Document>> FindImportedDocument(store::Store& store, const Actor& actor,
                                                           const std::string& sha256) {
  if (Status s = Check(actor, Action::kReadDocuments); !s.ok()) return s;
  std::optional<core::Document> found;
  Status s = store.Read([&](store::Transaction& tx) -> Status {
    store::DocumentFilter filter;
    filter.source_sha256 = sha256;
    filter.limit = 1;
    Result<std::vector<core::Document>> page = tx.ListDocuments(filter);
    if (!page.ok()) return page.status();
    found.reset();
    if (!page->empty()) found = std::move(page->front());
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return found;
}

}  // namespace dondoc::service
