#include "service/actor.h"

#include <string>

namespace dondoc::service {

const char* RoleName(Role role) {
  switch (role) {
    case Role::kAdmin:
      return "admin";
    case Role::kOffice:
      return "office";
    case Role::kAgency:
      return "agency";
    case Role::kLeader:
      return "leader";
    case Role::kViewer:
      return "viewer";
  }
  return "viewer";
}

Result<Role> ParseRole(std::string_view name) {
  for (Role role : {Role::kAdmin, Role::kOffice, Role::kAgency, Role::kLeader, Role::kViewer}) {
    if (name == RoleName(role)) return role;
  }
  return Status::InvalidInput("unknown role '" + std::string(name) +
                              "': expected admin, office, agency, leader or viewer");
}

}  // namespace dondoc::service
