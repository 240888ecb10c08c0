#include "text/vietnamese.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace dondoc::text {
namespace {

// The 12 vowel bases in table order, and each one's lower-case forms for the
// tones in Tone order: none, huyền, sắc, hỏi, ngã, nặng.
constexpr int kVowelCount = 12;
constexpr int kToneCount = 6;
constexpr std::array<std::array<char32_t, kToneCount>, kVowelCount> kVowelForms = {{
    {U'a', U'à', U'á', U'ả', U'ã', U'ạ'},
    {U'ă', U'ằ', U'ắ', U'ẳ', U'ẵ', U'ặ'},
    {U'â', U'ầ', U'ấ', U'ẩ', U'ẫ', U'ậ'},
    {U'e', U'è', U'é', U'ẻ', U'ẽ', U'ẹ'},
    {U'ê', U'ề', U'ế', U'ể', U'ễ', U'ệ'},
    {U'i', U'ì', U'í', U'ỉ', U'ĩ', U'ị'},
    {U'o', U'ò', U'ó', U'ỏ', U'õ', U'ọ'},
    {U'ô', U'ồ', U'ố', U'ổ', U'ỗ', U'ộ'},
    {U'ơ', U'ờ', U'ớ', U'ở', U'ỡ', U'ợ'},
    {U'u', U'ù', U'ú', U'ủ', U'ũ', U'ụ'},
    {U'ư', U'ừ', U'ứ', U'ử', U'ữ', U'ự'},
    {U'y', U'ỳ', U'ý', U'ỷ', U'ỹ', U'ỵ'},
}};

constexpr char32_t kDStroke = U'đ';
constexpr char32_t kDStrokeUpper = U'Đ';

// Upper case of a lower-case Vietnamese vowel form: Latin-1 letters are 0x20
// apart, every other form (ă ơ ư ĩ ũ and the U+1EA0 block) sits one below.
constexpr char32_t UpperOf(char32_t lower) { return lower < 0x100 ? lower - 0x20 : lower - 1; }

// Direct lookup tables for the two ranges that hold all toned vowels:
// U+00C0..U+01B0 and U+1EA0..U+1EF9. An entry is 0 (not a vowel form) or
// 1 + (vowel * kToneCount + tone) * 2 + upper.
constexpr char32_t kLowStart = 0xC0, kLowEnd = 0x1B1;
constexpr char32_t kHighStart = 0x1EA0, kHighEnd = 0x1EFA;

template <char32_t kStart, char32_t kEnd>
constexpr std::array<uint8_t, kEnd - kStart> BuildRange() {
  std::array<uint8_t, kEnd - kStart> table{};
  for (int v = 0; v < kVowelCount; ++v) {
    for (int t = 0; t < kToneCount; ++t) {
      const char32_t lower = kVowelForms[v][t];
      const char32_t forms[2] = {lower, UpperOf(lower)};
      for (int up = 0; up < 2; ++up) {
        if (forms[up] >= kStart && forms[up] < kEnd) {
          table[forms[up] - kStart] = static_cast<uint8_t>(1 + (v * kToneCount + t) * 2 + up);
        }
      }
    }
  }
  return table;
}
constexpr auto kLowTable = BuildRange<kLowStart, kLowEnd>();
constexpr auto kHighTable = BuildRange<kHighStart, kHighEnd>();

// Vowel index of a lower-case base, or -1. Called for every letter, so the
// ASCII vowels go through a table and the six others through a switch.
constexpr std::array<int8_t, 128> BuildAsciiVowels() {
  std::array<int8_t, 128> table{};
  for (auto& entry : table) entry = -1;
  for (int v = 0; v < kVowelCount; ++v) {
    if (kVowelForms[v][0] < 0x80) table[kVowelForms[v][0]] = static_cast<int8_t>(v);
  }
  return table;
}
constexpr auto kAsciiVowels = BuildAsciiVowels();

constexpr int VowelIndex(char32_t base) {
  if (base < 0x80) return kAsciiVowels[base];
  switch (base) {
    case U'ă':
      return 1;
    case U'â':
      return 2;
    case U'ê':
      return 4;
    case U'ô':
      return 7;
    case U'ơ':
      return 8;
    case U'ư':
      return 10;
    default:
      return -1;
  }
}
static_assert(VowelIndex(U'ư') == 10 && kVowelForms[10][0] == U'ư' && VowelIndex(U'ă') == 1 &&
              kVowelForms[1][0] == U'ă' && kVowelForms[2][0] == U'â' && kVowelForms[4][0] == U'ê' &&
              kVowelForms[7][0] == U'ô' && kVowelForms[8][0] == U'ơ' && VowelIndex('y') == 11);

constexpr bool IsVietnameseConsonant(char32_t lower) {
  switch (lower) {
    case 'b':
    case 'c':
    case 'd':
    case 'g':
    case 'h':
    case 'k':
    case 'l':
    case 'm':
    case 'n':
    case 'p':
    case 'q':
    case 'r':
    case 's':
    case 't':
    case 'v':
    case 'x':
    case kDStroke:
      return true;
    default:
      return false;
  }
}

// Vowels written with a shape mark (ă â ê ô ơ ư): they take the tone mark
// whenever the rhyme has one.
constexpr bool HasShapeMark(char32_t base) {
  return base == U'ă' || base == U'â' || base == U'ê' || base == U'ô' || base == U'ơ' ||
         base == U'ư';
}

// ---------------------------------------------------------------------------
// Rhymes. A rhyme (vần) is medial + nucleus + coda, written here without tone.
// Each letter gets a 5-bit code so a rhyme of up to 6 letters packs into one
// integer; the sets are sorted arrays searched by binary search.

constexpr int kMaxLetters = 10;  // longer words are never syllables
constexpr int kMaxRhyme = 6;

constexpr uint32_t RhymeCode(char32_t base) {
  const int v = VowelIndex(base);
  if (v >= 0) return static_cast<uint32_t>(v + 1);
  switch (base) {
    case 'c':
      return 13;
    case 'h':
      return 14;
    case 'm':
      return 15;
    case 'n':
      return 16;
    case 'g':
      return 17;
    case 'p':
      return 18;
    case 't':
      return 19;
    default:
      return 0;
  }
}

// Packs base letters into a key; 0 when a letter cannot occur in a rhyme.
uint32_t PackRhyme(const char32_t* bases, int n) {
  if (n <= 0 || n > kMaxRhyme) return 0;
  uint32_t key = 0;
  for (int k = 0; k < n; ++k) {
    const uint32_t code = RhymeCode(bases[k]);
    if (code == 0) return 0;
    key |= code << (5 * k);
  }
  return key;
}

// Every rhyme of standard Vietnamese spelling (after any onset but qu).
constexpr const char* kRhymes[] = {
    "a",   "ai",   "ao",   "au",   "ay",   "am",   "an",   "ang",  "anh", "ap",  "at",   "ac",
    "ach", "ăm",   "ăn",   "ăng",  "ăp",   "ăt",   "ăc",   "âm",   "ân",  "âng", "âp",   "ât",
    "âc",  "âu",   "ây",   "e",    "eo",   "em",   "en",   "eng",  "ep",  "et",  "ec",   "ê",
    "êu",  "êm",   "ên",   "ênh",  "êp",   "êt",   "êch",  "êng",  "i",   "ia",  "iu",   "im",
    "in",  "inh",  "ip",   "it",   "ich",  "iêm",  "iên",  "iêng", "iêp", "iêt", "iêc",  "iêu",
    "y",   "yêm",  "yên",  "yêng", "yêt",  "yêu",  "o",    "oi",   "om",  "on",  "ong",  "op",
    "ot",  "oc",   "oong", "ooc",  "ô",    "ôi",   "ôm",   "ôn",   "ông", "ôp",  "ôt",   "ôc",
    "ơ",   "ơi",   "ơm",   "ơn",   "ơp",   "ơt",   "u",    "ui",   "um",  "un",  "ung",  "up",
    "ut",  "uc",   "ua",   "uôi",  "uôm",  "uôn",  "uông", "uôt",  "uôc", "ư",   "ưi",   "ưu",
    "ưm",  "ưn",   "ưng",  "ưt",   "ưc",   "ưa",   "ươi",  "ươu",  "ươm", "ươn", "ương", "ươp",
    "ươt", "ươc",  "oa",   "oai",  "oay",  "oan",  "oang", "oanh", "oat", "oac", "oach", "oam",
    "oap", "oăn",  "oăng", "oăt",  "oăc",  "oăm",  "oao",  "oe",   "oeo", "oen", "oet",  "oem",
    "uân", "uâng", "uât",  "uây",  "uê",   "uênh", "uêch", "uêt",  "uy",  "uyu", "uynh", "uych",
    "uyt", "uyn",  "uya",  "uyên", "uyêt", "uơ",
};

// Rhymes that exist only after q, where the medial o is written u
// ("qua", "quen", "quăng"), and the old spelling "quít".
constexpr const char* kQuOnlyRhymes[] = {
    "uai", "uay", "uan", "uang", "uanh", "uat", "uac", "uach", "uam", "uăn", "uăng", "uăt", "uăc",
    "uăm", "uăp", "ue",  "ueo",  "uen",  "uet", "uem", "uit",  "uên", "uêu", "uâc",  "uao", "uau",
};

class RhymeSet {
 public:
  template <size_t N>
  explicit RhymeSet(const char* const (&rhymes)[N]) {
    keys_.reserve(N);
    for (const char* r : rhymes) {
      const std::u32string cps = ToUtf32(r);
      keys_.push_back(PackRhyme(cps.data(), static_cast<int>(cps.size())));
    }
    std::sort(keys_.begin(), keys_.end());
  }
  bool Contains(uint32_t key) const {
    return key != 0 && std::binary_search(keys_.begin(), keys_.end(), key);
  }

