#include "extract/dates.h"

#include <gtest/gtest.h>

#include <string>

#include "text/case.h"

namespace dondoc::extract {
namespace {

const Date kContext{2023, 3, 15};

std::string Iso(const std::optional<Date>& d) { return d ? d->Iso() : "none"; }

TEST(Dates, DaysInMonthAndLeapYears) {
  EXPECT_EQ(DaysInMonth(2023, 2), 28);
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(1900, 2), 28);
  EXPECT_EQ(DaysInMonth(2000, 2), 29);
  EXPECT_EQ(DaysInMonth(2023, 4), 30);
  EXPECT_EQ(DaysInMonth(2023, 12), 31);
  EXPECT_EQ(DaysInMonth(2023, 13), 0);
  EXPECT_TRUE(IsValidDate(2024, 2, 29));
  EXPECT_FALSE(IsValidDate(2023, 2, 29));
  EXPECT_FALSE(IsValidDate(2023, 2, 31));
  EXPECT_FALSE(IsValidDate(2023, 0, 1));
  EXPECT_FALSE(IsValidDate(2023, 1, 0));
}

// The single date in `text`, as ISO, or "none" / "many".
std::string OneDate(std::string_view text, const Date* context = &kContext) {
  const std::vector<DateMention> d = FindDates(text, context);
  if (d.empty()) return "none";
  if (d.size() > 1) return "many";
  return d[0].date.Iso();
}

TEST(FindDates, WrittenForms) {
  EXPECT_EQ(OneDate("ngày 19 tháng 01 năm 2023"), "2023-01-19");
  EXPECT_EQ(OneDate("Kon Tum, Ngày 19 tháng 01 năm 2023"), "2023-01-19");
  EXPECT_EQ(OneDate("ngày 19/01/2023"), "2023-01-19");
  EXPECT_EQ(OneDate("cập nhật 19/01/2023."), "2023-01-19");
  EXPECT_EQ(OneDate("hạn 19-01-2023"), "2023-01-19");
  EXPECT_EQ(OneDate("ban hành 20.7.2020"), "2020-07-20");
  EXPECT_EQ(OneDate("ngày 19 tháng 01/2023"), "2023-01-19");
}

TEST(FindDates, YearFromContext) {
  EXPECT_EQ(OneDate("ngày 15/6"), "2023-06-15");
  EXPECT_EQ(OneDate("ngày 05 tháng 3"), "2023-03-05");
  EXPECT_EQ(OneDate("ngày 15/6", nullptr), "none");
  // Without "ngày", "15/6" may be a fraction or a code.
  EXPECT_EQ(OneDate("tỷ lệ 15/6"), "none");
}

TEST(FindDates, Spans) {
  const std::string text = "Quyết định số 23/QĐ-UBND ngày 19/01/2023 của UBND tỉnh";
  const std::vector<DateMention> d = FindDates(text, nullptr);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(text.substr(d[0].begin, d[0].end - d[0].begin), "ngày 19/01/2023");
}

TEST(FindDates, RejectsInvalidAndCodes) {
  EXPECT_EQ(OneDate("ngày 31/02/2023"), "none");
  EXPECT_EQ(OneDate("ngày 29/02/2023"), "none");
  EXPECT_EQ(OneDate("ngày 29/02/2024"), "2024-02-29");
  EXPECT_EQ(OneDate("ngày 32 tháng 1 năm 2023"), "none");
  EXPECT_EQ(OneDate("Thông tư số 01/01/2020/TT-BTC"), "none");
  EXPECT_EQ(OneDate("Nghị định 15/2021/NĐ-CP"), "none");
  EXPECT_EQ(OneDate("số 1.234.567"), "none");
  EXPECT_EQ(OneDate("năm 2023"), "none");
}

// The single deadline in `text`.
DeadlineMention OneDeadline(std::string_view text, const Date* context = &kContext) {
  const std::vector<DeadlineMention> d = FindDeadlines(text, context);
  EXPECT_EQ(d.size(), 1u) << text;
  return d.empty() ? DeadlineMention{} : d[0];
}

TEST(FindDeadlines, BeforeADay) {
  DeadlineMention d = OneDeadline("gửi Sở Tài chính trước ngày 10 tháng 10 năm 2023 để tổng hợp");
  EXPECT_EQ(d.deadline.text, "trước ngày 10 tháng 10 năm 2023");
  EXPECT_EQ(Iso(d.deadline.date), "2023-10-10");
  d = OneDeadline("Trước ngày 15/6, báo cáo");
  EXPECT_EQ(d.deadline.text, "Trước ngày 15/6");
  EXPECT_EQ(Iso(d.deadline.date), "2023-06-15");
  EXPECT_EQ(Iso(OneDeadline("trước ngày 30/6").deadline.date), "2023-06-30");
  EXPECT_EQ(Iso(OneDeadline("trước 30/6/2024").deadline.date), "2024-06-30");
}

TEST(FindDeadlines, OtherDayCues) {
  DeadlineMention d = OneDeadline("chậm nhất ngày 25/5/2023");
  EXPECT_EQ(d.deadline.text, "chậm nhất ngày 25/5/2023");
  EXPECT_EQ(Iso(d.deadline.date), "2023-05-25");
  EXPECT_EQ(Iso(OneDeadline("chậm nhất là ngày 25/5/2023").deadline.date), "2023-05-25");
  EXPECT_EQ(Iso(OneDeadline("thực hiện đến ngày 31/12/2023").deadline.date), "2023-12-31");
  d = OneDeadline("Thời hạn hoàn thành: 30/9/2023.");
  EXPECT_EQ(Iso(d.deadline.date), "2023-09-30");
  EXPECT_EQ(d.deadline.text, "Thời hạn hoàn thành: 30/9/2023");
  EXPECT_EQ(Iso(OneDeadline("Thời hạn: trước ngày 01/7/2023").deadline.date), "2023-07-01");
}

TEST(FindDeadlines, Months) {
  DeadlineMention d = OneDeadline("hoàn thành trong tháng 9/2023");
  EXPECT_EQ(d.deadline.text, "hoàn thành trong tháng 9/2023");
  EXPECT_EQ(Iso(d.deadline.date), "2023-09-30");
  EXPECT_EQ(Iso(OneDeadline("trong tháng 9 năm 2023").deadline.date), "2023-09-30");
  EXPECT_EQ(Iso(OneDeadline("trong tháng 2/2024").deadline.date), "2024-02-29");
  EXPECT_EQ(Iso(OneDeadline("trong tháng 11").deadline.date), "2023-11-30");
  EXPECT_EQ(Iso(OneDeadline("trước tháng 9/2023").deadline.date), "2023-08-31");
  EXPECT_EQ(Iso(OneDeadline("trước tháng 01/2024").deadline.date), "2023-12-31");
}

TEST(FindDeadlines, Quarters) {
  EXPECT_EQ(Iso(OneDeadline("trong quý III năm 2024").deadline.date), "2024-09-30");
  EXPECT_EQ(Iso(OneDeadline("trong quý 3/2024").deadline.date), "2024-09-30");
  EXPECT_EQ(Iso(OneDeadline("trong quý III/2024").deadline.date), "2024-09-30");
  EXPECT_EQ(Iso(OneDeadline("trong Quý I").deadline.date), "2023-03-31");
  const DeadlineMention d = OneDeadline("thực hiện đến hết quý II năm 2024.");
  EXPECT_EQ(d.deadline.text, "đến hết quý II năm 2024");
  EXPECT_EQ(Iso(d.deadline.date), "2024-06-30");
  EXPECT_EQ(Iso(OneDeadline("trước quý IV/2024").deadline.date), "2024-09-30");
  EXPECT_EQ(Iso(OneDeadline("đến cuối quý 4 năm 2023").deadline.date), "2023-12-31");
}

TEST(FindDeadlines, JoinedPeriodsShareTheLastYear) {
  DeadlineMention d = OneDeadline("hoàn thành trong quý I và quý II năm 2024");
  EXPECT_EQ(d.deadline.text, "hoàn thành trong quý I và quý II năm 2024");
  EXPECT_EQ(Iso(d.deadline.date), "2024-06-30");
  d = OneDeadline("trong tháng 9, tháng 10/2024");
  EXPECT_EQ(Iso(d.deadline.date), "2024-10-31");
  // Without a joined year, the context year.
  EXPECT_EQ(Iso(OneDeadline("trong quý I và năm 2024").deadline.date), "2023-03-31");
}

TEST(FindDeadlines, YearsAndHalves) {
  EXPECT_EQ(Iso(OneDeadline("trong 6 tháng đầu năm 2024").deadline.date), "2024-06-30");
  EXPECT_EQ(Iso(OneDeadline("trong 9 tháng đầu năm").deadline.date), "2023-09-30");
  EXPECT_EQ(Iso(OneDeadline("trong năm 2024").deadline.date), "2024-12-31");
  EXPECT_EQ(Iso(OneDeadline("đến hết năm 2024").deadline.date), "2024-12-31");
  EXPECT_EQ(Iso(OneDeadline("phấn đấu đến năm 2030").deadline.date), "2030-12-31");
  EXPECT_EQ(Iso(OneDeadline("hoàn thành trong năm").deadline.date), "2023-12-31");
  EXPECT_EQ(Iso(OneDeadline("đến cuối năm 2025").deadline.date), "2025-12-31");
  EXPECT_EQ(Iso(OneDeadline("trước năm 2025").deadline.date), "2024-12-31");
  // No context: the phrase is kept, the date is unknown.
  const DeadlineMention d = OneDeadline("trong năm", nullptr);
  EXPECT_EQ(d.deadline.text, "trong năm");
  EXPECT_FALSE(d.deadline.date);
}

TEST(FindDeadlines, NotDeadlines) {
  for (const char* text : {
           "Quyết định số 23/QĐ-UBND ngày 19/01/2023 của UBND tỉnh",
           "thực hiện thường xuyên",
           "khẩn trương triển khai",
           "tính đến ngày 30/6/2023, đã giải ngân",
           "Quy hoạch tỉnh, tầm nhìn đến năm 2050",
           "trước ngày 20 hằng tháng",
           "trước ngày 05 tháng cuối quý",
           "trước ngày 15/12 hằng năm",
           "trong thời gian 6 tháng",
           "trong năm học mới",
           "đến năm",
           "trước ngày 31/02/2023",
           "6 tháng đầu năm 2024 đạt 5%",
       }) {
    EXPECT_TRUE(FindDeadlines(text, &kContext).empty()) << text;
  }
}

TEST(FindDeadlines, SeveralInOrder) {
  const std::vector<DeadlineMention> d = FindDeadlines(
      "báo cáo trước ngày 05/5/2023 (6 tháng) và trước ngày 10/10/2023 (năm)", &kContext);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(Iso(d[0].deadline.date), "2023-05-05");
  EXPECT_EQ(Iso(d[1].deadline.date), "2023-10-10");
  EXPECT_LT(d[0].end, d[1].begin);
}

// The single recurrence in `text`.
Recurrence OneRecurrence(std::string_view text) {
  const std::vector<RecurrenceMention> r = FindRecurrences(text);
  EXPECT_EQ(r.size(), 1u) << text;
  return r.empty() ? Recurrence{} : r[0].recurrence;
}

TEST(FindRecurrences, Cadences) {
  Recurrence r = OneRecurrence("báo cáo hằng tháng");
  EXPECT_EQ(r.rule, Cadence::kMonthly);
  EXPECT_EQ(r.text, "hằng tháng");
  EXPECT_FALSE(r.day);
  EXPECT_EQ(OneRecurrence("Hàng tháng, tổng hợp").rule, Cadence::kMonthly);
  r = OneRecurrence("định kỳ hằng quý báo cáo");
  EXPECT_EQ(r.rule, Cadence::kQuarterly);
  EXPECT_EQ(r.text, "định kỳ hằng quý");
  EXPECT_EQ(OneRecurrence("hằng quý").rule, Cadence::kQuarterly);
  EXPECT_EQ(OneRecurrence("hằng năm").rule, Cadence::kAnnual);
  EXPECT_EQ(OneRecurrence("định kỳ hàng năm").rule, Cadence::kAnnual);
  EXPECT_EQ(OneRecurrence("họp hằng tuần").rule, Cadence::kWeekly);
  EXPECT_EQ(OneRecurrence("mỗi quý một lần").text, "mỗi quý một lần");
}

TEST(FindRecurrences, DayOfPeriod) {
  Recurrence r = OneRecurrence("gửi về Sở trước ngày 20 hằng tháng để tổng hợp");
  EXPECT_EQ(r.rule, Cadence::kMonthly);
  EXPECT_EQ(r.text, "trước ngày 20 hằng tháng");
  ASSERT_TRUE(r.day);
  EXPECT_EQ(*r.day, 20);
  r = OneRecurrence("Trước ngày 05 tháng cuối quý");
  EXPECT_EQ(r.rule, Cadence::kQuarterly);
  EXPECT_EQ(r.text, "Trước ngày 05 tháng cuối quý");
  EXPECT_EQ(r.day, 5);
  r = OneRecurrence("vào ngày 25 của hằng tháng");
  EXPECT_EQ(r.day, 25);
  r = OneRecurrence("trước ngày 15/12 hằng năm");
  EXPECT_EQ(r.rule, Cadence::kAnnual);
}

TEST(FindRecurrences, ReportNamedByItsPeriod) {
  Recurrence r = OneRecurrence("định kỳ báo cáo tháng, quý, năm");
  EXPECT_EQ(r.rule, Cadence::kMonthly);
  EXPECT_EQ(r.text, "định kỳ báo cáo tháng");
  EXPECT_EQ(OneRecurrence("(báo cáo quý)").rule, Cadence::kQuarterly);
  for (const char* text :
       {"báo cáo năm 2023", "báo cáo quý I", "báo cáo tháng 9", "báo cáo năm nay", "tháng, quý"}) {
    EXPECT_TRUE(FindRecurrences(text).empty()) << text;
  }
}

// The overloads that take the caller's lower-cased copy find the same, and
// report the text as written (not lower-cased).
TEST(FindRecurrences, WithCallersLowerCopy) {
  const std::string text = "Báo cáo Trước Ngày 20 Hằng Tháng; hoàn thành Trước Ngày 15/6/2023";
  const std::string lower = text::LowerSameLength(text);
  const auto r = FindRecurrences(text, lower);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].recurrence.text, "Trước Ngày 20 Hằng Tháng");
  EXPECT_EQ(r[0].recurrence.day, 20);
  const auto d = FindDeadlines(text, lower, &kContext);
  const auto direct = FindDeadlines(text, &kContext);
  ASSERT_EQ(d.size(), direct.size());
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d.back().deadline.text, "hoàn thành Trước Ngày 15/6/2023");
  EXPECT_EQ(d.back().deadline.text, direct.back().deadline.text);
  EXPECT_EQ(Iso(d.back().deadline.date), "2023-06-15");
}

