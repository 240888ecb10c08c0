// DOCX: word/document.xml walked in document order. What Word shows as text
// is w:t inside runs; w:tab, w:br, w:noBreakHyphen are characters; field
// codes, deleted text and the fallback copies of drawings are not shown.
//
// Text typed with a legacy Vietnamese font (TCVN3 ".VnTime", ".VnArial",
// ...; VNI "VNI-Times", ...) is stored as the Windows-1252 reading of the
// legacy bytes ("Bé c¸o" for "Báo cáo"). Such a run's text is turned back
// into those bytes and decoded by the text layer (text/decode.h). The run's
// font is its own w:rFonts, else its character style's, else its paragraph
// style's (each following w:basedOn), else the document default.
#include "document/docx.h"

#include <pugixml.hpp>

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "document/docx_numbering.h"
#include "document/zip_archive.h"
#include "text/decode.h"
#include "text/legacy_tables.h"
#include "text/utf8.h"
#include "text/vietnamese.h"

namespace dondoc::document {
namespace {

constexpr const char* kDocumentPart = "word/document.xml";
// Deeper XML is hostile or broken; its content is skipped, not recursed into.
constexpr int kMaxDepth = 200;

struct Part {
  std::string bytes;  // pugixml parses in place: keep the buffer
  pugi::xml_document xml;
};

Status ParsePart(ZipArchive* zip, const std::string& name, bool required, Part* part) {
  Result<std::optional<std::string>> bytes = zip->Read(name);
  if (!bytes.ok()) return bytes.status();
  if (!bytes->has_value()) {
    return required ? Status::InvalidInput("not a DOCX: the zip archive has no " + name)
                    : Status::Ok();
  }
  part->bytes = std::move(**bytes);
  // Whitespace-only text matters (<w:t xml:space="preserve"> </w:t>).
  // pugixml expands no DTD entities, so entity bombs cannot grow.
  const pugi::xml_parse_result r = part->xml.load_buffer_inplace(
      part->bytes.data(), part->bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata,
      pugi::encoding_auto);
  if (!r) {
    return Status::InvalidInput("not a valid DOCX: malformed XML in " + name + " at byte " +
                                std::to_string(r.offset) + " (" + r.description() + ")");
  }
  return Status::Ok();
}

// Footnote (or endnote) bodies by their w:id.
std::map<std::string, pugi::xml_node, std::less<>> NotesById(const pugi::xml_document& xml,
                                                             std::string_view element) {
  std::map<std::string, pugi::xml_node, std::less<>> out;
  for (pugi::xml_node n : xml.document_element().children()) {
    // Separators have a w:type; real notes have none ("normal").
    const std::string_view type = LocalAttribute(n, "type").value();
    if (LocalName(n) == element && (type.empty() || type == "normal")) {
      out[LocalAttribute(n, "id").value()] = n;
    }
  }
  return out;
}

// A legacy Vietnamese font: its encoding, and whether it draws every letter
// as a capital (the TCVN3 "H" fonts, .VnTimeH, .VnArialH: TCVN3 has no
// toned capitals, so headings were typed in lower case in those fonts).
struct LegacyFont {
  text::Encoding encoding = text::Encoding::kTcvn3;
  bool capitals = false;
};

std::optional<LegacyFont> LegacyFontOf(std::string_view font) {
  auto starts_with_ci = [&](std::string_view prefix) {
    if (font.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
      const char a = font[i] >= 'A' && font[i] <= 'Z' ? static_cast<char>(font[i] + 32) : font[i];
      if (a != prefix[i]) return false;
    }
    return true;
  };
  if (starts_with_ci(".vn")) return LegacyFont{text::Encoding::kTcvn3, font.ends_with('H')};
  if (starts_with_ci("vni-") || starts_with_ci("vni ")) {
    return LegacyFont{text::Encoding::kVni, false};
  }
  return std::nullopt;
}

// `s` with its letters in capitals (ASCII and Vietnamese letters).
std::string Capitals(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char32_t cp = text::NextCodePoint(s, i);
    if (cp >= 'a' && cp <= 'z') {
      cp -= 0x20;
    } else if (const text::LetterParts p = text::SplitLetter(cp); p.is_vietnamese_letter) {
      if (const char32_t upper = text::ComposeLetter(p.base, p.tone, true); upper != 0) cp = upper;
    }
    text::AppendUtf8(cp, out);
  }
  return out;
}

// The font of an rPr (w:rFonts hAnsi, the font of letters past ASCII, else
// ascii), or "" when it names none.
std::string_view FontOf(pugi::xml_node rpr) {
  const pugi::xml_node fonts = LocalChild(rpr, "rFonts");
  if (!fonts) return {};
  const std::string_view h = LocalAttribute(fonts, "hAnsi").value();
  return h.empty() ? std::string_view(LocalAttribute(fonts, "ascii").value()) : h;
}

// Fonts named by styles.xml: each style's own or inherited font, and the
// document default.
class StyleFonts {
 public:
  explicit StyleFonts(const pugi::xml_document& styles) {
    const pugi::xml_node root = styles.document_element();
    if (!root) return;
    for (pugi::xml_node n : root.children()) {
      if (LocalName(n) == "style") {
        Style& s = styles_[LocalAttribute(n, "styleId").value()];
        s.font = FontOf(LocalChild(n, "rPr"));
        s.based_on = LocalAttribute(LocalChild(n, "basedOn"), "val").value();
      } else if (LocalName(n) == "docDefaults") {
        default_ = FontOf(LocalChild(LocalChild(n, "rPrDefault"), "rPr"));
      }
    }
  }

