#include "service/audit.h"

#include <utility>

#include "service/import.h"
#include "service/permissions.h"

namespace dondoc::service {

store::AuditActor AuditActorOf(const Actor& actor) {
  if (!actor.user_id) return store::AuditActor::System();
  return store::AuditActor{actor.user_id, actor.name};
}

const std::vector<std::string>& AuditEntityKinds() {
  static const std::vector<std::string> kKinds = {
      "agency",        "calendar_day",      "document",
      "figure",        "indicator",         "obligation",
      "proposal",      "report_submission", "reporting_regime",
      "status_totals", "succession",        "target",
      "task"};
  return kKinds;
}

Result<std::vector<store::AuditRecord>> TaskAuditTrail(store::Store& store, const Actor& actor,
                                                       core::Id task_id) {
  std::vector<store::AuditRecord> records;
  const Status status = store.Read([&](store::Transaction& tx) -> Status {
    if (Status s = CheckTask(tx, actor, task_id, TaskAction::kRead, core::LocalDay(NowUtc()));
        !s.ok())
      return s;
    Result<std::vector<store::AuditRecord>> found =
        tx.ListEntityAudit("task", std::to_string(task_id));
    if (!found.ok()) return found.status();
    records = std::move(found).value();
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return records;
}

Result<std::vector<store::AuditRecord>> EntityAuditTrail(store::Store& store, const Actor& actor,
                                                         std::string_view kind,
                                                         std::string_view id) {
  bool known = false;
  std::string kinds;
  for (const std::string& k : AuditEntityKinds()) {
    known = known || k == kind;
    kinds += (kinds.empty() ? "" : ", ") + k;
  }
  if (!known) {
    return Status::InvalidInput("unknown audit entity kind '" + std::string(kind) +
                                "': expected one of " + kinds);
  }
  if (id.empty()) return Status::InvalidInput("an audit trail needs the entity's id");
  if (kind == "task") {
    core::Id task_id = 0;
    for (const char c : id) {
      if (c < '0' || c > '9' || task_id > (int64_t{1} << 58)) {
        return Status::InvalidInput("task id '" + std::string(id) + "' is not a number");
      }
      task_id = task_id * 10 + (c - '0');
    }
    return TaskAuditTrail(store, actor, task_id);
  }
  if (Status s = Check(actor, Action::kReadAudit); !s.ok()) return s;
  std::vector<store::AuditRecord> records;
  const Status status = store.Read([&](store::Transaction& tx) -> Status {
    Result<std::vector<store::AuditRecord>> found = tx.ListEntityAudit(kind, id);
    if (!found.ok()) return found.status();
    records = std::move(found).value();
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return records;
}

Result<store::AuditVerification> VerifyAudit(store::Store& store, const Actor& actor,
                                             const std::optional<std::string>& anchor) {
  if (Status s = Check(actor, Action::kReadAudit); !s.ok()) return s;
  return store::VerifyAuditChain(store, anchor);
}

}  // namespace dondoc::service
