// The one narrow interface to storage, with two implementations behind it:
// embedded SQLite (store/sqlite_store.h, the default) and PostgreSQL 15
// (store/postgres_store.h). Open one with OpenStore (store/open.h) from a URL:
// "sqlite:PATH" or "postgresql://...".
//
// All work happens inside a transaction: Write() runs `work` in one
// read-write transaction, commits when it returns ok and rolls back
// otherwise (nothing half-written), retrying the whole function when the
// database reports a conflict (busy, serialization failure), so `work` must
// not have side effects outside the transaction. Read() runs `work` in a
// read-only snapshot.
//
// Errors: bad data (unknown agency, duplicate document number from the same
// issuer, deadline before assignment, invalid period) are InvalidInput with
// a message that names the offending value; a missing id is NotFound.
//
// Task statuses: the store keeps, beside each task's events, its timeline
// (core::BuildTimeline), rebuilt in the same transaction whenever an event,
// a task or a succession is added, and from the timelines the running
// counts per agency and day (store/status_totals.h), so that counts as of
// any day read one row per agency. core/task_status.h is the reference the
// queries must agree with.
//
// Audit: every write through Write() is recorded by the store itself, in the
// same transaction, as a hash-chained record naming who (the AuditActor
// given to Write) did what (store/audit.h). Nothing changes without a record.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "core/model.h"
#include "core/reminders.h"
#include "core/task_status.h"
#include "store/audit.h"

namespace dondoc::store {

using core::Id;

struct DocumentFilter {
  std::optional<std::string> kind;
  std::optional<Id> issuer_agency_id;
  // Exact hex SHA-256 of the original bytes: finds an earlier import of the
  // same file (service/import.h refuses it).
  std::optional<std::string> source_sha256;
  // Exact canonical number ("23/QĐ-UBND"): links a citation to the stored
  // document it names.
  std::optional<std::string> number;
  int limit = 50;
  std::optional<Id> before_id;  // keyset paging, newest first
};

struct SearchHit {
  Id document_id = 0;
  std::string title;
  std::string snippet;  // with the matched words between [ and ]
  double rank = 0;      // higher is better
};

// Which tasks to list; every set field narrows the list.
struct TaskFilter {
  std::optional<Id> agency_id;        // lead on as_of (successions applied)
  bool include_coordinating = false;  // also tasks where agency_id coordinates
  std::optional<core::TaskStatus> status;
  core::Date as_of{};  // required: statuses and leads are as of this day
  std::optional<Id> document_id;
  std::optional<core::Date> due_from;  // deadline in force, inclusive
  std::optional<core::Date> due_to;
  std::optional<std::string> text;  // diacritic-insensitive substring
  int limit = 50;                   // 1..1000
  std::optional<Id> after_id;       // keyset paging, by id ascending
};

// Whose notifications to list: one recipient (the office, an agency, a
// user), newest first.
struct NotificationFilter {
  bool office = false;          // those addressed to the office
  std::optional<Id> agency_id;  // those addressed to this agency
  std::optional<Id> user_id;    // those addressed to this user
  bool unread_only = false;
  int limit = 50;               // 1..1000
  std::optional<Id> before_id;  // keyset paging, by id descending
};

// A task with what is true of it on the filter's as_of day.
struct TaskView {
  core::Task task;
  Id lead_agency_id = 0;  // on as_of
  core::TaskStatus status = core::TaskStatus::kOpenInTime;
  std::optional<core::Date> deadline;  // in force on as_of
  std::optional<core::Date> completed_on;
};

// A task to add in bulk (Transaction::AddTasksInBulk) with its
// coordinations and its events.
struct NewTask {
  core::Task task;  // id ignored
  // An earlier task of the same call as the parent, instead of task.parent_id.
  std::optional<size_t> parent_index;
  std::vector<core::Coordination> coordinating;  // task_id ignored
  struct Event {
    core::TaskEvent event;  // task_id and request_event_id ignored
    // The earlier event of this task that it answers (an extension request).
    std::optional<size_t> request_index;
  };
  std::vector<Event> events;
};

// The ids given to a NewTask and to its events, in order.
struct NewTaskIds {
  Id task_id = 0;
  std::vector<Id> event_ids;
};

class Transaction {
 public:
  virtual ~Transaction() = default;

