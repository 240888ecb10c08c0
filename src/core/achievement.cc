#include "core/achievement.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string>

#include "core/period.h"

namespace dondoc::core {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kEqualTolerance = 1e-9;

struct Acceptable {
  double low = -kInfinity;
  double high = kInfinity;
  bool low_open = false;
  bool high_open = false;
  bool two_sided = false;
};

Result<Acceptable> AcceptableOf(const Target& target) {
  Acceptable acceptable;
  if (target.comparator == Comparator::kRange) {
    if (!target.low || !target.high) {
      return Status::InvalidInput("a range target needs both ends");
    }
    if (!std::isfinite(*target.low) || !std::isfinite(*target.high) || *target.low > *target.high) {
      return Status::InvalidInput("invalid range target " + std::to_string(*target.low) + "-" +
                                  std::to_string(*target.high));
    }
    acceptable.low = *target.low;
    acceptable.high = *target.high;
    acceptable.two_sided = true;
    return acceptable;
  }
  if (!target.value || !std::isfinite(*target.value)) {
    return Status::InvalidInput(std::string("a target with comparator ") +
                                ComparatorSymbol(target.comparator) + " needs a finite value");
  }
  const double v = *target.value;
  switch (target.comparator) {
    case Comparator::kGe:
      acceptable.low = v;
      break;
    case Comparator::kGt:
      acceptable.low = v;
      acceptable.low_open = true;
      break;
    case Comparator::kLe:
      acceptable.high = v;
      break;
    case Comparator::kLt:
      acceptable.high = v;
      acceptable.high_open = true;
      break;
    case Comparator::kEq: {
      const double slack = kEqualTolerance * std::max(1.0, std::fabs(v));
      acceptable = {v - slack, v + slack, false, false, true};
      break;
    }
    case Comparator::kApprox: {
      const double slack = v == 0 ? 0.05 : kApproxTolerance * std::fabs(v);
      acceptable = {v - slack, v + slack, false, false, true};
      break;
    }
    case Comparator::kRange:
      break;
  }
  return acceptable;
}

// The minimum acceptable value in the indicator's direction.
double PlanOf(const Target& target, Direction direction) {
  if (target.comparator == Comparator::kRange) {
    return direction == Direction::kHigherIsBetter ? *target.low : *target.high;
  }
  return *target.value;
}

}  // namespace

const char* OutcomeName(Outcome outcome) {
  switch (outcome) {
    case Outcome::kNotMet:
      return "not_met";
    case Outcome::kMet:
      return "met";
    case Outcome::kExceeded:
      return "exceeded";
  }
  return "unknown";
}

Result<Achievement> Evaluate(const Target& target, Direction direction, double actual) {
  if (!std::isfinite(actual)) return Status::InvalidInput("the actual value is not a number");
  Result<Acceptable> acceptable = AcceptableOf(target);
  if (!acceptable.ok()) return acceptable.status();
  const Acceptable& a = *acceptable;
  const bool above_low = a.low_open ? actual > a.low : actual >= a.low;
  const bool below_high = a.high_open ? actual < a.high : actual <= a.high;
  Achievement result;
  if (above_low && below_high) {
    result.outcome = Outcome::kMet;
  } else if (a.two_sided) {
    const bool good_side = direction == Direction::kHigherIsBetter ? !below_high : !above_low;
    result.outcome = good_side ? Outcome::kExceeded : Outcome::kNotMet;
  }
  result.plan = PlanOf(target, direction);
  const bool higher = direction == Direction::kHigherIsBetter;
  result.gap = higher ? actual - result.plan : result.plan - actual;
  if (result.plan != 0) result.percent_of_plan = actual / result.plan * 100;
  if (higher && result.plan != 0) result.performance = actual / result.plan * 100;
  if (!higher && actual != 0) result.performance = result.plan / actual * 100;
  return result;
}

std::optional<double> GrowthPercent(double current, double previous) {
  if (previous == 0) return std::nullopt;
  return (current / previous - 1) * 100;
}

double GrowthFromRatio(double ratio_percent) { return ratio_percent - 100; }
double RatioFromGrowth(double growth_percent) { return growth_percent + 100; }

Result<double> MonthsToDate(const std::vector<Figure>& monthly, int year, int through_month,
                            Accumulation accumulation) {
  if (through_month < 1 || through_month > 12) {
    return Status::InvalidInput("months-to-date through month " + std::to_string(through_month));
  }
  std::map<int, const Figure*> by_month;
  for (const Figure& figure : monthly) {
    if (figure.period.kind != PeriodKind::kMonth || figure.period.year != year) continue;
    const int month = figure.period.number;
    if (month < 1 || month > through_month) continue;
    const Figure*& slot = by_month[month];
    if (slot == nullptr || figure.submitted_at >= slot->submitted_at) slot = &figure;
  }
  std::string missing;
  for (int month = 1; month <= through_month; ++month) {
    if (by_month.count(month) != 0) continue;
    if (!missing.empty()) missing += ", ";
    missing += std::to_string(month);
  }
  if (!missing.empty()) {
    return Status::InvalidInput("no figure for month(s) " + missing + " of " +
                                std::to_string(year));
  }
  double sum = 0;
  for (const auto& [month, figure] : by_month) sum += figure->value;
  switch (accumulation) {
    case Accumulation::kSum:
      return sum;
    case Accumulation::kLast:
      return by_month.rbegin()->second->value;
    case Accumulation::kAverage:
      return sum / through_month;
  }
  return sum;
}

Result<RiskJudgement> JudgeRisk(const Target& target, Direction direction,
                                Accumulation accumulation, double actual_to_date, Date as_of) {
  Status valid = ValidatePeriod(target.period);
  if (!valid.ok()) return valid;
  const Date start = PeriodStart(target.period);
  const Date end = PeriodEnd(target.period);
  RiskJudgement judgement;
  if (as_of < start) {
    judgement.projected = actual_to_date;
    return judgement;
  }
  const double total = static_cast<double>((end - start).count() + 1);
  const double elapsed = static_cast<double>((std::min(as_of, end) - start).count() + 1);
  judgement.elapsed_share = elapsed / total;
  judgement.projected = accumulation == Accumulation::kSum
                            ? actual_to_date / judgement.elapsed_share
                            : actual_to_date;
  Result<Achievement> achievement = Evaluate(target, direction, judgement.projected);
  if (!achievement.ok()) return achievement.status();
  judgement.at_risk = !achievement->met();
  return judgement;
}

}  // namespace dondoc::core
