// The words the demo data generator (service/demo_data.h) is made of:
// agencies of a province with their real names and abbreviations, the
// 2025-style department mergers, syllables for place names, document kinds,
// and the phrases task texts, notes and indicators are composed from.
//
// All text is Vietnamese in NFC. It is data, written for the generator; none
// of it is copied from real documents.
#pragma once

#include <span>
#include <string_view>

#include "core/model.h"

namespace dondoc::service::demo {

// A provincial agency. `code` is the issuer code in document numbers
// ("SKHĐT" in "45/KH-SKHĐT"); empty when it does not issue documents here.
struct ProvincialAgency {
  std::string_view name;  // "{p}" stands for the province name
  std::string_view abbreviation;
  core::AgencyKind kind;
  std::string_view code;
};

// The essential agencies first (the committee, its office and every
// department taking part in the mergers), so that a small demo keeps them.
std::span<const ProvincialAgency> ProvincialAgencies();
// How many of ProvincialAgencies() every demo needs.
inline constexpr int kEssentialAgencies = 14;

// A department merger on 1 March: `predecessor` passes its open work to
// `successor` (names as in ProvincialAgencies()). A split lists one row
// that inherits and others that do not.
struct Merger {
  std::string_view predecessor;
  std::string_view successor;
  core::SuccessionKind kind;
  bool inherits_open_tasks;
  std::string_view note;
};
std::span<const Merger> Mergers();
// Agencies that only exist from the merger day (the new departments).
bool CreatedByMerger(std::string_view name);

// A specialised office of a district committee: "Phòng Tư pháp" + " huyện X".
struct DistrictOffice {
  std::string_view name;
  std::string_view abbreviation;
};
std::span<const DistrictOffice> DistrictOffices();

std::span<const std::string_view> Provinces();
// Syllables place names are built from ("Tân" + "Phú").
std::span<const std::string_view> PlaceFirstSyllables();
std::span<const std::string_view> PlaceSecondSyllables();

// A kind of document: its name, the code in its number ("KH" in
// "12/KH-UBND"; empty for an official letter, numbered "12/UBND-KTTH"),
// its title prefix and the relative number of tasks it assigns.
struct DocumentKind {
  std::string_view name;
  std::string_view code;
  std::string_view title_prefix;
  int task_weight;
  int frequency;  // relative share among documents
};
std::span<const DocumentKind> DocumentKinds();
// Topics of plans and letters: "chuyển đổi số", ...
std::span<const std::string_view> Topics();
// Units of the provincial office that sign letters ("KTTH" in "UBND-KTTH").
std::span<const std::string_view> OfficeUnits();

// Task texts: verb + object + qualifier.
std::span<const std::string_view> TaskVerbs();
std::span<const std::string_view> TaskObjects();
std::span<const std::string_view> TaskQualifiers();
std::span<const std::string_view> Contributions();
std::span<const std::string_view> NoDeadlineTexts();

// Notes on events.
std::span<const std::string_view> ExtensionReasons();
std::span<const std::string_view> RefusalNotes();
std::span<const std::string_view> ReopenNotes();
std::span<const std::string_view> CancelNotes();
std::span<const std::string_view> ReassignNotes();
std::span<const std::string_view> CompletionNotes();
std::span<const std::string_view> Comments();

// An indicator of the socio-economic plan with a plausible yearly plan.
struct DemoIndicator {
  std::string_view name;
  std::string_view unit;
  core::Direction direction;
  double plan;                   // the yearly plan value (or the range's low end)
  double plan_high;              // > plan for a range target ("7,5-8%"), else 0
  bool cumulative;               // a flow reported as months to date; else a rate
  std::string_view accountable;  // a name from ProvincialAgencies()
  double central_plan;           // a second plan (the central government's), 0 = none
};
std::span<const DemoIndicator> Indicators();

// Reporting regimes.
struct DemoRegime {
  std::string_view name;
  core::Cadence cadence;
  int due_month_offset;
  int due_day;
};
std::span<const DemoRegime> Regimes();

}  // namespace dondoc::service::demo