 private:
  std::vector<uint32_t> keys_;
};

const RhymeSet& Rhymes() {
  static const RhymeSet* const set = new RhymeSet(kRhymes);
  return *set;
}
const RhymeSet& QuOnlyRhymes() {
  static const RhymeSet* const set = new RhymeSet(kQuOnlyRhymes);
  return *set;
}

// ---------------------------------------------------------------------------
// Syllable parsing.

enum class Onset { kNone, kOther, kC, kK, kG, kGh, kNg, kNgh, kGi, kQu };

struct Syllable {
  int n = 0;
  char32_t base[kMaxLetters] = {};
  Tone tone = Tone::kNone;
  int tone_at = -1;      // index of the toned letter, -1 if none
  int rhyme_start = 0;   // index of the first rhyme letter
  int canonical = -1;    // where the tone mark belongs ("hòa", "thủy")
  int alternative = -1;  // the other accepted placement ("hoà", "thuỷ")
  bool stop_coda = false;
};

bool IsVowel(char32_t base) { return VowelIndex(base) >= 0; }

// Decodes and splits `word` into `s`. Fails on foreign letters, more than one
// tone mark, more than kMaxLetters letters, or (when check_case) an unusual
// mix of cases.
bool Decode(std::string_view word, bool check_case, Syllable& s) {
  bool upper[kMaxLetters];
  size_t i = 0;
  while (i < word.size()) {
    if (s.n == kMaxLetters) return false;
    const LetterParts p = SplitLetter(NextCodePoint(word, i));
    if (!p.is_vietnamese_letter) return false;
    if (p.tone != Tone::kNone) {
      if (s.tone_at >= 0) return false;
      s.tone = p.tone;
      s.tone_at = s.n;
    }
    upper[s.n] = p.upper;
    s.base[s.n++] = p.base;
  }
  if (s.n == 0) return false;
  if (check_case && s.n > 1) {
    // All lower, all upper, or capitalised: letters after the first agree.
    for (int k = 2; k < s.n; ++k) {
      if (upper[k] != upper[1]) return false;
    }
    if (upper[1] && !upper[0]) return false;
  }
  return true;
}

bool IsFrontVowel(char32_t b) { return b == 'i' || b == 'y' || b == 'e' || b == U'ê'; }

bool ParseRhyme(Syllable& s, Onset onset, int rs);

// Finds onset, rhyme and the tone positions. Does not check the tone itself.
bool ParseStructure(Syllable& s) {
  const char32_t* b = s.base;
  const int n = s.n;
  auto at = [&](int k) -> char32_t { return k < n ? b[k] : 0; };

  Onset onset = Onset::kNone;
  int rs = 0;
  const char32_t c0 = b[0];
  const char32_t c1 = at(1);
  if (IsVowel(c0)) {
    onset = Onset::kNone;
  } else if (c0 == 'n' && c1 == 'g' && at(2) == 'h') {
    onset = Onset::kNgh;
    rs = 3;
  } else if (c0 == 'n' && c1 == 'g') {
    onset = Onset::kNg;
    rs = 2;
  } else if (c0 == 'g' && c1 == 'h') {
    onset = Onset::kGh;
    rs = 2;
  } else if (c0 == 'g' && c1 == 'i') {
    onset = Onset::kGi;
    // "gi" + consonant, nothing or ê shares its i with the rhyme: "gìn",
    // "gì", "giếng". Otherwise the rhyme follows: "già", "giữ".
    const char32_t c2 = at(2);
    rs = (c2 == 0 || !IsVowel(c2) || c2 == U'ê') ? 1 : 2;
  } else if (c0 == 'q') {
    if (c1 != 'u') return false;
    onset = Onset::kQu;
    rs = 1;  // the u is the medial of the rhyme
  } else if ((c1 == 'h' && (c0 == 'c' || c0 == 'k' || c0 == 'n' || c0 == 'p' || c0 == 't')) ||
             (c0 == 't' && c1 == 'r')) {
    onset = Onset::kOther;
    rs = 2;
  } else if (IsVietnameseConsonant(c0)) {
    onset = c0 == 'c' ? Onset::kC : c0 == 'k' ? Onset::kK : c0 == 'g' ? Onset::kG : Onset::kOther;
    rs = 1;
  } else {
    return false;
  }
  return ParseRhyme(s, onset, rs) ||
         // "giê" is gi + ê when "iê" + coda is not a rhyme.
         (onset == Onset::kGi && rs == 1 && at(2) == U'ê' && ParseRhyme(s, onset, 2));
}

// Checks the rhyme b[rs..n) after `onset` and finds the tone positions.
bool ParseRhyme(Syllable& s, Onset onset, int rs) {
  const char32_t* b = s.base;
  const int n = s.n;
  auto at = [&](int k) -> char32_t { return k < n ? b[k] : 0; };
  s.rhyme_start = rs;
  s.canonical = s.alternative = -1;
  s.stop_coda = false;

  const char32_t* r = b + rs;
  const int rn = n - rs;
  if (rn <= 0 || !IsVowel(r[0])) return false;

  const uint32_t key = PackRhyme(r, rn);
  if (onset == Onset::kQu) {
    if (rn < 2 || r[1] == 'u' || r[1] == U'ư') return false;
    if (!Rhymes().Contains(key) && !QuOnlyRhymes().Contains(key)) {
      // Rare "quoàng", "quoắt": qu followed by a medial-o rhyme.
      if (r[1] != 'o' || (at(rs + 2) != 'a' && at(rs + 2) != U'ă') ||
          !Rhymes().Contains(PackRhyme(r + 1, rn - 1))) {
        return false;
      }
    }
  } else if (!Rhymes().Contains(key)) {
    return false;
  }

  // Spelling of the onset before the rhyme.
  const char32_t f = r[0];
  const bool medial =
      (f == 'o' && (at(rs + 1) == 'a' || at(rs + 1) == U'ă' || at(rs + 1) == 'e')) ||
      (f == 'u' &&
       (at(rs + 1) == 'y' || at(rs + 1) == U'â' || at(rs + 1) == U'ê' || at(rs + 1) == U'ơ'));
  switch (onset) {
    case Onset::kC:
      if (IsFrontVowel(f) || medial) return false;
      break;
    case Onset::kG:
    case Onset::kNg:
      if (IsFrontVowel(f)) return false;
      break;
    case Onset::kK:
      if (!IsFrontVowel(f)) return false;
      break;
    case Onset::kGh:
    case Onset::kNgh:
      if (f != 'i' && f != 'e' && f != U'ê') return false;
      break;
    case Onset::kGi:
      if (rs == 2 && (f == 'i' || f == 'y' || medial)) return false;
      break;
    default:
      break;
  }
  // "yê" starts a syllable ("yên"); after an onset it is written "iê".
  if (f == 'y' && rn > 1 && onset != Onset::kNone) return false;
  if (f == 'i' && at(rs + 1) == U'ê' && onset == Onset::kNone) return false;

  // Coda and tone placement.
  int coda_start = rn;
  while (coda_start > 0 && !IsVowel(r[coda_start - 1])) --coda_start;
  const bool has_coda = coda_start < rn;
  if (has_coda) {
    const char32_t last = r[rn - 1];
    s.stop_coda = last == 'p' || last == 't' || last == 'c' || (last == 'h' && r[rn - 2] == 'c');
  }
  int vowels[kMaxRhyme];
  int nv = 0;
  for (int k = (onset == Onset::kQu ? 1 : 0); k < coda_start; ++k) vowels[nv++] = rs + k;
  if (nv == 0 || nv > 3) return false;
  int shaped = -1;
  for (int k = 0; k < nv; ++k) {
    if (HasShapeMark(b[vowels[k]])) shaped = vowels[k];
  }
  if (shaped >= 0) {
    s.canonical = shaped;
  } else if (has_coda) {
    s.canonical = vowels[nv - 1];
  } else if (nv == 3) {
    s.canonical = vowels[1];
  } else {
    s.canonical = vowels[0];
    if (nv == 2) {
      const char32_t v0 = b[vowels[0]], v1 = b[vowels[1]];
      if ((v0 == 'o' && (v1 == 'a' || v1 == 'e')) || (v0 == 'u' && v1 == 'y')) {
        s.alternative = vowels[1];
      }
    }
  }
  return true;
}

bool ToneAllowed(const Syllable& s) {
  if (s.tone == Tone::kNone) return !s.stop_coda;
  if (s.stop_coda && s.tone != Tone::kAcute && s.tone != Tone::kDot) return false;
  return s.tone_at == s.canonical || s.tone_at == s.alternative;
}

// ---------------------------------------------------------------------------
// Keys.

// True when `utf8` is certainly NFC (quick check per UAX #15); Vietnamese
// letters and ASCII take the table path.
bool IsNfcFast(std::string_view utf8) {
  uint8_t last_ccc = 0;
  for (size_t i = 0; i < utf8.size();) {
    const char32_t cp = NextCodePoint(utf8, i);
    if (cp < 0x300 || SplitLetter(cp).is_vietnamese_letter) {
      last_ccc = 0;
      continue;
    }
    const uint8_t ccc = u_getCombiningClass(static_cast<UChar32>(cp));
    if (ccc != 0 && last_ccc > ccc) return false;
    if (u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_NFC_QUICK_CHECK) != UNORM_YES) {
      return false;
    }
    last_ccc = ccc;
  }
  return true;
}

