// The audit trail: an append-only, hash-chained record of every change.
//
// Each Store::Write transaction that changes anything appends, in the same
// transaction, one AuditRecord per mutating Transaction call (who, when,
// what, which entity, its JSON before and after). The store does it
// (store/audited_transaction.h wraps every write transaction), so no caller
// can forget; callers only say who they are (the AuditActor given to
// Write).
//
// Chain: records are numbered 1, 2, 3... without gaps; each carries the
// previous record's hash (kAuditGenesisHash for record 1) and its own
// hash = SHA-256 over AuditCanonicalEncoding (every field and the previous
// hash). A head row keeps the last seq and hash. VerifyAuditChain walks the
// chain and names the first record that was edited, deleted, inserted or
// moved. Someone who can rewrite the whole chain and the head row is caught
// only against a head hash kept elsewhere (`dondoc audit head`): see
// docs/security.md.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "core/model.h"

namespace dondoc::store {

class Store;

// Who a write transaction acts for. The command line and background jobs
// are the system (no user id).
struct AuditActor {
  std::optional<core::Id> user_id;
  std::string name;

  static AuditActor System() { return AuditActor{std::nullopt, "system"}; }
};

// Microseconds since the epoch, UTC: when a record was appended.
using AuditTime = std::chrono::sys_time<std::chrono::microseconds>;

struct AuditRecord {
  int64_t seq = 0;  // 1, 2, 3... in commit order
  AuditTime at{};
  std::optional<core::Id> actor_user_id;
  std::string actor_name;
  std::string action;       // "task.add", "task.extension_approved", ...
  std::string entity_kind;  // "task", "agency", "proposal", ...
  std::string entity_id;    // "42"; a date for a calendar day
  std::string before;       // JSON; empty for a creation
  std::string after;        // JSON
  std::string prev_hash;    // hex SHA-256 of the previous record
  std::string hash;         // hex SHA-256 of this one (AuditRecordHash)
};

struct AuditHead {
  int64_t seq = 0;
  std::string hash;
};

// The previous hash of record 1: 64 zeros.
inline const std::string kAuditGenesisHash(64, '0');

// The bytes the hash covers: a version tag, then each field as
// <decimal length>:<bytes>, in the order of AuditRecord (seq, at in
// microseconds, actor user id or empty, actor name, action, entity kind,
// entity id, before, after, previous hash). Length prefixes make the
// encoding unambiguous: no two different records encode alike.
std::string AuditCanonicalEncoding(const AuditRecord& record);
// Lower-case hex SHA-256 of the canonical encoding.
std::string AuditRecordHash(const AuditRecord& record);

struct AuditVerification {
  int64_t records = 0;  // how many were checked
  AuditHead head;       // the last record's seq and hash
};

// Walks the whole chain in one read snapshot. Ok with the count and head
// when every record's hash matches its content, seqs run 1..n without
// gaps, each previous hash is the record before's, and the chain ends where
// the head row says. Otherwise InvalidInput naming the first broken record
// and how it is broken. With `anchor` (a head hash recorded earlier, from
// `dondoc audit head`), also requires a record with that hash in the chain.
Result<AuditVerification> VerifyAuditChain(Store& store,
                                           const std::optional<std::string>& anchor = {});

// "2024-06-30T08:15:00.123456Z".
std::string FormatAuditTime(AuditTime at);

}  // namespace dondoc::store
