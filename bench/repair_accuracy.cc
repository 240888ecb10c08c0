// Accuracy and speed of the font-damage repair.
//
//  1. For each clean corpus document (001-004): damage it with the generator
//     (font_damage.h), repair it, and compare the result with the original
//     code point by code point (the damage and the repair both keep one code
//     point per letter, so positions line up). Prints character accuracy per
//     document and in total, and the words still wrong with --verbose.
//  2. For the really damaged document 000: counts damaged characters left
//     after repair, and checks the Vietnamese words of the names and figures
//     quoted in gold/000.json against the text before and after repair.
//  3. Throughput of RepairFontDamage on clean and on damaged text.
//
// Usage: repair_accuracy [--verbose] [--seed N] [--no-hunspell]
#include <boost/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "text/font_damage.h"
#include "text/lexicon.h"
#include "text/normalize.h"
#include "text/repair.h"
#include "text/utf8.h"

namespace {

using namespace dondoc::text;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string CorpusPath(const char* prefix) {
  const std::string dir = std::string(DONDOC_SHARED_DIR) + "/corpus/kontum/";
  const char* names[] = {"000_ebf3b8aa1c065551.txt", "001_c396f60835ea8a5f.txt",
                         "002_c0839fcbda8f67f0.txt", "003_fda61611c0e909b0.txt",
                         "004_ba3eed28952c3c5a.txt"};
  for (const char* n : names) {
    if (std::strncmp(n, prefix, 3) == 0) return dir + n;
  }
  return dir + prefix;
}

std::string Nfc(const std::string& s) { return ToNfc(MappedText::Identity(s)).text(); }

// The word (letters) around code point index `i`.
bool IsDamageGlyph(char32_t c);

std::u32string WordAround(const std::u32string& s, size_t i) {
  auto is_letter = [](char32_t c) { return ClassifyLetter(c).is_letter || IsDamageGlyph(c); };
  size_t b = i;
  size_t e = i;
  while (b > 0 && is_letter(s[b - 1])) --b;
  while (e < s.size() && is_letter(s[e])) ++e;
  return s.substr(b, e - b);
}

bool IsDamageGlyph(char32_t c) {
  static const std::u32string kGlyphs = U"āĀÿþßÞ¿¾°¯¢¡ąĄ\uFFFD";
  return kGlyphs.find(c) != std::u32string::npos;
}

// Vietnamese words of `s`, lower case, as a set.
std::unordered_set<std::string> WordSet(const std::string& s) {
  std::unordered_set<std::string> out;
  std::u32string w;
  auto flush = [&] {
    if (!w.empty()) out.insert(ToUtf8(w));
    w.clear();
  };
  for (size_t i = 0; i < s.size();) {
    const char32_t c = NextCodePoint(s, i);
    const VnLetter l = ClassifyLetter(c);
    if (l.is_letter || IsDamageGlyph(c)) {
      w.push_back(l.is_letter ? ToLowerLetter(c) : c);
    } else {
      flush();
    }
  }
  flush();
  return out;
}

// Whitespace runs to one space, for phrase search across hard line wraps.
std::string Squeeze(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

void CollectStrings(const boost::json::value& v, const std::set<std::string>& keys,
                    const std::string& key, std::vector<std::string>* out) {
  if (v.is_object()) {
    for (const auto& kv : v.as_object()) CollectStrings(kv.value(), keys, kv.key(), out);
  } else if (v.is_array()) {
    for (const auto& e : v.as_array()) CollectStrings(e, keys, key, out);
  } else if (v.is_string() && keys.count(key)) {
    out->push_back(Nfc(std::string(v.as_string())));
  }
}

double Seconds(const std::chrono::steady_clock::time_point& a) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - a).count();
}

}  // namespace

