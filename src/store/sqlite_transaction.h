// The SQLite implementation of store::Transaction (internal to src/store).
//
// One object per Store::Write/Read call, over the connection that runs the
// transaction. Methods are spread over files by area: sqlite_agencies.cc,
// sqlite_documents.cc (documents, links, search, review queue),
// sqlite_tasks.cc (tasks, events, timeline, counts), sqlite_plans.cc
// (obligations, indicators, targets, figures, reporting, calendar).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/agency_history.h"
#include "store/audited_transaction.h"
#include "store/sqlite_db.h"
#include "store/status_totals.h"
#include "store/store.h"

// Early returns for Status and Result values inside the SQLite store.
// NOLINTBEGIN(bugprone-macro-parentheses): `lhs` may be a declaration.
#define STORE_RETURN_IF_ERROR(expr)        \
  do {                                     \
    ::dondoc::Status store_st_ = (expr);   \
    if (!store_st_.ok()) return store_st_; \
  } while (0)
#define STORE_CONCAT_INNER(a, b) a##b
#define STORE_CONCAT(a, b) STORE_CONCAT_INNER(a, b)
#define STORE_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                                \
  if (!tmp.ok()) return tmp.status();               \
  lhs = std::move(tmp).value()
#define STORE_ASSIGN_OR_RETURN(lhs, expr) \
  STORE_ASSIGN_OR_RETURN_IMPL(STORE_CONCAT(store_result_, __LINE__), lhs, expr)
// NOLINTEND(bugprone-macro-parentheses)

namespace dondoc::store::sqlite {

// to_day of a stretch that has not ended.
inline constexpr int64_t kOpenEnd = 2147483647;

inline int64_t DayNumber(core::Date date) { return date.time_since_epoch().count(); }
inline core::Date DateFromDayNumber(int64_t day) { return core::Date(std::chrono::days(day)); }

class SqliteTransaction final : public Transaction, public AuditAppender {
 public:
  explicit SqliteTransaction(Connection& connection) : db_(connection) {}

  Result<Id> AddAgency(const core::Agency& agency) override;
  Result<core::Agency> GetAgency(Id id) override;
  Result<std::vector<core::Agency>> ListAgencies(std::optional<core::Date> on) override;
  Result<std::optional<core::Agency>> FindAgency(std::string_view name, core::Date on) override;
  Result<Id> AddSuccession(const core::Succession& succession) override;
  Result<std::vector<core::Succession>> ListSuccessions() override;

  Result<Id> AddDocument(const core::Document& document) override;
  Result<core::Document> GetDocument(Id id) override;
  Result<std::vector<core::Document>> ListDocuments(const DocumentFilter& filter) override;
  Result<std::vector<SearchHit>> SearchDocuments(std::string_view query, int limit) override;
  Result<Id> AddDocumentLink(const core::DocumentLink& link) override;
  Result<std::vector<core::DocumentLink>> ListDocumentLinks(Id from_document_id) override;

  Result<Id> AddProposal(const core::Proposal& proposal) override;
  Result<core::Proposal> GetProposal(Id id) override;
  Result<std::vector<core::Proposal>> ListProposals(
      std::optional<Id> document_id, std::optional<core::ProposalState> state) override;
  Status UpdateProposal(const core::Proposal& proposal) override;

  Result<Id> AddTask(const core::Task& task,
                     const std::vector<core::Coordination>& coordinating) override;
  Result<core::Task> GetTask(Id id) override;
  Result<std::vector<core::Coordination>> ListCoordinations(Id task_id) override;
  Status UpdateCoordination(const core::Coordination& coordination) override;
  Result<Id> AddTaskEvent(const core::TaskEvent& event) override;
  Result<std::vector<core::TaskEvent>> ListTaskEvents(Id task_id) override;
  Result<std::vector<TaskView>> ListTasks(const TaskFilter& filter) override;
  Result<std::vector<core::AgencyStatusCounts>> CountTaskStatuses(core::Date as_of) override;
  Result<Id> AddObligation(const core::Obligation& obligation) override;
  Result<std::vector<core::Obligation>> ListObligations() override;

