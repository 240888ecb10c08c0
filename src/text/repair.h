// Repair of Vietnamese text damaged by broken PDF font encodings.
//
// Some PDFs map glyphs to the wrong code points: the body font shifts a few
// letters (ủ->ā, ụ->ÿ, Ủ->Ā); a heading font maps many letters onto one code
// point (ß stands for ệ/ố/ồ/ộ/ị). Repair finds damaged words by their
// invalid syllables, generates candidate readings from a table of known
// confusions, keeps the readings that are valid syllables, and chooses among
// them with word and bigram statistics (a shipped lexicon plus the clean part
// of the document itself). Every change is reported with its position and a
// confidence in [0, 1].
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "text/mapped_text.h"

namespace dondoc::text {

struct Repair {
  size_t offset = 0;          // byte offset of the repaired word in the OUTPUT text
  uint32_t origin = 0;        // byte offset of the word in the original input
  std::string original;       // the damaged word as found
  std::string replacement;    // the chosen reading
  double confidence = 0;      // 0..1
};

struct RepairResult {
  MappedText text;
  std::vector<Repair> repairs;
};

// Statistics used to choose among candidate readings. Immutable once loaded
// and safe to share between threads.
class Lexicon {
 public:
  // Loads the shipped data (data/ of the source tree, or $DONDOC_DATA_DIR)
  // and Debian's hunspell-vi syllable list when present.
  static Result<std::shared_ptr<const Lexicon>> LoadDefault();
  virtual ~Lexicon() = default;
};

RepairResult RepairFontDamage(const MappedText& in, const Lexicon& lexicon);

}  // namespace dondoc::text
