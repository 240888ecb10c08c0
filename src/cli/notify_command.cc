// dondoc notify [--db URL] [--as-of DATE] [--format table|json]
//
// One reminder pass (service/notifications.h: RunReminders) as of a day:
// reminders 7, 3 and 1 days before each deadline, overdue notices, reports
// due or missing, to the agencies and the office. Idempotent: a second run
// on the same day creates nothing. `dondoc serve` runs the same pass on a
// timer; this command is for cron or a catch-up by hand.

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/tracking_flags.h"
#include "service/import.h"
#include "service/notifications.h"

namespace dondoc::cli {
namespace {

constexpr std::string_view kNotifyHelp =
    "Usage: dondoc notify [--db URL] [--as-of YYYY-MM-DD] [--format table|json]\n"
    "\n"
    "Runs one reminder pass (nhắc việc) as of a day: a reminder 7, 3 and 1 calendar days\n"
    "before each open task's deadline (moved back to a working day when it falls on a day\n"
    "off), an overdue notice the day after a deadline passes (catching up at most a week),\n"
    "and for each periodic report not yet submitted, reminders before its due day and a\n"
    "notice when it is missing. Each goes to the agency and to the office. Running the\n"
    "pass again creates nothing new.\n"
    "\n"
    "Options:\n"
    "  --db URL         sqlite:PATH (default sqlite:./dondoc.db) or postgresql://...\n"
    "  --as-of DATE     the day, YYYY-MM-DD (default today in UTC+7)\n"
    "  --format FORMAT  table (default) or json\n";

}  // namespace

int RunNotify(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (WantsHelp(args)) {
    out << kNotifyHelp;
    return kExitOk;
  }
  ArgWalker w("notify", args, err);
  std::string url(kDefaultDbUrl);
  core::Date as_of = Today();
  OutputFormat format = OutputFormat::kTable;
  while (!w.Done()) {
    const std::string& a = w.Next();
    if (a == "--db") {
      if (auto v = w.Value(a)) url = *v;
    } else if (a == "--as-of") {
      if (auto d = w.DateValue(a)) as_of = *d;
    } else if (a == "--format") {
      if (auto f = w.FormatValue(a)) {
        if (*f == OutputFormat::kCsv) {
          w.Fail("--format must be table or json");
        } else {
          format = *f;
        }
      }
    } else {
      w.Fail(a.starts_with("-") ? "unknown option '" + a + "'" : "unexpected argument '" + a + "'");
    }
  }
  if (!w.ok()) return kExitUsage;

  auto db = OpenDatabase(url, /*for_migration=*/false);
  if (!db.ok()) return Fail("notify", db.status(), err);
  auto run = service::RunReminders(**db, service::Actor::System(), as_of, service::NowUtc());
  if (!run.ok()) return Fail("notify", run.status(), err);
  if (format == OutputFormat::kJson) {
    out << boost::json::serialize(boost::json::object{{"as_of", core::FormatIsoDate(as_of)},
                                                      {"created", run->created},
                                                      {"existing", run->existing}})
        << "\n";
  } else {
    out << "Reminders as of " << core::FormatIsoDate(as_of) << ": " << run->created
        << " created (tạo mới), " << run->existing << " already there (đã có)\n";
  }
  return out.good() ? kExitOk : kExitInternal;
}

}  // namespace dondoc::cli
