// Tests of text/decode: UTF-8 validation, BOMs, UTF-16, the legacy
// Vietnamese encodings (cross-checked against glibc iconv), detection,
// binary refusal, and the origin map back to input bytes.
#include "text/decode.h"

#include <gtest/gtest.h>
#include <iconv.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "text/legacy_tables.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace dondoc::text {
namespace {

// Fixtures written for these tests (not taken from the corpus).
constexpr std::string_view kSentence =
    "QUYẾT ĐỊNH\n"
    "Ủy ban nhân dân tỉnh giao Sở Tài chính chủ trì, phối hợp với các huyện đẩy nhanh tiến "
    "độ giải ngân vốn đầu tư công; báo cáo kết quả trước ngày 20 hằng tháng.\n"
    "Những khó khăn, vướng mắc cần được tháo gỡ kịp thời; thủy lợi, kỹ thuật, ưu tiên ổn "
    "định.\n";

// The same text in VNI-Windows, written by hand from the VNI chart. Each
// character here is one Latin-1 character, i.e. one VNI byte (see Latin1).
constexpr std::string_view kSentenceVniLatin1 =
    "QUYEÁT ÑÒNH\n"
    "UÛy ban nhaân daân tænh giao Sôû Taøi chính chuû trì, phoái hôïp vôùi caùc huyeän ñaåy "
    "nhanh tieán ñoä giaûi ngaân voán ñaàu tö coâng; baùo caùo keát quaû tröôùc ngaøy 20 "
    "haèng thaùng.\n"
    "Nhöõng khoù khaên, vöôùng maéc caàn ñöôïc thaùo gôõ kòp thôøi; thuûy lôïi, kyõ thuaät, "
    "öu tieân oån ñònh.\n";

// Bytes of a string of Latin-1 characters given as UTF-8.
std::string Latin1(std::string_view utf8) {
  std::string out;
  for (char32_t cp : ToUtf32(utf8)) {
    EXPECT_LT(cp, 0x100u);
    out.push_back(static_cast<char>(cp));
  }
  return out;
}

Decoded MustDecode(std::string_view bytes, Encoding e = Encoding::kAuto) {
  Result<Decoded> r = Decode(bytes, e);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? std::move(r).value() : Decoded{};
}

std::string Nfc(std::string_view utf8) { return ToNfc(MappedText::Identity(utf8)).text(); }

// glibc iconv, whole buffer, with the final flush (glibc's Vietnamese
// converters hold back a letter until they see whether a tone mark follows).
std::optional<std::string> Iconv(const char* to, const char* from, std::string_view in) {
  iconv_t cd = iconv_open(to, from);
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    ADD_FAILURE() << "iconv_open " << from << " -> " << to;
    return std::nullopt;
  }
  std::string out(in.size() * 8 + 16, '\0');
  char* inp = const_cast<char*>(in.data());
  size_t in_left = in.size();
  char* outp = out.data();
  size_t out_left = out.size();
  const size_t r = iconv(cd, &inp, &in_left, &outp, &out_left);
  const bool ok = r != static_cast<size_t>(-1) &&
                  iconv(cd, nullptr, nullptr, &outp, &out_left) != static_cast<size_t>(-1);
  iconv_close(cd);
  if (!ok) return std::nullopt;
  out.resize(out.size() - out_left);
  return out;
}

// UTF-16 of a UTF-8 string, written here independently of the decoder.
std::string Utf16(std::string_view utf8, bool le) {
  std::string out;
  auto unit = [&](char32_t u) {
    const char hi = static_cast<char>(u >> 8);
    const char lo = static_cast<char>(u & 0xFF);
    out.push_back(le ? lo : hi);
    out.push_back(le ? hi : lo);
  };
  for (char32_t cp : ToUtf32(utf8)) {
    if (cp >= 0x10000) {
      unit(0xD800 + ((cp - 0x10000) >> 10));
      unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      unit(cp);
    }
  }
  return out;
}

// --- Names -----------------------------------------------------------------

// NextCodePoint's inline two- and three-byte paths agree with the general
// decoder, also on truncated and malformed sequences.
TEST(Utf8Test, NextCodePointInlineAgreesWithGeneralDecoder) {
  const std::string cases[] = {
      "a",    "\xC3\xA0", "\xC4\x91", "\xE1\xBB\x87", "\xE2\x80\x93", "\xF0\x9F\x98\x80",
      "\xC3", "\xE1\xBB", "\xC3\x41", "\xE1\x41\x80", "\xE1\xBB\x41", "\x80",
      "\xFF"};
  for (const std::string& c : cases) {
    size_t a = 0;
    size_t b = 0;
    const char32_t inline_cp = NextCodePoint(c, a);
    const char32_t general = NextCodePointMultiByte(c, b);
    if (static_cast<unsigned char>(c[0]) < 0x80) {
      EXPECT_EQ(inline_cp, U'a');
      continue;
    }
    EXPECT_EQ(inline_cp, general) << c.size();
    EXPECT_EQ(a, b) << c.size();
  }
  size_t i = 0;
  EXPECT_EQ(NextCodePoint("\xE1\xBB\x87", i), U'\u1EC7');  // ệ
  EXPECT_EQ(i, 3u);
  i = 0;
  EXPECT_EQ(NextCodePoint("\xC3\x41", i), U'\uFFFD');  // a lead byte without its continuation
  EXPECT_EQ(i, 1u);
}

