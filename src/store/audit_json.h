// The JSON of each stored value as the audit trail keeps it in a record's
// `before` and `after` (internal to src/store). Every field is written with
// its stored name, dates ISO, enums by their stable names. A document's
// cleaned text is not copied into the trail (it can be megabytes and it is
// never edited): its length and SHA-256 stand for it.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"
#include "core/reminders.h"

namespace dondoc::store {

std::string AuditJson(const core::Agency& agency);
std::string AuditJson(const core::Succession& succession);
std::string AuditJson(const core::Document& document);
std::string AuditJson(const core::DocumentLink& link);
std::string AuditJson(const core::Proposal& proposal);
std::string AuditJson(const core::Task& task, const std::vector<core::Coordination>& coordinating);
std::string AuditJson(const core::Coordination& coordination);
std::string AuditJson(const core::TaskEvent& event);
std::string AuditJson(const core::Obligation& obligation);
std::string AuditJson(const core::Indicator& indicator);
std::string AuditJson(const core::Target& target);
std::string AuditJson(const core::Figure& figure);
std::string AuditJson(const core::ReportingRegime& regime);
std::string AuditJson(const core::ReportSubmission& submission);
std::string AuditJson(const core::CalendarDay& day);
std::string AuditJson(const core::Notification& notification);

}  // namespace dondoc::store
