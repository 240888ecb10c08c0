#include "extract/numbers.h"

#include <gtest/gtest.h>

#include <string>

namespace dondoc::extract {
namespace {

TEST(ParseVietnameseNumber, ThousandsDotsAndDecimalComma) {
  EXPECT_DOUBLE_EQ(*ParseVietnameseNumber("18.938,78"), 18938.78);
  EXPECT_DOUBLE_EQ(*ParseVietnameseNumber("4.500"), 4500);
  EXPECT_DOUBLE_EQ(*ParseVietnameseNumber("1,3"), 1.3);
  EXPECT_DOUBLE_EQ(*ParseVietnameseNumber("2.000.000"), 2e6);
  EXPECT_DOUBLE_EQ(*ParseVietnameseNumber("10"), 10);
  EXPECT_DOUBLE_EQ(*ParseVietnameseNumber("97,62"), 97.62);
  EXPECT_DOUBLE_EQ(*ParseVietnameseNumber("05"), 5);
}

TEST(ParseVietnameseNumber, DotThatIsNotAThousandsGroupIsADecimalPoint) {
  EXPECT_DOUBLE_EQ(*ParseVietnameseNumber("9.5"), 9.5);
  EXPECT_DOUBLE_EQ(*ParseVietnameseNumber("12.25"), 12.25);
  EXPECT_DOUBLE_EQ(*ParseVietnameseNumber("1.2345"), 1.2345);
}

TEST(ParseVietnameseNumber, RejectsGarbage) {
  EXPECT_FALSE(ParseVietnameseNumber(""));
  EXPECT_FALSE(ParseVietnameseNumber("abc"));
  EXPECT_FALSE(ParseVietnameseNumber("12a"));
  EXPECT_FALSE(ParseVietnameseNumber("1.2.3,4,5"));
  EXPECT_FALSE(ParseVietnameseNumber("1.2.3"));
  EXPECT_FALSE(ParseVietnameseNumber("1,2,3"));
  EXPECT_FALSE(ParseVietnameseNumber("1,5.000"));
  EXPECT_FALSE(ParseVietnameseNumber("1."));
  EXPECT_FALSE(ParseVietnameseNumber(",5"));
  EXPECT_FALSE(ParseVietnameseNumber("1..2"));
  EXPECT_FALSE(ParseVietnameseNumber(std::string(100, '9')));
}

// Finds the single quantity in `text`; fails the test when there is not one.
Quantity One(std::string_view text) {
  const std::vector<Quantity> q = FindQuantities(text);
  EXPECT_EQ(q.size(), 1u) << text;
  return q.empty() ? Quantity{} : q[0];
}

TEST(FindQuantities, PercentAndMoney) {
  const std::string text = "GRDP đạt 18.938,78 tỷ đồng, bằng 97,62% kế hoạch.";
  const std::vector<Quantity> q = FindQuantities(text);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_DOUBLE_EQ(q[0].value, 18938.78);
  EXPECT_EQ(q[0].unit, "tỷ đồng");
  EXPECT_EQ(text.substr(q[0].begin, q[0].end - q[0].begin), "18.938,78 tỷ đồng");
  EXPECT_DOUBLE_EQ(q[1].value, 97.62);
  EXPECT_EQ(q[1].unit, "%");
  EXPECT_EQ(text.substr(q[1].begin, q[1].end - q[1].begin), "97,62%");
  EXPECT_FALSE(q[1].range_high);
}

TEST(FindQuantities, MultiplierStaysInTheUnit) {
  Quantity q = One("thu hút 1,3 triệu lượt khách du lịch");
  EXPECT_DOUBLE_EQ(q.value, 1.3);
  EXPECT_EQ(q.unit, "triệu lượt khách");
  q = One("vốn 20 nghìn tỷ đồng");
  EXPECT_DOUBLE_EQ(q.value, 20);
  EXPECT_EQ(q.unit, "nghìn tỷ đồng");
  q = One("xuất khẩu 150 triệu USD");
  EXPECT_EQ(q.unit, "triệu USD");
  q = One("khoảng 2 triệu");
  EXPECT_EQ(q.unit, "triệu");
}

TEST(FindQuantities, CountersAndMeasures) {
  EXPECT_EQ(One("trồng mới 500 ha cao su").unit, "ha");
  EXPECT_EQ(One("đàn bò 25.000 con").unit, "con");
  EXPECT_DOUBLE_EQ(One("đàn bò 25.000 con").value, 25000);
  EXPECT_EQ(One("thành lập mới 360 doanh nghiệp").unit, "doanh nghiệp");
  EXPECT_EQ(One("giải quyết việc làm cho 6.500 lao động").unit, "lao động");
  EXPECT_EQ(One("xây dựng 120 km đường").unit, "km đường");
  EXPECT_EQ(One("nhà ở 45 m2 mỗi hộ").unit, "m2");
  EXPECT_EQ(One("nhà ở 45 m² mỗi hộ").unit, "m²");
  EXPECT_EQ(One("sản lượng 12.000 tấn").unit, "tấn");
  EXPECT_EQ(One("05 xã đạt chuẩn").unit, "xã");
  EXPECT_EQ(One("có 39,3 giường/vạn dân").unit, "giường/vạn dân");
  EXPECT_EQ(One("thu nhập 63,7 triệu đồng/người").unit, "triệu đồng/người");
  EXPECT_EQ(One("tăng 10 %/năm").unit, "%/năm");
  EXPECT_EQ(One("chiếm 41% GRDP").unit, "% GRDP");
  EXPECT_EQ(One("10 huyện/thành phố").unit, "huyện/thành phố");
  EXPECT_EQ(One("diện tích 20ha").unit, "ha");
}

TEST(FindQuantities, UnknownCounterIsAGuess) {
  const Quantity q = One("kết nạp 900 quần chúng ưu tú");
  EXPECT_EQ(q.unit, "quần");
  EXPECT_FALSE(q.unit_known);
  EXPECT_TRUE(One("kết nạp 900 đảng viên").unit_known);
  // Function words are never a unit.
  EXPECT_EQ(One("đạt 45 so với cùng kỳ").unit, "");
}

TEST(FindQuantities, Ranges) {
  for (const char* text :
       {"tăng 19-20%", "tăng 19 - 20%", "tăng từ 19 đến 20%", "tăng 19% - 20%", "tăng 19–20%"}) {
    const Quantity q = One(text);
    EXPECT_DOUBLE_EQ(q.value, 19) << text;
    ASSERT_TRUE(q.range_high) << text;
    EXPECT_DOUBLE_EQ(*q.range_high, 20) << text;
    EXPECT_EQ(q.unit, "%") << text;
  }
  const Quantity q = One("chiếm 41-42% GRDP");
  EXPECT_EQ(q.unit, "% GRDP");
  EXPECT_DOUBLE_EQ(*q.range_high, 42);
  // Different units are two quantities, not a range.
  EXPECT_EQ(FindQuantities("5 xã - 10 thôn").size(), 2u);
}

TEST(FindQuantities, YearsDatesAndDocumentNumbersAreNotQuantities) {
  EXPECT_TRUE(FindQuantities("năm 2023").empty());
  EXPECT_TRUE(FindQuantities("Năm 2024 là năm bản lề").empty());
  EXPECT_TRUE(FindQuantities("ngày 19/01/2023").empty());
  EXPECT_TRUE(FindQuantities("hạn 19/01/2023").empty());
  EXPECT_TRUE(FindQuantities("hạn 19-01-2023.").empty());
  EXPECT_TRUE(FindQuantities("hạn 20.7.2020").empty());
  EXPECT_TRUE(FindQuantities("ngày 19 tháng 01 năm 2023").empty());
  EXPECT_TRUE(FindQuantities("Quyết định 23/QĐ-UBND").empty());
  EXPECT_TRUE(FindQuantities("Nghị quyết số 01/NQ-CP").empty());
  EXPECT_TRUE(FindQuantities("Chỉ thị số 12-CT/TU").empty());
  EXPECT_TRUE(FindQuantities("theo khoản 2 Điều 5 Luật").empty());
  EXPECT_TRUE(FindQuantities("Đại hội khóa 15").empty());
  EXPECT_TRUE(FindQuantities("giai đoạn 2021-2025").empty());
  EXPECT_TRUE(FindQuantities("quý 3 và tháng 9").empty());
  EXPECT_TRUE(FindQuantities("Kỳ họp thứ 7").empty());
  EXPECT_TRUE(FindQuantities("Điện thoại: 02603862123").empty());
  EXPECT_TRUE(FindQuantities("lúc 14h30 hôm nay").empty());
  EXPECT_TRUE(FindQuantities("dịch COVID-19 và Quốc lộ 14").empty());
  EXPECT_TRUE(FindQuantities("nêu tại (1) và [2]").empty());
  EXPECT_TRUE(FindQuantities("Kế hoạch 2024 của tỉnh").empty());
}

TEST(FindQuantities, OutlineLabelsAreNotQuantities) {
  EXPECT_TRUE(FindQuantities("1. Mục tiêu chung").empty());
  EXPECT_TRUE(FindQuantities("  2) Nhiệm vụ").empty());
  EXPECT_TRUE(FindQuantities("1.2. Chỉ tiêu").empty());
  EXPECT_TRUE(FindQuantities("Mở đầu\n3.1 Giải pháp").empty());
  const std::vector<Quantity> q = FindQuantities("2. Có 15 xã đạt chuẩn");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_DOUBLE_EQ(q[0].value, 15);
}

TEST(FindQuantities, CalendarWordsBlockOnlyCalendarNumbers) {
  EXPECT_EQ(One("trong năm 500 hộ thoát nghèo").unit, "hộ");
  EXPECT_EQ(One("trong tháng 150 lượt khách").unit, "lượt khách");
  EXPECT_TRUE(FindQuantities("tháng 12 và ngày 31").empty());
  EXPECT_DOUBLE_EQ(One("tốc độ 7,5%").value, 7.5);
  EXPECT_EQ(One("dự phòng 10 tỷ đồng").unit, "tỷ đồng");
}

TEST(FindQuantities, AcronymCounterIsAGuess) {
  const Quantity q = One("hiện có 1.711 TTHC");
  EXPECT_EQ(q.unit, "TTHC");
  EXPECT_FALSE(q.unit_known);
  EXPECT_EQ(One("có 5 UBND xã").unit, "");
}

TEST(FindQuantities, TotalCountAfterTongSo) {
  const Quantity q = One("tổng số 478 nhiệm vụ");
  EXPECT_DOUBLE_EQ(q.value, 478);
  EXPECT_EQ(q.unit, "nhiệm vụ");
}

TEST(FindQuantities, TyLeIsNotABillion) {
  const std::vector<Quantity> q = FindQuantities("đạt 5 tỷ lệ");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].unit, "");
}

