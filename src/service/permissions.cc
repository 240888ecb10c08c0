#include "service/permissions.h"

#include <string>
#include <vector>

#include "core/task_status.h"

namespace dondoc::service {
namespace {

std::string Who(const Actor& actor) {
  std::string who = std::string("role ") + RoleName(actor.role);
  if (!actor.name.empty()) who = actor.name + " (" + who + ")";
  return who;
}

Status Denied(const Actor& actor, std::string_view what) {
  return Status::PermissionDenied("permission denied (không có quyền): " + Who(actor) +
                                  " may not " + std::string(what));
}

Status NeedsAgency(const Actor& actor) {
  return Status::PermissionDenied("permission denied (không có quyền): " + Who(actor) +
                                  " is agency staff without an agency");
}

}  // namespace

const char* ActionName(Action action) {
  switch (action) {
    case Action::kReadDocuments:
      return "read documents";
    case Action::kImport:
      return "import documents";
    case Action::kReview:
      return "review proposals";
    case Action::kReadAllTasks:
      return "read the tasks of every agency";
    case Action::kAdminister:
      return "administer agencies, users and the database";
    case Action::kReadAudit:
      return "read the audit trail";
    case Action::kAssign:
      return "create and assign tasks";
  }
  return "do this";
}

const char* TaskActionName(TaskAction action) {
  switch (action) {
    case TaskAction::kRead:
      return "read";
    case TaskAction::kReport:
      return "report on";
    case TaskAction::kDecideExtension:
      return "decide an extension of";
    case TaskAction::kManage:
      return "manage";
  }
  return "change";
}

Status Check(const Actor& actor, Action action) {
  switch (actor.role) {
    case Role::kAdmin:
      return Status::Ok();
    case Role::kOffice:
      if (action == Action::kAdminister) break;
      return Status::Ok();
    case Role::kLeader:
    case Role::kViewer:
      if (action == Action::kReadDocuments || action == Action::kReadAllTasks) return Status::Ok();
      break;
    case Role::kAgency:
      if (action == Action::kReadDocuments) return Status::Ok();
      if (!actor.agency_id) return NeedsAgency(actor);
      break;
  }
  return Denied(actor, ActionName(action));
}

Status CheckTask(store::Transaction& tx, const Actor& actor, core::Id task_id, TaskAction action,
                 core::Date on) {
  Result<core::Task> task = tx.GetTask(task_id);
  if (!task.ok()) return task.status();
  const std::string what = std::string(TaskActionName(action)) + " task " + std::to_string(task_id);
  switch (actor.role) {
    case Role::kAdmin:
    case Role::kOffice:
      return Status::Ok();
    case Role::kLeader:
      if (action == TaskAction::kRead || action == TaskAction::kDecideExtension) {
        return Status::Ok();
      }
      return Denied(actor, what);
    case Role::kViewer:
      if (action == TaskAction::kRead) return Status::Ok();
      return Denied(actor, what);
    case Role::kAgency:
      break;
  }
  if (!actor.agency_id) return NeedsAgency(actor);
  if (action != TaskAction::kRead && action != TaskAction::kReport) return Denied(actor, what);

  Result<std::vector<core::Coordination>> coordinations = tx.ListCoordinations(task_id);
  if (!coordinations.ok()) return coordinations.status();
  for (const core::Coordination& c : *coordinations) {
    if (c.agency_id == *actor.agency_id) return Status::Ok();
  }
  // The lead on the day, through reassignments and successions.
  Result<std::vector<core::TaskEvent>> events = tx.ListTaskEvents(task_id);
  if (!events.ok()) return events.status();
  Result<std::vector<core::Succession>> successions = tx.ListSuccessions();
  if (!successions.ok()) return successions.status();
  const std::vector<core::TaskState> timeline = core::BuildTimeline(*task, *events, *successions);
  const core::TaskState* state = core::StateOn(timeline, on);
  const core::Id lead = state ? state->lead_agency_id : task->lead_agency_id;
  if (lead == *actor.agency_id) return Status::Ok();
  return Denied(actor, what + " (its agency is neither the lead on " + core::FormatIsoDate(on) +
                           " nor a coordinator)");
}

Status CheckFigure(const Actor& actor, std::optional<core::Id> agency_id) {
  switch (actor.role) {
    case Role::kAdmin:
    case Role::kOffice:
      return Status::Ok();
    case Role::kLeader:
    case Role::kViewer:
      return Denied(actor, "enter figures");
    case Role::kAgency:
      break;
  }
  if (!actor.agency_id) return NeedsAgency(actor);
  if (agency_id && *agency_id == *actor.agency_id) return Status::Ok();
  return Denied(actor, agency_id ? "enter figures of agency " + std::to_string(*agency_id)
                                 : std::string("enter province-wide figures"));
}

std::optional<core::Id> VisibleAgency(const Actor& actor) {
  if (actor.role == Role::kAgency) return actor.agency_id.value_or(0);
  return std::nullopt;
}

}  // namespace dondoc::service
