#include "service/agencies.h"

#include <utility>

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
  Status s = store.Write([&](store::Transaction& tx) -> Status {
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

}  // namespace dondoc::service
