// Layout: hard-wrapped lines -> paragraphs, and footnotes pulled out.
//
// Text extracted from PDF or DOCX keeps the page layout: lines wrapped
// inside sentences, names, numbers and references; blank lines inside a
// sentence; page starts marked only by a leading space; lone page numbers;
// footnote bodies pasted after a separator line with markers glued to words
// ("năm 2023(1)"); DOCX exports with "[footnoteRef:N]" markers and
// "[N: text]" bodies, and "[bookmark: ...]" noise. BuildLayout joins lines
// into paragraphs, drops page furniture, and returns each footnote linked to
// the place of its marker. All text keeps its origins.
#pragma once

#include <string>
#include <vector>

#include "text/mapped_text.h"

namespace dondoc::text {

struct Paragraph {
  MappedText text;  // one paragraph, lines joined with single spaces
};

struct Footnote {
  // The marker as written at the start of the body: "(1)", "1", "¹"; for a
  // DOCX export, the number of "[N: ...]".
  std::string marker;
  MappedText text;  // the footnote body, whitespace collapsed
  // Index of the paragraph that held the marker, or SIZE_MAX if none found.
  size_t paragraph = SIZE_MAX;
  // Byte offset in that paragraph's text where the marker was; the marker
  // itself is removed from the paragraph.
  size_t marker_offset = 0;
};

struct Layout {
  std::vector<Paragraph> paragraphs;
  std::vector<Footnote> footnotes;
};

Layout BuildLayout(const MappedText& in);

}  // namespace dondoc::text
