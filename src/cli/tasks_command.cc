// dondoc tasks [--db URL] [--agency A] [--coordinating] [--status S]
//              [--as-of DATE] [--document ID] [--text T] [--limit N]
//              [--format table|json|csv]
//
// The tracked tasks as of a day, with their lead (on that day), deadline in
// force and status (service/tracking.h).

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/table_output.h"
#include "cli/tracking_flags.h"
#include "service/summary.h"
#include "service/tracking.h"

namespace dondoc::cli {
namespace {

constexpr std::string_view kTasksHelp =
    "Usage: dondoc tasks [--db URL] [--agency AGENCY] [--coordinating] [--status STATUS]\n"
    "                    [--as-of YYYY-MM-DD] [--document ID] [--text TEXT] [--limit N]\n"
    "                    [--format table|json|csv]\n"
    "\n"
    "Lists tracked tasks (danh sách nhiệm vụ) as they stood on a day: the lead agency on that\n"
    "day (after reassignments and agency mergers), the deadline in force, the completion day\n"
    "and the status: done_on_time, done_late, open_in_time or open_overdue.\n"
    "\n"
    "Options:\n"
    "  --db URL         sqlite:PATH (default sqlite:./dondoc.db) or postgresql://...\n"
    "  --agency AGENCY  only tasks this agency leads (name or abbreviation)\n"
    "  --coordinating   with --agency: also tasks it coordinates\n"
    "  --status STATUS  done_on_time, done_late, open_in_time or open_overdue\n"
    "  --as-of DATE     the day, YYYY-MM-DD (default today)\n"
    "  --document ID    only tasks from this document\n"
    "  --text TEXT      only tasks whose text contains TEXT (accents optional)\n"
    "  --limit N        at most N tasks (default all)\n"
    "  --format FORMAT  table (default), json or csv\n"
    "  --province NAME  the province, to match agency names stored with it\n";

std::string OptDate(const std::optional<core::Date>& d) {
  return d ? core::FormatIsoDate(*d) : std::string();
}

std::string Join(const std::vector<std::string>& names) {
  std::string s;
  for (const std::string& n : names) {
    if (!s.empty()) s += "; ";
    s += n;
  }
  return s;
}

}  // namespace

int RunTasks(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (WantsHelp(args)) {
    out << kTasksHelp;
    return kExitOk;
  }
  ArgWalker w("tasks", args, err);
  std::string url(kDefaultDbUrl);
  OutputFormat format = OutputFormat::kTable;
  service::TaskQuery query;
  query.as_of = Today();
  while (!w.Done()) {
    const std::string& a = w.Next();
    if (a == "--db") {
      if (auto v = w.Value(a)) url = *v;
    } else if (a == "--agency") {
      if (auto v = w.Value(a)) query.agency = *v;
    } else if (a == "--coordinating") {
      query.include_coordinating = true;
    } else if (a == "--status") {
      if (auto v = w.Value(a)) {
        auto status = core::ParseTaskStatus(*v);
        if (!status.ok()) {
          w.Fail("--status must be done_on_time, done_late, open_in_time or open_overdue, not '" +
                 *v + "'");
        } else {
          query.status = *status;
        }
      }
    } else if (a == "--as-of") {
      if (auto d = w.DateValue(a)) query.as_of = *d;
    } else if (a == "--document") {
      query.document_id = w.IdValue(a);
    } else if (a == "--text") {
      if (auto v = w.Value(a)) query.text = *v;
    } else if (a == "--limit") {
      if (auto n = w.IdValue(a)) query.limit = static_cast<int>(std::min<core::Id>(*n, 1 << 30));
    } else if (a == "--format") {
      if (auto f = w.FormatValue(a)) format = *f;
    } else if (a == "--province") {
      if (auto v = w.Value(a)) query.province = *v;
    } else {
      w.Fail(a.starts_with("-") ? "unknown option '" + a + "'" : "unexpected argument '" + a + "'");
    }
  }
  if (w.ok() && query.include_coordinating && !query.agency) {
    w.Fail("--coordinating needs --agency");
  }
  if (!w.ok()) return kExitUsage;

  auto db = OpenDatabase(url, /*for_migration=*/false);
  if (!db.ok()) return Fail("tasks", db.status(), err);
  auto rows = service::ListTasks(**db, service::Actor::System(), query);
  if (!rows.ok()) return Fail("tasks", rows.status(), err);

  if (format == OutputFormat::kJson) {
    boost::json::array list;
    for (const service::TaskRow& r : *rows) {
      const store::TaskView& v = r.view;
      boost::json::array coordinating;
      for (const std::string& n : r.coordinating_names) coordinating.emplace_back(n);
      auto date_or_null = [](const std::optional<core::Date>& d) -> boost::json::value {
        if (!d) return nullptr;
        return boost::json::value(core::FormatIsoDate(*d));
      };
      list.push_back(boost::json::object{
          {"id", v.task.id},
          {"document_id", v.task.document_id ? boost::json::value(*v.task.document_id) : nullptr},
          {"lead_agency_id", v.lead_agency_id},
          {"lead", r.lead_name},
          {"coordinating", std::move(coordinating)},
          {"text", v.task.text},
          {"assigned_on", core::FormatIsoDate(v.task.assigned_on)},
          {"deadline", date_or_null(v.deadline)},
          {"deadline_text", v.task.deadline_text},
          {"completed_on", date_or_null(v.completed_on)},
          {"status", core::TaskStatusName(v.status)}});
    }
    boost::json::object root{{"as_of", core::FormatIsoDate(query.as_of)},
                             {"tasks", std::move(list)}};
    out << boost::json::serialize(root) << "\n";
    return out.good() ? kExitOk : kExitInternal;
  }
  std::vector<Row> table;
  table.reserve(rows->size());
  for (const service::TaskRow& r : *rows) {
    const store::TaskView& v = r.view;
    const std::string text =
        format == OutputFormat::kCsv ? v.task.text : service::CutText(v.task.text, 60);
    table.push_back({std::to_string(v.task.id), core::TaskStatusName(v.status), r.lead_name,
                     OptDate(v.deadline), OptDate(v.completed_on), text});
    if (format == OutputFormat::kCsv) table.back().push_back(Join(r.coordinating_names));
  }
  if (format == OutputFormat::kCsv) {
    WriteCsv({"id", "status", "lead", "deadline", "completed_on", "text", "coordinating"}, table,
             out);
  } else {
    WriteTable({"id", "status", "lead", "deadline", "completed", "text"}, table, out);
    out << rows->size() << " tasks as of " << core::FormatIsoDate(query.as_of) << "\n";
  }
  return out.good() ? kExitOk : kExitInternal;
}

}  // namespace dondoc::cli
