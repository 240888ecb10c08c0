// The decorator that makes the audit trail complete (internal to
// src/store). Store::Write hands `work` an AuditedTransaction around the
// store's own transaction: reads pass straight through; every mutating call
// runs, and when it succeeds appends its AuditRecord (store/audit.h) in the
// same transaction before returning. A Transaction method added to
// store.h leaves this class abstract until it is written here, so a new
// write cannot silently escape the trail; tests/store/audit_suite.cc checks
// that each mutating method really records.
//
// The chain head is read at the first record of a transaction
// (AuditAppender::LockAuditHead; both stores already hold the writers'
// lock: SQLite's BEGIN IMMEDIATE, PostgreSQL's LOCK TABLE audit_head) and
// written once by Finish(), just before COMMIT.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/audit.h"
#include "store/store.h"

namespace dondoc::store {

// What each store implements for the chain, on its own transaction.
class AuditAppender {
 public:
  virtual ~AuditAppender() = default;
  // The head, locked against other writers until the transaction ends.
  virtual Result<AuditHead> LockAuditHead() = 0;
  virtual Status InsertAuditRecord(const AuditRecord& record) = 0;
  virtual Status SetAuditHead(const AuditHead& head) = 0;
};

class AuditedTransaction final : public Transaction {
 public:
  AuditedTransaction(Transaction& inner, AuditAppender& appender, AuditActor actor)
      : inner_(inner), appender_(appender), actor_(std::move(actor)) {}

  // Stores the new head when records were appended. Write() calls it
  // after `work` succeeded, before COMMIT.
  Status Finish();
  int64_t appended() const { return appended_; }

  Result<Id> AddAgency(const core::Agency& agency) override;
  Result<std::vector<Id>> ListSubtaskIds(Id parent_id) override {
    return inner_.ListSubtaskIds(parent_id);
  }
  Result<core::Agency> GetAgency(Id id) override { return inner_.GetAgency(id); }
  Result<std::vector<core::Agency>> ListAgencies(std::optional<core::Date> on) override {
    return inner_.ListAgencies(on);
  }
  Result<std::optional<core::Agency>> FindAgency(std::string_view name, core::Date on) override {
    return inner_.FindAgency(name, on);
  }
  Result<Id> AddSuccession(const core::Succession& succession) override;
  Result<std::vector<core::Succession>> ListSuccessions() override {
    return inner_.ListSuccessions();
  }

  Result<Id> AddDocument(const core::Document& document) override;
  Result<core::Document> GetDocument(Id id) override { return inner_.GetDocument(id); }
  Result<std::vector<core::Document>> ListDocuments(const DocumentFilter& filter) override {
    return inner_.ListDocuments(filter);
  }
  Result<std::vector<SearchHit>> SearchDocuments(std::string_view query, int limit) override {
    return inner_.SearchDocuments(query, limit);
  }
  Result<Id> AddDocumentLink(const core::DocumentLink& link) override;
  Result<std::vector<core::DocumentLink>> ListDocumentLinks(Id from_document_id) override {
    return inner_.ListDocumentLinks(from_document_id);
  }

  Result<Id> AddProposal(const core::Proposal& proposal) override;
  Result<core::Proposal> GetProposal(Id id) override { return inner_.GetProposal(id); }
  Result<std::vector<core::Proposal>> ListProposals(
      std::optional<Id> document_id, std::optional<core::ProposalState> state) override {
    return inner_.ListProposals(document_id, state);
  }
  Status UpdateProposal(const core::Proposal& proposal) override;