TEST(DecodeTest, EncodingNamesRoundTrip) {
  for (Encoding e : {Encoding::kAuto, Encoding::kUtf8, Encoding::kUtf16Le, Encoding::kUtf16Be,
                     Encoding::kTcvn3, Encoding::kVni, Encoding::kWindows1258}) {
    EXPECT_EQ(ParseEncodingName(EncodingName(e)), e) << EncodingName(e);
  }
  EXPECT_EQ(EncodingName(Encoding::kUtf8), "utf-8");
  EXPECT_EQ(EncodingName(Encoding::kWindows1258), "windows-1258");
  EXPECT_EQ(ParseEncodingName("UTF8"), Encoding::kUtf8);
  EXPECT_EQ(ParseEncodingName("CP1258"), Encoding::kWindows1258);
  EXPECT_EQ(ParseEncodingName("Abc"), Encoding::kTcvn3);
  EXPECT_EQ(ParseEncodingName("VN3"), Encoding::kTcvn3);
  EXPECT_EQ(ParseEncodingName("VNI-Windows"), Encoding::kVni);
  EXPECT_EQ(ParseEncodingName("latin-1"), std::nullopt);
  EXPECT_EQ(ParseEncodingName(""), std::nullopt);
}

// --- Empty and binary ------------------------------------------------------

TEST(DecodeTest, EmptyInputIsEmptyText) {
  const Decoded d = MustDecode("");
  EXPECT_TRUE(d.text.empty());
  EXPECT_TRUE(d.issues.empty());
  EXPECT_EQ(d.encoding, Encoding::kUtf8);
  EXPECT_FALSE(d.had_bom);
}

TEST(DecodeTest, RefusesNulBytesWithTheirOffset) {
  const std::string bytes = std::string("Báo cáo") + '\0' + "tháng";
  const Result<Decoded> r = Decode(bytes);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(r.status().message(), "binary data, not text (NUL byte at offset 9)");
  // An explicit 8-bit encoding does not make NUL bytes text.
  EXPECT_FALSE(Decode(bytes, Encoding::kTcvn3).ok());
  EXPECT_FALSE(Decode(bytes, Encoding::kUtf8).ok());
}

TEST(DecodeTest, RefusesMostlyControlBytes) {
  std::string bytes = "PK";
  for (int i = 0; i < 40; ++i) bytes += "\x03\x04\x14\x06\x08xyz";
  const Result<Decoded> r = Decode(bytes);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "binary data, not text (control byte 0x03 at offset 2)");
}

TEST(DecodeTest, AcceptsAFewControlBytesAndFormFeeds) {
  std::string bytes = "Trang 1\f\nTrang 2\tcột\r\n";
  bytes += "\x0B";  // Word's manual line break, once
  bytes += "Kế hoạch năm 2024 gồm nhiều nội dung quan trọng.\n";
  const Decoded d = MustDecode(bytes);
  EXPECT_EQ(d.text.text(), bytes);
  EXPECT_TRUE(d.issues.empty());
}

TEST(DecodeTest, RefusesBinaryWithNulsOutsideAUtf16Pattern) {
  std::string bytes;
  for (int i = 0; i < 64; ++i) bytes += std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  const Result<Decoded> r = Decode(bytes);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "binary data, not text (NUL byte at offset 8)");
}

// --- UTF-8 -----------------------------------------------------------------

TEST(DecodeTest, PureAsciiIsUtf8WithIdentityOrigins) {
  const std::string bytes = "Plan 2024/KH-UBND\n";
  const Decoded d = MustDecode(bytes);
  EXPECT_EQ(d.encoding, Encoding::kUtf8);
  EXPECT_EQ(d.width, SourceWidth::kUtf8);
  EXPECT_EQ(d.text.text(), bytes);
  for (size_t i = 0; i < bytes.size(); ++i) EXPECT_EQ(d.text.OriginAt(i), i);
}