std::string ToNfcString(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(utf8);
  const icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  const icu::UnicodeString out = nfc->normalize(in, status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string result;
  out.toUTF8String(result);
  return result;
}

void AppendLower(char32_t cp, std::string& out) {
  const LetterParts p = SplitLetter(cp);
  if (p.is_vietnamese_letter) {
    AppendUtf8(ComposeLetter(p.base, p.tone, false), out);
  } else if (cp < 0x80) {
    out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 0x20 : cp));
  } else {
    AppendUtf8(static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))), out);
  }
}

// Appends the comparison form of one word (a run of word code points).
void AppendWordKey(std::string_view word, std::string& out) {
  Syllable s;
  if (Decode(word, /*check_case=*/false, s) && ParseStructure(s)) {
    for (int k = 0; k < s.n; ++k) {
      const Tone tone = k == s.canonical ? s.tone : Tone::kNone;
      AppendUtf8(ComposeLetter(s.base[k], tone, false), out);
    }
    return;
  }
  for (size_t i = 0; i < word.size();) AppendLower(NextCodePoint(word, i), out);
}

// Vietnamese base letter without its shape mark: ă â -> a, đ -> d, ...
char32_t StripShape(char32_t base) {
  switch (base) {
    case U'ă':
    case U'â':
      return 'a';
    case U'ê':
      return 'e';
    case U'ô':
    case U'ơ':
      return 'o';
    case U'ư':
      return 'u';
    case kDStroke:
      return 'd';
    default:
      return base;
  }
}

