// The contract JSON of each item, written and read back (proposal payloads).
#include "service/contract_json.h"

#include <gtest/gtest.h>

namespace dondoc::service {
namespace {

TEST(ContractJsonTest, TaskRoundTrips) {
  extract::Task t;
  t.lead = "Sở Tài chính";
  t.lead_as_written = "Giám đốc Sở Tài chính";
  t.coordinating = {"Sở Nội vụ", "Sở Y tế"};
  t.text = "Rà soát, \"tổng hợp\" dự toán";
  t.deadline = extract::Deadline{"trước ngày 10/10/2024", extract::Date{2024, 10, 10}};
  t.recurrence = extract::Recurrence{"hằng quý", extract::Cadence::kQuarterly, 5};
  t.section = "II.1.a";
  t.span = {3, 4, 100, 180};
  auto back = ParseTaskJson(boost::json::serialize(TaskJson(t)));
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->lead, t.lead);
  EXPECT_EQ(back->lead_as_written, t.lead_as_written);
  EXPECT_EQ(back->coordinating, t.coordinating);
  EXPECT_EQ(back->text, t.text);
  ASSERT_TRUE(back->deadline.has_value());
  EXPECT_EQ(back->deadline->date, (extract::Date{2024, 10, 10}));
  ASSERT_TRUE(back->recurrence.has_value());
  EXPECT_EQ(back->recurrence->rule, extract::Cadence::kQuarterly);
  EXPECT_EQ(back->recurrence->day, 5);
  EXPECT_EQ(back->section, "II.1.a");
  EXPECT_EQ(back->span.line_end, 4u);
  EXPECT_EQ(back->span.end, 180u);
}

TEST(ContractJsonTest, TargetAndResultRoundTrip) {
  extract::Target t;
  t.name = "Tỷ lệ hộ nghèo";
  t.low = 1.5;
  t.high = 2;
  t.unit = "%";
  t.comparator = extract::Comparator::kRange;
  t.decrease = true;
  t.period = "2025";
  auto target = ParseTargetJson(boost::json::serialize(TargetJson(t)));
  ASSERT_TRUE(target.ok()) << target.status().message();
  EXPECT_EQ(target->comparator, extract::Comparator::kRange);
  EXPECT_TRUE(target->decrease);
  EXPECT_EQ(target->low, 1.5);
  EXPECT_FALSE(target->value.has_value());

  extract::ResultItem r;
  r.indicator = "Thu ngân sách";
  r.value = 18938.78;
  r.unit = "tỷ đồng";
  r.pct_of_plan = 97.62;
  r.estimate = true;
  auto result = ParseResultJson(boost::json::serialize(ResultJson(r)));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->value, 18938.78);
  EXPECT_TRUE(result->estimate);
  EXPECT_FALSE(result->period.has_value());
}

TEST(ContractJsonTest, BadPayloadsNameTheField) {
  auto bad = ParseTaskJson(R"({"text": 5})");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("\"text\""), std::string::npos) << bad.status().message();
  bad = ParseTaskJson(R"({"deadline": {"date": "2024-02-30"}})");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("\"date\""), std::string::npos);
  bad = ParseTaskJson(R"({"recurrence": {"rule": "fortnightly"}})");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("fortnightly"), std::string::npos);
  EXPECT_FALSE(ParseTaskJson("[1, 2]").ok());
  EXPECT_FALSE(ParseTaskJson("{").ok());
  EXPECT_FALSE(ParseTargetJson(R"({"comparator": "~"})").ok());
  // Missing and null fields are empty, not errors.
  auto empty = ParseTaskJson(R"({"lead": null})");
  ASSERT_TRUE(empty.ok());
  EXPECT_FALSE(empty->lead.has_value());
  EXPECT_TRUE(empty->coordinating.empty());
}

TEST(ContractJsonTest, WholeExtractionHasEveryList) {
  const boost::json::object o = ExtractionJson(extract::Extraction{});
  for (const char* key :
       {"document", "references", "tasks", "targets", "results", "reporting_rules", "task_stats"}) {
    EXPECT_TRUE(o.contains(key)) << key;
  }
}

}  // namespace
}  // namespace dondoc::service