TEST(DecodeTest, ValidUtf8OriginsPointAtLeadBytes) {
  const Decoded d = MustDecode(kSentence);
  EXPECT_EQ(d.encoding, Encoding::kUtf8);
  EXPECT_TRUE(d.issues.empty());
  EXPECT_EQ(d.text.text(), kSentence);
  EXPECT_EQ(d.text.origins(), MappedText::Identity(kSentence).origins());
  // "QUYẾT": Ế is 3 bytes at offset 3.
  EXPECT_EQ(d.text.OriginAt(3), 3u);
  EXPECT_EQ(d.text.OriginAt(5), 3u);
  EXPECT_EQ(d.text.OriginAt(6), 6u);
}

TEST(DecodeTest, LiteralReplacementCharacterIsValid) {
  const std::string bytes = "th\xEF\xBF\xBDng tin";  // a damaged PDF's own U+FFFD
  const Decoded d = MustDecode(bytes);
  EXPECT_EQ(d.encoding, Encoding::kUtf8);
  EXPECT_TRUE(d.issues.empty());
  EXPECT_EQ(d.text.text(), bytes);
}

TEST(DecodeTest, Utf8BomIsStrippedAndOriginsStayInInput) {
  const Decoded d = MustDecode("\xEF\xBB\xBFsố 5");
  EXPECT_TRUE(d.had_bom);
  EXPECT_EQ(d.encoding, Encoding::kUtf8);
  EXPECT_EQ(d.text.text(), "số 5");
  EXPECT_EQ(d.text.OriginAt(0), 3u);
  EXPECT_EQ(d.text.OriginAt(1), 4u);  // ố
  EXPECT_EQ(d.text.OriginAt(3), 4u);
  EXPECT_EQ(d.text.OriginAt(4), 7u);
  EXPECT_EQ(d.text.OriginAt(5), 8u);
}

struct InvalidCase {
  std::string bytes;
  std::string expected_text;
  std::vector<uint32_t> offsets;
  std::string message_part;  // in the first issue's message
};

TEST(DecodeTest, InvalidUtf8IsReplacedAndReportedAtItsOffset) {
  const std::string r = "\xEF\xBF\xBD";  // U+FFFD
  const std::vector<InvalidCase> cases = {
      {"a\x80z", "a" + r + "z", {1}, "continuation byte 0x80 without a lead byte"},
      {"ab\xFFz", "ab" + r + "z", {2}, "invalid UTF-8 byte 0xFF"},
      {"ab\xC3(z", "ab" + r + "(z", {2}, "byte 0xC3 not followed by a continuation byte"},
      {"x\xE1\xBA"
       "y",
       "x" + r + "y",
       {1},
       "byte 0xE1 followed by only 1 of 2 continuation"},
      {"x\xE1\xBA", "x" + r, {1}, "truncated UTF-8 sequence at end of input (bytes 0xE1 0xBA)"},
      {"x\xC0\xAFy", "x" + r + "y", {1}, "overlong UTF-8 encoding of U+002F (bytes 0xC0 0xAF)"},
      {"x\xE0\x80\xAFy", "x" + r + "y", {1}, "overlong UTF-8 encoding of U+002F"},
      {"x\xF0\x80\x80\xAFy", "x" + r + "y", {1}, "overlong UTF-8 encoding of U+002F"},
      {"x\xED\xA0\x80y",
       "x" + r + "y",
       {1},
       "UTF-8 encoded surrogate U+D800 (bytes 0xED 0xA0 0x80)"},
      {"x\xF4\x90\x80\x80y", "x" + r + "y", {1}, "above U+10FFFF (bytes 0xF4 0x90 0x80 0x80)"},
      {"x\xF5\x80\x80\x80y", "x" + r + "y", {1}, "above U+10FFFF"},
      {"\x80\x80", r + r, {0, 1}, "continuation byte 0x80"},
      {"\xC3\xA1\xC3", "\xC3\xA1" + r, {2}, "truncated UTF-8 sequence at end of input (byte 0xC3)"},
  };
  for (const InvalidCase& c : cases) {
    SCOPED_TRACE(testing::PrintToString(c.bytes));
    const Decoded d = MustDecode(c.bytes, Encoding::kUtf8);
    EXPECT_EQ(d.text.text(), c.expected_text);
    ASSERT_EQ(d.issues.size(), c.offsets.size());
    for (size_t k = 0; k < c.offsets.size(); ++k) EXPECT_EQ(d.issues[k].offset, c.offsets[k]);
    EXPECT_NE(d.issues[0].message.find(c.message_part), std::string::npos) << d.issues[0].message;
    // The U+FFFD stands for the invalid sequence: its origin is the offset.
    const size_t at = c.expected_text.find(r);
    EXPECT_EQ(d.text.OriginAt(at), c.offsets[0]);
  }
}

TEST(DecodeTest, OriginsAfterAnInvalidSequenceStayOnTheirBytes) {
  const std::string bytes = "đ\xE1\xBAxệ";  // đ(0-1) bad(2-3) x(4) ệ(5-7)
  const Decoded d = MustDecode(bytes, Encoding::kUtf8);
  ASSERT_EQ(d.text.text(), "đ\xEF\xBF\xBDxệ");
  EXPECT_EQ(d.text.origins(), (std::vector<uint32_t>{0, 0, 2, 2, 2, 4, 5, 5, 5}));
}

