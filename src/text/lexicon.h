// Lexicon: Vietnamese syllables and word statistics for font-damage repair.
//
// The lexicon answers three questions about syllables, all by SyllableKey
// (lower case, tone stripped from the vowel and appended as a digit, so that
// "hòa" and "hoà", "Thủy" and "thuỷ" share one key):
//   - is this a known syllable? (Debian's hunspell-vi list plus shipped data)
//   - how common is it?          (data/vi_syllables.tsv, data/vi_words.tsv)
//   - how common is this pair?   (adjacent syllables of data/vi_words.tsv)
// Weights are rough counts written by hand; only their relative size matters.
// A loaded Lexicon is immutable and safe to share between threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"

namespace dondoc::text {

// Per-letter facts needed by repair, precomputed from vietnamese.h into one
// table because repair asks for them for every code point it reads.
struct VnLetter {
  char32_t lower_base = 0;  // lower-case letter without tone (a, ă, â, ..., đ, b, ...)
  uint8_t tone = 0;         // 0 none, 1 grave, 2 acute, 3 hook, 4 tilde, 5 dot
  bool upper = false;
  bool is_letter = false;  // ASCII letter or Vietnamese letter (incl. đ)
  bool is_vowel = false;   // a ă â e ê i o ô ơ u ư y with any tone
};
VnLetter ClassifyLetter(char32_t cp);
// Builds a letter from a lower-case toneless vowel (or any other letter when
// tone is 0) plus tone and case. Returns 0 when no such letter exists.
char32_t MakeLetter(char32_t lower_base, uint8_t tone, bool upper);
inline char32_t ToLowerLetter(char32_t cp) {
  const VnLetter l = ClassifyLetter(cp);
  return l.is_letter ? MakeLetter(l.lower_base, l.tone, false) : cp;
}
inline char32_t ToUpperLetter(char32_t cp) {
  const VnLetter l = ClassifyLetter(cp);
  return l.is_letter ? MakeLetter(l.lower_base, l.tone, true) : cp;
}

// Writes the syllable key of `word` (UTF-8) into *key and returns true, or
// returns false when the word holds a non-letter or more than one tone.
bool SyllableKey(std::string_view word, std::string* key);
bool SyllableKey(std::u32string_view word, std::string* key);

class Lexicon {
 public:
  // Loads the shipped data (DONDOC_SOURCE_DATA_DIR, or $DONDOC_DATA_DIR)
  // and Debian's hunspell-vi syllable list when present.
  static Result<std::shared_ptr<const Lexicon>> LoadDefault();
  // $DONDOC_DATA_DIR when set, else the data/ directory of the source tree.
  static std::string DefaultDataDir();
  // Loads from explicit places; an empty or missing hunspell path is fine.
  static Result<std::shared_ptr<const Lexicon>> Load(const std::string& data_dir,
                                                     const std::string& hunspell_path);
  // Builds from in-memory text in the formats of the data files (tests).
  // `syllables`: "syllable<TAB>weight" lines; `words`: "word<TAB>weight".
  static std::shared_ptr<const Lexicon> FromText(std::string_view syllables,
                                                 std::string_view words);
  virtual ~Lexicon() = default;

  // Syllables are interned: id in [0, syllable_count()), or -1 if unknown.
  int32_t IdOf(std::string_view key) const {
    auto it = ids_.find(key);
    return it == ids_.end() ? -1 : it->second;
  }
  bool IsSyllable(std::string_view key) const { return ids_.count(key) != 0; }
  // Id of a word given as letters (any case, tone anywhere), without
  // building its key: the hot path of repair. -1 when unknown.
  int32_t IdOfWord(std::u32string_view word) const;
  // Weight of a syllable (0 when unknown or unweighted).
  double SyllableWeight(int32_t id) const { return id < 0 ? 0 : weight_[id]; }
  double SyllableWeight(std::string_view key) const { return SyllableWeight(IdOf(key)); }
  // Weight of the adjacent pair (left, right).
  double PairWeight(int32_t left, int32_t right) const {
    if (left < 0 || right < 0 || pair_slots_.empty()) return 0;
    const uint64_t id = PairId(left, right);
    const size_t mask = pair_slots_.size() - 1;
    for (size_t i = PairHash(id) & mask;; i = (i + 1) & mask) {
      if (pair_slots_[i].pair == id) return pair_slots_[i].weight;
      if (pair_slots_[i].pair == kNoPair) return 0;
    }
  }
  size_t syllable_count() const { return weight_.size(); }
  size_t pair_count() const { return pair_count_; }

  static uint64_t PairId(int32_t left, int32_t right) {
    return (static_cast<uint64_t>(static_cast<uint32_t>(left)) << 32) |
           static_cast<uint32_t>(right);
  }
  // Slot of a pair id in open-addressing tables (Fibonacci hashing: the
  // high bits of the product mix both ids).
  static size_t PairHash(uint64_t pair_id) {
    return static_cast<size_t>((pair_id * 0x9E3779B97F4A7C15ULL) >> 24);
  }
  // No PairId of two valid ids has all bits set: marks an empty slot.
  static constexpr uint64_t kNoPair = ~uint64_t{0};

 private:
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  int32_t Intern(const std::string& key);
  void AddSyllableList(std::string_view text, bool weighted);
  void AddWordList(std::string_view text);

  std::unordered_map<std::string, int32_t, StringHash, std::equal_to<>> ids_;
  std::vector<double> weight_;
  // Pair weights, open addressing (power-of-two size, linear probing, load
  // at most one half): asked for every reading pair of a damaged text.
  struct PairSlot {
    uint64_t pair = kNoPair;
    double weight = 0;
  };
  std::vector<PairSlot> pair_slots_;
  size_t pair_count_ = 0;
  void AddPairWeight(uint64_t pair_id, double w);
  // KeyHash -> id, open addressing (power-of-two size, linear probing,
  // hash 0 marks an empty slot): the lookup of every word of a damaged text.
  struct Slot {
    uint64_t hash = 0;
    int32_t id = -1;
  };
  std::vector<Slot> slots_;
  void InsertHash(uint64_t hash, int32_t id);
};

}  // namespace dondoc::text
