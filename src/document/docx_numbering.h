// Automatic list labels of a DOCX ("1.", "a)", "II.", "-"): Word stores the
// numbering definitions in word/numbering.xml and only a reference (numId,
// level) on each paragraph, so the labels are computed here, counting
// paragraphs in document order as Word does.
#pragma once

#include <pugixml.hpp>

#include <array>
#include <map>
#include <string>
#include <string_view>

namespace dondoc::document {

class DocxNumbering {
 public:
  // `numbering` and `styles` may be empty documents.
  DocxNumbering(const pugi::xml_document& numbering, const pugi::xml_document& styles);

  // The label of paragraph `p` (a w:p), advancing the counters, or "" if it
  // is not numbered.
  std::string Next(pugi::xml_node p);

 private:
  static constexpr int kLevels = 9;
  struct Level {
    std::string format = "decimal";  // w:numFmt
    std::string text;                // w:lvlText, "%1." style
    int start = 1;
  };
  struct Num {
    std::array<Level, kLevels> levels;
    std::array<int, kLevels> counters{};  // 0: level not started
  };
  struct Ref {
    std::string num_id;
    int level = 0;
  };

  bool StyleRef(std::string_view style_id, Ref* ref) const;

  std::map<std::string, Num, std::less<>> nums_;               // by w:numId
  std::map<std::string, pugi::xml_node, std::less<>> styles_;  // by w:styleId
};

// Element names without their namespace prefix ("w:p" -> "p").
std::string_view LocalName(pugi::xml_node node);
// The attribute with this local name ("w:val" -> "val").
pugi::xml_attribute LocalAttribute(pugi::xml_node node, std::string_view name);
pugi::xml_node LocalChild(pugi::xml_node node, std::string_view name);

}  // namespace dondoc::document
