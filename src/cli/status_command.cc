// dondoc status [--db URL] [--as-of DATE] [--by agency] [--agency A]
//               [--format table|json|csv]
//
// The four-way task counts as of a day (service/tracking.h), in total and
// per lead agency. JSON keys follow the extraction contract's task_stats:
// done_on_time, done_late, open_in_time, open_overdue, plus no_deadline and
// total.

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/table_output.h"
#include "cli/tracking_flags.h"
#include "service/tracking.h"

namespace dondoc::cli {
namespace {

constexpr std::string_view kStatusHelp =
    "Usage: dondoc status [--db URL] [--as-of YYYY-MM-DD] [--by agency] [--agency AGENCY]\n"
    "                     [--format table|json|csv]\n"
    "\n"
    "Counts the tracked tasks as they stood on a day (tình hình thực hiện nhiệm vụ):\n"
    "  done_on_time  hoàn thành đúng hạn       done_late     hoàn thành nhưng quá hạn\n"
    "  open_in_time  chưa hoàn thành, trong hạn open_overdue  đã trễ hạn, chưa hoàn thành\n"
    "no_deadline counts the open tasks without a deadline (also in open_in_time); total is\n"
    "the sum of the four. Counts for a past day are those the system gave on that day.\n"
    "\n"
    "Options:\n"
    "  --db URL         sqlite:PATH (default sqlite:./dondoc.db) or postgresql://...\n"
    "  --as-of DATE     the day, YYYY-MM-DD (default today)\n"
    "  --by agency      one line per lead agency, then the total\n"
    "  --agency AGENCY  only this agency's tasks\n"
    "  --format FORMAT  table (default), json or csv\n"
    "  --province NAME  the province, to match agency names stored with it\n";

boost::json::object CountsJson(const core::StatusCounts& c) {
  return {{"done_on_time", c.done_on_time}, {"done_late", c.done_late},
          {"open_in_time", c.open_in_time}, {"open_overdue", c.open_overdue},
          {"no_deadline", c.no_deadline},   {"total", c.total}};
}

Row CountCells(const core::StatusCounts& c) {
  return {std::to_string(c.done_on_time), std::to_string(c.done_late),
          std::to_string(c.open_in_time), std::to_string(c.open_overdue),
          std::to_string(c.no_deadline),  std::to_string(c.total)};
}

}  // namespace

int RunStatus(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (WantsHelp(args)) {
    out << kStatusHelp;
    return kExitOk;
  }
  ArgWalker w("status", args, err);
  std::string url(kDefaultDbUrl);
  core::Date as_of = Today();
  bool by_agency = false;
  std::optional<std::string> agency;
  std::string province;
  OutputFormat format = OutputFormat::kTable;
  while (!w.Done()) {
    const std::string& a = w.Next();
    if (a == "--db") {
      if (auto v = w.Value(a)) url = *v;
    } else if (a == "--as-of") {
      if (auto d = w.DateValue(a)) as_of = *d;
    } else if (a == "--by") {
      if (auto v = w.Value(a)) {
        if (*v == "agency") {
          by_agency = true;
        } else {
          w.Fail("--by must be 'agency', not '" + *v + "'");
        }
      }
    } else if (a == "--agency") {
      if (auto v = w.Value(a)) agency = *v;
    } else if (a == "--format") {
      if (auto f = w.FormatValue(a)) format = *f;
    } else if (a == "--province") {
      if (auto v = w.Value(a)) province = *v;
    } else {
      w.Fail(a.starts_with("-") ? "unknown option '" + a + "'" : "unexpected argument '" + a + "'");
    }
  }
  if (!w.ok()) return kExitUsage;

  auto db = OpenDatabase(url, /*for_migration=*/false);
  if (!db.ok()) return Fail("status", db.status(), err);
  auto report = service::CountStatuses(**db, service::Actor::System(), as_of, agency, province);
  if (!report.ok()) return Fail("status", report.status(), err);

  if (format == OutputFormat::kJson) {
    boost::json::object root{{"as_of", core::FormatIsoDate(as_of)},
                             {"total", CountsJson(report->total)}};
    if (by_agency) {
      boost::json::array list;
      for (const service::AgencyCounts& a : report->by_agency) {
        boost::json::object o = CountsJson(a.counts);
        o["agency_id"] = a.agency_id;
        o["agency"] = a.agency_name;
        list.push_back(std::move(o));
      }
      root["by_agency"] = std::move(list);
    }
    out << boost::json::serialize(root) << "\n";
    return out.good() ? kExitOk : kExitInternal;
  }
  const bool csv = format == OutputFormat::kCsv;
  Row header{"agency_id",    "agency",       "done_on_time", "done_late",
             "open_in_time", "open_overdue", "no_deadline",  "total"};
  if (!csv) header.erase(header.begin());
  std::vector<Row> rows;
  rows.reserve(report->by_agency.size() + 1);
  if (by_agency) {
    for (const service::AgencyCounts& a : report->by_agency) {
      Row row{std::to_string(a.agency_id), a.agency_name};
      if (!csv) row.erase(row.begin());
      for (std::string& cell : CountCells(a.counts)) row.push_back(std::move(cell));
      rows.push_back(std::move(row));
    }
  }
  Row total{"", csv ? "total" : "Tổng cộng (total)"};
  if (!csv) total.erase(total.begin());
  for (std::string& cell : CountCells(report->total)) total.push_back(std::move(cell));
  rows.push_back(std::move(total));
  if (csv) {
    WriteCsv(header, rows, out);
  } else {
    out << "Tasks as of " << core::FormatIsoDate(as_of) << " (tính đến ngày "
        << core::FormatIsoDate(as_of) << ")\n";
    WriteTable(header, rows, out);
  }
  return out.good() ? kExitOk : kExitInternal;
}

}  // namespace dondoc::cli
