#include "text/lexicon.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "text/utf8.h"
#include "text/vietnamese.h"

namespace dondoc::text {
namespace {

// Letters up to here cover every Vietnamese letter (the highest is U+1EF9).
constexpr char32_t kMaxLetter = 0x1F00;

double ParseWeight(std::string_view s, double fallback) {
  if (s.empty()) return fallback;
  double v = 0;
  bool any = false;
  double frac = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      any = true;
      if (frac > 0) {
        v += (c - '0') * frac;
        frac /= 10;
      } else {
        v = v * 10 + (c - '0');
      }
    } else if (c == '.' && frac == 0) {
      frac = 0.1;
    } else {
      break;
    }
  }
  return any ? v : fallback;
}

// Calls fn(line) for each non-empty, non-comment line.
template <typename Fn>
void ForEachLine(std::string_view text, Fn&& fn) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    fn(line);
  }
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

}  // namespace

namespace {

// Every letter's facts, precomputed from vietnamese.h once: ClassifyLetter is
// on the hot path of repair. Unlike SplitLetter it also counts f, j, w and z
// as letters, so foreign words stay whole words.
struct VnLetterTable {
  std::array<VnLetter, kMaxLetter> by_cp{};
  VnLetterTable() {
    for (char32_t cp = 0; cp < kMaxLetter; ++cp) {
      const LetterParts p = SplitLetter(cp);
      VnLetter& l = by_cp[cp];
      if (p.is_vietnamese_letter) {
        l.is_letter = true;
        l.upper = p.upper;
        l.tone = static_cast<uint8_t>(p.tone);
        l.lower_base = p.base;
        l.is_vowel = IsVietnameseVowelBase(p.base);
      } else if (cp < 0x80 && (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') {
        l.is_letter = true;
        l.upper = (cp & 0x20) == 0;
        l.lower_base = cp | 0x20;
      }
    }
  }
};

const VnLetterTable& LetterFacts() {
  static const VnLetterTable table;
  return table;
}

}  // namespace

VnLetter ClassifyLetter(char32_t cp) {
  if (cp >= kMaxLetter) return {};
  return LetterFacts().by_cp[cp];
}

char32_t MakeLetter(char32_t lower_base, uint8_t tone, bool upper) {
  if (tone > 5) return 0;
  if (!IsVietnameseVowelBase(lower_base) && lower_base != U'đ' &&
      !(lower_base >= 'a' && lower_base <= 'z')) {
    return 0;
  }
  return ComposeLetter(lower_base, static_cast<Tone>(tone), upper);
}

namespace {

// Shared body of both SyllableKey overloads: `for_each` calls its argument
// with each code point of the word.
template <typename ForEachCodePoint>
bool BuildSyllableKey(ForEachCodePoint&& for_each, std::string* key) {
  key->clear();
  int tone = 0;
  bool ok = true;
  for_each([&](char32_t cp) {
    if (!ok) return;
    const VnLetter l = ClassifyLetter(cp);
    if (!l.is_letter || (l.tone != 0 && tone != 0)) {
      ok = false;
      return;
    }
    if (l.tone != 0) tone = l.tone;
    AppendUtf8(l.lower_base, *key);
  });
  if (!ok || key->empty()) return false;
  key->push_back(static_cast<char>('0' + tone));
  return true;
}

}  // namespace

bool SyllableKey(std::u32string_view word, std::string* key) {
  return BuildSyllableKey(
      [&](auto&& visit) {
        for (char32_t cp : word) visit(cp);
      },
      key);
}

bool SyllableKey(std::string_view word, std::string* key) {
  return BuildSyllableKey(
      [&](auto&& visit) {
        for (size_t i = 0; i < word.size();) visit(NextCodePoint(word, i));
      },
      key);
}

namespace {

// FNV-1a over the toneless lower-case letters, then the tone.
constexpr uint64_t kFnvBasis = 0xcbf29ce484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001b3ULL;
inline uint64_t Mix(uint64_t h, uint32_t v) { return (h ^ v) * kFnvPrime; }

}  // namespace

int32_t Lexicon::Intern(const std::string& key) {
  auto [it, inserted] = ids_.try_emplace(key, static_cast<int32_t>(weight_.size()));
  if (inserted) {
    weight_.push_back(0);
    // The key is letters then one tone digit.
    uint64_t h = kFnvBasis;
    std::string_view letters(key.data(), key.size() - 1);
    for (size_t i = 0; i < letters.size();) h = Mix(h, NextCodePoint(letters, i));
    h = Mix(h, static_cast<uint32_t>(key.back() - '0'));
    InsertHash(h, it->second);  // a 64-bit collision keeps the first
  }
  return it->second;
}

int32_t Lexicon::IdOfWord(std::u32string_view word) const {
  if (word.empty() || slots_.empty()) return -1;
  // The table once per word, not through ClassifyLetter per letter.
  const VnLetter* facts = LetterFacts().by_cp.data();
  uint64_t h = kFnvBasis;
  uint32_t tone = 0;
  for (char32_t cp : word) {
    if (cp >= kMaxLetter) return -1;
    const VnLetter& l = facts[cp];
    if (!l.is_letter) return -1;
    if (l.tone != 0) {
      if (tone != 0) return -1;
      tone = l.tone;
    }
    h = Mix(h, l.lower_base);
  }
  h = Mix(h, tone);
  if (h == 0) h = 1;
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    if (slots_[i].hash == h) return slots_[i].id;
    if (slots_[i].hash == 0) return -1;
  }
}

