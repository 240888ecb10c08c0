// Font-damage repair, in passes over one document (see repair.h):
//   gate      one scan for suspicious code points touching letters;
//   Tokenize  letter runs (suspicious code points count as letters);
//   Classify  damaged / invalid / odd-case words, and suspects near them;
//   BuildCandidates  readings per word from the confusion table or, for
//             unknown glyphs, every letter; only lexicon syllables survive;
//   CountDocStats + Decode  document unigram and pair counts, Viterbi over
//             linked segments; then again with the first pass's choices and
//             the document's vote on unknown glyphs;
//   output    repaired words and quotes, origins kept per code point.
#include "text/repair.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>

#include "text/repair_confusions.h"
#include "text/utf8.h"
#include "text/vietnamese.h"

namespace dondoc::text {
namespace {

using repair_internal::GlyphReadings;
using repair_internal::IsSuspiciousCodePoint;
using repair_internal::ReadingsOf;

// Scoring constants. Document counts weigh more than shipped weights: the
// clean body of a document is the best model of its damaged headings.
constexpr double kDocUnigramWeight = 20;
constexpr double kDocPairWeight = 40;
constexpr double kPairLambda = 1.2;
// Priors (log scale) of the kinds of reading.
constexpr double kLaterReadingPenalty = 0.25;    // any table reading but the first
constexpr double kGenericPenalty = 1.5;          // a letter guessed for an unknown glyph
constexpr double kChangeValidWordPenalty = 3.0;  // rewriting a valid word in a damaged line
// Enumeration bound per word.
constexpr size_t kMaxCombinations = 40000;
constexpr double kGlyphVoteWeight = 3.0;
constexpr double kSecondPassBelow =
    0.9;  // confidence that calls for a second pass  // per unknown glyph, times log of its share
// A valid word is a suspect when a damaged word is this close on its line.
constexpr size_t kSuspectWindow = 5;
constexpr double kKeepOddCasePenalty = 1.0;         // "cÁnh": the capital is itself a sign
constexpr double kReplacementGenericPenalty = 8.0;  // U+FFFD is ă unless nothing fits

// The letters tried for a glyph that no table knows: every vowel with every
// tone, and đ.
const std::u32string& GenericLetters() {
  static const std::u32string letters = [] {
    std::u32string s;
    for (char32_t base : std::u32string_view(U"aăâeêioôơuưy")) {
      for (uint8_t t = 0; t < 6; ++t) s.push_back(MakeLetter(base, t, false));
    }
    s.push_back(U'đ');
    return s;
  }();
  return letters;
}

// Per-code-point facts used on every character of a damaged document,
// gathered into one table so that a character costs one lookup.
enum CpFlag : uint8_t {
  kLetterFlag = 1,        // ASCII or Vietnamese letter
  kUpperFlag = 2,         // a capital letter
  kSuspiciousFlag = 4,    // IsSuspiciousCodePoint
  kGlyphFlag = 8,         // a known damaged glyph (ReadingsOf non-empty)
  kRealGlyphFlag = 16,    // a known glyph that is also a Vietnamese letter
  kWordFlag = 32,         // letter or suspicious: part of a word
  kCapitalFormFlag = 64,  // a known glyph in its capital form (GlyphReadings::capital_form)
};
constexpr char32_t kFlagTableSize = 0x1F00;

struct CpFlagTable {
  std::array<uint8_t, kFlagTableSize> flags{};
  CpFlagTable() {
    for (char32_t cp = 0; cp < kFlagTableSize; ++cp) flags[cp] = Compute(cp);
  }
  static uint8_t Compute(char32_t cp) {
    const VnLetter l = ClassifyLetter(cp);
    const GlyphReadings g = ReadingsOf(cp);
    uint8_t f = 0;
    if (l.is_letter) f |= kLetterFlag | kWordFlag;
    if (l.upper) f |= kUpperFlag;
    if (IsSuspiciousCodePoint(cp)) f |= kSuspiciousFlag | kWordFlag;
    if (!g.letters.empty()) f |= kGlyphFlag;
    if (g.is_real_letter) f |= kRealGlyphFlag;
    if (g.capital_form) f |= kCapitalFormFlag;
    return f;
  }
  uint8_t Of(char32_t cp) const {
    if (cp < kFlagTableSize) return flags[cp];
    return cp == 0xFFFD ? (kSuspiciousFlag | kGlyphFlag | kWordFlag) : 0;
  }
};

const CpFlagTable& CpFlags() {
  static const CpFlagTable table;
  return table;
}

// NextCodePoint with the two- and three-byte sequences (all Vietnamese
// letters) decoded inline: Tokenize reads every code point of the text.
inline char32_t DecodeAt(std::string_view s, size_t& i) {
  const unsigned char b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    ++i;
    return b;
  }
  const size_t n = s.size();
  if ((b & 0xE0) == 0xC0 && i + 1 < n) {
    const unsigned char b1 = static_cast<unsigned char>(s[i + 1]);
    if ((b1 & 0xC0) == 0x80) {
      i += 2;
      return (static_cast<char32_t>(b & 0x1F) << 6) | (b1 & 0x3F);
    }
  } else if ((b & 0xF0) == 0xE0 && i + 2 < n) {
    const unsigned char b1 = static_cast<unsigned char>(s[i + 1]);
    const unsigned char b2 = static_cast<unsigned char>(s[i + 2]);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      i += 3;
      return (static_cast<char32_t>(b & 0x0F) << 12) | (static_cast<char32_t>(b1 & 0x3F) << 6) |
             (b2 & 0x3F);
    }
  }
  size_t j = i;                             // a copy: i itself can stay in a register
  const char32_t cp = NextCodePoint(s, j);  // four-byte and malformed sequences
  i = j;
  return cp;
}

