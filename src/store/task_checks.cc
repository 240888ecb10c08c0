#include "store/task_checks.h"

#include <set>
#include <string>

#include "core/period.h"

namespace dondoc::store {

Status CheckNewTask(const core::Task& task, const std::vector<core::Coordination>& coordinating) {
  if (task.text.empty()) return Status::InvalidInput("a task needs its text");
  if (task.deadline && *task.deadline < task.assigned_on) {
    return Status::InvalidInput("deadline " + core::FormatIsoDate(*task.deadline) +
                                " is before the assignment date " +
                                core::FormatIsoDate(task.assigned_on));
  }
  if (task.period) {
    if (Status status = core::ValidatePeriod(*task.period); !status.ok()) return status;
  }
  std::set<core::Id> coordinators;
  for (const core::Coordination& coordination : coordinating) {
    if (coordination.agency_id == task.lead_agency_id) {
      return Status::InvalidInput("agency " + std::to_string(coordination.agency_id) +
                                  " cannot both lead and coordinate a task");
    }
    if (!coordinators.insert(coordination.agency_id).second) {
      return Status::InvalidInput("coordinating agency " + std::to_string(coordination.agency_id) +
                                  " is listed twice");
    }
  }
  return Status::Ok();
}

Status CheckNewEvent(const core::Task& task, const core::TaskEvent& event, bool has_request) {
  const std::string what = std::string(core::TaskEventKindName(event.kind)) + " event";
  if (event.progress_percent && (*event.progress_percent < 0 || *event.progress_percent > 100)) {
    return Status::InvalidInput("progress " + std::to_string(*event.progress_percent) +
                                "% is outside 0..100 (" + what + ")");
  }
  if (event.deadline && *event.deadline < task.assigned_on) {
    return Status::InvalidInput("deadline " + core::FormatIsoDate(*event.deadline) +
                                " is before the assignment date " +
                                core::FormatIsoDate(task.assigned_on) + " (" + what + ")");
  }
  if (event.kind == core::TaskEventKind::kExtensionRequested && !event.deadline) {
    return Status::InvalidInput("an extension request needs the deadline asked for (" + what + ")");
  }
  if (event.kind == core::TaskEventKind::kExtensionApproved && !event.deadline && !has_request) {
    return Status::InvalidInput("an approved extension needs a deadline or the request (" + what +
                                ")");
  }
  if (event.kind == core::TaskEventKind::kReassigned && !event.agency_id) {
    return Status::InvalidInput("a reassignment needs the new lead agency (" + what + ")");
  }
  return Status::Ok();
}

Result<BulkReferences> CheckBulk(const std::vector<NewTask>& tasks) {
  BulkReferences refs;
  for (size_t i = 0; i < tasks.size(); ++i) {
    const NewTask& item = tasks[i];
    auto fail = [i](const Status& status) {
      return Status::InvalidInput("bulk task " + std::to_string(i) + ": " + status.message());
    };
    if (Status status = CheckNewTask(item.task, item.coordinating); !status.ok()) {
      return fail(status);
    }
    if (item.parent_index && *item.parent_index >= i) {
      return fail(Status::InvalidInput("parent index " + std::to_string(*item.parent_index) +
                                       " is not an earlier task"));
    }
    refs.agencies.insert(item.task.lead_agency_id);
    for (const core::Coordination& c : item.coordinating) refs.agencies.insert(c.agency_id);
    if (item.task.document_id) refs.documents.insert(*item.task.document_id);
    if (item.task.obligation_id) refs.obligations.insert(*item.task.obligation_id);
    if (!item.parent_index && item.task.parent_id) refs.tasks.insert(*item.task.parent_id);
    for (size_t k = 0; k < item.events.size(); ++k) {
      const NewTask::Event& e = item.events[k];
      if (e.request_index && *e.request_index >= k) {
        return fail(Status::InvalidInput("request index " + std::to_string(*e.request_index) +
                                         " of event " + std::to_string(k) +
                                         " is not an earlier event"));
      }
      if (Status status = CheckNewEvent(item.task, e.event, e.request_index.has_value());
          !status.ok()) {
        return fail(status);
      }
      if (e.event.agency_id) refs.agencies.insert(*e.event.agency_id);
    }
  }
  return refs;
}

}  // namespace dondoc::store
