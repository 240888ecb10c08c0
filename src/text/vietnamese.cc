#include "text/vietnamese.h"

namespace dondoc::text {
// Placeholder until the vietnamese module lands.
LetterParts SplitLetter(char32_t cp) { return {cp, Tone::kNone, false, false}; }
char32_t ComposeLetter(char32_t base, Tone, bool) { return base; }
bool IsValidSyllable(std::string_view) { return true; }
std::string ComparisonKey(std::string_view s) { return std::string(s); }
std::string SearchKey(std::string_view s) { return std::string(s); }
}  // namespace dondoc::text