void Lexicon::InsertHash(uint64_t hash, int32_t id) {
  if (hash == 0) hash = 1;
  if ((ids_.size() + 1) * 2 > slots_.size()) {
    // Grow to keep the load at most one half.
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(1024, old.size() * 2), Slot());
    for (const Slot& s : old) {
      if (s.hash != 0) InsertHash(s.hash, s.id);
    }
  }
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    if (slots_[i].hash == hash) return;
    if (slots_[i].hash == 0) {
      slots_[i] = {hash, id};
      return;
    }
  }
}

void Lexicon::AddPairWeight(uint64_t pair_id, double w) {
  if ((pair_count_ + 1) * 2 > pair_slots_.size()) {
    // Grow to keep the load at most one half.
    std::vector<PairSlot> old = std::move(pair_slots_);
    pair_slots_.assign(std::max<size_t>(1024, old.size() * 2), PairSlot());
    pair_count_ = 0;
    for (const PairSlot& s : old) {
      if (s.pair != kNoPair) AddPairWeight(s.pair, s.weight);
    }
  }
  const size_t mask = pair_slots_.size() - 1;
  for (size_t i = PairHash(pair_id) & mask;; i = (i + 1) & mask) {
    if (pair_slots_[i].pair == pair_id) {
      pair_slots_[i].weight += w;
      return;
    }
    if (pair_slots_[i].pair == kNoPair) {
      pair_slots_[i] = {pair_id, w};
      ++pair_count_;
      return;
    }
  }
}

void Lexicon::AddSyllableList(std::string_view text, bool weighted) {
  std::string key;
  ForEachLine(text, [&](std::string_view line) {
    const size_t tab = line.find_first_of("\t /");
    std::string_view word = line.substr(0, tab);
    if (!weighted) {
      // hunspell: skip acronyms and other all-capital entries ("HTML").
      size_t i = 0;
      int letters = 0;
      int uppers = 0;
      while (i < word.size()) {
        const VnLetter l = ClassifyLetter(NextCodePoint(word, i));
        letters += l.is_letter;
        uppers += l.upper;
      }
      if (letters > 1 && uppers > 1) return;
    }
    if (!SyllableKey(word, &key)) return;
    const int32_t id = Intern(key);
    if (weighted) {
      weight_[id] += tab == std::string_view::npos ? 1.0 : ParseWeight(line.substr(tab + 1), 1.0);
    }
  });
}

void Lexicon::AddWordList(std::string_view text) {
  std::string key;
  ForEachLine(text, [&](std::string_view line) {
    const size_t tab = line.find('\t');
    std::string_view word = line.substr(0, tab);
    const double w = tab == std::string_view::npos ? 1.0 : ParseWeight(line.substr(tab + 1), 1.0);
    int32_t prev = -1;
    size_t pos = 0;
    while (pos <= word.size()) {
      size_t end = word.find(' ', pos);
      if (end == std::string_view::npos) end = word.size();
      std::string_view syl = word.substr(pos, end - pos);
      pos = end + 1;
      if (syl.empty()) continue;
      if (!SyllableKey(syl, &key)) {
        prev = -1;
        continue;
      }
      const int32_t id = Intern(key);
      weight_[id] += w;
      if (prev >= 0) AddPairWeight(PairId(prev, id), w);
      prev = id;
    }
  });
}

std::shared_ptr<const Lexicon> Lexicon::FromText(std::string_view syllables,
                                                 std::string_view words) {
  auto lex = std::make_shared<Lexicon>();
  lex->AddSyllableList(syllables, true);
  lex->AddWordList(words);
  return lex;
}

Result<std::shared_ptr<const Lexicon>> Lexicon::Load(const std::string& data_dir,
                                                     const std::string& hunspell_path) {
  auto lex = std::make_shared<Lexicon>();
  lex->ids_.reserve(16384);
  lex->slots_.assign(32768, Slot());
  lex->weight_.reserve(16384);
  std::string text;
  if (!hunspell_path.empty() && ReadFile(hunspell_path, &text)) {
    // The first line of a .dic file is the entry count.
    const size_t nl = text.find('\n');
    lex->AddSyllableList(std::string_view(text).substr(nl == std::string::npos ? 0 : nl + 1),
                         false);
  }
  const std::string syllable_path = data_dir + "/vi_syllables.tsv";
  if (!ReadFile(syllable_path, &text)) {
    return Status::NotFound("lexicon data not found: " + syllable_path +
                            " (set DONDOC_DATA_DIR to the data directory)");
  }
  lex->AddSyllableList(text, true);
  const std::string words_path = data_dir + "/vi_words.tsv";
  if (!ReadFile(words_path, &text)) {
    return Status::NotFound("lexicon data not found: " + words_path);
  }
  lex->AddWordList(text);
  return std::shared_ptr<const Lexicon>(std::move(lex));
}

std::string Lexicon::DefaultDataDir() {
  const char* env = std::getenv("DONDOC_DATA_DIR");
  return (env != nullptr && *env != '\0') ? env : DONDOC_SOURCE_DATA_DIR;
}

Result<std::shared_ptr<const Lexicon>> Lexicon::LoadDefault() {
  return Load(DefaultDataDir(), DONDOC_HUNSPELL_VI);
}

}  // namespace dondoc::text
