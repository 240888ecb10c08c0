// The audit chain in the PostgreSQL store: audit_log (append-only: a
// trigger refuses UPDATE, DELETE and TRUNCATE) and the one-row audit_head.
// Write() locks audit_head (LOCK TABLE ... IN EXCLUSIVE MODE) right after
// BEGIN, before the serializable snapshot is taken: writers queue there and
// each sees the head its predecessor committed, so the chain stays linear.
// (Locking the head row at the first record instead made a writer that
// waited fail with 40001 after doing its work, and three busy writers
// starved one another past the retry limit.)
#include <string>

#include "store/postgres_transaction.h"

namespace dondoc::store::pg {

namespace {

constexpr std::string_view kAuditColumns =
    "seq, at_us, actor_user_id, actor_name, action, entity_kind, entity_id, before_json, "
    "after_json, prev_hash, hash";

std::vector<AuditRecord> ReadAuditRecords(const Rows& rows) {
  std::vector<AuditRecord> records;
  records.reserve(rows.size());
  for (int row = 0; row < rows.size(); ++row) {
    AuditRecord r;
    r.seq = rows.Int(row, 0);
    r.at = AuditTime(std::chrono::microseconds(rows.Int(row, 1)));
    r.actor_user_id = rows.OptInt(row, 2);
    r.actor_name = rows.Text(row, 3);
    r.action = rows.Text(row, 4);
    r.entity_kind = rows.Text(row, 5);
    r.entity_id = rows.Text(row, 6);
    r.before = rows.Text(row, 7);
    r.after = rows.Text(row, 8);
    r.prev_hash = rows.Text(row, 9);
    r.hash = rows.Text(row, 10);
    records.push_back(std::move(r));
  }
  return records;
}

}  // namespace

Result<std::vector<AuditRecord>> PgTransaction::ListAuditRecords(int64_t after_seq, int limit) {
  if (limit < 1 || limit > 10000) {
    return Status::InvalidInput("audit page size " + std::to_string(limit) +
                                " is outside 1..10000");
  }
  PG_ASSIGN_OR_RETURN(const Rows rows,
                      Query("SELECT " + std::string(kAuditColumns) +
                                " FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2",
                            Params().Add(after_seq).Add(limit), "list audit records"));
  return ReadAuditRecords(rows);
}

Result<std::vector<AuditRecord>> PgTransaction::ListEntityAudit(std::string_view entity_kind,
                                                                std::string_view entity_id) {
  PG_ASSIGN_OR_RETURN(const Rows rows,
                      Query("SELECT " + std::string(kAuditColumns) +
                                " FROM audit_log WHERE entity_kind = $1 AND entity_id = $2 "
                                "ORDER BY seq",
                            Params().Add(entity_kind).Add(entity_id), "list an entity's audit"));
  return ReadAuditRecords(rows);
}

Result<AuditHead> PgTransaction::GetAuditHead() {
  PG_ASSIGN_OR_RETURN(const Rows rows, Query("SELECT seq, hash FROM audit_head WHERE id = 1",
                                             Params(), "read the audit head"));
  if (rows.empty()) return Status::Internal("the audit_head row is missing");
  return AuditHead{rows.Int(0, 0), std::string(rows.Text(0, 1))};
}

Result<AuditHead> PgTransaction::LockAuditHead() {
  PG_ASSIGN_OR_RETURN(const Rows rows, Query("SELECT seq, hash FROM audit_head WHERE id = 1",
                                             Params(), "read the locked audit head"));
  if (rows.empty()) return Status::Internal("the audit_head row is missing");
  return AuditHead{rows.Int(0, 0), std::string(rows.Text(0, 1))};
}

Status PgTransaction::InsertAuditRecord(const AuditRecord& r) {
  Params params;
  params.Add(r.seq)
      .Add(static_cast<int64_t>(r.at.time_since_epoch().count()))
      .Add(r.actor_user_id)
      .Add(r.actor_name)
      .Add(r.action)
      .Add(r.entity_kind)
      .Add(r.entity_id)
      .Add(r.before)
      .Add(r.after)
      .Add(r.prev_hash)
      .Add(r.hash);
  return Query("INSERT INTO audit_log (" + std::string(kAuditColumns) +
                   ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
               params, "append an audit record")
      .status();
}

Status PgTransaction::SetAuditHead(const AuditHead& head) {
  return Query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1",
               Params().Add(head.seq).Add(head.hash), "move the audit head")
      .status();
}

}  // namespace dondoc::store::pg
