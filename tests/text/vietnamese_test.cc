#include "text/vietnamese.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "text/utf8.h"

namespace dondoc::text {
namespace {

// All precomposed Vietnamese vowels, lower then upper case, by base and tone.
const char* const kLowerVowels[] = {
    "aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
    "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ",
};
const char* const kUpperVowels[] = {
    "AÀÁẢÃẠ", "ĂẰẮẲẴẶ", "ÂẦẤẨẪẬ", "EÈÉẺẼẸ", "ÊỀẾỂỄỆ", "IÌÍỈĨỊ",
    "OÒÓỎÕỌ", "ÔỒỐỔỖỘ", "ƠỜỚỞỠỢ", "UÙÚỦŨỤ", "ƯỪỨỬỮỰ", "YỲÝỶỸỴ",
};

std::vector<char32_t> AllVietnameseLetters() {
  std::vector<char32_t> out;
  for (const char* row : kLowerVowels) {
    for (char32_t cp : ToUtf32(row)) out.push_back(cp);
  }
  for (const char* row : kUpperVowels) {
    for (char32_t cp : ToUtf32(row)) out.push_back(cp);
  }
  for (char32_t cp : ToUtf32("bcdghklmnpqrstvxđBCDGHKLMNPQRSTVXĐ")) out.push_back(cp);
  return out;
}

TEST(SplitLetterTest, SplitsEveryToneOfEveryVowel) {
  for (int v = 0; v < 12; ++v) {
    const std::u32string lower = ToUtf32(kLowerVowels[v]);
    const std::u32string upper = ToUtf32(kUpperVowels[v]);
    ASSERT_EQ(lower.size(), 6u);
    ASSERT_EQ(upper.size(), 6u);
    for (int t = 0; t < 6; ++t) {
      const LetterParts lp = SplitLetter(lower[t]);
      EXPECT_TRUE(lp.is_vietnamese_letter) << Utf8(lower[t]);
      EXPECT_EQ(lp.base, lower[0]) << Utf8(lower[t]);
      EXPECT_EQ(lp.tone, static_cast<Tone>(t)) << Utf8(lower[t]);
      EXPECT_FALSE(lp.upper);
      const LetterParts up = SplitLetter(upper[t]);
      EXPECT_TRUE(up.is_vietnamese_letter) << Utf8(upper[t]);
      EXPECT_EQ(up.base, lower[0]) << Utf8(upper[t]);
      EXPECT_EQ(up.tone, static_cast<Tone>(t)) << Utf8(upper[t]);
      EXPECT_TRUE(up.upper) << Utf8(upper[t]);
    }
  }
}

TEST(SplitLetterTest, Examples) {
  const LetterParts p = SplitLetter(U'ự');
  EXPECT_EQ(p.base, U'ư');
  EXPECT_EQ(p.tone, Tone::kDot);
  EXPECT_FALSE(p.upper);
  const LetterParts d = SplitLetter(U'Đ');
  EXPECT_EQ(d.base, U'đ');
  EXPECT_TRUE(d.upper);
  EXPECT_TRUE(d.is_vietnamese_letter);
  const LetterParts b = SplitLetter(U'B');
  EXPECT_EQ(b.base, U'b');
  EXPECT_TRUE(b.upper);
  EXPECT_TRUE(b.is_vietnamese_letter);
}

TEST(SplitLetterTest, RejectsNonVietnameseCodePoints) {
  for (char32_t cp : ToUtf32("0129 .,;-_'\"fjwzFJWZāßüñçøÅœ€“”ΑЖ中\u0301")) {
    const LetterParts p = SplitLetter(cp);
    EXPECT_FALSE(p.is_vietnamese_letter) << Utf8(cp);
    EXPECT_EQ(p.base, cp);
    EXPECT_EQ(p.tone, Tone::kNone);
  }
}

TEST(ComposeLetterTest, RoundTripsEveryLetter) {
  for (char32_t cp : AllVietnameseLetters()) {
    const LetterParts p = SplitLetter(cp);
    ASSERT_TRUE(p.is_vietnamese_letter) << Utf8(cp);
    EXPECT_EQ(ComposeLetter(p.base, p.tone, p.upper), cp) << Utf8(cp);
  }
}

TEST(ComposeLetterTest, ExhaustiveOverTheBmp) {
  // Every code point that splits as a Vietnamese letter rebuilds to itself,
  // and exactly 12 * 6 * 2 + 17 * 2 code points are Vietnamese letters.
  int letters = 0;
  for (char32_t cp = 0; cp < 0x10000; ++cp) {
    const LetterParts p = SplitLetter(cp);
    if (!p.is_vietnamese_letter) continue;
    ++letters;
    EXPECT_EQ(ComposeLetter(p.base, p.tone, p.upper), cp) << static_cast<uint32_t>(cp);
  }
  EXPECT_EQ(letters, 12 * 6 * 2 + 17 * 2);
}

TEST(ComposeLetterTest, Examples) {
  EXPECT_EQ(ComposeLetter(U'ư', Tone::kDot, true), U'Ự');
  EXPECT_EQ(ComposeLetter(U'a', Tone::kTilde, false), U'ã');
  EXPECT_EQ(ComposeLetter(U'y', Tone::kHook, true), U'Ỷ');
  EXPECT_EQ(ComposeLetter(U'đ', Tone::kNone, true), U'Đ');
  EXPECT_EQ(ComposeLetter(U't', Tone::kNone, true), U'T');
  EXPECT_EQ(ComposeLetter(U't', Tone::kAcute, false), 0u);  // no toned consonants
}

TEST(IsValidSyllableTest, AcceptsCommonSyllables) {
  for (const char* w :
       {"a",     "ăn",     "ân",     "anh",    "nghiêng", "nguyễn", "người", "thuở",   "quả",
        "giả",   "nghĩa",  "khuya",  "khuỷu",  "gì",      "gìn",    "giếng", "giữ",    "già",
        "quốc",  "quyết",  "quý",    "quí",    "quýt",    "quít",   "hòa",   "hoà",    "thủy",
        "thuỷ",  "khỏe",   "khoẻ",   "ngoài",  "xoong",   "boong",  "yêu",   "yên",    "ý",
        "kỹ",    "kĩ",     "lý",     "lí",     "ỉa",      "uống",   "oản",   "chuyện", "tuyệt",
        "hoạch", "huỳnh",  "khuých", "quặp",   "quen",    "quên",   "quoắt", "giê",    "ngoáo",
        "quào",  "quăng",  "tiếng",  "việt",   "đồng",    "Việt",   "Nam",   "Ủy",     "NHIỆM",
        "VỤ",    "ĐỒNG",   "Nai",    "trường", "phường",  "gửi",    "hươu",  "tuổi",   "mùa",
        "mía",   "mưa",    "cửa",    "giường", "gieo",    "kênh",   "ếch",   "oẳn",    "thuế",
        "xuân",  "khuâng", "quây",   "ngoằn",  "ngoẻo"}) {
    EXPECT_TRUE(IsValidSyllable(w)) << w;
  }
}

TEST(IsValidSyllableTest, RejectsInvalidStrings) {
  for (const char* w :
       {"",     "tnh",     "ngyễn",        "bbb", "kăt",  "ăo",   "bàt", "mat", "cuyên",
        "nghă", "ka",      "ghy",          "ngi", "ce",   "gh",   "qa",  "q",   "quu",
        "tyên", "iêu",     "cóa",          "cuy", "fa",   "jam",  "web", "zô",  "hoàa",
        "mưá",  "ngườì",   "a1",           "a-b", "viet", "ngáo̰", "gịa", "qủa", "hóan",
        "muá",  "nguyêễn", "aaaaaaaaaaaa", "ăg",  "ơng",  "âi",   "ơy",  "ia2", "UBND",
        "HĐND", "nGuyen",  "hÒa",          "xyz", "đđ",   "trh",  "tyt", "gyên"}) {
    EXPECT_FALSE(IsValidSyllable(w)) << w;
  }
}

TEST(IsValidSyllableTest, StopCodasTakeOnlyAcuteOrDot) {
  EXPECT_TRUE(IsValidSyllable("mát"));
  EXPECT_TRUE(IsValidSyllable("mạt"));
  EXPECT_TRUE(IsValidSyllable("sách"));
  EXPECT_TRUE(IsValidSyllable("học"));
  EXPECT_TRUE(IsValidSyllable("đẹp"));
  for (const char* w : {"màt", "mảt", "mãt", "mat", "sàch", "hỏc", "đẽp", "học̀"}) {
    EXPECT_FALSE(IsValidSyllable(w)) << w;
  }
}

TEST(IsValidSyllableTest, CaseVariants) {
  EXPECT_TRUE(IsValidSyllable("hoà"));
  EXPECT_TRUE(IsValidSyllable("Hoà"));
  EXPECT_TRUE(IsValidSyllable("HOÀ"));
  EXPECT_FALSE(IsValidSyllable("hOà"));
  EXPECT_FALSE(IsValidSyllable("HoÀ"));
}

// Debian's hunspell-vi list holds every Vietnamese syllable (plus a few
// names and acronyms); nearly all of its lower-case entries must pass.
TEST(IsValidSyllableTest, AcceptsHunspellSyllableList) {
  std::ifstream in("/usr/share/hunspell/vi_VN.dic");
  if (!in) GTEST_SKIP() << "hunspell-vi is not installed";
  std::string line;
  std::getline(in, line);  // entry count
  int checked = 0;
  std::vector<std::string> rejected;
  while (std::getline(in, line)) {
    const std::string word = line.substr(0, line.find('/'));
    bool skip = word.empty();
    for (char32_t cp : ToUtf32(word)) {
      const char32_t lower = cp | 0x20;
      if ((cp >= '0' && cp <= '9') ||
          (cp < 0x80 && (lower == 'f' || lower == 'j' || lower == 'w' || lower == 'z'))) {
        skip = true;
      }
      const LetterParts p = SplitLetter(cp);
      if (p.upper) skip = true;  // names and acronyms
    }
    if (skip) continue;
    ++checked;
    if (!IsValidSyllable(word)) rejected.push_back(word);
  }
  ASSERT_GT(checked, 6000);
  std::string sample;
  for (size_t i = 0; i < rejected.size() && i < 60; ++i) sample += rejected[i] + " ";
  EXPECT_LE(rejected.size() * 100, static_cast<size_t>(checked))
      << rejected.size() << " of " << checked << " rejected: " << sample;
  std::printf("hunspell: %d checked, %zu rejected: %s\n", checked, rejected.size(), sample.c_str());
}

// Properties over every hunspell syllable: the key of a valid syllable is a
// valid syllable, keys ignore case and are idempotent, search keys are ASCII.
TEST(KeysTest, PropertiesOverHunspellList) {
  std::ifstream in("/usr/share/hunspell/vi_VN.dic");
  if (!in) GTEST_SKIP() << "hunspell-vi is not installed";
  std::string word;
  std::getline(in, word);
  int checked = 0;
  while (std::getline(in, word)) {
    if (!IsValidSyllable(word)) continue;
    ++checked;
    std::string upper;
    for (char32_t cp : ToUtf32(word)) {
      const LetterParts p = SplitLetter(cp);
      AppendUtf8(ComposeLetter(p.base, p.tone, true), upper);
    }
    EXPECT_TRUE(IsValidSyllable(upper)) << upper;
    const std::string key = ComparisonKey(word);
    EXPECT_TRUE(IsValidSyllable(key)) << word << " -> " << key;
    EXPECT_EQ(ComparisonKey(key), key) << word;
    EXPECT_EQ(ComparisonKey(upper), key) << upper;
    const std::string search = SearchKey(word);
    EXPECT_EQ(SearchKey(search), search) << word;
    EXPECT_EQ(SearchKey(upper), search) << upper;
    for (char c : search) EXPECT_TRUE(c >= 'a' && c <= 'z') << word << " -> " << search;
  }
  EXPECT_GT(checked, 6000);
}

TEST(IsForeignOrAcronymTest, Examples) {
  EXPECT_TRUE(IsForeignOrAcronym("UBND"));
  EXPECT_TRUE(IsForeignOrAcronym("HĐND"));
  EXPECT_TRUE(IsForeignOrAcronym("PDF"));
  EXPECT_TRUE(IsForeignOrAcronym("web"));
  EXPECT_TRUE(IsForeignOrAcronym("Zalo"));
  EXPECT_TRUE(IsForeignOrAcronym("Müller"));
  EXPECT_FALSE(IsForeignOrAcronym("NHIỆM"));
  EXPECT_FALSE(IsForeignOrAcronym("người"));
  EXPECT_FALSE(IsForeignOrAcronym("ngườì"));  // garbled, not foreign
  EXPECT_FALSE(IsForeignOrAcronym("A"));
}

TEST(ComparisonKeyTest, MovesToneToCanonicalVowel) {
  EXPECT_EQ(ComparisonKey("Hoà"), ComparisonKey("hòa"));
  EXPECT_EQ(ComparisonKey("hòa"), "hòa");
  EXPECT_EQ(ComparisonKey("THUỶ"), ComparisonKey("thủy"));
  EXPECT_EQ(ComparisonKey("thuỷ"), "thủy");
  EXPECT_EQ(ComparisonKey("khoẻ"), "khỏe");
  EXPECT_EQ(ComparisonKey("Ủy ban"), "ủy ban");
  EXPECT_EQ(ComparisonKey("uỷ ban"), "ủy ban");
  for (const char* w : {"quả", "giả", "nghĩa", "khuya", "người", "thuở", "quý", "già", "giữa",
                        "gìn", "giếng", "hoàn", "thuyền", "khuỷu", "ngoài", "tuổi", "hươu"}) {
    EXPECT_EQ(ComparisonKey(w), w) << w;
  }
  EXPECT_EQ(ComparisonKey("QUẢ"), "quả");
  // Misplaced marks are moved too, so misspellings still compare equal.
  EXPECT_EQ(ComparisonKey("muá"), "múa");
  EXPECT_EQ(ComparisonKey("gìa"), "già");
  EXPECT_EQ(ComparisonKey("qủa"), "quả");
  EXPECT_EQ(ComparisonKey("NHIỆM VỤ"), "nhiệm vụ");
}

TEST(ComparisonKeyTest, KeepsOtherTextLowerCased) {
  EXPECT_EQ(ComparisonKey("UBND tỉnh Đồng Nai, số 12/QĐ-UBND"),
            "ubnd tỉnh đồng nai, số 12/qđ-ubnd");
  EXPECT_EQ(ComparisonKey("Café ÉTÉ"), "café été");
  EXPECT_EQ(ComparisonKey(""), "");
  EXPECT_EQ(ComparisonKey("  -- "), "  -- ");
}

TEST(ComparisonKeyTest, NormalisesToNfc) {
  // "hoà" with a combining grave accent after the a.
  EXPECT_EQ(ComparisonKey("hoa\u0300"), "hòa");
  EXPECT_EQ(ComparisonKey("Vie\u0323\u0302t"), "việt");
}

TEST(ComparisonKeyTest, Idempotent) {
  for (const char* s : {"Hoà Bình", "THUỶ LỢI", "Café", "UBND tỉnh", "hoa\u0300", "khuỷu tay",
                        "Ngoại giao", "QUỐC HỘI", "İstanbul ǅ"}) {
    const std::string k = ComparisonKey(s);
    EXPECT_EQ(ComparisonKey(k), k) << s;
  }
}

TEST(SearchKeyTest, StripsDiacritics) {
  EXPECT_EQ(SearchKey("Đồng Nai"), "dong nai");
  EXPECT_EQ(SearchKey("NHIỆM VỤ"), "nhiem vu");
  EXPECT_EQ(SearchKey("Hoà"), SearchKey("hòa"));
  EXPECT_EQ(SearchKey("người được ủy quyền"), "nguoi duoc uy quyen");
  EXPECT_EQ(SearchKey("Café Müller, Søren"), "cafe muller, soren");
  EXPECT_EQ(SearchKey("Vie\u0323\u0302t"), "viet");
  EXPECT_EQ(SearchKey("số 12/QĐ-UBND"), "so 12/qd-ubnd");
}

TEST(SearchKeyTest, Idempotent) {
  for (const char* s : {"Đồng Nai", "Café Müller", "THUỶ LỢI", "İstanbul", "中文 ĂÂ"}) {
    const std::string k = SearchKey(s);
    EXPECT_EQ(SearchKey(k), k) << s;
  }
}

TEST(ForEachWordTest, SplitsOnNonLetters) {
  const std::string text = "Số 12/QĐ-UBND, ngày  5 tháng 3 (Đồng Nai) café";
  std::vector<std::string> words;
  ForEachWord(text, [&](size_t b, size_t e) { words.push_back(text.substr(b, e - b)); });
  const std::vector<std::string> expected = {"Số",    "QĐ",   "UBND", "ngày",
                                             "tháng", "Đồng", "Nai",  "café"};
  EXPECT_EQ(words, expected);
}

TEST(ForEachWordTest, KeepsCombiningMarksInWords) {
  const std::string text = "hoa\u0300 bi\u0300nh";
  std::vector<std::pair<size_t, size_t>> ranges;
  ForEachWord(text, [&](size_t b, size_t e) { ranges.emplace_back(b, e); });
  ASSERT_EQ(ranges.size(), 2u);
  EXPECT_EQ(text.substr(ranges[0].first, ranges[0].second - ranges[0].first), "hoa\u0300");
  EXPECT_EQ(text.substr(ranges[1].first), "bi\u0300nh");
}

TEST(ForEachWordTest, EmptyAndNoWords) {
  int calls = 0;
  ForEachWord("", [&](size_t, size_t) { ++calls; });
  ForEachWord("12 -- 34", [&](size_t, size_t) { ++calls; });
  EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace dondoc::text
