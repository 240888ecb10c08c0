#include "service/dashboard.h"

#include <algorithm>
#include <map>
#include <utility>

#include "core/period.h"
#include "service/agency_names.h"
#include "service/permissions.h"
#include "service/plans.h"

namespace dondoc::service {
namespace {

constexpr int kPageSize = 1000;

Status CheckReader(const Actor& actor) {
  // Agency staff are scoped to their agency; everyone else needs the global read.
  if (actor.role == Role::kAgency && actor.agency_id) return Status::Ok();
  return Check(actor, Action::kReadAllTasks);
}

// The agency the actor asks about, within what it may see.
Result<std::optional<core::Id>> ScopedAgency(store::Transaction& tx, const Actor& actor,
                                             const std::optional<std::string>& agency,
                                             core::Date on, const std::string& province) {
  std::optional<core::Id> wanted;
  if (agency) {
    Result<core::Agency> found = ResolveAgency(tx, *agency, on, province);
    if (!found.ok()) return found.status();
    wanted = found->id;
  }
  const std::optional<core::Id> visible = VisibleAgency(actor);
  if (!visible) return wanted;
  if (wanted && *wanted != *visible) {
    return Status::PermissionDenied(
        "permission denied (không có quyền): agency staff may see only their own agency, not "
        "\"" +
        *agency + "\"");
  }
  return visible;
}

class Names {
 public:
  explicit Names(store::Transaction& tx) : tx_(tx) {}
  Result<std::string> Of(core::Id id) {
    auto it = names_.find(id);
    if (it != names_.end()) return it->second;
    Result<core::Agency> agency = tx_.GetAgency(id);
    if (!agency.ok()) return agency.status();
    return names_[id] = agency->name;
  }

