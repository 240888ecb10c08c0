#include "store/sqlite_schema.h"

namespace dondoc::store::sqlite {

namespace {

// Keys (name_key, text_key, ...) hold text::SearchKey of the column they
// follow: lower case, no diacritics, đ = d.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE agencies (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  abbreviation TEXT NOT NULL DEFAULT '',
  abbreviation_key TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL,
  parent_id INTEGER REFERENCES agencies(id),
  valid_from TEXT NOT NULL,
  valid_to TEXT
);
CREATE INDEX agencies_name_key ON agencies(name_key);
CREATE INDEX agencies_abbreviation_key ON agencies(abbreviation_key);

CREATE TABLE successions (
  id INTEGER PRIMARY KEY,
  predecessor_id INTEGER NOT NULL REFERENCES agencies(id),
  successor_id INTEGER NOT NULL REFERENCES agencies(id),
  effective TEXT NOT NULL,
  kind TEXT NOT NULL,
  inherits_open_tasks INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  number TEXT,
  date TEXT,
  issuer_agency_id INTEGER REFERENCES agencies(id),
  issuer_name TEXT NOT NULL DEFAULT '',
  -- "agency:<id>" or "name:<folded issuer name>": one number per issuer.
  issuer_key TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  source_name TEXT NOT NULL DEFAULT '',
  source_format TEXT NOT NULL DEFAULT '',
  source_sha256 TEXT NOT NULL DEFAULT '',
  cleaned_text TEXT NOT NULL DEFAULT '',
  registered_at TEXT NOT NULL
);
CREATE UNIQUE INDEX documents_issuer_number ON documents(issuer_key, number)
  WHERE number IS NOT NULL;
CREATE INDEX documents_kind ON documents(kind, id);
CREATE INDEX documents_issuer ON documents(issuer_agency_id, id);

CREATE TABLE document_links (
  id INTEGER PRIMARY KEY,
  from_document_id INTEGER NOT NULL REFERENCES documents(id),
  to_document_id INTEGER REFERENCES documents(id),
  kind TEXT NOT NULL DEFAULT '',
  number TEXT,
  date TEXT,
  issuer_name TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  span_line_start INTEGER, span_line_end INTEGER, span_start INTEGER, span_end INTEGER
);
CREATE INDEX document_links_from ON document_links(from_document_id, id);
CREATE INDEX document_links_to ON document_links(to_document_id);

CREATE TABLE proposals (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  kind TEXT NOT NULL,
  state TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  payload_json TEXT NOT NULL DEFAULT '',
  span_line_start INTEGER, span_line_end INTEGER, span_start INTEGER, span_end INTEGER,
  created_at TEXT NOT NULL,
  decided_at TEXT,
  decided_by INTEGER,
  created_item_id INTEGER,
  decision_note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX proposals_document ON proposals(document_id, id);
CREATE INDEX proposals_state ON proposals(state, id);

CREATE TABLE reporting_regimes (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  cadence TEXT NOT NULL,
  due_month_offset INTEGER NOT NULL,
  due_day INTEGER NOT NULL,
  recipient_agency_id INTEGER REFERENCES agencies(id),
  via_agency_id INTEGER REFERENCES agencies(id)
);

CREATE TABLE report_submissions (
  id INTEGER PRIMARY KEY,
  regime_id INTEGER NOT NULL REFERENCES reporting_regimes(id),
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  period TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  document_id INTEGER REFERENCES documents(id)
);
CREATE INDEX report_submissions_regime ON report_submissions(regime_id, id);

CREATE TABLE obligations (
  id INTEGER PRIMARY KEY,
  document_id INTEGER REFERENCES documents(id),
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  text TEXT NOT NULL,
  cadence TEXT NOT NULL,
  recurrence_day INTEGER,
  recurrence_text TEXT NOT NULL DEFAULT '',
  starts_on TEXT NOT NULL,
  ends_on TEXT,
  regime_id INTEGER REFERENCES reporting_regimes(id)
);

CREATE TABLE tasks (
  id INTEGER PRIMARY KEY,
  document_id INTEGER REFERENCES documents(id),
  span_line_start INTEGER, span_line_end INTEGER, span_start INTEGER, span_end INTEGER,
  parent_id INTEGER REFERENCES tasks(id),
  obligation_id INTEGER REFERENCES obligations(id),
  period TEXT,
  lead_agency_id INTEGER NOT NULL REFERENCES agencies(id),
  text TEXT NOT NULL,
  text_key TEXT NOT NULL,
  assigned_on TEXT NOT NULL,
  deadline TEXT,
  deadline_text TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX tasks_document ON tasks(document_id);
CREATE INDEX tasks_lead ON tasks(lead_agency_id);
CREATE INDEX tasks_parent ON tasks(parent_id);

CREATE TABLE coordinations (
  task_id INTEGER NOT NULL REFERENCES tasks(id),
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  acknowledged_on TEXT,
  contribution TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (task_id, agency_id)
) WITHOUT ROWID;
CREATE INDEX coordinations_agency ON coordinations(agency_id, task_id);

CREATE TABLE task_events (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES tasks(id),
  kind TEXT NOT NULL,
  effective_on TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  actor_user_id INTEGER,
  deadline TEXT,
  agency_id INTEGER REFERENCES agencies(id),
  progress_percent INTEGER CHECK (progress_percent BETWEEN 0 AND 100),
  request_event_id INTEGER REFERENCES task_events(id),
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX task_events_task ON task_events(task_id, id);
CREATE INDEX task_events_agency ON task_events(agency_id) WHERE agency_id IS NOT NULL;

CREATE TABLE indicators (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  unit TEXT NOT NULL DEFAULT '',
  direction TEXT NOT NULL
);

CREATE TABLE targets (
  id INTEGER PRIMARY KEY,
  indicator_id INTEGER NOT NULL REFERENCES indicators(id),
  period TEXT NOT NULL,
  agency_id INTEGER REFERENCES agencies(id),
  value REAL,
  low REAL,
  high REAL,
  comparator TEXT NOT NULL,
  plan_source TEXT NOT NULL DEFAULT '',
  document_id INTEGER REFERENCES documents(id),
  span_line_start INTEGER, span_line_end INTEGER, span_start INTEGER, span_end INTEGER
);
CREATE INDEX targets_indicator ON targets(indicator_id, id);

CREATE TABLE figures (
  id INTEGER PRIMARY KEY,
  indicator_id INTEGER NOT NULL REFERENCES indicators(id),
  agency_id INTEGER REFERENCES agencies(id),
  period TEXT NOT NULL,
  value REAL NOT NULL,
  estimate INTEGER NOT NULL,
  submitted_at TEXT NOT NULL,
  submitted_by INTEGER,
  document_id INTEGER REFERENCES documents(id),
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX figures_indicator ON figures(indicator_id, id);

CREATE TABLE calendar_days (
  date TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
)sql";

// One row per stretch [from_day, to_day) of a task's life (to_day =
// kOpenEnd while current); stretches in which the task is cancelled are not
// stored, since they are never counted or listed. Days are integers (days
// since 1970-01-01). The one index leads with the agency so that the
// per-agency counts stream out grouped without a sort, covers every column
// the counts read, and also serves one agency's task list and the
// succession rebuild ("tasks ever led by X").
constexpr std::string_view kVersion2 = R"sql(
CREATE TABLE task_timeline (
  task_id INTEGER NOT NULL REFERENCES tasks(id),
  from_day INTEGER NOT NULL,
  to_day INTEGER NOT NULL,
  lead_agency_id INTEGER NOT NULL REFERENCES agencies(id),
  deadline_day INTEGER,
  completed_day INTEGER,
  PRIMARY KEY (task_id, from_day)
) WITHOUT ROWID;
CREATE INDEX task_timeline_lead
  ON task_timeline(lead_agency_id, to_day, from_day, deadline_day, completed_day);
)sql";

constexpr std::string_view kVersion3 = R"sql(
CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, cleaned_text, content='documents', content_rowid='id', tokenize='dondoc');
INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
)sql";

// One agency's task list (ListTasks by agency, ORDER BY task_id LIMIT n):
// in task order the first page is read and the scan stops; through the
// to_day-ordered lead index every stretch of the agency was sorted first
// (1 M tasks, 5 000 tasks of one agency: 40 ms CPU -> under 1 ms,
// bench/tracking_bench.cc). Covering, or the planner keeps the other one.
constexpr std::string_view kVersion4 = R"sql(
CREATE INDEX task_timeline_lead_task
  ON task_timeline(lead_agency_id, task_id, from_day, to_day, deadline_day, completed_day);
)sql";

// The duplicate-import check (same bytes: source_sha256) and the citation
// links (same number) look documents up by these columns: without an index
// each import scanned every stored document.
constexpr std::string_view kVersion5 = R"sql(
CREATE INDEX documents_sha256 ON documents(source_sha256, id);
CREATE INDEX documents_number ON documents(number, id) WHERE number IS NOT NULL;
)sql";

