// Documents, the citation graph, full-text search and the review queue in
// the SQLite store.
#include <algorithm>
#include <string>

#include "store/sqlite_tokenizer.h"
#include "store/sqlite_transaction.h"
#include "text/vietnamese.h"

namespace dondoc::store::sqlite {

namespace {

constexpr std::string_view kDocumentColumns =
    "id, kind, number, date, issuer_agency_id, issuer_name, title, source_name, source_format, "
    "source_sha256, cleaned_text, registered_at";

Result<core::Document> ReadDocument(const Stmt& row) {
  core::Document document;
  document.id = row.Int(0);
  document.kind = row.Text(1);
  document.number = row.OptText(2);
  STORE_ASSIGN_OR_RETURN(document.date, row.OptDate(3));
  document.issuer_agency_id = row.OptInt(4);
  document.issuer_name = row.Text(5);
  document.title = row.Text(6);
  document.source_name = row.Text(7);
  document.source_format = row.Text(8);
  document.source_sha256 = row.Text(9);
  document.cleaned_text = row.Text(10);
  STORE_ASSIGN_OR_RETURN(document.registered_at, row.TimestampAt(11));
  return document;
}

// One document number per issuer: the agency when known, else the folded
// issuer name as extracted.
std::string IssuerKey(const core::Document& document) {
  if (document.issuer_agency_id) return "agency:" + std::to_string(*document.issuer_agency_id);
  return "name:" + text::SearchKey(document.issuer_name);
}

constexpr std::string_view kProposalColumns =
    "id, document_id, kind, state, summary, payload_json, span_line_start, span_line_end, "
    "span_start, span_end, created_at, decided_at, decided_by, created_item_id, decision_note";

Result<core::Proposal> ReadProposal(const Stmt& row) {
  core::Proposal proposal;
  proposal.id = row.Int(0);
  proposal.document_id = row.Int(1);
  STORE_ASSIGN_OR_RETURN(proposal.kind, core::ParseProposalKind(row.Text(2)));
  STORE_ASSIGN_OR_RETURN(proposal.state, core::ParseProposalState(row.Text(3)));
  proposal.summary = row.Text(4);
  proposal.payload_json = row.Text(5);
  proposal.span = SpanAt(row, 6);
  STORE_ASSIGN_OR_RETURN(proposal.created_at, row.TimestampAt(10));
  STORE_ASSIGN_OR_RETURN(proposal.decided_at, row.OptTimestamp(11));
  proposal.decided_by = row.OptInt(12);
  proposal.created_item_id = row.OptInt(13);
  proposal.decision_note = row.Text(14);
  return proposal;
}

}  // namespace

void BindSpan(Stmt& stmt, int first, const std::optional<core::SourceSpan>& span) {
  if (!span) {
    for (int i = 0; i < 4; ++i) stmt.BindNull(first + i);
    return;
  }
  stmt.Bind(first, static_cast<int64_t>(span->line_start))
      .Bind(first + 1, static_cast<int64_t>(span->line_end))
      .Bind(first + 2, static_cast<int64_t>(span->start))
      .Bind(first + 3, static_cast<int64_t>(span->end));
}

std::optional<core::SourceSpan> SpanAt(const Stmt& stmt, int first) {
  if (stmt.IsNull(first)) return std::nullopt;
  core::SourceSpan span;
  span.line_start = static_cast<uint32_t>(stmt.Int(first));
  span.line_end = static_cast<uint32_t>(stmt.Int(first + 1));
  span.start = static_cast<uint32_t>(stmt.Int(first + 2));
  span.end = static_cast<uint32_t>(stmt.Int(first + 3));
  return span;
}

Result<core::Period> PeriodAt(const Stmt& stmt, int column) {
  Result<core::Period> period = core::ParsePeriodKey(stmt.Text(column));
  if (!period.ok())
    return Status::Internal("bad period in the database: " + period.status().message());
  return period;
}

Result<Id> SqliteTransaction::AddDocument(const core::Document& document) {
  STORE_RETURN_IF_ERROR(RequireOptionalRow("agencies", document.issuer_agency_id, "issuer agency"));
  const std::string issuer_key = IssuerKey(document);
  if (document.number) {
    STORE_ASSIGN_OR_RETURN(
        Stmt same, db_.Prepare("SELECT id FROM documents WHERE issuer_key = ?1 AND number = ?2"));
    same.Bind(1, issuer_key).Bind(2, *document.number);
    STORE_ASSIGN_OR_RETURN(const bool found, same.Step());
    if (found) {
      const std::string issuer = document.issuer_agency_id
                                     ? "agency " + std::to_string(*document.issuer_agency_id)
                                     : "\"" + document.issuer_name + "\"";
      return Status::InvalidInput("duplicate document number " + *document.number + " from " +
                                  issuer + " (already stored as document " +
                                  std::to_string(same.Int(0)) + ")");
    }
  }
  STORE_ASSIGN_OR_RETURN(
      Stmt stmt,
      db_.Prepare("INSERT INTO documents (kind, number, date, issuer_agency_id, issuer_name, "
                  "issuer_key, title, source_name, source_format, source_sha256, cleaned_text, "
                  "registered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"));
  stmt.Bind(1, document.kind)
      .Bind(2, document.number)
      .Bind(3, document.date)
      .Bind(4, document.issuer_agency_id)
      .Bind(5, document.issuer_name)
      .Bind(6, issuer_key)
      .Bind(7, document.title)
      .Bind(8, document.source_name)
      .Bind(9, document.source_format)
      .Bind(10, document.source_sha256)
      .Bind(11, document.cleaned_text)
      .Bind(12, document.registered_at);
  STORE_RETURN_IF_ERROR(stmt.Run());
  const Id id = db_.LastInsertId();
  STORE_ASSIGN_OR_RETURN(Stmt fts,
                         db_.Prepare("INSERT INTO documents_fts (rowid, title, cleaned_text) "
                                     "VALUES (?1, ?2, ?3)"));
  fts.Bind(1, id).Bind(2, document.title).Bind(3, document.cleaned_text);
  STORE_RETURN_IF_ERROR(fts.Run());
  return id;
}

Result<core::Document> SqliteTransaction::GetDocument(Id id) {
  STORE_ASSIGN_OR_RETURN(Stmt stmt, db_.Prepare("SELECT " + std::string(kDocumentColumns) +
                                                " FROM documents WHERE id = ?1"));
  stmt.Bind(1, id);
  STORE_ASSIGN_OR_RETURN(const bool found, stmt.Step());
  if (!found) return Status::NotFound("no document " + std::to_string(id));
  return ReadDocument(stmt);
}

Result<std::vector<core::Document>> SqliteTransaction::ListDocuments(const DocumentFilter& filter) {
  const int limit = std::clamp(filter.limit, 1, 1000);
  // Only the filters that are set go into the statement: SQLite plans once
  // per statement, and "?1 IS NULL OR col = ?1" would keep it from using
  // the index on the one column that narrows (source_sha256, number).
  std::string sql = "SELECT " + std::string(kDocumentColumns) + " FROM documents WHERE 1";
  if (filter.kind) sql += " AND kind = ?1";
  if (filter.issuer_agency_id) sql += " AND issuer_agency_id = ?2";
  if (filter.source_sha256) sql += " AND source_sha256 = ?3";
  if (filter.number) sql += " AND number = ?4";
  if (filter.before_id) sql += " AND id < ?5";
  sql += " ORDER BY id DESC LIMIT ?6";
  STORE_ASSIGN_OR_RETURN(Stmt stmt, db_.Prepare(sql));
  if (filter.kind) stmt.Bind(1, *filter.kind);
  if (filter.issuer_agency_id) stmt.Bind(2, *filter.issuer_agency_id);
  if (filter.source_sha256) stmt.Bind(3, *filter.source_sha256);
  if (filter.number) stmt.Bind(4, *filter.number);
  if (filter.before_id) stmt.Bind(5, *filter.before_id);
  stmt.Bind(6, limit);
  std::vector<core::Document> documents;
  while (true) {
    STORE_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) return documents;
    STORE_ASSIGN_OR_RETURN(core::Document document, ReadDocument(stmt));
    documents.push_back(std::move(document));
  }
}

