// Tampering with the audit chain behind the store's back, for both stores'
// *_audit_test.cc: each case writes a small history through the store, gets
// the head, changes the tables with plain SQL (as someone with database
// access would), and expects VerifyAuditChain to name the first broken
// record. The SQL is the same in both dialects; only dropping the triggers
// that make the log append-only differs (`unlock`).
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "store/audit.h"
#include "store/store.h"

namespace dondoc::store::testing {

// A migrated store on a database of its own, and a way to run SQL on that
// database directly.
struct TamperTarget {
  std::unique_ptr<Store> store;
  std::function<void(const std::string& sql)> exec;
};

struct TamperCase {
  std::string name;
  std::string sql;            // run after `unlock`
  std::string expected;       // a fragment of the verification error
  bool needs_anchor = false;  // caught only against the head taken before
};

inline std::vector<TamperCase> TamperCases() {
  return {
      {"edit a record's content",
       "UPDATE audit_log SET after_json = replace(after_json, 'Sở Tư pháp', 'Sở Nội vụ') "
       "WHERE seq = 2",
       "broken at record 2: its content does not match its hash"},
      {"edit the actor", "UPDATE audit_log SET actor_name = 'system' WHERE seq = 3",
       "broken at record 3: its content does not match its hash"},
      {"delete a record in the middle", "DELETE FROM audit_log WHERE seq = 3",
       "broken at record 3: record 3 is missing"},
      {"delete the last record",
       "DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)",
       "the last records were deleted"},
      {"swap two records",
       "UPDATE audit_log SET seq = -seq WHERE seq IN (2, 3); "
       "UPDATE audit_log SET seq = CASE WHEN seq = -2 THEN 3 ELSE 2 END WHERE seq < 0",
       "broken at record 2"},
      {"append a forged record",
       "INSERT INTO audit_log SELECT seq + 1, at_us, NULL, 'system', 'task.cancelled', "
       "entity_kind, entity_id, '', '{}', hash, '" +
           std::string(64, 'a') +
           "' FROM audit_log "
           "WHERE seq = (SELECT max(seq) FROM audit_log)",
       "broken at record 6: its content does not match its hash"},
      {"rewrite the head to a shorter chain",
       "DELETE FROM audit_log WHERE seq = 5; "
       "UPDATE audit_head SET seq = 4, hash = (SELECT hash FROM audit_log WHERE seq = 4)",
       "does not contain the anchored head hash", true},
  };
}

// Writes five records: agencies, a task, an extension.
inline void WriteHistory(Store& store) {
  Id lead = 0;
  const Status first = store.Write(AuditActor{3, "Văn phòng"}, [&](Transaction& tx) {
    core::Agency a;
    a.name = "Sở Tư pháp";
    a.kind = core::AgencyKind::kDepartment;
    a.valid_from = *core::ParseIsoDate("2000-01-01");
    Result<Id> one = tx.AddAgency(a);
    if (!one.ok()) return one.status();
    a.name = "Sở Tư pháp";  // record 2 names it too (the edit case)
    a.abbreviation = "STP";
    a.valid_from = *core::ParseIsoDate("2001-01-01");
    Result<Id> two = tx.AddAgency(a);
    if (!two.ok()) return two.status();
    lead = *two;
    return Status::Ok();
  });
  ASSERT_TRUE(first.ok()) << first.message();
  Id task = 0;
  const Status second = store.Write(AuditActor{4, "Chuyên viên"}, [&](Transaction& tx) {
    core::Task t;
    t.lead_agency_id = lead;
    t.text = "Rà soát văn bản quy phạm";
    t.assigned_on = *core::ParseIsoDate("2024-01-02");
    t.deadline = *core::ParseIsoDate("2024-03-31");
    t.created_at = core::Timestamp(t.assigned_on);
    Result<Id> id = tx.AddTask(t, {});
    if (!id.ok()) return id.status();
    task = *id;
    return Status::Ok();
  });
  ASSERT_TRUE(second.ok()) << second.message();
  for (const core::TaskEventKind kind :
       {core::TaskEventKind::kExtensionRequested, core::TaskEventKind::kExtensionApproved}) {
    const Status s = store.Write(AuditActor{5, "Lãnh đạo"}, [&](Transaction& tx) {
      core::TaskEvent e;
      e.task_id = task;
      e.kind = kind;
      e.effective_on = *core::ParseIsoDate("2024-03-20");
      e.recorded_at = core::Timestamp(e.effective_on);
      e.deadline = *core::ParseIsoDate("2024-06-30");
      return tx.AddTaskEvent(e).status();
    });
    ASSERT_TRUE(s.ok()) << s.message();
  }
}

// Runs every case on a fresh target from `make`; `unlock` drops the
// append-only triggers of that dialect.
inline void RunTamperCases(const std::function<TamperTarget()>& make, const std::string& unlock) {
  for (const TamperCase& c : TamperCases()) {
    SCOPED_TRACE(c.name);
    TamperTarget target = make();
    ASSERT_NE(target.store, nullptr);
    WriteHistory(*target.store);
    Result<AuditVerification> before = VerifyAuditChain(*target.store);
    ASSERT_TRUE(before.ok()) << before.status().message();
    ASSERT_EQ(before->records, 5);
    const std::string anchor = before->head.hash;
    target.exec(unlock + c.sql);
    Result<AuditVerification> after =
        VerifyAuditChain(*target.store, c.needs_anchor ? std::optional(anchor) : std::nullopt);
    ASSERT_FALSE(after.ok()) << "tampering went unnoticed";
    EXPECT_EQ(after.status().code(), StatusCode::kInvalidInput);
    EXPECT_NE(after.status().message().find(c.expected), std::string::npos)
        << after.status().message();
    if (c.needs_anchor) {
      // Honest limit: without the anchor the rewritten chain is consistent.
      EXPECT_TRUE(VerifyAuditChain(*target.store).ok());
    }
  }
}

}  // namespace dondoc::store::testing
