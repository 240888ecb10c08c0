// Agencies: a gazetteer of Vietnamese provincial government and a matcher
// that finds agency mentions in text and gives their canonical names.
//
// The gazetteer (data/agencies.tsv) lists the standard structure of a
// province: people's committee and council, the committee office, every
// department (Sở), boards (Ban quản lý khu kinh tế, ...), sectors (Công an
// tỉnh, Bộ Chỉ huy Quân sự tỉnh, Bảo hiểm xã hội tỉnh, Kho bạc, Cục Thuế,
// ...), mass organisations, district and commune committees, central
// ministries and the Government, with abbreviations (UBND, Sở KH&ĐT, Sở
// TN&MT, Sở LĐ-TB&XH, BQL KKT, ...), titles that stand for an agency
// (Giám đốc Sở X -> Sở X; Chánh Văn phòng UBND tỉnh -> Văn phòng UBND tỉnh;
// Trưởng ban X -> Ban X; Thủ trưởng các sở -> các sở), collective actors
// ("các sở, ban ngành", "UBND các huyện, thành phố"), and the 2025
// successor of each merged department. The province name is a parameter:
// "Sở Tài chính tỉnh Kon Tum" and "Sở Tài chính" are the same agency.
//
// Matching is by whole words compared with text::ComparisonKey (case and
// tone placement do not matter); "&" reads as "và"; a comma or dash is
// optional where a name has one ("Sở Văn hóa Thể thao và Du lịch") and ends
// the name elsewhere ("của tỉnh, Ủy ban" is no "Tỉnh ủy"). A name (or its
// title) must contain a capital letter in running text ("chính phủ điện tử"
// is no agency); collective actors ("các đơn vị liên quan") need none. A
// list under one head ("các Sở: Tài chính, Xây dựng và Y tế") gives one
// mention per member. Collectives of one family share one canonical name
// ("các sở, ngành" -> "Các sở, ban ngành, đơn vị thuộc tỉnh"). The columns
// of data/agencies.tsv are described at its top.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace dondoc::extract {

enum class AgencyKind {
  kPeoplesCommittee,  // UBND tỉnh/huyện/xã
  kPeoplesCouncil,
  kPartyCommittee,
  kOffice,            // Văn phòng ...
  kDepartment,        // Sở
  kBoard,             // Ban, Ban quản lý
  kSector,            // Công an, Quân sự, Thuế, Kho bạc, BHXH, ngân hàng, ...
  kMassOrganisation,  // Mặt trận, Đoàn, Hội ...
  kCentral,           // Chính phủ, Thủ tướng, Bộ ...
  kCollective,        // "các sở, ban ngành", "UBND các huyện, thành phố"
  kOther,
};

// Short lower-case name of a kind ("department", "collective", ...), as in
// the kind column of data/agencies.tsv.
std::string_view AgencyKindName(AgencyKind kind);

struct AgencyMention {
  std::string canonical;  // full NFC name without title or province: "Sở Kế hoạch và Đầu tư"
  std::string as_written;  // the exact text matched, title included: "Giám đốc Sở KH&ĐT"
  AgencyKind kind = AgencyKind::kOther;
  bool via_title = false;  // matched through a title (Giám đốc, Thủ trưởng, ...)
  size_t begin = 0;        // byte range in the searched text
  size_t end = 0;
};

struct AgencySuccession {
  std::string successor;  // canonical name of the successor agency
  std::string effective;  // ISO date the change took effect ("2025-03-01")
};

class Gazetteer {
 public:
  // Loads data/agencies.tsv (DONDOC_SOURCE_DATA_DIR or $DONDOC_DATA_DIR).
  // `province` is the province name ("Kon Tum"); empty means any.
  static Result<std::shared_ptr<const Gazetteer>> LoadDefault(std::string province = "");
  static Result<std::shared_ptr<const Gazetteer>> FromText(std::string_view tsv,
                                                           std::string province = "");
  virtual ~Gazetteer() = default;

  // Every agency mention in `text` (UTF-8, NFC), longest match first,
  // non-overlapping, in order of position.
  virtual std::vector<AgencyMention> Find(std::string_view text) const = 0;
  // Canonical name of a whole agency string, or nullopt if it is none.
  virtual std::optional<AgencyMention> Canonicalize(std::string_view name) const = 0;
  // The successor of a canonical agency, if it was merged or renamed.
  virtual std::optional<AgencySuccession> SuccessorOf(std::string_view canonical) const = 0;
};

}  // namespace dondoc::extract
