// The Extractor as a whole: steps run in order, and an overlong paragraph is
// read in pieces whose spans still point into the original input.
#include "extract/extract.h"

#include <gtest/gtest.h>

#include <string>

namespace dondoc::extract {
namespace {

text::CleanedDocument CleanOrDie(const std::string& input) {
  text::CleanOptions options;
  options.repair = false;
  auto doc = text::Clean(input, options, nullptr);
  EXPECT_TRUE(doc.ok());
  return std::move(doc.value());
}

TEST(ExtractorTest, ReadsAPlanEndToEnd) {
  auto extractor = Extractor::Create({});
  ASSERT_TRUE(extractor.ok()) << extractor.status().message();
  const std::string input =
      "ỦY BAN NHÂN DÂN TỈNH LÂM SƠN\nSố: 88/KH-UBND\nLâm Sơn, ngày 04 tháng 3 năm 2024\n\n"
      "KẾ HOẠCH\nCải cách hành chính năm 2024\n\n"
      "1. Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp rà soát thủ tục hành chính, hoàn thành "
      "trước ngày 30/6/2024.\n";
  const text::CleanedDocument doc = CleanOrDie(input);
  const Extraction x = (*extractor)->Run(doc);
  EXPECT_EQ(x.document.number.value_or(""), "88/KH-UBND");
  ASSERT_TRUE(x.document.date.has_value());
  EXPECT_EQ(x.document.date->Iso(), "2024-03-04");
  ASSERT_EQ(x.tasks.size(), 1u);
  EXPECT_EQ(x.tasks[0].lead.value_or(""), "Sở Nội vụ");
  ASSERT_TRUE(x.tasks[0].deadline.has_value());
  ASSERT_TRUE(x.tasks[0].deadline->date.has_value());
  EXPECT_EQ(x.tasks[0].deadline->date->Iso(), "2024-06-30");
  EXPECT_EQ(x.tasks[0].span.line_start, 8u);
}

// Regression: a 50 MB single line took minutes, because each piece of a
// split paragraph searched the whole text before it for a sentence end.
TEST(ExtractorTest, OverlongParagraphIsReadInPiecesWithTrueSpans) {
  auto extractor = Extractor::Create({});
  ASSERT_TRUE(extractor.ok());
  const std::string sentence =
      "Sở Tài chính chủ trì, phối hợp với Sở Xây dựng rà soát dự án trước ngày 20 hằng tháng; ";
  std::string input;
  while (input.size() < (1u << 20)) input += sentence;
  const text::CleanedDocument doc = CleanOrDie(input);
  ASSERT_EQ(doc.layout.paragraphs.size(), 1u);
  const Extraction x = (*extractor)->Run(doc);
  ASSERT_GT(x.tasks.size(), 8u);  // one per piece of at most 64 KiB
  uint32_t previous_end = 0;
  for (const Task& t : x.tasks) {
    EXPECT_EQ(t.lead.value_or(""), "Sở Tài chính");
    EXPECT_LE(t.span.end, input.size());
    EXPECT_GE(t.span.start, previous_end);  // pieces do not overlap
    previous_end = t.span.end;
    // Every piece starts at a sentence boundary of the original.
    const std::string lead = "Sở Tài chính";
    EXPECT_EQ(input.compare(t.span.start, lead.size(), lead), 0) << t.span.start;
  }
}

}  // namespace
}  // namespace dondoc::extract
