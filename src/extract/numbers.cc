#include "extract/numbers.h"

namespace dondoc::extract {
// Placeholder until the numbers module lands.
std::optional<double> ParseVietnameseNumber(std::string_view) { return std::nullopt; }
std::vector<Quantity> FindQuantities(std::string_view) { return {}; }
std::string CanonicalUnit(std::string_view unit) { return std::string(unit); }
}  // namespace dondoc::extract
