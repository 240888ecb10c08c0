// dondoc db migrate|check|backup [--db URL] [--to FILE]
//
// Database housekeeping (store/store.h): upgrade the schema in place, check
// integrity, write a consistent copy.

#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/tracking_flags.h"

namespace dondoc::cli {
namespace {

constexpr std::string_view kDbHelp =
    "Usage: dondoc db migrate [--db URL]\n"
    "       dondoc db check [--db URL]\n"
    "       dondoc db backup --to FILE [--db URL]\n"
    "\n"
    "  migrate  create the database or upgrade an older one in place (each step in its own\n"
    "           transaction); a database newer than this dondoc is refused\n"
    "  check    integrity and foreign-key checks; exit 2 listing what is wrong\n"
    "  backup   a consistent copy while others keep working (SQLite: a database file;\n"
    "           PostgreSQL: a plain SQL dump)\n"
    "\n"
    "Options:\n"
    "  --db URL   sqlite:PATH (default sqlite:./dondoc.db) or postgresql://...\n"
    "  --to FILE  backup: where to write the copy (must not exist)\n";

}  // namespace

int RunDb(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (WantsHelp(args)) {
    out << kDbHelp;
    return kExitOk;
  }
  ArgWalker w("db", args, err);
  std::string url(kDefaultDbUrl);
  std::string action;
  std::optional<std::string> to;
  while (!w.Done()) {
    const std::string& a = w.Next();
    if (a == "--db") {
      if (auto v = w.Value(a)) url = *v;
    } else if (a == "--to") {
      to = w.Value(a);
    } else if (a.starts_with("-")) {
      w.Fail("unknown option '" + a + "'");
    } else if (action.empty()) {
      if (a != "migrate" && a != "check" && a != "backup") {
        w.Fail("unknown action '" + a + "': expected migrate, check or backup");
      }
      action = a;
    } else {
      w.Fail("unexpected argument '" + a + "'");
    }
  }
  if (w.ok() && action.empty()) w.Fail("missing action: migrate, check or backup");
  if (w.ok() && action == "backup" && !to) w.Fail("backup needs --to FILE");
  if (w.ok() && action != "backup" && to) w.Fail("--to applies to 'backup' only");
  if (!w.ok()) return kExitUsage;

  auto db = OpenDatabase(url, /*for_migration=*/action == "migrate");
  if (!db.ok()) return Fail("db", db.status(), err);
  store::Store& store = **db;
  if (action == "migrate") {
    Result<int> before = store.SchemaVersion();
    if (!before.ok()) return Fail("db", before.status(), err);
    if (Status s = store.Migrate(); !s.ok()) return Fail("db", s, err);
    Result<int> after = store.SchemaVersion();
    if (!after.ok()) return Fail("db", after.status(), err);
    if (*before == *after) {
      out << "Database " << url << " is up to date (schema version " << *after << ")\n";
    } else {
      out << "Migrated " << url << " from schema version " << *before << " to " << *after << "\n";
    }
  } else if (action == "check") {
    if (Status s = store.Check(); !s.ok()) return Fail("db", s, err);
    out << "Database " << url << " is consistent (kiểm tra: không có lỗi)\n";
  } else {
    if (Status s = store.Backup(*to); !s.ok()) return Fail("db", s, err);
    out << "Backed up " << url << " to " << *to << "\n";
  }
  return out.good() ? kExitOk : kExitInternal;
}

}  // namespace dondoc::cli
