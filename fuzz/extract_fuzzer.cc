// Fuzzes extraction on arbitrary text: clean, then every extraction step.
// Checks that every span lies inside the input and that no step crashes,
// hangs or reads out of bounds (ASan/UBSan).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "extract/extract.h"
#include "text/clean.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

void CheckSpan(const dondoc::extract::Span& s, size_t size) {
  Check(s.start <= s.end);
  Check(s.end <= size);
  Check(s.line_start <= s.line_end);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dondoc;
  static const auto lexicon = text::Lexicon::LoadDefault();
  static const auto extractor = extract::Extractor::Create({});
  if (!lexicon.ok() || !extractor.ok()) std::abort();
  std::string input(reinterpret_cast<const char*>(data), size);
  auto doc = text::Clean(input, {}, lexicon->get());
  if (!doc.ok()) return 0;
  const extract::Extraction x = (*extractor)->Run(doc.value());
  for (const auto& t : x.tasks) CheckSpan(t.span, size);
  for (const auto& t : x.targets) CheckSpan(t.span, size);
  for (const auto& r : x.results) CheckSpan(r.span, size);
  for (const auto& r : x.references) CheckSpan(r.span, size);
  for (const auto& r : x.reporting_rules) CheckSpan(r.span, size);
  for (const auto& s : x.task_stats) CheckSpan(s.span, size);
  return 0;
}
