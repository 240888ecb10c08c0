// Agency gazetteer and matcher (see agencies.h).
//
// Text is cut into tokens: words (letters and digits, with an apostrophe
// inside a word kept, as in "Ia H'Drai"), "&" read as the word "và", soft
// punctuation (commas and dashes, optional inside a name) and hard
// punctuation (everything else, which ends a name). Words are compared by
// text::ComparisonKey, so case and tone placement do not matter.
//
// Every name and alias of data/agencies.tsv, with every combination of the
// abbreviation rows applied, is a path of word keys in a trie. Find walks the
// trie from each word, keeps the longest terminal, and lets a title
// ("Giám đốc", "Trưởng ban", ...) in front of it and a province suffix
// ("tỉnh", "tỉnh Kon Tum") after it belong to the mention. The walk from one
// word is bounded by the longest alias, so Find is linear in the text.
#include "extract/agencies.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <set>
#include <sstream>
#include <unordered_map>
#include <utility>

#include "text/utf8.h"
#include "text/vietnamese.h"

namespace dondoc::extract {
namespace {

constexpr std::string_view kPlaceKey = "\x01place";
constexpr std::string_view kProvinceKey = "\x01province";

// ---------------------------------------------------------------------------
// Tokens

enum class TokenKind { kWord, kSoft, kHard };

struct Token {
  size_t begin = 0;
  size_t end = 0;
  // ComparisonKey of a word; "và" for "&"; the character otherwise. A view
  // of the word cache, of the text or of the caller's arena (see Tokenize).
  std::string_view key;
  int id = -1;  // Vocabulary id of `key`; -1 when no table has it
  TokenKind kind = TokenKind::kHard;
  bool capital = false;    // first letter upper case
  bool all_upper = false;  // every letter upper case (and at least two letters)
};

bool IsDigit(char32_t cp) { return cp >= '0' && cp <= '9'; }
bool IsWordChar(char32_t cp) { return IsDigit(cp) || text::IsWordCodePoint(cp); }
bool IsApostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }
bool IsSoft(char32_t cp) {
  return cp == ',' || cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212;
}
bool IsSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x202F ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x3000 || cp == 0xFEFF;
}
bool IsUpper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return text::SplitLetter(cp).upper;
}

// FNV-1a: words are a few bytes long, where it costs a fraction of the
// library's general-purpose hash (this runs on every token).
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    uint64_t h = 14695981039346656037ULL;
    for (const char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ULL;
    }
    return static_cast<size_t>(h);
  }
};

// Ids of the keys the tables are made of, so that the matcher compares and
// hashes integers. A token whose key no table has gets -1: it can neither
// begin nor continue a name. `generation` tells gazetteers apart (see InfoOf).
class Vocabulary {
 public:
  Vocabulary() : generation_(NextGeneration()) {}
  int Intern(std::string_view key) {
    auto it = ids_.find(key);
    if (it != ids_.end()) return it->second;
    const int id = static_cast<int>(ids_.size());
    ids_.emplace(std::string(key), id);
    return id;
  }
  int IdOf(std::string_view key) const {
    auto it = ids_.find(key);
    return it == ids_.end() ? -1 : it->second;
  }
  uint64_t generation() const { return generation_; }

 private:
  static uint64_t NextGeneration() {
    static std::atomic<uint64_t> next{1};
    return next.fetch_add(1);
  }
  std::unordered_map<std::string, int, StringHash, std::equal_to<>> ids_;
  uint64_t generation_;
};

// What Tokenize needs of a word, which depends on its bytes alone.
struct WordInfo {
  std::string key;  // text::ComparisonKey
  int id = -1;      // in the vocabulary of the cache's gazetteer
  bool capital = false;
  bool all_upper = false;
};

WordInfo ComputeInfo(std::string_view word, const Vocabulary* vocab) {
  WordInfo info;
  info.key = text::ComparisonKey(word);
  if (vocab != nullptr) info.id = vocab->IdOf(info.key);
  size_t letters = 0;
  size_t uppers = 0;
  for (size_t i = 0; i < word.size();) {
    const bool first = i == 0;
    const char32_t c = text::NextCodePoint(word, i);
    if (first) info.capital = IsUpper(c);
    if (!IsWordChar(c) || IsDigit(c)) continue;  // apostrophes and digits
    ++letters;
    if (IsUpper(c)) ++uppers;
  }
  info.all_upper = letters >= 2 && uppers == letters;
  return info;
}

