#include "text/legacy_tables.h"

#include <array>
#include <string_view>

#include "text/utf8.h"

namespace dondoc::text::legacy {
namespace {

// TCVN 5712:1993 VN3, bytes 0x80-0xFF.
constexpr char32_t kTcvn3High[128] = {
    // 0x80
    0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x1EB6, 0x1EAC, 0x00C8,  //
    0x1EBA, 0x1EBC, 0x00C9, 0x1EB8, 0x1EC6, 0x00CC, 0x1EC8, 0x0128,  //
    // 0x90
    0x00CD, 0x1ECA, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC, 0x1ED8,  //
    0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA, 0x1EE2, 0x00D9, 0x1EE6, 0x0168,  //
    // 0xA0
    0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,  //
    0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0,  //
    // 0xB0: five combining tone marks, then the a row
    0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3,  //
    0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4,  //
    // 0xC0
    0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7,  //
    0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD,  //
    // 0xD0
    0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,  //
    0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,  //
    // 0xE0
    0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,  //
    0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,  //
    // 0xF0
    0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,  //
    0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,  //
};

// Windows-1252, bytes 0x80-0x9F (0xA0-0xFF are Latin-1).
constexpr char32_t kWindows1252C1[32] = {
    0x20AC,     kUndefined, 0x201A, 0x0192, 0x201E, 0x2026,     0x2020, 0x2021,      //
    0x02C6,     0x2030,     0x0160, 0x2039, 0x0152, kUndefined, 0x017D, kUndefined,  //
    kUndefined, 0x2018,     0x2019, 0x201C, 0x201D, 0x2022,     0x2013, 0x2014,      //
    0x02DC,     0x2122,     0x0161, 0x203A, 0x0153, kUndefined, 0x017E, 0x0178,      //
};

constexpr char32_t kGrave = 0x0300;
constexpr char32_t kAcute = 0x0301;
constexpr char32_t kCircumflex = 0x0302;
constexpr char32_t kTilde = 0x0303;
constexpr char32_t kBreve = 0x0306;
constexpr char32_t kHook = 0x0309;
constexpr char32_t kHorn = 0x031B;
constexpr char32_t kDot = 0x0323;

// The vowel rows in the order of LetterInfo::vowel_row, each with its six
// tones (none, grave, acute, hook, tilde, dot).
constexpr std::string_view kVowelsLower[kVowelRows] = {
    "aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
    "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ",
};
constexpr std::string_view kVowelsUpper[kVowelRows] = {
    "AÀÁẢÃẠ", "ĂẰẮẲẴẶ", "ÂẦẤẨẪẬ", "EÈÉẺẼẸ", "ÊỀẾỂỄỆ", "IÌÍỈĨỊ",
    "OÒÓỎÕỌ", "ÔỒỐỔỖỘ", "ƠỜỚỞỠỢ", "UÙÚỦŨỤ", "ƯỪỨỬỮỰ", "YỲÝỶỸỴ",
};
enum Row { kA, kABreve, kACirc, kE, kECirc, kI, kO, kOCirc, kOHorn, kU, kUHorn, kY };

struct LetterTables {
  // Every Vietnamese letter is below U+0200 or in U+1EA0-U+1EFF.
  std::array<LetterInfo, 0x200> low{};
  std::array<LetterInfo, 0x60> ext{};
  char32_t vowel[kVowelRows][6][2] = {};  // [row][tone][upper]

  const LetterInfo* Find(char32_t cp) const {
    if (cp < 0x200) return &low[cp];
    if (cp >= 0x1EA0 && cp < 0x1F00) return &ext[cp - 0x1EA0];
    return nullptr;
  }
  LetterInfo* Slot(char32_t cp) { return const_cast<LetterInfo*>(Find(cp)); }