 private:
  store::Transaction& tx_;
  std::map<core::Id, std::string> names_;
};

// Every task matching `filter` (paged through the store).
Status ListAll(store::Transaction& tx, store::TaskFilter filter,
               std::vector<store::TaskView>& out) {
  filter.limit = kPageSize;
  while (true) {
    Result<std::vector<store::TaskView>> page = tx.ListTasks(filter);
    if (!page.ok()) return page.status();
    const bool full = static_cast<int>(page->size()) == kPageSize;
    for (store::TaskView& v : *page) out.push_back(std::move(v));
    if (!full) return Status::Ok();
    filter.after_id = out.back().task.id;
  }
}

Result<TaskRow> MakeRow(store::Transaction& tx, Names& names, store::TaskView view) {
  TaskRow row;
  Result<std::string> lead = names.Of(view.lead_agency_id);
  if (!lead.ok()) return lead.status();
  row.lead_name = std::move(lead.value());
  Result<std::vector<core::Coordination>> coordinations = tx.ListCoordinations(view.task.id);
  if (!coordinations.ok()) return coordinations.status();
  for (const core::Coordination& c : *coordinations) {
    Result<std::string> name = names.Of(c.agency_id);
    if (!name.ok()) return name.status();
    row.coordinating_names.push_back(std::move(name.value()));
  }
  row.view = std::move(view);
  return row;
}

// Sorts by (days, id) in the given order of days, keeps `limit` and makes rows.
Status KeepFirst(store::Transaction& tx, Names& names, std::vector<store::TaskView> views,
                 core::Date as_of, bool overdue, int limit, std::vector<DueTask>& out,
                 bool& truncated) {
  // Days overdue, or days left.
  auto days = [&](const store::TaskView& v) -> int64_t {
    const int64_t d = (as_of - *v.deadline).count();
    return overdue ? d : -d;
  };
  std::sort(views.begin(), views.end(), [&](const store::TaskView& a, const store::TaskView& b) {
    const int64_t da = days(a), db = days(b);
    if (da != db) return overdue ? da > db : da < db;
    return a.task.id < b.task.id;
  });
  truncated = views.size() > static_cast<size_t>(limit);
  if (truncated) views.resize(static_cast<size_t>(limit));
  for (store::TaskView& v : views) {
    const int64_t d = days(v);
    Result<TaskRow> row = MakeRow(tx, names, std::move(v));
    if (!row.ok()) return row.status();
    out.push_back(DueTask{std::move(row.value()), d});
  }
  return Status::Ok();
}

bool SameAgency(const std::optional<core::Id>& a, const std::optional<core::Id>& b) {
  return a == b;
}

}  // namespace

// ---------------------------------------------------------------- due lists

Result<DueLists> DueTasks(store::Store& store, const Actor& actor, const DueQuery& query) {
  if (Status s = CheckReader(actor); !s.ok()) return s;
  if (query.within_days < 0 || query.within_days > 366) {
    return Status::InvalidInput("within_days must be 0..366, not " +
                                std::to_string(query.within_days));
  }
  if (query.limit < 1 || query.limit > 1000) {
    return Status::InvalidInput("limit must be 1..1000, not " + std::to_string(query.limit));
  }
  DueLists lists;
  lists.as_of = query.as_of;
  Status s = store.Read([&](store::Transaction& tx) -> Status {
    lists.overdue.clear();
    lists.due_soon.clear();
    Result<std::optional<core::Id>> agency =
        ScopedAgency(tx, actor, query.agency, query.as_of, query.province);
    if (!agency.ok()) return agency.status();
    store::TaskFilter filter;
    filter.as_of = query.as_of;
    filter.agency_id = *agency;
    filter.include_coordinating = actor.role == Role::kAgency;
    Names names(tx);

    std::vector<store::TaskView> views;
    filter.status = core::TaskStatus::kOpenOverdue;
    if (Status st = ListAll(tx, filter, views); !st.ok()) return st;
    if (Status st = KeepFirst(tx, names, std::move(views), query.as_of, true, query.limit,
                              lists.overdue, lists.overdue_truncated);
        !st.ok()) {
      return st;
    }
    views.clear();
    filter.status = core::TaskStatus::kOpenInTime;
    filter.due_from = query.as_of;
    filter.due_to = query.as_of + core::Date::duration(query.within_days);
    if (Status st = ListAll(tx, filter, views); !st.ok()) return st;
    std::erase_if(views, [](const store::TaskView& v) { return !v.deadline; });
    return KeepFirst(tx, names, std::move(views), query.as_of, false, query.limit, lists.due_soon,
                     lists.due_soon_truncated);
  });
  if (!s.ok()) return s;
  return lists;
}

// ---------------------------------------------------------------- achievement

Result<std::vector<TargetAchievement>> IndicatorAchievement(store::Store& store, const Actor& actor,
                                                            const AchievementQuery& query) {
  if (Status s = CheckReader(actor); !s.ok()) return s;
  const std::optional<core::Id> visible = VisibleAgency(actor);
  if (visible && query.agency_id && *query.agency_id != *visible) {
    return Status::PermissionDenied(
        "permission denied (không có quyền): agency staff may see only their own agency's "
        "targets");
  }
  std::vector<TargetAchievement> out;
  Status s = store.Read([&](store::Transaction& tx) -> Status {
    out.clear();
    std::vector<core::Indicator> indicators;
    if (query.indicator_id) {
      Result<core::Indicator> one = tx.GetIndicator(*query.indicator_id);
      if (!one.ok()) return one.status();
      indicators.push_back(std::move(one.value()));
    } else {
      Result<std::vector<core::Indicator>> all = tx.ListIndicators();
      if (!all.ok()) return all.status();
      indicators = std::move(all.value());
    }
    Names names(tx);
    for (const core::Indicator& indicator : indicators) {
      Result<std::vector<core::Target>> targets = tx.ListTargets(indicator.id);
      if (!targets.ok()) return targets.status();
      Result<std::vector<core::Figure>> figures = tx.ListFigures(indicator.id);
      if (!figures.ok()) return figures.status();
      std::vector<core::Target> kept;
      for (core::Target& t : *targets) {
        if (query.period && !(t.period == *query.period)) continue;
        if (query.agency_id && t.agency_id != query.agency_id) continue;
        if (visible && t.agency_id && *t.agency_id != *visible) continue;
        kept.push_back(std::move(t));
      }
      std::sort(kept.begin(), kept.end(), [](const core::Target& a, const core::Target& b) {
        const std::string ka = core::PeriodKey(a.period), kb = core::PeriodKey(b.period);
        return ka != kb ? ka < kb : a.id < b.id;
      });
      for (core::Target& target : kept) {
        TargetAchievement row;
        row.indicator = indicator;
        if (target.agency_id) {
          Result<std::string> name = names.Of(*target.agency_id);
          if (!name.ok()) return name.status();
          row.agency_name = std::move(name.value());
        }
        // The latest figure known on as_of: a later submission is a correction.
        for (const core::Figure& f : *figures) {
          if (!(f.period == target.period) || !SameAgency(f.agency_id, target.agency_id)) continue;
          if (core::LocalDay(f.submitted_at) > query.as_of) continue;
          if (!row.latest || f.submitted_at > row.latest->submitted_at ||
              (f.submitted_at == row.latest->submitted_at && f.id > row.latest->id)) {
            row.latest = f;
          }
        }
        if (row.latest) {
          Result<core::Achievement> a =
              core::Evaluate(target, indicator.direction, row.latest->value);
          if (!a.ok()) return a.status();
          row.achievement = *a;
        }
        row.target = std::move(target);
        out.push_back(std::move(row));
      }
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

// ---------------------------------------------------------------- timeliness

Result<std::vector<RoundTimeliness>> ReportingTimeliness(store::Store& store, const Actor& actor,
                                                         const TimelinessQuery& query) {
  if (Status s = CheckReader(actor); !s.ok()) return s;
  if (query.from > query.to) return Status::InvalidInput("from is after to");
  if ((query.to - query.from).count() > int64_t{3} * 366) {
    return Status::InvalidInput("the range is longer than 3 years");
  }
  const std::optional<core::Id> visible = VisibleAgency(actor);
  std::vector<RoundTimeliness> out;
  Status s = store.Read([&](store::Transaction& tx) -> Status {
    out.clear();
    Result<std::vector<core::ReportingRegime>> regimes = tx.ListReportingRegimes();
    if (!regimes.ok()) return regimes.status();
    if (query.regime_id &&
        std::none_of(regimes->begin(), regimes->end(),
                     [&](const core::ReportingRegime& r) { return r.id == *query.regime_id; })) {
      return Status::NotFound("no reporting regime " + std::to_string(*query.regime_id));
    }
    Result<std::vector<core::Obligation>> obligations = tx.ListObligations();
    if (!obligations.ok()) return obligations.status();
    Names names(tx);
    for (const core::ReportingRegime& regime : *regimes) {
      if (query.regime_id && regime.id != *query.regime_id) continue;
      Result<std::vector<core::ReportSubmission>> submissions = tx.ListReportSubmissions(regime.id);
      if (!submissions.ok()) return submissions.status();
      Result<std::vector<DuePeriod>> periods = PeriodsDueBetween(regime, query.from, query.to);
      if (!periods.ok()) return periods.status();
      for (const DuePeriod& due : *periods) {
        std::vector<core::Id> expected =
            ExpectedReporters(regime, *obligations, *submissions, due.due);
        if (visible) std::erase_if(expected, [&](core::Id id) { return id != *visible; });
        Result<core::RoundCompleteness> round =
            core::JudgeRound(regime, due.period, expected, *submissions, query.as_of);
        if (!round.ok()) return round.status();
        RoundTimeliness r{regime, due.period, std::move(round.value()), {}};
        for (core::Id agency : expected) {
          std::optional<core::Timestamp> first;
          for (const core::ReportSubmission& sub : *submissions) {
            if (sub.agency_id != agency || !(sub.period == due.period)) continue;
            if (core::LocalDay(sub.submitted_at) > query.as_of) continue;
            if (!first || sub.submitted_at < *first) first = sub.submitted_at;
          }
          Result<std::string> name = names.Of(agency);
          if (!name.ok()) return name.status();
          r.agencies.push_back(AgencyTimeliness{agency, std::move(name.value()),
                                                core::JudgeSubmission(due.due, first, query.as_of),
                                                first});
        }
        std::sort(r.agencies.begin(), r.agencies.end(),
                  [](const AgencyTimeliness& a, const AgencyTimeliness& b) {
                    return a.agency_name != b.agency_name ? a.agency_name < b.agency_name
                                                          : a.agency_id < b.agency_id;
                  });
        out.push_back(std::move(r));
      }
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

// ---------------------------------------------------------------- trend

Result<std::vector<TrendPoint>> StatusTrend(store::Store& store, const Actor& actor,
                                            const TrendQuery& query) {
  if (Status s = CheckReader(actor); !s.ok()) return s;
  if (query.from > query.to) return Status::InvalidInput("from is after to");
  std::vector<core::Date> days;
  const core::PeriodKind kind =
      query.step == TrendStep::kMonth ? core::PeriodKind::kMonth : core::PeriodKind::kWeek;
  for (core::Date day = query.from; day <= query.to;) {
    const core::Date end = core::PeriodEnd(core::PeriodContaining(kind, day));
    days.push_back(std::min(end, query.to));
    if (days.size() > static_cast<size_t>(kMaxTrendPoints)) {
      return Status::InvalidInput("the trend would have more than " +
                                  std::to_string(kMaxTrendPoints) +
                                  " points: shorten the range or step by month");
    }
    day = end + core::Date::duration(1);
  }
  std::vector<TrendPoint> out;
  Status s = store.Read([&](store::Transaction& tx) -> Status {
    out.clear();
    Result<std::optional<core::Id>> only =
        ScopedAgency(tx, actor, query.agency, query.to, query.province);
    if (!only.ok()) return only.status();
    for (core::Date day : days) {
      Result<std::vector<core::AgencyStatusCounts>> counts = tx.CountTaskStatuses(day);
      if (!counts.ok()) return counts.status();
      TrendPoint point{day, {}};
      for (const core::AgencyStatusCounts& c : *counts) {
        if (*only && c.agency_id != **only) continue;
        point.counts.done_on_time += c.counts.done_on_time;
        point.counts.done_late += c.counts.done_late;
        point.counts.open_in_time += c.counts.open_in_time;
        point.counts.open_overdue += c.counts.open_overdue;
        point.counts.no_deadline += c.counts.no_deadline;
        point.counts.total += c.counts.total;
      }
      out.push_back(point);
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

}  // namespace dondoc::service
