// Task write use cases: create, reassign, progress, complete, reopen,
// cancel, extensions, sub-tasks, comments, coordination; and a task's
// detail. Each takes the Actor, checks service/permissions.h itself,
// validates its input (InvalidInput naming the bad value) and runs in one
// transaction: on any error nothing is written.
//
// Tasks are event-sourced (core/model.h): every change after creation is a
// core::TaskEvent, and the store rebuilds the task's timeline from them
// (core/task_status.h). Each change is recorded on `now`'s local day (UTC+7)
// and, but for a completion day given in the past, takes effect that day.
//
// Who may do what (beyond permissions.h):
//   create                 office, admin (Action::kAssign);
//   reassign, reopen,
//   cancel                 office, admin (TaskAction::kManage);
//   progress, complete,
//   extension request,
//   delegate a sub-task    the lead agency's staff (on today), office, admin;
//                          a coordinating agency may not: the status is the
//                          lead's (TaskAction::kReport + lead);
//   comment                lead or coordinating agency, office, admin;
//   coordination           the coordinating agency itself, office, admin;
//   decide an extension    leader, office, admin (kDecideExtension).
//
// State conflicts are Status::Conflict (HTTP 409), judged on the task's
// current state (the last stretch of its timeline): completing a completed
// task, reopening an open one, changing a cancelled one (only comments are
// still taken), a second extension request while one is pending, deciding
// a decided request, acknowledging twice.
//
// Extensions: a request names a new deadline later than the one in force
// (and not before today) and why. Approving it refers to the request event;
// the new deadline (the requested one, or one the decider gives, also later
// than the one in force) is in force from the decision day, so a report of
// an earlier day still shows the old deadline. Refusing keeps the deadline.
//
// Sub-tasks: the lead of a task (or the office) delegates part of it to
// another agency: a new task with parent_id, assigned today, from the same
// document, whose deadline may not be later than the parent's deadline in
// force. A sub-task is a task of its own: it has its own lead, events and
// status, and it counts in the four-way counts like any task. What the
// parent's changes mean for its sub-tasks:
//   completing the parent  refused (409) while a sub-task is still open:
//                          complete or cancel them first, so that a parent
//                          is never done while delegated work is not, and
//                          no agency is credited with work it did not report;
//   cancelling the parent  cancels its open sub-tasks (and theirs) in the same
//                          transaction, with a note naming the parent;
//                          completed sub-tasks stay completed;
//   reopening the parent   leaves sub-tasks as they are;
//   reopening a sub-task   refused while its parent is completed or cancelled;
//   delegating             refused from a completed or cancelled task.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "core/model.h"
#include "core/task_status.h"
#include "service/actor.h"
#include "store/store.h"

