// End-to-end tests of the dondoc binary: exit codes, messages and output
// shapes for good and bad input.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <iterator>
#include <string>

#include "support/run_process.h"

namespace dondoc {
namespace {

using testing::ProcessResult;
using testing::RunProcess;
using testing::TempDir;

ProcessResult Dondoc(const std::vector<std::string>& args) {
  return RunProcess(DONDOC_BINARY, args);
}

const std::string kSample = std::string(DONDOC_SOURCE_DIR) + "/data/samples/ke-hoach-mau.txt";

TEST(CliTest, NoArgumentsPrintsUsageAndExitsTwo) {
  ProcessResult r = Dondoc({});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("Usage: dondoc"), std::string::npos);
}

TEST(CliTest, HelpForEachCommandExitsZero) {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"--help"}, {"help"}, {"clean", "--help"}, {"help", "clean"}}) {
    ProcessResult r = Dondoc(args);
    EXPECT_EQ(r.exit_code, 0) << args[0];
    EXPECT_NE(r.out.find("Usage:"), std::string::npos) << args[0];
  }
  EXPECT_NE(Dondoc({"clean", "--help"}).out.find("--format"), std::string::npos);
}

TEST(CliTest, UnknownCommandAndOptionAreUsageErrors) {
  ProcessResult r = Dondoc({"frobnicate"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown command 'frobnicate'"), std::string::npos);
  r = Dondoc({"clean", kSample, "--colour"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown option '--colour'"), std::string::npos);
  r = Dondoc({"clean", kSample, "--format", "xml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--format must be"), std::string::npos);
  r = Dondoc({"clean"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("missing FILE"), std::string::npos);
  r = Dondoc({"clean", kSample, "--encoding", "ebcdic"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown encoding 'ebcdic'"), std::string::npos);
}

TEST(CliTest, MissingFileAndDirectoryAreNamed) {
  TempDir tmp;
  ProcessResult r = Dondoc({"clean", tmp.path() + "/nope.txt"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("nope.txt: no such file"), std::string::npos) << r.err;
  r = Dondoc({"clean", tmp.path()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("is a directory"), std::string::npos) << r.err;
}

TEST(CliTest, EmptyFileGivesEmptyResult) {
  TempDir tmp;
  const std::string empty = tmp.Write("empty.txt", "");
  ProcessResult r = Dondoc({"clean", empty});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  r = Dondoc({"clean", empty, "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  boost::json::value v = boost::json::parse(r.out);
  EXPECT_TRUE(v.at("paragraphs").as_array().empty());
  EXPECT_EQ(v.at("source").at("bytes").as_int64(), 0);
}

TEST(CliTest, BinaryFileIsRefusedWithOffset) {
  TempDir tmp;
  std::string bytes = "PK\x03\x04";
  bytes.push_back('\0');
  for (int i = 0; i < 200; ++i) bytes.push_back(static_cast<char>(i % 7));
  const std::string path = tmp.Write("archive.bin", bytes);
  ProcessResult r = Dondoc({"clean", path});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("archive.bin"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("offset"), std::string::npos) << r.err;
}

TEST(CliTest, InvalidUtf8IsReportedWithOffsetAndKept) {
  TempDir tmp;
  const std::string path = tmp.Write("bad.txt", "Kế hoạch năm 2024 \xC3\x28 tiếp theo\n");
  ProcessResult r = Dondoc({"clean", path, "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  boost::json::value v = boost::json::parse(r.out);
  const auto& issues = v.at("issues").as_array();
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].at("offset").as_int64(), 23);  // "Kế hoạch năm 2024 " is 23 bytes
  EXPECT_EQ(issues[0].at("line").as_int64(), 1);
  // The text around the bad byte is kept, the bad byte replaced, not dropped.
  const std::string text(v.at("paragraphs").as_array()[0].at("text").as_string());
  EXPECT_NE(text.find("2024 \xEF\xBF\xBD( tiếp theo"), std::string::npos) << text;
  r = Dondoc({"clean", path});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.err.find("bad.txt:1: byte offset 23"), std::string::npos) << r.err;
}

// 100 MB in release builds; a tenth of it under the sanitizers.
TEST(CliTest, HundredMegabyteSingleLineIsHandled) {
  TempDir tmp;
  const size_t size = (100u << 20) / DONDOC_LARGE_INPUT_DIVISOR;
  std::string line;
  const std::string word = "nhiệm vụ ";
  line.reserve(size);
  while (line.size() < size) line += word;
  const std::string path = tmp.Write("long.txt", line);
  line.clear();
  line.shrink_to_fit();
  ProcessResult r = Dondoc({"clean", path});
  EXPECT_EQ(r.exit_code, 0) << r.err.substr(0, 500);
  EXPECT_GT(r.out.size(), size - 16);
  EXPECT_EQ(r.out.substr(0, 20), "nhiệm vụ nhiệm");
}

TEST(CliTest, JsonSpansPointIntoTheOriginal) {
  ProcessResult r = Dondoc({"clean", kSample, "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  boost::json::value v = boost::json::parse(r.out);
  const int64_t bytes = v.at("source").at("bytes").as_int64();
  const int64_t lines = v.at("source").at("lines").as_int64();
  const auto& paragraphs = v.at("paragraphs").as_array();
  ASSERT_FALSE(paragraphs.empty());
  for (const auto& p : paragraphs) {
    const auto& span = p.at("span");
    EXPECT_LE(span.at("start").as_int64(), span.at("end").as_int64());
    EXPECT_LE(span.at("end").as_int64(), bytes);
    EXPECT_GE(span.at("line_start").as_int64(), 1);
    EXPECT_LE(span.at("line_end").as_int64(), lines);
    EXPECT_LE(span.at("line_start").as_int64(), span.at("line_end").as_int64());
  }
  // Each repair's span is exactly the damaged word in the original file.
  std::ifstream in(kSample, std::ios::binary);
  const std::string original((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
  const auto& repairs = v.at("repairs").as_array();
  ASSERT_GE(repairs.size(), 10u);
  for (const auto& rep : repairs) {
    const auto start = static_cast<size_t>(rep.at("start").as_int64());
    const auto end = static_cast<size_t>(rep.at("end").as_int64());
    EXPECT_EQ(original.substr(start, end - start), std::string(rep.at("original").as_string()));
  }
}

TEST(CliTest, TextOutputIsValidUtf8AndEndsWithNewline) {
  ProcessResult r = Dondoc({"clean", kSample});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_FALSE(r.out.empty());
  EXPECT_EQ(r.out.back(), '\n');
  EXPECT_NE(r.out.find("157/KH-UBND"), std::string::npos);
  // Repaired words, and the footnote after the text, linked by its marker.
  EXPECT_NE(r.out.find("NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU"), std::string::npos);
  EXPECT_EQ(r.out.find("cāa"), std::string::npos);
  EXPECT_NE(r.out.find("\n---\n(1) Quyết định giao chỉ tiêu"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace dondoc
