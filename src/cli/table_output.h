// Tabular output for the tracking commands: aligned plain-text tables and
// CSV (RFC 4180 quoting). Widths count what a terminal shows: one column per
// code point, none for combining marks, so Vietnamese names line up whether
// stored composed or not.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace dondoc::cli {

using Row = std::vector<std::string>;

// Columns shown for `text`.
size_t DisplayWidth(std::string_view text);

// A header, a rule of dashes, then the rows; columns separated by two
// spaces, each padded to its widest cell (the last column is not padded).
void WriteTable(const Row& header, const std::vector<Row>& rows, std::ostream& out);

// One line per row (LF); a field with a comma, quote, CR or LF is quoted, with
// quotes doubled.
void WriteCsv(const Row& header, const std::vector<Row>& rows, std::ostream& out);
std::string CsvField(std::string_view field);

}  // namespace dondoc::cli
