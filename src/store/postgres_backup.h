// Plain SQL dumps of a PostgreSQL store with pg_dump (internal to
// src/store; see postgres_store.h for which binary is used).
#pragma once

#include <string>

#include "common/status.h"
#include "store/postgres_conn.h"

namespace dondoc::store::pg {

// Dumps the database `connection` is connected to into `path` (created or
// replaced). IoError with pg_dump's own message when it fails, or saying
// that pg_dump is missing.
Status DumpDatabase(PgConnection& connection, const std::string& path);

}  // namespace dondoc::store::pg
