// Agencies and successions in the SQLite store.
#include <string>

#include "core/agency_history.h"
#include "store/sqlite_transaction.h"
#include "text/vietnamese.h"

namespace dondoc::store::sqlite {

namespace {

constexpr std::string_view kAgencyColumns =
    "id, name, abbreviation, kind, parent_id, valid_from, valid_to";

Result<core::Agency> ReadAgency(const Stmt& row) {
  core::Agency agency;
  agency.id = row.Int(0);
  agency.name = row.Text(1);
  agency.abbreviation = row.Text(2);
  STORE_ASSIGN_OR_RETURN(agency.kind, core::ParseAgencyKind(row.Text(3)));
  if (!row.IsNull(4)) agency.parent_id = row.Int(4);
  STORE_ASSIGN_OR_RETURN(agency.valid_from, row.DateAt(5));
  STORE_ASSIGN_OR_RETURN(agency.valid_to, row.OptDate(6));
  return agency;
}

Result<std::vector<core::Agency>> ReadAgencies(Stmt& stmt) {
  std::vector<core::Agency> agencies;
  while (true) {
    STORE_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) return agencies;
    STORE_ASSIGN_OR_RETURN(core::Agency agency, ReadAgency(stmt));
    agencies.push_back(std::move(agency));
  }
}

}  // namespace

Status SqliteTransaction::RequireRow(std::string_view table, Id id, std::string_view what) {
  STORE_ASSIGN_OR_RETURN(Stmt stmt,
                         db_.Prepare("SELECT 1 FROM " + std::string(table) + " WHERE id = ?1"));
  stmt.Bind(1, id);
  STORE_ASSIGN_OR_RETURN(const bool found, stmt.Step());
  if (!found)
    return Status::InvalidInput("unknown " + std::string(what) + " " + std::to_string(id));
  return Status::Ok();
}

Status SqliteTransaction::RequireOptionalRow(std::string_view table, const std::optional<Id>& id,
                                             std::string_view what) {
  if (!id) return Status::Ok();
  return RequireRow(table, *id, what);
}