TEST(DecodeTest, MostlyValidUtf8IsDetectedAsUtf8WithIssues) {
  std::string bytes(kSentence);
  bytes.insert(20, "\xC3");
  const Decoded d = MustDecode(bytes);
  EXPECT_EQ(d.encoding, Encoding::kUtf8);
  ASSERT_EQ(d.issues.size(), 1u);
  EXPECT_EQ(d.issues[0].offset, 20u);
}

// --- UTF-16 ----------------------------------------------------------------

TEST(DecodeTest, Utf16LeWithBom) {
  const std::string bytes = "\xFF\xFE" + Utf16("Việt", true);
  const Decoded d = MustDecode(bytes);
  EXPECT_EQ(d.encoding, Encoding::kUtf16Le);
  EXPECT_EQ(d.width, SourceWidth::kUtf16);
  EXPECT_TRUE(d.had_bom);
  EXPECT_EQ(d.text.text(), "Việt");
  EXPECT_EQ(d.text.origins(), (std::vector<uint32_t>{2, 4, 6, 6, 6, 8}));
}

TEST(DecodeTest, Utf16BeWithBom) {
  const std::string bytes = "\xFE\xFF" + Utf16("Việt", false);
  const Decoded d = MustDecode(bytes);
  EXPECT_EQ(d.encoding, Encoding::kUtf16Be);
  EXPECT_TRUE(d.had_bom);
  EXPECT_EQ(d.text.text(), "Việt");
  EXPECT_EQ(d.text.origins(), (std::vector<uint32_t>{2, 4, 6, 6, 6, 8}));
}

TEST(DecodeTest, Utf16WithoutBomIsDetectedFromNulBytes) {
  for (bool le : {true, false}) {
    const Decoded d = MustDecode(Utf16(kSentence, le));
    EXPECT_EQ(d.encoding, le ? Encoding::kUtf16Le : Encoding::kUtf16Be);
    EXPECT_FALSE(d.had_bom);
    EXPECT_TRUE(d.issues.empty());
    EXPECT_EQ(d.text.text(), kSentence);
    EXPECT_EQ(d.text.OriginAt(0), 0u);
    EXPECT_EQ(d.text.OriginAt(3), 6u);  // Ế is the 4th code unit
    SourceMap map(Utf16(kSentence, le), d.width);
    EXPECT_EQ(map.LineOf(d.text.OriginAt(d.text.text().find("Ủy"))), 2u);
  }
}

TEST(DecodeTest, Utf16SurrogatePairsAndUnpairedSurrogates) {
  // a 😀 b: the pair's origin is its high surrogate.
  const Decoded ok = MustDecode(Utf16("a😀b", true), Encoding::kUtf16Le);
  EXPECT_EQ(ok.text.text(), "a😀b");
  EXPECT_EQ(ok.text.origins(), (std::vector<uint32_t>{0, 2, 2, 2, 2, 6}));
  EXPECT_TRUE(ok.issues.empty());

  // High surrogate followed by 'x', then a lone low surrogate, then an odd byte.
  const std::string bytes = std::string("a\0\x3D\xD8x\0\x00\xDC", 8) + "z";
  const Decoded bad = MustDecode(bytes, Encoding::kUtf16Le);
  EXPECT_EQ(bad.text.text(), "a\xEF\xBF\xBDx\xEF\xBF\xBD\xEF\xBF\xBD");
  ASSERT_EQ(bad.issues.size(), 3u);
  EXPECT_EQ(bad.issues[0].offset, 2u);
  EXPECT_EQ(bad.issues[0].message, "unpaired high surrogate U+D83D in UTF-16");
  EXPECT_EQ(bad.issues[1].offset, 6u);
  EXPECT_EQ(bad.issues[1].message, "unpaired low surrogate U+DC00 in UTF-16");
  EXPECT_EQ(bad.issues[2].offset, 8u);
  EXPECT_NE(bad.issues[2].message.find("odd byte 0x7A"), std::string::npos);
}

TEST(DecodeTest, Utf16NulCharacterIsBinary) {
  const std::string bytes = Utf16("abc", true) + std::string("\0\0", 2) + Utf16("def", true);
  const Result<Decoded> r = Decode(bytes, Encoding::kUtf16Le);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "binary data, not text (NUL character at offset 6)");
}

// --- Legacy encodings ------------------------------------------------------