  LetterTables() {
    for (char32_t c = 'a'; c <= 'z'; ++c) {
      low[c] = {true, false, c, -1, Tone::kNone};
      low[c - 'a' + 'A'] = {true, true, c, -1, Tone::kNone};
    }
    low[0x0111] = {true, false, 0x0111, -1, Tone::kNone};  // đ
    low[0x0110] = {true, true, 0x0111, -1, Tone::kNone};   // Đ
    for (int upper = 0; upper < 2; ++upper) {
      for (int row = 0; row < kVowelRows; ++row) {
        const std::u32string cps = ToUtf32(upper ? kVowelsUpper[row] : kVowelsLower[row]);
        const std::u32string lower = ToUtf32(kVowelsLower[row]);
        for (int tone = 0; tone < 6; ++tone) {
          vowel[row][tone][upper] = cps[tone];
          *Slot(cps[tone]) = {true, upper != 0, lower[0], row, static_cast<Tone>(tone)};
        }
      }
    }
  }
};

const LetterTables& Tables() {
  static const LetterTables tables;
  return tables;
}

int ToneOfMark(char32_t mark) {
  switch (mark) {
    case kGrave:
      return static_cast<int>(Tone::kGrave);
    case kAcute:
      return static_cast<int>(Tone::kAcute);
    case kHook:
      return static_cast<int>(Tone::kHook);
    case kTilde:
      return static_cast<int>(Tone::kTilde);
    case kDot:
      return static_cast<int>(Tone::kDot);
    default:
      return -1;
  }
}

}  // namespace

char32_t Tcvn3ToUnicode(unsigned char b) { return b < 0x80 ? b : kTcvn3High[b - 0x80]; }

char32_t Windows1252ToUnicode(unsigned char b) {
  if (b >= 0x80 && b < 0xA0) return kWindows1252C1[b - 0x80];
  return b;
}

char32_t Windows1258ToUnicode(unsigned char b) {
  switch (b) {
    // Windows-1252 letters that Windows-1258 leaves unassigned.
    case 0x8A:
    case 0x8E:
    case 0x9A:
    case 0x9E:
      return kUndefined;
    case 0xC3:
      return 0x0102;  // Ă
    case 0xCC:
      return kGrave;
    case 0xD0:
      return 0x0110;  // Đ
    case 0xD2:
      return kHook;
    case 0xD5:
      return 0x01A0;  // Ơ
    case 0xDD:
      return 0x01AF;  // Ư
    case 0xDE:
      return kTilde;
    case 0xE3:
      return 0x0103;  // ă
    case 0xEC:
      return kAcute;
    case 0xF0:
      return 0x0111;  // đ
    case 0xF2:
      return kDot;
    case 0xF5:
      return 0x01A1;  // ơ
    case 0xFD:
      return 0x01B0;  // ư
    case 0xFE:
      return 0x20AB;  // ₫
    default:
      return Windows1252ToUnicode(b);
  }
}

VniChars VniToUnicode(unsigned char b) {
  // Modifier bytes come in upper/lower-case pairs that differ by 0x20 (the
  // glyphs are sized for capitals or small letters); both mean the same mark.
  const unsigned char lower = (b >= 0xC0 && b < 0xE0) ? b + 0x20 : b;
  const bool upper = lower != b;
  switch (lower) {
    case 0xF9:
      return {kAcute, 0};
    case 0xF8:
      return {kGrave, 0};
    case 0xFB:
      return {kHook, 0};
    case 0xF5:
      return {kTilde, 0};
    case 0xEF:
      return {kDot, 0};
    case 0xE2:
      return {kCircumflex, 0};
    case 0xE1:
      return {kCircumflex, kAcute};
    case 0xE0:
      return {kCircumflex, kGrave};
    case 0xE5:
      return {kCircumflex, kHook};
    case 0xE3:
      return {kCircumflex, kTilde};
    case 0xE4:
      return {kCircumflex, kDot};
    case 0xEA:
      return {kBreve, 0};
    case 0xE9:
      return {kBreve, kAcute};
    case 0xE8:
      return {kBreve, kGrave};
    case 0xFA:
      return {kBreve, kHook};
    case 0xFC:
      return {kBreve, kTilde};
    case 0xEB:
      return {kBreve, kDot};
    case 0xF4:
      return {upper ? char32_t{0x01A0} : char32_t{0x01A1}, 0};  // Ơ ơ
    case 0xF6:
      return {upper ? char32_t{0x01AF} : char32_t{0x01B0}, 0};  // Ư ư
    case 0xF1:
      return {upper ? char32_t{0x0110} : char32_t{0x0111}, 0};  // Đ đ
    case 0xED:
      return {Tables().vowel[kI][static_cast<int>(Tone::kAcute)][upper], 0};
    case 0xEC:
      return {Tables().vowel[kI][static_cast<int>(Tone::kGrave)][upper], 0};
    case 0xE6:
      return {Tables().vowel[kI][static_cast<int>(Tone::kHook)][upper], 0};
    case 0xF3:
      return {Tables().vowel[kI][static_cast<int>(Tone::kTilde)][upper], 0};
    case 0xF2:
      return {Tables().vowel[kI][static_cast<int>(Tone::kDot)][upper], 0};
    case 0xEE:
      return {Tables().vowel[kY][static_cast<int>(Tone::kDot)][upper], 0};
    default:
      return {Windows1252ToUnicode(b), 0};
  }
}

LetterInfo LookupLetter(char32_t cp) {
  const LetterInfo* slot = Tables().Find(cp);
  return slot ? *slot : LetterInfo{};
}

bool IsVietnameseMark(char32_t cp) {
  return ToneOfMark(cp) >= 0 || cp == kCircumflex || cp == kBreve || cp == kHorn;
}

char32_t ComposeVietnamese(char32_t base, char32_t mark) {
  const LetterInfo info = LookupLetter(base);
  if (info.vowel_row < 0) return 0;
  const auto& t = Tables();
  const int tone = static_cast<int>(info.tone);
  const int upper = info.upper ? 1 : 0;
  const int new_tone = ToneOfMark(mark);
  if (new_tone >= 0) {
    return info.tone == Tone::kNone ? t.vowel[info.vowel_row][new_tone][upper] : 0;
  }
  if (info.tone != Tone::kNone && info.tone != Tone::kDot) return 0;
  int row = -1;
  switch (info.vowel_row) {
    case kA:
      row = mark == kCircumflex ? kACirc : mark == kBreve ? kABreve : -1;
      break;
    case kE:
      row = mark == kCircumflex ? kECirc : -1;
      break;
    case kO:
      row = mark == kCircumflex ? kOCirc : mark == kHorn ? kOHorn : -1;
      break;
    case kU:
      row = mark == kHorn ? kUHorn : -1;
      break;
    default:
      break;
  }
  return row < 0 ? 0 : t.vowel[row][tone][upper];
}

}  // namespace dondoc::text::legacy
