#include "text/repair_confusions.h"

#include <array>

#include "text/lexicon.h"

namespace dondoc::text::repair_internal {
namespace {

struct Entry {
  char32_t glyph;  // the lower-case glyph; glyph - 1 is its capital form
  std::u32string_view letters;
  bool real_letter;
};

// Readings observed in broken fonts. Ordered by likelihood: the body shift
// reading of ā and ÿ comes first because body text dominates documents.
constexpr Entry kEntries[] = {
    {U'ā', U"ủựứũụ", false},  // body: ủ; heading: ự ứ ũ ụ
    {U'ÿ', U"ụữợ", false},    // body: ụ; heading: ữ ợ
    {U'ß', U"ệốồộị", false}, {U'¿', U"ạế", false}, {U'Á', U"ảề", true},
    {U'á', U"ỉổọ", true},    {U'°', U"ư", false},  {U'¢', U"ơ", false},
    {U'ą', U"ứ", false},     {U'ă', U"ủ", true},   {U'\uFFFD', U"ă", false},
};

}  // namespace

namespace {

GlyphReadings ComputeReadings(char32_t cp) {
  for (const Entry& e : kEntries) {
    if (cp == e.glyph) return {e.letters, e.real_letter, false};
    // The capital glyph is one code point below; U+FFFD has no capital.
    if (cp + 1 == e.glyph && e.glyph != U'\uFFFD') {
      const bool capital_is_letter = ClassifyLetter(cp).is_letter;
      return {e.letters, capital_is_letter, true};
    }
  }
  return {};
}

bool ComputeSuspicious(char32_t cp) {
  if (cp <= 0xA0) return false;  // ASCII, C1 controls, no-break space
  if (cp == 0xFFFD) return true;
  if (cp == 0xD7 || cp == 0xF7) return false;  // × ÷ are real symbols
  if (cp > 0x24F) return false;
  if (ClassifyLetter(cp).is_letter) return false;
  if (cp >= 0xC0) return true;  // Latin-1 / Extended letters that are not Vietnamese
  // Symbols of U+00A1..U+00BF: a broken font may put any of them inside a
  // word, except the punctuation that really occurs there.
  return cp != 0xAB && cp != 0xBB && cp != 0xB7;  // « » ·
}

// Both answers precomputed for U+0000..U+024F: they are asked per character.
constexpr char32_t kTableSize = 0x250;
struct GlyphTable {
  std::array<GlyphReadings, kTableSize> readings{};
  std::array<bool, kTableSize> suspicious{};
  GlyphReadings replacement;
  GlyphTable() {
    for (char32_t cp = 0; cp < kTableSize; ++cp) {
      readings[cp] = ComputeReadings(cp);
      suspicious[cp] = ComputeSuspicious(cp);
    }
    replacement = ComputeReadings(0xFFFD);
  }
};

const GlyphTable& Glyphs() {
  static const GlyphTable table;
  return table;
}

}  // namespace

GlyphReadings ReadingsOf(char32_t cp) {
  if (cp < kTableSize) return Glyphs().readings[cp];
  return cp == 0xFFFD ? Glyphs().replacement : GlyphReadings{};
}

bool IsSuspiciousCodePoint(char32_t cp) {
  if (cp < kTableSize) return Glyphs().suspicious[cp];
  return cp == 0xFFFD;
}

char32_t HeadingGlyph(char32_t letter) {
  const VnLetter l = ClassifyLetter(letter);
  if (!l.is_letter) return 0;
  const char32_t lower = MakeLetter(l.lower_base, l.tone, false);
  char32_t glyph = 0;
  switch (lower) {
    case U'ệ':
    case U'ố':
    case U'ồ':
    case U'ộ':
    case U'ị':
      glyph = U'ß';
      break;
    case U'ạ':
    case U'ế':
      glyph = U'¿';
      break;
    case U'ả':
    case U'ề':
      glyph = U'Á';
      break;
    case U'ỉ':
    case U'ổ':
    case U'ọ':
      glyph = U'á';
      break;
    case U'ư':
      glyph = U'°';
      break;
    case U'ơ':
      glyph = U'¢';
      break;
    case U'ứ':
      glyph = U'ą';
      break;
    case U'ự':
    case U'ũ':
    case U'ụ':
      glyph = U'ā';
      break;
    case U'ủ':
      glyph = U'ă';
      break;
    case U'ữ':
    case U'ợ':
      glyph = U'ÿ';
      break;
    case U'ă':
      return U'\uFFFD';  // both cases
    default:
      return 0;
  }
  return l.upper ? glyph - 1 : glyph;
}

char32_t BodyGlyph(char32_t letter) {
  switch (letter) {
    case U'ủ':
      return U'ā';
    case U'ụ':
      return U'ÿ';
    case U'Ủ':
      return U'Ā';
    default:
      return 0;
  }
}

}  // namespace dondoc::text::repair_internal
