// Vietnamese numbers and quantities.
//
// Vietnamese writes "." for thousands and "," for decimals: 18.938,78 is
// 18938.78; "1,3 triệu" is 1 300 000; "20 nghìn tỷ" is 20 000 billion. A
// quantity is a number with its unit ("4.500 tỷ đồng", "97,62%", "39,3
// giường"); units are canonical Vietnamese strings ("%", "tỷ đồng",
// "triệu đồng", "triệu USD", "ha", "người", "lượt", "doanh nghiệp", ...).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dondoc::extract {

// Parses one number token in Vietnamese format ("18.938,78", "1,3", "4.500",
// "10", "2.000.000"); also accepts a plain decimal point when the token
// cannot be a thousands group ("9.5"? -> 9.5; "4.500" -> 4500). nullopt when
// the token is not a number.
std::optional<double> ParseVietnameseNumber(std::string_view token);

struct Quantity {
  double value = 0;  // with the multiplier word applied only when the unit keeps no multiplier
  std::string unit;  // canonical unit as written ("tỷ đồng", "%", "ha", "" if none)
  size_t begin = 0;  // byte range of the number and its unit in the searched text
  size_t end = 0;
  std::optional<double> range_high;  // "19-20%" -> value 19, range_high 20
  // False when the unit is a guess (the first noun after the number, not in
  // the table of known units); callers may ignore such units.
  bool unit_known = true;
};

// All quantities in `text` (UTF-8, NFC), in order. A multiplier word that is
// part of the unit stays in it ("4.500 tỷ đồng" -> 4500, "tỷ đồng"); a bare
// multiplier is applied ("1,3 triệu lượt" -> 1.3, "triệu lượt"; the scorer
// normalises multipliers, so keep them as written in the unit).
std::vector<Quantity> FindQuantities(std::string_view text);

// Canonical form of a unit string as written: spaces collapsed, title-case
// words lowered, "tỉ" -> "tỷ", "ngàn" -> "nghìn", "m²" -> "m2"; every "%..."
// ("% GRDP", "%/năm") -> "%"; the per-person and per-year forms the
// evaluation folds ("triệu đồng/người" -> "triệu đồng", "giường/vạn dân" ->
// "giường", "lượt khách" -> "lượt", "ha/năm" -> "ha"); others stay as written
// ("tấn/ha", "huyện/thành phố").
std::string CanonicalUnit(std::string_view unit);

}  // namespace dondoc::extract