// The running four-way counts per agency (status_totals.h): a row per
// agency and day on which its counts change, with the counts from that day
// on; filled from the existing timelines (each stretch gives at most two
// pieces, +1 on their first day, -1 on the day after their last, summed per
// agency in day order). status_totals_state.stale = 1 after a bulk load
// until the table is rebuilt; the counts then come from the timeline scan.
constexpr std::string_view kVersion6 = R"sql(
CREATE TABLE status_totals (
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  day INTEGER NOT NULL,
  done_on_time INTEGER NOT NULL,
  done_late INTEGER NOT NULL,
  open_in_time INTEGER NOT NULL,
  open_overdue INTEGER NOT NULL,
  no_deadline INTEGER NOT NULL,
  PRIMARY KEY (agency_id, day)
) WITHOUT ROWID;
CREATE TABLE status_totals_state (stale INTEGER NOT NULL);
INSERT INTO status_totals_state (stale) VALUES (0);
INSERT INTO status_totals (agency_id, day, done_on_time, done_late, open_in_time, open_overdue,
                           no_deadline)
WITH pieces(agency_id, first_day, end_day, kind) AS (
  SELECT lead_agency_id, from_day, to_day,
         CASE WHEN deadline_day IS NULL OR completed_day <= deadline_day THEN 0 ELSE 1 END
  FROM task_timeline WHERE completed_day IS NOT NULL
  UNION ALL
  SELECT lead_agency_id, from_day, to_day, 4
  FROM task_timeline WHERE completed_day IS NULL AND deadline_day IS NULL
  UNION ALL
  SELECT lead_agency_id, from_day, min(to_day, deadline_day + 1), 2
  FROM task_timeline WHERE completed_day IS NULL AND from_day <= deadline_day
  UNION ALL
  SELECT lead_agency_id, max(from_day, deadline_day + 1), to_day, 3
  FROM task_timeline WHERE completed_day IS NULL AND deadline_day + 1 < to_day),