// Fast gate: true when some suspicious code point touches a letter.
bool HasSuspiciousWord(std::string_view s) {
  const CpFlagTable& flags = CpFlags();
  const size_t n = s.size();
  for (size_t i = 0; i < n;) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    char32_t cp;
    const size_t start = i;
    if (b >= 0xC2 && b < 0xE0 && i + 1 < n) {
      // Two-byte letters (â ê ô ơ ư đ ă á ...): one table lookup.
      cp = (static_cast<char32_t>(b & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
      i += 2;
    } else if (b == 0xE1 || b == 0xE2) {
      // Vietnamese letters of U+1EA0..U+1EF9 (E1 BA xx / E1 BB xx) and
      // punctuation of U+2000.. (E2 ..) are never suspicious.
      i += 3;
      continue;
    } else {
      cp = NextCodePoint(s, i);
    }
    if (!(flags.Of(cp) & kSuspiciousFlag)) continue;
    // Check the neighbours.
    size_t j = i;
    if (j < n && (flags.Of(NextCodePoint(s, j)) & kWordFlag)) return true;
    if (start > 0) {
      size_t k = start - 1;
      while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
      if (flags.Of(NextCodePoint(s, k)) & kWordFlag) return true;
    }
  }
  return false;
}

enum class Kind : uint8_t {
  kPlain,    // no reason to touch (ASCII, valid syllable, foreign word)
  kDamaged,  // holds a suspicious code point
  kInvalid,  // Vietnamese letters only, not a syllable, holds a glyph letter
  kCaseOdd,  // a glyph letter whose case disagrees with the word
  kSuspect,  // valid word with a glyph letter on a damaged line
};

enum class CaseShape : uint8_t { kLower, kTitle, kUpper };

constexpr int32_t kNotLooked = -2;
constexpr uint8_t kNonAsciiTrait = 128;  // beside the CpFlag bits

struct Token {
  uint32_t begin = 0;  // bytes in the input
  uint32_t end = 0;
  uint32_t cp_begin = 0;  // into Analyzer::cps_
  uint32_t cp_end = 0;
  uint32_t line = 0;
  bool break_before = true;    // punctuation or digits since the previous token
  bool upper_context = false;  // the neighbouring words are written in capitals
  bool after_lower = false;    // follows a lower-case word in the same phrase
  // Gathered by Tokenize so that Classify need not read the word again:
  uint8_t traits = 0;  // CpFlags of its code points or-ed, plus kNonAsciiTrait
  int8_t caps = -1;    // 1 capitals (two or more letters, glyphs ignored), 0 not, -1 unknown
  Kind kind = Kind::kPlain;
  int32_t id = kNotLooked;  // lexicon id of the word as written, once looked up
  uint32_t cand_begin = 0;  // into Analyzer::cands_
  uint32_t cand_end = 0;
};

constexpr uint32_t kUnchanged = std::numeric_limits<uint32_t>::max();

struct Candidate {
  int32_t id = -1;                // lexicon syllable id, -1 for a non-syllable
  double local = 0;               // prior plus unigram score, refreshed by Decode
  uint32_t reading = kUnchanged;  // offset in Analyzer::readings_, one code point per input one
  double prior = 0;
  bool generic = false;
  double vote = 0;  // agreement with the document's reading of unknown glyphs
};

// Document pair counts: open addressing (power-of-two size, linear probing,
// load at most one half). A slot belongs to the current count only when it
// carries the current stamp, so clearing costs nothing.
class PairCounts {
 public:
  void Clear() {
    size_ = 0;
    if (++stamp_ == 0) {
      for (Slot& s : slots_) s.stamp = 0;
      stamp_ = 1;
    }
  }
  void Add(uint64_t pair) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    Slot& s = Probe(pair);
    if (s.stamp != stamp_) {
      s = {pair, 0, stamp_};
      ++size_;
    }
    s.count += 1;
  }
  float Get(uint64_t pair) const {
    if (slots_.empty()) return 0;
    const size_t mask = slots_.size() - 1;
    for (size_t i = Lexicon::PairHash(pair) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.stamp != stamp_) return 0;
      if (s.pair == pair) return s.count;
    }
  }

 private:
  struct Slot {
    uint64_t pair = 0;
    float count = 0;
    uint32_t stamp = 0;
  };
  Slot& Probe(uint64_t pair) {
    const size_t mask = slots_.size() - 1;
    for (size_t i = Lexicon::PairHash(pair) & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.stamp != stamp_ || s.pair == pair) return s;
    }
  }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(1024, old.size() * 2), Slot());
    for (const Slot& o : old) {
      if (o.stamp == stamp_) Probe(o.pair) = o;
    }
  }
  std::vector<Slot> slots_;
  size_t size_ = 0;
  uint32_t stamp_ = 1;
};

// Candidates already built for a damaged word: the same damaged word in the
// same setting (kind, case context) always gets the same candidates, and
// damaged words repeat a lot ("cāa", "Āy", "vÿ").
struct CandidateCacheEntry {
  uint64_t hash = 0;  // 0: empty slot
  uint32_t cp_begin = 0;
  uint32_t cp_len = 0;
  uint32_t setting = 0;  // kind and case context
  uint32_t cand_begin = 0;
  uint32_t cand_end = 0;
};

// Per-thread working memory of the repair, kept between calls so that a
// stream of documents does not fault in fresh pages for every one.
struct Scratch {
  std::u32string cps;
  std::u32string readings;
  std::vector<Token> tokens;
  std::vector<Candidate> cands;
  std::vector<uint32_t> choice;
  std::vector<double> confidence;
  std::vector<float> doc_uni;
  PairCounts doc_pair;
  std::vector<uint32_t> ambiguous;
  std::vector<CandidateCacheEntry> cand_cache;
  std::vector<double> link;
  std::vector<double> link_before;
  std::vector<double> uni_score;
  std::vector<uint8_t> uni_changed;
  std::vector<uint8_t> left_changed;
  std::vector<uint8_t> right_changed;
  std::vector<double> alpha;
  std::vector<double> beta;
  std::vector<uint32_t> back;
  std::vector<uint32_t> link_at;
  std::vector<uint8_t> wanted;

