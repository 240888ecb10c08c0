// Fuzzes the whole text pipeline (decode, NFC, repair, layout) on arbitrary
// bytes, with automatic detection and with each explicit encoding, and
// checks the invariants every caller relies on.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "text/clean.h"
#include "text/normalize.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

const dondoc::text::Lexicon* SharedLexicon() {
  static const auto lexicon = dondoc::text::Lexicon::LoadDefault();
  return lexicon.ok() ? lexicon->get() : nullptr;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dondoc::text;
  if (size == 0) return 0;
  // The first byte picks the encoding, so every decoder is reached.
  static constexpr Encoding kEncodings[] = {
      Encoding::kAuto,  Encoding::kUtf8, Encoding::kUtf16Le,    Encoding::kUtf16Be,
      Encoding::kTcvn3, Encoding::kVni,  Encoding::kWindows1258};
  CleanOptions options;
  options.encoding = kEncodings[data[0] % std::size(kEncodings)];
  std::string input(reinterpret_cast<const char*>(data + 1), size - 1);
  auto doc = Clean(input, options, SharedLexicon());
  if (!doc.ok()) return 0;
  const uint32_t n = static_cast<uint32_t>(input.size());
  for (uint32_t origin : doc->text.origins()) Check(origin < n);
  for (const Paragraph& p : doc->layout.paragraphs) {
    Check(IsNfc(p.text.text()));
    for (uint32_t origin : p.text.origins()) Check(origin < n);
  }
  for (const Footnote& f : doc->layout.footnotes) {
    for (uint32_t origin : f.text.origins()) Check(origin < n);
  }
  return 0;
}
