#include "extract/model.h"

#include <cstdio>

namespace dondoc::extract {

std::string Date::Iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

const char* CadenceName(Cadence c) {
  switch (c) {
    case Cadence::kWeekly:
      return "weekly";
    case Cadence::kMonthly:
      return "monthly";
    case Cadence::kQuarterly:
      return "quarterly";
    case Cadence::kHalfYearly:
      return "6-month";
    case Cadence::kAnnual:
      return "annual";
  }
  return "monthly";
}

const char* ComparatorSymbol(Comparator c) {
  switch (c) {
    case Comparator::kGe:
      return ">=";
    case Comparator::kLe:
      return "<=";
    case Comparator::kEq:
      return "=";
    case Comparator::kGt:
      return ">";
    case Comparator::kLt:
      return "<";
    case Comparator::kRange:
      return "range";
    case Comparator::kApprox:
      return "approx";
  }
  return "=";
}

}  // namespace dondoc::extract