Result<std::vector<SearchHit>> SqliteTransaction::SearchDocuments(std::string_view query,
                                                                  int limit) {
  // Every word of the query must occur; each is quoted so that no user text
  // is read as FTS5 syntax.
  std::string match;
  for (const std::string& token : FoldedTokens(query)) {
    if (!match.empty()) match += ' ';
    match += '"' + token + '"';
  }
  std::vector<SearchHit> hits;
  if (match.empty()) return hits;
  // The title weighs ten times the body; bm25 is lower for better matches.
  STORE_ASSIGN_OR_RETURN(
      Stmt stmt, db_.Prepare("SELECT d.id, d.title, snippet(documents_fts, -1, '[', ']', '…', 16), "
                             "bm25(documents_fts, 10.0, 1.0) AS score FROM documents_fts "
                             "JOIN documents d ON d.id = documents_fts.rowid "
                             "WHERE documents_fts MATCH ?1 ORDER BY score, d.id LIMIT ?2"));
  stmt.Bind(1, match).Bind(2, std::clamp(limit, 1, 1000));
  while (true) {
    STORE_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) return hits;
    SearchHit hit;
    hit.document_id = stmt.Int(0);
    hit.title = stmt.Text(1);
    hit.snippet = stmt.Text(2);
    hit.rank = -stmt.Double(3);
    hits.push_back(std::move(hit));
  }
}

