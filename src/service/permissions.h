// Who may do what: the one place that answers "may this actor do X to this
// task, document or figure". Every use case in src/service asks here before
// it touches the store; a refusal is Status::PermissionDenied naming the
// role and the action (exit code 2 on the command line).
//
// The rules (roles as in service/actor.h):
//   admin   everything;
//   office  everything but administration (users, agencies, the database);
//   leader  reads everything; of the changes, only deciding extensions;
//   viewer  reads everything, changes nothing;
//   agency  only tasks where its agency is the lead on the day asked about
//           (reassignments and successions applied) or a coordinator:
//           it may read them and report on them (progress, completion,
//           extension requests, comments, its coordination); it reads
//           documents, enters figures of its own agency only, and sees the
//           task counts of its own agency only. It does not review.
#pragma once

#include <optional>
#include <string_view>

#include "common/status.h"
#include "core/model.h"
#include "service/actor.h"
#include "store/store.h"

namespace dondoc::service {

// Actions not about one task.
enum class Action {
  kReadDocuments,  // documents, their links and text
  kImport,         // register a document and queue its proposals
  kReview,         // list, confirm and reject proposals
  kReadAllTasks,   // every agency's tasks and counts
  kAdminister,     // agencies, users, migrations and backups
  kReadAudit,      // the audit trail of anything (a task's: whoever reads it)
  kAssign,         // create tasks and assign them to agencies (service/tasks.h)
};

// What is done to one task.
enum class TaskAction {
  kRead,
  kReport,           // progress, completion, extension request, comment
  kDecideExtension,  // approve or refuse an extension
  kManage,           // reassign, cancel, edit, reopen
};

const char* ActionName(Action action);
const char* TaskActionName(TaskAction action);

// Ok or PermissionDenied. An agency actor without an agency is refused
// everything but reading documents.
Status Check(const Actor& actor, Action action);

// Whether `actor` may do `action` to task `task_id` on day `on` (the day
// whose lead counts). Reads the task, its events and coordinations in `tx`.
// NotFound when there is no such task.
Status CheckTask(store::Transaction& tx, const Actor& actor, core::Id task_id, TaskAction action,
                 core::Date on);

// Whether `actor` may enter a figure for `agency_id` (unset: a province-wide
// figure, which agency staff may not enter).
Status CheckFigure(const Actor& actor, std::optional<core::Id> agency_id);

// The only agency whose tasks and counts `actor` may see, or nullopt when it
// sees every agency.
std::optional<core::Id> VisibleAgency(const Actor& actor);

}  // namespace dondoc::service
