// Quality gates of the font-damage repair on the shared corpus (read at run
// time, never copied into the project). bench/repair_accuracy prints the
// full figures; these tests keep the headline ones from regressing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "text/clean.h"
#include "text/font_damage.h"
#include "text/repair.h"
#include "text/utf8.h"

namespace dondoc::text {
namespace {

const std::filesystem::path kCorpus = std::filesystem::path(DONDOC_SHARED_DIR) / "corpus/kontum";

// The text of the corpus file whose name starts with `prefix`, or "".
std::string CorpusFile(const std::string& prefix) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(kCorpus, ec)) {
    if (entry.path().filename().string().rfind(prefix, 0) == 0) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      return ss.str();
    }
  }
  return "";
}

std::shared_ptr<const Lexicon> SharedLexicon() {
  static auto lexicon = Lexicon::LoadDefault();
  return lexicon.ok() ? lexicon.value() : nullptr;
}

// Code points that broken fonts put in place of Vietnamese letters and that
// never occur in correct Vietnamese words.
bool IsDamageGlyph(char32_t cp) {
  switch (cp) {
    case U'ā':
    case U'ÿ':
    case U'Ā':
    case U'ß':
    case U'¿':
    case U'°':
    case U'¢':
    case U'\uFFFD':
    case U'¾':
    case U'Þ':
      return true;
    default:
      return false;
  }
}

TEST(RepairCorpusTest, RealDamagedDocumentHasNoDamagedCharacterLeft) {
  const std::string original = CorpusFile("000");
  if (original.empty()) GTEST_SKIP() << "no corpus at " << kCorpus;
  size_t before = 0;
  for (char32_t cp : ToUtf32(original)) before += IsDamageGlyph(cp);
  ASSERT_GT(before, 100u) << "document 000 is expected to be damaged";

  auto doc = Clean(original, {}, SharedLexicon().get());
  ASSERT_TRUE(doc.ok());
  size_t after = 0;
  std::string examples;
  for (const Paragraph& p : doc->layout.paragraphs) {
    for (char32_t cp : ToUtf32(p.text.text())) {
      if (IsDamageGlyph(cp)) {
        ++after;
        if (examples.size() < 200) examples += p.text.text().substr(0, 60) + " | ";
      }
    }
  }
  EXPECT_EQ(after, 0u) << examples;
  EXPECT_GT(doc->repairs.size(), 500u);
}

TEST(RepairCorpusTest, GeneratedDamageOnCleanDocumentsIsRepaired) {
  size_t total = 0;
  size_t wrong = 0;
  for (const char* prefix : {"001", "002", "003", "004"}) {
    const std::string clean = CorpusFile(prefix);
    if (clean.empty()) GTEST_SKIP() << "no corpus at " << kCorpus;
    const std::string damaged = DamageFont(clean, FontDamageOptions{});
    const RepairResult repaired = RepairFontDamage(MappedText::Identity(damaged), *SharedLexicon());
    const std::u32string want = ToUtf32(clean);
    const std::u32string got = ToUtf32(repaired.text.text());
    ASSERT_EQ(want.size(), got.size()) << prefix;  // one code point per letter
    for (size_t i = 0; i < want.size(); ++i) {
      // Quotes are restored as curly quotes even where the clean text had
      // straight ones; compare letters, not quote style.
      const bool quote_pair = (want[i] == U'"' && (got[i] == U'“' || got[i] == U'”'));
      wrong += (want[i] != got[i] && !quote_pair);
    }
    total += want.size();
  }
  const double accuracy = 1.0 - static_cast<double>(wrong) / static_cast<double>(total);
  EXPECT_GE(accuracy, 0.999) << wrong << " wrong of " << total;
}

}  // namespace
}  // namespace dondoc::text
