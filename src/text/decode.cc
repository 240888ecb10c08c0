#include "text/decode.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <string>
#include <utility>

#include "text/legacy_tables.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace dondoc::text {
namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr size_t kNone = static_cast<size_t>(-1);

std::string HexByte(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(b));
  return buf;
}

std::string CodePointName(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

std::string HexBytes(const unsigned char* p, size_t n) {
  std::string out = n == 1 ? "byte" : "bytes";
  for (size_t k = 0; k < n; ++k) {
    out += ' ';
    out += HexByte(p[k]);
  }
  return out;
}

uint64_t Load64(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

constexpr uint64_t kHighBits = 0x8080808080808080ULL;
constexpr uint64_t kOnes = 0x0101010101010101ULL;

// ---------------------------------------------------------------------------
// Binary detection.

bool IsBinaryControl(uint32_t c) {
  return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
}

// A "high share" of control bytes: more than one in twenty. Real text has
// almost none (a stray form feed or Word's vertical tab); binary has ~1 in 9.
// A single one in a short text (a VN1 capital letter in a heading) is not
// enough, unless it is all there is.
bool TooManyControls(size_t controls, size_t total) {
  return controls * 20 > total && (controls >= 2 || controls == total);
}

Status BinaryError(const char* what, size_t offset) {
  return Status::InvalidInput(std::string("binary data, not text (") + what + " at offset " +
                              std::to_string(offset) + ")");
}

// ---------------------------------------------------------------------------
// UTF-8.

enum class Utf8Problem : uint8_t {
  kNone,
  kStrayContinuation,
  kBadByte,
  kTruncated,
  kTruncatedAtEnd,
  kOverlong,
  kSurrogate,
  kTooLarge,
};

struct Utf8Seq {
  uint32_t length;  // bytes the sequence (valid or not) covers
  Utf8Problem problem;
  char32_t cp;
};

// Checks the sequence starting at a non-ASCII byte p[0]; `avail` >= 1 bytes.
// An invalid sequence is taken whole by its structure (lead byte plus the
// continuation bytes that follow it), so an overlong form or an encoded
// surrogate is one issue and one U+FFFD, not one per byte.
inline Utf8Seq CheckUtf8Sequence(const unsigned char* p, size_t avail) {
  const unsigned b0 = p[0];
  if (b0 < 0xC0) return {1, Utf8Problem::kStrayContinuation, 0};
  if (b0 >= 0xF8) return {1, Utf8Problem::kBadByte, 0};
  const uint32_t need = b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
  uint32_t have = 1;
  while (have < need && have < avail && (p[have] & 0xC0) == 0x80) ++have;
  if (have < need) {
    return {have, have == avail ? Utf8Problem::kTruncatedAtEnd : Utf8Problem::kTruncated, 0};
  }
  char32_t cp = b0 & (0x7Fu >> need);
  for (uint32_t k = 1; k < need; ++k) cp = (cp << 6) | (p[k] & 0x3Fu);
  static constexpr char32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[need]) return {need, Utf8Problem::kOverlong, cp};
  if (cp >= 0xD800 && cp <= 0xDFFF) return {need, Utf8Problem::kSurrogate, cp};
  if (cp > 0x10FFFF) return {need, Utf8Problem::kTooLarge, cp};
  return {need, Utf8Problem::kNone, cp};
}

std::string Utf8IssueMessage(const unsigned char* p, const Utf8Seq& seq) {
  const uint32_t need = p[0] < 0xE0 ? 2 : p[0] < 0xF0 ? 3 : 4;
  switch (seq.problem) {
    case Utf8Problem::kStrayContinuation:
      return "invalid UTF-8 sequence (continuation byte " + HexByte(p[0]) + " without a lead byte)";
    case Utf8Problem::kBadByte:
      return "invalid UTF-8 byte " + HexByte(p[0]);
    case Utf8Problem::kTruncated:
      if (seq.length == 1) {
        return "invalid UTF-8 sequence (byte " + HexByte(p[0]) +
               " not followed by a continuation byte)";
      }
      return "invalid UTF-8 sequence (byte " + HexByte(p[0]) + " followed by only " +
             std::to_string(seq.length - 1) + " of " + std::to_string(need - 1) +
             " continuation bytes)";
    case Utf8Problem::kTruncatedAtEnd:
      return "truncated UTF-8 sequence at end of input (" + HexBytes(p, seq.length) + ")";
    case Utf8Problem::kOverlong:
      return "overlong UTF-8 encoding of " + CodePointName(seq.cp) + " (" +
             HexBytes(p, seq.length) + ")";
    case Utf8Problem::kSurrogate:
      return "UTF-8 encoded surrogate " + CodePointName(seq.cp) + " (" + HexBytes(p, seq.length) +
             ")";
    case Utf8Problem::kTooLarge:
      return "UTF-8 sequence above U+10FFFF (" + HexBytes(p, seq.length) + ")";
    case Utf8Problem::kNone:
      break;
  }
  return "invalid UTF-8";
}

// Per lead byte: sequence length (0 for a byte that cannot start one) and
// the range of the second byte (narrower after E0, ED, F0, F4: that is what
// rules out overlong forms, surrogates and code points above U+10FFFF).
struct LeadInfo {
  uint8_t length;
  uint8_t lo;
  uint8_t hi;
};

constexpr std::array<LeadInfo, 256> MakeLeadTable() {
  std::array<LeadInfo, 256> t{};
  for (int b = 0; b < 256; ++b) {
    LeadInfo& e = t[b];
    e = {0, 0x80, 0xBF};
    if (b < 0x80) e.length = 1;
    if (b >= 0xC2 && b <= 0xDF) e.length = 2;
    if (b >= 0xE0 && b <= 0xEF) e.length = 3;
    if (b >= 0xF0 && b <= 0xF4) e.length = 4;
  }
  t[0xE0].lo = 0xA0;
  t[0xED].hi = 0x9F;
  t[0xF0].lo = 0x90;
  t[0xF4].hi = 0x8F;
  return t;
}
constexpr std::array<LeadInfo, 256> kLeads = MakeLeadTable();

// Length of the valid UTF-8 sequence at non-ASCII p[0] (`avail` >= 1
// bytes), or 0 if it is not valid. With four bytes at hand the check has no
// branch on the length, which Vietnamese text (2- and 3-byte letters mixed)
// would mispredict.
inline uint32_t ValidUtf8Length(const unsigned char* p, size_t avail) {
  if (avail >= 4) {
    const LeadInfo lead = kLeads[p[0]];
    // Continuation bits of bytes 1..3; the length selects which must be 10.
    static constexpr uint32_t kMask[5] = {0, 0, 0x0000C0, 0x00C0C0, 0xC0C0C0};
    static constexpr uint32_t kWant[5] = {1, 1, 0x000080, 0x008080, 0x808080};
    const uint32_t w = p[1] | (p[2] << 8) | (p[3] << 16);
    const bool ok =
        (w & kMask[lead.length]) == kWant[lead.length] && p[1] >= lead.lo && p[1] <= lead.hi;
    return ok ? lead.length : 0;
  }
  const Utf8Seq seq = CheckUtf8Sequence(p, avail);
  return seq.problem == Utf8Problem::kNone ? seq.length : 0;
}

// Offset in a word of eight bytes of the first byte that is >= 0x80 or
// < 0x20, or 8 if there is none. The below-0x20 test can flag extra bytes
// only above a true one (a borrow), so the lowest flag is exact.
inline unsigned FirstNonPlainByte(uint64_t w) {
  const uint64_t flags = (w | ((w - kOnes * 0x20) & ~w)) & kHighBits;
  return flags == 0 ? 8 : static_cast<unsigned>(__builtin_ctzll(flags)) / 8;
}

struct ByteStats {
  size_t first_nul = kNone;
  size_t controls = 0;  // C0 controls other than \t \n \r \f (NUL included)
  size_t first_control = kNone;
  size_t invalid_utf8 = 0;  // invalid UTF-8 sequences
  size_t multibyte = 0;     // valid non-ASCII UTF-8 characters
};

// One pass over the input for binary detection and UTF-8 validity. Plain
// ASCII (not below 0x20) is skipped eight bytes at a time.
ByteStats ScanBytes(std::string_view s) {
  ByteStats st;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      const unsigned skip = FirstNonPlainByte(Load64(s.data() + i));
      i += skip;
      if (skip == 8) continue;
    }
    const unsigned b = p[i];
    if (b < 0x80) {
      if (IsBinaryControl(b)) {
        if (b == 0 && st.first_nul == kNone) st.first_nul = i;
        if (st.first_control == kNone) st.first_control = i;
        ++st.controls;
      }
      ++i;
      continue;
    }
    const uint32_t len = ValidUtf8Length(p + i, n - i);
    if (len != 0) {
      ++st.multibyte;
      i += len;
    } else {
      ++st.invalid_utf8;
      i += CheckUtf8Sequence(p + i, n - i).length;
    }
  }
  return st;
}

