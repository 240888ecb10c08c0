// Bulk loading of tasks with their events in the PostgreSQL store: every
// check first, ids taken from the sequences in one statement per table,
// then each table's rows in one COPY stream (a round trip per table instead
// of one per row), each task's timeline built once from its events, and the
// running counts marked stale until RebuildStatusTotals (status_totals.h).
#include <algorithm>
#include <string>

#include "core/period.h"
#include "core/task_status.h"
#include "store/postgres_transaction.h"
#include "store/status_totals.h"
#include "store/task_checks.h"
#include "text/vietnamese.h"

namespace dondoc::store::pg {

namespace {

// One row of COPY's text format: tab-separated, \N for NULL, backslash
// escapes for the characters that would end a field or a row.
class CopyRow {
 public:
  explicit CopyRow(std::string& out) : out_(out) {}
  ~CopyRow() { out_ += '\n'; }
  CopyRow(const CopyRow&) = delete;
  CopyRow& operator=(const CopyRow&) = delete;

  CopyRow& Text(std::string_view value) {
    Separate();
    for (const char c : value) {
      switch (c) {
        case '\\':
          out_ += "\\\\";
          break;
        case '\t':
          out_ += "\\t";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\r':
          out_ += "\\r";
          break;
        default:
          out_ += c;
      }
    }
    return *this;
  }
  CopyRow& Int(int64_t value) { return Text(std::to_string(value)); }
  CopyRow& Null() {
    Separate();
    out_ += "\\N";
    return *this;
  }
  template <typename T>
  CopyRow& Opt(const std::optional<T>& value) {
    return value ? Int(static_cast<int64_t>(*value)) : Null();
  }
  CopyRow& Date(const std::optional<core::Date>& value) {
    return value ? Text(core::FormatIsoDate(*value)) : Null();
  }
  CopyRow& Instant(core::Timestamp value) { return Text(core::FormatIsoTimestamp(value)); }

