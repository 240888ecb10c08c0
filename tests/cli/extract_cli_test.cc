// End-to-end tests of `dondoc extract`: the contract's JSON shape, and bad
// input that must give valid JSON with empty lists or a clear error.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <random>
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

// Parses stdout as the contract's object and checks every list is present.
boost::json::object ParseContract(const ProcessResult& r) {
  boost::json::value v = boost::json::parse(r.out);
  boost::json::object o = v.as_object();
  EXPECT_TRUE(o.at("document").is_object());
  for (const char* key :
       {"references", "tasks", "targets", "results", "reporting_rules", "task_stats"}) {
    EXPECT_TRUE(o.at(key).is_array()) << key;
  }
  return o;
}

TEST(ExtractCliTest, HelpAndUsageErrors) {
  ProcessResult r = Dondoc({"extract", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("Usage: dondoc extract"), std::string::npos);
  r = Dondoc({"extract"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("missing FILE"), std::string::npos);
  r = Dondoc({"extract", kSample, "--format", "yaml"});
  EXPECT_EQ(r.exit_code, 2);
  r = Dondoc({"extract", "/nonexistent/x.txt"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("x.txt: no such file"), std::string::npos) << r.err;
}

TEST(ExtractCliTest, SampleGivesTheContractShape) {
  ProcessResult r = Dondoc({"extract", kSample, "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ParseContract(r);
}

TEST(ExtractCliTest, EmptyAndNonVietnameseInputGiveEmptyLists) {
  TempDir tmp;
  for (const std::string& content :
       {std::string(), std::string("The quick brown fox jumps over the lazy dog.\n"),
        std::string("1234 5678\n\n\n---\n")}) {
    const std::string path = tmp.Write("in.txt", content);
    ProcessResult r = Dondoc({"extract", path});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    boost::json::object o = ParseContract(r);
    EXPECT_TRUE(o.at("tasks").as_array().empty());
    EXPECT_TRUE(o.at("targets").as_array().empty());
  }
}

TEST(ExtractCliTest, RandomBytesGiveJsonOrAClearError) {
  TempDir tmp;
  std::mt19937 rng(7);
  for (int round = 0; round < 5; ++round) {
    std::string bytes(4096, '\0');
    for (char& c : bytes) c = static_cast<char>(rng() & 0xFF);
    const std::string path = tmp.Write("random.bin", bytes);
    ProcessResult r = Dondoc({"extract", path});
    if (r.exit_code == 0) {
      ParseContract(r);
    } else {
      EXPECT_EQ(r.exit_code, 2);
      EXPECT_NE(r.err.find("random.bin"), std::string::npos) << r.err;
    }
  }
}

// 50 MB in release builds; a tenth of it under the sanitizers, which are an
// order of magnitude slower and check memory safety, not scale.
TEST(ExtractCliTest, FiftyMegabyteLineFinishes) {
  TempDir tmp;
  const size_t size = (50u << 20) / DONDOC_LARGE_INPUT_DIVISOR;
  std::string line;
  const std::string phrase =
      "Sở Tài chính chủ trì, phối hợp với Sở Xây dựng trước ngày 20 hằng tháng; ";
  while (line.size() < size) line += phrase;
  const std::string path = tmp.Write("long.txt", line + "\n");
  line.clear();
  ProcessResult r = Dondoc({"extract", path});
  ASSERT_EQ(r.exit_code, 0) << r.err.substr(0, 300);
  ParseContract(r);
}

}  // namespace
}  // namespace dondoc