// Appends `s` (which starts at input offset `base`) to d.text, replacing
// each invalid sequence by U+FFFD and reporting it.
void DecodeUtf8(std::string_view s, uint32_t base, bool known_valid, Decoded& d) {
  d.text.Reserve(d.text.size() + s.size());
  if (known_valid) {
    d.text.AppendUtf8Run(s, base);
    return;
  }
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t run = 0;
  size_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    const uint32_t len = ValidUtf8Length(p + i, n - i);
    if (len != 0) {
      i += len;
      continue;
    }
    const Utf8Seq seq = CheckUtf8Sequence(p + i, n - i);
    d.text.AppendUtf8Run(s.substr(run, i - run), base + static_cast<uint32_t>(run));
    const uint32_t at = base + static_cast<uint32_t>(i);
    d.text.AppendCodePoint(kReplacement, at);
    d.issues.push_back({at, Utf8IssueMessage(p + i, seq)});
    i += seq.length;
    run = i;
  }
  d.text.AppendUtf8Run(s.substr(run), base + static_cast<uint32_t>(run));
}

// ---------------------------------------------------------------------------
// UTF-16.

// UTF-16 text without a BOM shows NUL bytes at one parity: most characters
// of Vietnamese text (ASCII and Latin-1 letters) have a zero high byte.
std::optional<Encoding> SniffUtf16(std::string_view s) {
  const size_t n = std::min<size_t>(s.size(), size_t{64} * 1024) & ~size_t{1};
  if (n < 2) return std::nullopt;
  size_t even_zero = 0;
  size_t odd_zero = 0;
  for (size_t i = 0; i < n; i += 2) {
    even_zero += s[i] == '\0';
    odd_zero += s[i + 1] == '\0';
  }
  const size_t units = n / 2;
  if (odd_zero * 10 >= units * 3 && even_zero * 10 <= odd_zero) return Encoding::kUtf16Le;
  if (even_zero * 10 >= units * 3 && odd_zero * 10 <= even_zero) return Encoding::kUtf16Be;
  return std::nullopt;
}

