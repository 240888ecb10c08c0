// Opening a store from its URL:
//   sqlite:PATH          a SQLite database file (created when missing)
//   sqlite::memory:      a private in-memory SQLite database (tests)
//   postgresql://...     a PostgreSQL 15 database (libpq connection URI)
// The store is not migrated on open: call Store::Migrate (dondoc db migrate)
// on a new or older database before use.
#pragma once

#include <memory>
#include <string_view>

#include "common/status.h"
#include "store/store.h"

namespace dondoc::store {

Result<std::unique_ptr<Store>> OpenStore(std::string_view url);

}  // namespace dondoc::store