  // The font of style `id`, following w:basedOn (a bounded chain); "" if none.
  std::string_view Font(std::string_view id) const {
    constexpr int kMaxChain = 16;
    for (int i = 0; i < kMaxChain && !id.empty(); ++i) {
      const auto it = styles_.find(id);
      if (it == styles_.end()) break;
      if (!it->second.font.empty()) return it->second.font;
      id = it->second.based_on;
    }
    return {};
  }
  std::string_view Default() const { return default_; }

 private:
  struct Style {
    std::string_view font;
    std::string_view based_on;
  };
  std::map<std::string_view, Style, std::less<>> styles_;
  std::string_view default_;
};

// The bytes whose Windows-1252 reading is `s`, or nullopt when `s` has a
// character no byte stands for (then it is real Unicode, not legacy bytes).
std::optional<std::string> Windows1252Bytes(std::string_view s) {
  static const std::array<char32_t, 256> kChart = [] {
    std::array<char32_t, 256> chart{};
    for (int b = 0; b < 256; ++b) {
      chart[static_cast<size_t>(b)] =
          text::legacy::Windows1252ToUnicode(static_cast<unsigned char>(b));
    }
    return chart;
  }();
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const char32_t cp = text::NextCodePoint(s, i);
    if (cp < 0x100 && (cp < 0x80 || cp >= 0xA0 || kChart[cp] == text::legacy::kUndefined)) {
      out += static_cast<char>(cp);  // Latin-1, or a C1 slot 1252 leaves unassigned
      continue;
    }
    size_t b = 0x80;
    while (b < 0xA0 && kChart[b] != cp) ++b;
    if (b == 0xA0) return std::nullopt;
    out += static_cast<char>(b);
  }
  return out;
}

class Renderer {
 public:
  Renderer(DocxNumbering* numbering, const pugi::xml_document& footnotes,
           const pugi::xml_document& endnotes, const pugi::xml_document& styles)
      : numbering_(numbering),
        footnotes_(NotesById(footnotes, "footnote")),
        endnotes_(NotesById(endnotes, "endnote")),
        styles_(styles) {}

  std::string Render(pugi::xml_node body) {
    Children(body, 0);
    // One trailing newline, no trailing blank lines.
    while (out_.size() >= 2 && out_[out_.size() - 1] == '\n' && out_[out_.size() - 2] == '\n') {
      out_.pop_back();
    }
    return std::move(out_);
  }

 private:
  void Children(pugi::xml_node node, int depth) {
    if (depth > kMaxDepth) return;
    for (pugi::xml_node c : node.children()) {
      if (c.type() == pugi::node_element) Element(c, depth + 1);
    }
  }