// Decodes bytes [start, end) of `s`; origins are offsets into `s`.
Status DecodeUtf16(std::string_view s, size_t start, bool le, Decoded& d) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  auto unit_at = [&](size_t i) -> char32_t {
    return le ? (p[i] | (p[i + 1] << 8)) : ((p[i] << 8) | p[i + 1]);
  };
  d.text.Reserve((n - start) / 2 * 3 / 2);
  size_t controls = 0;
  size_t first_control = kNone;
  size_t i = start;
  for (; i + 1 < n; i += 2) {
    const char32_t u = unit_at(i);
    const auto at = static_cast<uint32_t>(i);
    if (u < 0x20 && IsBinaryControl(u)) {
      if (u == 0) return BinaryError("NUL character", i);
      if (first_control == kNone) first_control = i;
      ++controls;
    }
    if (u < 0xD800 || u > 0xDFFF) {
      d.text.AppendCodePoint(u, at);
    } else if (u <= 0xDBFF && i + 3 < n && unit_at(i + 2) >= 0xDC00 && unit_at(i + 2) <= 0xDFFF) {
      const char32_t cp = 0x10000 + ((u - 0xD800) << 10) + (unit_at(i + 2) - 0xDC00);
      d.text.AppendCodePoint(cp, at);
      i += 2;
    } else {
      d.text.AppendCodePoint(kReplacement, at);
      d.issues.push_back(
          {at, std::string(u <= 0xDBFF ? "unpaired high surrogate " : "unpaired low surrogate ") +
                   CodePointName(u) + " in UTF-16"});
    }
  }
  if (i < n) {
    const auto at = static_cast<uint32_t>(i);
    d.text.AppendCodePoint(kReplacement, at);
    d.issues.push_back(
        {at, "truncated UTF-16 code unit at end of input (odd byte " + HexByte(p[i]) + ")"});
  }
  if (TooManyControls(controls, (n - start) / 2)) {
    return BinaryError(("control character " + CodePointName(unit_at(first_control))).c_str(),
                       first_control);
  }
  return Status::Ok();
}

