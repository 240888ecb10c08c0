// Tasks, coordinations, events, the task timeline and the status counts in
// the PostgreSQL store (as sqlite_tasks.cc).
//
// task_timeline holds each task's stretches from core::BuildTimeline; every
// write that can change them (a task, an event, a succession) rebuilds the
// affected tasks' rows in the same transaction. A status as of day D is then
// the stretch covering D (from_day <= D < to_day) and one CASE expression
// that mirrors core::StatusOn; the same rebuild updates the running counts
// (postgres_status_totals.cc).
#include <set>
#include <string>

#include "core/period.h"
#include "core/task_status.h"
#include "store/held_by.h"
#include "store/postgres_transaction.h"
#include "store/status_totals.h"
#include "text/vietnamese.h"

namespace dondoc::store::pg {

namespace {

constexpr std::string_view kTaskColumns =
    "t.id, t.document_id, t.span_line_start, t.span_line_end, t.span_start, t.span_end, "
    "t.parent_id, t.obligation_id, t.period, t.lead_agency_id, t.text, t.assigned_on, "
    "t.deadline, t.deadline_text, " PG_EPOCH("t.created_at");
constexpr int kTaskColumnCount = 15;

// core::StatusOn over a timeline row `tl`, for the day bound to $1; values
// are core::TaskStatus in declaration order.
constexpr std::string_view kStatusExpression =
    "(CASE WHEN tl.completed_day IS NOT NULL THEN "
    "(CASE WHEN tl.deadline_day IS NULL OR tl.completed_day <= tl.deadline_day THEN 0 ELSE 1 END) "
    "WHEN tl.deadline_day IS NULL OR tl.deadline_day >= $1 THEN 2 ELSE 3 END)";

constexpr std::string_view kEventColumns =
    "id, task_id, kind, effective_on, " PG_EPOCH(
        "recorded_at") ", actor_user_id, deadline, agency_id, progress_percent, request_event_id, "
                       "note";

Result<core::Task> ReadTask(const Rows& rows, int row) {
  core::Task task;
  task.id = rows.Int(row, 0);
  task.document_id = rows.OptInt(row, 1);
  task.span = SpanAt(rows, row, 2);
  task.parent_id = rows.OptInt(row, 6);
  task.obligation_id = rows.OptInt(row, 7);
  if (!rows.IsNull(row, 8)) {
    PG_ASSIGN_OR_RETURN(task.period, PeriodAt(rows, row, 8));
  }
  task.lead_agency_id = rows.Int(row, 9);
  task.text = rows.Text(row, 10);
  task.assigned_on = rows.DateAt(row, 11);
  task.deadline = rows.OptDate(row, 12);
  task.deadline_text = rows.Text(row, 13);
  task.created_at = rows.TimestampAt(row, 14);
  return task;
}

Result<core::TaskEvent> ReadEvent(const Rows& rows, int row) {
  core::TaskEvent event;
  event.id = rows.Int(row, 0);
  event.task_id = rows.Int(row, 1);
  PG_ASSIGN_OR_RETURN(event.kind, core::ParseTaskEventKind(rows.Text(row, 2)));
  event.effective_on = rows.DateAt(row, 3);
  event.recorded_at = rows.TimestampAt(row, 4);
  event.actor_user_id = rows.OptInt(row, 5);
  event.deadline = rows.OptDate(row, 6);
  event.agency_id = rows.OptInt(row, 7);
  if (!rows.IsNull(row, 8)) event.progress_percent = static_cast<int>(rows.Int(row, 8));
  event.request_event_id = rows.OptInt(row, 9);
  event.note = rows.Text(row, 10);
  return event;
}

std::optional<core::Date> OptDay(const Rows& rows, int row, int column) {
  if (rows.IsNull(row, column)) return std::nullopt;
  return DateFromDayNumber(rows.Int(row, column));
}

}  // namespace

Result<Id> PgTransaction::AddTask(const core::Task& task,
                                  const std::vector<core::Coordination>& coordinating) {
  if (task.text.empty()) return Status::InvalidInput("a task needs its text");
  PG_RETURN_IF_ERROR(RequireRow("agencies", task.lead_agency_id, "lead agency"));
  if (task.deadline && *task.deadline < task.assigned_on) {
    return Status::InvalidInput("deadline " + core::FormatIsoDate(*task.deadline) +
                                " is before the assignment date " +
                                core::FormatIsoDate(task.assigned_on));
  }
  if (task.period) PG_RETURN_IF_ERROR(core::ValidatePeriod(*task.period));
  PG_RETURN_IF_ERROR(RequireOptionalRow("documents", task.document_id, "document"));
  PG_RETURN_IF_ERROR(RequireOptionalRow("tasks", task.parent_id, "parent task"));
  PG_RETURN_IF_ERROR(RequireOptionalRow("obligations", task.obligation_id, "obligation"));
  std::set<Id> coordinators;
  for (const core::Coordination& coordination : coordinating) {
    PG_RETURN_IF_ERROR(RequireRow("agencies", coordination.agency_id, "coordinating agency"));
    if (coordination.agency_id == task.lead_agency_id) {
      return Status::InvalidInput("agency " + std::to_string(coordination.agency_id) +
                                  " cannot both lead and coordinate a task");
    }
    if (!coordinators.insert(coordination.agency_id).second) {
      return Status::InvalidInput("coordinating agency " + std::to_string(coordination.agency_id) +
                                  " is listed twice");
    }
  }

  Params params;
  params.Add(task.document_id);
  AddSpan(params, task.span);
  params.Add(task.parent_id).Add(task.obligation_id);
  if (task.period) {
    params.Add(core::PeriodKey(*task.period));
  } else {
    params.AddNull();
  }
  params.Add(task.lead_agency_id)
      .Add(task.text)
      .Add(text::SearchKey(task.text))
      .Add(task.assigned_on)
      .Add(task.deadline)
      .Add(task.deadline_text)
      .AddTimestamp(task.created_at);
  PG_ASSIGN_OR_RETURN(
      const Id id,
      InsertReturningId(
          "INSERT INTO tasks (document_id, span_line_start, span_line_end, span_start, span_end, "
          "parent_id, obligation_id, period, lead_agency_id, text, text_key, assigned_on, "
          "deadline, deadline_text, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
          "$10, $11, $12, $13, $14, to_timestamp($15)) RETURNING id",
          params, "add task"));

  for (const core::Coordination& coordination : coordinating) {
    PG_RETURN_IF_ERROR(Query("INSERT INTO coordinations (task_id, agency_id, "
                             "acknowledged_on, contribution) VALUES ($1, $2, $3, $4)",
                             Params()
                                 .Add(id)
                                 .Add(coordination.agency_id)
                                 .Add(coordination.acknowledged_on)
                                 .Add(coordination.contribution),
                             "add coordination")
                           .status());
  }
  // A new task has no events and no stored stretches yet: its timeline
  // comes from the values at hand, without reading them back.
  core::Task stored = task;
  stored.id = id;
  PG_RETURN_IF_ERROR(WriteTimeline(stored, {}, /*replace=*/false));
  return id;
}

Result<core::Task> PgTransaction::GetTask(Id id) {
  PG_ASSIGN_OR_RETURN(const Rows rows,
                      Query("SELECT " + std::string(kTaskColumns) + " FROM tasks t WHERE t.id = $1",
                            Params().Add(id), "get task"));
  if (rows.empty()) return Status::NotFound("no task " + std::to_string(id));
  return ReadTask(rows, 0);
}

Result<std::vector<core::Coordination>> PgTransaction::ListCoordinations(Id task_id) {
  PG_ASSIGN_OR_RETURN(const Rows rows,
                      Query("SELECT task_id, agency_id, acknowledged_on, contribution "
                            "FROM coordinations WHERE task_id = $1 ORDER BY agency_id",
                            Params().Add(task_id), "list coordinations"));
  std::vector<core::Coordination> coordinations;
  coordinations.reserve(rows.size());
  for (int row = 0; row < rows.size(); ++row) {
    core::Coordination coordination;
    coordination.task_id = rows.Int(row, 0);
    coordination.agency_id = rows.Int(row, 1);
    coordination.acknowledged_on = rows.OptDate(row, 2);
    coordination.contribution = rows.Text(row, 3);
    coordinations.push_back(std::move(coordination));
  }
  return coordinations;
}

Status PgTransaction::UpdateCoordination(const core::Coordination& coordination) {
  PG_ASSIGN_OR_RETURN(const Rows rows,
                      Query("UPDATE coordinations SET acknowledged_on = $3, contribution = $4 "
                            "WHERE task_id = $1 AND agency_id = $2",
                            Params()
                                .Add(coordination.task_id)
                                .Add(coordination.agency_id)
                                .Add(coordination.acknowledged_on)
                                .Add(coordination.contribution),
                            "update coordination"));
  if (rows.affected() == 0) {
    return Status::NotFound("agency " + std::to_string(coordination.agency_id) +
                            " does not coordinate task " + std::to_string(coordination.task_id));
  }
  return Status::Ok();
}

Result<Id> PgTransaction::AddTaskEvent(const core::TaskEvent& event) {
  Result<core::Task> found = GetTask(event.task_id);
  if (found.status().code() == StatusCode::kNotFound) {
    return Status::InvalidInput("unknown task " + std::to_string(event.task_id));
  }
  PG_ASSIGN_OR_RETURN(const core::Task task, std::move(found));
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
  PG_RETURN_IF_ERROR(RequireOptionalRow("agencies", event.agency_id, "agency"));
  if (event.request_event_id) {
    PG_ASSIGN_OR_RETURN(const Rows request,
                        Query("SELECT task_id FROM task_events WHERE id = $1",
                              Params().Add(*event.request_event_id), "find request event"));
    if (request.empty() || request.Int(0, 0) != event.task_id) {
      return Status::InvalidInput("unknown request event " +
                                  std::to_string(*event.request_event_id) + " (" + what + ")");
    }
  }

  PG_ASSIGN_OR_RETURN(
      const Id id,
      InsertReturningId("INSERT INTO task_events (task_id, kind, effective_on, recorded_at, "
                        "actor_user_id, deadline, agency_id, progress_percent, request_event_id, "
                        "note) VALUES ($1, $2, $3, to_timestamp($4), $5, $6, $7, $8, $9, $10) "
                        "RETURNING id",
                        Params()
                            .Add(event.task_id)
                            .Add(core::TaskEventKindName(event.kind))
                            .Add(event.effective_on)
                            .AddTimestamp(event.recorded_at)
                            .Add(event.actor_user_id)
                            .Add(event.deadline)
                            .Add(event.agency_id)
                            .Add(event.progress_percent)
                            .Add(event.request_event_id)
                            .Add(event.note),
                        "add task event"));
  PG_ASSIGN_OR_RETURN(const std::vector<core::TaskEvent> events, EventsOf(event.task_id));
  PG_RETURN_IF_ERROR(WriteTimeline(task, events, /*replace=*/true));
  return id;
}

Result<std::vector<core::TaskEvent>> PgTransaction::EventsOf(Id task_id) {
  PG_ASSIGN_OR_RETURN(const Rows rows, Query("SELECT " + std::string(kEventColumns) +
                                                 " FROM task_events WHERE task_id = $1 ORDER BY id",
                                             Params().Add(task_id), "list task events"));
  std::vector<core::TaskEvent> events;
  events.reserve(rows.size());
  for (int row = 0; row < rows.size(); ++row) {
    PG_ASSIGN_OR_RETURN(core::TaskEvent event, ReadEvent(rows, row));
    events.push_back(std::move(event));
  }
  return events;
}

Result<std::vector<core::TaskEvent>> PgTransaction::ListTaskEvents(Id task_id) {
  return EventsOf(task_id);
}

Status PgTransaction::RebuildTimeline(Id task_id) {
  PG_ASSIGN_OR_RETURN(const core::Task task, GetTask(task_id));
  PG_ASSIGN_OR_RETURN(const std::vector<core::TaskEvent> events, EventsOf(task_id));
  return WriteTimeline(task, events, /*replace=*/true);
}

Status PgTransaction::WriteTimeline(const core::Task& task,
                                    const std::vector<core::TaskEvent>& events, bool replace) {
  if (!history_) {
    PG_ASSIGN_OR_RETURN(const std::vector<core::Succession> successions, ListSuccessions());
    history_.emplace(successions);
  }
  const Id task_id = task.id;
  const std::vector<core::TaskState> timeline =
      core::BuildTimelineWithHistory(task, events, *history_);
  // The running counts change by the new stretches minus the old ones.
  StatusDeltas deltas;
  if (replace) {
    PG_ASSIGN_OR_RETURN(const Rows old,
                        Query("DELETE FROM task_timeline WHERE task_id = $1 RETURNING from_day, "
                              "to_day, lead_agency_id, deadline_day, completed_day",
                              Params().Add(task_id), "clear task timeline"));
    for (int row = 0; row < old.size(); ++row) {
      deltas.Add(StretchRow{old.Int(row, 0), old.Int(row, 1), old.Int(row, 2), old.OptInt(row, 3),
                            old.OptInt(row, 4)},
                 -1, kOpenEnd);
    }
  }
  // All stretches in one statement: parallel arrays unnested into rows.
  // Cancelled stretches are out of every count and list: not stored.
  std::string from_days = "{";
  std::string to_days = "{";
  std::string leads = "{";
  std::string deadlines = "{";
  std::string completions = "{";
  auto add = [](std::string& array, const std::optional<int64_t>& value) {
    if (array.size() > 1) array += ',';
    array += value ? std::to_string(*value) : std::string("NULL");
  };
  for (const core::TaskState& state : timeline) {
    if (state.cancelled) continue;
    deltas.Add(StretchOf(state, kOpenEnd), +1, kOpenEnd);
    add(from_days, DayNumber(state.from));
    add(to_days, state.to ? DayNumber(*state.to) : kOpenEnd);
    add(leads, state.lead_agency_id);
    add(deadlines, state.deadline ? std::optional(DayNumber(*state.deadline)) : std::nullopt);
    add(completions,
        state.completed_on ? std::optional(DayNumber(*state.completed_on)) : std::nullopt);
  }
  if (from_days.size() == 1) return ApplyStatusDeltas(deltas);
  for (std::string* array : {&from_days, &to_days, &leads, &deadlines, &completions}) {
    *array += '}';
  }
  PG_RETURN_IF_ERROR(
      Query("INSERT INTO task_timeline (task_id, from_day, to_day, lead_agency_id, deadline_day, "
            "completed_day) SELECT $1, * FROM unnest($2::int[], $3::int[], $4::bigint[], "
            "$5::int[], $6::int[])",
            Params().Add(task_id).Add(from_days).Add(to_days).Add(leads).Add(deadlines).Add(
                completions),
            "write task timeline")
          .status());
  return ApplyStatusDeltas(deltas);
}

Status PgTransaction::RebuildAllTimelines() {
  PG_ASSIGN_OR_RETURN(const Rows rows,
                      Query("SELECT id FROM tasks ORDER BY id", Params(), "list tasks"));
  // Step 2 runs before status_totals exists: the deltas are skipped and the
  // table, if any, is recomputed at the end.
  totals_stale_ = true;
  for (int row = 0; row < rows.size(); ++row) {
    PG_RETURN_IF_ERROR(RebuildTimeline(rows.Int(row, 0)));
  }
  PG_ASSIGN_OR_RETURN(const Rows exists, Query("SELECT to_regclass('status_totals') IS NOT NULL",
                                               Params(), "look for status_totals"));
  if (exists.Bool(0, 0)) return RebuildStatusTotals();
  return Status::Ok();
}

Result<std::vector<TaskView>> PgTransaction::ListTasks(const TaskFilter& filter) {
  if (filter.limit < 1 || filter.limit > 1000) {
    return Status::InvalidInput("task list limit " + std::to_string(filter.limit) +
                                " is outside 1..1000");
  }
  if (filter.as_of == core::Date{}) return Status::InvalidInput("a task list needs its as-of day");
  if (filter.due_from && filter.due_to && *filter.due_to < *filter.due_from) {
    return Status::InvalidInput("due range " + core::FormatIsoDate(*filter.due_from) + " .. " +
                                core::FormatIsoDate(*filter.due_to) + " is empty");
  }
  // Only the clauses in use are in the SQL (so that each shape of filter
  // gets its own plan); their values are numbered parameters in order.
  Params params;
  params.Add(DayNumber(filter.as_of));
  auto next = [&params] {
    std::string placeholder(1, '$');
    placeholder += std::to_string(params.size() + 1);
    return placeholder;
  };
  std::string sql = "SELECT " + std::string(kTaskColumns) +
                    ", tl.lead_agency_id, tl.deadline_day, tl.completed_day, " +
                    std::string(kStatusExpression) +
                    " AS status FROM task_timeline tl JOIN tasks t ON t.id = tl.task_id "
                    "WHERE tl.from_day <= $1 AND tl.to_day > $1";
  if (filter.agency_id) {
    const std::string agency = next();
    if (filter.include_coordinating) {
      // Also what the agency coordinates through its predecessors.
      if (!history_) {
        PG_ASSIGN_OR_RETURN(const std::vector<core::Succession> successions, ListSuccessions());
        history_.emplace(successions);
      }
      std::string held = HeldCoordinationCondition(history_->HeldBy(*filter.agency_id), "$1");
      if (held.empty()) held = "c.agency_id = " + agency;
      sql += " AND (tl.lead_agency_id = " + agency +
             " OR EXISTS (SELECT 1 FROM coordinations c WHERE c.task_id = tl.task_id AND (" + held +
             ")))";
    } else {
      sql += " AND tl.lead_agency_id = " + agency;
    }
    params.Add(*filter.agency_id);
  }
  if (filter.status) {
    sql += " AND " + std::string(kStatusExpression) + " = " + next();
    params.Add(static_cast<int64_t>(*filter.status));
  }
  if (filter.document_id) {
    sql += " AND t.document_id = " + next();
    params.Add(*filter.document_id);
  }
  if (filter.due_from) {
    sql += " AND tl.deadline_day >= " + next();
    params.Add(DayNumber(*filter.due_from));
  }
  if (filter.due_to) {
    sql += " AND tl.deadline_day <= " + next();
    params.Add(DayNumber(*filter.due_to));
  }
  std::string text_key;
  if (filter.text) text_key = text::SearchKey(*filter.text);
  if (!text_key.empty()) {
    sql += " AND strpos(t.text_key, " + next() + ") > 0";
    params.Add(text_key);
  }
  if (filter.after_id) {
    sql += " AND tl.task_id > " + next();
    params.Add(*filter.after_id);
  }
  sql += " ORDER BY tl.task_id LIMIT " + next();
  params.Add(filter.limit);

  PG_ASSIGN_OR_RETURN(const Rows rows, Query(sql, params, "list tasks"));
  std::vector<TaskView> views;
  views.reserve(rows.size());
  for (int row = 0; row < rows.size(); ++row) {
    TaskView view;
    PG_ASSIGN_OR_RETURN(view.task, ReadTask(rows, row));
    view.lead_agency_id = rows.Int(row, kTaskColumnCount);
    view.deadline = OptDay(rows, row, kTaskColumnCount + 1);
    view.completed_on = OptDay(rows, row, kTaskColumnCount + 2);
    view.status = static_cast<core::TaskStatus>(rows.Int(row, kTaskColumnCount + 3));
    views.push_back(std::move(view));
  }
  return views;
}

}  // namespace dondoc::store::pg
