// A thin, error-as-value layer over one libpq connection.
//
// Every statement is prepared once per connection and run with text
// parameters (PQprepare / PQexecPrepared): values are never spliced into SQL. Errors come back as
// Status with the server's message; the SQLSTATE decides the code (integrity violations are
// InvalidInput, everything else IoError) and whether the failure is a
// transaction conflict (40001 serialization failure, 40P01 deadlock) that
// the caller should retry. Messages name the server as host:port/database,
// never the password.
//
// Not thread-safe: one PgConnection is used by one thread at a time (the
// store serialises access with a mutex).
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "core/date.h"

namespace dondoc::store::pg {

// Text parameters for one statement; nullopt is SQL NULL.
class Params {
 public:
  Params& Add(std::string_view value);
  Params& Add(const char* value) { return Add(std::string_view(value)); }
  Params& Add(const std::string& value) { return Add(std::string_view(value)); }
  Params& Add(int64_t value);
  Params& Add(int value) { return Add(static_cast<int64_t>(value)); }
  Params& Add(double value);
  Params& Add(bool value);
  Params& Add(core::Date value);
  Params& AddTimestamp(core::Timestamp value);  // as seconds since the epoch
  Params& AddNull();
  template <typename T>
  Params& Add(const std::optional<T>& value) {
    return value ? Add(*value) : AddNull();
  }
  Params& AddTimestamp(const std::optional<core::Timestamp>& value) {
    return value ? AddTimestamp(*value) : AddNull();
  }

  int size() const { return static_cast<int>(values_.size()); }
  std::vector<const char*> Pointers() const;

 private:
  std::vector<std::optional<std::string>> values_;
};

// Rows of one statement's result, read by row and column index.
class Rows {
 public:
  explicit Rows(PGresult* result) : result_(result, &PQclear) {}
  int size() const { return PQntuples(result_.get()); }
  bool empty() const { return size() == 0; }
  int64_t affected() const;  // rows changed by INSERT/UPDATE/DELETE

  bool IsNull(int row, int column) const { return PQgetisnull(result_.get(), row, column) != 0; }
  std::string_view Text(int row, int column) const;
  int64_t Int(int row, int column) const;
  double Real(int row, int column) const;
  bool Bool(int row, int column) const;  // 't' / 'f'
  core::Date DateAt(int row, int column) const;
  core::Timestamp TimestampAt(int row, int column) const;  // epoch seconds
  std::optional<std::string> OptText(int row, int column) const;
  std::optional<int64_t> OptInt(int row, int column) const;
  std::optional<double> OptReal(int row, int column) const;
  std::optional<core::Date> OptDate(int row, int column) const;
  std::optional<core::Timestamp> OptTimestamp(int row, int column) const;

 private:
  std::unique_ptr<PGresult, decltype(&PQclear)> result_;
};

// What went wrong with a statement, beside the Status.
struct ExecError {
  Status status;
  std::string sqlstate;   // "" when no server error (connection lost)
  bool conflict = false;  // serialization failure or deadlock: retry
};

class PgConnection {
 public:
  // Connects to `url` (postgresql://... or key=value conninfo) and sets the
  // session up (UTC, ISO dates, quiet notices). IoError naming host:port
  // when the server is unreachable; InvalidInput when the URL is malformed.
  static Result<std::unique_ptr<PgConnection>> Open(std::string_view url);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  // Runs one statement. On failure returns nullopt and fills `error`
  // (also remembered as last_error()).
  std::optional<Rows> Exec(std::string_view sql, const Params& params = {});
  // Runs a statement without parameters that may hold several commands.
  Status ExecScript(std::string_view sql);
  // Runs `copy_sql` (COPY ... FROM STDIN) and sends `data` in COPY's text
  // format: the bulk path's rows in one stream. Errors as ExecScript.
  Status CopyIn(std::string_view copy_sql, std::string_view data);
  const ExecError& last_error() const { return last_error_; }

  // "host:port/database" for messages (no user, no password).
  const std::string& where() const { return where_; }
  // The connection settings without the password, for tools (pg_dump): a
  // conninfo string, and the password separately (for PGPASSWORD).
  const std::string& conninfo() const { return conninfo_; }
  const std::string& password() const { return password_; }
  bool ok() const { return PQstatus(conn_) == CONNECTION_OK; }
  // The server's version as a number: 150018 for 15.18.
  int server_version() const { return PQserverVersion(conn_); }
  // Reconnects after the connection was lost.
  Status Reset();

 private:
  PgConnection(PGconn* conn, std::string where, std::string conninfo, std::string password)
      : conn_(conn),
        where_(std::move(where)),
        conninfo_(std::move(conninfo)),
        password_(std::move(password)) {}
  Status Setup();

  PGconn* conn_;
  std::string where_;
  std::string conninfo_;
  std::string password_;
  ExecError last_error_;
  // SQL text -> name of the prepared statement on this session.
  std::unordered_map<std::string, std::string> prepared_;
};

// Converts a failed statement to its Status, prefixed with `what`.
Status ErrorStatus(const ExecError& error, std::string_view what);

}  // namespace dondoc::store::pg
