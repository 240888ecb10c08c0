#include "service/summary.h"

#include <charconv>
#include <cmath>

#include "text/utf8.h"

namespace dondoc::service {
namespace {

constexpr size_t kTextLength = 100;

}  // namespace

std::string CutText(std::string_view text, size_t max_code_points) {
  size_t i = 0;
  size_t count = 0;
  while (i < text.size()) {
    if (count + 1 == max_code_points) {
      // One code point left: keep it only when it is the last one.
      size_t j = i;
      text::NextCodePoint(text, j);
      if (j >= text.size()) return std::string(text);
      return std::string(text.substr(0, i)) + "…";
    }
    text::NextCodePoint(text, i);
    ++count;
  }
  return std::string(text);
}

std::string FormatNumber(double value) {
  if (!std::isfinite(value)) return "?";
  char buffer[64];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (ec != std::errc()) return "?";
  return std::string(buffer, end);
}

std::string TaskSummary(const extract::Task& task) {
  std::string s =
      task.lead.value_or("(chưa rõ cơ quan chủ trì)") + ": " + CutText(task.text, kTextLength);
  if (task.deadline) {
    s += " | hạn ";
    s += task.deadline->date ? task.deadline->date->Iso() : task.deadline->text;
  }
  if (task.recurrence) s += " | " + task.recurrence->text;
  return s;
}

std::string TargetSummary(const extract::Target& target) {
  std::string s =
      CutText(target.name, kTextLength) + " " + extract::ComparatorSymbol(target.comparator) + " ";
  if (target.value) {
    s += FormatNumber(*target.value);
  } else if (target.low && target.high) {
    s += FormatNumber(*target.low) + "-" + FormatNumber(*target.high);
  }
  if (!target.unit.empty()) s += " " + target.unit;
  if (target.period) s += " (" + *target.period + ")";
  if (target.responsible) s += " | " + *target.responsible;
  return s;
}

std::string ResultSummary(const extract::ResultItem& result) {
  std::string s = CutText(result.indicator, kTextLength);
  if (result.value) s += ": " + FormatNumber(*result.value);
  if (!result.unit.empty()) s += " " + result.unit;
  if (result.pct_of_plan) s += ", đạt " + FormatNumber(*result.pct_of_plan) + "% kế hoạch";
  if (result.period) s += " (" + *result.period + ")";
  return s;
}

std::string ReportingRuleSummary(const extract::ReportingRule& rule) {
  std::string s = "Báo cáo";
  if (rule.cadence) s += std::string(" ") + extract::CadenceName(*rule.cadence);
  s += ": " + rule.who.value_or("(chưa rõ)");
  if (rule.to) s += " -> " + *rule.to;
  if (rule.via) s += " (qua " + *rule.via + ")";
  if (!rule.deadline_text.empty()) s += " | " + rule.deadline_text;
  return s;
}

}  // namespace dondoc::service
