// OCR of scanned PDF pages: an image-only page is read by tesseract (most
// words must come back; OCR is not exact), --ocr off and force behave, and
// missing Vietnamese data gives a clear error.
#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "document/fixtures.h"
#include "document/reader.h"
#include "text/mapped_text.h"
#include "text/normalize.h"

namespace dondoc::document {
namespace {

using testing::MakeImagePdf;
using testing::MakeTextPdf;

const std::vector<std::string> kScan = {
    "Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành",
    "tăng cường kiểm tra việc quản lý đất đai, tài nguyên",
    "và báo cáo kết quả thực hiện trước ngày 20 tháng 11.",
    "Giao Sở Xây dựng hướng dẫn các huyện lập quy hoạch.",
};

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(text::ToNfc(text::MappedText::Identity(s)).text());
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

TEST(OcrTest, ReadsAScannedPage) {
  Result<ExtractedText> r = ReadDocument(MakeImagePdf(kScan), {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->ocr_pages, std::vector<uint32_t>{1});
  std::multiset<std::string> read;
  for (const std::string& w : Words(r->text)) read.insert(w);
  size_t total = 0, found = 0;
  for (const std::string& line : kScan) {
    for (const std::string& w : Words(line)) {
      ++total;
      if (auto it = read.find(w); it != read.end()) {
        ++found;
        read.erase(it);
      }
    }
  }
  EXPECT_GE(found * 10, total * 9) << found << " of " << total << " words in:\n" << r->text;
  for (uint32_t page : r->line_pages) EXPECT_EQ(page, 1u);
}

TEST(OcrTest, OffLeavesScannedPagesEmpty) {
  ReadOptions options;
  options.ocr = OcrMode::kOff;
  Result<ExtractedText> r = ReadDocument(MakeImagePdf(kScan), options);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r->ocr_pages.empty());
  EXPECT_EQ(r->text, "");
}

TEST(OcrTest, ForceReadsEveryPageByOcr) {
  ReadOptions options;
  options.ocr = OcrMode::kForce;
  Result<ExtractedText> r =
      ReadDocument(MakeTextPdf({{"Kế hoạch phát triển kinh tế - xã hội"}}), options);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->ocr_pages, std::vector<uint32_t>{1});
  EXPECT_NE(r->text.find("phát triển"), std::string::npos) << r->text;
}

TEST(OcrTest, MissingVietnameseDataIsAClearError) {
  ReadOptions options;
  options.tessdata_dir = "/nonexistent/tessdata";
  Result<ExtractedText> r = ReadDocument(MakeImagePdf(kScan), options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("/nonexistent/tessdata/vie.traineddata"), std::string::npos)
      << r.status().message();
  // Without OCR the data is never needed.
  options.ocr = OcrMode::kOff;
  EXPECT_TRUE(ReadDocument(MakeImagePdf(kScan), options).ok());
}

}  // namespace
}  // namespace dondoc::document