// The words met so far on this thread, by their bytes as written. Folding a
// word (NFC check, syllable parse, re-encoding) costs about a thousand
// instructions; a document repeats a few thousand distinct words, and the
// steps search the same paragraphs more than once, so each is folded once.
// Ids belong to one gazetteer: another one starts the cache afresh. Bounded:
// a text of endless distinct words only refills it. The cache is only
// emptied between two Tokenize calls (StartWords), so the keys that tokens
// point to stay put while the tokens live (map nodes do not move).
using WordMap = std::unordered_map<std::string, WordInfo, StringHash, std::equal_to<>>;
struct WordCache {
  uint64_t generation = 0;
  WordMap words;
};
WordCache& ThreadWordCache() {
  thread_local WordCache cache;
  return cache;
}

WordMap& StartWords(const Vocabulary& vocab) {
  constexpr size_t kMaxWords = size_t{1} << 16;
  WordCache& cache = ThreadWordCache();
  if (cache.generation != vocab.generation() || cache.words.size() >= kMaxWords) {
    cache.words.clear();
    cache.generation = vocab.generation();
  }
  return cache.words;
}

const WordInfo& InfoOf(WordMap& words, std::string_view word, const Vocabulary& vocab) {
  auto it = words.find(word);
  if (it != words.end()) return it->second;
  return words.emplace(std::string(word), ComputeInfo(word, &vocab)).first->second;
}

// Tokens of `s`; with a vocabulary, their ids too (without one, as when the
// tables are read, every id is -1). Their keys are views of `s`, of the
// thread's word cache (with a vocabulary) or of `arena` (without one): the
// tokens must not outlive `s`, `arena` or the next Tokenize call.
std::vector<Token> Tokenize(std::string_view s, const Vocabulary* vocab,
                            std::deque<std::string>* arena) {
  WordMap* words = vocab != nullptr ? &StartWords(*vocab) : nullptr;
  std::vector<Token> out;
  out.reserve(s.size() / 5 + 1);  // about one token per five bytes of Vietnamese
  size_t i = 0;
  while (i < s.size()) {
    const size_t at = i;
    const char32_t cp = text::NextCodePoint(s, i);
    if (IsSpace(cp)) continue;
    Token t;
    t.begin = at;
    if (IsWordChar(cp)) {
      size_t j = at;
      size_t end = at;
      while (j < s.size()) {
        size_t k = j;
        const char32_t c = text::NextCodePoint(s, k);
        if (IsWordChar(c)) {
          end = j = k;
          continue;
        }
        // An apostrophe between two word characters stays in the word.
        if (IsApostrophe(c) && end == j && k < s.size()) {
          size_t m = k;
          if (IsWordChar(text::NextCodePoint(s, m))) {
            j = k;
            continue;
          }
        }
        break;
      }
      t.end = end;
      t.kind = TokenKind::kWord;
      const std::string_view word = s.substr(at, end - at);
      if (vocab != nullptr) {
        const WordInfo& info = InfoOf(*words, word, *vocab);
        t.key = info.key;
        t.id = info.id;
        t.capital = info.capital;
        t.all_upper = info.all_upper;
      } else {
        WordInfo info = ComputeInfo(word, nullptr);
        t.key = arena->emplace_back(std::move(info.key));
        t.capital = info.capital;
        t.all_upper = info.all_upper;
      }
      i = end;
    } else if (cp == '&') {
      t.end = i;
      t.kind = TokenKind::kWord;
      t.key = "và";
      if (vocab != nullptr) t.id = vocab->IdOf(t.key);
    } else {
      t.end = i;
      t.kind = IsSoft(cp) ? TokenKind::kSoft : TokenKind::kHard;
      t.key = s.substr(at, i - at);
      if (vocab != nullptr) t.id = vocab->IdOf(t.key);
    }
    out.push_back(t);
  }
  return out;
}

// One word of a name in the data, and whether a comma or dash may stand
// before it ("Sở Văn hóa, Thể thao": before "thể"). Elsewhere a comma ends
// the name, so "của tỉnh, Ủy ban ..." is no "Tỉnh ủy".
struct Key {
  std::string text;
  bool soft_before = false;
  bool operator==(const Key& o) const { return text == o.text; }
};
using Keys = std::vector<Key>;