Result<Id> SqliteTransaction::AddDocumentLink(const core::DocumentLink& link) {
  STORE_RETURN_IF_ERROR(RequireRow("documents", link.from_document_id, "document"));
  STORE_RETURN_IF_ERROR(RequireOptionalRow("documents", link.to_document_id, "cited document"));
  STORE_ASSIGN_OR_RETURN(
      Stmt stmt,
      db_.Prepare("INSERT INTO document_links (from_document_id, to_document_id, kind, number, "
                  "date, issuer_name, title, span_line_start, span_line_end, span_start, "
                  "span_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"));
  stmt.Bind(1, link.from_document_id)
      .Bind(2, link.to_document_id)
      .Bind(3, link.kind)
      .Bind(4, link.number)
      .Bind(5, link.date)
      .Bind(6, link.issuer_name)
      .Bind(7, link.title);
  BindSpan(stmt, 8, link.span);
  STORE_RETURN_IF_ERROR(stmt.Run());
  return db_.LastInsertId();
}

Result<std::vector<core::DocumentLink>> SqliteTransaction::ListDocumentLinks(Id from_document_id) {
  STORE_ASSIGN_OR_RETURN(
      Stmt stmt,
      db_.Prepare("SELECT id, from_document_id, to_document_id, kind, number, date, issuer_name, "
                  "title, span_line_start, span_line_end, span_start, span_end "
                  "FROM document_links WHERE from_document_id = ?1 ORDER BY id"));
  stmt.Bind(1, from_document_id);
  std::vector<core::DocumentLink> links;
  while (true) {
    STORE_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) return links;
    core::DocumentLink link;
    link.id = stmt.Int(0);
    link.from_document_id = stmt.Int(1);
    link.to_document_id = stmt.OptInt(2);
    link.kind = stmt.Text(3);
    link.number = stmt.OptText(4);
    STORE_ASSIGN_OR_RETURN(link.date, stmt.OptDate(5));
    link.issuer_name = stmt.Text(6);
    link.title = stmt.Text(7);
    link.span = SpanAt(stmt, 8);
    links.push_back(std::move(link));
  }
}

