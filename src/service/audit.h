// The audit trail as the callers see it (the store records it: store/audit.h).
//
// Who each write is recorded as: a use case passes AuditActorOf(actor) to
// Store::Write, so the records name the signed-in user (id and name); the
// command line and background jobs write as the system ("system", no id).
//
// Who may read a trail: the trail of a task, whoever may read the task
// (service/permissions.h, CheckTask kRead as of today: agency staff only for
// tasks of their agency); the trail of anything else, and the whole chain's
// verification, admin and office (Action::kReadAudit).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "core/model.h"
#include "service/actor.h"
#include "store/audit.h"
#include "store/store.h"

namespace dondoc::service {

// The actor the store's audit records name for `actor`.
store::AuditActor AuditActorOf(const Actor& actor);

// The kinds of entity that have a trail (entity_kind of the records).
const std::vector<std::string>& AuditEntityKinds();

// The records about task `task_id` (the task, its events and
// coordinations), oldest first. NotFound when there is no such task.
Result<std::vector<store::AuditRecord>> TaskAuditTrail(store::Store& store, const Actor& actor,
                                                       core::Id task_id);

// The records about any entity: `kind` one of AuditEntityKinds() (else
// InvalidInput listing them); a task goes through TaskAuditTrail's rule.
Result<std::vector<store::AuditRecord>> EntityAuditTrail(store::Store& store, const Actor& actor,
                                                         std::string_view kind,
                                                         std::string_view id);

// store::VerifyAuditChain for admin and office.
Result<store::AuditVerification> VerifyAudit(store::Store& store, const Actor& actor,
                                             const std::optional<std::string>& anchor);

}  // namespace dondoc::service
