#include "store/open.h"

#include <string>

#include "store/sqlite_store.h"
#ifdef DONDOC_WITH_POSTGRES
#include "store/postgres_store.h"
#endif

namespace dondoc::store {

Result<std::unique_ptr<Store>> OpenStore(std::string_view url) {
  constexpr std::string_view kSqlite = "sqlite:";
  if (url.starts_with(kSqlite)) {
    const std::string path(url.substr(kSqlite.size()));
    if (path.empty()) return Status::InvalidInput("store URL \"sqlite:\" needs a path");
    return OpenSqliteStore(path);
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
#ifdef DONDOC_WITH_POSTGRES
    return OpenPostgresStore(url);
#else
    // Not the URL itself: it may hold a password.
    return Status::InvalidInput(
        "PostgreSQL support not built (configure with -DDONDOC_POSTGRES=ON)");
#endif
  }
  return Status::InvalidInput("unknown store URL \"" + std::string(url) +
                              "\": expected sqlite:PATH, sqlite::memory: or postgresql://...");
}

}  // namespace dondoc::store
