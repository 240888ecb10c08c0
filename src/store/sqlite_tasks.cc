// Tasks, coordinations, events, the task timeline and the status counts in
// the SQLite store.
//
// task_timeline holds each task's stretches from core::BuildTimeline; every
// write that can change them (a task, an event, a succession) rebuilds the
// affected tasks' rows in the same transaction. A status as of day D is then
// the stretch covering D (from_day <= D < to_day) and one CASE expression
// that mirrors core::StatusOn; the same rebuild updates the running counts
// (sqlite_status_totals.cc).
#include <algorithm>
#include <set>
#include <string>

#include "core/period.h"
#include "core/task_status.h"
#include "store/held_by.h"
#include "store/sqlite_transaction.h"
#include "store/status_totals.h"
#include "text/vietnamese.h"

namespace dondoc::store::sqlite {

namespace {

constexpr std::string_view kTaskColumns =
    "t.id, t.document_id, t.span_line_start, t.span_line_end, t.span_start, t.span_end, "
    "t.parent_id, t.obligation_id, t.period, t.lead_agency_id, t.text, t.assigned_on, "
    "t.deadline, t.deadline_text, t.created_at";
constexpr int kTaskColumnCount = 15;

// core::StatusOn over a timeline row `tl`, for the day bound to ?1; values
// are core::TaskStatus in declaration order.
constexpr std::string_view kStatusExpression =
    "CASE WHEN tl.completed_day IS NOT NULL THEN "
    "(CASE WHEN tl.deadline_day IS NULL OR tl.completed_day <= tl.deadline_day THEN 0 ELSE 1 END) "
    "WHEN tl.deadline_day IS NULL OR tl.deadline_day >= ?1 THEN 2 ELSE 3 END";

Result<core::Task> ReadTask(const Stmt& row) {
  core::Task task;
  task.id = row.Int(0);
  task.document_id = row.OptInt(1);
  task.span = SpanAt(row, 2);
  task.parent_id = row.OptInt(6);
  task.obligation_id = row.OptInt(7);
  if (!row.IsNull(8)) {
    STORE_ASSIGN_OR_RETURN(task.period, PeriodAt(row, 8));
  }
  task.lead_agency_id = row.Int(9);
  task.text = row.Text(10);
  STORE_ASSIGN_OR_RETURN(task.assigned_on, row.DateAt(11));
  STORE_ASSIGN_OR_RETURN(task.deadline, row.OptDate(12));
  task.deadline_text = row.Text(13);
  STORE_ASSIGN_OR_RETURN(task.created_at, row.TimestampAt(14));
  return task;
}

Result<core::TaskEvent> ReadEvent(const Stmt& row) {
  core::TaskEvent event;
  event.id = row.Int(0);
  event.task_id = row.Int(1);
  STORE_ASSIGN_OR_RETURN(event.kind, core::ParseTaskEventKind(row.Text(2)));
  STORE_ASSIGN_OR_RETURN(event.effective_on, row.DateAt(3));
  STORE_ASSIGN_OR_RETURN(event.recorded_at, row.TimestampAt(4));
  event.actor_user_id = row.OptInt(5);
  STORE_ASSIGN_OR_RETURN(event.deadline, row.OptDate(6));
  event.agency_id = row.OptInt(7);
  if (!row.IsNull(8)) event.progress_percent = static_cast<int>(row.Int(8));
  event.request_event_id = row.OptInt(9);
  event.note = row.Text(10);
  return event;
}

std::optional<core::Date> OptDay(const Stmt& row, int column) {
  if (row.IsNull(column)) return std::nullopt;
  return DateFromDayNumber(row.Int(column));
}

}  // namespace

Result<Id> SqliteTransaction::AddTask(const core::Task& task,
                                      const std::vector<core::Coordination>& coordinating) {
  if (task.text.empty()) return Status::InvalidInput("a task needs its text");
  STORE_RETURN_IF_ERROR(RequireRow("agencies", task.lead_agency_id, "lead agency"));
  if (task.deadline && *task.deadline < task.assigned_on) {
    return Status::InvalidInput("deadline " + core::FormatIsoDate(*task.deadline) +
                                " is before the assignment date " +
                                core::FormatIsoDate(task.assigned_on));
  }
  if (task.period) STORE_RETURN_IF_ERROR(core::ValidatePeriod(*task.period));
  STORE_RETURN_IF_ERROR(RequireOptionalRow("documents", task.document_id, "document"));
  STORE_RETURN_IF_ERROR(RequireOptionalRow("tasks", task.parent_id, "parent task"));
  STORE_RETURN_IF_ERROR(RequireOptionalRow("obligations", task.obligation_id, "obligation"));
  std::set<Id> coordinators;
  for (const core::Coordination& coordination : coordinating) {
    STORE_RETURN_IF_ERROR(RequireRow("agencies", coordination.agency_id, "coordinating agency"));
    if (coordination.agency_id == task.lead_agency_id) {
      return Status::InvalidInput("agency " + std::to_string(coordination.agency_id) +
                                  " cannot both lead and coordinate a task");
    }
    if (!coordinators.insert(coordination.agency_id).second) {
      return Status::InvalidInput("coordinating agency " + std::to_string(coordination.agency_id) +
                                  " is listed twice");
    }
  }

  STORE_ASSIGN_OR_RETURN(
      Stmt stmt,
      db_.Prepare("INSERT INTO tasks (document_id, span_line_start, span_line_end, span_start, "
                  "span_end, parent_id, obligation_id, period, lead_agency_id, text, text_key, "
                  "assigned_on, deadline, deadline_text, created_at) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"));
  stmt.Bind(1, task.document_id);
  BindSpan(stmt, 2, task.span);
  stmt.Bind(6, task.parent_id).Bind(7, task.obligation_id);
  if (task.period) stmt.Bind(8, core::PeriodKey(*task.period));
  stmt.Bind(9, task.lead_agency_id)
      .Bind(10, task.text)
      .Bind(11, text::SearchKey(task.text))
      .Bind(12, task.assigned_on)
      .Bind(13, task.deadline)
      .Bind(14, task.deadline_text)
      .Bind(15, task.created_at);
  STORE_RETURN_IF_ERROR(stmt.Run());
  const Id id = db_.LastInsertId();

  for (const core::Coordination& coordination : coordinating) {
    STORE_ASSIGN_OR_RETURN(
        Stmt insert, db_.Prepare("INSERT INTO coordinations (task_id, agency_id, acknowledged_on, "
                                 "contribution) VALUES (?1, ?2, ?3, ?4)"));
    insert.Bind(1, id)
        .Bind(2, coordination.agency_id)
        .Bind(3, coordination.acknowledged_on)
        .Bind(4, coordination.contribution);
    STORE_RETURN_IF_ERROR(insert.Run());
  }
  STORE_RETURN_IF_ERROR(RebuildTimeline(id));
  return id;
}

Result<core::Task> SqliteTransaction::GetTask(Id id) {
  STORE_ASSIGN_OR_RETURN(Stmt stmt, db_.Prepare("SELECT " + std::string(kTaskColumns) +
                                                " FROM tasks t WHERE t.id = ?1"));
  stmt.Bind(1, id);
  STORE_ASSIGN_OR_RETURN(const bool found, stmt.Step());
  if (!found) return Status::NotFound("no task " + std::to_string(id));
  return ReadTask(stmt);
}

Result<std::vector<core::Coordination>> SqliteTransaction::ListCoordinations(Id task_id) {
  STORE_ASSIGN_OR_RETURN(Stmt stmt,
                         db_.Prepare("SELECT task_id, agency_id, acknowledged_on, contribution "
                                     "FROM coordinations WHERE task_id = ?1 ORDER BY agency_id"));
  stmt.Bind(1, task_id);
  std::vector<core::Coordination> coordinations;
  while (true) {
    STORE_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) return coordinations;
    core::Coordination coordination;
    coordination.task_id = stmt.Int(0);
    coordination.agency_id = stmt.Int(1);
    STORE_ASSIGN_OR_RETURN(coordination.acknowledged_on, stmt.OptDate(2));
    coordination.contribution = stmt.Text(3);
    coordinations.push_back(std::move(coordination));
  }
}