TEST(DecodeTest, Tcvn3HandWrittenBytesAndOrigins) {
  // "Việt Nam người": ệ = 0xD6, ư = 0xAD, ờ = 0xEA.
  const Decoded d = MustDecode("Vi\xD6t Nam ng\xAD\xEAi", Encoding::kTcvn3);
  EXPECT_EQ(d.text.text(), "Việt Nam người");
  EXPECT_EQ(d.width, SourceWidth::kSingleByte);
  EXPECT_EQ(d.text.OriginAt(2), 2u);  // ệ
  EXPECT_EQ(d.text.OriginAt(5), 3u);  // t
  // ư and ờ each come from one byte.
  const size_t u = d.text.text().find("ư");
  EXPECT_EQ(d.text.OriginAt(u), 11u);
  EXPECT_EQ(d.text.OriginAt(u + 2), 12u);
  // A separate tone mark byte composes with its letter, keeping its origin.
  const Decoded marks = MustDecode("qua\xB3 ha\xB4n", Encoding::kTcvn3);
  EXPECT_EQ(marks.text.text(), "quá hạn");
  EXPECT_EQ(marks.text.origins(), (std::vector<uint32_t>{0, 1, 2, 2, 4, 5, 6, 6, 6, 8}));
}

TEST(DecodeTest, Tcvn3RoundTripAndDetection) {
  const std::optional<std::string> bytes = Iconv("TCVN5712-1", "UTF-8", kSentence);
  ASSERT_TRUE(bytes.has_value());
  const Decoded d = MustDecode(*bytes);
  EXPECT_EQ(d.encoding, Encoding::kTcvn3);
  EXPECT_EQ(d.width, SourceWidth::kSingleByte);
  EXPECT_TRUE(d.issues.empty());
  EXPECT_EQ(d.text.text(), kSentence);
}

TEST(DecodeTest, VniComposesLettersAndMapsToTheBaseByte) {
  // "Việt": V i e ä(ê + dot) t; "Trường": T r ö ô ø(grave) n g.
  const std::string bytes = Latin1("Vieät Tröôøng");
  const Decoded d = MustDecode(bytes, Encoding::kVni);
  EXPECT_EQ(d.text.text(), "Việt Trường");
  // ệ (3 output bytes) comes from 'e' + 'ä': origin of 'e'.
  EXPECT_EQ(d.text.OriginAt(2), 2u);
  EXPECT_EQ(d.text.OriginAt(4), 2u);
  EXPECT_EQ(d.text.OriginAt(5), 4u);  // t
  const size_t o = d.text.text().find("ờ");
  EXPECT_EQ(d.text.OriginAt(o), 9u);  // ờ from ô(ơ) + ø
  EXPECT_EQ(d.text.OriginAt(o + 3), 11u);
}

TEST(DecodeTest, VniRoundTripAndDetection) {
  const std::string bytes = Latin1(kSentenceVniLatin1);
  EXPECT_EQ(MustDecode(bytes, Encoding::kVni).text.text(), kSentence);
  const Decoded d = MustDecode(bytes);
  EXPECT_EQ(d.encoding, Encoding::kVni);
  EXPECT_TRUE(d.issues.empty());
  EXPECT_EQ(d.text.text(), kSentence);
}

TEST(DecodeTest, Windows1258ComposesToneMarks) {
  // "Việt" = V i ê(0xEA) dot(0xF2) t; "ủy" = u hook(0xD2) y.
  const Decoded d = MustDecode("Vi\xEA\xF2t ng\xFD\xF5\xCCi u\xD2y", Encoding::kWindows1258);
  EXPECT_EQ(d.text.text(), "Việt người ủy");
  EXPECT_EQ(d.text.OriginAt(2), 2u);
  EXPECT_EQ(d.text.OriginAt(5), 4u);
  const size_t o = d.text.text().find("ờ");
  EXPECT_EQ(d.text.OriginAt(o), 9u);
  EXPECT_EQ(d.text.OriginAt(o + 3), 11u);  // i after the mark byte
  // An unassigned byte is replaced and reported.
  const Decoded bad = MustDecode(
      "ab\x8A"
      "c",
      Encoding::kWindows1258);
  EXPECT_EQ(bad.text.text(),
            "ab\xEF\xBF\xBD"
            "c");
  ASSERT_EQ(bad.issues.size(), 1u);
  EXPECT_EQ(bad.issues[0].offset, 2u);
  EXPECT_EQ(bad.issues[0].message, "byte 0x8A is not assigned in Windows-1258");
}

TEST(DecodeTest, Windows1258RoundTripAndDetection) {
  // glibc writes letters that CP1258 lacks as base letter + tone mark.
  const std::optional<std::string> bytes = Iconv("CP1258", "UTF-8", kSentence);
  ASSERT_TRUE(bytes.has_value());
  const Decoded d = MustDecode(*bytes);
  EXPECT_EQ(d.encoding, Encoding::kWindows1258);
  EXPECT_TRUE(d.issues.empty());
  EXPECT_EQ(d.text.text(), kSentence);
}