  void Element(pugi::xml_node e, int depth) {
    const std::string_view name = LocalName(e);
    if (name == "p") {
      Paragraph(e, depth);
    } else if (name == "tbl") {
      Table(e, depth);
    } else if (name == "r") {
      const std::optional<LegacyFont> outer = legacy_;
      legacy_ = LegacyFontOf(RunFont(e));
      Children(e, depth);
      legacy_ = outer;
    } else if (name == "t") {
      for (pugi::xml_node c : e.children()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
          Text(legacy_ ? Legacy(c.value(), *legacy_) : std::string(c.value()));
        }
      }
    } else if (name == "tab" || name == "ptab") {
      line_ += '\t';
    } else if (name == "br" || name == "cr") {
      // A line break inside a table cell would split the row.
      line_ += cell_depth_ > 0 ? ' ' : '\n';
    } else if (name == "noBreakHyphen") {
      line_ += '-';
    } else if (name == "footnoteReference" || name == "endnoteReference") {
      NoteReference(e, name == "footnoteReference" ? footnotes_ : endnotes_, depth);
    } else if (name == "pPr" || name == "rPr" || name == "sectPr" || name == "tblPr" ||
               name == "trPr" || name == "tcPr" || name == "tblGrid" || name == "del" ||
               name == "moveFrom" || name == "Fallback" || name == "instrText" ||
               name == "delText") {
      // Properties, deleted text, field codes, duplicate drawing content.
    } else {
      Children(e, depth);  // runs, hyperlinks, insertions, content controls
    }
  }

  // The font a run is shown in (see the top of this file).
  std::string_view RunFont(pugi::xml_node run) const {
    const pugi::xml_node rpr = LocalChild(run, "rPr");
    std::string_view font = FontOf(rpr);
    if (font.empty()) font = styles_.Font(LocalAttribute(LocalChild(rpr, "rStyle"), "val").value());
    if (font.empty()) font = styles_.Font(paragraph_style_);
    if (font.empty()) font = styles_.Default();
    return font;
  }

  // Text of a legacy-font run in UTF-8; as written when it is not legacy bytes.
  static std::string Legacy(std::string_view s, const LegacyFont& font) {
    const std::optional<std::string> bytes = Windows1252Bytes(s);
    if (!bytes) return std::string(s);
    Result<text::Decoded> decoded = text::Decode(*bytes, font.encoding);
    if (!decoded.ok()) return std::string(s);
    const std::string_view utf8 = decoded->text.text();
    return font.capitals ? Capitals(utf8) : std::string(utf8);
  }

  void Text(std::string_view s) {
    for (const char c : s) {
      // A raw newline inside w:t is not a Word line break.
      line_ += (c == '\n' || c == '\r') ? ' ' : c;
    }
  }

  void Paragraph(pugi::xml_node p, int depth) {
    // A paragraph inside a paragraph (a text box) becomes its own line
    // before the one that holds it.
    std::string outer = std::move(line_);
    line_.clear();
    const std::string_view outer_style = paragraph_style_;
    paragraph_style_ = LocalAttribute(LocalChild(LocalChild(p, "pPr"), "pStyle"), "val").value();
    const std::string label = numbering_->Next(p);
    if (!label.empty()) line_ = label + ' ';
    Children(p, depth);
    if (cell_depth_ > 0) {
      if (!cell_.empty() && !line_.empty()) cell_ += ' ';
      cell_ += line_;
    } else {
      EmitLine();
    }
    line_ = std::move(outer);
    paragraph_style_ = outer_style;
  }

  void EmitLine() {
    const bool blank = line_.find_first_not_of(" \t") == std::string::npos;
    // Empty paragraphs are spacing: at most one blank line, none at the top.
    if (blank && notes_.empty()) {
      if (!out_.empty() && !out_.ends_with("\n\n")) out_ += '\n';
      line_.clear();
      return;
    }
    out_ += line_;
    for (const std::string& note : notes_) out_ += note;
    notes_.clear();
    out_ += '\n';
    line_.clear();
  }

  void Table(pugi::xml_node tbl, int depth) {
    if (depth > kMaxDepth) return;
    for (pugi::xml_node tr : tbl.children()) {
      if (LocalName(tr) != "tr") continue;
      std::string row;
      bool first = true;
      for (pugi::xml_node tc : tr.children()) {
        if (LocalName(tc) != "tc") continue;
        std::string outer_cell = std::move(cell_);
        cell_.clear();
        ++cell_depth_;
        Children(tc, depth + 2);
        --cell_depth_;
        if (!first) row += '\t';
        first = false;
        row += cell_;
        cell_ = std::move(outer_cell);
      }
      if (cell_depth_ > 0) {
        // A table inside a cell: its rows run on inside that cell.
        if (!cell_.empty()) cell_ += ' ';
        cell_ += row;
      } else {
        std::string outer = std::move(line_);
        line_ = std::move(row);
        EmitLine();
        line_ = std::move(outer);
      }
    }
  }

  void NoteReference(pugi::xml_node ref,
                     const std::map<std::string, pugi::xml_node, std::less<>>& bodies, int depth) {
    const auto body = bodies.find(LocalAttribute(ref, "id").value());
    if (body == bodies.end() || in_note_) return;
    const int number = ++note_count_;
    line_ += "[footnoteRef:" + std::to_string(number) + "]";
    // The body is rendered on its own, then appended to this paragraph's
    // line as "[N: text]", the form the layout links to its reference.
    std::string outer_line = std::move(line_);
    std::string outer_cell = std::move(cell_);
    line_.clear();
    cell_.clear();
    const int outer_cell_depth = cell_depth_;
    cell_depth_ = 1;  // body paragraphs join with spaces
    in_note_ = true;
    Children(body->second, depth);
    in_note_ = false;
    cell_depth_ = outer_cell_depth;
    notes_.push_back(" [" + std::to_string(number) + ": " + cell_ + "]");
    line_ = std::move(outer_line);
    cell_ = std::move(outer_cell);
  }

  DocxNumbering* numbering_;
  std::map<std::string, pugi::xml_node, std::less<>> footnotes_;
  std::map<std::string, pugi::xml_node, std::less<>> endnotes_;
  StyleFonts styles_;
  std::string_view paragraph_style_;  // w:pStyle of the paragraph being rendered
  std::optional<LegacyFont> legacy_;  // the current run's legacy font
  std::string out_;
  std::string line_;                // the paragraph being rendered
  std::string cell_;                // the table cell being rendered
  int cell_depth_ = 0;              // > 0: paragraphs go into cell_
  std::vector<std::string> notes_;  // bodies cited by the current line
  int note_count_ = 0;
  bool in_note_ = false;
};

}  // namespace

