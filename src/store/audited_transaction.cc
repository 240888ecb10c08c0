#include "store/audited_transaction.h"

#include <chrono>
#include <utility>

#include "store/audit_json.h"

namespace dondoc::store {

namespace {

AuditTime Now() {
  return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
}

template <typename T>
T WithId(T value, Id id) {
  value.id = id;
  return value;
}

}  // namespace

Status AuditedTransaction::Record(std::string action, std::string entity_kind,
                                  std::string entity_id, std::string before, std::string after) {
  if (!head_) {
    Result<AuditHead> head = appender_.LockAuditHead();
    if (!head.ok()) return head.status();
    head_ = std::move(head).value();
  }
  AuditRecord record;
  record.seq = head_->seq + 1;
  record.at = Now();
  record.actor_user_id = actor_.user_id;
  record.actor_name = actor_.name;
  record.action = std::move(action);
  record.entity_kind = std::move(entity_kind);
  record.entity_id = std::move(entity_id);
  record.before = std::move(before);
  record.after = std::move(after);
  record.prev_hash = head_->hash;
  record.hash = AuditRecordHash(record);
  if (Status s = appender_.InsertAuditRecord(record); !s.ok()) return s;
  head_ = AuditHead{record.seq, std::move(record.hash)};
  ++appended_;
  return Status::Ok();
}

Status AuditedTransaction::Finish() {
  if (appended_ == 0 || !head_) return Status::Ok();
  return appender_.SetAuditHead(*head_);
}

Result<Id> AuditedTransaction::AddAgency(const core::Agency& agency) {
  Result<Id> id = inner_.AddAgency(agency);
  if (!id.ok()) return id;
  if (Status s =
          Record("agency.add", "agency", std::to_string(*id), "", AuditJson(WithId(agency, *id)));
      !s.ok())
    return s;
  return id;
}

Result<Id> AuditedTransaction::AddSuccession(const core::Succession& succession) {
  Result<Id> id = inner_.AddSuccession(succession);
  if (!id.ok()) return id;
  if (Status s = Record("succession.add", "succession", std::to_string(*id), "",
                        AuditJson(WithId(succession, *id)));
      !s.ok())
    return s;
  return id;
}

Result<Id> AuditedTransaction::AddDocument(const core::Document& document) {
  Result<Id> id = inner_.AddDocument(document);
  if (!id.ok()) return id;
  if (Status s = Record("document.add", "document", std::to_string(*id), "",
                        AuditJson(WithId(document, *id)));
      !s.ok())
    return s;
  return id;
}

// A citation belongs to the trail of the document that cites.
Result<Id> AuditedTransaction::AddDocumentLink(const core::DocumentLink& link) {
  Result<Id> id = inner_.AddDocumentLink(link);
  if (!id.ok()) return id;
  if (Status s = Record("document.link_added", "document", std::to_string(link.from_document_id),
                        "", AuditJson(WithId(link, *id)));
      !s.ok())
    return s;
  return id;
}

Result<Id> AuditedTransaction::AddProposal(const core::Proposal& proposal) {
  Result<Id> id = inner_.AddProposal(proposal);
  if (!id.ok()) return id;
  if (Status s = Record("proposal.add", "proposal", std::to_string(*id), "",
                        AuditJson(WithId(proposal, *id)));
      !s.ok())
    return s;
  return id;
}

Status AuditedTransaction::UpdateProposal(const core::Proposal& proposal) {
  Result<core::Proposal> before = inner_.GetProposal(proposal.id);
  if (Status s = inner_.UpdateProposal(proposal); !s.ok()) return s;
  if (!before.ok()) return before.status();  // updated a row that was not there
  // "proposal.confirmed" / "proposal.rejected" when the decision is made.
  std::string action = before->state != proposal.state
                           ? std::string("proposal.") + core::ProposalStateName(proposal.state)
                           : std::string("proposal.updated");
  return Record(std::move(action), "proposal", std::to_string(proposal.id), AuditJson(*before),
                AuditJson(proposal));
}

Result<Id> AuditedTransaction::AddTask(const core::Task& task,
                                       const std::vector<core::Coordination>& coordinating) {
  Result<Id> id = inner_.AddTask(task, coordinating);
  if (!id.ok()) return id;
  if (Status s = Record("task.add", "task", std::to_string(*id), "",
                        AuditJson(WithId(task, *id), coordinating));
      !s.ok())
    return s;
  return id;
}

Status AuditedTransaction::UpdateCoordination(const core::Coordination& coordination) {
  std::string before;
  if (Result<std::vector<core::Coordination>> all = inner_.ListCoordinations(coordination.task_id);
      all.ok()) {
    for (const core::Coordination& c : *all) {
      if (c.agency_id == coordination.agency_id) before = AuditJson(c);
    }
  }
  if (Status s = inner_.UpdateCoordination(coordination); !s.ok()) return s;
  return Record("task.coordination_updated", "task", std::to_string(coordination.task_id),
                std::move(before), AuditJson(coordination));
}

// "task.completed", "task.extension_approved", ...: the event's kind.
Result<Id> AuditedTransaction::AddTaskEvent(const core::TaskEvent& event) {
  Result<Id> id = inner_.AddTaskEvent(event);
  if (!id.ok()) return id;
  if (Status s = Record(std::string("task.") + core::TaskEventKindName(event.kind), "task",
                        std::to_string(event.task_id), "", AuditJson(WithId(event, *id)));
      !s.ok())
    return s;
  return id;
}

Result<Id> AuditedTransaction::AddObligation(const core::Obligation& obligation) {
  Result<Id> id = inner_.AddObligation(obligation);
  if (!id.ok()) return id;
  if (Status s = Record("obligation.add", "obligation", std::to_string(*id), "",
                        AuditJson(WithId(obligation, *id)));
      !s.ok())
    return s;
  return id;
}

Result<Id> AuditedTransaction::AddIndicator(const core::Indicator& indicator) {
  Result<Id> id = inner_.AddIndicator(indicator);
  if (!id.ok()) return id;
  if (Status s = Record("indicator.add", "indicator", std::to_string(*id), "",
                        AuditJson(WithId(indicator, *id)));
      !s.ok())
    return s;
  return id;
}

Result<Id> AuditedTransaction::AddTarget(const core::Target& target) {
  Result<Id> id = inner_.AddTarget(target);
  if (!id.ok()) return id;
  if (Status s =
          Record("target.add", "target", std::to_string(*id), "", AuditJson(WithId(target, *id)));
      !s.ok())
    return s;
  return id;
}

Result<Id> AuditedTransaction::AddFigure(const core::Figure& figure) {
  Result<Id> id = inner_.AddFigure(figure);
  if (!id.ok()) return id;
  if (Status s =
          Record("figure.add", "figure", std::to_string(*id), "", AuditJson(WithId(figure, *id)));
      !s.ok())
    return s;
  return id;
}

Result<Id> AuditedTransaction::AddReportingRegime(const core::ReportingRegime& regime) {
  Result<Id> id = inner_.AddReportingRegime(regime);
  if (!id.ok()) return id;
  if (Status s = Record("reporting_regime.add", "reporting_regime", std::to_string(*id), "",
                        AuditJson(WithId(regime, *id)));
      !s.ok())
    return s;
  return id;
}

Result<Id> AuditedTransaction::AddReportSubmission(const core::ReportSubmission& submission) {
  Result<Id> id = inner_.AddReportSubmission(submission);
  if (!id.ok()) return id;
  if (Status s = Record("report_submission.add", "report_submission", std::to_string(*id), "",
                        AuditJson(WithId(submission, *id)));
      !s.ok())
    return s;
  return id;
}

Status AuditedTransaction::PutCalendarDay(const core::CalendarDay& day) {
  std::string before;
  const int year = static_cast<int>(std::chrono::year_month_day(day.date).year());
  if (Result<std::vector<core::CalendarDay>> days = inner_.ListCalendarDays(year); days.ok()) {
    for (const core::CalendarDay& d : *days) {
      if (d.date == day.date) before = AuditJson(d);
    }
  }
  if (Status s = inner_.PutCalendarDay(day); !s.ok()) return s;
  return Record("calendar_day.put", "calendar_day", core::FormatIsoDate(day.date),
                std::move(before), AuditJson(day));
}

Result<std::vector<NewTaskIds>> AuditedTransaction::AddTasksInBulk(
    const std::vector<NewTask>& tasks) {
  Result<std::vector<NewTaskIds>> ids = inner_.AddTasksInBulk(tasks);
  if (!ids.ok()) return ids;
  if (ids->size() != tasks.size()) return Status::Internal("bulk load returned too few ids");
  for (size_t i = 0; i < tasks.size(); ++i) {
    const NewTask& t = tasks[i];
    const NewTaskIds& got = (*ids)[i];
    core::Task task = WithId(t.task, got.task_id);
    if (t.parent_index && *t.parent_index < i) task.parent_id = (*ids)[*t.parent_index].task_id;
    if (Status s = Record("task.add", "task", std::to_string(got.task_id), "",
                          AuditJson(task, t.coordinating));
        !s.ok())
      return s;
    if (got.event_ids.size() != t.events.size()) {
      return Status::Internal("bulk load returned too few event ids");
    }
    for (size_t e = 0; e < t.events.size(); ++e) {
      core::TaskEvent event = WithId(t.events[e].event, got.event_ids[e]);
      event.task_id = got.task_id;
      if (const auto& r = t.events[e].request_index; r && *r < e) {
        event.request_event_id = got.event_ids[*r];
      }
      if (Status s = Record(std::string("task.") + core::TaskEventKindName(event.kind), "task",
                            std::to_string(got.task_id), "", AuditJson(event));
          !s.ok())
        return s;
    }
  }
  return ids;
}

Status AuditedTransaction::RebuildStatusTotals() {
  if (Status s = inner_.RebuildStatusTotals(); !s.ok()) return s;
  return Record("status_totals.rebuilt", "status_totals", "all", "", "{}");
}

Result<std::optional<Id>> AuditedTransaction::AddNotification(
    const core::Notification& notification) {
  Result<std::optional<Id>> id = inner_.AddNotification(notification);
  if (!id.ok() || !id->has_value()) return id;  // an error, or the key was taken
  if (Status s = Record("notification.add", "notification", std::to_string(**id), "",
                        AuditJson(WithId(notification, **id)));
      !s.ok())
    return s;
  return id;
}

Status AuditedTransaction::MarkNotificationRead(Id id, core::Timestamp at) {
  Result<core::Notification> before = inner_.GetNotification(id);
  if (Status s = inner_.MarkNotificationRead(id, at); !s.ok()) return s;
  if (!before.ok()) return before.status();
  if (before->read_at) return Status::Ok();  // already read: nothing changed
  core::Notification after = *before;
  after.read_at = at;
  return Record("notification.read", "notification", std::to_string(id), AuditJson(*before),
                AuditJson(after));
}

Status AuditedTransaction::MarkNotificationEmailed(Id id, core::Timestamp at) {
  Result<core::Notification> before = inner_.GetNotification(id);
  if (Status s = inner_.MarkNotificationEmailed(id, at); !s.ok()) return s;
  if (!before.ok()) return before.status();
  core::Notification after = *before;
  after.emailed_at = at;
  return Record("notification.emailed", "notification", std::to_string(id), AuditJson(*before),
                AuditJson(after));
}

}  // namespace dondoc::store