namespace dondoc::service {

struct TaskOptions {
  std::optional<core::Timestamp> now;  // when the change is made; now when unset
};

// Longest text, note, reason or contribution accepted, in bytes.
inline constexpr size_t kMaxTaskText = 20000;

struct NewTask {
  core::Id lead_agency_id = 0;
  std::vector<core::Id> coordinating_agency_ids;
  std::string text;
  core::Date assigned_on{};
  std::optional<core::Date> deadline;
  std::string deadline_text;  // as written; may be empty
  std::optional<core::Id> document_id;
  std::optional<core::SourceSpan> span;  // needs document_id
};

struct NewSubtask {
  core::Id lead_agency_id = 0;
  std::vector<core::Id> coordinating_agency_ids;
  std::string text;
  std::optional<core::Date> deadline;
  std::string deadline_text;
};

// Each returns the id of what it stored: a task, or the event recorded.
Result<core::Id> CreateTask(store::Store& store, const Actor& actor, const NewTask& task,
                            const TaskOptions& options);
Result<core::Id> DelegateSubtask(store::Store& store, const Actor& actor, core::Id parent_id,
                                 const NewSubtask& subtask, const TaskOptions& options);

// From `effective_on` (default today; not before assignment nor after today).
Result<core::Id> ReassignTask(store::Store& store, const Actor& actor, core::Id task_id,
                              core::Id new_lead_agency_id, std::optional<core::Date> effective_on,
                              const std::string& note, const TaskOptions& options);
// `percent` 0..100; 100 does not complete the task.
Result<core::Id> ReportProgress(store::Store& store, const Actor& actor, core::Id task_id,
                                int percent, const std::string& note, const TaskOptions& options);
// `completed_on` default today; not before assignment nor after today.
// `evidence` says what shows it is done and may not be empty.
Result<core::Id> CompleteTask(store::Store& store, const Actor& actor, core::Id task_id,
                              std::optional<core::Date> completed_on, const std::string& evidence,
                              const TaskOptions& options);
// `note` says why (not empty).
Result<core::Id> ReopenTask(store::Store& store, const Actor& actor, core::Id task_id,
                            const std::string& note, const TaskOptions& options);
Result<core::Id> CancelTask(store::Store& store, const Actor& actor, core::Id task_id,
                            const std::string& note, const TaskOptions& options);
// `reason` may not be empty.
Result<core::Id> RequestExtension(store::Store& store, const Actor& actor, core::Id task_id,
                                  core::Date new_deadline, const std::string& reason,
                                  const TaskOptions& options);
// `deadline` unset: the requested one. NotFound when `request_event_id` is
// not an event of the task; InvalidInput when it is not a request.
Result<core::Id> ApproveExtension(store::Store& store, const Actor& actor, core::Id task_id,
                                  core::Id request_event_id, std::optional<core::Date> deadline,
                                  const std::string& note, const TaskOptions& options);
Result<core::Id> RefuseExtension(store::Store& store, const Actor& actor, core::Id task_id,
                                 core::Id request_event_id, const std::string& note,
                                 const TaskOptions& options);
Result<core::Id> CommentOnTask(store::Store& store, const Actor& actor, core::Id task_id,
                               const std::string& text, const TaskOptions& options);

// A coordinating agency acknowledges the task and/or records its
// contribution (which replaces the previous one). `agency_id` defaults to
// agency staff's own agency and is required for anyone else. Also recorded
// as a comment event, so that the task's history keeps every contribution.
struct CoordinationUpdate {
  std::optional<core::Id> agency_id;
  bool acknowledge = false;  // acknowledged today; 409 when already done
  std::optional<std::string> contribution;
};
Result<core::Coordination> UpdateCoordination(store::Store& store, const Actor& actor,
                                              core::Id task_id, const CoordinationUpdate& update,
                                              const TaskOptions& options);

struct NamedCoordination {
  core::Coordination coordination;
  std::string agency_name;
};

// A task as it stands on one day.
struct TaskSnapshot {
  core::Task task;
  core::Id lead_agency_id = 0;  // on the day (reassignments, successions)
  std::string lead_name;
  std::optional<core::TaskStatus> status;  // unset before assignment or when cancelled
  bool cancelled = false;
  std::optional<core::Date> deadline;  // in force on the day
  std::optional<core::Date> completed_on;
};

struct TaskDetail {
  core::Date as_of{};
  TaskSnapshot snapshot;
  std::vector<core::TaskEvent> events;  // every event, by id
  std::vector<NamedCoordination> coordinations;
  std::vector<TaskSnapshot> subtasks;  // direct sub-tasks, by id, as of the same day
  // The extension request not yet decided, if any (as of now).
  std::optional<core::Id> pending_extension_request;
};

// What `actor` may read (TaskAction::kRead on `as_of`).
Result<TaskDetail> GetTaskDetail(store::Store& store, const Actor& actor, core::Id task_id,
                                 core::Date as_of);
Result<std::vector<core::TaskEvent>> ListTaskHistory(store::Store& store, const Actor& actor,
                                                     core::Id task_id, core::Date as_of);

}  // namespace dondoc::service
