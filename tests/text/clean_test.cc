// Properties of the whole text pipeline: output is NFC, every origin points
// inside the input, and cleaning is idempotent (cleaning the cleaned text
// changes nothing), on fixtures of our own and on the shared corpus.
#include "text/clean.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "text/normalize.h"

namespace dondoc::text {
namespace {

std::shared_ptr<const Lexicon> SharedLexicon() {
  static auto lexicon = Lexicon::LoadDefault();
  return lexicon.ok() ? lexicon.value() : nullptr;
}

// Our own fixtures plus every corpus document, each paired with its name.
std::vector<std::string> Inputs() {
  std::vector<std::string> inputs = {
      "",
      "\n\n\n",
      "Kế hoạch số 12/KH-UBND ngày 05/01/2024 của Ủy ban nhân dân tỉnh.\n",
      // hard wrap, a blank line inside a sentence, a lone page number
      "Sở Tài chính chủ trì, phối hợp với các cơ quan liên\nquan tham mưu bố trí vốn\n\n"
      "đúng quy định.\n                       7\n Các huyện báo cáo trước ngày 20 hằng tháng.\n",
      // decomposed letters, damaged letters, a DOCX footnote
      "Ho\xCC\x80"
      "a bi\xCC\x80nh cāa tỉnh[footnoteRef:1] [1: Số liệu ước.]\n",
  };
  const std::filesystem::path corpus = std::filesystem::path(DONDOC_SHARED_DIR) / "corpus/kontum";
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(corpus, ec)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    inputs.push_back(ss.str());
  }
  return inputs;
}

TEST(CleanTest, OutputIsNfcAndOriginsPointInsideTheInput) {
  for (const std::string& input : Inputs()) {
    auto doc = Clean(input, {}, SharedLexicon().get());
    ASSERT_TRUE(doc.ok()) << doc.status().message();
    for (const Paragraph& p : doc->layout.paragraphs) {
      EXPECT_TRUE(IsNfc(p.text.text())) << p.text.text();
      EXPECT_FALSE(p.text.empty());
      for (uint32_t origin : p.text.origins()) ASSERT_LT(origin, input.size());
      const SourceSpan span = doc->source.SpanOf(p.text, 0, p.text.size());
      EXPECT_LE(span.start, span.end);
      EXPECT_LE(span.end, input.size());
    }
    for (const Footnote& f : doc->layout.footnotes) {
      for (uint32_t origin : f.text.origins()) ASSERT_LT(origin, input.size());
    }
    for (const Repair& r : doc->repairs) {
      EXPECT_LT(r.origin, input.size());
      EXPECT_GE(r.confidence, 0.0);
      EXPECT_LE(r.confidence, 1.0);
    }
  }
}

TEST(CleanTest, CleaningTheCleanedTextChangesNothing) {
  for (const std::string& input : Inputs()) {
    auto once = Clean(input, {}, SharedLexicon().get());
    ASSERT_TRUE(once.ok());
    const std::string first = once->JoinedText();
    auto twice = Clean(first, {}, SharedLexicon().get());
    ASSERT_TRUE(twice.ok());
    const std::string second = twice->JoinedText();
    if (second != first) {
      // Show only the neighbourhood of the first difference.
      size_t at = 0;
      while (at < first.size() && at < second.size() && first[at] == second[at]) ++at;
      const size_t from = at > 80 ? at - 80 : 0;
      ADD_FAILURE() << "cleaning again changed the text at byte " << at << "\nonce:  ..."
                    << first.substr(from, 200) << "\ntwice: ..." << second.substr(from, 200);
    }
    EXPECT_TRUE(twice->repairs.empty());
  }
}

TEST(CleanTest, NoRepairOptionKeepsDamagedLetters) {
  CleanOptions options;
  options.repair = false;
  auto doc = Clean("Nghị quyết cāa Chính phā\n", options, nullptr);
  ASSERT_TRUE(doc.ok());
  EXPECT_NE(doc->JoinedText().find("cāa"), std::string::npos);
  EXPECT_TRUE(doc->repairs.empty());
}

}  // namespace
}  // namespace dondoc::text
