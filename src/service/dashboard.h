// Dashboards: what the office looks at every morning, each as of a day and
// within what the actor may see (service/permissions.h: agency staff see
// only their own agency).
//
//   DueTasks      overdue tasks, and open tasks due within N days, as of a
//                 day (the deadline in force on that day; the lead on that
//                 day, or for agency staff every task their agency leads or
//                 coordinates);
//   Achievement   each target beside the latest figure reported for the
//                 same indicator, period and agency (core/achievement.h
//                 judges it, direction- and range-aware);
//   Timeliness    for each reporting regime, each period whose report falls
//                 due in a range: on time / late / not yet due / missing per
//                 agency that owes it (the agencies of the regime's
//                 obligations), judged as of a day (core/timeliness.h);
//   Trend         the four-way counts at the end of each month or ISO week
//                 of a range, one counts-as-of query per point (at most
//                 kMaxTrendPoints points).
// The four-way counts by agency are service/tracking.h: CountStatuses.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "core/achievement.h"
#include "core/model.h"
#include "core/task_status.h"
#include "core/timeliness.h"
#include "service/actor.h"
#include "service/tracking.h"
#include "store/store.h"

namespace dondoc::service {

// ---------------------------------------------------------------- due lists

struct DueQuery {
  core::Date as_of{};
  int within_days = 7;                // due soon: deadline in [as_of, as_of + within_days]
  std::optional<std::string> agency;  // one agency (by name); agency staff: their own
  std::string province;
  int limit = 100;  // per list, 1..1000
};

struct DueTask {
  TaskRow row;
  int64_t days = 0;  // overdue: days past the deadline (>= 1); due soon: days left (>= 0)
};

struct DueLists {
  core::Date as_of{};
  std::vector<DueTask> overdue;   // the longest overdue first, then by id
  std::vector<DueTask> due_soon;  // the nearest deadline first, then by id
  bool overdue_truncated = false;
  bool due_soon_truncated = false;
};

// InvalidInput for within_days outside 0..366 or limit outside 1..1000.
Result<DueLists> DueTasks(store::Store& store, const Actor& actor, const DueQuery& query);

// ---------------------------------------------------------------- achievement

struct AchievementQuery {
  core::Date as_of{};  // figures submitted after this (local) day are not yet known
  std::optional<core::Id> indicator_id;
  std::optional<core::Period> period;
  std::optional<core::Id> agency_id;
};

struct TargetAchievement {
  core::Indicator indicator;
  core::Target target;
  std::string agency_name;             // empty for a province-wide target
  std::optional<core::Figure> latest;  // unset: nothing reported yet
  std::optional<core::Achievement> achievement;
};

// Every target (filtered), by indicator, period and id. Agency staff see
// their own agency's targets and the province-wide ones (no agency).
Result<std::vector<TargetAchievement>> IndicatorAchievement(store::Store& store, const Actor& actor,
                                                            const AchievementQuery& query);

// ---------------------------------------------------------------- timeliness

struct TimelinessQuery {
  core::Date as_of{};
  core::Date from{};  // periods whose due day lies in [from, to]
  core::Date to{};
  std::optional<core::Id> regime_id;
};

struct AgencyTimeliness {
  core::Id agency_id = 0;
  std::string agency_name;
  core::Timeliness timeliness = core::Timeliness::kNotYetDue;
  std::optional<core::Timestamp> submitted_at;
};

struct RoundTimeliness {
  core::ReportingRegime regime;
  core::Period period;
  core::RoundCompleteness round;  // over the agencies listed
  std::vector<AgencyTimeliness> agencies;
};

// InvalidInput when from > to or the range is longer than 3 years. Agency
// staff see only their own agency's row of each round.
Result<std::vector<RoundTimeliness>> ReportingTimeliness(store::Store& store, const Actor& actor,
                                                         const TimelinessQuery& query);

// ---------------------------------------------------------------- trend

inline constexpr int kMaxTrendPoints = 60;

enum class TrendStep { kMonth, kWeek };

struct TrendQuery {
  core::Date from{};
  core::Date to{};
  TrendStep step = TrendStep::kMonth;
  std::optional<std::string> agency;
  std::string province;
};

struct TrendPoint {
  core::Date day{};
  core::StatusCounts counts;
};

// The points are the last day of each month (Sunday of each ISO week) that
// lies in [from, to], and `to` itself when it is not one. InvalidInput when
// from > to or there would be more than kMaxTrendPoints points.
Result<std::vector<TrendPoint>> StatusTrend(store::Store& store, const Actor& actor,
                                            const TrendQuery& query);

}  // namespace dondoc::service
