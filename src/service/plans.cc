#include "service/plans.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/period.h"
#include "core/task_status.h"
#include "service/audit.h"
#include "service/permissions.h"

namespace dondoc::service {
namespace {

Status CheckRead(const Actor& actor) {
  if (actor.role == Role::kAgency && !actor.agency_id) return Check(actor, Action::kReadAllTasks);
  return Status::Ok();
}

// Defining indicators and targets is what confirming a target proposal does.
Status CheckDefine(const Actor& actor) { return Check(actor, Action::kReview); }

bool Visible(const Actor& actor, const std::optional<core::Id>& agency_id) {
  const std::optional<core::Id> visible = VisibleAgency(actor);
  return !visible || !agency_id || *agency_id == *visible;
}

Status RequireAgency(store::Transaction& tx, const std::optional<core::Id>& agency_id) {
  if (!agency_id) return Status::Ok();
  Result<core::Agency> agency = tx.GetAgency(*agency_id);
  if (agency.ok()) return Status::Ok();
  if (agency.status().code() == StatusCode::kNotFound) {
    return Status::InvalidInput("unknown agency " + std::to_string(*agency_id) +
                                " (không có cơ quan này)");
  }
  return agency.status();
}

Result<core::Indicator> RequireIndicator(store::Transaction& tx, core::Id id) {
  Result<core::Indicator> indicator = tx.GetIndicator(id);
  if (!indicator.ok() && indicator.status().code() == StatusCode::kNotFound) {
    return Status::InvalidInput("unknown indicator " + std::to_string(id) +
                                " (không có chỉ tiêu này)");
  }
  return indicator;
}

Result<core::ReportingRegime> FindRegime(store::Transaction& tx, core::Id id) {
  Result<std::vector<core::ReportingRegime>> regimes = tx.ListReportingRegimes();
  if (!regimes.ok()) return regimes.status();
  for (core::ReportingRegime& r : *regimes) {
    if (r.id == id) return std::move(r);
  }
  return Status::NotFound("no reporting regime " + std::to_string(id) +
                          " (không có chế độ báo cáo này)");
}

Status CheckCadence(const core::ReportingRegime& regime, const core::Period& period) {
  if (period.kind == PeriodKindOf(regime.cadence)) return Status::Ok();
  return Status::InvalidInput("period " + core::PeriodKey(period) + " is not a " +
                              core::CadenceName(regime.cadence) + " period of reporting regime " +
                              std::to_string(regime.id));
}

bool Keep(const PlanFilter& filter, core::Id indicator_id, const core::Period& period,
          const std::optional<core::Id>& agency_id) {
  if (filter.indicator_id && indicator_id != *filter.indicator_id) return false;
  if (filter.period && !(period == *filter.period)) return false;
  if (filter.agency_id && agency_id != filter.agency_id) return false;
  return true;
}

}  // namespace

core::PeriodKind PeriodKindOf(core::Cadence cadence) {
  switch (cadence) {
    case core::Cadence::kWeekly:
      return core::PeriodKind::kWeek;
    case core::Cadence::kMonthly:
      return core::PeriodKind::kMonth;
    case core::Cadence::kQuarterly:
      return core::PeriodKind::kQuarter;
    case core::Cadence::kHalfYearly:
      return core::PeriodKind::kHalfYear;
    case core::Cadence::kAnnual:
      return core::PeriodKind::kYear;
  }
  return core::PeriodKind::kMonth;
}

std::vector<core::Id> ExpectedReporters(const core::ReportingRegime& regime,
                                        const std::vector<core::Obligation>& obligations,
                                        const std::vector<core::ReportSubmission>& submissions,
                                        core::Date due) {
  std::vector<core::Id> expected;
  bool any_duty = false;
  for (const core::Obligation& o : obligations) {
    if (o.regime_id != regime.id) continue;
    any_duty = true;
    if (o.starts_on <= due && (!o.ends_on || *o.ends_on >= due)) expected.push_back(o.agency_id);
  }
  if (!any_duty) {
    for (const core::ReportSubmission& s : submissions) {
      if (s.regime_id == regime.id) expected.push_back(s.agency_id);
    }
  }
  std::sort(expected.begin(), expected.end());
  expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
  return expected;
}

Result<std::vector<DuePeriod>> PeriodsDueBetween(const core::ReportingRegime& regime,
                                                 core::Date from, core::Date to) {
  if (from > to) return Status::InvalidInput("from is after to");
  std::vector<DuePeriod> out;
  // A due day falls at most 12 months (and a clamp) after its period ends.
  const core::PeriodKind kind = PeriodKindOf(regime.cadence);
  core::Period period = core::PeriodContaining(kind, from - core::Date::duration(13 * 31 + 7));
  while (true) {
    Result<core::Date> due = core::ReportDueDate(regime, period);
    if (!due.ok()) return due.status();
    if (*due > to) return out;
    if (*due >= from) out.push_back(DuePeriod{period, *due});
    period = core::PeriodContaining(kind, core::PeriodEnd(period) + core::Date::duration(1));
  }
}

Result<std::vector<core::Indicator>> ListIndicators(store::Store& store, const Actor& actor) {
  if (Status s = CheckRead(actor); !s.ok()) return s;
  std::vector<core::Indicator> out;
  Status s = store.Read([&](store::Transaction& tx) -> Status {
    Result<std::vector<core::Indicator>> all = tx.ListIndicators();
    if (!all.ok()) return all.status();
    out = std::move(all.value());
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<core::Indicator> AddIndicator(store::Store& store, const Actor& actor,
                                     core::Indicator indicator) {
  if (Status s = CheckDefine(actor); !s.ok()) return s;
  if (indicator.name.empty()) return Status::InvalidInput("the indicator has no name");
  indicator.id = 0;
  Status s = store.Write(AuditActorOf(actor), [&](store::Transaction& tx) -> Status {
    Result<core::Id> id = tx.AddIndicator(indicator);
    if (!id.ok()) return id.status();
    indicator.id = *id;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return indicator;
}

Result<std::vector<core::Target>> ListTargets(store::Store& store, const Actor& actor,
                                              const PlanFilter& filter) {
  if (Status s = CheckRead(actor); !s.ok()) return s;
  std::vector<core::Target> out;
  Status s = store.Read([&](store::Transaction& tx) -> Status {
    out.clear();
    Result<std::vector<core::Target>> all = tx.ListTargets(filter.indicator_id);
    if (!all.ok()) return all.status();
    for (core::Target& t : *all) {
      if (!Keep(filter, t.indicator_id, t.period, t.agency_id) || !Visible(actor, t.agency_id)) {
        continue;
      }
      out.push_back(std::move(t));
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<core::Target> AddTarget(store::Store& store, const Actor& actor, core::Target target) {
  if (Status s = CheckDefine(actor); !s.ok()) return s;
  if (Status s = core::ValidatePeriod(target.period); !s.ok()) return s;
  auto finite = [](const std::optional<double>& v) { return !v || std::isfinite(*v); };
  if (!finite(target.value) || !finite(target.low) || !finite(target.high)) {
    return Status::InvalidInput("a target value is not a finite number");
  }
  if (target.comparator == core::Comparator::kRange) {
    if (!target.low || !target.high)
      return Status::InvalidInput("a range target needs low and high");
    if (*target.low > *target.high)
      return Status::InvalidInput("the range's low is above its high");
    if (target.value) return Status::InvalidInput("a range target has low and high, not value");
  } else {
    if (!target.value) {
      return Status::InvalidInput(std::string("a ") + core::ComparatorSymbol(target.comparator) +
                                  " target needs a value");
    }
    if (target.low || target.high) {
      return Status::InvalidInput("only a range target has low and high");
    }
  }
  target.id = 0;
  Status s = store.Write(AuditActorOf(actor), [&](store::Transaction& tx) -> Status {
    Result<core::Indicator> indicator = RequireIndicator(tx, target.indicator_id);
    if (!indicator.ok()) return indicator.status();
    if (Status st = RequireAgency(tx, target.agency_id); !st.ok()) return st;
    Result<core::Id> id = tx.AddTarget(target);
    if (!id.ok()) return id.status();
    target.id = *id;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return target;
}

Result<std::vector<core::Figure>> ListFigures(store::Store& store, const Actor& actor,
                                              const PlanFilter& filter) {
  if (Status s = CheckRead(actor); !s.ok()) return s;
  std::vector<core::Figure> out;
  Status s = store.Read([&](store::Transaction& tx) -> Status {
    out.clear();
    Result<std::vector<core::Figure>> all = tx.ListFigures(filter.indicator_id);
    if (!all.ok()) return all.status();
    for (core::Figure& f : *all) {
      if (!Keep(filter, f.indicator_id, f.period, f.agency_id) || !Visible(actor, f.agency_id)) {
        continue;
      }
      out.push_back(std::move(f));
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<SubmittedFigure> SubmitFigure(store::Store& store, const Actor& actor, core::Figure figure,
                                     std::optional<core::Id> regime_id, core::Timestamp now) {
  if (Status s = CheckFigure(actor, figure.agency_id); !s.ok()) return s;
  if (Status s = core::ValidatePeriod(figure.period); !s.ok()) return s;
  if (!std::isfinite(figure.value)) return Status::InvalidInput("the value is not a finite number");
  figure.id = 0;
  figure.submitted_at = now;
  figure.submitted_by = actor.user_id;
  SubmittedFigure out;
  Status s = store.Write(AuditActorOf(actor), [&](store::Transaction& tx) -> Status {
    Result<core::Indicator> indicator = RequireIndicator(tx, figure.indicator_id);
    if (!indicator.ok()) return indicator.status();
    if (Status st = RequireAgency(tx, figure.agency_id); !st.ok()) return st;
    out.due.reset();
    out.timeliness.reset();
    if (regime_id) {
      Result<core::ReportingRegime> regime = FindRegime(tx, *regime_id);
      if (!regime.ok()) {
        return regime.status().code() == StatusCode::kNotFound
                   ? Status::InvalidInput(regime.status().message())
                   : regime.status();
      }
      if (Status st = CheckCadence(*regime, figure.period); !st.ok()) return st;
      Result<core::Date> due = core::ReportDueDate(*regime, figure.period);
      if (!due.ok()) return due.status();
      out.due = *due;
      out.timeliness = core::JudgeSubmission(*due, now, core::LocalDay(now));
    }
    Result<core::Id> id = tx.AddFigure(figure);
    if (!id.ok()) return id.status();
    figure.id = *id;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  out.figure = std::move(figure);
  return out;
}

Result<std::vector<core::ReportingRegime>> ListReportingRegimes(store::Store& store,
                                                                const Actor& actor) {
  if (Status s = CheckRead(actor); !s.ok()) return s;
  std::vector<core::ReportingRegime> out;
  Status s = store.Read([&](store::Transaction& tx) -> Status {
    Result<std::vector<core::ReportingRegime>> all = tx.ListReportingRegimes();
    if (!all.ok()) return all.status();
    out = std::move(all.value());
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<SubmittedReport> SubmitReport(store::Store& store, const Actor& actor,
                                     core::ReportSubmission submission, core::Timestamp now) {
  if (Status s = CheckFigure(actor, submission.agency_id); !s.ok()) return s;
  if (Status s = core::ValidatePeriod(submission.period); !s.ok()) return s;
  submission.id = 0;
  submission.submitted_at = now;
  SubmittedReport out;
  Status s = store.Write(AuditActorOf(actor), [&](store::Transaction& tx) -> Status {
    Result<core::ReportingRegime> regime = FindRegime(tx, submission.regime_id);
    if (!regime.ok()) return regime.status();
    if (Status st = CheckCadence(*regime, submission.period); !st.ok()) return st;
    if (Status st = RequireAgency(tx, submission.agency_id); !st.ok()) return st;
    Result<core::Date> due = core::ReportDueDate(*regime, submission.period);
    if (!due.ok()) return due.status();
    out.due = *due;
    out.timeliness = core::JudgeSubmission(*due, now, core::LocalDay(now));
    Result<core::Id> id = tx.AddReportSubmission(submission);
    if (!id.ok()) return id.status();
    submission.id = *id;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  out.submission = submission;
  return out;
}

Result<std::vector<core::ReportSubmission>> ListReportSubmissions(store::Store& store,
                                                                  const Actor& actor,
                                                                  core::Id regime_id) {
  if (Status s = CheckRead(actor); !s.ok()) return s;
  std::vector<core::ReportSubmission> out;
  Status s = store.Read([&](store::Transaction& tx) -> Status {
    out.clear();
    Result<core::ReportingRegime> regime = FindRegime(tx, regime_id);
    if (!regime.ok()) return regime.status();
    Result<std::vector<core::ReportSubmission>> all = tx.ListReportSubmissions(regime_id);
    if (!all.ok()) return all.status();
    for (const core::ReportSubmission& sub : *all) {
      if (Visible(actor, sub.agency_id)) out.push_back(sub);
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

}  // namespace dondoc::service
