// Review: the queue of proposals an import leaves, and what a person makes
// of them. Confirming creates the tracked item; rejecting records why.
//
// What a confirmed proposal becomes:
//   task without recurrence -> core::Task (lead, coordinating, deadline from
//                              the payload's resolved date, assigned on the
//                              document's date) with its coordinations;
//   task with recurrence    -> core::Obligation of the lead agency;
//   target                  -> core::Target of an Indicator found by name
//                              and unit (created when new);
//   result                  -> core::Figure of such an Indicator;
//   reporting rule          -> core::ReportingRegime.
// Agency names are resolved through the store on the document's date
// (service/agency_names.h): an unknown name is InvalidInput naming it and
// listing close matches. Confirming or rejecting a decided proposal is
// Conflict saying how it was decided. Each call is one transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "core/model.h"
#include "service/actor.h"
#include "store/store.h"

namespace dondoc::service {

struct ReviewOptions {
  std::string province;                // helps match agency names (service/agency_names.h)
  std::optional<core::Timestamp> now;  // when the decision is made; now when unset
};

// What the reviewer changes before confirming. Unset fields keep the
// extracted value.
struct ConfirmEdits {
  std::optional<std::string> lead;  // tasks; for a target, its responsible agency
  std::optional<std::vector<std::string>> coordinating;  // replaces the list (may be empty)
  std::optional<core::Date> deadline;
  std::optional<std::string> text;
  std::string note;
};

struct ConfirmResult {
  core::Id proposal_id = 0;
  core::ProposalKind kind = core::ProposalKind::kTask;
  // "task", "obligation", "target", "figure" or "reporting_regime".
  std::string created_kind;
  core::Id created_item_id = 0;
};

Result<std::vector<core::Proposal>> ListProposals(store::Store& store, const Actor& actor,
                                                  std::optional<core::Id> document_id,
                                                  std::optional<core::ProposalState> state);

Result<ConfirmResult> ConfirmProposal(store::Store& store, const Actor& actor, core::Id proposal_id,
                                      const ConfirmEdits& edits, const ReviewOptions& options);

// `note` says why; it may not be empty.
Status RejectProposal(store::Store& store, const Actor& actor, core::Id proposal_id,
                      const std::string& note, const ReviewOptions& options);

// An extracted period label ("2023", "2024-H1", "2024-Q2", "2024-M1-11",
// "2021-2025") as a core::Period; without one, the year of `fallback`.
Result<core::Period> PeriodFromLabel(const std::optional<std::string>& label,
                                     std::optional<core::Date> fallback);

}  // namespace dondoc::service
