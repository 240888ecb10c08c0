#include "store/held_by.h"

namespace dondoc::store {

std::string HeldCoordinationCondition(const std::vector<core::AgencyHistory::HeldSpan>& spans,
                                      std::string_view as_of_sql) {
  if (spans.size() == 1 && !spans[0].from && !spans[0].to) return "";
  auto day = [](core::Date date) { return std::to_string(date.time_since_epoch().count()); };
  const std::string decides = "coalesce(tl.completed_day, " + std::string(as_of_sql) + ")";
  std::string condition;
  for (const core::AgencyHistory::HeldSpan& span : spans) {
    if (!condition.empty()) condition += " OR ";
    condition += "(c.agency_id = " + std::to_string(span.agency);
    if (span.from) condition += " AND " + decides + " >= " + day(*span.from);
    if (span.to) condition += " AND " + decides + " < " + day(*span.to);
    condition += ")";
  }
  return condition.empty() ? "1 = 0" : condition;
}

}  // namespace dondoc::store