  void Clear() {
    cps.clear();
    readings.clear();
    tokens.clear();
    cands.clear();
    ambiguous.clear();
    doc_pair.Clear();
  }
  // Gives memory back after an unusually large document.
  void Trim() {
    constexpr size_t kKeep = size_t{1} << 22;  // code points
    if (cps.capacity() > kKeep) *this = Scratch();
  }
};

class Analyzer {
 public:
  Analyzer(const MappedText& in, const Lexicon& lex, Scratch& scratch)
      : in_(in),
        s_(in.text()),
        lex_(lex),
        cps_(scratch.cps),
        readings_(scratch.readings),
        tokens_(scratch.tokens),
        cands_(scratch.cands),
        choice_(scratch.choice),
        confidence_(scratch.confidence),
        doc_uni_(scratch.doc_uni),
        doc_pair_(scratch.doc_pair),
        ambiguous_(scratch.ambiguous),
        cand_cache_(scratch.cand_cache),
        link_(scratch.link),
        link_before_(scratch.link_before),
        uni_score_(scratch.uni_score),
        uni_changed_(scratch.uni_changed),
        left_changed_(scratch.left_changed),
        right_changed_(scratch.right_changed),
        alpha_(scratch.alpha),
        beta_(scratch.beta),
        back_(scratch.back),
        link_at_(scratch.link_at),
        wanted_(scratch.wanted) {
    scratch.Clear();
  }

  RepairResult Run();

 private:
  void Tokenize();
  void Classify();
  void BuildAllCandidates();
  void BuildCandidates(Token& t);
  void CountDocStats();
  void AddChoicesToDocStats();
  void Decode(bool second);
  void VoteOnUnknownGlyphs();
  double Local(const Candidate& c) const;
  double Pair(const Candidate& a, const Candidate& b) const;
  CaseShape ShapeOf(const Token& t) const;
  std::string ReadingText(const Token& t, const Candidate& c) const {
    if (c.reading == kUnchanged) return s_.substr(t.begin, t.end - t.begin);
    return ToUtf8(std::u32string_view(readings_).substr(c.reading, t.cp_end - t.cp_begin));
  }

  const MappedText& in_;
  const std::string& s_;
  const Lexicon& lex_;
  const CpFlagTable& flags_ = CpFlags();
  // Working memory lives in a per-thread Scratch, reused between calls.
  std::u32string& cps_;
  std::u32string& readings_;  // code points of all candidate readings
  std::vector<Token>& tokens_;
  std::vector<Candidate>& cands_;
  std::vector<uint32_t>& choice_;    // per token: chosen candidate index
  std::vector<double>& confidence_;  // per token
  std::vector<float>& doc_uni_;      // by syllable id
  PairCounts& doc_pair_;
  std::vector<uint32_t>& ambiguous_;  // tokens with more than one candidate, in order
  std::vector<CandidateCacheEntry>& cand_cache_;
  std::vector<double>& link_;  // pair scores of the current Decode
  // The second Decode recomputes only the scores whose counts changed:
  std::vector<double>& link_before_;     // link_ of the first Decode
  std::vector<double>& uni_score_;       // per candidate: its log unigram term
  std::vector<uint8_t>& uni_changed_;    // by syllable id: unigram count changed
  std::vector<uint8_t>& left_changed_;   // by id: left side of a changed pair count
  std::vector<uint8_t>& right_changed_;  // by id: right side of a changed pair count
  std::vector<double>& alpha_;
  std::vector<double>& beta_;
  std::vector<uint32_t>& back_;
  std::vector<uint32_t>& link_at_;
  std::vector<uint8_t>& wanted_;
  size_t damaged_ = 0;
  bool unknown_glyphs_ = false;  // a suspicious code point no table knows
  bool debug_ = std::getenv("DONDOC_REPAIR_DEBUG") != nullptr;
};

void Analyzer::Tokenize() {
  // Locals, not members: the loop then keeps them in registers.
  const std::string_view s = s_;
  const CpFlagTable& flags = flags_;
  // At most one code point per byte; trimmed at the end.
  cps_.resize(s.size());
  char32_t* const out = cps_.data();
  uint32_t ncp = 0;
  uint32_t line = 0;
  bool brk = true;
  bool unknown = false;
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    char32_t cp = DecodeAt(s, i);
    uint8_t f = flags.Of(cp);
    if (f & kWordFlag) {
      Token t;
      t.begin = static_cast<uint32_t>(start);
      t.cp_begin = ncp;
      t.line = line;
      t.break_before = brk;
      // CpFlags or-ed, non-glyph letters and capitals.
      uint32_t traits = 0;
      uint32_t letters = 0;
      uint32_t uppers = 0;
      bool word = true;
      while (word) {
        traits |= f | (cp >= 0x80 ? kNonAsciiTrait : 0);
        const bool counted = !(f & kGlyphFlag);
        letters += counted && (f & kLetterFlag);
        uppers += counted && (f & kUpperFlag);
        unknown |= (f & (kSuspiciousFlag | kGlyphFlag)) == kSuspiciousFlag;
        out[ncp++] = cp;
        start = i;
        if (i == s.size()) break;
        cp = DecodeAt(s, i);
        f = flags.Of(cp);
        word = (f & kWordFlag) != 0;
      }
      t.end = static_cast<uint32_t>(start);
      t.cp_end = ncp;
      t.traits = static_cast<uint8_t>(traits);
      if (letters >= 2) t.caps = uppers == letters ? 1 : 0;
      tokens_.push_back(t);
      brk = false;
      if (word) break;  // the text ends with this word
    }
    if (cp == '\n') ++line;
    if (!(cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0)) brk = true;
  }
  cps_.resize(ncp);
  if (unknown) unknown_glyphs_ = true;
}