 private:
  void Separate() {
    if (!first_) out_ += '\t';
    first_ = false;
  }
  std::string& out_;
  bool first_ = true;
};

}  // namespace

Status PgTransaction::CopyRows(std::string_view table_and_columns, const std::string& rows,
                               std::string_view what) {
  if (rows.empty()) return Status::Ok();
  if (failed_) return *failed_;
  Status status = db_.CopyIn("COPY " + std::string(table_and_columns) + " FROM STDIN", rows);
  if (status.ok()) return status;
  conflict_ = conflict_ || db_.last_error().conflict;
  status = ErrorStatus(db_.last_error(), what);
  failed_ = status;
  return status;
}

Result<std::vector<NewTaskIds>> PgTransaction::AddTasksInBulk(const std::vector<NewTask>& tasks) {
  std::vector<NewTaskIds> ids;
  if (tasks.empty()) return ids;
  PG_ASSIGN_OR_RETURN(const BulkReferences refs, CheckBulk(tasks));
  for (const Id id : refs.agencies) PG_RETURN_IF_ERROR(RequireRow("agencies", id, "agency"));
  for (const Id id : refs.documents) PG_RETURN_IF_ERROR(RequireRow("documents", id, "document"));
  for (const Id id : refs.obligations) {
    PG_RETURN_IF_ERROR(RequireRow("obligations", id, "obligation"));
  }
  for (const Id id : refs.tasks) PG_RETURN_IF_ERROR(RequireRow("tasks", id, "parent task"));
  if (!history_) {
    PG_ASSIGN_OR_RETURN(const std::vector<core::Succession> successions, ListSuccessions());
    history_.emplace(successions);
  }
  PG_RETURN_IF_ERROR(MarkTotalsStale());

  // Ids first, so that parents, requests and timelines can name them.
  size_t event_count = 0;
  for (const NewTask& item : tasks) event_count += item.events.size();
  auto take_ids = [this](std::string_view table, size_t count) -> Result<std::vector<Id>> {
    std::vector<Id> taken;
    if (count == 0) return taken;
    PG_ASSIGN_OR_RETURN(
        const Rows rows,
        Query("SELECT nextval(pg_get_serial_sequence($1, 'id')) FROM generate_series(1, $2)",
              Params().Add(table).Add(static_cast<int64_t>(count)), "take ids"));
    taken.reserve(static_cast<size_t>(rows.size()));
    for (int row = 0; row < rows.size(); ++row) taken.push_back(rows.Int(row, 0));
    std::sort(taken.begin(), taken.end());
    return taken;
  };
  PG_ASSIGN_OR_RETURN(const std::vector<Id> task_ids, take_ids("tasks", tasks.size()));
  PG_ASSIGN_OR_RETURN(const std::vector<Id> event_ids, take_ids("task_events", event_count));

  std::string task_rows;
  std::string coordination_rows;
  std::string event_rows;
  std::string timeline_rows;
  ids.reserve(tasks.size());
  size_t next_event = 0;
  std::vector<core::TaskEvent> events;
  for (size_t i = 0; i < tasks.size(); ++i) {
    const NewTask& item = tasks[i];
    core::Task task = item.task;
    task.id = task_ids[i];
    if (item.parent_index) task.parent_id = task_ids[*item.parent_index];
    NewTaskIds& added = ids.emplace_back();
    added.task_id = task.id;
    {
      CopyRow row(task_rows);
      row.Int(task.id).Opt(task.document_id);
      if (task.span) {
        row.Int(static_cast<int64_t>(task.span->line_start))
            .Int(static_cast<int64_t>(task.span->line_end))
            .Int(static_cast<int64_t>(task.span->start))
            .Int(static_cast<int64_t>(task.span->end));
      } else {
        row.Null().Null().Null().Null();
      }
      row.Opt(task.parent_id).Opt(task.obligation_id);
      if (task.period) {
        row.Text(core::PeriodKey(*task.period));
      } else {
        row.Null();
      }
      row.Int(task.lead_agency_id)
          .Text(task.text)
          .Text(text::SearchKey(task.text))
          .Date(task.assigned_on)
          .Date(task.deadline)
          .Text(task.deadline_text)
          .Instant(task.created_at);
    }
    for (const core::Coordination& coordination : item.coordinating) {
      CopyRow(coordination_rows)
          .Int(task.id)
          .Int(coordination.agency_id)
          .Date(coordination.acknowledged_on)
          .Text(coordination.contribution);
    }
    events.clear();
    for (const NewTask::Event& planned : item.events) {
      core::TaskEvent event = planned.event;
      event.id = event_ids[next_event++];
      event.task_id = task.id;
      event.request_event_id.reset();
      if (planned.request_index) event.request_event_id = added.event_ids[*planned.request_index];
      added.event_ids.push_back(event.id);
      CopyRow(event_rows)
          .Int(event.id)
          .Int(event.task_id)
          .Text(core::TaskEventKindName(event.kind))
          .Date(event.effective_on)
          .Instant(event.recorded_at)
          .Opt(event.actor_user_id)
          .Date(event.deadline)
          .Opt(event.agency_id)
          .Opt(event.progress_percent)
          .Opt(event.request_event_id)
          .Text(event.note);
      events.push_back(std::move(event));
    }
    for (const core::TaskState& state : core::BuildTimelineWithHistory(task, events, *history_)) {
      if (state.cancelled) continue;  // out of every count and list
      const StretchRow stretch = StretchOf(state, kOpenEnd);
      CopyRow(timeline_rows)
          .Int(task.id)
          .Int(stretch.from_day)
          .Int(stretch.to_day)
          .Int(stretch.lead_agency_id)
          .Opt(stretch.deadline_day)
          .Opt(stretch.completed_day);
    }
  }
  // Parents before children: the rows go in id order, and a parent is an
  // earlier task.
  PG_RETURN_IF_ERROR(
      CopyRows("tasks (id, document_id, span_line_start, span_line_end, "
               "span_start, span_end, parent_id, obligation_id, period, "
               "lead_agency_id, text, text_key, assigned_on, deadline, "
               "deadline_text, created_at)",
               task_rows, "bulk add tasks"));
  PG_RETURN_IF_ERROR(CopyRows("coordinations (task_id, agency_id, acknowledged_on, contribution)",
                              coordination_rows, "bulk add coordinations"));
  PG_RETURN_IF_ERROR(
      CopyRows("task_events (id, task_id, kind, effective_on, recorded_at, "
               "actor_user_id, deadline, agency_id, progress_percent, "
               "request_event_id, note)",
               event_rows, "bulk add task events"));
  PG_RETURN_IF_ERROR(
      CopyRows("task_timeline (task_id, from_day, to_day, lead_agency_id, "
               "deadline_day, completed_day)",
               timeline_rows, "bulk add task timelines"));
  return ids;
}

}  // namespace dondoc::store::pg