// Text without any of the words a recurrence needs has none; each of those
// words still opens one.
TEST(FindRecurrences, NeedsACadenceWord) {
  EXPECT_TRUE(FindRecurrences("Sở Y tế chủ trì, hoàn thành trước ngày 20 tháng 5").empty());
  EXPECT_EQ(OneRecurrence("Mỗi Tuần").rule, Cadence::kWeekly);
  EXPECT_EQ(OneRecurrence("ĐỊNH KỲ tháng, quý").rule, Cadence::kMonthly);
  EXPECT_EQ(OneRecurrence("1 tháng/lần").rule, Cadence::kMonthly);
  EXPECT_EQ(OneRecurrence("trước ngày 10 tháng đầu QUÝ").rule, Cadence::kQuarterly);
  EXPECT_EQ(OneRecurrence("BÁO CÁO tuần").rule, Cadence::kWeekly);
}

TEST(FindRecurrences, SixMonths) {
  for (const char* text : {"định kỳ 6 tháng", "định kỳ 06 tháng", "định kỳ sáu tháng",
                           "6 tháng một lần", "(báo cáo 06 tháng)"}) {
    EXPECT_EQ(OneRecurrence(text).rule, Cadence::kHalfYearly) << text;
  }
  EXPECT_EQ(OneRecurrence("định kỳ 6 tháng").text, "định kỳ 6 tháng");
}

