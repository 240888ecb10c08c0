#include "text/font_damage.h"

#include "text/lexicon.h"
#include "text/repair_confusions.h"
#include "text/utf8.h"

namespace dondoc::text {
namespace {

// splitmix64: small, portable and deterministic across standard libraries.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double Uniform() { return static_cast<double>(Next() >> 11) / 9007199254740992.0; }
  int Below(int n) { return static_cast<int>(Next() % static_cast<uint64_t>(n)); }

 private:
  uint64_t state_;
};

bool IsRoman(char c) { return c == 'I' || c == 'V' || c == 'X' || c == 'L'; }

// An invented one-to-one heading font: lower-case letters damaged by the
// real heading font map to these symbols in order of first use.
char32_t UnknownFontGlyph(char32_t cp) {
  static constexpr std::u32string_view kLetters = U"ệốồộịạếảềỉổọươứựũụủữợă";
  static constexpr std::u32string_view kGlyphs = U"¤¥¦§¨©ª¬®±²³µ¶¹º¼½ÆÇÐÑ";
  const VnLetter l = ClassifyLetter(cp);
  if (!l.is_letter) return 0;
  const size_t k = kLetters.find(MakeLetter(l.lower_base, l.tone, false));
  return k == std::u32string_view::npos ? 0 : kGlyphs[k];
}

void AppendDamaged(char32_t cp, bool heading, bool unknown_font, std::string& out) {
  char32_t g = 0;
  if (cp == U'“') {
    g = U'<';
  } else if (cp == U'”') {
    g = U'=';
  } else if (heading && unknown_font) {
    g = UnknownFontGlyph(cp);
  } else if (heading) {
    g = repair_internal::HeadingGlyph(cp);
  } else {
    g = repair_internal::BodyGlyph(cp);
  }
  AppendUtf8(g != 0 ? g : cp, out);
}

}  // namespace

bool LooksLikeHeadingLine(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  // Numbered heading: digits or roman numerals, then '.' or ')', then space.
  size_t j = i;
  while (j < line.size() && ((line[j] >= '0' && line[j] <= '9') || line[j] == '.')) ++j;
  if (j == i) {
    while (j < line.size() && IsRoman(line[j])) ++j;
  }
  if (j > i && j + 1 < line.size() && (line[j - 1] == '.' || line[j] == '.' || line[j] == ')')) {
    size_t k = (line[j] == '.' || line[j] == ')') ? j + 1 : j;
    if (k < line.size() && line[k] == ' ') return true;
  }
  int upper = 0;
  int lower = 0;
  for (size_t p = i; p < line.size();) {
    const VnLetter l = ClassifyLetter(NextCodePoint(line, p));
    if (!l.is_letter) continue;
    (l.upper ? upper : lower)++;
  }
  return upper >= 4 && upper >= 4 * lower;
}

std::string DamageFont(std::string_view clean, const FontDamageOptions& options) {
  Rng rng(options.seed);
  std::string out;
  out.reserve(clean.size() + clean.size() / 8);
  size_t pos = 0;
  while (pos < clean.size()) {
    size_t end = clean.find('\n', pos);
    if (end == std::string_view::npos) end = clean.size();
    const std::string_view line = clean.substr(pos, end - pos);
    const bool heading = LooksLikeHeadingLine(line);
    int run_left = 0;  // words left in the current bold run
    bool in_word = false;
    bool bold_word = false;
    for (size_t i = 0; i < line.size();) {
      const char32_t cp = NextCodePoint(line, i);
      const bool letter = ClassifyLetter(cp).is_letter;
      if (letter && !in_word) {
        // A word starts: it is bold in a heading, inside a run, or when a
        // new run opens here.
        if (heading) {
          bold_word = true;
        } else if (run_left > 0) {
          bold_word = true;
          --run_left;
        } else if (rng.Uniform() < options.bold_run_rate) {
          bold_word = true;
          run_left = rng.Below(options.bold_run_max_words);
        } else {
          bold_word = false;
        }
      }
      in_word = letter;
      if (!options.damage_quotes && (cp == U'“' || cp == U'”')) {
        AppendUtf8(cp, out);
      } else {
        AppendDamaged(cp, letter && bold_word, options.unknown_heading_font, out);
      }
    }
    if (end < clean.size()) out.push_back('\n');
    pos = end + 1;
  }
  return out;
}

}  // namespace dondoc::text
