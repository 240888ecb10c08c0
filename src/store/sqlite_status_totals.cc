// The running four-way counts per agency in the SQLite store
// (status_totals.h): kept exact by every timeline rebuild, read as one row
// per agency, rebuilt in one statement after a bulk load.
#include <string>

#include "store/sqlite_transaction.h"
#include "store/status_totals.h"

namespace dondoc::store::sqlite {

namespace {

// The running counts from the timelines (as migration step 6 in
// sqlite_schema.cc, which stays as released).
constexpr std::string_view kFreshTotals = R"sql(
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
       sum(on_time) OVER w AS done_on_time, sum(late) OVER w AS done_late,
       sum(in_time) OVER w AS open_in_time, sum(overdue) OVER w AS open_overdue,
       sum(undated) OVER w AS no_deadline
FROM daily
WINDOW w AS (PARTITION BY agency_id ORDER BY day ROWS UNBOUNDED PRECEDING)
)sql";

// Rows where status_totals and the fresh counts disagree: a fresh row
// missing or different, or a stored row on a day without change that is not
// a copy of the one before. (Stored rows are never deleted, so the stored
// days include the fresh ones.)
constexpr std::string_view kCompareTotals = R"sql(
SELECT agency_id, day FROM (
  SELECT f.agency_id, f.day FROM fresh f
  LEFT JOIN status_totals s ON s.agency_id = f.agency_id AND s.day = f.day
  WHERE s.day IS NULL OR s.done_on_time <> f.done_on_time OR s.done_late <> f.done_late
     OR s.open_in_time <> f.open_in_time OR s.open_overdue <> f.open_overdue
     OR s.no_deadline <> f.no_deadline
  UNION ALL
  SELECT st.agency_id, st.day FROM (
    SELECT s.*, lag(done_on_time, 1, 0) OVER w AS p0, lag(done_late, 1, 0) OVER w AS p1,
           lag(open_in_time, 1, 0) OVER w AS p2, lag(open_overdue, 1, 0) OVER w AS p3,
           lag(no_deadline, 1, 0) OVER w AS p4
    FROM status_totals s WINDOW w AS (PARTITION BY agency_id ORDER BY day)) st
  LEFT JOIN fresh f ON f.agency_id = st.agency_id AND f.day = st.day
  WHERE f.day IS NULL AND (st.done_on_time <> st.p0 OR st.done_late <> st.p1
     OR st.open_in_time <> st.p2 OR st.open_overdue <> st.p3 OR st.no_deadline <> st.p4)
) bad ORDER BY agency_id, day LIMIT 10
)sql";

core::AgencyStatusCounts CountsAt(const Stmt& row) {
  core::AgencyStatusCounts counts;
  counts.agency_id = row.Int(0);
  counts.counts.done_on_time = row.Int(1);
  counts.counts.done_late = row.Int(2);
  counts.counts.open_in_time = row.Int(3);
  counts.counts.open_overdue = row.Int(4);
  counts.counts.no_deadline = row.Int(5);
  counts.counts.total = counts.counts.done_on_time + counts.counts.done_late +
                        counts.counts.open_in_time + counts.counts.open_overdue;
  return counts;
}

}  // namespace

Result<bool> SqliteTransaction::TotalsStale() {
  if (totals_stale_) return *totals_stale_;
  STORE_ASSIGN_OR_RETURN(Stmt stmt, db_.Prepare("SELECT stale FROM status_totals_state"));
  STORE_ASSIGN_OR_RETURN(const bool found, stmt.Step());
  if (!found) return Status::Internal("status_totals_state has no row");
  totals_stale_ = stmt.Int(0) != 0;
  return *totals_stale_;
}

Status SqliteTransaction::MarkTotalsStale() {
  STORE_ASSIGN_OR_RETURN(const bool stale, TotalsStale());
  if (stale) return Status::Ok();
  STORE_ASSIGN_OR_RETURN(Stmt stmt, db_.Prepare("UPDATE status_totals_state SET stale = 1"));
  STORE_RETURN_IF_ERROR(stmt.Run());
  totals_stale_ = true;
  return Status::Ok();
}