// ---------------------------------------------------------------------------
// Legacy 8-bit encodings.

bool IsCombining(char32_t cp) { return cp >= 0x0300 && cp <= 0x036F; }

const char* LegacyName(Encoding e) {
  switch (e) {
    case Encoding::kTcvn3:
      return "TCVN3";
    case Encoding::kVni:
      return "VNI-Windows";
    default:
      return "Windows-1258";
  }
}

// Decodes `s` with a legacy table and hands each finished code point and
// the offset of its first byte to `emit`. A mark is composed with the letter
// before it, so one code point is held back until the next byte shows
// whether a mark follows; the composed letter keeps the base letter's origin.
// Issues are collected only when `issues` is non-null (detection decodes
// without them).
template <typename Emit>
void DecodeLegacyWith(std::string_view s, Encoding e, std::vector<DecodeIssue>* issues,
                      Emit&& emit) {
  constexpr char32_t kNothing = 0xFFFFFFFF;
  char32_t held = kNothing;
  uint32_t held_at = 0;
  auto push = [&](char32_t cp, uint32_t at) {
    if (held != kNothing) {
      if (IsCombining(cp)) {
        const char32_t composed = legacy::ComposeVietnamese(held, cp);
        if (composed != 0) {
          held = composed;
          return;
        }
      }
      emit(held, held_at);
    }
    held = cp;
    held_at = at;
  };
  for (size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    const auto at = static_cast<uint32_t>(i);
    if (b < 0x80) {
      push(b, at);
      continue;
    }
    legacy::VniChars c;
    switch (e) {
      case Encoding::kTcvn3:
        c.first = legacy::Tcvn3ToUnicode(b);
        break;
      case Encoding::kVni:
        c = legacy::VniToUnicode(b);
        break;
      default:
        c.first = legacy::Windows1258ToUnicode(b);
        break;
    }
    if (c.first == legacy::kUndefined) {
      push(kReplacement, at);
      if (issues != nullptr) {
        issues->push_back({at, "byte " + HexByte(b) + " is not assigned in " + LegacyName(e)});
      }
      continue;
    }
    push(c.first, at);
    if (c.second != 0) push(c.second, at);
  }
  if (held != kNothing) emit(held, held_at);
}

void DecodeLegacy(std::string_view s, Encoding e, Decoded& d) {
  MappedText text;
  text.Reserve(s.size() * 2);
  bool leftover_marks = false;
  DecodeLegacyWith(s, e, &d.issues, [&](char32_t cp, uint32_t at) {
    leftover_marks |= IsCombining(cp);
    text.AppendCodePoint(cp, at);
  });
  // Marks that are not Vietnamese (or follow a letter they cannot join in
  // the Vietnamese table) are left to full NFC.
  d.text = leftover_marks ? ToNfc(text) : std::move(text);
}