Status SqliteTransaction::UpdateCoordination(const core::Coordination& coordination) {
  STORE_ASSIGN_OR_RETURN(
      Stmt stmt, db_.Prepare("UPDATE coordinations SET acknowledged_on = ?3, contribution = ?4 "
                             "WHERE task_id = ?1 AND agency_id = ?2"));
  stmt.Bind(1, coordination.task_id)
      .Bind(2, coordination.agency_id)
      .Bind(3, coordination.acknowledged_on)
      .Bind(4, coordination.contribution);
  STORE_RETURN_IF_ERROR(stmt.Run());
  if (db_.Changes() == 0) {
    return Status::NotFound("agency " + std::to_string(coordination.agency_id) +
                            " does not coordinate task " + std::to_string(coordination.task_id));
  }
  return Status::Ok();
}

Result<Id> SqliteTransaction::AddTaskEvent(const core::TaskEvent& event) {
  STORE_RETURN_IF_ERROR(RequireRow("tasks", event.task_id, "task"));
  STORE_ASSIGN_OR_RETURN(const core::Task task, GetTask(event.task_id));
  const std::string what = std::string(core::TaskEventKindName(event.kind)) + " event of task " +
                           std::to_string(event.task_id);
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
  if (event.kind == core::TaskEventKind::kExtensionApproved && !event.deadline &&
      !event.request_event_id) {
    return Status::InvalidInput("an approved extension needs a deadline or the request (" + what +
                                ")");
  }
  if (event.kind == core::TaskEventKind::kReassigned && !event.agency_id) {
    return Status::InvalidInput("a reassignment needs the new lead agency (" + what + ")");
  }
  STORE_RETURN_IF_ERROR(RequireOptionalRow("agencies", event.agency_id, "agency"));
  if (event.request_event_id) {
    STORE_ASSIGN_OR_RETURN(Stmt request,
                           db_.Prepare("SELECT task_id FROM task_events WHERE id = ?1"));
    request.Bind(1, *event.request_event_id);
    STORE_ASSIGN_OR_RETURN(const bool found, request.Step());
    if (!found || request.Int(0) != event.task_id) {
      return Status::InvalidInput("unknown request event " +
                                  std::to_string(*event.request_event_id) + " (" + what + ")");
    }
  }

  STORE_ASSIGN_OR_RETURN(
      Stmt stmt,
      db_.Prepare("INSERT INTO task_events (task_id, kind, effective_on, recorded_at, "
                  "actor_user_id, deadline, agency_id, progress_percent, request_event_id, note) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
  stmt.Bind(1, event.task_id)
      .Bind(2, core::TaskEventKindName(event.kind))
      .Bind(3, event.effective_on)
      .Bind(4, event.recorded_at)
      .Bind(5, event.actor_user_id)
      .Bind(6, event.deadline)
      .Bind(7, event.agency_id)
      .Bind(8, event.progress_percent)
      .Bind(9, event.request_event_id)
      .Bind(10, event.note);
  STORE_RETURN_IF_ERROR(stmt.Run());
  const Id id = db_.LastInsertId();
  STORE_RETURN_IF_ERROR(RebuildTimeline(event.task_id));
  return id;
}

Result<std::vector<core::TaskEvent>> SqliteTransaction::EventsOf(Id task_id) {
  STORE_ASSIGN_OR_RETURN(
      Stmt stmt,
      db_.Prepare("SELECT id, task_id, kind, effective_on, recorded_at, actor_user_id, deadline, "
                  "agency_id, progress_percent, request_event_id, note FROM task_events "
                  "WHERE task_id = ?1 ORDER BY id"));
  stmt.Bind(1, task_id);
  std::vector<core::TaskEvent> events;
  while (true) {
    STORE_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) return events;
    STORE_ASSIGN_OR_RETURN(core::TaskEvent event, ReadEvent(stmt));
    events.push_back(std::move(event));
  }
}

Result<std::vector<core::TaskEvent>> SqliteTransaction::ListTaskEvents(Id task_id) {
  return EventsOf(task_id);
}

Status SqliteTransaction::RebuildTimeline(Id task_id) {
  if (!history_) {
    STORE_ASSIGN_OR_RETURN(const std::vector<core::Succession> successions, ListSuccessions());
    history_.emplace(successions);
  }
  STORE_ASSIGN_OR_RETURN(const core::Task task, GetTask(task_id));
  STORE_ASSIGN_OR_RETURN(const std::vector<core::TaskEvent> events, EventsOf(task_id));
  const std::vector<core::TaskState> timeline =
      core::BuildTimelineWithHistory(task, events, *history_);

  // The running counts change by the new stretches minus the old ones.
  StatusDeltas deltas;
  {
    STORE_ASSIGN_OR_RETURN(
        Stmt clear, db_.Prepare("DELETE FROM task_timeline WHERE task_id = ?1 RETURNING from_day, "
                                "to_day, lead_agency_id, deadline_day, completed_day"));
    clear.Bind(1, task_id);
    while (true) {
      STORE_ASSIGN_OR_RETURN(const bool row, clear.Step());
      if (!row) break;
      deltas.Add(
          StretchRow{clear.Int(0), clear.Int(1), clear.Int(2), clear.OptInt(3), clear.OptInt(4)},
          -1, kOpenEnd);
    }
  }
  for (const core::TaskState& state : timeline) {
    if (state.cancelled) continue;  // out of every count and list
    deltas.Add(StretchOf(state, kOpenEnd), +1, kOpenEnd);
    STORE_ASSIGN_OR_RETURN(
        Stmt insert,
        db_.Prepare("INSERT INTO task_timeline (task_id, from_day, to_day, lead_agency_id, "
                    "deadline_day, completed_day) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    insert.Bind(1, task_id)
        .Bind(2, DayNumber(state.from))
        .Bind(3, state.to ? DayNumber(*state.to) : kOpenEnd)
        .Bind(4, state.lead_agency_id);
    if (state.deadline) insert.Bind(5, DayNumber(*state.deadline));
    if (state.completed_on) insert.Bind(6, DayNumber(*state.completed_on));
    STORE_RETURN_IF_ERROR(insert.Run());
  }
  return ApplyStatusDeltas(deltas);
}

Status SqliteTransaction::RebuildAllTimelines() {
  std::vector<Id> ids;
  {
    STORE_ASSIGN_OR_RETURN(Stmt stmt, db_.Prepare("SELECT id FROM tasks ORDER BY id"));
    while (true) {
      STORE_ASSIGN_OR_RETURN(const bool row, stmt.Step());
      if (!row) break;
      ids.push_back(stmt.Int(0));
    }
  }
  // Step 2 runs before status_totals exists: the deltas are skipped and the
  // table, if any, is recomputed at the end.
  totals_stale_ = true;
  for (const Id id : ids) STORE_RETURN_IF_ERROR(RebuildTimeline(id));
  STORE_ASSIGN_OR_RETURN(
      Stmt exists,
      db_.Prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'status_totals'"));
  STORE_ASSIGN_OR_RETURN(const bool has_totals, exists.Step());
  if (has_totals) return RebuildStatusTotals();
  return Status::Ok();
}

Result<std::vector<TaskView>> SqliteTransaction::ListTasks(const TaskFilter& filter) {
  if (filter.limit < 1 || filter.limit > 1000) {
    return Status::InvalidInput("task list limit " + std::to_string(filter.limit) +
                                " is outside 1..1000");
  }
  if (filter.as_of == core::Date{}) return Status::InvalidInput("a task list needs its as-of day");
  if (filter.due_from && filter.due_to && *filter.due_to < *filter.due_from) {
    return Status::InvalidInput("due range " + core::FormatIsoDate(*filter.due_from) + " .. " +
                                core::FormatIsoDate(*filter.due_to) + " is empty");
  }
  // Only the clauses in use are in the SQL, so that each shape of filter
  // gets its own plan (the lead index for one agency's list).
  std::string sql = "SELECT " + std::string(kTaskColumns) +
                    ", tl.lead_agency_id, tl.deadline_day, tl.completed_day, " +
                    std::string(kStatusExpression) +
                    " AS status FROM task_timeline tl JOIN tasks t ON t.id = tl.task_id "
                    "WHERE tl.from_day <= ?1 AND tl.to_day > ?1";
  if (filter.agency_id && filter.include_coordinating) {
    // Also what the agency coordinates through its predecessors.
    if (!history_) {
      STORE_ASSIGN_OR_RETURN(const std::vector<core::Succession> successions, ListSuccessions());
      history_.emplace(successions);
    }
    std::string held = HeldCoordinationCondition(history_->HeldBy(*filter.agency_id), "?1");
    if (held.empty()) held = "c.agency_id = ?2";
    sql +=
        " AND (tl.lead_agency_id = ?2 OR EXISTS (SELECT 1 FROM coordinations c "
        "WHERE c.task_id = tl.task_id AND (" +
        held + ")))";
  } else if (filter.agency_id) {
    sql += " AND tl.lead_agency_id = ?2";
  }
  if (filter.status) sql += " AND status = ?3";
  if (filter.document_id) sql += " AND t.document_id = ?4";
  if (filter.due_from) sql += " AND tl.deadline_day >= ?5";
  if (filter.due_to) sql += " AND tl.deadline_day <= ?6";
  std::string text_key;
  if (filter.text) text_key = text::SearchKey(*filter.text);
  if (!text_key.empty()) sql += " AND instr(t.text_key, ?7) > 0";
  if (filter.after_id) sql += " AND tl.task_id > ?8";
  sql += " ORDER BY tl.task_id LIMIT ?9";

  STORE_ASSIGN_OR_RETURN(Stmt stmt, db_.Prepare(sql));
  stmt.Bind(1, DayNumber(filter.as_of));
  if (filter.agency_id) stmt.Bind(2, *filter.agency_id);
  if (filter.status) stmt.Bind(3, static_cast<int64_t>(*filter.status));
  if (filter.document_id) stmt.Bind(4, *filter.document_id);
  if (filter.due_from) stmt.Bind(5, DayNumber(*filter.due_from));
  if (filter.due_to) stmt.Bind(6, DayNumber(*filter.due_to));
  if (!text_key.empty()) stmt.Bind(7, text_key);
  if (filter.after_id) stmt.Bind(8, *filter.after_id);
  stmt.Bind(9, filter.limit);

  std::vector<TaskView> views;
  while (true) {
    STORE_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) return views;
    TaskView view;
    STORE_ASSIGN_OR_RETURN(view.task, ReadTask(stmt));
    view.lead_agency_id = stmt.Int(kTaskColumnCount);
    view.deadline = OptDay(stmt, kTaskColumnCount + 1);
    view.completed_on = OptDay(stmt, kTaskColumnCount + 2);
    view.status = static_cast<core::TaskStatus>(stmt.Int(kTaskColumnCount + 3));
    views.push_back(std::move(view));
  }
}

}  // namespace dondoc::store::sqlite