TEST(DecodeTest, ExplicitEncodingOverridesDetection) {
  const std::string tcvn = *Iconv("TCVN5712-1", "UTF-8", kSentence);
  const Decoded as_1258 = MustDecode(tcvn, Encoding::kWindows1258);
  EXPECT_EQ(as_1258.encoding, Encoding::kWindows1258);
  EXPECT_NE(as_1258.text.text(), kSentence);
  const Decoded utf8_as_vni = MustDecode(kSentence, Encoding::kVni);
  EXPECT_EQ(utf8_as_vni.encoding, Encoding::kVni);
  EXPECT_NE(utf8_as_vni.text.text(), kSentence);
  // A BOM does not override an explicit legacy encoding.
  const Decoded bom = MustDecode(
      "\xEF\xBB\xBF"
      "a",
      Encoding::kWindows1258);
  EXPECT_FALSE(bom.had_bom);
  EXPECT_EQ(bom.text.text(), "ï»¿a");
  // Explicit UTF-16 without a BOM.
  EXPECT_EQ(MustDecode(Utf16("ổn", false), Encoding::kUtf16Be).text.text(), "ổn");
}

TEST(DecodeTest, RefusesALoneControlByteButNotOneInAShortHeading) {
  EXPECT_FALSE(Decode("\x01").ok());
  EXPECT_FALSE(Decode("\x01\x02 ab").ok());
  // VN1 (glibc TCVN5712-1) writes Ý as 0x16: one such byte is not binary.
  const Decoded d = MustDecode("\xA7\xDBNG \x16", Encoding::kTcvn3);
  EXPECT_EQ(d.text.text(), "ĐỒNG \x16");
}

// --- Cross-checks against glibc iconv ---------------------------------------

// Each byte after a run of spaces (a lone byte would be refused as binary if
// it is a control byte; the spaces cannot join with a tone mark).
std::string Padded(unsigned char b) { return std::string(40, ' ') + static_cast<char>(b); }

TEST(DecodeTest, Tcvn3AgreesWithGlibcForEveryByte) {
  // glibc's TCVN5712-1 is the full VN1 repertoire, which also puts twelve
  // capital letters (Ú Ụ Ừ Ử Ữ Ứ Ự Ỳ Ỷ Ỹ Ý Ỵ) on C0 control bytes. TCVN3 as
  // used in documents (VN3, the ABC fonts) leaves the C0 bytes as controls,
  // so we deliberately keep them as controls: a tab-like control byte must
  // not turn into a letter in the middle of text.
  const std::string vn1_only = "\x01\x02\x04\x05\x06\x11\x12\x13\x14\x15\x16\x17";
  // NUL is refused as binary by Decode; check the table for it.
  EXPECT_EQ(legacy::Tcvn3ToUnicode(0), 0u);
  for (int b = 1; b < 256; ++b) {
    SCOPED_TRACE(b);
    const std::string in = Padded(static_cast<unsigned char>(b));
    const std::optional<std::string> theirs = Iconv("UTF-8", "TCVN5712-1", in);
    ASSERT_TRUE(theirs.has_value());
    const Decoded ours = MustDecode(in, Encoding::kTcvn3);
    if (vn1_only.find(static_cast<char>(b)) != std::string::npos) {
      EXPECT_EQ(ours.text.text(), in);  // still the control byte
      EXPECT_NE(*theirs, in);           // a letter in glibc
    } else {
      EXPECT_EQ(ours.text.text(), *theirs);
    }
  }
}

TEST(DecodeTest, Tcvn3AgreesWithGlibcOnText) {
  const std::vector<std::string> samples = {
      *Iconv("TCVN5712-1", "UTF-8", kSentence),
      "qua\xB3 ha\xB4n tr\xAD\xACng  vie\xB2n o\xB0 u\xB1",  // base letters + tone marks
      "\xA7\xAE\xA8\xA9\xAA\xAB\xAC\xAD \xB5\xB6\xB7\xB8\xB9 \xEA\xEB\xEC\xED\xEE",
      "a\xB3\xB3 \xA9\xB0 \xAC\xB4 e\xB2",  // two marks; marks on â and ơ
  };
  for (const std::string& s : samples) {
    SCOPED_TRACE(testing::PrintToString(s));
    const std::optional<std::string> theirs = Iconv("UTF-8", "TCVN5712-1", s);
    ASSERT_TRUE(theirs.has_value());
    EXPECT_EQ(MustDecode(s, Encoding::kTcvn3).text.text(), Nfc(*theirs));
  }
}