// --- Detection: how Vietnamese does a decoding look?

bool IsWordBreak(char32_t c) {
  if (c < 0x80) return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
  return c == 0xA0 || c == 0xAB || c == 0xBB || (c >= 0x2000 && c <= 0x206F) || c == 0x3000;
}

// The parts of a syllable (initial consonant, vowel cluster, final
// consonant) are at most three letters; packed six bits a letter they are
// small integers, and the sets of possible parts sorted arrays of them.
uint32_t PartKey(std::u32string_view part) {
  if (part.size() > 3) return 0xFFFFFFFF;
  uint32_t key = 0;
  for (char32_t c : part) {
    uint32_t code = 63;
    if (c >= 'a' && c <= 'z') code = c - 'a' + 1;
    switch (c) {
      case U'ă':
        code = 27;
        break;
      case U'â':
        code = 28;
        break;
      case U'ê':
        code = 29;
        break;
      case U'ô':
        code = 30;
        break;
      case U'ơ':
        code = 31;
        break;
      case U'ư':
        code = 32;
        break;
      case U'đ':
        code = 33;
        break;
      default:
        break;
    }
    key = (key << 6) | code;
  }
  return key;
}

struct SyllableParts {
  std::vector<uint32_t> initials;
  std::vector<uint32_t> vowels;
  std::vector<uint32_t> finals;
  std::vector<uint32_t> open_vowels;  // closed by their glide: no final consonant
  std::vector<uint32_t> nh_vowels;    // the only ones that take final ch / nh

  static std::vector<uint32_t> Keys(std::initializer_list<std::string_view> parts) {
    std::vector<uint32_t> keys;
    for (std::string_view p : parts) keys.push_back(PartKey(ToUtf32(p)));
    std::sort(keys.begin(), keys.end());
    return keys;
  }

  SyllableParts()
      : initials(
            Keys({"",  "b",  "c",   "ch", "d", "đ",  "g",  "gh", "gi", "h", "k",  "kh", "l", "m",
                  "n", "ng", "ngh", "nh", "p", "ph", "qu", "r",  "s",  "t", "th", "tr", "v", "x"})),
        vowels(Keys({"a",   "ă",   "â",   "e",   "ê",   "i",   "o",   "ô",   "ơ",   "u",
                     "ư",   "y",   "ai",  "ao",  "au",  "ay",  "âu",  "ây",  "eo",  "êu",
                     "ia",  "iê",  "iu",  "oa",  "oă",  "oe",  "oi",  "oo",  "ôi",  "ơi",
                     "ua",  "uă",  "uâ",  "uê",  "ui",  "uô",  "uơ",  "uy",  "ưa",  "ưi",
                     "ươ",  "ưu",  "yê",  "iêu", "oai", "oao", "oay", "oeo", "uây", "uôi",
                     "uya", "uyê", "uyu", "ươi", "ươu", "yêu"})),
        finals(Keys({"", "c", "ch", "m", "n", "ng", "nh", "p", "t"})),
        open_vowels(Keys({"ai",  "ao",  "au",  "ay",  "âu",  "ây",  "eo",  "êu",  "iu",  "oi",
                          "ôi",  "ơi",  "ui",  "ưi",  "ưu",  "iêu", "yêu", "oai", "oay", "oao",
                          "oeo", "uây", "uôi", "ươi", "ươu", "uyu", "ia",  "ua",  "ưa",  "uya"})),
        nh_vowels(Keys({"a", "ê", "i", "y", "oa", "uê", "uy"})) {}
};

bool InSet(const std::vector<uint32_t>& set, std::u32string_view part) {
  return std::binary_search(set.begin(), set.end(), PartKey(part));
}

