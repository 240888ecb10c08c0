// Bulk loading of tasks with their events in the SQLite store: every check
// first, then the rows with cached statements, each task's timeline built
// once from its events (not once per event), and the running counts marked
// stale until RebuildStatusTotals (status_totals.h).
#include <string>

#include "core/period.h"
#include "core/task_status.h"
#include "store/sqlite_transaction.h"
#include "store/status_totals.h"
#include "store/task_checks.h"
#include "text/vietnamese.h"

namespace dondoc::store::sqlite {

Result<std::vector<NewTaskIds>> SqliteTransaction::AddTasksInBulk(
    const std::vector<NewTask>& tasks) {
  std::vector<NewTaskIds> ids;
  if (tasks.empty()) return ids;
  STORE_ASSIGN_OR_RETURN(const BulkReferences refs, CheckBulk(tasks));
  for (const Id id : refs.agencies) STORE_RETURN_IF_ERROR(RequireRow("agencies", id, "agency"));
  for (const Id id : refs.documents) {
    STORE_RETURN_IF_ERROR(RequireRow("documents", id, "document"));
  }
  for (const Id id : refs.obligations) {
    STORE_RETURN_IF_ERROR(RequireRow("obligations", id, "obligation"));
  }
  for (const Id id : refs.tasks) STORE_RETURN_IF_ERROR(RequireRow("tasks", id, "parent task"));
  if (!history_) {
    STORE_ASSIGN_OR_RETURN(const std::vector<core::Succession> successions, ListSuccessions());
    history_.emplace(successions);
  }
  STORE_RETURN_IF_ERROR(MarkTotalsStale());

  ids.reserve(tasks.size());
  std::vector<core::TaskEvent> events;
  for (const NewTask& item : tasks) {
    core::Task task = item.task;
    if (item.parent_index) task.parent_id = ids[*item.parent_index].task_id;
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
    task.id = db_.LastInsertId();
    NewTaskIds& added = ids.emplace_back();
    added.task_id = task.id;

    for (const core::Coordination& coordination : item.coordinating) {
      STORE_ASSIGN_OR_RETURN(
          Stmt insert,
          db_.Prepare("INSERT INTO coordinations (task_id, agency_id, acknowledged_on, "
                      "contribution) VALUES (?1, ?2, ?3, ?4)"));
      insert.Bind(1, task.id)
          .Bind(2, coordination.agency_id)
          .Bind(3, coordination.acknowledged_on)
          .Bind(4, coordination.contribution);
      STORE_RETURN_IF_ERROR(insert.Run());
    }

    events.clear();
    for (const NewTask::Event& planned : item.events) {
      core::TaskEvent event = planned.event;
      event.task_id = task.id;
      event.request_event_id.reset();
      if (planned.request_index) event.request_event_id = added.event_ids[*planned.request_index];
      STORE_ASSIGN_OR_RETURN(
          Stmt insert,
          db_.Prepare("INSERT INTO task_events (task_id, kind, effective_on, recorded_at, "
                      "actor_user_id, deadline, agency_id, progress_percent, request_event_id, "
                      "note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
      insert.Bind(1, event.task_id)
          .Bind(2, core::TaskEventKindName(event.kind))
          .Bind(3, event.effective_on)
          .Bind(4, event.recorded_at)
          .Bind(5, event.actor_user_id)
          .Bind(6, event.deadline)
          .Bind(7, event.agency_id)
          .Bind(8, event.progress_percent)
          .Bind(9, event.request_event_id)
          .Bind(10, event.note);
      STORE_RETURN_IF_ERROR(insert.Run());
      event.id = db_.LastInsertId();
      added.event_ids.push_back(event.id);
      events.push_back(std::move(event));
    }

    for (const core::TaskState& state : core::BuildTimelineWithHistory(task, events, *history_)) {
      if (state.cancelled) continue;  // out of every count and list
      const StretchRow row = StretchOf(state, kOpenEnd);
      STORE_ASSIGN_OR_RETURN(
          Stmt insert,
          db_.Prepare("INSERT INTO task_timeline (task_id, from_day, to_day, lead_agency_id, "
                      "deadline_day, completed_day) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
      insert.Bind(1, task.id)
          .Bind(2, row.from_day)
          .Bind(3, row.to_day)
          .Bind(4, row.lead_agency_id)
          .Bind(5, row.deadline_day)
          .Bind(6, row.completed_day);
      STORE_RETURN_IF_ERROR(insert.Run());
    }
  }
  return ids;
}

}  // namespace dondoc::store::sqlite
