#include "extract/outline.h"

namespace dondoc::extract {
// Placeholder until the outline step lands: flat, unnumbered.
std::vector<OutlineNode> BuildOutline(const text::Layout& layout) {
  std::vector<OutlineNode> out(layout.paragraphs.size());
  for (size_t i = 0; i < out.size(); ++i) out[i].paragraph = i;
  return out;
}
}  // namespace dondoc::extract