TEST(DecodeTest, Windows1258AgreesWithGlibcForEveryByte) {
  EXPECT_EQ(legacy::Windows1258ToUnicode(0), 0u);
  for (int b = 1; b < 256; ++b) {
    SCOPED_TRACE(b);
    const std::string in = Padded(static_cast<unsigned char>(b));
    const std::optional<std::string> theirs = Iconv("UTF-8", "CP1258", in);
    const Decoded ours = MustDecode(in, Encoding::kWindows1258);
    if (!theirs.has_value()) {
      // Unassigned in CP1258: glibc refuses, we replace and report.
      EXPECT_EQ(ours.text.text(), std::string(40, ' ') + "\xEF\xBF\xBD");
      EXPECT_EQ(ours.issues.size(), 1u);
    } else {
      EXPECT_EQ(ours.text.text(), Nfc(*theirs));
      EXPECT_TRUE(ours.issues.empty());
    }
  }
}

TEST(DecodeTest, Windows1258AgreesWithGlibcOnText) {
  const std::vector<std::string> samples = {
      *Iconv("CP1258", "UTF-8", kSentence),
      "Vi\xEA\xF2t \xFD\xF5\xCCi u\xD2y",
      "a\xEC\xEC o\xCC\xF2 \xC3\xDE \xF5\xF2 n\xEC",  // double marks, Ă + tilde, n + acute
      "\x80 \x93x\x94 \xFE \xC0\xC1\xE0\xE1",
  };
  for (const std::string& s : samples) {
    SCOPED_TRACE(testing::PrintToString(s));
    const std::optional<std::string> theirs = Iconv("UTF-8", "CP1258", s);
    ASSERT_TRUE(theirs.has_value());
    EXPECT_EQ(MustDecode(s, Encoding::kWindows1258).text.text(), Nfc(*theirs));
  }
}

// --- Detection on real documents --------------------------------------------

std::vector<std::string> CorpusTexts() {
  std::vector<std::string> texts;
  const std::filesystem::path dir = std::filesystem::path(DONDOC_SHARED_DIR) / "corpus/kontum";
  if (!std::filesystem::exists(dir)) return texts;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    texts.push_back(ss.str());
  }
  return texts;
}

// The VNI byte sequence of each Vietnamese vowel, by row (a ă â e ê i o ô ơ
// u ư y) and tone (none, grave, acute, hook, tilde, dot), as Latin-1
// characters: our own reverse chart for the tests.
constexpr std::string_view kVniVowels[12][6] = {
    {"a", "aø", "aù", "aû", "aõ", "aï"},  {"aê", "aè", "aé", "aú", "aü", "aë"},
    {"aâ", "aà", "aá", "aå", "aã", "aä"}, {"e", "eø", "eù", "eû", "eõ", "eï"},
    {"eâ", "eà", "eá", "eå", "eã", "eä"}, {"i", "ì", "í", "æ", "ó", "ò"},
    {"o", "oø", "où", "oû", "oõ", "oï"},  {"oâ", "oà", "oá", "oå", "oã", "oä"},
    {"ô", "ôø", "ôù", "ôû", "ôõ", "ôï"},  {"u", "uø", "uù", "uû", "uõ", "uï"},
    {"ö", "öø", "öù", "öû", "öõ", "öï"},  {"y", "yø", "yù", "yû", "yõ", "î"},
};
constexpr std::string_view kVowels[12] = {"aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ",
                                          "êềếểễệ", "iìíỉĩị", "oòóỏõọ", "ôồốổỗộ",
                                          "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ"};
constexpr std::string_view kVowelsUpper[12] = {"AÀÁẢÃẠ", "ĂẰẮẲẴẶ", "ÂẦẤẨẪẬ", "EÈÉẺẼẸ",
                                               "ÊỀẾỂỄỆ", "IÌÍỈĨỊ", "OÒÓỎÕỌ", "ÔỒỐỔỖỘ",
                                               "ƠỜỚỞỠỢ", "UÙÚỦŨỤ", "ƯỪỨỬỮỰ", "YỲÝỶỸỴ"};

// Encodes one code point in VNI; nullopt if VNI cannot write it.
std::optional<std::string> VniOf(char32_t cp) {
  if (cp < 0x80) return std::string(1, static_cast<char>(cp));
  if (cp == U'đ') return std::string("\xF1");
  if (cp == U'Đ') return std::string("\xD1");
  for (int row = 0; row < 12; ++row) {
    const std::u32string lower = ToUtf32(kVowels[row]);
    const std::u32string upper = ToUtf32(kVowelsUpper[row]);
    for (int tone = 0; tone < 6; ++tone) {
      if (cp != lower[tone] && cp != upper[tone]) continue;
      std::string bytes = Latin1(kVniVowels[row][tone]);
      if (cp == upper[tone]) {
        // Capitals: upper-case base letter and the capital-sized modifiers.
        for (char& c : bytes) {
          const auto b = static_cast<unsigned char>(c);
          if (b >= 'a' && b <= 'z') c = static_cast<char>(b - 0x20);
          if (b >= 0xE0) c = static_cast<char>(b - 0x20);
        }
      }
      return bytes;
    }
  }
  return std::nullopt;
}

