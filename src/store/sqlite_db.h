// A thin layer over the SQLite C API for the SQLite store: one connection
// with its cache of prepared statements, and a statement handle that binds,
// steps and reads columns with the store's types (ISO dates, optionals).
//
// Errors become Status values: SQLITE_BUSY/LOCKED are remembered on the
// connection (busy()) so that Store::Write can tell a conflict, which it
// retries, from a real failure.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "common/status.h"
#include "core/date.h"

namespace dondoc::store::sqlite {

class Connection;

// A prepared statement in use. A cached one is reset, unbound and handed
// back to the cache on destruction; when the cached one is already in use
// (a nested query with the same SQL) a private copy is finalized instead.
class Stmt {
 public:
  // `in_use` is the cache entry's flag, or null for a private statement.
  Stmt(Connection* connection, sqlite3_stmt* stmt, bool* in_use)
      : connection_(connection), stmt_(stmt), in_use_(in_use) {}
  Stmt(Stmt&& other) noexcept
      : connection_(other.connection_),
        stmt_(std::exchange(other.stmt_, nullptr)),
        in_use_(other.in_use_) {}
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt& operator=(Stmt&&) = delete;
  ~Stmt();

  // Parameters are 1-based, as in SQLite.
  Stmt& Bind(int index, int64_t value);
  Stmt& Bind(int index, int value) { return Bind(index, static_cast<int64_t>(value)); }
  Stmt& Bind(int index, double value);
  Stmt& Bind(int index, std::string_view value);
  Stmt& Bind(int index, const char* value) { return Bind(index, std::string_view(value)); }
  Stmt& Bind(int index, const std::string& value) { return Bind(index, std::string_view(value)); }
  Stmt& Bind(int index, bool value) { return Bind(index, static_cast<int64_t>(value ? 1 : 0)); }
  Stmt& Bind(int index, core::Date value);       // ISO text
  Stmt& Bind(int index, core::Timestamp value);  // ISO text, UTC
  Stmt& BindNull(int index);
  template <typename T>
  Stmt& Bind(int index, const std::optional<T>& value) {
    return value ? Bind(index, *value) : BindNull(index);
  }

  // Steps once: true with a row, false when done; errors go to the status.
  Result<bool> Step();
  // Steps to the end (INSERT, UPDATE, DELETE, DDL).
  Status Run();

  bool IsNull(int column) const;
  int64_t Int(int column) const;
  double Double(int column) const;
  std::string Text(int column) const;
  std::optional<int64_t> OptInt(int column) const;
  std::optional<double> OptDouble(int column) const;
  std::optional<std::string> OptText(int column) const;
  // ISO dates and timestamps; a malformed value in the database is Internal.
  Result<core::Date> DateAt(int column) const;
  Result<std::optional<core::Date>> OptDate(int column) const;
  Result<core::Timestamp> TimestampAt(int column) const;
  Result<std::optional<core::Timestamp>> OptTimestamp(int column) const;

 private:
  Connection* connection_;
  sqlite3_stmt* stmt_;
  bool* in_use_;
};

// One open database connection. Not thread-safe: the store hands each
// connection to one thread at a time (see sqlite_store.h).
class Connection {
 public:
  // Opens (creating when missing) the database at `path` and configures it:
  // WAL, synchronous=NORMAL, foreign keys, busy timeout, the Vietnamese FTS5
  // tokenizer.
  static Result<std::unique_ptr<Connection>> Open(const std::string& path);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // A prepared statement from this connection's cache.
  Result<Stmt> Prepare(std::string_view sql);
  // Runs one or more statements without results.
  Status Exec(std::string_view sql);

  // Turns an SQLite result code into a Status naming `what`, and remembers
  // busy/locked for the retry loop.
  Status Error(int rc, std::string_view what);
  bool busy() const { return busy_; }
  void clear_busy() { busy_ = false; }

  int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
  int Changes() const { return sqlite3_changes(db_); }
  sqlite3* handle() const { return db_; }

 private:
  explicit Connection(sqlite3* db) : db_(db) {}

  sqlite3* db_;
  bool busy_ = false;
  struct Cached {
    sqlite3_stmt* stmt = nullptr;
    bool in_use = false;
  };
  std::unordered_map<std::string, Cached> statements_;
};

}  // namespace dondoc::store::sqlite
