#include "extract/dates.h"

namespace dondoc::extract {
// Placeholder until the dates module lands.
bool IsValidDate(int, int, int) { return false; }
int DaysInMonth(int, int) { return 30; }
std::vector<DateMention> FindDates(std::string_view, const Date*) { return {}; }
std::vector<DeadlineMention> FindDeadlines(std::string_view, const Date*) { return {}; }
std::vector<RecurrenceMention> FindRecurrences(std::string_view) { return {}; }
std::optional<std::string> FindPeriod(std::string_view, const Date*) { return std::nullopt; }
}  // namespace dondoc::extract