Status SqliteTransaction::ApplyStatusDeltas(const StatusDeltas& deltas) {
  const std::vector<StatusDelta> changes = deltas.NonZero();
  if (changes.empty()) return Status::Ok();
  STORE_ASSIGN_OR_RETURN(const bool stale, TotalsStale());
  if (stale) return Status::Ok();
  for (const StatusDelta& delta : changes) {
    // A row on the delta's day, copying the counts of the day before.
    STORE_ASSIGN_OR_RETURN(
        Stmt insert,
        db_.Prepare("INSERT OR IGNORE INTO status_totals (agency_id, day, done_on_time, "
                    "done_late, open_in_time, open_overdue, no_deadline) "
                    "SELECT ?1, ?2, ifnull(p.done_on_time, 0), ifnull(p.done_late, 0), "
                    "ifnull(p.open_in_time, 0), ifnull(p.open_overdue, 0), "
                    "ifnull(p.no_deadline, 0) FROM (SELECT 1) LEFT JOIN "
                    "(SELECT * FROM status_totals WHERE agency_id = ?1 AND day < ?2 "
                    "ORDER BY day DESC LIMIT 1) p ON 1"));
    insert.Bind(1, delta.agency_id).Bind(2, delta.day);
    STORE_RETURN_IF_ERROR(insert.Run());
    STORE_ASSIGN_OR_RETURN(
        Stmt update, db_.Prepare("UPDATE status_totals SET done_on_time = done_on_time + ?3, "
                                 "done_late = done_late + ?4, open_in_time = open_in_time + ?5, "
                                 "open_overdue = open_overdue + ?6, no_deadline = no_deadline + ?7 "
                                 "WHERE agency_id = ?1 AND day >= ?2"));
    update.Bind(1, delta.agency_id).Bind(2, delta.day);
    for (int i = 0; i < 5; ++i) update.Bind(3 + i, delta.change[static_cast<size_t>(i)]);
    STORE_RETURN_IF_ERROR(update.Run());
  }
  return Status::Ok();
}

Status SqliteTransaction::RebuildStatusTotals() {
  STORE_RETURN_IF_ERROR(db_.Exec("DELETE FROM status_totals"));
  STORE_RETURN_IF_ERROR(
      db_.Exec("INSERT INTO status_totals (agency_id, day, done_on_time, done_late, open_in_time, "
               "open_overdue, no_deadline) " +
               std::string(kFreshTotals)));
  STORE_RETURN_IF_ERROR(db_.Exec("UPDATE status_totals_state SET stale = 0"));
  totals_stale_ = false;
  return Status::Ok();
}

Result<std::string> SqliteTransaction::CheckStatusTotals() {
  STORE_ASSIGN_OR_RETURN(const bool stale, TotalsStale());
  if (stale) return std::string();  // rebuilt before use
  STORE_ASSIGN_OR_RETURN(Stmt stmt, db_.Prepare("WITH fresh AS (" + std::string(kFreshTotals) +
                                                ") " + std::string(kCompareTotals)));
  std::string wrong;
  while (true) {
    STORE_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) return wrong;
    if (!wrong.empty()) wrong += ", ";
    wrong += "agency " + std::to_string(stmt.Int(0)) + " on " +
             core::FormatIsoDate(DateFromDayNumber(stmt.Int(1)));
  }
}

Result<std::vector<core::AgencyStatusCounts>> SqliteTransaction::CountTaskStatuses(
    core::Date as_of) {
  STORE_ASSIGN_OR_RETURN(const bool stale, TotalsStale());
  if (stale) return CountFromTimeline(as_of);
  // Each agency's last row on or before the day: one seek per agency in
  // the primary key, agencies in id order (no sort). An agency whose counts
  // are all zero on the day has no task then and is left out.
  STORE_ASSIGN_OR_RETURN(
      Stmt stmt,
      db_.Prepare("SELECT s.agency_id, s.done_on_time, s.done_late, s.open_in_time, "
                  "s.open_overdue, s.no_deadline FROM agencies a JOIN status_totals s "
                  "ON s.agency_id = a.id AND s.day = (SELECT max(m.day) FROM status_totals m "
                  "WHERE m.agency_id = a.id AND m.day <= ?1) "
                  "WHERE s.done_on_time + s.done_late + s.open_in_time + s.open_overdue > 0 "
                  "ORDER BY a.id"));
  stmt.Bind(1, DayNumber(as_of));
  std::vector<core::AgencyStatusCounts> result;
  while (true) {
    STORE_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) return result;
    result.push_back(CountsAt(stmt));
  }
}

Result<std::vector<core::AgencyStatusCounts>> SqliteTransaction::CountFromTimeline(
    core::Date as_of) {
  // One pass over the lead index, which holds every column read and comes
  // grouped by agency (no sort).
  STORE_ASSIGN_OR_RETURN(
      Stmt stmt,
      db_.Prepare("SELECT lead_agency_id, "
                  "SUM(completed_day IS NOT NULL AND (deadline_day IS NULL OR completed_day <= "
                  "deadline_day)), "
                  "SUM(completed_day IS NOT NULL AND completed_day > deadline_day), "
                  "SUM(completed_day IS NULL AND (deadline_day IS NULL OR deadline_day >= ?1)), "
                  "SUM(completed_day IS NULL AND deadline_day < ?1), "
                  "SUM(completed_day IS NULL AND deadline_day IS NULL) "
                  "FROM task_timeline INDEXED BY task_timeline_lead "
                  "WHERE to_day > ?1 AND from_day <= ?1 "
                  "GROUP BY lead_agency_id ORDER BY lead_agency_id"));
  stmt.Bind(1, DayNumber(as_of));
  std::vector<core::AgencyStatusCounts> result;
  while (true) {
    STORE_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) return result;
    result.push_back(CountsAt(stmt));
  }
}

}  // namespace dondoc::store::sqlite
