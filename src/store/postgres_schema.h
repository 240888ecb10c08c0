// The PostgreSQL schema as versioned migrations, step for step the SQLite
// schema (sqlite_schema.h) with the same version numbers, tables, columns
// and indexes, so that both stores answer alike. Where the SQL differs:
//
//   - the version is a one-row table schema_version (SQLite: user_version);
//   - ids are identity columns, dates are DATE, instants TIMESTAMPTZ,
//     flags BOOLEAN, numbers DOUBLE PRECISION, span offsets BIGINT;
//     task_timeline keeps integer days (days since 1970-01-01) as in SQLite;
//   - step 3 (search) is a tsvector column on documents with a GIN index,
//     built with the text search configuration dondoc_vi: the default
//     parser, then unaccent (contrib; folds diacritics and đ -> d), then
//     simple (lower case). Title words weigh A, body words D, so that a
//     title match ranks ten times a body match as in the SQLite store;
//   - step 7 (audit) makes the log append-only with a plpgsql trigger.
//
// Steps run under a transaction-scoped advisory lock (kMigrationLockKey), so
// concurrent migrators apply each step once. Steps are never edited once
// released: a change is a new step.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace dondoc::store::pg {

inline constexpr int kLatestSchemaVersion = 8;

// pg_advisory_xact_lock key held while a migration step runs ("dondoc").
inline constexpr int64_t kMigrationLockKey = 0x646f6e646f63;

// The text search configuration of documents.search.
inline constexpr std::string_view kSearchConfig = "dondoc_vi";

struct Migration {
  int version = 0;  // the version this step produces
  std::string_view sql;
  bool rebuild_timelines = false;  // recompute task_timeline after the SQL
};

// Steps 1..kLatestSchemaVersion in order. There is no step 4 (an SQLite
// index, added here by step 6); the version numbers stay the same in both
// dialects.
const std::vector<Migration>& Migrations();

}  // namespace dondoc::store::pg