CaseShape Analyzer::ShapeOf(const Token& t) const {
  int upper = 0;
  int lower = 0;
  bool first_upper = false;
  for (uint32_t p = t.cp_begin; p < t.cp_end; ++p) {
    const char32_t cp = cps_[p];
    const uint8_t f = flags_.Of(cp);
    bool is_upper;
    bool vote = true;
    if (f & kGlyphFlag) {
      if (cp == 0xFFFD) continue;  // no case forms
      if (f & kRealGlyphFlag) {
        is_upper = (f & kUpperFlag) != 0;
        vote = false;  // its case is unreliable: the glyph may stand for the other case
      } else {
        is_upper = (f & kCapitalFormFlag) != 0;
      }
    } else if (f & kLetterFlag) {
      is_upper = (f & kUpperFlag) != 0;
    } else {
      continue;
    }
    if (p == t.cp_begin) {
      first_upper = is_upper;
      // "Ánh" after a lower-case word: Á is the glyph of lower-case ả here.
      if ((f & kRealGlyphFlag) && !(f & kCapitalFormFlag) && t.after_lower) first_upper = false;
    } else if (vote) {
      (is_upper ? upper : lower)++;
    }
  }
  if (upper > lower) return CaseShape::kUpper;
  // Nothing to go by inside the word ("VÀ", "Hà"): follow the neighbours.
  if (lower == 0 && upper == 0 && first_upper && t.upper_context) return CaseShape::kUpper;
  return first_upper ? CaseShape::kTitle : CaseShape::kLower;
}

void Analyzer::Classify() {
  for (size_t i = 0; i < tokens_.size(); ++i) {
    const int prev = i > 0 ? tokens_[i - 1].caps : -1;
    const int next = i + 1 < tokens_.size() ? tokens_[i + 1].caps : -1;
    // Only neighbours in the same phrase count ("UBND Hà" is no heading).
    const int p = i > 0 && !tokens_[i].break_before ? tokens_[i - 1].caps : -1;
    const int n = i + 1 < tokens_.size() && !tokens_[i + 1].break_before ? tokens_[i + 1].caps : -1;
    tokens_[i].upper_context = (p == 1 || n == 1) && prev != 0 && next != 0;
    if (i > 0 && !tokens_[i].break_before) {
      const uint8_t f = flags_.Of(cps_[tokens_[i - 1].cp_begin]);
      tokens_[i].after_lower = (f & (kLetterFlag | kUpperFlag | kGlyphFlag)) == kLetterFlag;
    }
  }
  for (Token& t : tokens_) {
    if (!(t.traits & kNonAsciiTrait)) continue;
    // Word code points are letters or suspicious, never both; glyph letters
    // (á à ă ...) are letters.
    const bool suspicious = (t.traits & kSuspiciousFlag) != 0;
    const bool any_letter = (t.traits & kLetterFlag) != 0;
    const bool glyph_letter = (t.traits & kRealGlyphFlag) != 0;
    if (suspicious) {
      if (any_letter) t.kind = Kind::kDamaged;
    } else if (glyph_letter) {
      const std::u32string_view word(cps_.data() + t.cp_begin, t.cp_end - t.cp_begin);
      t.id = lex_.IdOfWord(word);
      if (t.id < 0) {
        t.kind = Kind::kInvalid;
      } else {
        // A glyph letter whose case disagrees with the rest of the word.
        const CaseShape shape = ShapeOf(t);
        for (uint32_t p = t.cp_begin + 1; p < t.cp_end; ++p) {
          const uint8_t f = flags_.Of(cps_[p]);
          if (!(f & kRealGlyphFlag)) continue;
          if (((f & kUpperFlag) != 0) != (shape == CaseShape::kUpper)) t.kind = Kind::kCaseOdd;
        }
      }
    }
    if (t.kind != Kind::kPlain) ++damaged_;
  }
  // Valid words holding a glyph letter become suspects near damaged words
  // of the same line (a heading or a bold run).
  std::vector<size_t> damaged_index;
  for (size_t i = 0; i < tokens_.size(); ++i) {
    if (tokens_[i].kind != Kind::kPlain) damaged_index.push_back(i);
  }
  size_t next_damaged = 0;
  for (size_t i = 0; i < tokens_.size(); ++i) {
    Token& t = tokens_[i];
    while (next_damaged < damaged_index.size() &&
           damaged_index[next_damaged] + kSuspectWindow < i) {
      ++next_damaged;
    }
    if (t.kind != Kind::kPlain || next_damaged == damaged_index.size()) continue;
    const Token& d = tokens_[damaged_index[next_damaged]];
    if (damaged_index[next_damaged] > i + kSuspectWindow || d.line != t.line) continue;
    for (uint32_t p = t.cp_begin; p < t.cp_end; ++p) {
      if (flags_.Of(cps_[p]) & kRealGlyphFlag) {
        t.kind = Kind::kSuspect;
        break;
      }
    }
  }
}