// Appends `cp` (already lower case) without diacritics.
void AppendFolded(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
    return;
  }
  const LetterParts p = SplitLetter(cp);
  if (p.is_vietnamese_letter) {
    AppendUtf8(StripShape(p.base), out);
    return;
  }
  const uint32_t gc_mask = U_GET_GC_MASK(static_cast<UChar32>(cp));
  if (gc_mask & U_GC_MN_MASK) return;  // a stray combining mark
  switch (cp) {                        // letters with a stroke have no decomposition
    case U'ø':
      out.push_back('o');
      return;
    case U'ł':
      out.push_back('l');
      return;
    case U'ħ':
      out.push_back('h');
      return;
    default:
      break;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString decomposition;
  if (U_FAILURE(status) || !nfd->getDecomposition(static_cast<UChar32>(cp), decomposition)) {
    AppendUtf8(cp, out);
    return;
  }
  for (int32_t k = 0; k < decomposition.length();) {
    const UChar32 c = decomposition.char32At(k);
    k += U16_LENGTH(c);
    if (!(U_GET_GC_MASK(c) & U_GC_MN_MASK)) AppendUtf8(static_cast<char32_t>(c), out);
  }
}

}  // namespace

LetterParts SplitLetter(char32_t cp) {
  if (cp < 0x80) {
    const char32_t lower = cp | 0x20;
    if (lower >= 'a' && lower <= 'z' && lower != 'f' && lower != 'j' && lower != 'w' &&
        lower != 'z') {
      return {lower, Tone::kNone, lower != cp, true};
    }
    return {cp, Tone::kNone, false, false};
  }
  if (cp == kDStroke || cp == kDStrokeUpper)
    return {kDStroke, Tone::kNone, cp == kDStrokeUpper, true};
  uint8_t entry = 0;
  if (cp >= kLowStart && cp < kLowEnd) {
    entry = kLowTable[cp - kLowStart];
  } else if (cp >= kHighStart && cp < kHighEnd) {
    entry = kHighTable[cp - kHighStart];
  }
  if (entry == 0) return {cp, Tone::kNone, false, false};
  const int packed = entry - 1;
  const int form = packed / 2;
  return {kVowelForms[form / kToneCount][0], static_cast<Tone>(form % kToneCount),
          (packed & 1) != 0, true};
}

