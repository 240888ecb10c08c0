// Agency names as extracted or typed -> stored agencies.
//
// Extraction gives canonical gazetteer names without the province ("Sở Tài
// chính"); a store may hold them with it ("Sở Tài chính tỉnh Kon Tum") or
// by abbreviation. ResolveAgency tries the name as given, then without and
// with the province, each through the store's FindAgency (diacritic- and
// case-insensitive, among agencies in existence on the day). An unknown name
// is InvalidInput naming it and listing the closest stored names. Names the
// stored list lacks are also tried in the gazetteer's full form
// (extract/agencies.h: "Sở KH&ĐT" -> "Sở Kế hoạch và Đầu tư").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "core/model.h"
#include "store/store.h"

namespace dondoc::service {

// The agency named `name` on day `on`, or nullopt when none matches.
// `province` ("Kon Tum") may be empty.
Result<std::optional<core::Agency>> FindAgencyByName(store::Transaction& tx, std::string_view name,
                                                     core::Date on, std::string_view province);

// As FindAgencyByName, but an unknown name is InvalidInput:
//   unknown agency "Sở Tài chánh" on 2024-03-01 (không tìm thấy cơ quan);
//   close matches: "Sở Tài chính", "Sở Tư pháp"
Result<core::Agency> ResolveAgency(store::Transaction& tx, std::string_view name, core::Date on,
                                   std::string_view province);

// Up to `limit` names of agencies in existence on `on` closest to `name`
// (rarer shared words weigh more: "Sở" alone matches nothing), for messages.
Result<std::vector<std::string>> CloseAgencyNames(store::Transaction& tx, std::string_view name,
                                                  core::Date on, size_t limit = 3);

}  // namespace dondoc::service
