// End to end: `dondoc extract` and `dondoc clean` on DOCX and PDF files.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "document/fixtures.h"
#include "support/run_process.h"

namespace dondoc {
namespace {

using testing::MakeImagePdf;
using testing::MakeTextPdf;
using testing::MakeZip;
using testing::ProcessResult;
using testing::RunProcess;
using testing::TempDir;
using testing::WordDocument;
using testing::WordParagraph;

ProcessResult Dondoc(const std::vector<std::string>& args) {
  return RunProcess(DONDOC_BINARY, args);
}

const char* kTask =
    "Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí số hóa hồ sơ, hoàn thành "
    "trước ngày 30 tháng 6 năm 2025.";

std::string TaskDocx() {
  return MakeZip(
      {{"word/document.xml", WordDocument(WordParagraph({"KẾ HOẠCH"}) +
                                          WordParagraph({"Triển khai số hóa hồ sơ năm 2025"}) +
                                          WordParagraph({kTask}))}});
}

TEST(DocumentCliTest, ExtractFindsATaskInADocx) {
  TempDir tmp;
  const std::string path = tmp.Write("ke-hoach.docx", TaskDocx());
  ProcessResult r = Dondoc({"extract", path, "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const boost::json::object o = boost::json::parse(r.out).as_object();
  const boost::json::array& tasks = o.at("tasks").as_array();
  ASSERT_EQ(tasks.size(), 1u) << r.out;
  const boost::json::object& task = tasks[0].as_object();
  EXPECT_EQ(task.at("lead").as_string(), "Sở Tài chính");
  EXPECT_EQ(task.at("deadline").as_object().at("date").as_string(), "2025-06-30");
  // The span is a line of the rendition, which --rendition prints.
  EXPECT_EQ(task.at("span").as_object().at("line_start").as_int64(), 3);
  ProcessResult rendition = Dondoc({"clean", path, "--rendition"});
  ASSERT_EQ(rendition.exit_code, 0) << rendition.err;
  EXPECT_EQ(rendition.out,
            std::string("KẾ HOẠCH\nTriển khai số hóa hồ sơ năm 2025\n") + kTask + "\n");
  const auto& span = task.at("span").as_object();
  EXPECT_EQ(rendition.out.substr(
                static_cast<size_t>(span.at("start").as_int64()),
                static_cast<size_t>(span.at("end").as_int64() - span.at("start").as_int64())),
            kTask);
}

TEST(DocumentCliTest, CleanReportsPdfPagesAndOcr) {
  TempDir tmp;
  const std::string text_pdf = tmp.Write("a.pdf", MakeTextPdf({{"Báo cáo tháng 3"}, {kTask}}));
  ProcessResult r = Dondoc({"clean", text_pdf, "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  boost::json::object o = boost::json::parse(r.out).as_object();
  const boost::json::object& source = o.at("source").as_object();
  EXPECT_EQ(source.at("format").as_string(), "pdf");
  EXPECT_EQ(source.at("pages").as_int64(), 2);
  EXPECT_TRUE(source.at("ocr_pages").as_array().empty());
  const boost::json::array& paragraphs = o.at("paragraphs").as_array();
  ASSERT_FALSE(paragraphs.empty());
  EXPECT_EQ(paragraphs.back().as_object().at("span").as_object().at("page").as_int64(), 2);

  const std::string scan = tmp.Write("scan.pdf", MakeImagePdf({"Báo cáo kết quả thực hiện"}));
  r = Dondoc({"clean", scan, "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  o = boost::json::parse(r.out).as_object();
  EXPECT_EQ(o.at("source").as_object().at("ocr_pages").as_array(), boost::json::array{1});
  r = Dondoc({"clean", scan, "--ocr", "off", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  o = boost::json::parse(r.out).as_object();
  EXPECT_TRUE(o.at("source").as_object().at("ocr_pages").as_array().empty());
}

TEST(DocumentCliTest, BadDocumentsAndFlagsAreUsageErrors) {
  TempDir tmp;
  const std::string docx = TaskDocx();
  const std::string broken = tmp.Write("broken.docx", docx.substr(0, docx.size() - 40));
  ProcessResult r = Dondoc({"extract", broken});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("broken.docx: not a valid DOCX"), std::string::npos) << r.err;
  r = Dondoc({"clean", tmp.Write("x.pdf", "%PDF-1.4 nothing")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("x.pdf: not a valid PDF"), std::string::npos) << r.err;
  r = Dondoc({"clean", broken, "--ocr", "sometimes"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--ocr must be"), std::string::npos) << r.err;
  r = Dondoc({"clean", "--help"});
  EXPECT_NE(r.out.find("--rendition"), std::string::npos);
  r = Dondoc({"extract", "--help"});
  EXPECT_NE(r.out.find("--ocr"), std::string::npos);
}

}  // namespace
}  // namespace dondoc
