// How a reported figure stands against its plan.
//
// Targets (model.h: Target) name what is acceptable with a comparator:
//   >= v, > v, <= v, < v   one-sided: the comparator alone decides;
//   = v                    met at v (within 1e-9 relative, for rounding);
//   approx v               "khoảng", "xấp xỉ", "trên dưới": met within
//                          kApproxTolerance (5 %) of v, relative to |v|
//                          (absolute 0.05 when v is 0);
//   range [low, high]      "19-20%": met inside the range, ends included.
// For the two-sided ones (=, approx, range) the indicator's direction
// decides what lies outside: beyond the good end (above for higher is
// better, below for lower is better) is kExceeded, which counts as met;
// beyond the bad end is kNotMet. "giảm tỷ lệ hộ nghèo ít nhất 4%" is a
// higher-is-better target >= 4 on the reduction; a target on the rate itself
// ("tỷ lệ hộ nghèo dưới 3%") is < 3 on a lower-is-better indicator.
//
// Reports write "đạt X% kế hoạch" as actual / plan × 100 whatever the
// direction: percent_of_plan is exactly that. `performance` is the
// direction-aware index (plan / actual × 100 when lower is better), 100 or
// more when the plan is reached. The plan of a range is its minimum
// acceptable end (low for higher is better, high for lower is better).
//
// Changes: "tăng X% so với cùng kỳ" is growth X; "bằng X% so với cùng kỳ"
// is a ratio, growth X - 100 ("bằng 118,26%" -> +18.26).
#pragma once

#include <optional>
#include <vector>

#include "common/status.h"
#include "core/model.h"

namespace dondoc::core {

inline constexpr double kApproxTolerance = 0.05;

enum class Outcome { kNotMet, kMet, kExceeded };
const char* OutcomeName(Outcome outcome);  // not_met, met, exceeded

struct Achievement {
  Outcome outcome = Outcome::kNotMet;
  double plan = 0;                        // the reference value (see above)
  std::optional<double> percent_of_plan;  // actual / plan × 100; unset when plan is 0
  std::optional<double> performance;      // direction-aware; unset on a division by 0
  // actual - plan, signed so that positive is better than the plan.
  double gap = 0;
  bool met() const { return outcome != Outcome::kNotMet; }
};

// InvalidInput when the target lacks its value (or low/high for a range,
// or low > high), or when a number is not finite.
Result<Achievement> Evaluate(const Target& target, Direction direction, double actual);

// (current / previous - 1) × 100; unset when previous is 0.
std::optional<double> GrowthPercent(double current, double previous);
// "bằng 118,26% so với cùng kỳ" -> 18.26, and back.
double GrowthFromRatio(double ratio_percent);
double RatioFromGrowth(double growth_percent);

// How monthly figures add up to "lũy kế N tháng": flows (revenue,
// investment) are summed, stocks (number of enterprises in operation) take
// the last month, rates and prices are averaged.
enum class Accumulation { kSum, kLast, kAverage };

// The months-to-date value through `through_month` of `year` from monthly
// figures (kMonth periods of that year; others ignored). When one month has
// several figures the latest submitted wins (a correction). InvalidInput
// naming the missing months when any month 1..through_month is absent.
Result<double> MonthsToDate(const std::vector<Figure>& monthly, int year, int through_month,
                            Accumulation accumulation);

// "At risk" for a period still running, by straight pro-rata: the share of
// the period elapsed by `as_of` (calendar days, both ends included) scales a
// summed figure to a projection for the whole period (actual / share);
// other accumulations project the latest value as is. At risk when that
// projection does not meet the target. Before the period starts nothing is
// at risk; after it ends the projection is the actual.
struct RiskJudgement {
  double elapsed_share = 0;  // 0..1
  double projected = 0;
  bool at_risk = false;
};
Result<RiskJudgement> JudgeRisk(const Target& target, Direction direction,
                                Accumulation accumulation, double actual_to_date, Date as_of);

}  // namespace dondoc::core