void Analyzer::BuildAllCandidates() {
  size_t touched = 0;
  for (const Token& t : tokens_) touched += t.kind != Kind::kPlain;
  size_t slots = 64;
  while (slots < 2 * touched) slots *= 2;
  cand_cache_.assign(slots, CandidateCacheEntry());
  const size_t mask = slots - 1;
  for (size_t i = 0; i < tokens_.size(); ++i) {
    Token& t = tokens_[i];
    if (t.kind != Kind::kPlain) {
      // BuildCandidates reads the word, its kind and (through ShapeOf) its
      // case context, nothing else.
      const uint32_t setting = static_cast<uint32_t>(t.kind) | (t.after_lower ? 0x100u : 0u) |
                               (t.upper_context ? 0x200u : 0u);
      const uint32_t len = t.cp_end - t.cp_begin;
      const std::u32string_view word(cps_.data() + t.cp_begin, len);
      uint64_t h = 0xcbf29ce484222325ULL;
      for (char32_t cp : word) h = (h ^ cp) * 0x100000001b3ULL;
      h = (h ^ setting) * 0x100000001b3ULL;
      if (h == 0) h = 1;
      size_t k = (h ^ (h >> 32)) & mask;
      for (;; k = (k + 1) & mask) {
        const CandidateCacheEntry& e = cand_cache_[k];
        if (e.hash == 0) break;
        if (e.hash == h && e.setting == setting && e.cp_len == len &&
            word == std::u32string_view(cps_.data() + e.cp_begin, len)) {
          break;
        }
      }
      CandidateCacheEntry& e = cand_cache_[k];
      if (e.hash != 0) {
        // Same candidates; their readings are shared, being the same text.
        t.cand_begin = static_cast<uint32_t>(cands_.size());
        for (uint32_t c = e.cand_begin; c < e.cand_end; ++c) {
          const Candidate copy = cands_[c];
          cands_.push_back(copy);
        }
        t.cand_end = static_cast<uint32_t>(cands_.size());
      } else {
        BuildCandidates(t);
        e = {h, t.cp_begin, len, setting, t.cand_begin, t.cand_end};
      }
    } else {
      BuildCandidates(t);
    }
    if (t.cand_end - t.cand_begin > 1) ambiguous_.push_back(static_cast<uint32_t>(i));
  }
}

void Analyzer::BuildCandidates(Token& t) {
  t.cand_begin = static_cast<uint32_t>(cands_.size());
  const std::u32string_view word(cps_.data() + t.cp_begin, t.cp_end - t.cp_begin);
  if (t.kind == Kind::kPlain) {
    Candidate c;
    c.id = t.id != kNotLooked ? t.id : lex_.IdOfWord(word);
    cands_.push_back(c);
    t.cand_end = static_cast<uint32_t>(cands_.size());
    return;
  }
  // Options per position: (lower-case letter, prior, generic, recase).
  struct Option {
    char32_t letter;
    double prior;
    bool generic;
  };
  std::vector<std::vector<Option>> options(word.size());
  size_t combos = 1;
  for (size_t p = 0; p < word.size(); ++p) {
    const char32_t cp = word[p];
    const GlyphReadings g = ReadingsOf(cp);
    auto& opts = options[p];
    if (!g.letters.empty()) {
      if (g.is_real_letter) {
        opts.push_back(
            {ToLowerLetter(cp), t.kind == Kind::kCaseOdd ? -kKeepOddCasePenalty : 0, false});
      }
      const double base = (t.kind == Kind::kSuspect) ? -kChangeValidWordPenalty : 0;
      for (size_t k = 0; k < g.letters.size(); ++k) {
        opts.push_back({g.letters[k], base - (k == 0 ? 0 : kLaterReadingPenalty), false});
      }
      if (cp == 0xFFFD) {
        for (char32_t l : GenericLetters()) {
          if (l != g.letters[0]) opts.push_back({l, -kReplacementGenericPenalty, true});
        }
      }
    } else if (IsSuspiciousCodePoint(cp)) {
      for (char32_t l : GenericLetters()) opts.push_back({l, -kGenericPenalty, true});
    } else {
      opts.push_back({ToLowerLetter(cp), 0, false});
    }
    combos *= opts.size();
    if (combos > kMaxCombinations) break;
  }
  if (combos <= kMaxCombinations) {
    const CaseShape shape = ShapeOf(t);
    std::vector<size_t> idx(word.size(), 0);
    std::u32string lower(word.size(), 0);
    std::string utf8;
    while (true) {
      double prior = 0;
      bool generic = false;
      for (size_t p = 0; p < word.size(); ++p) {
        const Option& o = options[p][idx[p]];
        lower[p] = o.letter;
        prior += o.prior;
        generic |= o.generic;
      }
      const int32_t id = lex_.IdOfWord(lower);
      if (id >= 0) {
        utf8 = ToUtf8(lower);
        if (IsValidSyllable(utf8)) {
          // One candidate per key: keep the best prior.
          bool seen = false;
          for (uint32_t c = t.cand_begin; c < cands_.size(); ++c) {
            if (cands_[c].id == id) {
              seen = true;
              if (prior > cands_[c].prior) {
                cands_[c].prior = prior;
                cands_[c].generic = generic;
              }
            }
          }
          if (!seen) {
            Candidate c;
            c.id = id;
            c.prior = prior;
            c.generic = generic;
            c.reading = static_cast<uint32_t>(readings_.size());
            for (size_t p = 0; p < word.size(); ++p) {
              const bool up = shape == CaseShape::kUpper || (shape == CaseShape::kTitle && p == 0);
              const char32_t orig = word[p];
              // Letters that are neither glyphs nor replaced keep their own case.
              const bool own = !IsSuspiciousCodePoint(orig) && !ReadingsOf(orig).is_real_letter;
              readings_.push_back(own ? orig : (up ? ToUpperLetter(lower[p]) : lower[p]));
            }
            cands_.push_back(c);
          }
        }
      }
      size_t p = 0;
      while (p < word.size() && ++idx[p] == options[p].size()) idx[p++] = 0;
      if (p == word.size()) break;
    }
  }
  if (cands_.size() == t.cand_begin) {
    // Nothing readable: leave the word as it is.
    Candidate c;
    cands_.push_back(c);
  }
  t.cand_end = static_cast<uint32_t>(cands_.size());
}