Result<Id> SqliteTransaction::AddAgency(const core::Agency& agency) {
  if (agency.name.empty()) return Status::InvalidInput("an agency needs a name");
  if (agency.valid_to && *agency.valid_to <= agency.valid_from) {
    return Status::InvalidInput("agency " + agency.name + " ends (" +
                                core::FormatIsoDate(*agency.valid_to) + ") before it starts (" +
                                core::FormatIsoDate(agency.valid_from) + ")");
  }
  STORE_RETURN_IF_ERROR(RequireOptionalRow("agencies", agency.parent_id, "parent agency"));
  STORE_ASSIGN_OR_RETURN(
      Stmt stmt,
      db_.Prepare("INSERT INTO agencies (name, name_key, abbreviation, abbreviation_key, kind, "
                  "parent_id, valid_from, valid_to) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
  stmt.Bind(1, agency.name)
      .Bind(2, text::SearchKey(agency.name))
      .Bind(3, agency.abbreviation)
      .Bind(4, text::SearchKey(agency.abbreviation))
      .Bind(5, core::AgencyKindName(agency.kind))
      .Bind(6, agency.parent_id)
      .Bind(7, agency.valid_from)
      .Bind(8, agency.valid_to);
  STORE_RETURN_IF_ERROR(stmt.Run());
  return db_.LastInsertId();
}

Result<core::Agency> SqliteTransaction::GetAgency(Id id) {
  STORE_ASSIGN_OR_RETURN(Stmt stmt, db_.Prepare("SELECT " + std::string(kAgencyColumns) +
                                                " FROM agencies WHERE id = ?1"));
  stmt.Bind(1, id);
  STORE_ASSIGN_OR_RETURN(const bool found, stmt.Step());
  if (!found) return Status::NotFound("no agency " + std::to_string(id));
  return ReadAgency(stmt);
}

Result<std::vector<core::Agency>> SqliteTransaction::ListAgencies(std::optional<core::Date> on) {
  STORE_ASSIGN_OR_RETURN(Stmt stmt,
                         db_.Prepare("SELECT " + std::string(kAgencyColumns) +
                                     " FROM agencies WHERE ?1 IS NULL OR (valid_from <= ?1 AND "
                                     "(valid_to IS NULL OR valid_to > ?1)) ORDER BY name_key, id"));
  stmt.Bind(1, on);
  return ReadAgencies(stmt);
}

Result<std::optional<core::Agency>> SqliteTransaction::FindAgency(std::string_view name,
                                                                  core::Date on) {
  const std::string key = text::SearchKey(name);
  if (key.empty()) return std::optional<core::Agency>();
  // A match on the full name wins over one on an abbreviation.
  STORE_ASSIGN_OR_RETURN(
      Stmt stmt, db_.Prepare("SELECT " + std::string(kAgencyColumns) +
                             " FROM agencies WHERE (name_key = ?1 OR abbreviation_key = ?1) AND "
                             "valid_from <= ?2 AND (valid_to IS NULL OR valid_to > ?2) "
                             "ORDER BY name_key <> ?1, id LIMIT 1"));
  stmt.Bind(1, key).Bind(2, on);
  STORE_ASSIGN_OR_RETURN(const bool found, stmt.Step());
  if (!found) return std::optional<core::Agency>();
  STORE_ASSIGN_OR_RETURN(core::Agency agency, ReadAgency(stmt));
  return std::optional<core::Agency>(std::move(agency));
}

Result<Id> SqliteTransaction::AddSuccession(const core::Succession& succession) {
  STORE_RETURN_IF_ERROR(RequireRow("agencies", succession.predecessor_id, "predecessor agency"));
  STORE_RETURN_IF_ERROR(RequireRow("agencies", succession.successor_id, "successor agency"));
  if (succession.predecessor_id == succession.successor_id) {
    return Status::InvalidInput("agency " + std::to_string(succession.predecessor_id) +
                                " cannot succeed itself");
  }
  {
    // Cycles and two inheriting successions of one agency on one day.
    STORE_ASSIGN_OR_RETURN(std::vector<core::Succession> all, ListSuccessions());
    all.push_back(succession);
    STORE_RETURN_IF_ERROR(core::AgencyHistory::Validate(all));
  }
  STORE_ASSIGN_OR_RETURN(
      Stmt stmt,
      db_.Prepare("INSERT INTO successions (predecessor_id, successor_id, effective, kind, "
                  "inherits_open_tasks, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  stmt.Bind(1, succession.predecessor_id)
      .Bind(2, succession.successor_id)
      .Bind(3, succession.effective)
      .Bind(4, core::SuccessionKindName(succession.kind))
      .Bind(5, succession.inherits_open_tasks)
      .Bind(6, succession.note);
  STORE_RETURN_IF_ERROR(stmt.Run());
  const Id id = db_.LastInsertId();
  history_.reset();

  // The new link can change the holder only where a task's chain reaches
  // the predecessor, and there the timeline shows the predecessor or one of
  // its successors on some day.
  std::vector<Id> affected;
  {
    STORE_ASSIGN_OR_RETURN(
        Stmt tasks,
        db_.Prepare("WITH RECURSIVE down(id) AS (SELECT ?1 UNION SELECT s.successor_id FROM "
                    "successions s JOIN down ON s.predecessor_id = down.id) "
                    "SELECT DISTINCT task_id FROM task_timeline "
                    "WHERE lead_agency_id IN (SELECT id FROM down) ORDER BY task_id"));
    tasks.Bind(1, succession.predecessor_id);
    while (true) {
      STORE_ASSIGN_OR_RETURN(const bool row, tasks.Step());
      if (!row) break;
      affected.push_back(tasks.Int(0));
    }
  }
  for (Id task_id : affected) STORE_RETURN_IF_ERROR(RebuildTimeline(task_id));
  return id;
}

Result<std::vector<core::Succession>> SqliteTransaction::ListSuccessions() {
  STORE_ASSIGN_OR_RETURN(
      Stmt stmt, db_.Prepare("SELECT id, predecessor_id, successor_id, effective, kind, "
                             "inherits_open_tasks, note FROM successions ORDER BY effective, id"));
  std::vector<core::Succession> successions;
  while (true) {
    STORE_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) return successions;
    core::Succession succession;
    succession.id = stmt.Int(0);
    succession.predecessor_id = stmt.Int(1);
    succession.successor_id = stmt.Int(2);
    STORE_ASSIGN_OR_RETURN(succession.effective, stmt.DateAt(3));
    STORE_ASSIGN_OR_RETURN(succession.kind, core::ParseSuccessionKind(stmt.Text(4)));
    succession.inherits_open_tasks = stmt.Int(5) != 0;
    succession.note = stmt.Text(6);
    successions.push_back(std::move(succession));
  }
}

}  // namespace dondoc::store::sqlite
