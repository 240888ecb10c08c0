// Names of the domain's enums as stored and shown in JSON: lower-case
// English, stable (they are keys in the databases).
#include "core/model.h"

#include <array>
#include <string>
#include <utility>

#include "core/task_status.h"

namespace dondoc::core {
namespace {

template <typename Enum, size_t N>
const char* NameOf(const std::array<std::pair<Enum, const char*>, N>& table, Enum value) {
  for (const auto& [key, name] : table) {
    if (key == value) return name;
  }
  return "unknown";
}

template <typename Enum, size_t N>
Result<Enum> ParseName(const std::array<std::pair<Enum, const char*>, N>& table,
                       std::string_view name, const char* what) {
  for (const auto& [key, entry] : table) {
    if (name == entry) return key;
  }
  std::string known;
  for (const auto& [key, entry] : table) {
    if (!known.empty()) known += ", ";
    known += entry;
  }
  return Status::InvalidInput("unknown " + std::string(what) + " '" + std::string(name) +
                              "' (expected one of: " + known + ")");
}

constexpr std::array<std::pair<AgencyKind, const char*>, 10> kAgencyKinds{{
    {AgencyKind::kProvincialCommittee, "provincial_committee"},
    {AgencyKind::kOffice, "office"},
    {AgencyKind::kDepartment, "department"},
    {AgencyKind::kBoard, "board"},
    {AgencyKind::kSector, "sector"},
    {AgencyKind::kDistrictCommittee, "district_committee"},
    {AgencyKind::kCommuneCommittee, "commune_committee"},
    {AgencyKind::kMassOrganisation, "mass_organisation"},
    {AgencyKind::kCentral, "central"},
    {AgencyKind::kOther, "other"},
}};

constexpr std::array<std::pair<SuccessionKind, const char*>, 4> kSuccessionKinds{{
    {SuccessionKind::kMerge, "merge"},
    {SuccessionKind::kSplit, "split"},
    {SuccessionKind::kRename, "rename"},
    {SuccessionKind::kTransfer, "transfer"},
}};

constexpr std::array<std::pair<ProposalKind, const char*>, 5> kProposalKinds{{
    {ProposalKind::kTask, "task"},
    {ProposalKind::kTarget, "target"},
    {ProposalKind::kResult, "result"},
    {ProposalKind::kReportingRule, "reporting_rule"},
    {ProposalKind::kReference, "reference"},
}};

constexpr std::array<std::pair<ProposalState, const char*>, 3> kProposalStates{{
    {ProposalState::kProposed, "proposed"},
    {ProposalState::kConfirmed, "confirmed"},
    {ProposalState::kRejected, "rejected"},
}};

constexpr std::array<std::pair<Cadence, const char*>, 5> kCadences{{
    {Cadence::kWeekly, "weekly"},
    {Cadence::kMonthly, "monthly"},
    {Cadence::kQuarterly, "quarterly"},
    {Cadence::kHalfYearly, "6-month"},
    {Cadence::kAnnual, "annual"},
}};

constexpr std::array<std::pair<TaskEventKind, const char*>, 9> kTaskEventKinds{{
    {TaskEventKind::kProgress, "progress"},
    {TaskEventKind::kCompleted, "completed"},
    {TaskEventKind::kReopened, "reopened"},
    {TaskEventKind::kExtensionRequested, "extension_requested"},
    {TaskEventKind::kExtensionApproved, "extension_approved"},
    {TaskEventKind::kExtensionRefused, "extension_refused"},
    {TaskEventKind::kReassigned, "reassigned"},
    {TaskEventKind::kCancelled, "cancelled"},
    {TaskEventKind::kComment, "comment"},
}};

constexpr std::array<std::pair<Comparator, const char*>, 7> kComparators{{
    {Comparator::kGe, ">="},
    {Comparator::kLe, "<="},
    {Comparator::kEq, "="},
    {Comparator::kGt, ">"},
    {Comparator::kLt, "<"},
    {Comparator::kRange, "range"},
    {Comparator::kApprox, "approx"},
}};

constexpr std::array<std::pair<CalendarDayKind, const char*>, 3> kCalendarDayKinds{{
    {CalendarDayKind::kHoliday, "holiday"},
    {CalendarDayKind::kDayOff, "day_off"},
    {CalendarDayKind::kWorkingDay, "working_day"},
}};

constexpr std::array<std::pair<TaskStatus, const char*>, 4> kTaskStatuses{{
    {TaskStatus::kDoneOnTime, "done_on_time"},
    {TaskStatus::kDoneLate, "done_late"},
    {TaskStatus::kOpenInTime, "open_in_time"},
    {TaskStatus::kOpenOverdue, "open_overdue"},
}};

}  // namespace

const char* AgencyKindName(AgencyKind kind) { return NameOf(kAgencyKinds, kind); }
Result<AgencyKind> ParseAgencyKind(std::string_view name) {
  return ParseName(kAgencyKinds, name, "agency kind");
}

const char* SuccessionKindName(SuccessionKind kind) { return NameOf(kSuccessionKinds, kind); }
Result<SuccessionKind> ParseSuccessionKind(std::string_view name) {
  return ParseName(kSuccessionKinds, name, "succession kind");
}

const char* ProposalKindName(ProposalKind kind) { return NameOf(kProposalKinds, kind); }
const char* ProposalStateName(ProposalState state) { return NameOf(kProposalStates, state); }
Result<ProposalKind> ParseProposalKind(std::string_view name) {
  return ParseName(kProposalKinds, name, "proposal kind");
}
Result<ProposalState> ParseProposalState(std::string_view name) {
  return ParseName(kProposalStates, name, "proposal state");
}

const char* CadenceName(Cadence cadence) { return NameOf(kCadences, cadence); }
Result<Cadence> ParseCadence(std::string_view name) {
  return ParseName(kCadences, name, "cadence");
}

const char* TaskEventKindName(TaskEventKind kind) { return NameOf(kTaskEventKinds, kind); }
Result<TaskEventKind> ParseTaskEventKind(std::string_view name) {
  return ParseName(kTaskEventKinds, name, "task event kind");
}

const char* ComparatorSymbol(Comparator comparator) { return NameOf(kComparators, comparator); }
Result<Comparator> ParseComparator(std::string_view symbol) {
  return ParseName(kComparators, symbol, "comparator");
}

const char* CalendarDayKindName(CalendarDayKind kind) { return NameOf(kCalendarDayKinds, kind); }
Result<CalendarDayKind> ParseCalendarDayKind(std::string_view name) {
  return ParseName(kCalendarDayKinds, name, "calendar day kind");
}

const char* TaskStatusName(TaskStatus status) { return NameOf(kTaskStatuses, status); }
Result<TaskStatus> ParseTaskStatus(std::string_view name) {
  return ParseName(kTaskStatuses, name, "task status");
}

}  // namespace dondoc::core
