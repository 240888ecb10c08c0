// The SQLite implementation of store::Store: one database file in WAL mode.
//
// Threads: a SqliteStore may be shared by any number of threads. Each
// Write/Read call borrows a connection from a small pool (at most
// kMaxConnections; a caller waits when all are in use) and returns it when
// done, so each connection is used by one thread at a time and keeps its
// own prepared statements. An in-memory database (":memory:") has exactly
// one connection, so calls on it run one after another.
//
// Processes: several processes may open the same file. Write() starts with
// BEGIN IMMEDIATE (the write lock is taken up front, so two writers never
// deadlock upgrading a read lock), waits up to the busy timeout for the lock
// and retries the whole function when SQLite still reports busy. Read() runs
// in a deferred transaction: a consistent snapshot beside a writer.
//
// Schema: see sqlite_schema.h. Opening refuses a database newer than this
// build. A new or older database opens, but Write/Read refuse it until
// Migrate() has brought it up to date.
#pragma once

#include <memory>
#include <string>

#include "common/status.h"
#include "store/store.h"

namespace dondoc::store {

inline constexpr int kMaxSqliteConnections = 8;

// Opens or creates the database at `path` (":memory:" for a private
// in-memory database).
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path);

}  // namespace dondoc::store
