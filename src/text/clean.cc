#include "text/clean.h"

#include <utility>

#include "text/normalize.h"

namespace dondoc::text {

std::string CleanedDocument::JoinedText() const {
  std::string out;
  for (const Paragraph& p : layout.paragraphs) {
    if (!out.empty()) out += "\n\n";
    out += p.text.text();
  }
  return out;
}

Result<CleanedDocument> Clean(std::string original, const CleanOptions& options,
                              const Lexicon* lexicon) {
  CleanedDocument doc;
  doc.original = std::make_shared<const std::string>(std::move(original));
  Result<Decoded> decoded = Decode(*doc.original, options.encoding);
  if (!decoded.ok()) return decoded.status();
  doc.encoding = decoded->encoding;
  doc.had_bom = decoded->had_bom;
  doc.decode_issues = std::move(decoded->issues);
  doc.source = SourceMap(*doc.original, decoded->width);

  MappedText text = ToNfc(std::move(decoded->text));
  if (options.repair && lexicon != nullptr) {
    RepairResult repaired = RepairFontDamage(std::move(text), *lexicon);
    // Repaired words come from the lexicon, which may hold decomposed
    // forms; normalise again so the output is always NFC.
    text = repaired.repairs.empty() ? std::move(repaired.text) : ToNfc(std::move(repaired.text));
    doc.repairs = std::move(repaired.repairs);
  }
  doc.layout = BuildLayout(text);
  doc.text = std::move(text);
  return doc;
}

}  // namespace dondoc::text
