#include "store/sqlite_db.h"

#include <string>

#include "store/sqlite_tokenizer.h"

namespace dondoc::store::sqlite {

namespace {

// How long a connection waits for another writer's lock before SQLite
// returns SQLITE_BUSY (Store::Write then retries the whole transaction).
constexpr int kBusyTimeoutMs = 5000;

}  // namespace

Stmt::~Stmt() {
  if (stmt_ == nullptr) return;
  if (in_use_ == nullptr) {
    sqlite3_finalize(stmt_);
    return;
  }
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  *in_use_ = false;
}

Stmt& Stmt::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Stmt& Stmt::Bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}

Stmt& Stmt::Bind(int index, std::string_view value) {
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  return *this;
}

Stmt& Stmt::Bind(int index, core::Date value) { return Bind(index, core::FormatIsoDate(value)); }

Stmt& Stmt::Bind(int index, core::Timestamp value) {
  return Bind(index, core::FormatIsoTimestamp(value));
}

Stmt& Stmt::BindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Result<bool> Stmt::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return connection_->Error(rc, sqlite3_sql(stmt_));
}

Status Stmt::Run() {
  while (true) {
    Result<bool> row = Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
  }
}

bool Stmt::IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

int64_t Stmt::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

double Stmt::Double(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Stmt::Text(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (text == nullptr) return {};
  return {text, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::optional<int64_t> Stmt::OptInt(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Int(column);
}

std::optional<double> Stmt::OptDouble(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Double(column);
}

std::optional<std::string> Stmt::OptText(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Text(column);
}

Result<core::Date> Stmt::DateAt(int column) const {
  Result<core::Date> date = core::ParseIsoDate(Text(column));
  if (!date.ok()) return Status::Internal("bad date in the database: " + date.status().message());
  return date;
}

Result<std::optional<core::Date>> Stmt::OptDate(int column) const {
  if (IsNull(column)) return std::optional<core::Date>();
  Result<core::Date> date = DateAt(column);
  if (!date.ok()) return date.status();
  return std::optional<core::Date>(*date);
}

Result<core::Timestamp> Stmt::TimestampAt(int column) const {
  Result<core::Timestamp> instant = core::ParseIsoTimestamp(Text(column));
  if (!instant.ok()) {
    return Status::Internal("bad timestamp in the database: " + instant.status().message());
  }
  return instant;
}

Result<std::optional<core::Timestamp>> Stmt::OptTimestamp(int column) const {
  if (IsNull(column)) return std::optional<core::Timestamp>();
  Result<core::Timestamp> instant = TimestampAt(column);
  if (!instant.ok()) return instant.status();
  return std::optional<core::Timestamp>(*instant);
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path) {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = "cannot open SQLite database " + path + ": " +
                          (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close(db);
    return Status::IoError(std::move(message));
  }
  std::unique_ptr<Connection> connection(new Connection(db));
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  sqlite3_extended_result_codes(db, 1);
  // WAL lets readers run beside the one writer; NORMAL sync is durable in
  // WAL except for the last transactions on power loss (never corrupting).
  Status status = connection->Exec(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
  if (!status.ok()) return status;
  status = RegisterVietnameseTokenizer(db);
  if (!status.ok()) return status;
  return connection;
}

Connection::~Connection() {
  for (auto& [sql, cached] : statements_) sqlite3_finalize(cached.stmt);
  sqlite3_close(db_);
}

Result<Stmt> Connection::Prepare(std::string_view sql) {
  auto it = statements_.find(std::string(sql));
  if (it != statements_.end() && !it->second.in_use) {
    it->second.in_use = true;
    return Stmt(this, it->second.stmt, &it->second.in_use);
  }
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return Error(rc, sql);
  if (it != statements_.end()) return Stmt(this, stmt, nullptr);  // nested use
  Cached& cached = statements_[std::string(sql)];
  cached.stmt = stmt;
  cached.in_use = true;
  return Stmt(this, stmt, &cached.in_use);
}

Status Connection::Exec(std::string_view sql) {
  const int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return Error(rc, sql);
  return Status::Ok();
}

Status Connection::Error(int rc, std::string_view what) {
  const int primary = rc & 0xff;
  std::string message =
      std::string("SQLite: ") + sqlite3_errmsg(db_) + " (" + std::string(what) + ")";
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    busy_ = true;
    return Status::Internal("database is busy: " + message);
  }
  if (primary == SQLITE_IOERR || primary == SQLITE_FULL || primary == SQLITE_CANTOPEN ||
      primary == SQLITE_READONLY || primary == SQLITE_PERM) {
    return Status::IoError(std::move(message));
  }
  if (primary == SQLITE_CONSTRAINT) return Status::InvalidInput(std::move(message));
  return Status::Internal(std::move(message));
}

}  // namespace dondoc::store::sqlite
