#include "cli/table_output.h"

#include <algorithm>

#include "text/utf8.h"

namespace dondoc::cli {
namespace {

bool IsZeroWidth(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) ||  // combining diacritical marks
         (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
         (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F) || cp == 0x200B ||
         cp == 0x200C || cp == 0x200D || cp == 0xFEFF;
}

void WriteLine(const Row& cells, const std::vector<size_t>& widths, std::ostream& out) {
  for (size_t c = 0; c < cells.size(); ++c) {
    if (c > 0) out << "  ";
    out << cells[c];
    if (c + 1 < cells.size()) {
      const size_t w = DisplayWidth(cells[c]);
      if (w < widths[c]) out << std::string(widths[c] - w, ' ');
    }
  }
  out << "\n";
}

}  // namespace

size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  size_t i = 0;
  while (i < text.size()) {
    const char32_t cp = text::NextCodePoint(text, i);
    if (!IsZeroWidth(cp)) ++width;
  }
  return width;
}

void WriteTable(const Row& header, const std::vector<Row>& rows, std::ostream& out) {
  std::vector<size_t> widths(header.size(), 0);
  for (size_t c = 0; c < header.size(); ++c) widths[c] = DisplayWidth(header[c]);
  for (const Row& row : rows) {
    for (size_t c = 0; c < row.size() && c < widths.size(); ++c) {
      widths[c] = std::max(widths[c], DisplayWidth(row[c]));
    }
  }
  WriteLine(header, widths, out);
  Row rule;
  for (size_t w : widths) rule.push_back(std::string(w, '-'));
  WriteLine(rule, widths, out);
  for (const Row& row : rows) WriteLine(row, widths, out);
}

std::string CsvField(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string quoted = "\"";
  for (char ch : field) {
    if (ch == '"') quoted += '"';
    quoted += ch;
  }
  quoted += '"';
  return quoted;
}

void WriteCsv(const Row& header, const std::vector<Row>& rows, std::ostream& out) {
  auto line = [&](const Row& cells) {
    for (size_t c = 0; c < cells.size(); ++c) {
      if (c > 0) out << ',';
      out << CsvField(cells[c]);
    }
    out << "\n";
  };
  line(header);
  for (const Row& row : rows) line(row);
}

}  // namespace dondoc::cli