  Result<Id> AddIndicator(const core::Indicator& indicator) override;
  Result<core::Indicator> GetIndicator(Id id) override;
  Result<std::vector<core::Indicator>> ListIndicators() override;
  Result<Id> AddTarget(const core::Target& target) override;
  Result<std::vector<core::Target>> ListTargets(std::optional<Id> indicator_id) override;
  Result<Id> AddFigure(const core::Figure& figure) override;
  Result<std::vector<core::Figure>> ListFigures(std::optional<Id> indicator_id) override;

  Result<Id> AddReportingRegime(const core::ReportingRegime& regime) override;
  Result<std::vector<core::ReportingRegime>> ListReportingRegimes() override;
  Result<Id> AddReportSubmission(const core::ReportSubmission& submission) override;
  Result<std::vector<core::ReportSubmission>> ListReportSubmissions(Id regime_id) override;

  Status PutCalendarDay(const core::CalendarDay& day) override;
  Result<std::vector<core::CalendarDay>> ListCalendarDays(int year) override;

  Result<std::vector<NewTaskIds>> AddTasksInBulk(const std::vector<NewTask>& tasks) override;
  Status RebuildStatusTotals() override;

  // Where status_totals disagrees with the timelines ("agency 5 on
  // 2025-03-01, ..."; empty when it agrees or is stale), for Store::Check.
  Result<std::string> CheckStatusTotals();
  // The audit chain (sqlite_audit.cc).
  Result<std::vector<AuditRecord>> ListAuditRecords(int64_t after_seq, int limit) override;
  Result<std::vector<AuditRecord>> ListEntityAudit(std::string_view entity_kind,
                                                   std::string_view entity_id) override;
  Result<AuditHead> GetAuditHead() override;
  Result<AuditHead> LockAuditHead() override;
  Status InsertAuditRecord(const AuditRecord& record) override;
  Status SetAuditHead(const AuditHead& head) override;

  // Sub-tasks (sqlite_subtasks.cc).
  Result<std::vector<Id>> ListSubtaskIds(Id parent_id) override;

  Result<std::optional<Id>> AddNotification(const core::Notification& notification) override;
  Result<core::Notification> GetNotification(Id id) override;
  Result<std::vector<core::Notification>> ListNotifications(
      const NotificationFilter& filter) override;
  Status MarkNotificationRead(Id id, core::Timestamp at) override;
  Result<std::vector<core::Notification>> ListUnsentNotifications(int limit) override;
  Status MarkNotificationEmailed(Id id, core::Timestamp at) override;

  // Recomputes task_timeline for every task (migration step 2), then the
  // running counts when their table exists.
  Status RebuildAllTimelines();

 private:
  // InvalidInput "unknown <what> <id>" unless `table` has a row `id`.
  Status RequireRow(std::string_view table, Id id, std::string_view what);
  Status RequireOptionalRow(std::string_view table, const std::optional<Id>& id,
                            std::string_view what);
  Status RebuildTimeline(Id task_id);
  Result<std::vector<core::TaskEvent>> EventsOf(Id task_id);
  // Whether status_totals is stale (after a bulk load), read once.
  Result<bool> TotalsStale();
  // Adds `deltas` to status_totals unless it is stale.
  Status ApplyStatusDeltas(const StatusDeltas& deltas);
  Status MarkTotalsStale();
  // The counts from the timeline scan (status_totals stale).
  Result<std::vector<core::AgencyStatusCounts>> CountFromTimeline(core::Date as_of);

  Connection& db_;
  std::optional<bool> totals_stale_;
  // Successions for timeline rebuilds, loaded once per transaction.
  std::optional<core::AgencyHistory> history_;
};

// Source spans are four nullable columns starting at `first`.
void BindSpan(Stmt& stmt, int first, const std::optional<core::SourceSpan>& span);
std::optional<core::SourceSpan> SpanAt(const Stmt& stmt, int first);

// Period keys (core/period.h) in one column.
Result<core::Period> PeriodAt(const Stmt& stmt, int column);

}  // namespace dondoc::store::sqlite
