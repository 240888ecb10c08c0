// The SQLite schema as versioned migrations.
//
// The database's version is PRAGMA user_version (0 = empty). Step N takes a
// version N-1 database to version N; Store::Migrate runs each missing step
// in its own transaction, and a database newer than kLatestSchemaVersion is
// refused. Steps are never edited once released: a change is a new step.
//
//   1  agencies, documents, review queue, tasks and events, indicators,
//      targets, figures, reporting regimes, calendar
//   2  task_timeline: each task's stretches (core::BuildTimeline), rebuilt
//      for existing tasks by the step
//   3  documents_fts: FTS5 over title and cleaned text with the "dondoc"
//      tokenizer (sqlite_tokenizer.h), filled from existing documents
//   4  task_timeline_lead_task: one agency's task page in task order
//   5  indexes on documents (source_sha256, number) for ListDocuments
//   6  status_totals: running four-way counts per agency and day
//      (status_totals.h), filled from the existing timelines
//   7  audit_log and audit_head: the hash-chained audit trail
//      (store/audit.h); it starts empty, earlier rows are not retro-audited
//   8  notifications: one row per recipient, unique by key
//
// Dates are ISO text ("2024-06-30"), instants ISO UTC text, except in
// task_timeline where days are integers (days since 1970-01-01) because the
// status counts scan it.
#pragma once

#include <string_view>
#include <vector>

namespace dondoc::store::sqlite {

inline constexpr int kLatestSchemaVersion = 8;

struct Migration {
  int version = 0;  // the version this step produces
  std::string_view sql;
  bool rebuild_timelines = false;  // recompute task_timeline after the SQL
};

// Steps 1..kLatestSchemaVersion in order.
const std::vector<Migration>& Migrations();

}  // namespace dondoc::store::sqlite