int main(int argc, char** argv) {
  bool verbose = false;
  bool no_hunspell = false;  // shipped data only, as on a machine without hunspell-vi
  uint64_t seed = 1;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--verbose") == 0) verbose = true;
    if (std::strcmp(argv[i], "--no-hunspell") == 0) no_hunspell = true;
    if (std::strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
      seed = std::strtoull(argv[++i], nullptr, 10);
  }
  const auto t0 = std::chrono::steady_clock::now();
  auto lex = no_hunspell ? Lexicon::Load(Lexicon::DefaultDataDir(), "") : Lexicon::LoadDefault();
  if (!lex.ok()) {
    std::fprintf(stderr, "lexicon: %s\n", lex.status().message().c_str());
    return 1;
  }
  std::printf("lexicon: %zu syllables, %zu pairs, loaded in %.1f ms\n", (*lex)->syllable_count(),
              (*lex)->pair_count(), Seconds(t0) * 1000);

  // 1. Generated damage on the clean documents; then again with a heading
  // font unknown to the repair tables (generic fallback only).
  std::string all_clean, all_damaged;
  for (const bool unknown_font : {false, true}) {
    size_t total = 0, total_damaged = 0, total_wrong = 0;
    if (unknown_font) std::printf("\nheading font unknown to the tables:");
    std::printf("\n%-6s %9s %9s %9s %10s %8s\n", "doc", "chars", "damaged", "wrong", "accuracy",
                "repairs");
    for (const char* id : {"001", "002", "003", "004"}) {
      const std::string clean = Nfc(ReadFile(CorpusPath(id)));
      FontDamageOptions opt;
      opt.seed = seed;
      opt.unknown_heading_font = unknown_font;
      const std::string damaged = DamageFont(clean, opt);
      const RepairResult r = RepairFontDamage(MappedText::Identity(damaged), **lex);
      const std::u32string a = ToUtf32(clean);
      const std::u32string d = ToUtf32(damaged);
      const std::u32string b = ToUtf32(r.text.text());
      size_t wrong = 0, dmg = 0;
      if (a.size() != b.size() || a.size() != d.size()) {
        std::printf("%s: length mismatch %zu %zu %zu\n", id, a.size(), d.size(), b.size());
        return 1;
      }
      std::set<std::string> shown;
      for (size_t i = 0; i < a.size(); ++i) {
        dmg += a[i] != d[i];
        if (a[i] != b[i]) {
          ++wrong;
          if (verbose) {
            const std::string msg = ToUtf8(WordAround(d, i)) + " -> " + ToUtf8(WordAround(b, i)) +
                                    " (want " + ToUtf8(WordAround(a, i)) + ")";
            if (shown.insert(msg).second) std::printf("    %s\n", msg.c_str());
          }
        }
      }
      std::printf("%-6s %9zu %9zu %9zu %9.4f%% %8zu\n", id, a.size(), dmg, wrong,
                  100.0 * (1.0 - static_cast<double>(wrong) / a.size()), r.repairs.size());
      total += a.size();
      total_damaged += dmg;
      total_wrong += wrong;
      if (!unknown_font) {
        all_clean += clean;
        all_damaged += damaged;
      }
    }
    std::printf("%-6s %9zu %9zu %9zu %9.4f%%\n", "total", total, total_damaged, total_wrong,
                100.0 * (1.0 - static_cast<double>(total_wrong) / total));
    std::printf(
        "damaged characters repaired: %.2f%%\n",
        total_damaged ? 100.0 * (1.0 - static_cast<double>(total_wrong) / total_damaged) : 100.0);
  }

  // 2. The real damaged document.
  const std::string raw = Nfc(ReadFile(CorpusPath("000")));
  const RepairResult r0 = RepairFontDamage(MappedText::Identity(raw), **lex);
  const std::string& fixed = r0.text.text();
  auto count_left = [&](const std::string& s, bool show) {
    size_t n = 0;
    std::set<std::string> words;
    const std::u32string u = ToUtf32(s);
    std::string key;
    for (size_t i = 0; i < u.size(); ++i) {
      bool bad = IsDamageGlyph(u[i]);
      if (!bad && (u[i] == U'À' || u[i] == U'à' || u[i] == U'Á' || u[i] == U'á' || u[i] == U'Ă' ||
                   u[i] == U'ă')) {
        // A glyph letter counts when its word is no syllable or mixes case.
        const std::u32string w = WordAround(u, i);
        const bool syllable = SyllableKey(w, &key) && (*lex)->IsSyllable(key);
        bool mixed = false;
        for (size_t k = 1; k < w.size(); ++k) {
          if (ClassifyLetter(w[k]).is_letter &&
              ClassifyLetter(w[k]).upper != ClassifyLetter(w[1]).upper) {
            mixed = true;
          }
        }
        bad = !syllable || mixed;
      }
      if (bad) {
        ++n;
        if (show) words.insert(ToUtf8(WordAround(u, i)));
      }
    }
    for (const std::string& w : words) std::printf("    left: %s\n", w.c_str());
    return n;
  };
  size_t quotes_before = 0, quotes_after = 0;
  for (char c : raw) quotes_before += (c == '<' || c == '=');
  for (char c : fixed) quotes_after += (c == '<' || c == '=');
  std::printf(
      "\n000: damaged characters before repair %zu, after %zu; '<' '=' before %zu, after %zu;"
      " repairs %zu\n",
      count_left(raw, false), count_left(fixed, verbose), quotes_before, quotes_after,
      r0.repairs.size());
  double conf_sum = 0;
  size_t low = 0;
  for (const Repair& r : r0.repairs) {
    conf_sum += r.confidence;
    low += r.confidence < 0.7;
  }
  std::printf("000: mean confidence %.3f, repairs below 0.7: %zu\n",
              r0.repairs.empty() ? 0 : conf_sum / r0.repairs.size(), low);
  if (verbose) {
    for (const Repair& r : r0.repairs) {
      if (r.confidence < 0.9) {
        std::printf("    %s -> %s (%.2f)\n", r.original.c_str(), r.replacement.c_str(),
                    r.confidence);
      }
    }
  }

  // Gold names and figures: their words, and whole phrases, in the text.
  const std::string gold_path = std::string(DONDOC_SHARED_DIR) + "/corpus/gold/000.json";
  boost::system::error_code ec;
  const boost::json::value gold = boost::json::parse(ReadFile(gold_path), ec);
  if (ec) {
    std::printf("gold: cannot parse %s\n", gold_path.c_str());
    return 1;
  }
  std::vector<std::string> phrases;
  CollectStrings(gold,
                 {"lead", "lead_as_written", "name", "target_text", "coordinating", "deadline_text",
                  "what", "who", "issuer"},
                 "", &phrases);
  const auto before_words = WordSet(raw);
  const auto after_words = WordSet(fixed);
  const std::string before_sq = Squeeze(raw);
  const std::string after_sq = Squeeze(fixed);
  size_t words = 0, w_before = 0, w_after = 0, p_before = 0, p_after = 0;
  std::set<std::string> missing;
  for (const std::string& p : phrases) {
    p_before += before_sq.find(p) != std::string::npos;
    p_after += after_sq.find(p) != std::string::npos;
    for (const std::string& w : WordSet(p)) {
      bool vn = false;
      for (size_t i = 0; i < w.size();) vn |= NextCodePoint(w, i) >= 0x80;
      if (!vn) continue;  // ASCII words cannot be damaged
      ++words;
      w_before += before_words.count(w);
      if (after_words.count(w)) {
        ++w_after;
      } else {
        missing.insert(w);
      }
    }
  }
  std::printf(
      "000 gold: %zu phrases found verbatim before %zu, after %zu; %zu Vietnamese words"
      " found before %zu (%.1f%%), after %zu (%.1f%%)\n",
      phrases.size(), p_before, p_after, words, w_before, 100.0 * w_before / words, w_after,
      100.0 * w_after / words);
  if (verbose) {
    for (const std::string& w : missing) std::printf("    gold word not in text: %s\n", w.c_str());
  }

  // 3. Throughput.
  auto rate = [&](const std::string& text) {
    const MappedText m = MappedText::Identity(text);
    double best = 1e300;
    for (int round = 0; round < 3; ++round) {
      const auto t = std::chrono::steady_clock::now();
      size_t sink = 0;
      for (int k = 0; k < 5; ++k) sink += RepairFontDamage(m, **lex).text.size();
      best = std::min(best, Seconds(t) / 5);
      if (sink == 0) std::printf(" ");
    }
    return text.size() / best / 1e6;
  };
  std::printf("\nthroughput: clean %.0f MB/s, damaged %.1f MB/s, 000 %.1f MB/s\n", rate(all_clean),
              rate(all_damaged), rate(raw));
  return 0;
}
