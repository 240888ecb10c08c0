// Indicators, their targets (plans), reported figures, reporting regimes
// and report submissions: the use cases behind /api/v1/indicators, targets,
// figures and reports, each checking the actor's permissions itself.
//
// Who may do what (service/permissions.h):
//   read       every role; agency staff see the targets and figures of their
//              own agency and the province-wide ones (no agency);
//   indicators and targets are defined by the office and admin (the same
//              right as confirming a target proposal in review);
//   figures and report submissions: the office and admin for any agency,
//              agency staff for their own agency only (CheckFigure); the
//              submission time is the clock's, never the caller's, and the
//              submitter is the actor's user.
// A figure may name the reporting regime it is reported under: its
// timeliness (core/timeliness.h) against that regime's due day for the
// figure's period is then returned. A report submission is always judged.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "core/model.h"
#include "core/timeliness.h"
#include "service/actor.h"
#include "store/store.h"

namespace dondoc::service {

Result<std::vector<core::Indicator>> ListIndicators(store::Store& store, const Actor& actor);
// InvalidInput for an empty name.
Result<core::Indicator> AddIndicator(store::Store& store, const Actor& actor,
                                     core::Indicator indicator);

struct PlanFilter {
  std::optional<core::Id> indicator_id;
  std::optional<core::Period> period;
  std::optional<core::Id> agency_id;
};

Result<std::vector<core::Target>> ListTargets(store::Store& store, const Actor& actor,
                                              const PlanFilter& filter);
// Checks the indicator and agency exist, the period, and the value(s) the
// comparator needs (a range needs low <= high; the others a value).
Result<core::Target> AddTarget(store::Store& store, const Actor& actor, core::Target target);

Result<std::vector<core::Figure>> ListFigures(store::Store& store, const Actor& actor,
                                              const PlanFilter& filter);

struct SubmittedFigure {
  core::Figure figure;  // as stored, with its id and submission time
  std::optional<core::Date> due;
  std::optional<core::Timeliness> timeliness;  // when a regime was named
};

// `figure.submitted_at` and `submitted_by` are set here from `now` and the
// actor. InvalidInput for an unknown indicator, agency or regime, an invalid
// period, a non-finite value or a regime whose cadence is not the period's.
Result<SubmittedFigure> SubmitFigure(store::Store& store, const Actor& actor, core::Figure figure,
                                     std::optional<core::Id> regime_id, core::Timestamp now);

Result<std::vector<core::ReportingRegime>> ListReportingRegimes(store::Store& store,
                                                                const Actor& actor);

struct SubmittedReport {
  core::ReportSubmission submission;
  core::Date due{};
  core::Timeliness timeliness = core::Timeliness::kOnTime;
};

// NotFound for an unknown regime; InvalidInput for a period not of the
// regime's cadence or an unknown agency.
Result<SubmittedReport> SubmitReport(store::Store& store, const Actor& actor,
                                     core::ReportSubmission submission, core::Timestamp now);

Result<std::vector<core::ReportSubmission>> ListReportSubmissions(store::Store& store,
                                                                  const Actor& actor,
                                                                  core::Id regime_id);

// The period kind of a regime's reports (monthly -> kMonth, ...).
core::PeriodKind PeriodKindOf(core::Cadence cadence);

// Who owes the regime's report due on `due`: the agencies whose obligation
// under the regime runs on that day; for a regime without any obligation,
// every agency that has ever submitted under it. Sorted, unique.
std::vector<core::Id> ExpectedReporters(const core::ReportingRegime& regime,
                                        const std::vector<core::Obligation>& obligations,
                                        const std::vector<core::ReportSubmission>& submissions,
                                        core::Date due);

// The periods of the regime's cadence whose due day lies in [from, to], in
// order, each with its due day.
struct DuePeriod {
  core::Period period;
  core::Date due{};
};
Result<std::vector<DuePeriod>> PeriodsDueBetween(const core::ReportingRegime& regime,
                                                 core::Date from, core::Date to);

}  // namespace dondoc::service