void Analyzer::CountDocStats() {
  doc_uni_.assign(lex_.syllable_count(), 0);
  doc_pair_.Clear();
  // Only pairs that touch a reading of an ambiguous word are ever asked for.
  wanted_.assign(lex_.syllable_count(), 0);
  for (const uint32_t i : ambiguous_) {
    const Token& t = tokens_[i];
    for (uint32_t c = t.cand_begin; c < t.cand_end; ++c) {
      if (cands_[c].id >= 0) wanted_[cands_[c].id] = 1;
    }
  }
  const Candidate* prev = nullptr;
  for (size_t i = 0; i < tokens_.size(); ++i) {
    const Token& t = tokens_[i];
    const bool single = t.cand_end - t.cand_begin == 1;
    const Candidate* c = single ? &cands_[t.cand_begin] : nullptr;
    if (c == nullptr || c->id < 0) {
      prev = nullptr;
      continue;
    }
    doc_uni_[c->id] += 1;
    if (prev != nullptr && !t.break_before && (wanted_[prev->id] || wanted_[c->id])) {
      doc_pair_.Add(Lexicon::PairId(prev->id, c->id));
    }
    prev = c;
  }
}

// The counts CountDocStats would make with the chosen readings of the
// ambiguous words counted too: their unigrams and the pairs touching them
// are all that is missing (counts are small integers, exact in float).
void Analyzer::AddChoicesToDocStats() {
  const size_t n = tokens_.size();
  uni_changed_.assign(lex_.syllable_count(), 0);
  left_changed_.assign(lex_.syllable_count(), 0);
  right_changed_.assign(lex_.syllable_count(), 0);
  auto add_pair = [&](int32_t left, int32_t right) {
    doc_pair_.Add(Lexicon::PairId(left, right));
    left_changed_[left] = 1;
    right_changed_[right] = 1;
  };
  auto counted = [&](size_t i) -> int32_t {
    const Token& t = tokens_[i];
    const uint32_t k = t.cand_end - t.cand_begin == 1 ? 0 : choice_[i];
    return cands_[t.cand_begin + k].id;
  };
  for (const uint32_t i : ambiguous_) {
    const int32_t id = counted(i);
    if (id < 0) continue;
    doc_uni_[id] += 1;
    uni_changed_[id] = 1;
    if (i > 0 && !tokens_[i].break_before) {
      const int32_t left = counted(i - 1);
      if (left >= 0 && (wanted_[left] || wanted_[id])) add_pair(left, id);
    }
    // An ambiguous right neighbour adds this pair itself.
    if (i + 1 < n && !tokens_[i + 1].break_before &&
        tokens_[i + 1].cand_end - tokens_[i + 1].cand_begin == 1) {
      const int32_t right = counted(i + 1);
      if (right >= 0 && (wanted_[id] || wanted_[right])) add_pair(id, right);
    }
  }
}

double Analyzer::Local(const Candidate& c) const {
  if (c.id < 0) return c.prior + c.vote;
  return c.prior + c.vote +
         std::log1p(kDocUnigramWeight * doc_uni_[c.id] + lex_.SyllableWeight(c.id));
}

double Analyzer::Pair(const Candidate& a, const Candidate& b) const {
  if (a.id < 0 || b.id < 0) return 0;
  const double doc = doc_pair_.Get(Lexicon::PairId(a.id, b.id));
  return kPairLambda * std::log1p(kDocPairWeight * doc + lex_.PairWeight(a.id, b.id));
}

