// Outline: the numbering hierarchy of a document's paragraphs.
//
// Vietnamese administrative documents number their parts "I.", "1.",
// "1.1.", "a)", "đ)", "-", "+". Each paragraph gets its level and the path
// of the headings above it, so that a heading's lead agency ("Sở X chủ trì,
// phối hợp với Y:") and horizon ("đến hết quý II năm 2024") can apply to the
// items under it.
#pragma once

#include <string>
#include <vector>

#include "text/layout.h"

namespace dondoc::extract {

enum class MarkerKind { kNone, kPart, kRoman, kArabic, kDecimal, kLetter, kDash, kPlus, kBullet };

struct OutlineNode {
  size_t paragraph = 0;  // index into Layout::paragraphs
  MarkerKind marker = MarkerKind::kNone;
  std::string label;        // "II", "1", "1.2", "a", "-" as written, without punctuation
  int depth = 0;            // 0 for unnumbered body text at top level
  int parent = -1;          // index of the enclosing heading node, or -1
  std::string path;         // "II.1.a" (dashes and bullets add no label)
  bool is_heading = false;  // ends with ":" or is followed by deeper items
};

// One node per paragraph, in order.
std::vector<OutlineNode> BuildOutline(const text::Layout& layout);

}  // namespace dondoc::extract