// Word keys of a data string; "<place>" and "<province>" become placeholders.
Keys KeysOf(std::string_view s) {
  Keys keys;
  std::deque<std::string> arena;
  const std::vector<Token> tokens = Tokenize(s, nullptr, &arena);
  bool soft = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.kind == TokenKind::kSoft) {
      soft = true;
      continue;
    }
    if (t.key == "<" && i + 2 < tokens.size() && tokens[i + 2].key == ">") {
      if (tokens[i + 1].key == "place") keys.push_back({std::string(kPlaceKey), soft});
      if (tokens[i + 1].key == "province") keys.push_back({std::string(kProvinceKey), soft});
      i += 2;
    } else {
      keys.push_back({std::string(t.key), soft});
    }
    soft = false;
  }
  return keys;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    const size_t pos = s.find(sep, start);
    out.push_back(
        s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Collapses runs of white space to one space (place names as written).
std::string CollapseSpaces(std::string_view s) {
  std::string out;
  bool space = false;
  size_t i = 0;
  while (i < s.size()) {
    const size_t at = i;
    const char32_t cp = text::NextCodePoint(s, i);
    if (IsSpace(cp)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.append(s.substr(at, i - at));
  }
  return out;
}

std::optional<AgencyKind> KindFromName(std::string_view name) {
  static const std::pair<std::string_view, AgencyKind> kKinds[] = {
      {"committee", AgencyKind::kPeoplesCommittee},
      {"council", AgencyKind::kPeoplesCouncil},
      {"party", AgencyKind::kPartyCommittee},
      {"office", AgencyKind::kOffice},
      {"department", AgencyKind::kDepartment},
      {"board", AgencyKind::kBoard},
      {"sector", AgencyKind::kSector},
      {"mass", AgencyKind::kMassOrganisation},
      {"central", AgencyKind::kCentral},
      {"collective", AgencyKind::kCollective},
      {"other", AgencyKind::kOther},
  };
  for (const auto& [n, k] : kKinds) {
    if (n == name) return k;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// Trie of word keys

struct Node {
  int value = -1;            // entry or title index of a name ending here
  bool soft_before = false;  // a comma or dash may come before this word
  bool has_children = false;
};

// Edges are one hash table keyed by (node, word id): one integer lookup a step.
class Trie {
 public:
  Trie() : nodes_(1) {}
  // Adds a path; keeps the first value given for a path.
  void Add(const Keys& keys, Vocabulary& vocab, int value) {
    int n = 0;
    for (const Key& k : keys) {
      const uint64_t edge = EdgeKey(n, vocab.Intern(k.text));
      auto it = edges_.find(edge);
      if (it == edges_.end()) {
        nodes_[static_cast<size_t>(n)].has_children = true;
        nodes_.emplace_back();
        const int id = static_cast<int>(nodes_.size()) - 1;
        edges_.emplace(edge, id);
        n = id;
      } else {
        n = it->second;
      }
      if (k.soft_before) nodes_[static_cast<size_t>(n)].soft_before = true;
    }
    if (nodes_[static_cast<size_t>(n)].value < 0) nodes_[static_cast<size_t>(n)].value = value;
  }
  int Child(int node, int word) const {
    if (word < 0) return -1;
    auto it = edges_.find(EdgeKey(node, word));
    return it == edges_.end() ? -1 : it->second;
  }
  int Value(int node) const { return nodes_[static_cast<size_t>(node)].value; }
  bool SoftBefore(int node) const { return nodes_[static_cast<size_t>(node)].soft_before; }
  bool HasChildren(int node) const { return nodes_[static_cast<size_t>(node)].has_children; }

 private:
  static uint64_t EdgeKey(int node, int word) {
    return (static_cast<uint64_t>(static_cast<uint32_t>(node)) << 32) | static_cast<uint32_t>(word);
  }
  std::vector<Node> nodes_;
  std::unordered_map<uint64_t, int> edges_;
};

struct Entry {
  std::string canonical;
  AgencyKind kind = AgencyKind::kOther;
  bool prov = false;
  bool lower = false;
  std::string successor;
  std::string effective;
};

struct Title {
  std::vector<int> needs;  // ids of the keys the agency must begin with; empty: any
};

// A match of the agency trie: tokens [begin, end), an entry, and the token
// range of a <place> inside it.
struct Match {
  size_t begin = 0;
  size_t end = 0;
  size_t name_end = 0;  // end before a province suffix
  int entry = -1;
  size_t place_begin = 0;
  size_t place_end = 0;
};

// Words that begin an agency or a title, and common words of headings; a
// place name read from capitals stops there ("UBND TỈNH NĂM 2024").
bool IsStopWord(std::string_view key) {
  static const std::set<std::string, std::less<>> kStop = {
      "và",     "các",   "của",  "sở",   "ban",   "ủy",     "ubnd",   "hđnd", "hội",   "bộ",
      "cục",    "chủ",   "giám", "thủ",  "chánh", "trưởng", "phó",    "văn",  "kho",   "báo",
      "đài",    "công",  "liên", "tỉnh", "huyện", "xã",     "phường", "thị",  "theo",  "tại",
      "về",     "trung", "chi",  "năm",  "tháng", "quý",    "ngày",   "số",   "kế",    "hoạch",
      "chương", "trình", "thực", "hiện", "báo",   "cáo",    "quyết",  "định", "giai",  "đoạn",
      "đến",    "từ",    "trên", "với",  "cho",   "trong",  "nhằm",   "để",   "đã",    "lần",
      "thứ",    "khóa",  "kỳ",   "họp",  "nghị",  "quyết",  "chỉ",    "thị",  "thông", "tư",
      "giao",   "triển", "khai", "tổ",   "chức",  "phối",   "hợp",    "đồng", "nhân",  "dân"};
  return kStop.count(key) > 0;
}

class TableGazetteer : public Gazetteer {
 public:
  // Reads the table; `province` is known as a province name besides the list.
  Status Load(std::string_view tsv, std::string province);

  std::vector<AgencyMention> Find(std::string_view text) const override {
    return FindImpl(text, /*require_capital=*/true);
  }
  std::optional<AgencyMention> Canonicalize(std::string_view name) const override;
  std::optional<AgencySuccession> SuccessorOf(std::string_view canonical) const override;

 private:
  std::vector<AgencyMention> FindImpl(std::string_view text, bool require_capital) const;
  void FindInChunk(std::string_view text, size_t offset, bool require_capital,
                   std::vector<AgencyMention>& out) const;
  // Longest agency match starting at token `i`.
  std::optional<Match> MatchAgency(const std::vector<Token>& t, size_t i) const;
  void Walk(const Trie& trie, const std::vector<Token>& t, int node, size_t k, size_t last_end,
            Match& cur, std::optional<Match>& best) const;
  // The members of a list under one head word: "các Sở: Tài chính, Xây dựng
  // và Y tế" gives three departments. Empty unless there is a colon after
  // the head or two members at least.
  std::vector<Match> MatchList(const std::vector<Token>& t, size_t i) const;
  // End token of a place name starting at `i`, or i if none.
  size_t PlaceEnd(const std::vector<Token>& t, size_t i) const;
  // End token of a listed province name starting at `i`, or i if none.
  size_t ProvinceEnd(const std::vector<Token>& t, size_t i) const;
  size_t ProvinceSuffixEnd(const std::vector<Token>& t, size_t end) const;
  void AddAlias(std::string_view alias, int entry);

  Vocabulary vocab_;
  // Ids of the keys the matcher tests by name.
  int id_place_ = vocab_.Intern(kPlaceKey);
  int id_province_ = vocab_.Intern(kProvinceKey);
  int id_va_ = vocab_.Intern("và");
  int id_cac_ = vocab_.Intern("các");
  int id_so_ = vocab_.Intern("sở");
  int id_bo_ = vocab_.Intern("bộ");
  int id_tinh_ = vocab_.Intern("tỉnh");
  int id_colon_ = vocab_.Intern(":");
  int id_comma_ = vocab_.Intern(",");
  int id_dash_ = vocab_.Intern("-");
  std::string province_;
  std::vector<Entry> entries_;
  std::vector<Title> titles_;
  Trie agencies_;
  Trie titles_trie_;
  Trie provinces_;           // keyed by SearchKey
  Trie department_members_;  // department names without "Sở"
  Trie ministry_members_;    // ministry names without "Bộ"
  std::vector<std::pair<Keys, std::vector<Keys>>> abbrevs_;
  std::unordered_map<std::string, int> by_canonical_;  // ComparisonKey -> entry
};

// Adds to `variants` every variant with one occurrence of `from` replaced by
// `to` (at most 64 variants in all).
void ReplaceAll(std::vector<Keys>& variants, const Keys& from, const Keys& to) {
  if (from.empty()) return;
  const size_t n = variants.size();
  for (size_t v = 0; v < n && variants.size() < 64; ++v) {
    const size_t size = variants[v].size();
    for (size_t i = 0; i + from.size() <= size; ++i) {
      // Compare in place; copy only on a hit (most names hold no abbreviation).
      const auto at = variants[v].begin() + static_cast<ptrdiff_t>(i);
      if (*at != from[0] || !std::equal(from.begin(), from.end(), at)) continue;
      const bool soft = at->soft_before;
      Keys out(variants[v].begin(), at);
      out.insert(out.end(), to.begin(), to.end());
      out[i].soft_before = out[i].soft_before || soft;
      out.insert(out.end(), at + static_cast<ptrdiff_t>(from.size()), variants[v].end());
      if (std::find(variants.begin(), variants.end(), out) == variants.end()) {
        variants.push_back(std::move(out));
      }
    }
  }
}

void TableGazetteer::AddAlias(std::string_view alias, int entry) {
  std::vector<Keys> variants = {KeysOf(alias)};
  if (variants[0].empty()) return;
  // Each pass applies every abbreviation once more, so two abbreviations in
  // one name ("UBND", "KH&ĐT") combine.
  for (int pass = 0; pass < 3; ++pass) {
    const size_t before = variants.size();
    for (const auto& [from, tos] : abbrevs_) {
      for (const auto& to : tos) ReplaceAll(variants, from, to);
    }
    if (variants.size() == before) break;
  }
  const AgencyKind kind = entries_[static_cast<size_t>(entry)].kind;
  for (const auto& v : variants) {
    agencies_.Add(v, vocab_, entry);
    if (v.size() < 2) continue;
    Keys member(v.begin() + 1, v.end());
    member[0].soft_before = false;
    if (kind == AgencyKind::kDepartment && v[0].text == "sở")
      department_members_.Add(member, vocab_, entry);
    if (kind == AgencyKind::kCentral && v[0].text == "bộ") {
      ministry_members_.Add(member, vocab_, entry);
    }
  }
}

Status TableGazetteer::Load(std::string_view tsv, std::string province) {
  struct Row {
    std::vector<std::string_view> cols;
    size_t line;
  };
  std::vector<Row> agency_rows;
  size_t line_no = 0;
  for (std::string_view line : Split(tsv, '\n')) {
    ++line_no;
    line = Trim(line);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string_view> cols = Split(line, '\t');
    cols.resize(std::max<size_t>(cols.size(), 6));
    const std::string_view kind = cols[0];
    const std::string_view name = Trim(cols[1]);
    if (name.empty()) {
      return Status::InvalidInput("agencies.tsv line " + std::to_string(line_no) + ": empty name");
    }
    std::vector<std::string_view> aliases;
    for (std::string_view a : Split(cols[2], '|')) {
      a = Trim(a);
      if (!a.empty()) aliases.push_back(a);
    }
    if (kind == "abbrev") {
      std::vector<Keys> shorts;
      shorts.reserve(aliases.size());
      for (std::string_view a : aliases) shorts.push_back(KeysOf(a));
      abbrevs_.emplace_back(KeysOf(name), std::move(shorts));
    } else if (kind == "title") {
      Title title;
      for (std::string_view flag : Split(cols[5], ' ')) {
        if (flag.substr(0, 6) == "needs=") {
          for (std::string_view n : Split(flag.substr(6), ',')) {
            title.needs.push_back(vocab_.Intern(text::ComparisonKey(n)));
          }
        }
      }
      const int id = static_cast<int>(titles_.size());
      titles_.push_back(std::move(title));
      titles_trie_.Add(KeysOf(name), vocab_, id);
      for (std::string_view a : aliases) titles_trie_.Add(KeysOf(a), vocab_, id);
    } else if (kind == "province") {
      provinces_.Add(KeysOf(text::SearchKey(name)), vocab_, 0);
      for (std::string_view a : aliases) provinces_.Add(KeysOf(text::SearchKey(a)), vocab_, 0);
    } else if (KindFromName(kind)) {
      agency_rows.push_back({std::move(cols), line_no});
    } else {
      return Status::InvalidInput("agencies.tsv line " + std::to_string(line_no) +
                                  ": unknown kind '" + std::string(kind) + "'");
    }
  }
  province_ = std::move(province);
  if (!province_.empty()) provinces_.Add(KeysOf(text::SearchKey(province_)), vocab_, 0);
  // Agencies after all abbreviations are known, whatever the row order.
  for (const Row& row : agency_rows) {
    Entry e;
    e.kind = *KindFromName(row.cols[0]);
    e.canonical = std::string(Trim(row.cols[1]));
    e.successor = std::string(Trim(row.cols[3]));
    e.effective = std::string(Trim(row.cols[4]));
    for (std::string_view flag : Split(row.cols[5], ' ')) {
      if (flag == "prov") e.prov = true;
      if (flag == "lower") e.lower = true;
    }
    const int id = static_cast<int>(entries_.size());
    by_canonical_.emplace(text::ComparisonKey(e.canonical), id);
    entries_.push_back(e);
    AddAlias(e.canonical, id);
    for (std::string_view a : Split(row.cols[2], '|')) {
      a = Trim(a);
      if (!a.empty()) AddAlias(a, id);
    }
  }
  return Status::Ok();
}

size_t TableGazetteer::PlaceEnd(const std::vector<Token>& t, size_t i) const {
  const size_t listed = ProvinceEnd(t, i);
  if (listed > i) return listed;
  size_t k = i;
  size_t end = i;
  while (k < t.size() && k - i < 8) {
    if (t[k].kind == TokenKind::kSoft && t[k].id == id_dash_ && end > i) {
      ++k;  // "Bà Rịa - Vũng Tàu"
      continue;
    }
    if (t[k].kind != TokenKind::kWord) break;
    const bool digits = !t[k].key.empty() && t[k].key[0] >= '0' && t[k].key[0] <= '9';
    // All-capital words count only in an all-capital heading.
    const bool caps_ok = !t[k].all_upper || (i > 0 && t[i - 1].all_upper);
    if (!((t[k].capital && caps_ok) || (digits && k == i))) break;
    if (IsStopWord(t[k].key)) break;
    if (end - i >= 4) break;
    end = ++k;
  }
  return end;
}

size_t TableGazetteer::ProvinceEnd(const std::vector<Token>& t, size_t i) const {
  int node = 0;
  size_t best = i;
  for (size_t k = i; k < t.size() && k - i < 8; ++k) {
    if (t[k].kind == TokenKind::kSoft && k > i) continue;
    if (t[k].kind != TokenKind::kWord) break;
    node = provinces_.Child(node, vocab_.IdOf(text::SearchKey(t[k].key)));
    if (node < 0) break;
    if (provinces_.Value(node) >= 0) best = k + 1;
  }
  return best;
}

// A trailing "tỉnh", "tỉnh <Province>" or "<Province>" of a provincial agency.
size_t TableGazetteer::ProvinceSuffixEnd(const std::vector<Token>& t, size_t end) const {
  if (end >= t.size()) return end;
  const bool ends_with_tinh = t[end - 1].id == id_tinh_;
  if (!ends_with_tinh && t[end].kind == TokenKind::kWord && t[end].id == id_tinh_) {
    return std::max(end + 1, PlaceEnd(t, end + 1));
  }
  if (ends_with_tinh) return PlaceEnd(t, end);
  return ProvinceEnd(t, end);
}

void TableGazetteer::Walk(const Trie& trie, const std::vector<Token>& t, int node, size_t k,
                          size_t last_end, Match& cur, std::optional<Match>& best) const {
  const int value = trie.Value(node);
  if (value >= 0 && (!best || last_end > best->end)) {
    best = cur;
    best->end = last_end;
    best->entry = value;
  }
  if (!trie.HasChildren(node)) return;
  // Commas and dashes are optional where a name in the data has one.
  bool soft = false;
  while (k < t.size() && t[k].kind == TokenKind::kSoft) {
    ++k;
    soft = true;
  }
  if (k >= t.size()) return;
  if (t[k].kind == TokenKind::kHard) {
    // Only a name that spells the mark ("TP.") goes on.
    const int next = trie.Child(node, t[k].id);
    if (next >= 0 && !soft) Walk(trie, t, next, k + 1, last_end, cur, best);
    return;
  }
  const int next = trie.Child(node, t[k].id);
  if (next >= 0 && (!soft || trie.SoftBefore(next))) Walk(trie, t, next, k + 1, k + 1, cur, best);
  if (soft) return;
  const int place = trie.Child(node, id_place_);
  if (place >= 0) {
    const size_t end = PlaceEnd(t, k);
    if (end > k) {
      cur.place_begin = k;
      cur.place_end = end;
      Walk(trie, t, place, end, end, cur, best);
      cur.place_begin = cur.place_end = 0;
    }
  }
  const int province = trie.Child(node, id_province_);
  if (province >= 0) {
    const size_t end = ProvinceEnd(t, k);
    if (end > k) Walk(trie, t, province, end, end, cur, best);
  }
}

std::optional<Match> TableGazetteer::MatchAgency(const std::vector<Token>& t, size_t i) const {
  if (i >= t.size() || t[i].kind != TokenKind::kWord) return std::nullopt;
  const int first = agencies_.Child(0, t[i].id);
  if (first < 0) return std::nullopt;
  Match cur;
  cur.begin = i;
  std::optional<Match> best;
  Walk(agencies_, t, first, i + 1, i + 1, cur, best);
  if (!best) return std::nullopt;
  const Entry& e = entries_[static_cast<size_t>(best->entry)];
  best->name_end = best->end;
  if (e.prov) best->end = ProvinceSuffixEnd(t, best->end);
  return best;
}

std::vector<Match> TableGazetteer::MatchList(const std::vector<Token>& t, size_t i) const {
  size_t k = i;
  if (k < t.size() && t[k].id == id_cac_) ++k;
  if (k >= t.size() || t[k].kind != TokenKind::kWord) return {};
  const Trie* members = t[k].id == id_so_   ? &department_members_
                        : t[k].id == id_bo_ ? &ministry_members_
                                            : nullptr;
  if (members == nullptr) return {};
  ++k;
  const bool colon = k < t.size() && t[k].id == id_colon_;
  if (colon) ++k;
  std::vector<Match> out;
  while (k < t.size() && t[k].kind == TokenKind::kWord && t[k].capital) {
    const int first = members->Child(0, t[k].id);
    if (first < 0) break;
    Match cur;
    cur.begin = k;
    std::optional<Match> best;
    Walk(*members, t, first, k + 1, k + 1, cur, best);
    if (!best) break;
    best->name_end = best->end;
    out.push_back(*best);
    k = best->end;
    // Members are separated by a comma, "và", or both.
    size_t next = k;
    if (next < t.size() && t[next].id == id_comma_) ++next;
    if (next < t.size() && t[next].id == id_va_) ++next;
    if (next == k) break;
    k = next;
  }
  if (out.empty() || (!colon && out.size() < 2)) return {};
  out.front().begin = i;
  return out;
}

// End of the chunk of `text` that starts at `begin`. Long text is cut into
// chunks of about 64 KiB, at a line break or ";" (no name spans one), else
// at a space, so that the tokens of one chunk at a time are in memory.
size_t ChunkEnd(std::string_view text, size_t begin) {
  constexpr size_t kChunk = size_t{1} << 16;
  if (text.size() - begin <= 2 * kChunk) return text.size();
  const size_t limit = begin + 2 * kChunk;
  for (size_t p = begin + kChunk; p < limit; ++p) {
    if (text[p] == '\n' || text[p] == ';') return p + 1;
  }
  for (size_t p = begin + kChunk; p < limit; ++p) {
    if (text[p] == ' ') return p + 1;
  }
  size_t p = limit;  // no space at all: any code point boundary
  while (p < text.size() && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) ++p;
  return p;
}

std::vector<AgencyMention> TableGazetteer::FindImpl(std::string_view text,
                                                    bool require_capital) const {
  std::vector<AgencyMention> out;
  for (size_t begin = 0; begin < text.size();) {
    const size_t end = ChunkEnd(text, begin);
    FindInChunk(text.substr(begin, end - begin), begin, require_capital, out);
    begin = end;
  }
  return out;
}

void TableGazetteer::FindInChunk(std::string_view text, size_t offset, bool require_capital,
                                 std::vector<AgencyMention>& out) const {
  const std::vector<Token> t = Tokenize(text, &vocab_, nullptr);
  auto emit = [&](const Match& found, bool via_title) {
    const Entry& e = entries_[static_cast<size_t>(found.entry)];
    AgencyMention m;
    m.canonical = e.canonical;
    if (found.place_end > found.place_begin) {
      const std::string place = CollapseSpaces(text.substr(
          t[found.place_begin].begin, t[found.place_end - 1].end - t[found.place_begin].begin));
      const size_t pos = m.canonical.find("<place>");
      if (pos != std::string::npos) m.canonical.replace(pos, 7, place);
    }
    m.kind = e.kind;
    m.via_title = via_title;
    m.as_written.assign(
        text.substr(t[found.begin].begin, t[found.end - 1].end - t[found.begin].begin));
    m.begin = offset + t[found.begin].begin;
    m.end = offset + t[found.end - 1].end;
    out.push_back(std::move(m));
  };
  // The longer of a list and a single name starting at token `j`.
  auto match_at = [&](size_t j, std::vector<Match>& list) {
    list = MatchList(t, j);
    std::optional<Match> single = MatchAgency(t, j);
    if (!list.empty() && (!single || list.back().end > single->end)) return true;
    list.clear();
    if (single) list.push_back(*single);
    return !list.empty();
  };
  std::vector<Match> found;
  size_t i = 0;
  while (i < t.size()) {
    if (t[i].kind != TokenKind::kWord) {
      ++i;
      continue;
    }
    // Titles that end here, longest first.
    std::vector<std::pair<size_t, int>> title_ends;
    int node = titles_trie_.Child(0, t[i].id);
    for (size_t k = i + 1; node >= 0; ++k) {
      if (titles_trie_.Value(node) >= 0) title_ends.emplace_back(k, titles_trie_.Value(node));
      if (k >= t.size() || t[k].kind != TokenKind::kWord) break;
      node = titles_trie_.Child(node, t[k].id);
    }
    bool via_title = false;
    found.clear();
    for (auto it = title_ends.rbegin(); it != title_ends.rend() && !via_title; ++it) {
      if (!match_at(it->first, found)) continue;
      const Title& title = titles_[static_cast<size_t>(it->second)];
      if (!title.needs.empty() && std::find(title.needs.begin(), title.needs.end(),
                                            t[found[0].begin].id) == title.needs.end()) {
        found.clear();
        continue;
      }
      found[0].begin = i;
      via_title = true;
    }
    if (found.empty()) match_at(i, found);
    if (found.size() == 1 && require_capital &&
        !entries_[static_cast<size_t>(found[0].entry)].lower) {
      // "chính phủ điện tử" is no agency: a name (or its title) has a capital.
      bool capital = false;
      size_t p = t[found[0].begin].begin;
      const size_t stop = t[found[0].name_end - 1].end;
      while (p < stop && !capital) capital = IsUpper(text::NextCodePoint(text, p));
      if (!capital) found.clear();
    }
    if (found.empty()) {
      ++i;
      continue;
    }
    for (const Match& m : found) emit(m, via_title);
    i = found.back().end;
  }
}

std::optional<AgencyMention> TableGazetteer::Canonicalize(std::string_view name) const {
  std::vector<AgencyMention> found = FindImpl(name, /*require_capital=*/false);
  if (found.size() != 1) return std::nullopt;
  // The whole name must be the mention, up to spaces and punctuation.
  auto only_punct = [](std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
      if (IsWordChar(text::NextCodePoint(s, i))) return false;
    }
    return true;
  };
  if (!only_punct(name.substr(0, found[0].begin)) || !only_punct(name.substr(found[0].end))) {
    return std::nullopt;
  }
  return std::move(found[0]);
}

std::optional<AgencySuccession> TableGazetteer::SuccessorOf(std::string_view canonical) const {
  auto it = by_canonical_.find(text::ComparisonKey(canonical));
  if (it == by_canonical_.end()) {
    std::optional<AgencyMention> m = Canonicalize(canonical);
    if (!m) return std::nullopt;
    it = by_canonical_.find(text::ComparisonKey(m->canonical));
    if (it == by_canonical_.end()) return std::nullopt;
  }
  const Entry& e = entries_[static_cast<size_t>(it->second)];
  if (e.successor.empty()) return std::nullopt;
  return AgencySuccession{e.successor, e.effective};
}

std::string DataDir() {
  const char* env = std::getenv("DONDOC_DATA_DIR");
  return (env != nullptr && *env != '\0') ? env : DONDOC_SOURCE_DATA_DIR;
}

}  // namespace

std::string_view AgencyKindName(AgencyKind kind) {
  switch (kind) {
    case AgencyKind::kPeoplesCommittee:
      return "committee";
    case AgencyKind::kPeoplesCouncil:
      return "council";
    case AgencyKind::kPartyCommittee:
      return "party";
    case AgencyKind::kOffice:
      return "office";
    case AgencyKind::kDepartment:
      return "department";
    case AgencyKind::kBoard:
      return "board";
    case AgencyKind::kSector:
      return "sector";
    case AgencyKind::kMassOrganisation:
      return "mass";
    case AgencyKind::kCentral:
      return "central";
    case AgencyKind::kCollective:
      return "collective";
    case AgencyKind::kOther:
      break;
  }
  return "other";
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::LoadDefault(std::string province) {
  const std::string path = DataDir() + "/agencies.tsv";
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::NotFound("agency gazetteer not found: " + path +
                            " (set DONDOC_DATA_DIR to the data directory)");
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return FromText(ss.str(), std::move(province));
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::FromText(std::string_view tsv,
                                                             std::string province) {
  auto g = std::make_shared<TableGazetteer>();
  Status s = g->Load(tsv, std::move(province));
  if (!s.ok()) return s;
  return std::shared_ptr<const Gazetteer>(std::move(g));
}

}  // namespace dondoc::extract
