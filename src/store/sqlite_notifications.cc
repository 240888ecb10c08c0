// Notifications (core/reminders.h) in the SQLite store: one row per
// recipient, unique by key, so that INSERT OR IGNORE makes a scheduler pass
// idempotent.
#include <string>

#include "core/period.h"
#include "store/sqlite_transaction.h"

namespace dondoc::store::sqlite {

namespace {

constexpr std::string_view kColumns =
    "id, key, kind, agency_id, user_id, task_id, regime_id, period, due_on, message, created_at, "
    "read_at, emailed_at";

Result<core::Notification> ReadNotification(const Stmt& stmt) {
  core::Notification n;
  n.id = stmt.Int(0);
  n.key = stmt.Text(1);
  STORE_ASSIGN_OR_RETURN(n.kind, core::ParseNotificationKind(stmt.Text(2)));
  n.agency_id = stmt.OptInt(3);
  n.user_id = stmt.OptInt(4);
  n.task_id = stmt.OptInt(5);
  n.regime_id = stmt.OptInt(6);
  if (!stmt.IsNull(7)) {
    STORE_ASSIGN_OR_RETURN(n.period, PeriodAt(stmt, 7));
  }
  STORE_ASSIGN_OR_RETURN(n.due_on, stmt.DateAt(8));
  n.message = stmt.Text(9);
  STORE_ASSIGN_OR_RETURN(n.created_at, stmt.TimestampAt(10));
  STORE_ASSIGN_OR_RETURN(n.read_at, stmt.OptTimestamp(11));
  STORE_ASSIGN_OR_RETURN(n.emailed_at, stmt.OptTimestamp(12));
  return n;
}

Result<std::vector<core::Notification>> ReadAll(Stmt& stmt) {
  std::vector<core::Notification> out;
  while (true) {
    STORE_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) return out;
    STORE_ASSIGN_OR_RETURN(core::Notification n, ReadNotification(stmt));
    out.push_back(std::move(n));
  }
}

Status CheckLimit(int limit) {
  if (limit < 1 || limit > 1000) {
    return Status::InvalidInput("notification limit " + std::to_string(limit) +
                                " is outside 1..1000");
  }
  return Status::Ok();
}

}  // namespace

Result<std::optional<Id>> SqliteTransaction::AddNotification(
    const core::Notification& notification) {
  if (notification.key.empty()) return Status::InvalidInput("a notification without a key");
  STORE_RETURN_IF_ERROR(RequireOptionalRow("agencies", notification.agency_id, "agency"));
  STORE_RETURN_IF_ERROR(RequireOptionalRow("tasks", notification.task_id, "task"));
  STORE_RETURN_IF_ERROR(
      RequireOptionalRow("reporting_regimes", notification.regime_id, "reporting regime"));
  STORE_ASSIGN_OR_RETURN(
      Stmt stmt,
      db_.Prepare("INSERT INTO notifications (key, kind, agency_id, user_id, task_id, regime_id, "
                  "period, due_on, message, created_at) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT (key) DO NOTHING"));
  std::optional<std::string> period;
  if (notification.period) period = core::PeriodKey(*notification.period);
  stmt.Bind(1, notification.key)
      .Bind(2, core::NotificationKindName(notification.kind))
      .Bind(3, notification.agency_id)
      .Bind(4, notification.user_id)
      .Bind(5, notification.task_id)
      .Bind(6, notification.regime_id)
      .Bind(7, period)
      .Bind(8, notification.due_on)
      .Bind(9, notification.message)
      .Bind(10, notification.created_at);
  STORE_RETURN_IF_ERROR(stmt.Run());
  if (db_.Changes() == 0) return std::optional<Id>();
  return std::optional<Id>(db_.LastInsertId());
}

Result<core::Notification> SqliteTransaction::GetNotification(Id id) {
  STORE_ASSIGN_OR_RETURN(Stmt stmt, db_.Prepare("SELECT " + std::string(kColumns) +
                                                " FROM notifications WHERE id = ?1"));
  stmt.Bind(1, id);
  STORE_ASSIGN_OR_RETURN(const bool row, stmt.Step());
  if (!row) return Status::NotFound("no notification " + std::to_string(id));
  return ReadNotification(stmt);
}

Result<std::vector<core::Notification>> SqliteTransaction::ListNotifications(
    const NotificationFilter& filter) {
  STORE_RETURN_IF_ERROR(CheckLimit(filter.limit));
  // Each alternative is off when its parameter is NULL (or 0 for office).
  STORE_ASSIGN_OR_RETURN(
      Stmt stmt,
      db_.Prepare("SELECT " + std::string(kColumns) +
                  " FROM notifications WHERE "
                  "((?1 = 1 AND agency_id IS NULL AND user_id IS NULL) OR agency_id = ?2 "
                  "OR user_id = ?3) AND (?4 = 0 OR read_at IS NULL) AND (?5 IS NULL OR id < ?5) "
                  "ORDER BY id DESC LIMIT ?6"));
  stmt.Bind(1, filter.office)
      .Bind(2, filter.agency_id)
      .Bind(3, filter.user_id)
      .Bind(4, filter.unread_only)
      .Bind(5, filter.before_id)
      .Bind(6, filter.limit);
  return ReadAll(stmt);
}

Status SqliteTransaction::MarkNotificationRead(Id id, core::Timestamp at) {
  {
    STORE_ASSIGN_OR_RETURN(Stmt exists, db_.Prepare("SELECT 1 FROM notifications WHERE id = ?1"));
    exists.Bind(1, id);
    STORE_ASSIGN_OR_RETURN(const bool found, exists.Step());
    if (!found) return Status::NotFound("no notification " + std::to_string(id));
  }
  STORE_ASSIGN_OR_RETURN(
      Stmt stmt,
      db_.Prepare("UPDATE notifications SET read_at = ?2 WHERE id = ?1 AND read_at IS NULL"));
  stmt.Bind(1, id).Bind(2, at);
  return stmt.Run();
}

Result<std::vector<core::Notification>> SqliteTransaction::ListUnsentNotifications(int limit) {
  STORE_RETURN_IF_ERROR(CheckLimit(limit));
  STORE_ASSIGN_OR_RETURN(Stmt stmt, db_.Prepare("SELECT " + std::string(kColumns) +
                                                " FROM notifications WHERE emailed_at IS NULL "
                                                "ORDER BY id LIMIT ?1"));
  stmt.Bind(1, limit);
  return ReadAll(stmt);
}

Status SqliteTransaction::MarkNotificationEmailed(Id id, core::Timestamp at) {
  STORE_ASSIGN_OR_RETURN(Stmt stmt,
                         db_.Prepare("UPDATE notifications SET emailed_at = ?2 WHERE id = ?1"));
  stmt.Bind(1, id).Bind(2, at);
  STORE_RETURN_IF_ERROR(stmt.Run());
  if (db_.Changes() == 0) return Status::NotFound("no notification " + std::to_string(id));
  return Status::Ok();
}

}  // namespace dondoc::store::sqlite
