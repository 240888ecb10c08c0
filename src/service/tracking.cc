#include "service/tracking.h"

#include <algorithm>
#include <map>
#include <utility>

#include "service/agency_names.h"
#include "service/permissions.h"
#include "text/vietnamese.h"

namespace dondoc::service {
namespace {

constexpr int kPageSize = 1000;

// Agency names by id, each read once per call.
class AgencyNames {
 public:
  explicit AgencyNames(store::Transaction& tx) : tx_(tx) {}
  // Reads every agency in one query: cheaper than one read per id when
  // most agencies are named (the dashboard).
  Status LoadAll() {
    Result<std::vector<core::Agency>> all = tx_.ListAgencies(std::nullopt);
    if (!all.ok()) return all.status();
    for (core::Agency& agency : *all) names_[agency.id] = std::move(agency.name);
    return Status::Ok();
  }
  Result<std::string> Name(core::Id id) {
    auto it = names_.find(id);
    if (it != names_.end()) return it->second;
    Result<core::Agency> agency = tx_.GetAgency(id);
    if (!agency.ok()) return agency.status();
    names_[id] = agency->name;
    return agency->name;
  }

 private:
  store::Transaction& tx_;
  std::map<core::Id, std::string> names_;
};

// The agency id the actor asks about, within what it may see.
Result<std::optional<core::Id>> ScopedAgency(store::Transaction& tx, const Actor& actor,
                                             const std::optional<std::string>& agency,
                                             core::Date on, const std::string& province) {
  std::optional<core::Id> wanted;
  if (agency) {
    Result<core::Agency> found = ResolveAgency(tx, *agency, on, province);
    if (!found.ok()) return found.status();
    wanted = found->id;
  }
  const std::optional<core::Id> visible = VisibleAgency(actor);
  if (!visible) return wanted;
  if (wanted && *wanted != *visible) {
    return Status::PermissionDenied(
        "permission denied (không có quyền): agency staff may see only their own agency's "
        "tasks, not those of \"" +
        *agency + "\"");
  }
  return visible;
}

Status CheckReader(const Actor& actor) {
  // Agency staff are scoped, everyone else needs the global read.
  if (actor.role == Role::kAgency) {
    return actor.agency_id ? Status::Ok() : Check(actor, Action::kReadAllTasks);
  }
  return Check(actor, Action::kReadAllTasks);
}

}  // namespace

Result<std::vector<TaskRow>> ListTasks(store::Store& store, const Actor& actor,
                                       const TaskQuery& query) {
  if (Status s = CheckReader(actor); !s.ok()) return s;
  if (query.limit < 0) return Status::InvalidInput("a negative task limit");
  if (query.due_from && query.due_to && *query.due_to < *query.due_from) {
    return Status::InvalidInput("due_to " + core::FormatIsoDate(*query.due_to) +
                                " is before due_from " + core::FormatIsoDate(*query.due_from));
  }
  std::vector<TaskRow> rows;
  Status s = store.Read([&](store::Transaction& tx) -> Status {
    rows.clear();
    Result<std::optional<core::Id>> agency =
        ScopedAgency(tx, actor, query.agency, query.as_of, query.province);
    if (!agency.ok()) return agency.status();
    store::TaskFilter filter;
    filter.agency_id = *agency;
    filter.include_coordinating = query.include_coordinating || actor.role == Role::kAgency;
    filter.status = query.status;
    filter.as_of = query.as_of;
    filter.document_id = query.document_id;
    filter.due_from = query.due_from;
    filter.due_to = query.due_to;
    filter.text = query.text;
    filter.after_id = query.after_id;
    AgencyNames names(tx);
    while (true) {
      const size_t wanted =
          query.limit > 0 ? static_cast<size_t>(query.limit) - rows.size() : size_t{kPageSize};
      filter.limit = static_cast<int>(std::min<size_t>(wanted, kPageSize));
      Result<std::vector<store::TaskView>> page = tx.ListTasks(filter);
      if (!page.ok()) return page.status();
      for (store::TaskView& view : *page) {
        TaskRow row;
        Result<std::string> lead = names.Name(view.lead_agency_id);
        if (!lead.ok()) return lead.status();
        row.lead_name = std::move(lead.value());
        Result<std::vector<core::Coordination>> coordinations = tx.ListCoordinations(view.task.id);
        if (!coordinations.ok()) return coordinations.status();
        for (const core::Coordination& c : *coordinations) {
          Result<std::string> name = names.Name(c.agency_id);
          if (!name.ok()) return name.status();
          row.coordinating_names.push_back(std::move(name.value()));
        }
        row.view = std::move(view);
        rows.push_back(std::move(row));
      }
      const bool full = static_cast<int>(page->size()) == filter.limit;
      if (!full || page->empty()) break;
      if (query.limit > 0 && rows.size() >= static_cast<size_t>(query.limit)) break;
      filter.after_id = rows.back().view.task.id;
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return rows;
}

Result<StatusReport> CountStatuses(store::Store& store, const Actor& actor, core::Date as_of,
                                   const std::optional<std::string>& agency,
                                   const std::string& province) {
  if (Status s = CheckReader(actor); !s.ok()) return s;
  StatusReport report;
  report.as_of = as_of;
  Status s = store.Read([&](store::Transaction& tx) -> Status {
    report.by_agency.clear();
    report.total = core::StatusCounts{};
    Result<std::optional<core::Id>> only = ScopedAgency(tx, actor, agency, as_of, province);
    if (!only.ok()) return only.status();
    Result<std::vector<core::AgencyStatusCounts>> counts = tx.CountTaskStatuses(as_of);
    if (!counts.ok()) return counts.status();
    AgencyNames names(tx);
    if (counts->size() > 64) {
      if (Status loaded = names.LoadAll(); !loaded.ok()) return loaded;
    }
    for (const core::AgencyStatusCounts& c : *counts) {
      if (*only && c.agency_id != **only) continue;
      if (c.counts.total == 0) continue;
      Result<std::string> name = names.Name(c.agency_id);
      if (!name.ok()) return name.status();
      report.by_agency.push_back(AgencyCounts{c.agency_id, std::move(name.value()), c.counts});
      core::StatusCounts& t = report.total;
      t.done_on_time += c.counts.done_on_time;
      t.done_late += c.counts.done_late;
      t.open_in_time += c.counts.open_in_time;
      t.open_overdue += c.counts.open_overdue;
      t.no_deadline += c.counts.no_deadline;
      t.total += c.counts.total;
    }
    // By name: each key computed once (computing both keys in the
    // comparator took most of the dashboard's time with 5 000 agencies).
    std::vector<std::pair<std::string, AgencyCounts>> keyed;
    keyed.reserve(report.by_agency.size());
    for (AgencyCounts& row : report.by_agency) {
      keyed.emplace_back(text::ComparisonKey(row.agency_name), std::move(row));
    }
    std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : a.second.agency_id < b.second.agency_id;
    });
    for (size_t i = 0; i < keyed.size(); ++i) report.by_agency[i] = std::move(keyed[i].second);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return report;
}

}  // namespace dondoc::service