  Result<Id> AddTask(const core::Task& task,
                     const std::vector<core::Coordination>& coordinating) override;
  Result<core::Task> GetTask(Id id) override { return inner_.GetTask(id); }
  Result<std::vector<core::Coordination>> ListCoordinations(Id task_id) override {
    return inner_.ListCoordinations(task_id);
  }
  Status UpdateCoordination(const core::Coordination& coordination) override;
  Result<Id> AddTaskEvent(const core::TaskEvent& event) override;
  Result<std::vector<core::TaskEvent>> ListTaskEvents(Id task_id) override {
    return inner_.ListTaskEvents(task_id);
  }
  Result<std::vector<TaskView>> ListTasks(const TaskFilter& filter) override {
    return inner_.ListTasks(filter);
  }
  Result<std::vector<core::AgencyStatusCounts>> CountTaskStatuses(core::Date as_of) override {
    return inner_.CountTaskStatuses(as_of);
  }
  Result<Id> AddObligation(const core::Obligation& obligation) override;
  Result<std::vector<core::Obligation>> ListObligations() override {
    return inner_.ListObligations();
  }

  Result<Id> AddIndicator(const core::Indicator& indicator) override;
  Result<core::Indicator> GetIndicator(Id id) override { return inner_.GetIndicator(id); }
  Result<std::vector<core::Indicator>> ListIndicators() override { return inner_.ListIndicators(); }
  Result<Id> AddTarget(const core::Target& target) override;
  Result<std::vector<core::Target>> ListTargets(std::optional<Id> indicator_id) override {
    return inner_.ListTargets(indicator_id);
  }
  Result<Id> AddFigure(const core::Figure& figure) override;
  Result<std::vector<core::Figure>> ListFigures(std::optional<Id> indicator_id) override {
    return inner_.ListFigures(indicator_id);
  }

  Result<Id> AddReportingRegime(const core::ReportingRegime& regime) override;
  Result<std::vector<core::ReportingRegime>> ListReportingRegimes() override {
    return inner_.ListReportingRegimes();
  }
  Result<Id> AddReportSubmission(const core::ReportSubmission& submission) override;
  Result<std::vector<core::ReportSubmission>> ListReportSubmissions(Id regime_id) override {
    return inner_.ListReportSubmissions(regime_id);
  }

  Status PutCalendarDay(const core::CalendarDay& day) override;
  Result<std::vector<core::CalendarDay>> ListCalendarDays(int year) override {
    return inner_.ListCalendarDays(year);
  }

  // One "task.add" record per task, then one per event, as AddTask and
  // AddTaskEvent would record them.
  Result<std::vector<NewTaskIds>> AddTasksInBulk(const std::vector<NewTask>& tasks) override;
  // Derived rows only, recorded all the same ("status_totals.rebuilt").
  Status RebuildStatusTotals() override;

  Result<std::vector<AuditRecord>> ListAuditRecords(int64_t after_seq, int limit) override {
    return inner_.ListAuditRecords(after_seq, limit);
  }
  Result<std::vector<AuditRecord>> ListEntityAudit(std::string_view entity_kind,
                                                   std::string_view entity_id) override {
    return inner_.ListEntityAudit(entity_kind, entity_id);
  }
  Result<AuditHead> GetAuditHead() override { return inner_.GetAuditHead(); }

  // "notification.add" when stored (none when the key was taken: nothing
  // changed); "notification.read" and "notification.emailed" with the row
  // before and after, none when read_at was already set (the first time stays).
  Result<std::optional<Id>> AddNotification(const core::Notification& notification) override;
  Result<core::Notification> GetNotification(Id id) override { return inner_.GetNotification(id); }
  Result<std::vector<core::Notification>> ListNotifications(
      const NotificationFilter& filter) override {
    return inner_.ListNotifications(filter);
  }
  Status MarkNotificationRead(Id id, core::Timestamp at) override;
  Result<std::vector<core::Notification>> ListUnsentNotifications(int limit) override {
    return inner_.ListUnsentNotifications(limit);
  }
  Status MarkNotificationEmailed(Id id, core::Timestamp at) override;

 private:
  // Appends one record to the chain (before empty for a creation).
  Status Record(std::string action, std::string entity_kind, std::string entity_id,
                std::string before, std::string after);

  Transaction& inner_;
  AuditAppender& appender_;
  const AuditActor actor_;
  std::optional<AuditHead> head_;  // locked and loaded at the first record
  int64_t appended_ = 0;
};

}  // namespace dondoc::store