TEST(FindQuantities, LongInputsAreScannedInLinearTime) {
  // Would take minutes if any step rescanned the text.
  std::string digits(2'000'000, '1');
  EXPECT_TRUE(FindQuantities(digits).empty());
  std::string many;
  for (int i = 0; i < 100'000; ++i) many += "5 - 6 - ";
  EXPECT_FALSE(FindQuantities(many).empty());
  std::string dots;
  for (int i = 0; i < 300'000; ++i) dots += "1.";
  FindQuantities(dots);
  std::string spaces = "1" + std::string(1'000'000, ' ') + "%";
  EXPECT_EQ(FindQuantities(spaces).size(), 1u);
}

TEST(CanonicalUnit, FoldsVariants) {
  EXPECT_EQ(CanonicalUnit("tỉ đồng"), "tỷ đồng");
  EXPECT_EQ(CanonicalUnit("Tỷ  đồng"), "tỷ đồng");
  EXPECT_EQ(CanonicalUnit("% GRDP"), "%");
  EXPECT_EQ(CanonicalUnit("%/năm"), "%");
  EXPECT_EQ(CanonicalUnit("triệu đồng/người"), "triệu đồng");
  EXPECT_EQ(CanonicalUnit("giường/vạn dân"), "giường");
  EXPECT_EQ(CanonicalUnit("lượt khách"), "lượt");
  EXPECT_EQ(CanonicalUnit("triệu lượt khách"), "triệu lượt");
  EXPECT_EQ(CanonicalUnit("triệu lượt người"), "triệu lượt");
  EXPECT_EQ(CanonicalUnit("ha/năm"), "ha");
  EXPECT_EQ(CanonicalUnit("ngàn tấn"), "nghìn tấn");
  EXPECT_EQ(CanonicalUnit("m²"), "m2");
  EXPECT_EQ(CanonicalUnit("triệu USD"), "triệu USD");
  EXPECT_EQ(CanonicalUnit("huyện/thành phố"), "huyện/thành phố");
  EXPECT_EQ(CanonicalUnit("tấn/ha"), "tấn/ha");
  EXPECT_EQ(CanonicalUnit("dược sĩ/vạn dân"), "dược sĩ/vạn dân");
  EXPECT_EQ(CanonicalUnit("lần/năm"), "lần");
  EXPECT_EQ(CanonicalUnit("nghìn đ"), "nghìn đồng");
  EXPECT_EQ(CanonicalUnit(""), "");
}

}  // namespace
}  // namespace dondoc::extract
