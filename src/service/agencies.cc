#include "service/agencies.h"

#include <algorithm>
#include <utility>

#include "service/audit.h"
#include "service/permissions.h"

namespace dondoc::service {

Result<std::vector<core::Agency>> ListAgencies(store::Store& store, const Actor& actor,
                                               std::optional<core::Date> on) {
  if (Status s = Check(actor, Action::kReadDocuments); !s.ok()) return s;
  std::vector<core::Agency> agencies;
  Status s = store.Read([&](store::Transaction& tx) -> Status {
    Result<std::vector<core::Agency>> list = tx.ListAgencies(on);
    if (!list.ok()) return list.status();
    agencies = std::move(list.value());
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return agencies;
}

Result<core::Id> AddAgency(store::Store& store, const Actor& actor, const core::Agency& agency) {
  if (Status s = Check(actor, Action::kAdminister); !s.ok()) return s;
  core::Id id = 0;
  Status s = store.Write(AuditActorOf(actor), [&](store::Transaction& tx) -> Status {
    Result<std::optional<core::Agency>> same = tx.FindAgency(agency.name, agency.valid_from);
    if (!same.ok()) return same.status();
    if (same->has_value()) {
      return Status::InvalidInput("agency \"" + agency.name + "\" already exists (id " +
                                  std::to_string((*same)->id) + ")");
    }
    Result<core::Id> added = tx.AddAgency(agency);
    if (!added.ok()) return added.status();
    id = *added;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return id;
}

Result<AgencyDetail> GetAgencyDetail(store::Store& store, const Actor& actor, core::Id id) {
  if (Status s = Check(actor, Action::kReadDocuments); !s.ok()) return s;
  AgencyDetail detail;
  Status s = store.Read([&](store::Transaction& tx) -> Status {
    AgencyDetail d;
    Result<core::Agency> agency = tx.GetAgency(id);
    if (!agency.ok()) return agency.status();
    d.agency = std::move(agency.value());
    Result<std::vector<core::Agency>> all = tx.ListAgencies(std::nullopt);
    if (!all.ok()) return all.status();
    for (const core::Agency& a : *all) {
      if (d.agency.parent_id && a.id == *d.agency.parent_id) d.parent = a;
      if (a.parent_id == id) d.children.push_back(a);
    }
    Result<std::vector<core::Succession>> successions = tx.ListSuccessions();
    if (!successions.ok()) return successions.status();
    auto other = [&](core::Id other_id) -> Result<core::Agency> { return tx.GetAgency(other_id); };
    for (const core::Succession& link : *successions) {
      if (link.successor_id == id) {
        Result<core::Agency> from = other(link.predecessor_id);
        if (!from.ok()) return from.status();
        d.predecessors.push_back({link, std::move(from.value())});
      }
      if (link.predecessor_id == id) {
        Result<core::Agency> to = other(link.successor_id);
        if (!to.ok()) return to.status();
        d.successors.push_back({link, std::move(to.value())});
      }
    }
    auto by_day = [](const SuccessionLink& a, const SuccessionLink& b) {
      if (a.succession.effective != b.succession.effective) {
        return a.succession.effective < b.succession.effective;
      }
      return a.succession.id < b.succession.id;
    };
    std::sort(d.predecessors.begin(), d.predecessors.end(), by_day);
    std::sort(d.successors.begin(), d.successors.end(), by_day);
    detail = std::move(d);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return detail;
}

Result<core::Id> AddSuccession(store::Store& store, const Actor& actor,
                               const core::Succession& succession) {
  if (Status s = Check(actor, Action::kAdminister); !s.ok()) return s;
  core::Id id = 0;
  Status s = store.Write(AuditActorOf(actor), [&](store::Transaction& tx) -> Status {
    // The agency whose history this is: unknown is NotFound (the store's
    // InvalidInput is for the other side).
    if (Result<core::Agency> from = tx.GetAgency(succession.predecessor_id); !from.ok()) {
      return from.status();
    }
    Result<core::Id> added = tx.AddSuccession(succession);
    if (!added.ok()) return added.status();
    id = *added;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return id;
}

}  // namespace dondoc::service
