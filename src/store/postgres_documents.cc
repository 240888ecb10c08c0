// Documents, the citation graph, full-text search and the review queue in
// the PostgreSQL store.
//
// Search (schema step 3, postgres_schema.h): documents.search holds the
// folded title (weight A) and body (weight D); a query goes through the
// same folding (dondoc_search_text) into plainto_tsquery, so every word must
// occur, diacritics and case aside, đ = d. Ranking is ts_rank (higher is
// better). The snippet is ts_headline with the dondoc_vi configuration over
// the author's own text, cut to a window around the first match because
// ts_headline parses the whole text it is given.
#include <algorithm>
#include <string>

#include "store/postgres_schema.h"
#include "store/postgres_transaction.h"
#include "text/vietnamese.h"

namespace dondoc::store::pg {

namespace {

constexpr std::string_view kDocumentColumns =
    "id, kind, number, date, issuer_agency_id, issuer_name, title, source_name, source_format, "
    "source_sha256, cleaned_text, " PG_EPOCH("registered_at");

// Characters of a body indexed for search when the whole body is beyond
// what a tsvector holds (1 MB; reached by documents with ~100 000 distinct
// words). 180 000 characters stay under it whatever the words.
constexpr int kSearchFallbackChars = 180000;

// Words in a snippet, as the SQLite store's snippet(..., 16).
constexpr std::string_view kHeadlineOptions =
    "StartSel=\"\xEE\x80\x81\", StopSel=\"\xEE\x80\x82\", MaxWords=16, MinWords=6, "
    "ShortWord=0, MaxFragments=1, FragmentDelimiter=\" \"";
// ts_headline marks matches with these private-use characters (U+E001,
// U+E002), replaced by [ and ] afterwards so that brackets in the text
// itself do not confuse the ellipsis test below.
constexpr std::string_view kStartMark = "\xEE\x80\x81";
constexpr std::string_view kStopMark = "\xEE\x80\x82";
// ASCII punctuation that dondoc_search_text turns into spaces (see
// postgres_schema.cc). In the text given to ts_headline each becomes its
// full-width form (U+FF01..U+FF5E), which the parser also takes for a
// separator, so that "730/QĐ-UBND" highlights as "730/[QĐ]-[UBND]"; the
// snippet turns them back. (A full-width sign in the original comes back
// as ASCII, a small liberty in a snippet.)
constexpr std::string_view kPunctuation = "/-.,:;_@&+()[]{}<>\"!?*#%=|\\~^`$'";

std::string FullWidth(std::string_view ascii) {
  std::string out;
  for (char c : ascii) {
    const auto cp = static_cast<char32_t>(0xFEE0 + static_cast<unsigned char>(c));
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

// Full-width forms of kPunctuation back to ASCII.
std::string FromFullWidth(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 == 0xEF && i + 2 < text.size()) {
      const auto b1 = static_cast<unsigned char>(text[i + 1]);
      const auto b2 = static_cast<unsigned char>(text[i + 2]);
      const char32_t cp = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
      if (cp >= 0xFF01 && cp <= 0xFF5E &&
          kPunctuation.find(static_cast<char>(cp - 0xFEE0)) != std::string_view::npos) {
        out += static_cast<char>(cp - 0xFEE0);
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

Result<core::Document> ReadDocument(const Rows& rows, int row) {
  core::Document document;
  document.id = rows.Int(row, 0);
  document.kind = rows.Text(row, 1);
  document.number = rows.OptText(row, 2);
  document.date = rows.OptDate(row, 3);
  document.issuer_agency_id = rows.OptInt(row, 4);
  document.issuer_name = rows.Text(row, 5);
  document.title = rows.Text(row, 6);
  document.source_name = rows.Text(row, 7);
  document.source_format = rows.Text(row, 8);
  document.source_sha256 = rows.Text(row, 9);
  document.cleaned_text = rows.Text(row, 10);
  document.registered_at = rows.TimestampAt(row, 11);
  return document;
}

// One document number per issuer: the agency when known, else the folded
// issuer name as extracted (as in the SQLite store).
std::string IssuerKey(const core::Document& document) {
  if (document.issuer_agency_id) return "agency:" + std::to_string(*document.issuer_agency_id);
  return "name:" + text::SearchKey(document.issuer_name);
}

constexpr std::string_view kProposalColumns =
    "id, document_id, kind, state, summary, payload_json, span_line_start, span_line_end, "
    "span_start, span_end, " PG_EPOCH("created_at") ", " PG_EPOCH(
        "decided_at") ", decided_by, created_item_id, decision_note";

Result<core::Proposal> ReadProposal(const Rows& rows, int row) {
  core::Proposal proposal;
  proposal.id = rows.Int(row, 0);
  proposal.document_id = rows.Int(row, 1);
  PG_ASSIGN_OR_RETURN(proposal.kind, core::ParseProposalKind(rows.Text(row, 2)));
  PG_ASSIGN_OR_RETURN(proposal.state, core::ParseProposalState(rows.Text(row, 3)));
  proposal.summary = rows.Text(row, 4);
  proposal.payload_json = rows.Text(row, 5);
  proposal.span = SpanAt(rows, row, 6);
  proposal.created_at = rows.TimestampAt(row, 10);
  proposal.decided_at = rows.OptTimestamp(row, 11);
  proposal.decided_by = rows.OptInt(row, 12);
  proposal.created_item_id = rows.OptInt(row, 13);
  proposal.decision_note = rows.Text(row, 14);
  return proposal;
}

void ReplaceAll(std::string& text, std::string_view from, std::string_view to) {
  if (text.find(from) == std::string::npos) return;
  std::string out;
  out.reserve(text.size());
  size_t start = 0;
  for (size_t at; (at = text.find(from, start)) != std::string::npos; start = at + from.size()) {
    out.append(text, start, at - start).append(to);
  }
  out.append(text, start);
  text = std::move(out);
}

// The headline with [ ] around matches and … where the text goes on.
std::string Snippet(std::string headline, bool at_start, bool at_end) {
  ReplaceAll(headline, kStartMark, "[");
  ReplaceAll(headline, kStopMark, "]");
  headline = FromFullWidth(headline);
  size_t first = headline.find_first_not_of(" \t\r\n");
  size_t last = headline.find_last_not_of(" \t\r\n");
  headline = first == std::string::npos ? "" : headline.substr(first, last - first + 1);
  if (!at_start) headline.insert(0, "…");
  if (!at_end) headline += "…";
  return headline;
}

}  // namespace

void AddSpan(Params& params, const std::optional<core::SourceSpan>& span) {
  if (!span) {
    for (int i = 0; i < 4; ++i) params.AddNull();
    return;
  }
  params.Add(static_cast<int64_t>(span->line_start))
      .Add(static_cast<int64_t>(span->line_end))
      .Add(static_cast<int64_t>(span->start))
      .Add(static_cast<int64_t>(span->end));
}

std::optional<core::SourceSpan> SpanAt(const Rows& rows, int row, int first) {
  if (rows.IsNull(row, first)) return std::nullopt;
  core::SourceSpan span;
  span.line_start = static_cast<uint32_t>(rows.Int(row, first));
  span.line_end = static_cast<uint32_t>(rows.Int(row, first + 1));
  span.start = static_cast<uint32_t>(rows.Int(row, first + 2));
  span.end = static_cast<uint32_t>(rows.Int(row, first + 3));
  return span;
}

Result<core::Period> PeriodAt(const Rows& rows, int row, int column) {
  Result<core::Period> period = core::ParsePeriodKey(rows.Text(row, column));
  if (!period.ok()) {
    return Status::Internal("bad period in the database: " + period.status().message());
  }
  return period;
}

Result<Id> PgTransaction::AddDocument(const core::Document& document) {
  PG_RETURN_IF_ERROR(RequireOptionalRow("agencies", document.issuer_agency_id, "issuer agency"));
  const std::string issuer_key = IssuerKey(document);
  if (document.number) {
    PG_ASSIGN_OR_RETURN(
        const Rows same,
        Query("SELECT id FROM documents WHERE issuer_key = $1 AND number = $2",
              Params().Add(issuer_key).Add(*document.number), "find document number"));
    if (!same.empty()) {
      const std::string issuer = document.issuer_agency_id
                                     ? "agency " + std::to_string(*document.issuer_agency_id)
                                     : "\"" + document.issuer_name + "\"";
      return Status::InvalidInput("duplicate document number " + *document.number + " from " +
                                  issuer + " (already stored as document " +
                                  std::to_string(same.Int(0, 0)) + ")");
    }
  }
  Params params;
  params.Add(document.kind)
      .Add(document.number)
      .Add(document.date)
      .Add(document.issuer_agency_id)
      .Add(document.issuer_name)
      .Add(issuer_key)
      .Add(document.title)
      .Add(document.source_name)
      .Add(document.source_format)
      .Add(document.source_sha256)
      .Add(document.cleaned_text)
      .AddTimestamp(document.registered_at);
  // $13: how much of the body the search vector covers (null = all).
  std::string insert =
      "INSERT INTO documents (kind, number, date, issuer_agency_id, issuer_name, issuer_key, "
      "title, source_name, source_format, source_sha256, cleaned_text, registered_at, search) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, to_timestamp($12), "
      "setweight(to_tsvector('simple', dondoc_search_text($7)), 'A') || "
      "setweight(to_tsvector('simple', dondoc_search_text("
      "CASE WHEN $13::int IS NULL THEN $11 ELSE left($11, $13) END)), 'D')) RETURNING id";
  // Nearly every body fits in a tsvector; the rare one that does not is
  // indexed by its beginning. A savepoint keeps the failed attempt from
  // aborting the transaction.
  constexpr int kMaxBytesAlwaysFits = kSearchFallbackChars;
  if (document.cleaned_text.size() <= static_cast<size_t>(kMaxBytesAlwaysFits)) {
    Params all = params;
    all.AddNull();
    return InsertReturningId(insert, all, "add document");
  }
  PG_RETURN_IF_ERROR(Query("SAVEPOINT add_document", Params(), "add document").status());
  Params all = params;
  all.AddNull();
  std::optional<Rows> rows = db_.Exec(insert, all);
  if (rows && rows->size() == 1) {
    PG_RETURN_IF_ERROR(Query("RELEASE SAVEPOINT add_document", Params(), "add document").status());
    return rows->Int(0, 0);
  }
  if (!rows && db_.last_error().sqlstate != "54000") {
    conflict_ = conflict_ || db_.last_error().conflict;
    failed_ = ErrorStatus(db_.last_error(), "add document");
    return *failed_;
  }
  PG_RETURN_IF_ERROR(
      Query("ROLLBACK TO SAVEPOINT add_document", Params(), "add document").status());
  Params capped = params;
  capped.Add(kSearchFallbackChars);
  return InsertReturningId(insert, capped, "add document");
}

Result<core::Document> PgTransaction::GetDocument(Id id) {
  PG_ASSIGN_OR_RETURN(const Rows rows, Query("SELECT " + std::string(kDocumentColumns) +
                                                 " FROM documents WHERE id = $1",
                                             Params().Add(id), "get document"));
  if (rows.empty()) return Status::NotFound("no document " + std::to_string(id));
  return ReadDocument(rows, 0);
}

Result<std::vector<core::Document>> PgTransaction::ListDocuments(const DocumentFilter& filter) {
  const int limit = std::clamp(filter.limit, 1, 1000);
  // Only the filters that are set go into the statement: a prepared
  // statement's generic plan for "$1 IS NULL OR col = $1" cannot use the
  // index on the column that narrows (source_sha256, number).
  std::string sql = "SELECT " + std::string(kDocumentColumns) + " FROM documents WHERE true";
  Params params;
  auto where = [&](std::string_view condition, const auto& value) {
    params.Add(value);
    sql += " AND ";
    sql += condition;
    sql += " $" + std::to_string(params.size());
  };
  if (filter.kind) where("kind =", *filter.kind);
  if (filter.issuer_agency_id) where("issuer_agency_id =", *filter.issuer_agency_id);
  if (filter.source_sha256) where("source_sha256 =", *filter.source_sha256);
  if (filter.number) where("number =", *filter.number);
  if (filter.before_id) where("id <", *filter.before_id);
  params.Add(limit);
  sql += " ORDER BY id DESC LIMIT $" + std::to_string(params.size());
  PG_ASSIGN_OR_RETURN(const Rows rows, Query(sql, params, "list documents"));
  std::vector<core::Document> documents;
  documents.reserve(rows.size());
  for (int row = 0; row < rows.size(); ++row) {
    PG_ASSIGN_OR_RETURN(core::Document document, ReadDocument(rows, row));
    documents.push_back(std::move(document));
  }
  return documents;
}

Result<std::vector<SearchHit>> PgTransaction::SearchDocuments(std::string_view query, int limit) {
  std::vector<SearchHit> hits;
  // Words only: a query of punctuation finds nothing (as in SQLite).
  bool has_word = false;
  text::ForEachWord(query, [&](size_t, size_t) { has_word = true; });
  for (char c : query) has_word = has_word || (c >= '0' && c <= '9');
  if (!has_word) return hits;
  // The headline covers the body when the body matches (else the title),
  // over a window of about 2 000 characters around the first occurrence of
  // the query's first word in the folded body.
  PG_ASSIGN_OR_RETURN(
      const Rows rows,
      Query("WITH q AS (SELECT plainto_tsquery('simple', dondoc_search_text($1)) AS query, "
            "(SELECT lexeme FROM unnest(to_tsvector('simple', dondoc_search_text($1))) "
            " ORDER BY positions[1] LIMIT 1) AS first_word), "
            "hits AS (SELECT d.id, d.title, d.cleaned_text, d.search, "
            " ts_rank(d.search, q.query) AS rank FROM documents d, q "
            " WHERE d.search @@ q.query ORDER BY rank DESC, d.id LIMIT $2), "
            "src AS (SELECT h.id, h.title, h.rank, "
            " CASE WHEN ts_filter(h.search, '{d}') @@ q.query THEN h.cleaned_text ELSE h.title END "
            " AS body FROM hits h, q), "
            "win AS (SELECT s.id, s.title, s.rank, s.body, "
            " greatest(1, strpos(lower(dondoc_search_text(s.body)), q.first_word) - 1000) AS start "
            " FROM src s, q), "
            "cut AS (SELECT w.id, w.title, w.rank, w.start, length(w.body) AS body_length, "
            " translate(substr(w.body, w.start, 2000), $5, $6) AS part FROM win w), "
            "hl AS (SELECT c.*, ts_headline($3::regconfig, c.part, q.query, $4) AS headline "
            " FROM cut c, q), "
            "plain AS (SELECT hl.*, btrim(replace(replace(hl.headline, U&'\\E001', ''), "
            "U&'\\E002', ''), E' \\t\\r\\n') AS text FROM hl) "
            "SELECT id, title, headline, "
            " start = 1 AND starts_with(ltrim(part, E' \\t\\r\\n'), text), "
            " start + length(part) > body_length AND "
            " right(rtrim(part, E' \\t\\r\\n'), length(text)) = text, rank "
            "FROM plain ORDER BY rank DESC, id",
            Params()
                .Add(query)
                .Add(std::clamp(limit, 1, 1000))
                .Add(kSearchConfig)
                .Add(kHeadlineOptions)
                .Add(kPunctuation)
                .Add(FullWidth(kPunctuation)),
            "search documents"));
  hits.reserve(rows.size());
  for (int row = 0; row < rows.size(); ++row) {
    SearchHit hit;
    hit.document_id = rows.Int(row, 0);
    hit.title = rows.Text(row, 1);
    hit.snippet = Snippet(std::string(rows.Text(row, 2)), rows.Bool(row, 3), rows.Bool(row, 4));
    hit.rank = rows.Real(row, 5);
    hits.push_back(std::move(hit));
  }
  return hits;
}

Result<Id> PgTransaction::AddDocumentLink(const core::DocumentLink& link) {
  PG_RETURN_IF_ERROR(RequireRow("documents", link.from_document_id, "document"));
  PG_RETURN_IF_ERROR(RequireOptionalRow("documents", link.to_document_id, "cited document"));
  Params params;
  params.Add(link.from_document_id)
      .Add(link.to_document_id)
      .Add(link.kind)
      .Add(link.number)
      .Add(link.date)
      .Add(link.issuer_name)
      .Add(link.title);
  AddSpan(params, link.span);
  return InsertReturningId(
      "INSERT INTO document_links (from_document_id, to_document_id, kind, number, date, "
      "issuer_name, title, span_line_start, span_line_end, span_start, span_end) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
      params, "add document link");
}

Result<std::vector<core::DocumentLink>> PgTransaction::ListDocumentLinks(Id from_document_id) {
  PG_ASSIGN_OR_RETURN(
      const Rows rows,
      Query("SELECT id, from_document_id, to_document_id, kind, number, date, issuer_name, "
            "title, span_line_start, span_line_end, span_start, span_end "
            "FROM document_links WHERE from_document_id = $1 ORDER BY id",
            Params().Add(from_document_id), "list document links"));
  std::vector<core::DocumentLink> links;
  links.reserve(rows.size());
  for (int row = 0; row < rows.size(); ++row) {
    core::DocumentLink link;
    link.id = rows.Int(row, 0);
    link.from_document_id = rows.Int(row, 1);
    link.to_document_id = rows.OptInt(row, 2);
    link.kind = rows.Text(row, 3);
    link.number = rows.OptText(row, 4);
    link.date = rows.OptDate(row, 5);
    link.issuer_name = rows.Text(row, 6);
    link.title = rows.Text(row, 7);
    link.span = SpanAt(rows, row, 8);
    links.push_back(std::move(link));
  }
  return links;
}

Result<Id> PgTransaction::AddProposal(const core::Proposal& proposal) {
  PG_RETURN_IF_ERROR(RequireRow("documents", proposal.document_id, "document"));
  Params params;
  params.Add(proposal.document_id)
      .Add(core::ProposalKindName(proposal.kind))
      .Add(core::ProposalStateName(proposal.state))
      .Add(proposal.summary)
      .Add(proposal.payload_json);
  AddSpan(params, proposal.span);
  params.AddTimestamp(proposal.created_at)
      .AddTimestamp(proposal.decided_at)
      .Add(proposal.decided_by)
      .Add(proposal.created_item_id)
      .Add(proposal.decision_note);
  return InsertReturningId(
      "INSERT INTO proposals (document_id, kind, state, summary, payload_json, span_line_start, "
      "span_line_end, span_start, span_end, created_at, decided_at, decided_by, "
      "created_item_id, decision_note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
      "to_timestamp($10), to_timestamp($11), $12, $13, $14) RETURNING id",
      params, "add proposal");
}

Result<core::Proposal> PgTransaction::GetProposal(Id id) {
  PG_ASSIGN_OR_RETURN(const Rows rows, Query("SELECT " + std::string(kProposalColumns) +
                                                 " FROM proposals WHERE id = $1",
                                             Params().Add(id), "get proposal"));
  if (rows.empty()) return Status::NotFound("no proposal " + std::to_string(id));
  return ReadProposal(rows, 0);
}

Result<std::vector<core::Proposal>> PgTransaction::ListProposals(
    std::optional<Id> document_id, std::optional<core::ProposalState> state) {
  Params params;
  params.Add(document_id);
  if (state) {
    params.Add(core::ProposalStateName(*state));
  } else {
    params.AddNull();
  }
  PG_ASSIGN_OR_RETURN(
      const Rows rows,
      Query("SELECT " + std::string(kProposalColumns) +
                " FROM proposals WHERE ($1::bigint IS NULL OR document_id = $1) AND "
                "($2::text IS NULL OR state = $2) ORDER BY id",
            params, "list proposals"));
  std::vector<core::Proposal> proposals;
  proposals.reserve(rows.size());
  for (int row = 0; row < rows.size(); ++row) {
    PG_ASSIGN_OR_RETURN(core::Proposal proposal, ReadProposal(rows, row));
    proposals.push_back(std::move(proposal));
  }
  return proposals;
}

Status PgTransaction::UpdateProposal(const core::Proposal& proposal) {
  // The document and creation time of a proposal never change.
  Params params;
  params.Add(proposal.id)
      .Add(core::ProposalKindName(proposal.kind))
      .Add(core::ProposalStateName(proposal.state))
      .Add(proposal.summary)
      .Add(proposal.payload_json);
  AddSpan(params, proposal.span);
  params.AddTimestamp(proposal.decided_at)
      .Add(proposal.decided_by)
      .Add(proposal.created_item_id)
      .Add(proposal.decision_note);
  PG_ASSIGN_OR_RETURN(
      const Rows rows,
      Query("UPDATE proposals SET kind = $2, state = $3, summary = $4, payload_json = $5, "
            "span_line_start = $6, span_line_end = $7, span_start = $8, span_end = $9, "
            "decided_at = to_timestamp($10), decided_by = $11, created_item_id = $12, "
            "decision_note = $13 WHERE id = $1",
            params, "update proposal"));
  if (rows.affected() == 0) return Status::NotFound("no proposal " + std::to_string(proposal.id));
  return Status::Ok();
}

}  // namespace dondoc::store::pg
