// dondoc agency list [--on DATE] [--format table|json|csv]
// dondoc agency add NAME [--abbreviation A] [--kind K] [--from DATE]
//                        [--to DATE] [--parent AGENCY]
//
// The agencies tasks are assigned to (service/agencies.h).

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/table_output.h"
#include "cli/tracking_flags.h"
#include "service/agencies.h"
#include "service/agency_names.h"

namespace dondoc::cli {
namespace {

constexpr std::string_view kAgencyHelp =
    "Usage: dondoc agency list [--on YYYY-MM-DD] [--format table|json|csv]\n"
    "       dondoc agency add NAME [--abbreviation ABBR] [--kind KIND] [--from YYYY-MM-DD]\n"
    "                              [--to YYYY-MM-DD] [--parent AGENCY]\n"
    "\n"
    "The agencies (cơ quan, đơn vị) that lead and coordinate tasks. Review matches the names\n"
    "in documents against this list, accents and case aside.\n"
    "\n"
    "Options:\n"
    "  --db URL             sqlite:PATH (default sqlite:./dondoc.db) or postgresql://...\n"
    "  --on DATE            list: agencies in existence on that day (default all)\n"
    "  --abbreviation ABBR  add: e.g. \"Sở KH&ĐT\"\n"
    "  --kind KIND          add: provincial_committee, office, department, board, sector,\n"
    "                       district_committee, commune_committee, mass_organisation,\n"
    "                       central or other (default other)\n"
    "  --from DATE          add: first day it exists (default 2000-01-01)\n"
    "  --to DATE            add: first day it no longer exists\n"
    "  --parent AGENCY      add: the agency it belongs to\n";

}  // namespace

int RunAgency(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (WantsHelp(args)) {
    out << kAgencyHelp;
    return kExitOk;
  }
  ArgWalker w("agency", args, err);
  std::string url(kDefaultDbUrl);
  std::string action;
  std::string name;
  std::optional<core::Date> on;
  std::optional<std::string> parent;
  OutputFormat format = OutputFormat::kTable;
  core::Agency agency;
  agency.valid_from = *core::MakeDate(2000, 1, 1);
  while (!w.Done()) {
    const std::string& a = w.Next();
    if (a == "--db") {
      if (auto v = w.Value(a)) url = *v;
    } else if (a == "--on") {
      on = w.DateValue(a);
    } else if (a == "--format") {
      if (auto f = w.FormatValue(a)) format = *f;
    } else if (a == "--abbreviation") {
      if (auto v = w.Value(a)) agency.abbreviation = *v;
    } else if (a == "--kind") {
      if (auto v = w.Value(a)) {
        auto kind = core::ParseAgencyKind(*v);
        if (!kind.ok()) {
          w.Fail(kind.status().message());
        } else {
          agency.kind = *kind;
        }
      }
    } else if (a == "--from") {
      if (auto d = w.DateValue(a)) agency.valid_from = *d;
    } else if (a == "--to") {
      agency.valid_to = w.DateValue(a);
    } else if (a == "--parent") {
      parent = w.Value(a);
    } else if (a.starts_with("-")) {
      w.Fail("unknown option '" + a + "'");
    } else if (action.empty()) {
      if (a != "list" && a != "add") w.Fail("unknown action '" + a + "': expected list or add");
      action = a;
    } else if (action == "add" && name.empty()) {
      name = a;
    } else {
      w.Fail("unexpected argument '" + a + "'");
    }
  }
  if (w.ok() && action.empty()) w.Fail("missing action: list or add");
  if (w.ok() && action == "add" && name.empty()) w.Fail("add needs the agency's NAME");
  if (!w.ok()) return kExitUsage;

  auto db = OpenDatabase(url, /*for_migration=*/false);
  if (!db.ok()) return Fail("agency", db.status(), err);
  const service::Actor actor = service::Actor::System();
  if (action == "add") {
    agency.name = name;
    if (parent) {
      core::Id parent_id = 0;
      Status s = (*db)->Read([&](store::Transaction& tx) -> Status {
        auto found = service::ResolveAgency(tx, *parent, agency.valid_from, "");
        if (!found.ok()) return found.status();
        parent_id = found->id;
        return Status::Ok();
      });
      if (!s.ok()) return Fail("agency", s, err);
      agency.parent_id = parent_id;
    }
    auto id = service::AddAgency(**db, actor, agency);
    if (!id.ok()) return Fail("agency", id.status(), err);
    out << "Added agency " << *id << ": " << name << "\n";
    return out.good() ? kExitOk : kExitInternal;
  }
  auto agencies = service::ListAgencies(**db, actor, on);
  if (!agencies.ok()) return Fail("agency", agencies.status(), err);
  if (format == OutputFormat::kJson) {
    boost::json::array list;
    for (const core::Agency& a : *agencies) {
      list.push_back(boost::json::object{
          {"id", a.id},
          {"name", a.name},
          {"abbreviation", a.abbreviation},
          {"kind", core::AgencyKindName(a.kind)},
          {"valid_from", core::FormatIsoDate(a.valid_from)},
          {"valid_to",
           a.valid_to ? boost::json::value(core::FormatIsoDate(*a.valid_to)) : nullptr}});
    }
    out << boost::json::serialize(list) << "\n";
    return out.good() ? kExitOk : kExitInternal;
  }
  std::vector<Row> rows;
  rows.reserve(agencies->size());
  for (const core::Agency& a : *agencies) {
    rows.push_back({std::to_string(a.id), a.name, a.abbreviation, core::AgencyKindName(a.kind),
                    core::FormatIsoDate(a.valid_from),
                    a.valid_to ? core::FormatIsoDate(*a.valid_to) : ""});
  }
  const Row header{"id", "name", "abbreviation", "kind", "from", "to"};
  if (format == OutputFormat::kCsv) {
    WriteCsv(header, rows, out);
  } else {
    WriteTable(header, rows, out);
  }
  return out.good() ? kExitOk : kExitInternal;
}

}  // namespace dondoc::cli
