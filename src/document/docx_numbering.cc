#include "document/docx_numbering.h"

#include <charconv>
#include <cstring>

namespace dondoc::document {

std::string_view LocalName(pugi::xml_node node) {
  std::string_view name = node.name();
  const size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_attribute LocalAttribute(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_attribute a : node.attributes()) {
    std::string_view n = a.name();
    const size_t colon = n.find(':');
    if (colon != std::string_view::npos) n = n.substr(colon + 1);
    if (n == name) return a;
  }
  return {};
}

pugi::xml_node LocalChild(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_node c : node.children()) {
    if (c.type() == pugi::node_element && LocalName(c) == name) return c;
  }
  return {};
}

namespace {

// The w:val of child `name`, or "".
std::string_view ChildVal(pugi::xml_node node, std::string_view name) {
  return LocalAttribute(LocalChild(node, name), "val").value();
}

int ToInt(std::string_view s, int fallback) {
  int v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() ? v : fallback;
}

std::string Letters(int v, bool upper) {
  // a..z, then aa, bb, ... as Word does.
  if (v < 1) return std::to_string(v);
  const char c = static_cast<char>((upper ? 'A' : 'a') + (v - 1) % 26);
  return std::string(static_cast<size_t>(1 + (v - 1) / 26 % 10), c);
}

std::string Roman(int v, bool upper) {
  if (v < 1 || v > 3999) return std::to_string(v);
  static constexpr std::pair<int, const char*> kDigits[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string out;
  for (const auto& [value, digits] : kDigits) {
    while (v >= value) {
      out += digits;
      v -= value;
    }
  }
  if (upper) {
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string Format(int v, std::string_view format) {
  if (format == "lowerLetter") return Letters(v, false);
  if (format == "upperLetter") return Letters(v, true);
  if (format == "lowerRoman") return Roman(v, false);
  if (format == "upperRoman") return Roman(v, true);
  if (format == "decimalZero" && v >= 0 && v < 10) return "0" + std::to_string(v);
  return std::to_string(v);
}

// Word bullets are often symbol-font glyphs; Vietnamese documents write
// lists with "-" and "+", which the outline layer reads.
std::string Bullet(std::string_view text) {
  if (text == "+" || text == "o") return "+";
  if (text == "*" || text == "\xE2\x80\xA2") return std::string(text);  // * •
  return "-";
}

}  // namespace

DocxNumbering::DocxNumbering(const pugi::xml_document& numbering,
                             const pugi::xml_document& styles) {
  const pugi::xml_node root = numbering.document_element();
  std::map<std::string, std::array<Level, kLevels>, std::less<>> abstracts;
  for (pugi::xml_node a : root.children()) {
    if (LocalName(a) != "abstractNum") continue;
    std::array<Level, kLevels>& levels = abstracts[LocalAttribute(a, "abstractNumId").value()];
    for (pugi::xml_node l : a.children()) {
      if (LocalName(l) != "lvl") continue;
      const int i = ToInt(LocalAttribute(l, "ilvl").value(), -1);
      if (i < 0 || i >= kLevels) continue;
      Level& level = levels[static_cast<size_t>(i)];
      if (const std::string_view f = ChildVal(l, "numFmt"); !f.empty()) level.format = f;
      level.text = ChildVal(l, "lvlText");
      level.start = ToInt(ChildVal(l, "start"), 1);
    }
  }
  for (pugi::xml_node n : root.children()) {
    if (LocalName(n) != "num") continue;
    const auto a = abstracts.find(ChildVal(n, "abstractNumId"));
    if (a == abstracts.end()) continue;
    Num num;
    num.levels = a->second;
    for (pugi::xml_node o : n.children()) {
      if (LocalName(o) != "lvlOverride") continue;
      const int i = ToInt(LocalAttribute(o, "ilvl").value(), -1);
      const std::string_view start = ChildVal(o, "startOverride");
      if (i >= 0 && i < kLevels && !start.empty()) {
        num.levels[static_cast<size_t>(i)].start = ToInt(start, 1);
      }
    }
    nums_[LocalAttribute(n, "numId").value()] = std::move(num);
  }
  for (pugi::xml_node s : styles.document_element().children()) {
    if (LocalName(s) == "style") styles_[LocalAttribute(s, "styleId").value()] = s;
  }
}

bool DocxNumbering::StyleRef(std::string_view style_id, Ref* ref) const {
  // Follow w:basedOn a few steps: a loop in hostile input must end.
  for (int step = 0; step < 8 && !style_id.empty(); ++step) {
    const auto s = styles_.find(style_id);
    if (s == styles_.end()) return false;
    const pugi::xml_node num_pr = LocalChild(LocalChild(s->second, "pPr"), "numPr");
    if (num_pr) {
      ref->num_id = ChildVal(num_pr, "numId");
      ref->level = ToInt(ChildVal(num_pr, "ilvl"), 0);
      return true;
    }
    style_id = ChildVal(s->second, "basedOn");
  }
  return false;
}

std::string DocxNumbering::Next(pugi::xml_node p) {
  if (nums_.empty()) return "";
  const pugi::xml_node ppr = LocalChild(p, "pPr");
  Ref ref;
  const pugi::xml_node num_pr = LocalChild(ppr, "numPr");
  if (num_pr) {
    ref.num_id = ChildVal(num_pr, "numId");
    ref.level = ToInt(ChildVal(num_pr, "ilvl"), 0);
    if (ref.num_id.empty() && !StyleRef(ChildVal(ppr, "pStyle"), &ref)) return "";
  } else if (!StyleRef(ChildVal(ppr, "pStyle"), &ref)) {
    return "";
  }
  const auto it = nums_.find(ref.num_id);  // numId 0 (no numbering) is never defined
  if (it == nums_.end() || ref.level < 0 || ref.level >= kLevels) return "";
  Num& num = it->second;
  const auto level = static_cast<size_t>(ref.level);
  int& counter = num.counters[level];
  counter = counter == 0 ? num.levels[level].start : counter + 1;
  for (size_t deeper = level + 1; deeper < kLevels; ++deeper) num.counters[deeper] = 0;

  const Level& l = num.levels[level];
  if (l.format == "bullet") return Bullet(l.text);
  if (l.format == "none") return l.text.find('%') == std::string::npos ? l.text : "";
  std::string label;
  for (size_t i = 0; i < l.text.size(); ++i) {
    if (l.text[i] == '%' && i + 1 < l.text.size() && l.text[i + 1] >= '1' && l.text[i + 1] <= '9') {
      const auto k = static_cast<size_t>(l.text[i + 1] - '1');
      const int v = num.counters[k] != 0 ? num.counters[k] : num.levels[k].start;
      label += Format(v, num.levels[k].format);
      ++i;
    } else {
      label += l.text[i];
    }
  }
  return label;
}

}  // namespace dondoc::document