TEST(FindRecurrences, NotRecurrences) {
  for (const char* text :
       {"trong 6 tháng đầu năm 2024", "báo cáo 6 tháng đầu năm 2024", "kết quả 6 tháng", "hàng hóa",
        "hằng ngày", "ngày 20 tháng 10", "tháng cuối quý"}) {
    EXPECT_TRUE(FindRecurrences(text).empty()) << text;
  }
}

std::string Period(std::string_view text, const Date* context = &kContext) {
  return FindPeriod(text, context).value_or("none");
}

TEST(FindPeriod, Labels) {
  EXPECT_EQ(Period("Năm 2023, tăng trưởng đạt 7%"), "2023");
  EXPECT_EQ(Period("6 tháng đầu năm 2024"), "2024-H1");
  EXPECT_EQ(Period("sáu tháng cuối năm 2024"), "2024-H2");
  EXPECT_EQ(Period("quý II/2024"), "2024-Q2");
  EXPECT_EQ(Period("quý 3 năm 2024"), "2024-Q3");
  EXPECT_EQ(Period("11 tháng đầu năm"), "2023-M1-11");
  EXPECT_EQ(Period("9 tháng đầu năm 2022"), "2022-M1-9");
  EXPECT_EQ(Period("giai đoạn 2021-2025"), "2021-2025");
  EXPECT_EQ(Period("giai đoạn 2021–2025"), "2021-2025");
  EXPECT_EQ(Period("đến năm 2030 đạt 64%"), "2030");
  EXPECT_EQ(Period("tháng 9/2023"), "2023-09");
}

TEST(FindPeriod, SkipsDatesAndBaselines) {
  EXPECT_EQ(Period("theo Quyết định ngày 19 tháng 01 năm 2022, trong năm 2023 đạt"), "2023");
  EXPECT_EQ(Period("tăng 5% so với năm 2022"), "none");
  EXPECT_EQ(Period("tăng 5% so với cùng kỳ năm 2022"), "none");
  EXPECT_EQ(Period("không có kỳ hạn"), "none");
  EXPECT_EQ(Period("trong năm", nullptr), "none");
}

TEST(DatesScanners, LinearTimeOnLongInput) {
  std::string long_text;
  for (int i = 0; i < 100'000; ++i) long_text += "trước ngày tháng quý năm hằng 6 ";
  long_text += std::string(1'000'000, 'a');
  long_text += std::string(1'000'000, '1');
  EXPECT_TRUE(FindDates(long_text, &kContext).empty());
  FindDeadlines(long_text, &kContext);
  FindRecurrences(long_text);
  FindPeriod(long_text, &kContext);
}

}  // namespace
}  // namespace dondoc::extract