char32_t ComposeLetter(char32_t base, Tone tone, bool upper) {
  const int v = VowelIndex(base);
  if (v >= 0) {
    const char32_t lower = kVowelForms[v][static_cast<int>(tone)];
    return upper ? UpperOf(lower) : lower;
  }
  if (tone != Tone::kNone) return 0;
  if (base == kDStroke) return upper ? kDStrokeUpper : kDStroke;
  if (base >= 'a' && base <= 'z') return upper ? base - 0x20 : base;
  return base;
}

bool IsVietnameseVowelBase(char32_t base) { return VowelIndex(base) >= 0; }

bool IsValidSyllable(std::string_view word) {
  Syllable s;
  return Decode(word, /*check_case=*/true, s) && ParseStructure(s) && ToneAllowed(s);
}

bool IsForeignOrAcronym(std::string_view word) {
  int letters = 0;
  bool all_upper = true;
  for (size_t i = 0; i < word.size();) {
    const char32_t cp = NextCodePoint(word, i);
    const LetterParts p = SplitLetter(cp);
    if (!p.is_vietnamese_letter) {
      if (IsWordCodePoint(cp)) return true;  // f j w z, ß, ü, ...
      continue;
    }
    ++letters;
    all_upper = all_upper && p.upper;
  }
  return letters >= 2 && all_upper && !IsValidSyllable(word);
}