std::optional<std::string> IconvOf(const std::string& to, char32_t cp) {
  if (cp < 0x80) return std::string(1, static_cast<char>(cp));
  static std::map<std::pair<std::string, char32_t>, std::optional<std::string>> cache;
  const auto key = std::make_pair(to, cp);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  std::optional<std::string> out = Iconv(to.c_str(), "UTF-8", Utf8(cp));
  // VN1's C0 capitals are not TCVN3 (see Tcvn3AgreesWithGlibcForEveryByte).
  if (out && out->size() == 1 && static_cast<unsigned char>((*out)[0]) < 0x20) out.reset();
  cache[key] = out;
  return out;
}

struct Encoded {
  std::string bytes;
  std::string expected;  // the NFC text, with what the encoding lacks as '?'
};

template <typename F>
Encoded EncodeText(std::string_view utf8, F encode_one) {
  Encoded e;
  for (char32_t cp : ToUtf32(Nfc(utf8))) {
    if (cp == 0xFEFF) continue;
    std::optional<std::string> b = encode_one(cp);
    if (!b) {
      e.bytes += '?';
      e.expected += '?';
    } else {
      e.bytes += *b;
      AppendUtf8(cp, e.expected);
    }
  }
  return e;
}

TEST(DecodeTest, ShortPhrasesAreDetected) {
  for (std::string_view phrase :
       {"Việt Nam", "Ủy ban nhân dân", "tỉnh Kon Tum", "Hà Nội", "điều", "Quốc hội", "Đảng bộ",
        "số 12/QĐ-UBND ngày 5/3/2024", "ĐỒNG", "khuyến khích", "xoong nồi"}) {
    SCOPED_TRACE(phrase);
    const Encoded tcvn = EncodeText(phrase, [](char32_t cp) { return IconvOf("TCVN5712-1", cp); });
    const Encoded cp1258 = EncodeText(phrase, [](char32_t cp) { return IconvOf("CP1258", cp); });
    const Encoded vni = EncodeText(phrase, VniOf);
    EXPECT_EQ(MustDecode(tcvn.bytes).encoding, Encoding::kTcvn3);
    EXPECT_EQ(MustDecode(cp1258.bytes).encoding, Encoding::kWindows1258);
    EXPECT_EQ(MustDecode(vni.bytes).encoding, Encoding::kVni);
    EXPECT_EQ(MustDecode(vni.bytes).text.text(), phrase);
  }
}

TEST(DecodeTest, CorpusIsUtf8WithIdentityOrigins) {
  const std::vector<std::string> texts = CorpusTexts();
  if (texts.empty()) GTEST_SKIP() << "no corpus at " << DONDOC_SHARED_DIR;
  for (const std::string& t : texts) {
    const Decoded d = MustDecode(t);
    EXPECT_EQ(d.encoding, Encoding::kUtf8);
    EXPECT_TRUE(d.issues.empty());
    EXPECT_EQ(d.text.text(), t);
    EXPECT_EQ(d.text.origins(), MappedText::Identity(t).origins());
  }
}

TEST(DecodeTest, CorpusReEncodedInLegacyEncodingsIsDetected) {
  const std::vector<std::string> texts = CorpusTexts();
  if (texts.empty()) GTEST_SKIP() << "no corpus at " << DONDOC_SHARED_DIR;
  for (size_t k = 0; k < texts.size(); ++k) {
    SCOPED_TRACE(k);
    // Whole documents, and a short opening that leaves detection less to go on.
    for (size_t len : {texts[k].size(), size_t{600}}) {
      std::string t = texts[k].substr(0, std::min(len, texts[k].size()));
      while (!t.empty() && (static_cast<unsigned char>(t.back()) & 0xC0) == 0x80) t.pop_back();
      if (!t.empty() && static_cast<unsigned char>(t.back()) >= 0xC0) t.pop_back();
      const Encoded tcvn = EncodeText(t, [](char32_t cp) { return IconvOf("TCVN5712-1", cp); });
      const Encoded cp1258 = EncodeText(t, [](char32_t cp) { return IconvOf("CP1258", cp); });
      const Encoded vni = EncodeText(t, VniOf);
      for (const auto& [encoded, want] :
           {std::pair{&tcvn, Encoding::kTcvn3}, std::pair{&vni, Encoding::kVni},
            std::pair{&cp1258, Encoding::kWindows1258}}) {
        const Decoded d = MustDecode(encoded->bytes);
        EXPECT_EQ(d.encoding, want) << EncodingName(want) << " length " << len;
        EXPECT_EQ(d.text.text(), encoded->expected) << EncodingName(want);
      }
    }
  }
}

}  // namespace
}  // namespace dondoc::text
