#include "text/layout.h"

namespace dondoc::text {
// Placeholder until the layout module lands: one paragraph per line.
Layout BuildLayout(const MappedText& in) {
  Layout out;
  size_t start = 0;
  const std::string& s = in.text();
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '\n') {
      if (i > start) out.paragraphs.push_back({in.Slice(start, i)});
      start = i + 1;
    }
  }
  return out;
}
}  // namespace dondoc::text
