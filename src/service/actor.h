// Who is asking. Every use case in src/service takes the Actor and checks
// what it may do before touching the store, so that the HTTP layer, the CLI
// and any future caller get the same permissions.
//
// Roles (design brief, "Who uses it"):
//   kAdmin   everything, including users and agencies;
//   kOffice  Văn phòng UBND: registers documents, reviews proposals, assigns,
//            follows up every task;
//   kAgency  agency staff: sees and updates only tasks where its agency is
//            lead or coordinating, submits its own figures;
//   kLeader  reads everything, approves or refuses extensions;
//   kViewer  reads everything, changes nothing.
// The command line acts as the system (kAdmin) on a database it can open.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "core/model.h"

namespace dondoc::service {

enum class Role { kAdmin, kOffice, kAgency, kLeader, kViewer };
const char* RoleName(Role role);  // admin office agency leader viewer
Result<Role> ParseRole(std::string_view name);

struct Actor {
  std::optional<core::Id> user_id;  // unset for the system
  Role role = Role::kViewer;
  std::optional<core::Id> agency_id;  // required for kAgency
  std::string name;                   // for messages and the audit trail

  static Actor System() { return Actor{std::nullopt, Role::kAdmin, std::nullopt, "system"}; }
};

}  // namespace dondoc::service