  // Agencies and their history.
  virtual Result<Id> AddAgency(const core::Agency& agency) = 0;
  virtual Result<core::Agency> GetAgency(Id id) = 0;
  // Agencies in existence on `on` (all when unset), by name.
  virtual Result<std::vector<core::Agency>> ListAgencies(std::optional<core::Date> on) = 0;
  // By canonical name or abbreviation, diacritic- and case-insensitive,
  // among agencies in existence on `on`.
  virtual Result<std::optional<core::Agency>> FindAgency(std::string_view name, core::Date on) = 0;
  virtual Result<Id> AddSuccession(const core::Succession& succession) = 0;
  virtual Result<std::vector<core::Succession>> ListSuccessions() = 0;

  // Documents and the citation graph.
  virtual Result<Id> AddDocument(const core::Document& document) = 0;
  virtual Result<core::Document> GetDocument(Id id) = 0;
  virtual Result<std::vector<core::Document>> ListDocuments(const DocumentFilter& filter) = 0;
  // Full text over title and cleaned text; diacritics folded, đ = d.
  virtual Result<std::vector<SearchHit>> SearchDocuments(std::string_view query, int limit) = 0;
  virtual Result<Id> AddDocumentLink(const core::DocumentLink& link) = 0;
  virtual Result<std::vector<core::DocumentLink>> ListDocumentLinks(Id from_document_id) = 0;

  // Review queue.
  virtual Result<Id> AddProposal(const core::Proposal& proposal) = 0;
  virtual Result<core::Proposal> GetProposal(Id id) = 0;
  virtual Result<std::vector<core::Proposal>> ListProposals(
      std::optional<Id> document_id, std::optional<core::ProposalState> state) = 0;
  virtual Status UpdateProposal(const core::Proposal& proposal) = 0;

  // Tasks and their history.
  virtual Result<Id> AddTask(const core::Task& task,
                             const std::vector<core::Coordination>& coordinating) = 0;
  virtual Result<core::Task> GetTask(Id id) = 0;
  virtual Result<std::vector<core::Coordination>> ListCoordinations(Id task_id) = 0;
  virtual Status UpdateCoordination(const core::Coordination& coordination) = 0;
  virtual Result<Id> AddTaskEvent(const core::TaskEvent& event) = 0;
  virtual Result<std::vector<core::TaskEvent>> ListTaskEvents(Id task_id) = 0;
  virtual Result<std::vector<TaskView>> ListTasks(const TaskFilter& filter) = 0;
  // The four-way counts as of `as_of`, per lead agency on that day.
  virtual Result<std::vector<core::AgencyStatusCounts>> CountTaskStatuses(core::Date as_of) = 0;
  virtual Result<Id> AddObligation(const core::Obligation& obligation) = 0;
  virtual Result<std::vector<core::Obligation>> ListObligations() = 0;

  // Indicators, plans and reported figures.
  virtual Result<Id> AddIndicator(const core::Indicator& indicator) = 0;
  virtual Result<core::Indicator> GetIndicator(Id id) = 0;
  virtual Result<std::vector<core::Indicator>> ListIndicators() = 0;
  virtual Result<Id> AddTarget(const core::Target& target) = 0;
  virtual Result<std::vector<core::Target>> ListTargets(std::optional<Id> indicator_id) = 0;
  virtual Result<Id> AddFigure(const core::Figure& figure) = 0;
  virtual Result<std::vector<core::Figure>> ListFigures(std::optional<Id> indicator_id) = 0;

  // Reporting regimes and submissions.
  virtual Result<Id> AddReportingRegime(const core::ReportingRegime& regime) = 0;
  virtual Result<std::vector<core::ReportingRegime>> ListReportingRegimes() = 0;
  virtual Result<Id> AddReportSubmission(const core::ReportSubmission& submission) = 0;
  virtual Result<std::vector<core::ReportSubmission>> ListReportSubmissions(Id regime_id) = 0;

