#include "text/repair.h"

#include <gtest/gtest.h>

#include <string>

#include "text/font_damage.h"
#include "text/lexicon.h"
#include "text/utf8.h"

namespace dondoc::text {
namespace {

// All fixtures below are written for these tests.
const Lexicon& Lex() {
  static const std::shared_ptr<const Lexicon> lex = [] {
    auto r = Lexicon::LoadDefault();
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? r.value() : Lexicon::FromText("", "");
  }();
  return *lex;
}

std::string Repaired(const std::string& s) {
  return RepairFontDamage(MappedText::Identity(s), Lex()).text.text();
}

TEST(LexiconTest, LoadsAndKeysIgnoreTonePlacementAndCase) {
  EXPECT_GT(Lex().syllable_count(), 1000u);
  EXPECT_GT(Lex().pair_count(), 1000u);
  std::string a, b;
  ASSERT_TRUE(SyllableKey("hòa", &a));
  ASSERT_TRUE(SyllableKey("HOÀ", &b));
  EXPECT_EQ(a, b);
  EXPECT_TRUE(Lex().IsSyllable(a));
  EXPECT_FALSE(SyllableKey("a1", &a));
  EXPECT_FALSE(SyllableKey("ảá", &a));  // two tones
  ASSERT_TRUE(SyllableKey("nhiệm", &a));
  ASSERT_TRUE(SyllableKey("vụ", &b));
  EXPECT_GT(Lex().PairWeight(Lex().IdOf(a), Lex().IdOf(b)), 0);
}

TEST(LexiconTest, FromTextBuildsASmallLexicon) {
  auto lex = Lexicon::FromText("mèo\t5\n", "con mèo\t3\n");
  std::string k;
  ASSERT_TRUE(SyllableKey("mèo", &k));
  EXPECT_DOUBLE_EQ(lex->SyllableWeight(k), 8);
  EXPECT_EQ(lex->syllable_count(), 2u);
  EXPECT_EQ(lex->pair_count(), 1u);
}

TEST(RepairTest, BodyShiftLetters) {
  EXPECT_EQ(Repaired("Sở Nội vÿ chā trì, tham mưu cāa Āy ban nhân dân huyện về sử dÿng biên chế."),
            "Sở Nội vụ chủ trì, tham mưu của Ủy ban nhân dân huyện về sử dụng biên chế.");
}

TEST(RepairTest, HeadingManyToOneMap) {
  EXPECT_EQ(Repaired("3. Tăng c°ờng qußc phòng, an ninh và bÁo vß môi tr°ờng sinh thái\n"),
            "3. Tăng cường quốc phòng, an ninh và bảo vệ môi trường sinh thái\n");
  EXPECT_EQ(Repaired("Các chá tiêu kinh t¿ - xã hßi n�m tới đều đạt"),
            "Các chỉ tiêu kinh tế - xã hội năm tới đều đạt");
}

TEST(RepairTest, CapitalsAreOneCodePointBelow) {
  EXPECT_EQ(Repaired("II. NHIÞM VĀ VÀ GIÀI PHÁP CHĂ Y¾U CĂA N�M TỚI"),
            "II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU CỦA NĂM TỚI");
  EXPECT_EQ(Repaired("PH¯¡NG HƯỚNG ĐÞNG VIÊN TRàNG TÂM"), "PHƯƠNG HƯỚNG ĐỘNG VIÊN TRỌNG TÂM");
}

TEST(RepairTest, BothMapsInOneLine) {
  EXPECT_EQ(Repaired("Giao Sở Y tế chā trì, phßi hÿp với các đ¢n vß liên quan cāa tỉnh."),
            "Giao Sở Y tế chủ trì, phối hợp với các đơn vị liên quan của tỉnh.");
}

TEST(RepairTest, QuotesGluedToWords) {
  EXPECT_EQ(Repaired("hưởng ứng phong trào <Toàn dân đoàn kết= do Āy ban phát động"),
            "hưởng ứng phong trào “Toàn dân đoàn kết” do Ủy ban phát động");
}

TEST(RepairTest, LeavesAsciiFormulasAndForeignWordsAlone) {
  const std::string s =
      "Chương trình cāa tỉnh: GRDP, COVID-19, Internet, email, Smart city; nếu a < b thì x = y, "
      "a<b, nhiệm vÿ mới.";
  EXPECT_EQ(Repaired(s),
            "Chương trình của tỉnh: GRDP, COVID-19, Internet, email, Smart city; nếu a < b thì x = "
            "y, a<b, nhiệm vụ mới.");
}

TEST(RepairTest, CleanTextPassesUnchanged) {
  const std::string s =
      "Ủy ban nhân dân tỉnh giao các sở, ngành chủ động phối hợp thực hiện nhiệm vụ.\n"
      "Nhiệt độ 30°C, giá 5 $ và “trích dẫn” giữ nguyên; x = y < z.\n";
  const RepairResult r = RepairFontDamage(MappedText::Identity(s), Lex());
  EXPECT_EQ(r.text.text(), s);
  EXPECT_TRUE(r.repairs.empty());
}

TEST(RepairTest, StraySymbolIsNoEvidenceForQuotes) {
  const std::string s = "nhiệt độ 30°C; ký hiệu <ghi chú= giữ nguyên";
  EXPECT_EQ(Repaired(s), s);
}

TEST(RepairTest, ValidSyllablesAreKept) {
  // Valid words with á/à/ă next to damaged ones stay unless context is strong.
  EXPECT_EQ(Repaired("các cán bộ và nhân dân cāa xã đã hoàn thành"),
            "các cán bộ và nhân dân của xã đã hoàn thành");
  // Proper names with spellings outside the rules are kept.
  EXPECT_EQ(Repaired("huyện Đăk Hà cāa tỉnh"), "huyện Đăk Hà của tỉnh");
}

TEST(RepairTest, OriginsAndOffsetsPointAtTheDamagedCharacters) {
  const std::string s = "nhiệm vÿ cāa tỉnh";
  const MappedText in = MappedText::Identity(s, 1000);
  const RepairResult r = RepairFontDamage(in, Lex());
  ASSERT_EQ(r.text.text(), "nhiệm vụ của tỉnh");
  ASSERT_EQ(r.repairs.size(), 2u);
  const Repair& second = r.repairs[1];
  EXPECT_EQ(second.original, "cāa");
  EXPECT_EQ(second.replacement, "của");
  EXPECT_EQ(r.text.text().substr(second.offset, second.replacement.size()), "của");
  const size_t damaged = s.find("cāa");
  EXPECT_EQ(second.origin, 1000 + damaged);
  // 'ủ' (3 bytes) carries the origin of 'ā'; 'a' after it keeps its own.
  const size_t u = second.offset + 1;
  for (size_t k = 0; k < 3; ++k) EXPECT_EQ(r.text.OriginAt(u + k), 1000 + damaged + 1);
  EXPECT_EQ(r.text.OriginAt(u + 3), 1000 + damaged + 3);
  EXPECT_EQ(r.text.origins().size(), r.text.size());
}

TEST(RepairTest, ConfidenceIsInRange) {
  const RepairResult r = RepairFontDamage(
      MappedText::Identity("1. Bßi cÁnh: t¿o đßng lāc cho vß trí cāa tỉnh, <đi đầu="), Lex());
  ASSERT_FALSE(r.repairs.empty());
  for (const Repair& rep : r.repairs) {
    EXPECT_GE(rep.confidence, 0.0) << rep.original;
    EXPECT_LE(rep.confidence, 1.0) << rep.original;
  }
}

TEST(RepairTest, UnknownGlyphFallsBackToEveryLetter) {
  // '¤' is in no table: the generic fallback still finds "việc".
  EXPECT_EQ(Repaired("tạo thêm vi¤c làm cho người lao động cāa tỉnh"),
            "tạo thêm việc làm cho người lao động của tỉnh");
}

const char kParagraph[] =
    "I. MỤC TIÊU VÀ NHIỆM VỤ CHỦ YẾU\n"
    "1. Phát triển kinh tế và bảo đảm an sinh xã hội\n"
    "Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành tập trung thực hiện có hiệu quả các giải pháp\n"
    "phục hồi sản xuất, hỗ trợ doanh nghiệp và người lao động; đẩy mạnh ứng dụng công nghệ\n"
    "thông tin trong quản lý nhà nước, cải cách thủ tục hành chính, nâng cao chất lượng dịch vụ\n"
    "công trực tuyến. Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các đơn vị liên quan theo dõi,\n"
    "đôn đốc tiến độ giải ngân vốn đầu tư công và báo cáo kết quả cho Chủ tịch Ủy ban nhân dân\n"
    "tỉnh trước ngày 15 hằng tháng. Các huyện tiếp tục triển khai phong trào “Toàn dân đoàn kết\n"
    "xây dựng nông thôn mới” và củng cố quốc phòng, an ninh, giữ vững trật tự an toàn xã hội.\n"
    "2. Văn hóa, giáo dục và y tế\n"
    "Nâng cao chất lượng giáo dục, đào tạo nghề cho thanh niên dân tộc thiểu số; phòng chống\n"
    "dịch bệnh, bảo vệ sức khỏe Nhân dân và phát huy giá trị văn hóa truyền thống.\n";

TEST(FontDamageTest, DeterministicAndLengthPreserving) {
  FontDamageOptions o;
  o.seed = 7;
  o.bold_run_rate = 0.1;
  const std::string a = DamageFont(kParagraph, o);
  EXPECT_EQ(a, DamageFont(kParagraph, o));
  EXPECT_NE(a, kParagraph);
  EXPECT_EQ(ToUtf32(a).size(), ToUtf32(kParagraph).size());
  EXPECT_NE(a.find("NHIÞM VĀ"), std::string::npos);      // heading map on the capital line
  EXPECT_NE(a.find("chā trì"), std::string::npos) << a;  // body shift
  EXPECT_NE(a.find("<Toàn"), std::string::npos);
  EXPECT_TRUE(LooksLikeHeadingLine("II. NHIỆM VỤ"));
  EXPECT_TRUE(LooksLikeHeadingLine("2.3. Giáo dục"));
  EXPECT_FALSE(LooksLikeHeadingLine("Ủy ban nhân dân tỉnh"));
}

TEST(RepairTest, RoundTripThroughTheGenerator) {
  for (uint64_t seed : {1u, 2u, 3u}) {
    FontDamageOptions o;
    o.seed = seed;
    o.bold_run_rate = 0.05;
    const std::string damaged = DamageFont(kParagraph, o);
    EXPECT_EQ(Repaired(damaged), kParagraph) << "seed " << seed << "\n" << damaged;
  }
}

TEST(RepairTest, RepairIsIdempotent) {
  FontDamageOptions o;
  o.bold_run_rate = 0.1;
  const std::string once = Repaired(DamageFont(kParagraph, o));
  const RepairResult twice = RepairFontDamage(MappedText::Identity(once), Lex());
  EXPECT_EQ(twice.text.text(), once);
  EXPECT_TRUE(twice.repairs.empty());
  const std::string mixed = "NHIÞM VĀ cāa tỉnh: <Tăng tốc= và bÁo vß môi tr°ờng";
  const std::string fixed = Repaired(mixed);
  EXPECT_EQ(Repaired(fixed), fixed);
}

TEST(RepairTest, UnknownHeadingFontIsReadFromTheDocument) {
  // Every damaged heading letter gets a symbol no table knows.
  FontDamageOptions o;
  o.unknown_heading_font = true;
  o.bold_run_rate = 0;
  const std::string damaged = DamageFont(kParagraph, o);
  EXPECT_NE(damaged.find("¤"), std::string::npos) << damaged;
  EXPECT_EQ(Repaired(damaged), kParagraph) << damaged;
}

TEST(RepairTest, MovingOverloadKeepsTextAndOrigins) {
  const std::string s = "Văn bản sạch, không hư hỏng.";
  MappedText in = MappedText::Identity(s, 7);
  const RepairResult r = RepairFontDamage(std::move(in), Lex());
  EXPECT_EQ(r.text.text(), s);
  EXPECT_EQ(r.text.OriginAt(0), 7u);
  EXPECT_TRUE(r.repairs.empty());
  MappedText damaged = MappedText::Identity("nhiệm vÿ");
  EXPECT_EQ(RepairFontDamage(std::move(damaged), Lex()).text.text(), "nhiệm vụ");
}

TEST(RepairTest, LexiconWithoutHunspellStillRepairs) {
  auto lex = Lexicon::Load(DONDOC_SOURCE_DIR "/data", "");
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  const RepairResult r =
      RepairFontDamage(MappedText::Identity("nhiệm vÿ cāa Āy ban nhân dân"), **lex);
  EXPECT_EQ(r.text.text(), "nhiệm vụ của Ủy ban nhân dân");
}

}  // namespace
}  // namespace dondoc::text
