// The DOCX reader: paragraphs, list labels, tabs, tables and footnotes in
// the rendition, footnotes linked by the text layer, and damaged archives
// refused with a message that names what is wrong.
#include <gtest/gtest.h>

#include <string>

#include "document/fixtures.h"
#include "document/reader.h"
#include "text/clean.h"
#include "text/legacy_tables.h"
#include "text/utf8.h"

namespace dondoc::document {
namespace {

using testing::FootnoteReference;
using testing::kWordNs;
using testing::MakeZip;
using testing::WordDocument;
using testing::WordFootnotes;
using testing::WordParagraph;

std::string Numbered(int num_id, int level) {
  return "<w:pPr><w:numPr><w:ilvl w:val=\"" + std::to_string(level) + "\"/><w:numId w:val=\"" +
         std::to_string(num_id) + "\"/></w:numPr></w:pPr>";
}

const char* kNumbering =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:abstractNum w:abstractNumId=\"0\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
    "<w:lvlText w:val=\"%1.\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/>"
    "<w:lvlText w:val=\"%2)\"/></w:lvl>"
    "<w:lvl w:ilvl=\"2\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\xEF\x82\xB7\"/></w:lvl>"
    "</w:abstractNum>"
    "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
    "<w:numFmt w:val=\"upperRoman\"/><w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum>"
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
    "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
    "</w:numbering>";

// A short plan of our own: a heading, numbered tasks, a footnote, a tab and
// a table.
std::string SampleBody() {
  std::string body;
  body += WordParagraph({"KẾ HOẠCH"});
  body += WordParagraph({"Số: 45/KH-UBND", "\t", "Ngày 10 tháng 3 năm 2025"});
  body += WordParagraph({"MỤC TIÊU"}, Numbered(2, 0));
  body += WordParagraph({"Năm 2024, toàn tỉnh đã số hóa 12.500 hồ sơ", FootnoteReference(1),
                         ", vượt kế hoạch đề ra."});
  body += WordParagraph({"NHIỆM VỤ"}, Numbered(2, 0));
  body += WordParagraph({"Rà soát danh mục hồ sơ"}, Numbered(1, 0));
  body += WordParagraph({"Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí số hóa "
                         "hồ sơ, hoàn thành trước ngày 30 tháng 6 năm 2025."},
                        Numbered(1, 1));
  body += WordParagraph({"Các xã cập nhật dữ liệu hằng tuần."}, Numbered(1, 1));
  body += WordParagraph({"Kiểm tra định kỳ."}, Numbered(1, 2));
  body += WordParagraph({"Tổng hợp kết quả"}, Numbered(1, 0));
  body += "<w:tbl><w:tblPr/><w:tr><w:tc>" + WordParagraph({"TT"}) + "</w:tc><w:tc>" +
          WordParagraph({"Nhiệm vụ"}) + "</w:tc><w:tc>" + WordParagraph({"Cơ quan chủ trì"}) +
          "</w:tc></w:tr><w:tr><w:tc>" + WordParagraph({"1"}) + "</w:tc><w:tc>" +
          WordParagraph({"Xây dựng kho dữ liệu"}) + WordParagraph({"dùng chung"}) +
          "</w:tc><w:tc>" + WordParagraph({"Sở Khoa học và Công nghệ"}) + "</w:tc></w:tr></w:tbl>";
  return body;
}

std::string SampleDocx() {
  return MakeZip(
      {{"[Content_Types].xml", "<Types/>"},
       {"word/document.xml", WordDocument(SampleBody())},
       {"word/numbering.xml", kNumbering},
       {"word/footnotes.xml", WordFootnotes({{1, "Gồm hồ sơ đất đai và hồ sơ hộ tịch."}})}});
}

TEST(DocumentReaderTest, DetectsTheFormatFromTheBytes) {
  EXPECT_EQ(DetectFormat("%PDF-1.7\n..."), Format::kPdf);
  EXPECT_EQ(DetectFormat(std::string("PK\x03\x04word/document.xml", 21)), Format::kDocx);
  // Other zip archives are binary data for the text layer to refuse.
  EXPECT_EQ(DetectFormat(std::string("PK\x03\x04rest", 8)), Format::kText);
  EXPECT_EQ(DetectFormat(MakeZip({{"xl/workbook.xml", "<workbook/>"}})), Format::kText);
  EXPECT_EQ(DetectFormat("Kế hoạch %PDF-"), Format::kText);
  EXPECT_EQ(DetectFormat(""), Format::kText);
  EXPECT_EQ(DetectFormat("PK"), Format::kText);
}

TEST(DocumentReaderTest, TextPassesThroughUntouched) {
  const std::string bytes = "Kế hoạch\r\nsố 1\n\xFF";
  Result<ExtractedText> r = ReadDocument(bytes, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->format, Format::kText);
  EXPECT_EQ(r->text, bytes);
}

TEST(DocxTest, RendersParagraphsListsTabsTablesAndFootnotes) {
  Result<ExtractedText> r = ReadDocument(SampleDocx(), {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->format, Format::kDocx);
  EXPECT_EQ(r->text,
            "KẾ HOẠCH\n"
            "Số: 45/KH-UBND\tNgày 10 tháng 3 năm 2025\n"
            "I. MỤC TIÊU\n"
            "Năm 2024, toàn tỉnh đã số hóa 12.500 hồ sơ[footnoteRef:1], vượt kế hoạch đề ra."
            " [1:  Gồm hồ sơ đất đai và hồ sơ hộ tịch.]\n"
            "II. NHIỆM VỤ\n"
            "1. Rà soát danh mục hồ sơ\n"
            "a) Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí số hóa hồ sơ, hoàn "
            "thành trước ngày 30 tháng 6 năm 2025.\n"
            "b) Các xã cập nhật dữ liệu hằng tuần.\n"
            "- Kiểm tra định kỳ.\n"
            "2. Tổng hợp kết quả\n"
            "TT\tNhiệm vụ\tCơ quan chủ trì\n"
            "1\tXây dựng kho dữ liệu dùng chung\tSở Khoa học và Công nghệ\n");
}

TEST(DocxTest, TheTextLayerLinksTheFootnoteToItsReference) {
  Result<ExtractedText> r = ReadDocument(SampleDocx(), {});
  ASSERT_TRUE(r.ok());
  Result<text::CleanedDocument> doc = text::Clean(r->text, {}, nullptr);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  ASSERT_EQ(doc->layout.footnotes.size(), 1u);
  const text::Footnote& note = doc->layout.footnotes[0];
  EXPECT_EQ(note.marker, "1");
  EXPECT_EQ(note.text.text(), "Gồm hồ sơ đất đai và hồ sơ hộ tịch.");
  ASSERT_LT(note.paragraph, doc->layout.paragraphs.size());
  const std::string& p = doc->layout.paragraphs[note.paragraph].text.text();
  EXPECT_EQ(p.substr(0, note.marker_offset), "Năm 2024, toàn tỉnh đã số hóa 12.500 hồ sơ");
  EXPECT_EQ(p.find("footnoteRef"), std::string::npos);
}

TEST(DocxTest, SkipsDeletedTextFieldCodesAndProperties) {
  const std::string body =
      "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>"
      "<w:r><w:t>Báo cáo </w:t></w:r>"
      "<w:del><w:r><w:delText>cũ </w:delText></w:r></w:del>"
      "<w:ins><w:r><w:t>mới</w:t></w:r></w:ins>"
      "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
      "<w:r><w:instrText> PAGE </w:instrText></w:r>"
      "<w:r><w:t xml:space=\"preserve\"> </w:t></w:r>"
      "<w:hyperlink><w:r><w:t>quý I</w:t></w:r></w:hyperlink>"
      "<w:r><w:br/><w:t>dòng sau</w:t></w:r></w:p>"
      "<w:p/><w:p/><w:p/>" +
      WordParagraph({"Hết."});
  Result<ExtractedText> r = ReadDocument(MakeZip({{"word/document.xml", WordDocument(body)}}), {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->text, "Báo cáo mới quý I\ndòng sau\n\nHết.\n");
}

// "Báo cáo kết quả" in TCVN3 bytes as Word stores them for a .VnTime run:
// the Windows-1252 reading of each byte.
constexpr const char* kTcvn3AsStored = "B\u00B8o c\u00B8o k\u00D5t qu\u00B6";

TEST(DocxTest, DecodesRunsInLegacyVietnameseFonts) {
  // The run's own font, its character style, its paragraph style (through
  // w:basedOn) and the document default all count; Unicode text in a
  // legacy font (a document converted already) stays as it is.
  const std::string styles =
      std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<w:styles ") + kWordNs +
      "><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" "
      "w:hAnsi=\"Times New Roman\"/></w:rPr></w:rPrDefault></w:docDefaults>"
      "<w:style w:styleId=\"Abc\"><w:rPr><w:rFonts w:ascii=\".VnArial\" "
      "w:hAnsi=\".VnArial\"/></w:rPr></w:style>"
      "<w:style w:styleId=\"AbcBody\"><w:basedOn w:val=\"Abc\"/></w:style>"
      "<w:style w:styleId=\"AbcChar\"><w:rPr><w:rFonts w:hAnsi=\".VnTime\"/></w:rPr></w:style>"
      "</w:styles>";
  const std::string run_font =
      "<w:r><w:rPr><w:rFonts w:ascii=\".VnTime\" w:hAnsi=\".VnTime\"/>"
      "</w:rPr><w:t>" +
      std::string(kTcvn3AsStored) + "</w:t></w:r>";
  const std::string char_style = "<w:r><w:rPr><w:rStyle w:val=\"AbcChar\"/></w:rPr><w:t>" +
                                 std::string(kTcvn3AsStored) + "</w:t></w:r>";
  const std::string body =
      "<w:p>" + run_font + "</w:p><w:p>" + char_style + "</w:p>" +
      WordParagraph({kTcvn3AsStored}, "<w:pPr><w:pStyle w:val=\"AbcBody\"/></w:pPr>") +
      WordParagraph({"Kết quả \u00B8"}) +
      WordParagraph({"Kết quả"}, "<w:pPr><w:pStyle w:val=\"Abc\"/></w:pPr>");
  Result<ExtractedText> r = ReadDocument(
      MakeZip({{"word/document.xml", WordDocument(body)}, {"word/styles.xml", styles}}), {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->text,
            "Báo cáo kết quả\nBáo cáo kết quả\nBáo cáo kết quả\nKết quả \u00B8\nKết quả\n");
}

TEST(DocxTest, TcvnCapitalFontsGiveCapitals) {
  // .VnTimeH draws the lower-case TCVN3 letters as capitals.
  const std::string body =
      "<w:p><w:r><w:rPr><w:rFonts w:ascii=\".VnTimeH\" "
      "w:hAnsi=\".VnTimeH\"/></w:rPr><w:t>" +
      std::string(kTcvn3AsStored) + "</w:t></w:r></w:p>";
  Result<ExtractedText> r = ReadDocument(MakeZip({{"word/document.xml", WordDocument(body)}}), {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->text, "BÁO CÁO KẾT QUẢ\n");
}

TEST(DocxTest, DecodesRunsInVniFonts) {
  // "đi" in VNI-Windows: đ is one byte; find it in the code chart.
  unsigned char d = 0;
  for (int b = 0x80; b < 0x100; ++b) {
    const text::legacy::VniChars c = text::legacy::VniToUnicode(static_cast<unsigned char>(b));
    if (c.first == U'\u0111' && c.second == 0) d = static_cast<unsigned char>(b);
  }
  ASSERT_NE(d, 0);
  const std::string stored = text::Utf8(text::legacy::Windows1252ToUnicode(d)) + "i";
  const std::string body =
      "<w:p><w:r><w:rPr><w:rFonts w:ascii=\"VNI-Times\" "
      "w:hAnsi=\"VNI-Times\"/></w:rPr><w:t>" +
      stored + "</w:t></w:r></w:p>";
  Result<ExtractedText> r = ReadDocument(MakeZip({{"word/document.xml", WordDocument(body)}}), {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->text, "đi\n");
}

void ExpectInvalid(const std::string& bytes, const std::string& needle,
                   const ReadOptions& options = {}) {
  Result<ExtractedText> r = ReadDocument(bytes, options);
  ASSERT_FALSE(r.ok()) << needle;
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(r.status().message().find(needle), std::string::npos) << r.status().message();
}

TEST(DocxTest, RefusesDamagedArchives) {
  const std::string docx = SampleDocx();
  ExpectInvalid(docx.substr(0, docx.size() / 2), "damaged zip");
  ExpectInvalid(std::string("PK\x03\x04word/document.xml", 21) + std::string(100, 'x'),
                "damaged zip");
  // A directory of that name is not the part itself.
  ExpectInvalid(MakeZip({{"word/document.xml/", ""}}), "no word/document.xml");
  ExpectInvalid(MakeZip({{"word/document.xml", "<w:document><w:body><w:p>"}}),
                "malformed XML in word/document.xml");
  ExpectInvalid(MakeZip({{"word/document.xml", "<w:document/>"}}), "no w:body");
  ExpectInvalid(MakeZip({{"word/document.xml", WordDocument(WordParagraph({"Một"}))},
                         {"word/footnotes.xml", "<w:footnotes><"}}),
                "malformed XML in word/footnotes.xml");
}

TEST(DocxTest, StopsZipBombsAndHugeArchives) {
  // 4 MiB of one letter compresses to a few KiB; the cap counts what is
  // unpacked.
  const std::string paragraph = WordParagraph({std::string(4u << 20, 'a')});
  const std::string bomb = MakeZip({{"word/document.xml", WordDocument(paragraph)}});
  ASSERT_LT(bomb.size(), 64u << 10);
  ReadOptions small;
  small.max_docx_bytes = 1u << 20;
  ExpectInvalid(bomb, "limit on uncompressed size", small);
  EXPECT_TRUE(ReadDocument(bomb, {}).ok());

  testing::ZipEntries many = {{"word/document.xml", WordDocument(WordParagraph({"Một"}))}};
  for (int i = 0; i < 10; ++i) many.push_back({"media/" + std::to_string(i), "x"});
  ReadOptions few;
  few.max_docx_entries = 5;
  ExpectInvalid(MakeZip(many), "11 entries", few);
}

TEST(DocxTest, DeepNestingIsCutNotRecursedInto) {
  std::string body;
  for (int i = 0; i < 5000; ++i) body += "<w:sdt><w:sdtContent>";
  body += WordParagraph({"sâu"});
  for (int i = 0; i < 5000; ++i) body += "</w:sdtContent></w:sdt>";
  body += WordParagraph({"nông"});
  Result<ExtractedText> r = ReadDocument(MakeZip({{"word/document.xml", WordDocument(body)}}), {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->text, "nông\n");
}

}  // namespace
}  // namespace dondoc::document