deltas(agency_id, day, kind, n) AS (
  SELECT agency_id, first_day, kind, 1 FROM pieces
  UNION ALL
  SELECT agency_id, end_day, kind, -1 FROM pieces WHERE end_day < 2147483647),
daily AS (
  SELECT agency_id, day,
         sum(CASE WHEN kind = 0 THEN n ELSE 0 END) AS on_time,
         sum(CASE WHEN kind = 1 THEN n ELSE 0 END) AS late,
         sum(CASE WHEN kind IN (2, 4) THEN n ELSE 0 END) AS in_time,
         sum(CASE WHEN kind = 3 THEN n ELSE 0 END) AS overdue,
         sum(CASE WHEN kind = 4 THEN n ELSE 0 END) AS undated
  FROM deltas GROUP BY agency_id, day)
SELECT agency_id, day,
       sum(on_time) OVER w, sum(late) OVER w, sum(in_time) OVER w, sum(overdue) OVER w,
       sum(undated) OVER w
FROM daily
WINDOW w AS (PARTITION BY agency_id ORDER BY day ROWS UNBOUNDED PRECEDING);
)sql";

// The audit chain (store/audit.h). Records are numbered by the store
// (seq = head + 1), not by SQLite, so that a gap is a deletion. The triggers
// make the log append-only for the application; someone who can write the
// file can drop them, which is why the records are chained.
// Rows written before this step are not in the trail: it starts here.
constexpr std::string_view kVersion7 = R"sql(
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at_us INTEGER NOT NULL,
  actor_user_id INTEGER,
  actor_name TEXT NOT NULL,
  action TEXT NOT NULL,
  entity_kind TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  before_json TEXT NOT NULL,
  after_json TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log(entity_kind, entity_id, seq);
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, printf('%.64d', 0));
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)sql";

// Notifications (core/reminders.h): one row per recipient, unique by key so
// that a reminder pass run twice adds nothing; listed per recipient newest
// first, and oldest first while not yet e-mailed.
constexpr std::string_view kVersion8 = R"sql(
CREATE TABLE notifications (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  agency_id INTEGER REFERENCES agencies(id),
  user_id INTEGER,
  task_id INTEGER REFERENCES tasks(id),
  regime_id INTEGER REFERENCES reporting_regimes(id),
  period TEXT,
  due_on TEXT NOT NULL,
  message TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at TEXT,
  emailed_at TEXT
);
CREATE INDEX notifications_agency ON notifications(agency_id, id);
CREATE INDEX notifications_user ON notifications(user_id, id) WHERE user_id IS NOT NULL;
CREATE INDEX notifications_unsent ON notifications(id) WHERE emailed_at IS NULL;
)sql";

}  // namespace

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, kVersion1, false}, {2, kVersion2, true},  {3, kVersion3, false}, {4, kVersion4, false},
      {5, kVersion5, false}, {6, kVersion6, false}, {7, kVersion7, false}, {8, kVersion8, false},
  };
  return kMigrations;
}

}  // namespace dondoc::store::sqlite
