// Repair of Vietnamese text damaged by broken PDF font encodings.
//
// Some PDFs map glyphs to the wrong code points: the body font shifts a few
// letters (ủ->ā, ụ->ÿ, Ủ->Ā); a heading font maps many letters onto one code
// point (ß stands for ệ/ố/ồ/ộ/ị). Repair finds damaged words by their
// invalid syllables, generates candidate readings from a table of known
// confusions, keeps the readings that are valid syllables, and chooses among
// them with word and bigram statistics (a shipped lexicon plus the clean part
// of the document itself). Curly quotes that became '<' and '=' are restored
// in documents that show font damage. Every change is reported with its
// position and a confidence in [0, 1]. The Lexicon lives in lexicon.h.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "text/lexicon.h"
#include "text/mapped_text.h"

namespace dondoc::text {

struct Repair {
  size_t offset = 0;        // byte offset of the repaired word in the OUTPUT text
  uint32_t origin = 0;      // byte offset of the word in the original input
  std::string original;     // the damaged word (or "<" / "=" quote) as found
  std::string replacement;  // the chosen reading
  double confidence = 0;    // 0..1
};

struct RepairResult {
  MappedText text;
  std::vector<Repair> repairs;
};

// Repairs font damage in `in`. Text without suspicious code points is
// returned unchanged without further analysis. Repaired words keep the
// origins of the damaged characters they replace (one code point each).
RepairResult RepairFontDamage(const MappedText& in, const Lexicon& lexicon);
// Same, taking the text over: undamaged text (the common case) is moved into
// the result instead of copied.
RepairResult RepairFontDamage(MappedText&& in, const Lexicon& lexicon);

}  // namespace dondoc::text
