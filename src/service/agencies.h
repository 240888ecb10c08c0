// Agencies as a use case: listing (anyone) and adding (administration),
// with the permission checks of service/permissions.h.
#pragma once

#include <optional>
#include <vector>

#include "common/status.h"
#include "core/model.h"
#include "service/actor.h"
#include "store/store.h"

namespace dondoc::service {

// Agencies in existence on `on` (all when unset), by name.
Result<std::vector<core::Agency>> ListAgencies(store::Store& store, const Actor& actor,
                                               std::optional<core::Date> on);

// Adds `agency`; refuses a name already in use on its first day.
Result<core::Id> AddAgency(store::Store& store, const Actor& actor, const core::Agency& agency);

}  // namespace dondoc::service