// +1 for a word that is one well-formed Vietnamese syllable (initial
// consonant, vowel cluster, final consonant, at most one tone), -1 for a
// word with a stray symbol, an unjoined mark or an impossible shape, 0 for a
// consonant-only abbreviation (ĐT, KH&ĐT).
int SyllableScore(std::u32string_view word) {
  // The longest syllable, "nghiêng", has seven letters.
  constexpr size_t kMaxLetters = 8;
  if (word.size() > kMaxLetters) return -1;
  char32_t base[kMaxLetters];
  size_t first_vowel = kNone;
  size_t vowel_end = kNone;
  int tones = 0;
  for (size_t k = 0; k < word.size(); ++k) {
    const legacy::LetterInfo info = legacy::LookupLetter(word[k]);
    if (!info.is_letter) return -1;
    if (info.tone != legacy::Tone::kNone) ++tones;
    if (info.vowel_row >= 0) {
      if (first_vowel == kNone) first_vowel = k;
      if (vowel_end != kNone && vowel_end != k) return -1;  // two vowel groups
      vowel_end = k + 1;
    }
    base[k] = info.base;
  }
  if (first_vowel == kNone) return 0;
  if (tones > 1) return -1;
  const std::u32string_view b(base, word.size());
  std::u32string_view initial = b.substr(0, first_vowel);
  std::u32string_view vowels = b.substr(first_vowel, vowel_end - first_vowel);
  const std::u32string_view final_consonant = b.substr(vowel_end);
  // "gi" and "qu" take the vowel letter that follows the consonant.
  if (vowels.size() > 1 &&
      ((initial == U"g" && vowels[0] == U'i') || (initial == U"q" && vowels[0] == U'u'))) {
    initial = b.substr(0, first_vowel + 1);
    vowels.remove_prefix(1);
  }
  static const SyllableParts parts;
  if (!InSet(parts.initials, initial) || !InSet(parts.vowels, vowels) ||
      !InSet(parts.finals, final_consonant)) {
    return -1;
  }
  if (!final_consonant.empty() && InSet(parts.open_vowels, vowels)) return -1;
  if ((final_consonant == U"ch" || final_consonant == U"nh") && !InSet(parts.nh_vowels, vowels)) {
    return -1;
  }
  return 1;
}

