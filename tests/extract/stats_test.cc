// Tests of ExtractTaskStats and ExtractReportingRules on fixtures of our own.
#include <gtest/gtest.h>

#include <string>

#include "extract/context.h"
#include "extract/outline.h"
#include "extract/steps.h"
#include "text/clean.h"

namespace dondoc::extract {
namespace {

struct Extracted {
  text::CleanedDocument doc;
  std::vector<TaskStats> stats;
  std::vector<ReportingRule> rules;
};

const Gazetteer* Agencies() {
  static auto g = Gazetteer::LoadDefault();
  return g.ok() ? g.value().get() : nullptr;
}

Extracted ExtractFrom(const std::string& input) {
  Extracted e;
  text::CleanOptions options;
  options.repair = false;
  auto doc = text::Clean(input, options, nullptr);
  EXPECT_TRUE(doc.ok());
  e.doc = std::move(doc.value());
  DocumentContext ctx;
  ctx.doc = &e.doc;
  ctx.agencies = Agencies();
  ctx.outline = BuildOutline(e.doc.layout);
  e.stats = ExtractTaskStats(ctx);
  e.rules = ExtractReportingRules(ctx);
  return e;
}

TEST(TaskStatsTest, LabelsBeforeNumbers) {
  auto e = ExtractFrom(
      "Năm 2024, Ủy ban nhân dân tỉnh đã giao 312 nhiệm vụ, trong đó: hoàn thành đúng hạn 120 "
      "nhiệm vụ, hoàn thành nhưng quá hạn 31 nhiệm vụ; chưa hoàn thành còn trong hạn 150 nhiệm "
      "vụ; đã trễ hạn nhưng chưa hoàn thành 11 nhiệm vụ (số liệu tính đến ngày 15 tháng 11 năm "
      "2024).\n");
  ASSERT_EQ(e.stats.size(), 1u);
  const TaskStats& s = e.stats[0];
  EXPECT_EQ(s.total, 312);
  EXPECT_EQ(s.done_on_time, 120);
  EXPECT_EQ(s.done_late, 31);
  EXPECT_EQ(s.open_in_time, 150);
  EXPECT_EQ(s.open_overdue, 11);
  ASSERT_TRUE(s.as_of.has_value());
  EXPECT_EQ(s.as_of->Iso(), "2024-11-15");
  EXPECT_EQ(s.span.line_start, 1u);
}

TEST(TaskStatsTest, NumbersBeforeLabelsOverBullets) {
  auto e = ExtractFrom(
      "Tổng số nhiệm vụ được giao là 1.025 nhiệm vụ, cụ thể:\n\n"
      "- 400 nhiệm vụ đã hoàn thành đúng hạn;\n\n"
      "- 25 nhiệm vụ hoàn thành trễ hạn;\n\n"
      "- 580 nhiệm vụ chưa hoàn thành, còn trong hạn;\n\n"
      "- 20 nhiệm vụ chưa hoàn thành, đã quá hạn.\n\n"
      "Các sở tiếp tục thực hiện.\n");
  ASSERT_EQ(e.stats.size(), 1u);
  const TaskStats& s = e.stats[0];
  EXPECT_EQ(s.total, 1025);
  EXPECT_EQ(s.done_on_time, 400);
  EXPECT_EQ(s.done_late, 25);
  EXPECT_EQ(s.open_in_time, 580);
  EXPECT_EQ(s.open_overdue, 20);
  EXPECT_EQ(s.span.line_start, 1u);
  EXPECT_EQ(s.span.line_end, 9u);
}

TEST(TaskStatsTest, StatusCarriesIntoParentheses) {
  auto e = ExtractFrom(
      "Đã giao 90 nhiệm vụ; đã hoàn thành 50 nhiệm vụ (đúng hạn 45, quá hạn 5); chưa hoàn "
      "thành 40 nhiệm vụ (trong hạn 38, quá hạn 2).\n");
  ASSERT_EQ(e.stats.size(), 1u);
  const TaskStats& s = e.stats[0];
  EXPECT_EQ(s.total, 90);
  EXPECT_EQ(s.done_on_time, 45);
  EXPECT_EQ(s.done_late, 5);
  EXPECT_EQ(s.open_in_time, 38);
  EXPECT_EQ(s.open_overdue, 2);
}

TEST(TaskStatsTest, PercentagesAndOtherFiguresAreNoStats) {
  auto e = ExtractFrom(
      "Tỷ lệ hoàn thành đúng hạn đạt 85%. Giải ngân vốn đầu tư công đạt 1.200 tỷ đồng.\n\n"
      "Sở Tài chính hoàn thành 12 nhiệm vụ.\n");
  EXPECT_TRUE(e.stats.empty());
}

TEST(ReportingRulesTest, WhoToViaAndCadence) {
  auto e = ExtractFrom(
      "Các sở, ban ngành, Ủy ban nhân dân các huyện, thành phố báo cáo kết quả thực hiện về Ủy "
      "ban nhân dân tỉnh (qua Sở Kế hoạch và Đầu tư) trước ngày 20 hằng tháng.\n");
  ASSERT_EQ(e.rules.size(), 1u);
  const ReportingRule& r = e.rules[0];
  ASSERT_TRUE(r.who.has_value());
  EXPECT_NE(r.who->find("Ủy ban nhân dân các huyện"), std::string::npos) << *r.who;
  EXPECT_EQ(r.to, "Ủy ban nhân dân tỉnh");
  EXPECT_EQ(r.via, "Sở Kế hoạch và Đầu tư");
  ASSERT_TRUE(r.cadence.has_value());
  EXPECT_EQ(*r.cadence, Cadence::kMonthly);
  EXPECT_NE(r.deadline_text.find("20"), std::string::npos);
}

TEST(ReportingRulesTest, BulletsReportForTheLeadIn) {
  auto e = ExtractFrom(
      "3. Sở Y tế tổ chức đánh giá, báo cáo như sau:\n\n"
      "- Báo cáo quý gửi Ủy ban nhân dân tỉnh trước ngày 05 tháng cuối quý;\n\n"
      "- Tổ chức tập huấn cho cán bộ.\n");
  ASSERT_EQ(e.rules.size(), 1u);
  EXPECT_EQ(e.rules[0].who, "Sở Y tế");
  EXPECT_EQ(e.rules[0].to, "Ủy ban nhân dân tỉnh");
  ASSERT_TRUE(e.rules[0].cadence.has_value());
  EXPECT_EQ(*e.rules[0].cadence, Cadence::kQuarterly);
  EXPECT_EQ(e.rules[0].span.line_start, 3u);
}

TEST(ReportingRulesTest, ReportWithoutScheduleIsNoRule) {
  auto e = ExtractFrom("Sở Tài chính tổng hợp, báo cáo Ủy ban nhân dân tỉnh.\n");
  EXPECT_TRUE(e.rules.empty());
}

TEST(ReportingRulesTest, ManyClausesInOneLineStayLinear) {
  std::string input = "Sở Y tế báo cáo Ủy ban nhân dân tỉnh (qua Sở Tài chính) ";
  for (int i = 0; i < 20000; ++i) input += "trước ngày 20 hằng tháng; ";
  input += "\n";
  auto e = ExtractFrom(input);
  EXPECT_EQ(e.rules.size(), 20000u);
}

}  // namespace
}  // namespace dondoc::extract