std::string ComparisonKey(std::string_view utf8) {
  std::string normalized;
  if (!IsNfcFast(utf8)) {
    normalized = ToNfcString(utf8);
    utf8 = normalized;
  }
  std::string out;
  out.reserve(utf8.size());
  size_t done = 0;
  auto append_gap = [&](size_t end) {
    for (size_t i = done; i < end;) AppendLower(NextCodePoint(utf8, i), out);
  };
  ForEachWord(utf8, [&](size_t begin, size_t end) {
    append_gap(begin);
    AppendWordKey(utf8.substr(begin, end - begin), out);
    done = end;
  });
  append_gap(utf8.size());
  return out;
}

std::string SearchKey(std::string_view utf8) {
  const std::string key = ComparisonKey(utf8);
  std::string out;
  out.reserve(key.size());
  for (size_t i = 0; i < key.size();) AppendFolded(NextCodePoint(key, i), out);
  return out;
}

bool IsWordCodePointSlow(char32_t cp) {
  if (cp < 0x80) return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  if (SplitLetter(cp).is_vietnamese_letter) return true;
  if (cp > 0x10FFFF) return false;
  return (U_GET_GC_MASK(static_cast<UChar32>(cp)) & (U_GC_L_MASK | U_GC_M_MASK)) != 0;
}

}  // namespace dondoc::text
