// The audit chain in the SQLite store: audit_log (append-only: triggers
// refuse UPDATE and DELETE) and the one-row audit_head. Writers are already
// serialised by BEGIN IMMEDIATE, so reading the head is enough to lock it.
#include <string>

#include "store/sqlite_transaction.h"

namespace dondoc::store::sqlite {

namespace {

constexpr std::string_view kAuditColumns =
    "seq, at_us, actor_user_id, actor_name, action, entity_kind, entity_id, before_json, "
    "after_json, prev_hash, hash";

AuditRecord ReadAuditRecord(const Stmt& row) {
  AuditRecord r;
  r.seq = row.Int(0);
  r.at = AuditTime(std::chrono::microseconds(row.Int(1)));
  r.actor_user_id = row.OptInt(2);
  r.actor_name = row.Text(3);
  r.action = row.Text(4);
  r.entity_kind = row.Text(5);
  r.entity_id = row.Text(6);
  r.before = row.Text(7);
  r.after = row.Text(8);
  r.prev_hash = row.Text(9);
  r.hash = row.Text(10);
  return r;
}

Result<std::vector<AuditRecord>> ReadAuditRecords(Stmt& stmt) {
  std::vector<AuditRecord> records;
  while (true) {
    STORE_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) return records;
    records.push_back(ReadAuditRecord(stmt));
  }
}

}  // namespace

Result<std::vector<AuditRecord>> SqliteTransaction::ListAuditRecords(int64_t after_seq, int limit) {
  if (limit < 1 || limit > 10000) {
    return Status::InvalidInput("audit page size " + std::to_string(limit) +
                                " is outside 1..10000");
  }
  STORE_ASSIGN_OR_RETURN(Stmt stmt, db_.Prepare("SELECT " + std::string(kAuditColumns) +
                                                " FROM audit_log WHERE seq > ?1 "
                                                "ORDER BY seq LIMIT ?2"));
  stmt.Bind(1, after_seq).Bind(2, limit);
  return ReadAuditRecords(stmt);
}

Result<std::vector<AuditRecord>> SqliteTransaction::ListEntityAudit(std::string_view entity_kind,
                                                                    std::string_view entity_id) {
  STORE_ASSIGN_OR_RETURN(Stmt stmt, db_.Prepare("SELECT " + std::string(kAuditColumns) +
                                                " FROM audit_log WHERE entity_kind = ?1 AND "
                                                "entity_id = ?2 ORDER BY seq"));
  stmt.Bind(1, entity_kind).Bind(2, entity_id);
  return ReadAuditRecords(stmt);
}

Result<AuditHead> SqliteTransaction::GetAuditHead() {
  STORE_ASSIGN_OR_RETURN(Stmt stmt, db_.Prepare("SELECT seq, hash FROM audit_head WHERE id = 1"));
  STORE_ASSIGN_OR_RETURN(const bool row, stmt.Step());
  if (!row) return Status::Internal("the audit_head row is missing");
  return AuditHead{stmt.Int(0), stmt.Text(1)};
}

Result<AuditHead> SqliteTransaction::LockAuditHead() { return GetAuditHead(); }

Status SqliteTransaction::InsertAuditRecord(const AuditRecord& r) {
  STORE_ASSIGN_OR_RETURN(Stmt stmt,
                         db_.Prepare("INSERT INTO audit_log (" + std::string(kAuditColumns) +
                                     ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"));
  stmt.Bind(1, r.seq)
      .Bind(2, static_cast<int64_t>(r.at.time_since_epoch().count()))
      .Bind(3, r.actor_user_id)
      .Bind(4, r.actor_name)
      .Bind(5, r.action)
      .Bind(6, r.entity_kind)
      .Bind(7, r.entity_id)
      .Bind(8, r.before)
      .Bind(9, r.after)
      .Bind(10, r.prev_hash)
      .Bind(11, r.hash);
  return stmt.Run();
}

Status SqliteTransaction::SetAuditHead(const AuditHead& head) {
  STORE_ASSIGN_OR_RETURN(Stmt stmt,
                         db_.Prepare("UPDATE audit_head SET seq = ?1, hash = ?2 WHERE id = 1"));
  stmt.Bind(1, head.seq).Bind(2, head.hash);
  return stmt.Run();
}

}  // namespace dondoc::store::sqlite