// Max-sum Viterbi over the token sequence (most tokens have one candidate),
// then a backward pass so each token's confidence compares its best reading
// with the best alternative in full context.
void Analyzer::Decode(bool second) {
  const size_t n = tokens_.size();
  // A word with one reading adds the same score to every path: skip it
  // (its local score stays 0). Same sums as Local(), the log term reused
  // when its count is unchanged.
  uni_score_.resize(cands_.size());
  for (const uint32_t i : ambiguous_) {
    const Token& t = tokens_[i];
    for (uint32_t c = t.cand_begin; c < t.cand_end; ++c) {
      Candidate& k = cands_[c];
      if (k.id < 0) {
        k.local = k.prior + k.vote;
        continue;
      }
      if (!second || uni_changed_[k.id]) {
        uni_score_[c] = std::log1p(kDocUnigramWeight * doc_uni_[k.id] + lex_.SyllableWeight(k.id));
      }
      k.local = k.prior + k.vote + uni_score_[c];
    }
  }
  // Pair scores of linked neighbours where either side is ambiguous,
  // computed once: link_[link_at[i] + p * |C_i| + c] for token i.
  constexpr uint32_t kNoLink = std::numeric_limits<uint32_t>::max();
  std::vector<uint32_t>& link_at = link_at_;
  link_at.assign(n, kNoLink);
  // Both passes lay out link_ alike (same ambiguous words, same candidates).
  if (second) link_before_.swap(link_);
  link_.clear();
  // The boundaries before and after each ambiguous token, in order.
  size_t next_boundary = 1;
  auto add_link = [&](size_t i) {
    if (i < next_boundary || i >= n) return;
    next_boundary = i + 1;
    const Token& t = tokens_[i];
    const Token& pt = tokens_[i - 1];
    if (t.break_before) return;
    link_at[i] = static_cast<uint32_t>(link_.size());
    for (uint32_t p = pt.cand_begin; p < pt.cand_end; ++p) {
      const Candidate& a = cands_[p];
      for (uint32_t c = t.cand_begin; c < t.cand_end; ++c) {
        const Candidate& b = cands_[c];
        // A pair count changed only if both sides did (Pair is 0 without ids).
        const bool same =
            second && !(a.id >= 0 && b.id >= 0 && left_changed_[a.id] && right_changed_[b.id]);
        link_.push_back(same ? link_before_[link_.size()] : Pair(a, b));
      }
    }
  };
  for (const uint32_t i : ambiguous_) {
    add_link(i);
    add_link(i + 1);
  }
  auto link = [&](size_t i, uint32_t p, uint32_t c) {
    if (link_at[i] == kNoLink) return 0.0;
    const Token& t = tokens_[i];
    const Token& pt = tokens_[i - 1];
    return link_[link_at[i] + (p - pt.cand_begin) * (t.cand_end - t.cand_begin) +
                 (c - t.cand_begin)];
  };
  std::vector<double>& alpha = alpha_;
  std::vector<double>& beta = beta_;
  std::vector<uint32_t>& back = back_;
  // Only entries of decoded segments are written and read: no clearing.
  alpha.resize(cands_.size());
  beta.resize(cands_.size());
  back.resize(cands_.size());
  choice_.assign(n, 0);
  confidence_.assign(n, 1.0);
  // Unlinked boundaries split the document into independent segments; only
  // segments holding an ambiguous word need decoding.
  for (size_t k = 0; k < ambiguous_.size();) {
    size_t a = ambiguous_[k];
    while (a > 0 && link_at[a] != kNoLink) --a;
    size_t b = ambiguous_[k];
    while (b + 1 < n && link_at[b + 1] != kNoLink) ++b;
    while (k < ambiguous_.size() && ambiguous_[k] <= b) ++k;
    for (size_t i = a; i <= b; ++i) {
      const Token& t = tokens_[i];
      for (uint32_t c = t.cand_begin; c < t.cand_end; ++c) {
        double best = 0;
        uint32_t arg = 0;
        if (i > a) {
          const Token& pt = tokens_[i - 1];
          best = -std::numeric_limits<double>::infinity();
          for (uint32_t p = pt.cand_begin; p < pt.cand_end; ++p) {
            const double v = alpha[p] + link(i, p, c);
            if (v > best) {
              best = v;
              arg = p - pt.cand_begin;
            }
          }
        }
        alpha[c] = best + cands_[c].local;
        back[c] = arg;
      }
    }
    for (size_t i = b + 1; i-- > a;) {
      const Token& t = tokens_[i];
      for (uint32_t c = t.cand_begin; c < t.cand_end; ++c) {
        if (i == b) {
          beta[c] = 0;
          continue;
        }
        const Token& nt = tokens_[i + 1];
        double best = -std::numeric_limits<double>::infinity();
        for (uint32_t q = nt.cand_begin; q < nt.cand_end; ++q) {
          best = std::max(best, beta[q] + cands_[q].local + link(i + 1, c, q));
        }
        beta[c] = best;
      }
    }
    // Trace back the best path of the segment.
    const Token& last = tokens_[b];
    uint32_t arg = 0;
    for (uint32_t c = last.cand_begin; c < last.cand_end; ++c) {
      if (alpha[c] > alpha[last.cand_begin + arg]) arg = c - last.cand_begin;
    }
    for (size_t i = b + 1; i-- > a;) {
      choice_[i] = arg;
      arg = back[tokens_[i].cand_begin + arg];
    }
  }
  for (const uint32_t i : ambiguous_) {
    const Token& t = tokens_[i];
    const uint32_t chosen = t.cand_begin + choice_[i];
    const double best = alpha[chosen] + beta[chosen];
    double second = -std::numeric_limits<double>::infinity();
    for (uint32_t c = t.cand_begin; c < t.cand_end; ++c) {
      if (c != chosen) second = std::max(second, alpha[c] + beta[c]);
    }
    // Margin in log score to the best alternative reading in full context.
    confidence_[i] = 1.0 - 0.5 * std::exp(-0.5 * std::max(0.0, best - second));
    if (debug_) {
      std::fprintf(stderr, "%s:", s_.substr(t.begin, t.end - t.begin).c_str());
      for (uint32_t c = t.cand_begin; c < t.cand_end; ++c) {
        std::fprintf(stderr, " %s[p%.1f l%.1f t%.1f]", ReadingText(t, cands_[c]).c_str(),
                     cands_[c].prior, Local(cands_[c]), alpha[c] + beta[c] - best);
      }
      std::fprintf(stderr, "\n");
    }
  }
}

// A broken font maps each letter to a glyph the same way throughout the
// document. For glyphs no table knows, count which letter the first pass
// read them as, and favour the readings that agree with the majority.
void Analyzer::VoteOnUnknownGlyphs() {
  struct Vote {
    char32_t glyph;
    char32_t letter;
    double weight;
  };
  std::vector<Vote> votes;
  auto find = [&](char32_t g, char32_t l) -> double* {
    for (Vote& v : votes) {
      if (v.glyph == g && v.letter == l) return &v.weight;
    }
    return nullptr;
  };
  auto unknown = [](char32_t cp) {
    return IsSuspiciousCodePoint(cp) && ReadingsOf(cp).letters.empty();
  };
  for (size_t i = 0; i < tokens_.size(); ++i) {
    const Token& t = tokens_[i];
    const Candidate& c = cands_[t.cand_begin + choice_[i]];
    if (c.reading == kUnchanged) continue;
    for (uint32_t p = t.cp_begin; p < t.cp_end; ++p) {
      if (!unknown(cps_[p])) continue;
      const char32_t l = ToLowerLetter(readings_[c.reading + (p - t.cp_begin)]);
      if (double* w = find(cps_[p], l)) {
        *w += confidence_[i];
      } else {
        votes.push_back({cps_[p], l, confidence_[i]});
      }
    }
  }
  if (votes.empty()) return;
  constexpr double kSmoothing = 0.5;
  const double letters = static_cast<double>(GenericLetters().size());
  for (const Token& t : tokens_) {
    if (t.cand_end - t.cand_begin < 2) continue;
    for (uint32_t ci = t.cand_begin; ci < t.cand_end; ++ci) {
      Candidate& c = cands_[ci];
      c.vote = 0;
      if (c.reading == kUnchanged) continue;
      for (uint32_t p = t.cp_begin; p < t.cp_end; ++p) {
        if (!unknown(cps_[p])) continue;
        double total = 0;
        for (const Vote& v : votes) total += v.glyph == cps_[p] ? v.weight : 0;
        const double* w = find(cps_[p], ToLowerLetter(readings_[c.reading + (p - t.cp_begin)]));
        c.vote += kGlyphVoteWeight *
                  std::log(((w ? *w : 0) + kSmoothing) / (total + kSmoothing * letters) * letters);
      }
    }
  }
}

