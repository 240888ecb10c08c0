// Agencies as a use case: listing and reading one with its history
// (anyone who reads documents), adding agencies and successions
// (administration), with the permission checks of service/permissions.h.
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

// A succession with the agency on its other side.
struct SuccessionLink {
  core::Succession succession;
  core::Agency other;  // the predecessor or the successor
};

struct AgencyDetail {
  core::Agency agency;
  std::optional<core::Agency> parent;
  std::vector<core::Agency> children;        // every agency whose parent it is, by name
  std::vector<SuccessionLink> predecessors;  // successions into it, by effective day
  std::vector<SuccessionLink> successors;    // successions out of it, by effective day
};

// NotFound for an unknown id. One read snapshot.
Result<AgencyDetail> GetAgencyDetail(store::Store& store, const Actor& actor, core::Id id);

// Records that `succession.predecessor_id`'s work passes to
// `succession.successor_id` on `succession.effective`. NotFound for an
// unknown predecessor; the store refuses an
// unknown successor, an agency succeeding itself, a cycle, and two inheriting
// successions of one agency on one day (InvalidInput); open tasks follow
// from that day on.
Result<core::Id> AddSuccession(store::Store& store, const Actor& actor,
                               const core::Succession& succession);

}  // namespace dondoc::service
