// The running four-way counts per agency in the PostgreSQL store (as
// sqlite_status_totals.cc; status_totals.h).
#include <string>

#include "store/postgres_transaction.h"
#include "store/status_totals.h"

namespace dondoc::store::pg {

namespace {

// The running counts from the timelines (as migration step 6 in
// postgres_schema.cc, which stays as released).
constexpr std::string_view kFreshTotals = R"sql(
WITH pieces(agency_id, first_day, end_day, kind) AS (
  SELECT lead_agency_id, from_day, to_day,
         CASE WHEN deadline_day IS NULL OR completed_day <= deadline_day THEN 0 ELSE 1 END
  FROM task_timeline WHERE completed_day IS NOT NULL
  UNION ALL
  SELECT lead_agency_id, from_day, to_day, 4
  FROM task_timeline WHERE completed_day IS NULL AND deadline_day IS NULL
  UNION ALL
  SELECT lead_agency_id, from_day, least(to_day, deadline_day + 1), 2
  FROM task_timeline WHERE completed_day IS NULL AND from_day <= deadline_day
  UNION ALL
  SELECT lead_agency_id, greatest(from_day, deadline_day + 1), to_day, 3
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

std::vector<core::AgencyStatusCounts> CountsOf(const Rows& rows) {
  std::vector<core::AgencyStatusCounts> result;
  result.reserve(rows.size());
  for (int row = 0; row < rows.size(); ++row) {
    core::AgencyStatusCounts counts;
    counts.agency_id = rows.Int(row, 0);
    counts.counts.done_on_time = rows.Int(row, 1);
    counts.counts.done_late = rows.Int(row, 2);
    counts.counts.open_in_time = rows.Int(row, 3);
    counts.counts.open_overdue = rows.Int(row, 4);
    counts.counts.no_deadline = rows.Int(row, 5);
    counts.counts.total = counts.counts.done_on_time + counts.counts.done_late +
                          counts.counts.open_in_time + counts.counts.open_overdue;
    result.push_back(counts);
  }
  return result;
}

}  // namespace

Result<bool> PgTransaction::TotalsStale() {
  if (totals_stale_) return *totals_stale_;
  PG_ASSIGN_OR_RETURN(const Rows rows, Query("SELECT stale FROM status_totals_state", Params(),
                                             "read the state of the status totals"));
  if (rows.empty()) return Status::Internal("status_totals_state has no row");
  totals_stale_ = rows.Int(0, 0) != 0;
  return *totals_stale_;
}

Status PgTransaction::MarkTotalsStale() {
  PG_ASSIGN_OR_RETURN(const bool stale, TotalsStale());
  if (stale) return Status::Ok();
  PG_RETURN_IF_ERROR(
      Query("UPDATE status_totals_state SET stale = 1", Params(), "mark the status totals stale")
          .status());
  totals_stale_ = true;
  return Status::Ok();
}

Status PgTransaction::ApplyStatusDeltas(const StatusDeltas& deltas) {
  const std::vector<StatusDelta> changes = deltas.NonZero();
  if (changes.empty()) return Status::Ok();
  PG_ASSIGN_OR_RETURN(const bool stale, TotalsStale());
  if (stale) return Status::Ok();
  for (const StatusDelta& delta : changes) {
    // A row on the delta's day, copying the counts of the day before.
    PG_RETURN_IF_ERROR(
        Query("INSERT INTO status_totals (agency_id, day, done_on_time, done_late, "
              "open_in_time, open_overdue, no_deadline) "
              "SELECT $1, $2, coalesce(p.done_on_time, 0), coalesce(p.done_late, 0), "
              "coalesce(p.open_in_time, 0), coalesce(p.open_overdue, 0), "
              "coalesce(p.no_deadline, 0) FROM (SELECT 1) one LEFT JOIN LATERAL "
              "(SELECT * FROM status_totals WHERE agency_id = $1 AND day < $2 "
              "ORDER BY day DESC LIMIT 1) p ON true ON CONFLICT DO NOTHING",
              Params().Add(delta.agency_id).Add(delta.day), "add a status totals row")
            .status());
    Params params;
    params.Add(delta.agency_id).Add(delta.day);
    for (const int64_t change : delta.change) params.Add(change);
    PG_RETURN_IF_ERROR(Query("UPDATE status_totals SET done_on_time = done_on_time + $3, "
                             "done_late = done_late + $4, open_in_time = open_in_time + $5, "
                             "open_overdue = open_overdue + $6, no_deadline = no_deadline + $7 "
                             "WHERE agency_id = $1 AND day >= $2",
                             params, "update the status totals")
                           .status());
  }
  return Status::Ok();
}

Status PgTransaction::RebuildStatusTotals() {
  PG_RETURN_IF_ERROR(
      Query("DELETE FROM status_totals", Params(), "clear the status totals").status());
  PG_RETURN_IF_ERROR(Query("INSERT INTO status_totals (agency_id, day, done_on_time, done_late, "
                           "open_in_time, open_overdue, no_deadline) " +
                               std::string(kFreshTotals),
                           Params(), "rebuild the status totals")
                         .status());
  PG_RETURN_IF_ERROR(
      Query("UPDATE status_totals_state SET stale = 0", Params(), "mark the status totals current")
          .status());
  totals_stale_ = false;
  return Status::Ok();
}

Result<std::string> PgTransaction::CheckStatusTotals() {
  PG_ASSIGN_OR_RETURN(const bool stale, TotalsStale());
  if (stale) return std::string();  // rebuilt before use
  PG_ASSIGN_OR_RETURN(
      const Rows rows,
      Query("WITH fresh AS (" + std::string(kFreshTotals) + ") " + std::string(kCompareTotals),
            Params(), "compare the status totals with the timelines"));
  std::string wrong;
  for (int row = 0; row < rows.size(); ++row) {
    if (!wrong.empty()) wrong += ", ";
    wrong += "agency " + std::to_string(rows.Int(row, 0)) + " on " +
             core::FormatIsoDate(DateFromDayNumber(rows.Int(row, 1)));
  }
  return wrong;
}

Result<std::vector<core::AgencyStatusCounts>> PgTransaction::CountTaskStatuses(core::Date as_of) {
  PG_ASSIGN_OR_RETURN(const bool stale, TotalsStale());
  if (stale) return CountFromTimeline(as_of);
  // Each agency's last row on or before the day: one index seek per agency.
  // An agency whose counts are all zero on the day is left out.
  PG_ASSIGN_OR_RETURN(
      const Rows rows,
      Query("SELECT a.id, s.done_on_time, s.done_late, s.open_in_time, s.open_overdue, "
            "s.no_deadline FROM agencies a CROSS JOIN LATERAL (SELECT * FROM status_totals m "
            "WHERE m.agency_id = a.id AND m.day <= $1 ORDER BY m.day DESC LIMIT 1) s "
            "WHERE s.done_on_time + s.done_late + s.open_in_time + s.open_overdue > 0 "
            "ORDER BY a.id",
            Params().Add(DayNumber(as_of)), "count task statuses"));
  return CountsOf(rows);
}

Result<std::vector<core::AgencyStatusCounts>> PgTransaction::CountFromTimeline(core::Date as_of) {
  PG_ASSIGN_OR_RETURN(
      const Rows rows,
      Query("SELECT lead_agency_id, "
            "count(*) FILTER (WHERE completed_day IS NOT NULL AND (deadline_day IS NULL OR "
            "completed_day <= deadline_day)), "
            "count(*) FILTER (WHERE completed_day IS NOT NULL AND completed_day > deadline_day), "
            "count(*) FILTER (WHERE completed_day IS NULL AND (deadline_day IS NULL OR "
            "deadline_day >= $1)), "
            "count(*) FILTER (WHERE completed_day IS NULL AND deadline_day < $1), "
            "count(*) FILTER (WHERE completed_day IS NULL AND deadline_day IS NULL) "
            "FROM task_timeline WHERE to_day > $1 AND from_day <= $1 "
            "GROUP BY lead_agency_id ORDER BY lead_agency_id",
            Params().Add(DayNumber(as_of)), "count task statuses from the timelines"));
  return CountsOf(rows);
}

}  // namespace dondoc::store::pg
