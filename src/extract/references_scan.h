// Small scanners shared by the header and references steps: document kinds
// ("Nghị quyết", "Quyết định", ...), document numbers ("23/QĐ-UBND",
// "25-KH/TU", "01/2023/TT-BTC", "1961/QĐUBND") and the date written right
// after a number ("ngày 06/01/2023", "ngày 05 tháng 4 năm 2024").
//
// All scanners work on NFC UTF-8, compare letters case-insensitively, and
// look at a bounded window around the position they are given, so a scan of
// a whole text stays linear.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "extract/model.h"

namespace dondoc::extract::refscan {

// Lower case of a code point: ASCII and Vietnamese letters; the Đ look-alikes
// Ð and Ɖ become đ. Other code points are returned unchanged.
char32_t LowerCp(char32_t cp);
// True for an upper-case letter (ASCII, Vietnamese, Ð, Ɖ).
bool IsUpperCp(char32_t cp);
// Letters or digits.
bool IsAlnumCp(char32_t cp);

// If `text` at `pos` starts with `pattern` (lower-case NFC) ignoring case,
// the end offset of the match; otherwise npos. Does not check boundaries.
size_t MatchCi(std::string_view text, size_t pos, std::string_view pattern);
// True when no letter or digit touches `pos` from the left / right.
bool BoundaryBefore(std::string_view text, size_t pos);
bool BoundaryAfter(std::string_view text, size_t pos);
// MatchCi with word boundaries on both sides.
size_t MatchWordCi(std::string_view text, size_t pos, std::string_view pattern);

// Offset after the spaces at `pos`.
size_t SkipSpaces(std::string_view text, size_t pos);

struct KindMatch {
  std::string kind;  // canonical: "Nghị quyết"
  size_t begin = 0;
  size_t end = 0;
};
// The longest document kind that starts at `pos` as a whole word.
std::optional<KindMatch> MatchKind(std::string_view text, size_t pos);
// A kind that ends exactly at `end` (only spaces allowed between), looking
// back a few words.
std::optional<KindMatch> KindEndingAt(std::string_view text, size_t end);

struct DocNumber {
  size_t begin = 0;
  size_t end = 0;
  std::string canonical;  // "23/QĐ-UBND"
};
// A document number starting at `pos`: digits, then "/" or "-" and a symbol
// with at least one capital letter. Spaces around the first separator are
// allowed ("23 /QĐ-UBND"). nullopt when `pos` starts no number.
std::optional<DocNumber> ScanDocNumber(std::string_view text, size_t pos);
// NFC, no spaces, dash variants as "-", Ð/Ɖ as Đ, no trailing dot.
std::string CanonicalDocNumber(std::string_view raw);
// The kind a symbol implies: "NQ" -> Nghị quyết, "QĐ" -> Quyết định,
// "UBND-TH" (no kind code) -> Công văn, ...
std::optional<std::string> KindFromSymbol(std::string_view canonical);

struct DateAt {
  Date date;
  size_t begin = 0;
  size_t end = 0;
};
// A date starting at `pos` after optional spaces, a comma and "ngày":
// "ngày 19 tháng 01 năm 2023", "ngày 06/01/2023", "02-12-2022", "20.7.2020".
std::optional<DateAt> DateStartingAt(std::string_view text, size_t pos);

// Trims ASCII spaces and the characters in `extra` from both ends.
std::string_view Trim(std::string_view s, std::string_view extra = "");

}  // namespace dondoc::extract::refscan
