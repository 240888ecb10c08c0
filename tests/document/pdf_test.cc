// The PDF reader on PDFs with a text layer: the text comes back exactly
// (after NFC), page by page with each line's page, and damaged, encrypted or
// empty PDFs are refused with a clear message.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "document/fixtures.h"
#include "document/reader.h"
#include "text/clean.h"
#include "text/mapped_text.h"
#include "text/normalize.h"

namespace dondoc::document {
namespace {

using testing::MakeRawPdf;
using testing::MakeTextPdf;

const std::vector<std::string> kPage1 = {
    "ỦY BAN NHÂN DÂN TỈNH",
    "Sở Nông nghiệp và Môi trường theo dõi mùa vụ, dịch bệnh.",
    "Các xã báo cáo kết quả trước ngày 15 hằng tháng.",
};
const std::vector<std::string> kPage2 = {
    "Những khó khăn, vướng mắc được tổng hợp kịp thời.",
    "Đề nghị các đơn vị nghiêm túc thực hiện./.",
};

std::string Nfc(const std::string& s) { return text::ToNfc(text::MappedText::Identity(s)).text(); }

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  size_t b = 0;
  for (size_t e; (e = s.find('\n', b)) != std::string::npos; b = e + 1) {
    out.push_back(s.substr(b, e - b));
  }
  if (b < s.size()) out.push_back(s.substr(b));
  return out;
}

TEST(PdfTest, TextLayerComesBackExactlyWithPages) {
  Result<ExtractedText> r = ReadDocument(MakeTextPdf({kPage1, kPage2}), {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->format, Format::kPdf);
  EXPECT_EQ(r->page_count, 2u);
  EXPECT_TRUE(r->ocr_pages.empty());
  const std::vector<std::string> lines = Lines(Nfc(r->text));
  std::vector<std::string> expected = kPage1;
  expected.push_back(" " + kPage2[0]);  // a page start, as the layout expects
  expected.push_back(kPage2[1]);
  EXPECT_EQ(lines, expected);
  EXPECT_EQ(r->line_pages, (std::vector<uint32_t>{1, 1, 1, 2, 2}));
}

TEST(PdfTest, TheTextLayerCleansIntoParagraphs) {
  Result<ExtractedText> r = ReadDocument(MakeTextPdf({kPage1, kPage2}), {});
  ASSERT_TRUE(r.ok());
  Result<text::CleanedDocument> doc = text::Clean(r->text, {}, nullptr);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  const std::string joined = doc->JoinedText();
  for (const std::string& s : {kPage1[1], kPage1[2], kPage2[0], kPage2[1]}) {
    EXPECT_NE(joined.find(s), std::string::npos) << s << "\n---\n" << joined;
  }
}

TEST(PdfTest, EmptyPagesAddNoLines) {
  Result<ExtractedText> r = ReadDocument(MakeTextPdf({{}, kPage2}), {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->page_count, 2u);
  EXPECT_TRUE(r->ocr_pages.empty());  // blank, so not worth OCR
  EXPECT_EQ(r->line_pages, (std::vector<uint32_t>{2, 2}));
}

void ExpectInvalid(const std::string& bytes, const std::string& needle,
                   const ReadOptions& options = {}) {
  Result<ExtractedText> r = ReadDocument(bytes, options);
  ASSERT_FALSE(r.ok()) << needle;
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(r.status().message().find(needle), std::string::npos) << r.status().message();
}

const char* kCatalog = "<< /Type /Catalog /Pages 2 0 R >>";

TEST(PdfTest, RefusesDamagedEmptyAndEncryptedPdfs) {
  const std::string pdf = MakeTextPdf({kPage1});
  ExpectInvalid(pdf.substr(0, 300), "not a valid PDF");
  std::string noise = "%PDF-1.5\n";
  for (int i = 0; i < 2000; ++i) noise += static_cast<char>((i * 7919 + 13) % 251);
  ExpectInvalid(noise, "not a valid PDF");
  ExpectInvalid("%PDF-", "not a valid PDF");
  ExpectInvalid(MakeRawPdf({kCatalog, "<< /Type /Pages /Kids [] /Count 0 >>"}), "no pages");
  // The standard security handler with a user password ("" does not open).
  const std::string hex32(64, 'A');
  ExpectInvalid(
      MakeRawPdf({kCatalog, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                  "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
                  "<< /Filter /Standard /V 1 /R 2 /O <" + hex32 + "> /U <" + hex32 + "> /P -4 >>"},
                 "/Encrypt 4 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> "
                 "<0123456789ABCDEF0123456789ABCDEF>]"),
      "encrypted");
}

TEST(PdfTest, CapsThePageCount) {
  ReadOptions options;
  options.max_pdf_pages = 2;
  ExpectInvalid(MakeTextPdf({kPage1, kPage2, kPage1}), "3 pages (at most 2)", options);
}

}  // namespace
}  // namespace dondoc::document
