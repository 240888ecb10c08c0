#include "store/audit.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <utility>
#include <vector>

#include "common/sha256.h"
#include "store/store.h"

namespace dondoc::store {

namespace {

// Records read per step of the walk.
constexpr int kVerifyPage = 2000;

void AppendField(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
}

std::string Short(const std::string& hash) { return hash.substr(0, 16) + "…"; }

Status Broken(int64_t seq, const std::string& how) {
  return Status::InvalidInput("audit chain broken at record " + std::to_string(seq) + ": " + how);
}

}  // namespace

std::string AuditCanonicalEncoding(const AuditRecord& r) {
  std::string out = "dondoc-audit-v1\n";
  out.reserve(out.size() + r.before.size() + r.after.size() + r.actor_name.size() + 256);
  AppendField(out, std::to_string(r.seq));
  AppendField(out, std::to_string(r.at.time_since_epoch().count()));
  AppendField(out, r.actor_user_id ? std::to_string(*r.actor_user_id) : std::string());
  AppendField(out, r.actor_name);
  AppendField(out, r.action);
  AppendField(out, r.entity_kind);
  AppendField(out, r.entity_id);
  AppendField(out, r.before);
  AppendField(out, r.after);
  AppendField(out, r.prev_hash);
  return out;
}

std::string AuditRecordHash(const AuditRecord& record) {
  return Sha256Hex(AuditCanonicalEncoding(record));
}

std::string FormatAuditTime(AuditTime at) {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(at);
  const auto micros = (at - seconds).count();
  std::string text = core::FormatIsoTimestamp(seconds);  // "...:00Z"
  char fraction[16];
  std::snprintf(fraction, sizeof fraction, ".%06lld", static_cast<long long>(micros));
  if (!text.empty() && text.back() == 'Z') text.pop_back();
  return text + fraction + "Z";
}

Result<AuditVerification> VerifyAuditChain(Store& store, const std::optional<std::string>& anchor) {
  AuditVerification result;
  bool anchor_found = false;
  const Status status = store.Read([&](Transaction& tx) -> Status {
    result = AuditVerification{};
    anchor_found = false;
    std::string previous = kAuditGenesisHash;
    int64_t expected = 1;
    while (true) {
      Result<std::vector<AuditRecord>> page = tx.ListAuditRecords(expected - 1, kVerifyPage);
      if (!page.ok()) return page.status();
      for (const AuditRecord& r : *page) {
        if (r.seq != expected) {
          return Broken(expected, "record " + std::to_string(expected) +
                                      " is missing (the next stored record is " +
                                      std::to_string(r.seq) + "): records were deleted");
        }
        if (r.prev_hash != previous) {
          return Broken(r.seq, "its previous hash " + Short(r.prev_hash) + " is not record " +
                                   std::to_string(r.seq - 1) + "'s hash " + Short(previous) +
                                   ": a record was inserted, removed or moved before it");
        }
        const std::string computed = AuditRecordHash(r);
        if (computed != r.hash) {
          return Broken(r.seq, "its content does not match its hash (stored " + Short(r.hash) +
                                   ", computed " + Short(computed) + "): the record was edited");
        }
        if (anchor && r.hash == *anchor) anchor_found = true;
        previous = r.hash;
        ++expected;
        ++result.records;
      }
      if (static_cast<int>(page->size()) < kVerifyPage) break;
    }
    result.head = AuditHead{expected - 1, previous};
    Result<AuditHead> head = tx.GetAuditHead();
    if (!head.ok()) return head.status();
    if (head->seq != result.head.seq || head->hash != result.head.hash) {
      if (head->seq > result.head.seq) {
        return Broken(result.head.seq + 1,
                      "the head row says the chain ends at record " + std::to_string(head->seq) +
                          " but it ends at record " + std::to_string(result.head.seq) +
                          ": the last records were deleted");
      }
      return Status::InvalidInput(
          "audit chain broken: the head row (record " + std::to_string(head->seq) + ", hash " +
          Short(head->hash) + ") does not match the last record (" +
          std::to_string(result.head.seq) + ", hash " + Short(result.head.hash) +
          "): the head row or the chain was rewritten");
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  if (anchor && !anchor_found) {
    return Status::InvalidInput("audit chain does not contain the anchored head hash " + *anchor +
                                ": the chain was rewritten or truncated before that record (" +
                                std::to_string(result.records) + " records checked)");
  }
  return result;
}

}  // namespace dondoc::store
