// Notifications (core/reminders.h) in the PostgreSQL store, as
// sqlite_notifications.cc: unique by key, INSERT ... ON CONFLICT DO NOTHING
// (which aborts nothing, so the transaction goes on).
#include <string>

#include "core/period.h"
#include "store/postgres_transaction.h"

namespace dondoc::store::pg {

namespace {

#define PG_NOTIFICATION_COLUMNS                                                      \
  "id, key, kind, agency_id, user_id, task_id, regime_id, period, due_on, message, " \
  "" PG_EPOCH("created_at") ", " PG_EPOCH("read_at") ", " PG_EPOCH("emailed_at")

Result<std::vector<core::Notification>> ReadAll(const Rows& rows) {
  std::vector<core::Notification> out;
  out.reserve(rows.size());
  for (int row = 0; row < rows.size(); ++row) {
    core::Notification n;
    n.id = rows.Int(row, 0);
    n.key = rows.Text(row, 1);
    PG_ASSIGN_OR_RETURN(n.kind, core::ParseNotificationKind(rows.Text(row, 2)));
    n.agency_id = rows.OptInt(row, 3);
    n.user_id = rows.OptInt(row, 4);
    n.task_id = rows.OptInt(row, 5);
    n.regime_id = rows.OptInt(row, 6);
    if (!rows.IsNull(row, 7)) {
      PG_ASSIGN_OR_RETURN(n.period, PeriodAt(rows, row, 7));
    }
    n.due_on = rows.DateAt(row, 8);
    n.message = rows.Text(row, 9);
    n.created_at = rows.TimestampAt(row, 10);
    n.read_at = rows.OptTimestamp(row, 11);
    n.emailed_at = rows.OptTimestamp(row, 12);
    out.push_back(std::move(n));
  }
  return out;
}

Status CheckLimit(int limit) {
  if (limit < 1 || limit > 1000) {
    return Status::InvalidInput("notification limit " + std::to_string(limit) +
                                " is outside 1..1000");
  }
  return Status::Ok();
}

}  // namespace

Result<std::optional<Id>> PgTransaction::AddNotification(const core::Notification& notification) {
  if (notification.key.empty()) return Status::InvalidInput("a notification without a key");
  PG_RETURN_IF_ERROR(RequireOptionalRow("agencies", notification.agency_id, "agency"));
  PG_RETURN_IF_ERROR(RequireOptionalRow("tasks", notification.task_id, "task"));
  PG_RETURN_IF_ERROR(
      RequireOptionalRow("reporting_regimes", notification.regime_id, "reporting regime"));
  std::optional<std::string> period;
  if (notification.period) period = core::PeriodKey(*notification.period);
  PG_ASSIGN_OR_RETURN(
      const Rows rows,
      Query("INSERT INTO notifications (key, kind, agency_id, user_id, task_id, regime_id, "
            "period, due_on, message, created_at) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, to_timestamp($10)) "
            "ON CONFLICT (key) DO NOTHING RETURNING id",
            Params()
                .Add(notification.key)
                .Add(core::NotificationKindName(notification.kind))
                .Add(notification.agency_id)
                .Add(notification.user_id)
                .Add(notification.task_id)
                .Add(notification.regime_id)
                .Add(period)
                .Add(notification.due_on)
                .Add(notification.message)
                .AddTimestamp(notification.created_at),
            "add notification"));
  if (rows.empty()) return std::optional<Id>();
  return std::optional<Id>(rows.Int(0, 0));
}

Result<core::Notification> PgTransaction::GetNotification(Id id) {
  PG_ASSIGN_OR_RETURN(const Rows rows,
                      Query("SELECT " PG_NOTIFICATION_COLUMNS " FROM notifications WHERE id = $1",
                            Params().Add(id), "get notification"));
  if (rows.empty()) return Status::NotFound("no notification " + std::to_string(id));
  PG_ASSIGN_OR_RETURN(std::vector<core::Notification> all, ReadAll(rows));
  return std::move(all.front());
}

Result<std::vector<core::Notification>> PgTransaction::ListNotifications(
    const NotificationFilter& filter) {
  PG_RETURN_IF_ERROR(CheckLimit(filter.limit));
  PG_ASSIGN_OR_RETURN(
      const Rows rows,
      Query("SELECT " PG_NOTIFICATION_COLUMNS " FROM notifications WHERE "
            "(($1::boolean AND agency_id IS NULL AND user_id IS NULL) OR agency_id = $2::bigint "
            "OR user_id = $3::bigint) AND (NOT $4::boolean OR read_at IS NULL) "
            "AND ($5::bigint IS NULL OR id < $5::bigint) ORDER BY id DESC LIMIT $6",
            Params()
                .Add(filter.office)
                .Add(filter.agency_id)
                .Add(filter.user_id)
                .Add(filter.unread_only)
                .Add(filter.before_id)
                .Add(filter.limit),
            "list notifications"));
  return ReadAll(rows);
}

Status PgTransaction::MarkNotificationRead(Id id, core::Timestamp at) {
  PG_ASSIGN_OR_RETURN(const Rows exists, Query("SELECT 1 FROM notifications WHERE id = $1",
                                               Params().Add(id), "mark notification read"));
  if (exists.empty()) return Status::NotFound("no notification " + std::to_string(id));
  Result<Rows> updated =
      Query("UPDATE notifications SET read_at = to_timestamp($2) WHERE id = $1 AND read_at IS NULL",
            Params().Add(id).AddTimestamp(at), "mark notification read");
  return updated.ok() ? Status::Ok() : updated.status();
}

Result<std::vector<core::Notification>> PgTransaction::ListUnsentNotifications(int limit) {
  PG_RETURN_IF_ERROR(CheckLimit(limit));
  PG_ASSIGN_OR_RETURN(const Rows rows,
                      Query("SELECT " PG_NOTIFICATION_COLUMNS
                            " FROM notifications WHERE emailed_at IS NULL ORDER BY id LIMIT $1",
                            Params().Add(limit), "list unsent notifications"));
  return ReadAll(rows);
}

Status PgTransaction::MarkNotificationEmailed(Id id, core::Timestamp at) {
  PG_ASSIGN_OR_RETURN(const Rows rows,
                      Query("UPDATE notifications SET emailed_at = to_timestamp($2) WHERE id = $1",
                            Params().Add(id).AddTimestamp(at), "mark notification e-mailed"));
  if (rows.affected() == 0) return Status::NotFound("no notification " + std::to_string(id));
  return Status::Ok();
}

#undef PG_NOTIFICATION_COLUMNS

}  // namespace dondoc::store::pg