  // Working calendar exceptions (holidays, swapped days), per year.
  virtual Status PutCalendarDay(const core::CalendarDay& day) = 0;
  virtual Result<std::vector<core::CalendarDay>> ListCalendarDays(int year) = 0;

  // Bulk loading and the running status counts (store/status_totals.h).
  //
  // Adds tasks with their coordinations and events as AddTask and
  // AddTaskEvent would, with the same checks (the first failure names the
  // task's index and nothing is written), but each task's timeline is built
  // once and the rows go in big statements (PostgreSQL: COPY). The running
  // counts per agency are marked stale instead of being updated: counts stay
  // exact (from the timelines) but slower until RebuildStatusTotals.
  virtual Result<std::vector<NewTaskIds>> AddTasksInBulk(const std::vector<NewTask>& tasks) = 0;
  // Recomputes the running counts per agency from the timelines in one
  // statement and marks them current.
  virtual Status RebuildStatusTotals() = 0;

  // ---------------------------------------------------------------- audit
  // The trail (store/audit.h). Records are appended by the store, never by
  // callers: each mutating method above adds one in its transaction.
  // Records with seq > after_seq, by seq, at most `limit` (1..10000).
  virtual Result<std::vector<AuditRecord>> ListAuditRecords(int64_t after_seq, int limit) = 0;
  // The records about one entity ("task", "42"), oldest first.
  virtual Result<std::vector<AuditRecord>> ListEntityAudit(std::string_view entity_kind,
                                                           std::string_view entity_id) = 0;
  // The last record's seq and hash as kept in the head row (0 and
  // kAuditGenesisHash before the first record).
  virtual Result<AuditHead> GetAuditHead() = 0;

  // Sub-tasks (service/tasks.h): the ids of the tasks delegated from
  // `parent_id` (Task::parent_id), ascending; empty when there are none or
  // no such task.
  virtual Result<std::vector<Id>> ListSubtaskIds(Id parent_id) = 0;

  // -------------------------------------------------------- notifications
  // Notifications (core/reminders.h). AddNotification stores it unless one
  // with the same key exists: the new id, or nullopt (nothing written) when
  // the key is taken, so that a scheduler pass run twice adds nothing.
  virtual Result<std::optional<Id>> AddNotification(const core::Notification& notification) = 0;
  virtual Result<core::Notification> GetNotification(Id id) = 0;
  // The set fields of the filter are alternatives (office OR agency OR
  // user); none set lists nothing.
  virtual Result<std::vector<core::Notification>> ListNotifications(
      const NotificationFilter& filter) = 0;
  // Sets read_at once (a second call keeps the first time). NotFound.
  virtual Status MarkNotificationRead(Id id, core::Timestamp at) = 0;
  // Notifications not yet sent by e-mail, oldest first; and marking one sent.
  virtual Result<std::vector<core::Notification>> ListUnsentNotifications(int limit) = 0;
  virtual Status MarkNotificationEmailed(Id id, core::Timestamp at) = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // The schema version of the open database, and the newest this build knows.
  virtual Result<int> SchemaVersion() = 0;
  virtual int LatestSchemaVersion() const = 0;
  // Upgrades an older database in place, each step in its own transaction;
  // refuses a database newer than this build with a message saying so.
  virtual Status Migrate() = 0;
  // Integrity and foreign-key checks; InvalidInput listing what is wrong.
  virtual Status Check() = 0;
  // A consistent copy of the whole database at `path` (SQLite: a database
  // file; PostgreSQL: a plain SQL dump).
  virtual Status Backup(const std::string& path) = 0;

  // `actor` is who the audit records of this transaction name; the form
  // without one writes as AuditActor::System() (the command line, jobs).
  virtual Status Write(const AuditActor& actor,
                       const std::function<Status(Transaction&)>& work) = 0;
  Status Write(const std::function<Status(Transaction&)>& work) {
    return Write(AuditActor::System(), work);
  }
  virtual Status Read(const std::function<Status(Transaction&)>& work) = 0;
};

}  // namespace dondoc::store