int VietnameseScore(const std::u32string& s) {
  int score = 0;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == kReplacement) score -= 2;  // a byte the code page does not assign
    if (IsWordBreak(s[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    bool non_ascii = false;
    while (j < s.size() && !IsWordBreak(s[j])) non_ascii |= s[j++] >= 0x80;
    // Plain ASCII words look the same in every encoding: only the others vote.
    if (non_ascii) score += SyllableScore(std::u32string_view(s).substr(i, j - i));
    i = j;
  }
  return score;
}

Encoding DetectLegacy(std::string_view s) {
  // Thousands of words are plenty to tell the encodings apart.
  const std::string_view sample = s.substr(0, size_t{32} * 1024);
  std::u32string decoded;
  decoded.reserve(sample.size());
  Encoding best = Encoding::kTcvn3;
  int best_score = 0;
  bool first = true;
  // In order of preference on a tie: TCVN3 is by far the most common in
  // government documents, then VNI.
  for (Encoding e : {Encoding::kTcvn3, Encoding::kVni, Encoding::kWindows1258}) {
    decoded.clear();
    DecodeLegacyWith(sample, e, nullptr, [&](char32_t cp, uint32_t) { decoded.push_back(cp); });
    const int score = VietnameseScore(decoded);
    if (first || score > best_score) {
      best = e;
      best_score = score;
      first = false;
    }
  }
  return best;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

SourceWidth WidthOf(Encoding e) {
  switch (e) {
    case Encoding::kUtf16Le:
    case Encoding::kUtf16Be:
      return SourceWidth::kUtf16;
    case Encoding::kTcvn3:
    case Encoding::kVni:
    case Encoding::kWindows1258:
      return SourceWidth::kSingleByte;
    default:
      return SourceWidth::kUtf8;
  }
}

}  // namespace

std::string_view EncodingName(Encoding e) {
  switch (e) {
    case Encoding::kAuto:
      return "auto";
    case Encoding::kUtf8:
      return "utf-8";
    case Encoding::kUtf16Le:
      return "utf-16le";
    case Encoding::kUtf16Be:
      return "utf-16be";
    case Encoding::kTcvn3:
      return "tcvn3";
    case Encoding::kVni:
      return "vni";
    case Encoding::kWindows1258:
      return "windows-1258";
  }
  return "utf-8";
}

std::optional<Encoding> ParseEncodingName(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  struct Alias {
    std::string_view name;
    Encoding encoding;
  };
  static constexpr Alias kAliases[] = {
      {"auto", Encoding::kAuto},
      {"utf-8", Encoding::kUtf8},
      {"utf8", Encoding::kUtf8},
      {"utf-16le", Encoding::kUtf16Le},
      {"utf16le", Encoding::kUtf16Le},
      {"utf-16be", Encoding::kUtf16Be},
      {"utf16be", Encoding::kUtf16Be},
      {"tcvn3", Encoding::kTcvn3},
      {"abc", Encoding::kTcvn3},
      {"vn3", Encoding::kTcvn3},
      {"vni", Encoding::kVni},
      {"vni-windows", Encoding::kVni},
      {"windows-1258", Encoding::kWindows1258},
      {"cp1258", Encoding::kWindows1258},
  };
  for (const Alias& a : kAliases) {
    if (a.name == lower) return a.encoding;
  }
  return std::nullopt;
}

Result<Decoded> Decode(std::string_view bytes, Encoding requested) {
  if (bytes.size() > 0xFFFFFFF0u) {
    return Status::InvalidInput("input too large: " + std::to_string(bytes.size()) +
                                " bytes (origins are 32-bit offsets)");
  }
  Decoded d;
  Encoding e = requested;
  size_t start = 0;
  // A byte-order mark settles the encoding unless another was requested.
  if ((e == Encoding::kAuto || e == Encoding::kUtf8) && StartsWith(bytes, "\xEF\xBB\xBF")) {
    e = Encoding::kUtf8;
    start = 3;
  } else if ((e == Encoding::kAuto || e == Encoding::kUtf16Le) && StartsWith(bytes, "\xFF\xFE")) {
    e = Encoding::kUtf16Le;
    start = 2;
  } else if ((e == Encoding::kAuto || e == Encoding::kUtf16Be) && StartsWith(bytes, "\xFE\xFF")) {
    e = Encoding::kUtf16Be;
    start = 2;
  }
  d.had_bom = start > 0;
  if (e == Encoding::kAuto) e = SniffUtf16(bytes).value_or(Encoding::kAuto);

  if (e == Encoding::kUtf16Le || e == Encoding::kUtf16Be) {
    d.encoding = e;
    d.width = SourceWidth::kUtf16;
    Status st = DecodeUtf16(bytes, start, e == Encoding::kUtf16Le, d);
    if (!st.ok()) return st;
    return d;
  }

  // `body` is the input after a UTF-8 BOM, which holds no control bytes.
  const std::string_view body = bytes.substr(start);
  const ByteStats stats = ScanBytes(body);
  if (stats.first_nul != kNone) return BinaryError("NUL byte", start + stats.first_nul);
  if (TooManyControls(stats.controls, bytes.size())) {
    const size_t at = start + stats.first_control;
    return BinaryError(("control byte " + HexByte(static_cast<unsigned char>(bytes[at]))).c_str(),
                       at);
  }
  if (e == Encoding::kAuto) {
    // Damaged UTF-8 (a few bad bytes among many good characters) stays
    // UTF-8; legacy text almost never forms valid multi-byte sequences.
    e = stats.invalid_utf8 == 0 || stats.multibyte >= 4 * stats.invalid_utf8 ? Encoding::kUtf8
                                                                             : DetectLegacy(body);
  }
  d.encoding = e;
  d.width = WidthOf(e);
  if (e == Encoding::kUtf8) {
    DecodeUtf8(body, static_cast<uint32_t>(start), stats.invalid_utf8 == 0, d);
  } else {
    DecodeLegacy(bytes, e, d);
  }
  return d;
}

}  // namespace dondoc::text
