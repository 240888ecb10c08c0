// The PostgreSQL 15 implementation of store::Store, over libpq.
//
// URL: a libpq connection URI, postgresql://user[:password]@host[:port]/db
// (query parameters such as ?sslmode=require are passed on). Connection
// errors are IoError naming host:port/database; a malformed URL is
// InvalidInput. Messages never contain the password.
//
// Threads: a store may be shared by any number of threads. Each Write/Read
// borrows a connection from a small pool (at most kMaxPostgresConnections,
// opened on demand; a caller waits when all are in use), so each connection
// serves one thread at a time.
//
// Transactions: Write() runs `work` in BEGIN ISOLATION LEVEL SERIALIZABLE.
// PostgreSQL then guarantees that concurrent writers (threads, processes,
// other hosts) behave as if one ran after the other, without explicit
// locks; when it cannot, a statement or the COMMIT fails with 40001
// (serialization failure) or 40P01 (deadlock), and the whole function runs
// again on a fresh transaction, up to kWriteAttempts times with a short
// random back-off. Read() runs in REPEATABLE READ READ ONLY: one snapshot,
// and any write inside it is refused by the server.
//
// Schema: postgres_schema.h. As in SQLite, opening refuses a database newer
// than this build; an older or empty one opens, but Write/Read refuse it
// until Migrate() has brought it up to date. Migrate() takes an advisory
// lock per step, so concurrent migrators (two processes starting at once)
// apply each step once.
//
// Backup(path) writes a plain SQL dump with pg_dump (DONDOC_PG_DUMP, else
// the PostgreSQL 15 binary, else pg_dump on PATH); the password, if any,
// reaches it through PGPASSWORD, not the command line.
#pragma once

#include <memory>
#include <string_view>

#include "common/status.h"
#include "store/store.h"

namespace dondoc::store {

inline constexpr int kMaxPostgresConnections = 8;

// Connects to the database at `url` and checks its schema version.
Result<std::unique_ptr<Store>> OpenPostgresStore(std::string_view url);

}  // namespace dondoc::store