Result<Id> SqliteTransaction::AddProposal(const core::Proposal& proposal) {
  STORE_RETURN_IF_ERROR(RequireRow("documents", proposal.document_id, "document"));
  STORE_ASSIGN_OR_RETURN(
      Stmt stmt,
      db_.Prepare("INSERT INTO proposals (document_id, kind, state, summary, payload_json, "
                  "span_line_start, span_line_end, span_start, span_end, created_at, decided_at, "
                  "decided_by, created_item_id, decision_note) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"));
  stmt.Bind(1, proposal.document_id)
      .Bind(2, core::ProposalKindName(proposal.kind))
      .Bind(3, core::ProposalStateName(proposal.state))
      .Bind(4, proposal.summary)
      .Bind(5, proposal.payload_json);
  BindSpan(stmt, 6, proposal.span);
  stmt.Bind(10, proposal.created_at)
      .Bind(11, proposal.decided_at)
      .Bind(12, proposal.decided_by)
      .Bind(13, proposal.created_item_id)
      .Bind(14, proposal.decision_note);
  STORE_RETURN_IF_ERROR(stmt.Run());
  return db_.LastInsertId();
}

Result<core::Proposal> SqliteTransaction::GetProposal(Id id) {
  STORE_ASSIGN_OR_RETURN(Stmt stmt, db_.Prepare("SELECT " + std::string(kProposalColumns) +
                                                " FROM proposals WHERE id = ?1"));
  stmt.Bind(1, id);
  STORE_ASSIGN_OR_RETURN(const bool found, stmt.Step());
  if (!found) return Status::NotFound("no proposal " + std::to_string(id));
  return ReadProposal(stmt);
}

Result<std::vector<core::Proposal>> SqliteTransaction::ListProposals(
    std::optional<Id> document_id, std::optional<core::ProposalState> state) {
  STORE_ASSIGN_OR_RETURN(Stmt stmt,
                         db_.Prepare("SELECT " + std::string(kProposalColumns) +
                                     " FROM proposals WHERE (?1 IS NULL OR document_id = ?1) AND "
                                     "(?2 IS NULL OR state = ?2) ORDER BY id"));
  stmt.Bind(1, document_id);
  if (state) stmt.Bind(2, core::ProposalStateName(*state));
  std::vector<core::Proposal> proposals;
  while (true) {
    STORE_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) return proposals;
    STORE_ASSIGN_OR_RETURN(core::Proposal proposal, ReadProposal(stmt));
    proposals.push_back(std::move(proposal));
  }
}

Status SqliteTransaction::UpdateProposal(const core::Proposal& proposal) {
  // The document and creation time of a proposal never change.
  STORE_ASSIGN_OR_RETURN(
      Stmt stmt,
      db_.Prepare("UPDATE proposals SET kind = ?2, state = ?3, summary = ?4, payload_json = ?5, "
                  "span_line_start = ?6, span_line_end = ?7, span_start = ?8, span_end = ?9, "
                  "decided_at = ?10, decided_by = ?11, created_item_id = ?12, "
                  "decision_note = ?13 WHERE id = ?1"));
  stmt.Bind(1, proposal.id)
      .Bind(2, core::ProposalKindName(proposal.kind))
      .Bind(3, core::ProposalStateName(proposal.state))
      .Bind(4, proposal.summary)
      .Bind(5, proposal.payload_json);
  BindSpan(stmt, 6, proposal.span);
  stmt.Bind(10, proposal.decided_at)
      .Bind(11, proposal.decided_by)
      .Bind(12, proposal.created_item_id)
      .Bind(13, proposal.decision_note);
  STORE_RETURN_IF_ERROR(stmt.Run());
  if (db_.Changes() == 0) return Status::NotFound("no proposal " + std::to_string(proposal.id));
  return Status::Ok();
}

}  // namespace dondoc::store::sqlite
