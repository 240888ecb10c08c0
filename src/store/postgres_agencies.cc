// Agencies and successions in the PostgreSQL store, and the statement
// helpers every area uses.
#include <string>

#include "core/agency_history.h"
#include "store/postgres_transaction.h"
#include "text/vietnamese.h"

namespace dondoc::store::pg {

namespace {

constexpr std::string_view kAgencyColumns =
    "id, name, abbreviation, kind, parent_id, valid_from, valid_to";

Result<core::Agency> ReadAgency(const Rows& rows, int row) {
  core::Agency agency;
  agency.id = rows.Int(row, 0);
  agency.name = rows.Text(row, 1);
  agency.abbreviation = rows.Text(row, 2);
  PG_ASSIGN_OR_RETURN(agency.kind, core::ParseAgencyKind(rows.Text(row, 3)));
  agency.parent_id = rows.OptInt(row, 4);
  agency.valid_from = rows.DateAt(row, 5);
  agency.valid_to = rows.OptDate(row, 6);
  return agency;
}

Result<std::vector<core::Agency>> ReadAgencies(const Rows& rows) {
  std::vector<core::Agency> agencies;
  agencies.reserve(rows.size());
  for (int row = 0; row < rows.size(); ++row) {
    PG_ASSIGN_OR_RETURN(core::Agency agency, ReadAgency(rows, row));
    agencies.push_back(std::move(agency));
  }
  return agencies;
}

}  // namespace

Result<Rows> PgTransaction::Query(std::string_view sql, const Params& params,
                                  std::string_view what) {
  if (failed_) {
    return Status(failed_->code() == StatusCode::kInvalidInput
                      ? Status::InvalidInput("an earlier statement of this transaction failed: " +
                                             failed_->message())
                      : Status::IoError("an earlier statement of this transaction failed: " +
                                        failed_->message()));
  }
  std::optional<Rows> rows = db_.Exec(sql, params);
  if (rows) return std::move(*rows);
  const ExecError& error = db_.last_error();
  conflict_ = conflict_ || error.conflict;
  Status status = ErrorStatus(error, what);
  failed_ = status;
  return status;
}

Result<Id> PgTransaction::InsertReturningId(std::string_view sql, const Params& params,
                                            std::string_view what) {
  PG_ASSIGN_OR_RETURN(const Rows rows, Query(sql, params, what));
  if (rows.size() != 1) return Status::Internal(std::string(what) + ": no id returned");
  return rows.Int(0, 0);
}

Status PgTransaction::RequireRow(std::string_view table, Id id, std::string_view what) {
  // `table` is always a literal of this file set, never user input.
  PG_ASSIGN_OR_RETURN(
      const Rows rows,
      Query("SELECT 1 FROM " + std::string(table) + " WHERE id = $1", Params().Add(id), what));
  if (rows.empty()) {
    return Status::InvalidInput("unknown " + std::string(what) + " " + std::to_string(id));
  }
  return Status::Ok();
}

Status PgTransaction::RequireOptionalRow(std::string_view table, const std::optional<Id>& id,
                                         std::string_view what) {
  if (!id) return Status::Ok();
  return RequireRow(table, *id, what);
}

Result<Id> PgTransaction::AddAgency(const core::Agency& agency) {
  if (agency.name.empty()) return Status::InvalidInput("an agency needs a name");
  if (agency.valid_to && *agency.valid_to <= agency.valid_from) {
    return Status::InvalidInput("agency " + agency.name + " ends (" +
                                core::FormatIsoDate(*agency.valid_to) + ") before it starts (" +
                                core::FormatIsoDate(agency.valid_from) + ")");
  }
  PG_RETURN_IF_ERROR(RequireOptionalRow("agencies", agency.parent_id, "parent agency"));
  return InsertReturningId(
      "INSERT INTO agencies (name, name_key, abbreviation, abbreviation_key, kind, parent_id, "
      "valid_from, valid_to) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
      Params()
          .Add(agency.name)
          .Add(text::SearchKey(agency.name))
          .Add(agency.abbreviation)
          .Add(text::SearchKey(agency.abbreviation))
          .Add(core::AgencyKindName(agency.kind))
          .Add(agency.parent_id)
          .Add(agency.valid_from)
          .Add(agency.valid_to),
      "add agency");
}

Result<core::Agency> PgTransaction::GetAgency(Id id) {
  PG_ASSIGN_OR_RETURN(const Rows rows, Query("SELECT " + std::string(kAgencyColumns) +
                                                 " FROM agencies WHERE id = $1",
                                             Params().Add(id), "get agency"));
  if (rows.empty()) return Status::NotFound("no agency " + std::to_string(id));
  return ReadAgency(rows, 0);
}

Result<std::vector<core::Agency>> PgTransaction::ListAgencies(std::optional<core::Date> on) {
  // name_key ordered byte by byte (COLLATE "C"), as SQLite's BINARY.
  PG_ASSIGN_OR_RETURN(
      const Rows rows,
      Query("SELECT " + std::string(kAgencyColumns) +
                " FROM agencies WHERE $1::date IS NULL OR (valid_from <= $1 AND "
                "(valid_to IS NULL OR valid_to > $1)) ORDER BY name_key COLLATE \"C\", id",
            Params().Add(on), "list agencies"));
  return ReadAgencies(rows);
}

Result<std::optional<core::Agency>> PgTransaction::FindAgency(std::string_view name,
                                                              core::Date on) {
  const std::string key = text::SearchKey(name);
  if (key.empty()) return std::optional<core::Agency>();
  // A match on the full name wins over one on an abbreviation.
  PG_ASSIGN_OR_RETURN(const Rows rows,
                      Query("SELECT " + std::string(kAgencyColumns) +
                                " FROM agencies WHERE (name_key = $1 OR abbreviation_key = $1) AND "
                                "valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2) "
                                "ORDER BY name_key <> $1, id LIMIT 1",
                            Params().Add(key).Add(on), "find agency"));
  if (rows.empty()) return std::optional<core::Agency>();
  PG_ASSIGN_OR_RETURN(core::Agency agency, ReadAgency(rows, 0));
  return std::optional<core::Agency>(std::move(agency));
}

Result<Id> PgTransaction::AddSuccession(const core::Succession& succession) {
  PG_RETURN_IF_ERROR(RequireRow("agencies", succession.predecessor_id, "predecessor agency"));
  PG_RETURN_IF_ERROR(RequireRow("agencies", succession.successor_id, "successor agency"));
  if (succession.predecessor_id == succession.successor_id) {
    return Status::InvalidInput("agency " + std::to_string(succession.predecessor_id) +
                                " cannot succeed itself");
  }
  {
    // Cycles and two inheriting successions of one agency on one day.
    PG_ASSIGN_OR_RETURN(std::vector<core::Succession> all, ListSuccessions());
    all.push_back(succession);
    PG_RETURN_IF_ERROR(core::AgencyHistory::Validate(all));
  }
  PG_ASSIGN_OR_RETURN(
      const Id id,
      InsertReturningId("INSERT INTO successions (predecessor_id, successor_id, effective, kind, "
                        "inherits_open_tasks, note) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                        Params()
                            .Add(succession.predecessor_id)
                            .Add(succession.successor_id)
                            .Add(succession.effective)
                            .Add(core::SuccessionKindName(succession.kind))
                            .Add(succession.inherits_open_tasks)
                            .Add(succession.note),
                        "add succession"));
  history_.reset();

  // The new link can change the holder only where a task's chain reaches
  // the predecessor, and there the timeline shows the predecessor or one of
  // its successors on some day.
  PG_ASSIGN_OR_RETURN(
      const Rows tasks,
      Query("WITH RECURSIVE down(id) AS (SELECT $1::bigint UNION SELECT s.successor_id FROM "
            "successions s JOIN down ON s.predecessor_id = down.id) "
            "SELECT DISTINCT task_id FROM task_timeline "
            "WHERE lead_agency_id IN (SELECT id FROM down) ORDER BY task_id",
            Params().Add(succession.predecessor_id), "tasks affected by a succession"));
  for (int row = 0; row < tasks.size(); ++row) {
    PG_RETURN_IF_ERROR(RebuildTimeline(tasks.Int(row, 0)));
  }
  return id;
}

Result<std::vector<core::Succession>> PgTransaction::ListSuccessions() {
  PG_ASSIGN_OR_RETURN(
      const Rows rows,
      Query("SELECT id, predecessor_id, successor_id, effective, kind, inherits_open_tasks, note "
            "FROM successions ORDER BY effective, id",
            Params(), "list successions"));
  std::vector<core::Succession> successions;
  successions.reserve(rows.size());
  for (int row = 0; row < rows.size(); ++row) {
    core::Succession succession;
    succession.id = rows.Int(row, 0);
    succession.predecessor_id = rows.Int(row, 1);
    succession.successor_id = rows.Int(row, 2);
    succession.effective = rows.DateAt(row, 3);
    PG_ASSIGN_OR_RETURN(succession.kind, core::ParseSuccessionKind(rows.Text(row, 4)));
    succession.inherits_open_tasks = rows.Bool(row, 5);
    succession.note = rows.Text(row, 6);
    successions.push_back(std::move(succession));
  }
  return successions;
}

}  // namespace dondoc::store::pg