Result<ExtractedText> ReadDocx(std::string_view bytes, const ReadOptions& options) {
  Result<std::unique_ptr<ZipArchive>> zip =
      ZipArchive::Open(bytes, options.max_docx_entries, options.max_docx_bytes);
  if (!zip.ok()) return zip.status();
  Part document, numbering, styles, footnotes, endnotes;
  for (auto [name, required, part] :
       {std::tuple<const char*, bool, Part*>{kDocumentPart, true, &document},
        {"word/numbering.xml", false, &numbering},
        {"word/styles.xml", false, &styles},
        {"word/footnotes.xml", false, &footnotes},
        {"word/endnotes.xml", false, &endnotes}}) {
    if (Status s = ParsePart(zip->get(), name, required, part); !s.ok()) return s;
  }
  const pugi::xml_node body = LocalChild(document.xml.document_element(), "body");
  if (!body) {
    return Status::InvalidInput(std::string("not a valid DOCX: ") + kDocumentPart +
                                " has no w:body");
  }
  DocxNumbering labels(numbering.xml, styles.xml);
  ExtractedText out;
  out.format = Format::kDocx;
  out.text = Renderer(&labels, footnotes.xml, endnotes.xml, styles.xml).Render(body);
  return out;
}

}  // namespace dondoc::document
