#include "service/tasks.h"

#include <algorithm>
#include <set>
#include <utility>

#include "service/audit.h"
#include "service/import.h"
#include "service/permissions.h"

namespace dondoc::service {
namespace {

std::string TaskName(core::Id id) { return "task " + std::to_string(id); }

std::string Iso(core::Date day) { return core::FormatIsoDate(day); }

Status CheckText(const std::string& text, std::string_view what, bool required) {
  if (required && text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::InvalidInput(std::string(what) + " may not be empty (không được để trống)");
  }
  if (text.size() > kMaxTaskText) {
    return Status::InvalidInput(std::string(what) + " is " + std::to_string(text.size()) +
                                " bytes long, more than " + std::to_string(kMaxTaskText));
  }
  return Status::Ok();
}

// The agency `id`, which must exist on `on`.
Result<core::Agency> AgencyOn(store::Transaction& tx, core::Id id, core::Date on,
                              std::string_view role) {
  Result<core::Agency> agency = tx.GetAgency(id);
  if (!agency.ok()) {
    if (agency.status().code() == StatusCode::kNotFound) {
      return Status::InvalidInput("unknown " + std::string(role) + " agency " + std::to_string(id) +
                                  " (không có cơ quan này)");
    }
    return agency.status();
  }
  if (on < agency->valid_from || (agency->valid_to && *agency->valid_to <= on)) {
    return Status::InvalidInput(std::string(role) + " agency " + std::to_string(id) + " (" +
                                agency->name + ") does not exist on " + Iso(on) +
                                " (cơ quan không tồn tại vào ngày này)");
  }
  return agency;
}

// The coordinations for `ids`, each an agency existing on `on`, none the lead.
Result<std::vector<core::Coordination>> Coordinators(store::Transaction& tx,
                                                     const std::vector<core::Id>& ids,
                                                     core::Id lead, core::Date on) {
  std::vector<core::Coordination> out;
  std::set<core::Id> seen;
  for (core::Id id : ids) {
    Result<core::Agency> agency = AgencyOn(tx, id, on, "coordinating");
    if (!agency.ok()) return agency.status();
    if (id == lead) {
      return Status::InvalidInput("agency " + std::to_string(id) + " (" + agency->name +
                                  ") cannot both lead and coordinate the task");
    }
    if (!seen.insert(id).second) {
      return Status::InvalidInput("coordinating agency " + std::to_string(id) + " is listed twice");
    }
    core::Coordination c;
    c.agency_id = id;
    out.push_back(c);
  }
  return out;
}

// A task with everything the rules below look at, read in the transaction.
struct Loaded {
  core::Task task;
  std::vector<core::TaskEvent> events;
  std::vector<core::TaskState> timeline;
  const core::TaskState& Current() const { return timeline.back(); }
};

Result<Loaded> Load(store::Transaction& tx, core::Id task_id) {
  Loaded loaded;
  Result<core::Task> task = tx.GetTask(task_id);
  if (!task.ok()) return task.status();
  loaded.task = std::move(task.value());
  Result<std::vector<core::TaskEvent>> events = tx.ListTaskEvents(task_id);
  if (!events.ok()) return events.status();
  loaded.events = std::move(events.value());
  Result<std::vector<core::Succession>> successions = tx.ListSuccessions();
  if (!successions.ok()) return successions.status();
  loaded.timeline = core::BuildTimeline(loaded.task, loaded.events, *successions);
  if (loaded.timeline.empty()) return Status::Internal(TaskName(task_id) + " has no timeline");
  return loaded;
}

bool IsOpen(const core::TaskState& state) { return !state.cancelled && !state.completed_on; }

Status NotCancelled(const Loaded& t) {
  if (!t.Current().cancelled) return Status::Ok();
  return Status::Conflict(TaskName(t.task.id) + " is cancelled (nhiệm vụ đã bị hủy)");
}

Status NotCompleted(const Loaded& t) {
  if (!t.Current().completed_on) return Status::Ok();
  return Status::Conflict(TaskName(t.task.id) + " is already completed on " +
                          Iso(*t.Current().completed_on) + " (nhiệm vụ đã hoàn thành)");
}

Status Open(const Loaded& t) {
  if (Status s = NotCancelled(t); !s.ok()) return s;
  return NotCompleted(t);
}

// Agency staff act on a task's status only for its lead agency: a
// coordinating agency may comment and record its coordination, no more.
Status RequireLeadStaff(const Actor& actor, const Loaded& t, core::Date today,
                        std::string_view what) {
  if (actor.role != Role::kAgency) return Status::Ok();
  const core::TaskState* state = core::StateOn(t.timeline, today);
  const core::Id lead = state ? state->lead_agency_id : t.task.lead_agency_id;
  if (actor.agency_id && *actor.agency_id == lead) return Status::Ok();
  return Status::PermissionDenied("permission denied (không có quyền): only the lead agency of " +
                                  TaskName(t.task.id) + " may " + std::string(what) +
                                  ", not a coordinating agency");
}

// A day given for a change: not before assignment, not after today.
Status CheckDay(const Loaded& t, core::Date day, core::Date today, std::string_view what) {
  if (day < t.task.assigned_on) {
    return Status::InvalidInput(std::string(what) + " " + Iso(day) +
                                " is before the task was assigned on " + Iso(t.task.assigned_on));
  }
  if (day > today) {
    return Status::InvalidInput(std::string(what) + " " + Iso(day) + " is after today (" +
                                Iso(today) + ")");
  }
  return Status::Ok();
}

core::TaskEvent MakeEvent(const Actor& actor, core::Id task_id, core::TaskEventKind kind,
                          core::Date effective_on, core::Timestamp now, std::string note) {
  core::TaskEvent e;
  e.task_id = task_id;
  e.kind = kind;
  e.effective_on = effective_on;
  e.recorded_at = now;
  e.actor_user_id = actor.user_id;
  e.note = std::move(note);
  return e;
}

// The pending request among `events`: the last request no decision refers to.
std::optional<core::Id> PendingRequest(const std::vector<core::TaskEvent>& events) {
  std::set<core::Id> decided;
  for (const core::TaskEvent& e : events) {
    if ((e.kind == core::TaskEventKind::kExtensionApproved ||
         e.kind == core::TaskEventKind::kExtensionRefused) &&
        e.request_event_id) {
      decided.insert(*e.request_event_id);
    }
  }
  std::optional<core::Id> pending;
  for (const core::TaskEvent& e : events) {
    if (e.kind == core::TaskEventKind::kExtensionRequested && !decided.count(e.id)) pending = e.id;
  }
  return pending;
}

// Runs `change` in one write transaction, after the permission check on the
// task, and returns the id it gives.
template <typename F>
Result<core::Id> WriteChange(store::Store& store, const Actor& actor, core::Id task_id,
                             TaskAction action, core::Date today, F change) {
  core::Id id = 0;
  Status s = store.Write(AuditActorOf(actor), [&](store::Transaction& tx) -> Status {
    if (Status p = CheckTask(tx, actor, task_id, action, today); !p.ok()) return p;
    Result<Loaded> t = Load(tx, task_id);
    if (!t.ok()) return t.status();
    Result<core::Id> made = change(tx, *t);
    if (!made.ok()) return made.status();
    id = *made;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return id;
}

// Cancels the open sub-tasks of `parent_id`, and theirs.
Status CancelSubtasks(store::Transaction& tx, const Actor& actor, core::Id parent_id,
                      core::Date today, core::Timestamp now, int depth = 0) {
  if (depth > 64) return Status::Internal("sub-tasks nested deeper than 64 levels");
  Result<std::vector<core::Id>> children = tx.ListSubtaskIds(parent_id);
  if (!children.ok()) return children.status();
  for (core::Id child : *children) {
    Result<Loaded> t = Load(tx, child);
    if (!t.ok()) return t.status();
    if (IsOpen(t->Current())) {
      core::TaskEvent e = MakeEvent(actor, child, core::TaskEventKind::kCancelled, today, now,
                                    "Hủy theo nhiệm vụ cấp trên " + std::to_string(parent_id) +
                                        " (cancelled with its parent task)");
      Result<core::Id> added = tx.AddTaskEvent(e);
      if (!added.ok()) return added.status();
    }
    if (Status s = CancelSubtasks(tx, actor, child, today, now, depth + 1); !s.ok()) return s;
  }
  return Status::Ok();
}

// The sub-tasks of `parent_id` still open, for a refusal message.
Result<std::vector<core::Id>> OpenSubtasks(store::Transaction& tx, core::Id parent_id) {
  Result<std::vector<core::Id>> children = tx.ListSubtaskIds(parent_id);
  if (!children.ok()) return children.status();
  std::vector<core::Id> open;
  for (core::Id child : *children) {
    Result<Loaded> t = Load(tx, child);
    if (!t.ok()) return t.status();
    if (IsOpen(t->Current())) open.push_back(child);
  }
  return open;
}

std::string IdList(const std::vector<core::Id>& ids) {
  std::string out;
  for (core::Id id : ids) {
    if (!out.empty()) out += ", ";
    out += std::to_string(id);
  }
  return out;
}

Result<TaskSnapshot> Snapshot(store::Transaction& tx, const Loaded& t, core::Date day) {
  TaskSnapshot s;
  s.task = t.task;
  s.lead_agency_id = t.task.lead_agency_id;
  if (const core::TaskState* state = core::StateOn(t.timeline, day)) {
    s.lead_agency_id = state->lead_agency_id;
    s.cancelled = state->cancelled;
    s.deadline = state->deadline;
    s.completed_on = state->completed_on;
    s.status = core::TimelineStatusOn(t.timeline, day);
  } else {
    s.deadline = t.task.deadline;  // before assignment: the first deadline
  }
  Result<core::Agency> lead = tx.GetAgency(s.lead_agency_id);
  if (!lead.ok()) return lead.status();
  s.lead_name = lead->name;
  return s;
}

core::Date Today(const TaskOptions& options, core::Timestamp* now) {
  *now = options.now.value_or(NowUtc());
  return core::LocalDay(*now);
}

}  // namespace

Result<core::Id> CreateTask(store::Store& store, const Actor& actor, const NewTask& task,
                            const TaskOptions& options) {
  if (Status s = Check(actor, Action::kAssign); !s.ok()) return s;
  if (Status s = CheckText(task.text, "the task's text", true); !s.ok()) return s;
  if (Status s = CheckText(task.deadline_text, "deadline_text", false); !s.ok()) return s;
  if (task.deadline && *task.deadline < task.assigned_on) {
    return Status::InvalidInput("deadline " + Iso(*task.deadline) +
                                " is before the assignment date " + Iso(task.assigned_on));
  }
  if (task.span && !task.document_id) {
    return Status::InvalidInput("a span needs the document it refers to (document_id)");
  }
  if (task.span &&
      (task.span->start > task.span->end || task.span->line_start > task.span->line_end)) {
    return Status::InvalidInput("span ends before it starts");
  }
  core::Timestamp now{};
  Today(options, &now);
  core::Id id = 0;
  Status s = store.Write(AuditActorOf(actor), [&](store::Transaction& tx) -> Status {
    Result<core::Agency> lead = AgencyOn(tx, task.lead_agency_id, task.assigned_on, "lead");
    if (!lead.ok()) return lead.status();
    Result<std::vector<core::Coordination>> coordinations =
        Coordinators(tx, task.coordinating_agency_ids, task.lead_agency_id, task.assigned_on);
    if (!coordinations.ok()) return coordinations.status();
    if (task.document_id) {
      Result<core::Document> document = tx.GetDocument(*task.document_id);
      if (!document.ok()) {
        if (document.status().code() != StatusCode::kNotFound) return document.status();
        return Status::InvalidInput("unknown document " + std::to_string(*task.document_id));
      }
    }
    core::Task t;
    t.document_id = task.document_id;
    t.span = task.span;
    t.lead_agency_id = task.lead_agency_id;
    t.text = task.text;
    t.assigned_on = task.assigned_on;
    t.deadline = task.deadline;
    t.deadline_text = task.deadline_text;
    t.created_at = now;
    Result<core::Id> added = tx.AddTask(t, *coordinations);
    if (!added.ok()) return added.status();
    id = *added;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return id;
}

Result<core::Id> DelegateSubtask(store::Store& store, const Actor& actor, core::Id parent_id,
                                 const NewSubtask& subtask, const TaskOptions& options) {
  if (Status s = CheckText(subtask.text, "the sub-task's text", true); !s.ok()) return s;
  if (Status s = CheckText(subtask.deadline_text, "deadline_text", false); !s.ok()) return s;
  core::Timestamp now{};
  const core::Date today = Today(options, &now);
  return WriteChange(
      store, actor, parent_id, TaskAction::kReport, today,
      [&](store::Transaction& tx, const Loaded& parent) -> Result<core::Id> {
        if (Status s = RequireLeadStaff(actor, parent, today, "delegate a sub-task"); !s.ok()) {
          return s;
        }
        if (Status s = Open(parent); !s.ok()) return s;
        const core::TaskState& current = parent.Current();
        if (subtask.lead_agency_id == current.lead_agency_id) {
          return Status::InvalidInput("agency " + std::to_string(subtask.lead_agency_id) +
                                      " already leads " + TaskName(parent_id) +
                                      ": a sub-task goes to another agency");
        }
        if (subtask.deadline && *subtask.deadline < today) {
          return Status::InvalidInput("sub-task deadline " + Iso(*subtask.deadline) +
                                      " is before today (" + Iso(today) + ")");
        }
        if (subtask.deadline && current.deadline && *subtask.deadline > *current.deadline) {
          return Status::InvalidInput("sub-task deadline " + Iso(*subtask.deadline) +
                                      " is after the deadline of " + TaskName(parent_id) + " (" +
                                      Iso(*current.deadline) + ")");
        }
        const core::Date assigned = std::max(today, parent.task.assigned_on);
        Result<core::Agency> lead = AgencyOn(tx, subtask.lead_agency_id, assigned, "lead");
        if (!lead.ok()) return lead.status();
        Result<std::vector<core::Coordination>> coordinations =
            Coordinators(tx, subtask.coordinating_agency_ids, subtask.lead_agency_id, assigned);
        if (!coordinations.ok()) return coordinations.status();
        core::Task t;
        t.document_id = parent.task.document_id;
        t.parent_id = parent_id;
        t.lead_agency_id = subtask.lead_agency_id;
        t.text = subtask.text;
        t.assigned_on = assigned;
        t.deadline = subtask.deadline;
        t.deadline_text = subtask.deadline_text;
        t.created_at = now;
        return tx.AddTask(t, *coordinations);
      });
}

Result<core::Id> ReassignTask(store::Store& store, const Actor& actor, core::Id task_id,
                              core::Id new_lead_agency_id, std::optional<core::Date> effective_on,
                              const std::string& note, const TaskOptions& options) {
  if (Status s = CheckText(note, "note", false); !s.ok()) return s;
  core::Timestamp now{};
  const core::Date today = Today(options, &now);
  return WriteChange(
      store, actor, task_id, TaskAction::kManage, today,
      [&](store::Transaction& tx, const Loaded& t) -> Result<core::Id> {
        if (Status s = Open(t); !s.ok()) return s;
        const core::Date day = effective_on.value_or(std::max(today, t.task.assigned_on));
        if (Status s = CheckDay(t, day, std::max(today, t.task.assigned_on), "effective_on");
            !s.ok()) {
          return s;
        }
        Result<core::Agency> lead = AgencyOn(tx, new_lead_agency_id, day, "new lead");
        if (!lead.ok()) return lead.status();
        const core::TaskState* state = core::StateOn(t.timeline, day);
        if (state && state->lead_agency_id == new_lead_agency_id) {
          return Status::InvalidInput("agency " + std::to_string(new_lead_agency_id) + " (" +
                                      lead->name + ") already leads " + TaskName(task_id) + " on " +
                                      Iso(day));
        }
        core::TaskEvent e =
            MakeEvent(actor, task_id, core::TaskEventKind::kReassigned, day, now, note);
        e.agency_id = new_lead_agency_id;
        return tx.AddTaskEvent(e);
      });
}

Result<core::Id> ReportProgress(store::Store& store, const Actor& actor, core::Id task_id,
                                int percent, const std::string& note, const TaskOptions& options) {
  if (percent < 0 || percent > 100) {
    return Status::InvalidInput("progress " + std::to_string(percent) +
                                "% is outside 0..100 (tỷ lệ hoàn thành)");
  }
  if (Status s = CheckText(note, "note", false); !s.ok()) return s;
  core::Timestamp now{};
  const core::Date today = Today(options, &now);
  return WriteChange(
      store, actor, task_id, TaskAction::kReport, today,
      [&](store::Transaction& tx, const Loaded& t) -> Result<core::Id> {
        if (Status s = RequireLeadStaff(actor, t, today, "report progress"); !s.ok()) {
          return s;
        }
        if (Status s = Open(t); !s.ok()) return s;
        core::TaskEvent e = MakeEvent(actor, task_id, core::TaskEventKind::kProgress,
                                      std::max(today, t.task.assigned_on), now, note);
        e.progress_percent = percent;
        return tx.AddTaskEvent(e);
      });
}

Result<core::Id> CompleteTask(store::Store& store, const Actor& actor, core::Id task_id,
                              std::optional<core::Date> completed_on, const std::string& evidence,
                              const TaskOptions& options) {
  if (Status s = CheckText(evidence, "the evidence of completion", true); !s.ok()) return s;
  core::Timestamp now{};
  const core::Date today = Today(options, &now);
  return WriteChange(
      store, actor, task_id, TaskAction::kReport, today,
      [&](store::Transaction& tx, const Loaded& t) -> Result<core::Id> {
        if (Status s = RequireLeadStaff(actor, t, today, "complete it"); !s.ok()) return s;
        if (Status s = Open(t); !s.ok()) return s;
        const core::Date day = completed_on.value_or(today);
        if (Status s = CheckDay(t, day, today, "completion day"); !s.ok()) return s;
        Result<std::vector<core::Id>> open = OpenSubtasks(tx, task_id);
        if (!open.ok()) return open.status();
        if (!open->empty()) {
          return Status::Conflict(TaskName(task_id) + " has open sub-tasks (" + IdList(*open) +
                                  "): complete or cancel them first (còn nhiệm vụ con chưa "
                                  "hoàn thành)");
        }
        return tx.AddTaskEvent(
            MakeEvent(actor, task_id, core::TaskEventKind::kCompleted, day, now, evidence));
      });
}

Result<core::Id> ReopenTask(store::Store& store, const Actor& actor, core::Id task_id,
                            const std::string& note, const TaskOptions& options) {
  if (Status s = CheckText(note, "the reason for reopening", true); !s.ok()) return s;
  core::Timestamp now{};
  const core::Date today = Today(options, &now);
  return WriteChange(
      store, actor, task_id, TaskAction::kManage, today,
      [&](store::Transaction& tx, const Loaded& t) -> Result<core::Id> {
        if (Status s = NotCancelled(t); !s.ok()) return s;
        if (!t.Current().completed_on) {
          return Status::Conflict(TaskName(task_id) +
                                  " is not completed: there is nothing to reopen");
        }
        if (t.task.parent_id) {
          Result<Loaded> parent = Load(tx, *t.task.parent_id);
          if (!parent.ok()) return parent.status();
          if (!IsOpen(parent->Current())) {
            return Status::Conflict("the parent " + TaskName(*t.task.parent_id) + " of " +
                                    TaskName(task_id) +
                                    " is completed or cancelled: reopen the parent first");
          }
        }
        return tx.AddTaskEvent(MakeEvent(actor, task_id, core::TaskEventKind::kReopened,
                                         std::max(today, t.task.assigned_on), now, note));
      });
}

Result<core::Id> CancelTask(store::Store& store, const Actor& actor, core::Id task_id,
                            const std::string& note, const TaskOptions& options) {
  if (Status s = CheckText(note, "the reason for cancelling", true); !s.ok()) return s;
  core::Timestamp now{};
  const core::Date today = Today(options, &now);
  return WriteChange(store, actor, task_id, TaskAction::kManage, today,
                     [&](store::Transaction& tx, const Loaded& t) -> Result<core::Id> {
                       if (Status s = NotCancelled(t); !s.ok()) return s;
                       const core::Date day = std::max(today, t.task.assigned_on);
                       Result<core::Id> id = tx.AddTaskEvent(MakeEvent(
                           actor, task_id, core::TaskEventKind::kCancelled, day, now, note));
                       if (!id.ok()) return id;
                       if (Status s = CancelSubtasks(tx, actor, task_id, day, now); !s.ok()) {
                         return s;
                       }
                       return id;
                     });
}

Result<core::Id> RequestExtension(store::Store& store, const Actor& actor, core::Id task_id,
                                  core::Date new_deadline, const std::string& reason,
                                  const TaskOptions& options) {
  if (Status s = CheckText(reason, "the reason for the extension", true); !s.ok()) return s;
  core::Timestamp now{};
  const core::Date today = Today(options, &now);
  return WriteChange(
      store, actor, task_id, TaskAction::kReport, today,
      [&](store::Transaction& tx, const Loaded& t) -> Result<core::Id> {
        if (Status s = RequireLeadStaff(actor, t, today, "request an extension"); !s.ok()) {
          return s;
        }
        if (Status s = Open(t); !s.ok()) return s;
        const std::optional<core::Date> in_force = t.Current().deadline;
        if (!in_force) {
          return Status::InvalidInput(TaskName(task_id) + " has no deadline to extend");
        }
        if (new_deadline <= *in_force) {
          return Status::InvalidInput("new deadline " + Iso(new_deadline) +
                                      " is not later than the deadline in force (" +
                                      Iso(*in_force) + ")");
        }
        if (new_deadline < today) {
          return Status::InvalidInput("new deadline " + Iso(new_deadline) + " is before today (" +
                                      Iso(today) + ")");
        }
        if (std::optional<core::Id> pending = PendingRequest(t.events)) {
          return Status::Conflict("extension request " + std::to_string(*pending) + " of " +
                                  TaskName(task_id) +
                                  " is still waiting for a decision (đang chờ quyết định)");
        }
        core::TaskEvent e = MakeEvent(actor, task_id, core::TaskEventKind::kExtensionRequested,
                                      std::max(today, t.task.assigned_on), now, reason);
        e.deadline = new_deadline;
        return tx.AddTaskEvent(e);
      });
}

namespace {

// The request `request_id` of task `t`, undecided.
Result<core::TaskEvent> UndecidedRequest(const Loaded& t, core::Id request_id) {
  const core::TaskEvent* request = nullptr;
  for (const core::TaskEvent& e : t.events) {
    if (e.id == request_id) request = &e;
  }
  if (!request) {
    return Status::NotFound("no event " + std::to_string(request_id) + " of " +
                            TaskName(t.task.id));
  }
  if (request->kind != core::TaskEventKind::kExtensionRequested) {
    return Status::InvalidInput(
        "event " + std::to_string(request_id) + " of " + TaskName(t.task.id) + " is a " +
        core::TaskEventKindName(request->kind) + " event, not an extension request");
  }
  for (const core::TaskEvent& e : t.events) {
    if ((e.kind == core::TaskEventKind::kExtensionApproved ||
         e.kind == core::TaskEventKind::kExtensionRefused) &&
        e.request_event_id == request_id) {
      return Status::Conflict("extension request " + std::to_string(request_id) +
                              " is already decided: " + core::TaskEventKindName(e.kind) + " on " +
                              Iso(e.effective_on) + " (event " + std::to_string(e.id) +
                              ") (yêu cầu đã được quyết định)");
    }
  }
  return *request;
}

}  // namespace

Result<core::Id> ApproveExtension(store::Store& store, const Actor& actor, core::Id task_id,
                                  core::Id request_event_id, std::optional<core::Date> deadline,
                                  const std::string& note, const TaskOptions& options) {
  if (Status s = CheckText(note, "note", false); !s.ok()) return s;
  core::Timestamp now{};
  const core::Date today = Today(options, &now);
  return WriteChange(store, actor, task_id, TaskAction::kDecideExtension, today,
                     [&](store::Transaction& tx, const Loaded& t) -> Result<core::Id> {
                       Result<core::TaskEvent> request = UndecidedRequest(t, request_event_id);
                       if (!request.ok()) return request.status();
                       if (Status s = Open(t); !s.ok()) return s;
                       const core::Date granted = deadline.value_or(*request->deadline);
                       const std::optional<core::Date> in_force = t.Current().deadline;
                       if (in_force && granted <= *in_force) {
                         return Status::InvalidInput("deadline " + Iso(granted) +
                                                     " is not later than the deadline in force (" +
                                                     Iso(*in_force) + ")");
                       }
                       core::TaskEvent e =
                           MakeEvent(actor, task_id, core::TaskEventKind::kExtensionApproved,
                                     std::max(today, t.task.assigned_on), now, note);
                       e.deadline = granted;
                       e.request_event_id = request_event_id;
                       return tx.AddTaskEvent(e);
                     });
}

Result<core::Id> RefuseExtension(store::Store& store, const Actor& actor, core::Id task_id,
                                 core::Id request_event_id, const std::string& note,
                                 const TaskOptions& options) {
  if (Status s = CheckText(note, "the reason for refusing", true); !s.ok()) return s;
  core::Timestamp now{};
  const core::Date today = Today(options, &now);
  return WriteChange(store, actor, task_id, TaskAction::kDecideExtension, today,
                     [&](store::Transaction& tx, const Loaded& t) -> Result<core::Id> {
                       Result<core::TaskEvent> request = UndecidedRequest(t, request_event_id);
                       if (!request.ok()) return request.status();
                       if (Status s = NotCancelled(t); !s.ok()) return s;
                       core::TaskEvent e =
                           MakeEvent(actor, task_id, core::TaskEventKind::kExtensionRefused,
                                     std::max(today, t.task.assigned_on), now, note);
                       e.request_event_id = request_event_id;
                       return tx.AddTaskEvent(e);
                     });
}

Result<core::Id> CommentOnTask(store::Store& store, const Actor& actor, core::Id task_id,
                               const std::string& text, const TaskOptions& options) {
  if (Status s = CheckText(text, "the comment", true); !s.ok()) return s;
  core::Timestamp now{};
  const core::Date today = Today(options, &now);
  return WriteChange(
      store, actor, task_id, TaskAction::kReport, today,
      [&](store::Transaction& tx, const Loaded& t) -> Result<core::Id> {
        return tx.AddTaskEvent(MakeEvent(actor, task_id, core::TaskEventKind::kComment,
                                         std::max(today, t.task.assigned_on), now, text));
      });
}

Result<core::Coordination> UpdateCoordination(store::Store& store, const Actor& actor,
                                              core::Id task_id, const CoordinationUpdate& update,
                                              const TaskOptions& options) {
  if (!update.acknowledge && !update.contribution) {
    return Status::InvalidInput("nothing to record: acknowledge and/or give a contribution");
  }
  if (update.contribution) {
    if (Status s = CheckText(*update.contribution, "the contribution", true); !s.ok()) return s;
  }
  std::optional<core::Id> agency_id = update.agency_id;
  if (actor.role == Role::kAgency) {
    if (agency_id && actor.agency_id && *agency_id != *actor.agency_id) {
      return Status::PermissionDenied(
          "permission denied (không có quyền): agency staff record only their own agency's "
          "coordination, not agency " +
          std::to_string(*agency_id) + "'s");
    }
    if (!agency_id) agency_id = actor.agency_id;
  }
  core::Timestamp now{};
  const core::Date today = Today(options, &now);
  core::Coordination result;
  Status s = store.Write(AuditActorOf(actor), [&](store::Transaction& tx) -> Status {
    if (Status p = CheckTask(tx, actor, task_id, TaskAction::kReport, today); !p.ok()) return p;
    if (!agency_id) {
      return Status::InvalidInput("agency_id: which coordinating agency (cơ quan phối hợp)");
    }
    Result<Loaded> t = Load(tx, task_id);
    if (!t.ok()) return t.status();
    if (Status c = NotCancelled(*t); !c.ok()) return c;
    Result<std::vector<core::Coordination>> all = tx.ListCoordinations(task_id);
    if (!all.ok()) return all.status();
    auto it = std::find_if(all->begin(), all->end(),
                           [&](const core::Coordination& c) { return c.agency_id == *agency_id; });
    if (it == all->end()) {
      if (actor.role == Role::kAgency) {
        return Status::PermissionDenied("permission denied (không có quyền): agency " +
                                        std::to_string(*agency_id) + " does not coordinate " +
                                        TaskName(task_id));
      }
      return Status::InvalidInput("agency " + std::to_string(*agency_id) + " does not coordinate " +
                                  TaskName(task_id));
    }
    core::Coordination c = *it;
    std::string note;
    if (update.acknowledge) {
      if (c.acknowledged_on) {
        return Status::Conflict("agency " + std::to_string(c.agency_id) + " already acknowledged " +
                                TaskName(task_id) + " on " + Iso(*c.acknowledged_on));
      }
      c.acknowledged_on = std::max(today, t->task.assigned_on);
      note = "Đã tiếp nhận (acknowledged)";
    }
    if (update.contribution) {
      c.contribution = *update.contribution;
      if (!note.empty()) note += "; ";
      note += "Phần phối hợp (contribution): " + *update.contribution;
    }
    if (Status u = tx.UpdateCoordination(c); !u.ok()) return u;
    Result<core::Agency> agency = tx.GetAgency(c.agency_id);
    if (!agency.ok()) return agency.status();
    Result<core::Id> event = tx.AddTaskEvent(
        MakeEvent(actor, task_id, core::TaskEventKind::kComment,
                  std::max(today, t->task.assigned_on), now, agency->name + ": " + note));
    if (!event.ok()) return event.status();
    result = c;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return result;
}

Result<TaskDetail> GetTaskDetail(store::Store& store, const Actor& actor, core::Id task_id,
                                 core::Date as_of) {
  TaskDetail detail;
  Status s = store.Read([&](store::Transaction& tx) -> Status {
    detail = TaskDetail{};
    detail.as_of = as_of;
    if (Status p = CheckTask(tx, actor, task_id, TaskAction::kRead, as_of); !p.ok()) return p;
    Result<Loaded> t = Load(tx, task_id);
    if (!t.ok()) return t.status();
    Result<TaskSnapshot> snapshot = Snapshot(tx, *t, as_of);
    if (!snapshot.ok()) return snapshot.status();
    detail.snapshot = std::move(snapshot.value());
    detail.events = t->events;
    detail.pending_extension_request = PendingRequest(t->events);
    Result<std::vector<core::Coordination>> coordinations = tx.ListCoordinations(task_id);
    if (!coordinations.ok()) return coordinations.status();
    for (const core::Coordination& c : *coordinations) {
      Result<core::Agency> agency = tx.GetAgency(c.agency_id);
      if (!agency.ok()) return agency.status();
      detail.coordinations.push_back(NamedCoordination{c, agency->name});
    }
    Result<std::vector<core::Id>> children = tx.ListSubtaskIds(task_id);
    if (!children.ok()) return children.status();
    for (core::Id child : *children) {
      Result<Loaded> sub = Load(tx, child);
      if (!sub.ok()) return sub.status();
      Result<TaskSnapshot> row = Snapshot(tx, *sub, as_of);
      if (!row.ok()) return row.status();
      detail.subtasks.push_back(std::move(row.value()));
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return detail;
}

Result<std::vector<core::TaskEvent>> ListTaskHistory(store::Store& store, const Actor& actor,
                                                     core::Id task_id, core::Date as_of) {
  std::vector<core::TaskEvent> events;
  Status s = store.Read([&](store::Transaction& tx) -> Status {
    if (Status p = CheckTask(tx, actor, task_id, TaskAction::kRead, as_of); !p.ok()) return p;
    Result<std::vector<core::TaskEvent>> list = tx.ListTaskEvents(task_id);
    if (!list.ok()) return list.status();
    events = std::move(list.value());
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return events;
}

}  // namespace dondoc::service
