// The items dondoc extracts from a document, as in the extraction contract
// (../shared/docs/extract-contract.md). Every item carries the span of the
// ORIGINAL input it was read from, so a person can confirm it in the source.
// Unknown fields are empty optionals, never guesses.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dondoc::extract {

// 1-based lines and byte offsets [start, end) of the original input.
struct Span {
  uint32_t line_start = 0;
  uint32_t line_end = 0;
  uint32_t start = 0;
  uint32_t end = 0;
};

// A calendar date; valid dates only.
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  std::string Iso() const;  // "2024-06-30"
  friend bool operator==(const Date&, const Date&) = default;
};

struct DocumentInfo {
  std::optional<std::string> kind;  // "Kế hoạch", "Công văn", "Chương trình hành động", ...
  std::optional<std::string> number;  // canonical "23/QĐ-UBND"
  std::optional<Date> date;
  std::optional<std::string> issuer;  // "Ủy ban nhân dân tỉnh Kon Tum"
  std::optional<std::string> title;
  std::optional<std::string> place;  // "Kon Tum" from "Kon Tum, ngày ..."
  std::vector<std::string> recipients;
  std::optional<std::string> signer;
};

struct Reference {
  std::string kind;                   // "Nghị quyết", "Quyết định", "Luật", ...
  std::optional<std::string> number;  // canonical; empty for laws/schemes named by title
  std::optional<Date> date;
  std::optional<std::string> issuer;
  std::optional<std::string> title;
  Span span;
};

struct Deadline {
  std::string text;          // "trước ngày 10 tháng 10 năm 2023", as written
  std::optional<Date> date;  // resolved, when the text names a day or a period end
};

enum class Cadence { kWeekly, kMonthly, kQuarterly, kHalfYearly, kAnnual };
const char* CadenceName(Cadence c);  // weekly, monthly, quarterly, 6-month, annual

struct Recurrence {
  std::string text;  // "hằng tháng", "trước ngày 20 hằng tháng"
  Cadence rule = Cadence::kMonthly;
  std::optional<int> day;  // day of the period ("ngày 20 hằng tháng" -> 20)
};

struct Task {
  std::optional<std::string> lead;  // canonical agency name, or none when no agency is named
  std::optional<std::string> lead_as_written;
  std::vector<std::string> coordinating;  // canonical names
  std::string text;
  std::optional<Deadline> deadline;
  std::optional<Recurrence> recurrence;
  std::string section;  // outline path, e.g. "II.1.a"
  Span span;
};

enum class Comparator { kGe, kLe, kEq, kGt, kLt, kRange, kApprox };
const char* ComparatorSymbol(Comparator c);  // >= <= = > < range approx

struct Target {
  std::string name;
  std::optional<double> value;  // null for a range
  std::optional<double> low;
  std::optional<double> high;
  std::string unit;
  Comparator comparator = Comparator::kEq;
  bool decrease = false;  // "giảm ... ít nhất 4%": lower is better
  std::optional<std::string> period;
  std::optional<std::string> responsible;  // canonical agency
  Span span;
};

struct ResultItem {
  std::string indicator;
  std::optional<double> value;
  std::string unit;
  std::optional<double> pct_of_plan;
  std::optional<double> pct_vs_same_period;  // signed growth
  bool estimate = false;
  std::optional<std::string> period;
  Span span;
};

struct ReportingRule {
  std::optional<std::string> who;
  std::optional<std::string> to;
  std::optional<std::string> via;
  std::optional<Cadence> cadence;
  std::string deadline_text;
  Span span;
};

struct TaskStats {
  std::optional<long> total;
  std::optional<long> done_on_time;
  std::optional<long> done_late;
  std::optional<long> open_in_time;
  std::optional<long> open_overdue;
  std::optional<Date> as_of;
  Span span;
};

struct Extraction {
  DocumentInfo document;
  std::vector<Reference> references;
  std::vector<Task> tasks;
  std::vector<Target> targets;
  std::vector<ResultItem> results;
  std::vector<ReportingRule> reporting_rules;
  std::vector<TaskStats> task_stats;
};

}  // namespace dondoc::extract