// '<' opening and '=' closing glued to words stand for curly quotes in
// damaged documents. Returns the byte positions to replace, paired.
std::vector<std::pair<size_t, char32_t>> FindQuotes(std::string_view s) {
  std::vector<std::pair<size_t, char32_t>> out;
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  auto word_byte = [](unsigned char c) {
    return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  };
  auto opening = [&](size_t i) {
    if (s[i] != '<' || i + 1 >= s.size()) return false;
    if (i > 0 && !is_space(s[i - 1]) && s[i - 1] != '(' && s[i - 1] != '[' && s[i - 1] != '"') {
      return false;
    }
    return word_byte(static_cast<unsigned char>(s[i + 1]));
  };
  // A closing quote follows a word or a full stop and is paired with an
  // opening one; what follows may be glued (a footnote number, "…").
  auto closing = [&](size_t i) {
    if (s[i] != '=' || i == 0) return false;
    const unsigned char p = static_cast<unsigned char>(s[i - 1]);
    return word_byte(p) || p == '.' || p == ')' || p == '!' || p == '?' || p == '%';
  };
  constexpr size_t kMaxQuote = 800;
  size_t open = std::string_view::npos;
  for (size_t i = 0; i < s.size(); ++i) {
    // Skip eight bytes at a time while none is '<' (0x3C) or '=' (0x3D).
    while (i + 8 <= s.size()) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, sizeof w);
      const uint64_t x = (w & 0xFEFEFEFEFEFEFEFEULL) ^ 0x3C3C3C3C3C3C3C3CULL;
      if (((x - 0x0101010101010101ULL) & ~x & 0x8080808080808080ULL) != 0) break;
      i += 8;
    }
    if (i >= s.size()) break;
    if (s[i] != '<' && s[i] != '=') continue;
    if (opening(i)) {
      open = i;
    } else if (closing(i) && open != std::string_view::npos && i - open <= kMaxQuote) {
      out.push_back({open, U'“'});
      out.push_back({i, U'”'});
      open = std::string_view::npos;
    }
  }
  return out;
}

RepairResult Analyzer::Run() {
  Tokenize();
  Classify();
  if (damaged_ == 0) return {in_, {}};
  BuildAllCandidates();
  CountDocStats();
  Decode(false);
  // A second pass counts the first pass's choices as document statistics
  // and lets the document vote on glyphs no table knows. It pays off only
  // for such glyphs or when some choice was close.
  const bool close_call = std::any_of(confidence_.begin(), confidence_.end(),
                                      [](double c) { return c < kSecondPassBelow; });
  if (unknown_glyphs_ || close_call) {
    AddChoicesToDocStats();
    VoteOnUnknownGlyphs();
    Decode(true);
  }

  // Replacements in input order: words, then quotes merged by position.
  struct Edit {
    size_t begin;
    size_t end;
    const char32_t* cps;  // per-code-point replacement (words), one per input code point
    char32_t quote;
    double confidence;
  };
  std::vector<Edit> edits;
  for (size_t i = 0; i < tokens_.size(); ++i) {
    const Token& t = tokens_[i];
    const Candidate& c = cands_[t.cand_begin + choice_[i]];
    const size_t len = t.cp_end - t.cp_begin;
    if (c.reading == kUnchanged || std::u32string_view(readings_).substr(c.reading, len) ==
                                       std::u32string_view(cps_).substr(t.cp_begin, len)) {
      continue;
    }
    double conf = confidence_[i];
    conf = std::min(conf, c.generic ? 0.8 : 0.99);
    edits.push_back({t.begin, t.end, readings_.data() + c.reading, 0, conf});
  }
  // Quotes only where words were repaired: a stray symbol ("30°C") is no
  // evidence of a broken font.
  if (!edits.empty()) {
    for (const auto& [pos, q] : FindQuotes(s_)) edits.push_back({pos, pos + 1, nullptr, q, 0.9});
    std::sort(edits.begin(), edits.end(),
              [](const Edit& a, const Edit& b) { return a.begin < b.begin; });
  }

  RepairResult result;
  result.text.Reserve(s_.size() + edits.size() * 2);
  size_t pos = 0;
  for (const Edit& e : edits) {
    result.text.AppendSlice(in_, pos, e.begin);
    Repair r;
    r.offset = result.text.size();
    r.origin = in_.OriginAt(e.begin);
    r.original = s_.substr(e.begin, e.end - e.begin);
    r.confidence = e.confidence;
    if (e.cps != nullptr) {
      size_t i = e.begin;
      for (const char32_t* cp = e.cps; i < e.end; ++cp) {
        const uint32_t origin = in_.OriginAt(i);
        NextCodePoint(s_, i);
        result.text.AppendCodePoint(*cp, origin);
      }
    } else {
      result.text.AppendCodePoint(e.quote, in_.OriginAt(e.begin));
    }
    r.replacement = result.text.text().substr(r.offset);
    result.repairs.push_back(std::move(r));
    pos = e.end;
  }
  result.text.AppendSlice(in_, pos, s_.size());
  return result;
}

}  // namespace

namespace {

bool NeedsAnalysis(const MappedText& in) {
  // Offsets are 32-bit like MappedText origins.
  return in.size() < std::numeric_limits<uint32_t>::max() && HasSuspiciousWord(in.text());
}

RepairResult Analyze(const MappedText& in, const Lexicon& lexicon) {
  thread_local Scratch scratch;
  RepairResult result = Analyzer(in, lexicon, scratch).Run();
  scratch.Trim();
  return result;
}

}  // namespace

RepairResult RepairFontDamage(const MappedText& in, const Lexicon& lexicon) {
  if (!NeedsAnalysis(in)) return {in, {}};
  return Analyze(in, lexicon);
}

RepairResult RepairFontDamage(MappedText&& in, const Lexicon& lexicon) {
  if (!NeedsAnalysis(in)) return {std::move(in), {}};
  return Analyze(in, lexicon);
}

}  // namespace dondoc::text
