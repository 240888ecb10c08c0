// Clean: the whole text pipeline for one document.
//
//   bytes --Decode--> UTF-8 --ToNfc--> --RepairFontDamage--> --BuildLayout-->
//   paragraphs + footnotes, plus the list of decode issues and repairs.
//
// The result owns a copy of the original bytes, so spans and line numbers
// can be computed from it for as long as it lives.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "text/decode.h"
#include "text/layout.h"
#include "text/mapped_text.h"
#include "text/repair.h"

namespace dondoc::text {

struct CleanOptions {
  Encoding encoding = Encoding::kAuto;
  bool repair = true;
};

struct CleanedDocument {
  std::shared_ptr<const std::string> original;
  SourceMap source;  // views *original
  Encoding encoding = Encoding::kUtf8;
  bool had_bom = false;
  std::vector<DecodeIssue> decode_issues;
  std::vector<Repair> repairs;
  MappedText text;  // the whole document after decode, NFC and repair
  Layout layout;

  // Paragraphs separated by one blank line; footnotes are not included.
  std::string JoinedText() const;
};

// `lexicon` may be null when options.repair is false.
Result<CleanedDocument> Clean(std::string original, const CleanOptions& options,
                              const Lexicon* lexicon);

}  // namespace dondoc::text
