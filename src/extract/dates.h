// Dates, deadlines, periods and recurrences in Vietnamese administrative text.
//
// Dates: "ngày 19 tháng 01 năm 2023", "19/01/2023", "19-01-2023",
// "20.7.2020", and dates without a year ("ngày 15/6") resolved against the
// document date. Deadlines: "trước ngày 10 tháng 10 năm 2023", "đến hết quý
// II năm 2024" (-> 2024-06-30), "trong tháng 9/2023" (-> 2023-09-30), "quý
// 3/2021", "6 tháng đầu năm", "đến năm 2030" (-> 2030-12-31). Recurrences:
// "hằng tháng"/"hàng tháng", "trước ngày 20 hằng tháng" (monthly, day 20),
// "trước ngày 05 tháng cuối quý" (quarterly, day 5), "định kỳ 6 tháng",
// "hằng năm", "hằng tuần".
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "extract/model.h"

namespace dondoc::extract {

bool IsValidDate(int year, int month, int day);
int DaysInMonth(int year, int month);

struct DateMention {
  Date date;
  size_t begin = 0;  // byte range in the searched text
  size_t end = 0;
};

// Every explicit calendar date in `text`. `context` supplies the year for
// dates written without one (the document date); may be null.
std::vector<DateMention> FindDates(std::string_view text, const Date* context);

struct DeadlineMention {
  Deadline deadline;  // text as written, date resolved when possible
  size_t begin = 0;
  size_t end = 0;
};

// Deadline phrases in `text` ("trước ngày ...", "đến hết quý II năm 2024",
// "hoàn thành trong tháng 9/2023", "chậm nhất ngày ...", "trong quý III").
std::vector<DeadlineMention> FindDeadlines(std::string_view text, const Date* context);
// The same, with `lower` = text::LowerSameLength(text) given by the caller.
std::vector<DeadlineMention> FindDeadlines(std::string_view text, std::string_view lower,
                                           const Date* context);

struct RecurrenceMention {
  Recurrence recurrence;
  size_t begin = 0;
  size_t end = 0;
};

std::vector<RecurrenceMention> FindRecurrences(std::string_view text);
// The same, with `lower` = text::LowerSameLength(text) given by the caller.
std::vector<RecurrenceMention> FindRecurrences(std::string_view text, std::string_view lower);

// A period phrase ("năm 2023", "6 tháng đầu năm 2024", "quý II/2024",
// "11 tháng đầu năm", "giai đoạn 2021-2025", "đến năm 2030") as a short
// canonical label ("2023", "2024-H1", "2024-Q2", "2024-M1-11", "2021-2025",
// "2030"), or nullopt. `context` gives the year when the text omits it.
std::optional<std::string> FindPeriod(std::string_view text, const Date* context);

}  // namespace dondoc::extract
