// The tracking domain: what the office follows up, as plain values.
//
// Nothing here knows about SQL, HTTP or JSON. Ids are assigned by the store
// (0 = not stored yet). Every mutable fact about a task is an event
// (TaskEvent), never an overwrite, so that the state of any task on any past
// day can be rebuilt (see task_status.h). Agencies are effective-dated and
// linked by successions, so work follows an agency through the 2025 mergers
// while history keeps the agency that was assigned.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/period.h"

namespace dondoc::core {

using Id = int64_t;

// ---------------------------------------------------------------- agencies

enum class AgencyKind {
  kProvincialCommittee,  // Ủy ban nhân dân tỉnh
  kOffice,               // Văn phòng UBND, Văn phòng HĐND
  kDepartment,           // Sở
  kBoard,                // Ban quản lý, Ban Dân tộc
  kSector,               // ngành dọc: Công an, Bộ Chỉ huy Quân sự, Thuế, BHXH
  kDistrictCommittee,    // UBND huyện, thành phố (abolished 1 July 2025)
  kCommuneCommittee,     // UBND xã, phường
  kMassOrganisation,     // Mặt trận, Hội, Đoàn
  kCentral,              // Bộ, ngành Trung ương, Chính phủ
  kOther,
};
const char* AgencyKindName(AgencyKind kind);  // "department", ...
Result<AgencyKind> ParseAgencyKind(std::string_view name);

struct Agency {
  Id id = 0;
  std::string name;          // canonical, NFC: "Sở Kế hoạch và Đầu tư"
  std::string abbreviation;  // "Sở KH&ĐT"; may be empty
  AgencyKind kind = AgencyKind::kOther;
  std::optional<Id> parent_id;
  Date valid_from{};             // first day it exists
  std::optional<Date> valid_to;  // first day it no longer exists
};

enum class SuccessionKind { kMerge, kSplit, kRename, kTransfer };
const char* SuccessionKindName(SuccessionKind kind);
Result<SuccessionKind> ParseSuccessionKind(std::string_view name);

// On `effective`, the predecessor's open work passes to the successor when
// `inherits_open_tasks` (for a split, exactly one successor should).
struct Succession {
  Id id = 0;
  Id predecessor_id = 0;
  Id successor_id = 0;
  Date effective{};
  SuccessionKind kind = SuccessionKind::kMerge;
  bool inherits_open_tasks = true;
  std::string note;
};

// ---------------------------------------------------------------- documents

// 1-based lines and byte offsets [start, end) of the document's original
// input (see extract/model.h).
struct SourceSpan {
  uint32_t line_start = 0;
  uint32_t line_end = 0;
  uint32_t start = 0;
  uint32_t end = 0;
  friend bool operator==(const SourceSpan&, const SourceSpan&) = default;
};

struct Document {
  Id id = 0;
  std::string kind;                   // "Kế hoạch", "Công văn", ...
  std::optional<std::string> number;  // canonical "23/QĐ-UBND"
  std::optional<Date> date;
  std::optional<Id> issuer_agency_id;
  std::string issuer_name;  // as extracted, also when not in the agency table
  std::string title;
  std::string source_name;    // file name as uploaded
  std::string source_format;  // "text", "docx", "pdf"
  std::string source_sha256;  // hex of the original bytes
  std::string cleaned_text;
  Timestamp registered_at{};
};

// A citation from one document to another; `to_document_id` is set when the
// cited document is itself stored (the citation graph).
struct DocumentLink {
  Id id = 0;
  Id from_document_id = 0;
  std::optional<Id> to_document_id;
  std::string kind;
  std::optional<std::string> number;
  std::optional<Date> date;
  std::string issuer_name;
  std::string title;
  std::optional<SourceSpan> span;
};

// ---------------------------------------------------------------- review queue

enum class ProposalKind { kTask, kTarget, kResult, kReportingRule, kReference };
enum class ProposalState { kProposed, kConfirmed, kRejected };
const char* ProposalKindName(ProposalKind kind);  // "task", "target", ...
const char* ProposalStateName(ProposalState state);
Result<ProposalKind> ParseProposalKind(std::string_view name);
Result<ProposalState> ParseProposalState(std::string_view name);

// An extracted item waiting for a person. Nothing becomes tracked until it
// is confirmed; `payload_json` is the item as extracted (or as edited by the
// reviewer) in the extraction contract's JSON shape.
struct Proposal {
  Id id = 0;
  Id document_id = 0;
  ProposalKind kind = ProposalKind::kTask;
  ProposalState state = ProposalState::kProposed;
  std::string summary;  // one line for lists
  std::string payload_json;
  std::optional<SourceSpan> span;
  Timestamp created_at{};
  std::optional<Timestamp> decided_at;
  std::optional<Id> decided_by;       // user id
  std::optional<Id> created_item_id;  // the task/target/figure it became
  std::string decision_note;
};

// ---------------------------------------------------------------- tasks

enum class Cadence { kWeekly, kMonthly, kQuarterly, kHalfYearly, kAnnual };
const char* CadenceName(Cadence cadence);  // weekly monthly quarterly 6-month annual
Result<Cadence> ParseCadence(std::string_view name);

struct Recurrence {
  Cadence cadence = Cadence::kMonthly;
  std::optional<int> day;  // "trước ngày 20 hằng tháng" -> 20
  std::string text;
};

// A task as assigned. What happens to it later is in its events.
struct Task {
  Id id = 0;
  std::optional<Id> document_id;
  std::optional<SourceSpan> span;
  std::optional<Id> parent_id;      // a sub-task delegated from this one
  std::optional<Id> obligation_id;  // generated by a recurring obligation
  std::optional<Period> period;     // the period it was generated for
  Id lead_agency_id = 0;            // as assigned; history keeps it
  std::string text;
  Date assigned_on{};
  std::optional<Date> deadline;  // the first deadline; extensions are events
  std::string deadline_text;     // as written: "đến hết quý II năm 2024"
  Timestamp created_at{};
};

// A coordinating agency of a task, with its own acknowledgement and
// contribution. The task's status is the lead's, never the coordinator's.
struct Coordination {
  Id task_id = 0;
  Id agency_id = 0;
  std::optional<Date> acknowledged_on;
  std::string contribution;
};

enum class TaskEventKind {
  kProgress,            // progress_percent and/or note
  kCompleted,           // effective_on = completion day; note = evidence
  kReopened,            // a completion found wanting
  kExtensionRequested,  // deadline = the day asked for; note = why
  kExtensionApproved,   // deadline = the new deadline in force from effective_on
  kExtensionRefused,
  kReassigned,  // agency_id = the new lead from effective_on
  kCancelled,   // leaves every count from effective_on
  kComment,
};
const char* TaskEventKindName(TaskEventKind kind);  // "completed", ...
Result<TaskEventKind> ParseTaskEventKind(std::string_view name);

struct TaskEvent {
  Id id = 0;
  Id task_id = 0;
  TaskEventKind kind = TaskEventKind::kComment;
  Date effective_on{};      // the business day it takes effect
  Timestamp recorded_at{};  // when it was entered
  std::optional<Id> actor_user_id;
  std::optional<Date> deadline;
  std::optional<Id> agency_id;
  std::optional<int> progress_percent;  // 0..100
  std::optional<Id> request_event_id;   // approval/refusal -> its request
  std::string note;
};

// A duty that recurs ("báo cáo trước ngày 20 hằng tháng"): it generates one
// task per period for its agency (core/obligations.h).
struct Obligation {
  Id id = 0;
  std::optional<Id> document_id;
  Id agency_id = 0;
  std::string text;
  Recurrence recurrence;
  Date starts_on{};
  std::optional<Date> ends_on;
  std::optional<Id> regime_id;  // when it is a reporting duty
};

// ---------------------------------------------------------------- indicators

enum class Direction { kHigherIsBetter, kLowerIsBetter };

struct Indicator {
  Id id = 0;
  std::string name;  // "Tốc độ tăng trưởng GRDP"
  std::string unit;  // "%", "tỷ đồng", "ha", ...
  Direction direction = Direction::kHigherIsBetter;
};

enum class Comparator { kGe, kLe, kEq, kGt, kLt, kRange, kApprox };
const char* ComparatorSymbol(Comparator comparator);  // >= <= = > < range approx
Result<Comparator> ParseComparator(std::string_view symbol);

// A planned value. One figure may have several plans for the same period
// (the central government's estimate and the province's): `plan_source`
// tells them apart, and both are kept.
struct Target {
  Id id = 0;
  Id indicator_id = 0;
  Period period;
  std::optional<Id> agency_id;  // accountable agency
  std::optional<double> value;  // unset for a range
  std::optional<double> low;
  std::optional<double> high;
  Comparator comparator = Comparator::kGe;
  std::string plan_source;  // "province", "central", a document number...
  std::optional<Id> document_id;
  std::optional<SourceSpan> span;
};

// A reported actual value for a period, as submitted.
struct Figure {
  Id id = 0;
  Id indicator_id = 0;
  std::optional<Id> agency_id;
  Period period;
  double value = 0;
  bool estimate = false;  // "ước", "dự kiến"
  Timestamp submitted_at{};
  std::optional<Id> submitted_by;
  std::optional<Id> document_id;
  std::string note;
};

// ---------------------------------------------------------------- reporting

// A periodic reporting duty. The data window defaults to Decree 09/2019
// (core/period.h: DataWindow); the submission deadline is day `due_day` of
// the month `due_month_offset` months after the period's last month
// (0 = in the last month itself: "trước ngày 20 hằng tháng" is 0/20).
struct ReportingRegime {
  Id id = 0;
  std::string name;
  Cadence cadence = Cadence::kMonthly;
  int due_month_offset = 0;
  int due_day = 20;
  std::optional<Id> recipient_agency_id;  // "gửi về"
  std::optional<Id> via_agency_id;        // "qua Sở KH&ĐT"
};

struct ReportSubmission {
  Id id = 0;
  Id regime_id = 0;
  Id agency_id = 0;
  Period period;
  Timestamp submitted_at{};
  std::optional<Id> document_id;
};

// ---------------------------------------------------------------- calendar

// An exception to "Monday to Friday are working days", kept as data per
// year: public holidays, and the days swapped around them each year.
enum class CalendarDayKind {
  kHoliday,     // a public holiday (may fall on any weekday)
  kDayOff,      // a weekday given off by a swap
  kWorkingDay,  // a weekend day worked in exchange
};
const char* CalendarDayKindName(CalendarDayKind kind);
Result<CalendarDayKind> ParseCalendarDayKind(std::string_view name);

struct CalendarDay {
  Date date{};
  CalendarDayKind kind = CalendarDayKind::kHoliday;
  std::string name;  // "Tết Nguyên đán", "Giỗ Tổ Hùng Vương", "làm bù"
};

}  // namespace dondoc::core
