#include "text/repair.h"

namespace dondoc::text {
// Placeholder until the repair module lands: no repairs.
Result<std::shared_ptr<const Lexicon>> Lexicon::LoadDefault() {
  return std::shared_ptr<const Lexicon>(std::make_shared<Lexicon>());
}
RepairResult RepairFontDamage(const MappedText& in, const Lexicon&) { return {in, {}}; }
}  // namespace dondoc::text
