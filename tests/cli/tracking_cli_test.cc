// End-to-end tests of the tracking commands on the real binary: db migrate,
// agency add, import, review confirm/reject, tasks, status (json, csv),
// db check and backup; and the usage errors, each exit 2 naming the value.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "cli/table_output.h"
#include "support/run_process.h"

namespace dondoc {
namespace {

using testing::ProcessResult;
using testing::RunProcess;
using testing::TempDir;

ProcessResult Dondoc(const std::vector<std::string>& args) {
  return RunProcess(DONDOC_BINARY, args);
}

// A short plan of our own (fictional province "An Lạc").
const std::string kPlan =
    "ỦY BAN NHÂN DÂN\n"
    "TỈNH AN LẠC\n"
    "\n"
    "Số: 45/KH-UBND                        An Lạc, ngày 12 tháng 3 năm 2024\n"
    "\n"
    "KẾ HOẠCH\n"
    "Thực hiện chuyển đổi số năm 2024\n"
    "\n"
    "I. CHỈ TIÊU\n"
    "- Tỷ lệ hồ sơ giải quyết trực tuyến đạt 80%.\n"
    "\n"
    "II. NHIỆM VỤ\n"
    "1. Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính xây dựng nền tảng dữ liệu "
    "dùng chung, hoàn thành trước ngày 30 tháng 6 năm 2024.\n"
    "2. Sở Nội vụ chủ trì rà soát thủ tục hành chính nội bộ, hoàn thành trước ngày 31 tháng 8 "
    "năm 2024.\n"
    "3. Sở Y tế triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh.\n";

class TrackingCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = "sqlite:" + tmp_.path() + "/dondoc.db";
    ProcessResult r = Dondoc({"db", "migrate", "--db", db_});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("Migrated"), std::string::npos) << r.out;
    for (const char* name :
         {"Ủy ban nhân dân tỉnh", "Sở Khoa học và Công nghệ", "Sở Tài chính", "Sở Nội vụ"}) {
      r = Dondoc({"agency", "add", name, "--kind", "department", "--db", db_});
      ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    plan_ = tmp_.Write("ke-hoach.txt", kPlan);
  }

  boost::json::value Json(const std::vector<std::string>& args) {
    ProcessResult r = Dondoc(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    boost::system::error_code ec;
    boost::json::value v = boost::json::parse(r.out, ec);
    EXPECT_FALSE(ec) << r.out;
    return v;
  }

  // The id of the task proposal whose lead is `lead`.
  std::string TaskProposal(const std::string& lead) {
    boost::json::value list = Json({"review", "list", "--db", db_, "--format", "json"});
    for (const boost::json::value& p : list.as_array()) {
      const boost::json::object& o = p.as_object();
      if (o.at("kind") == boost::json::value("task") &&
          o.at("payload").at("lead") == boost::json::value(lead)) {
        return std::to_string(o.at("id").as_int64());
      }
    }
    ADD_FAILURE() << "no task proposal led by " << lead;
    return "0";
  }

  TempDir tmp_;
  std::string db_;
  std::string plan_;
};

TEST_F(TrackingCliTest, ImportReviewTasksStatusAndBackup) {
  boost::json::value imported =
      Json({"import", plan_, "--db", db_, "--province", "An Lạc", "--format", "json"});
  EXPECT_EQ(imported.at("document_id"), boost::json::value(1));
  EXPECT_EQ(imported.at("number"), boost::json::value("45/KH-UBND"));
  EXPECT_EQ(imported.at("tasks"), boost::json::value(3));
  EXPECT_EQ(imported.at("targets"), boost::json::value(1));

  // The same file again: refused, naming the stored document.
  ProcessResult r = Dondoc({"import", plan_, "--db", db_});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("already imported as document 1"), std::string::npos) << r.err;

  // Nothing tracked yet.
  boost::json::value status =
      Json({"status", "--db", db_, "--as-of", "2024-07-15", "--format", "json"});
  EXPECT_EQ(status.at("total").at("total"), boost::json::value(0));

  r = Dondoc({"review", "confirm", TaskProposal("Sở Khoa học và Công nghệ"), "--db", db_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("as task 1"), std::string::npos) << r.out;
  const std::string home = TaskProposal("Sở Nội vụ");
  r = Dondoc({"review", "confirm", home, "--db", db_, "--deadline", "2024-07-10"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Confirming twice is an error.
  r = Dondoc({"review", "confirm", home, "--db", db_});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("already confirmed"), std::string::npos) << r.err;
  // An agency the database does not know: named, with close matches.
  const std::string health = TaskProposal("Sở Y tế");
  r = Dondoc({"review", "confirm", health, "--db", db_});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown agency \"Sở Y tế\""), std::string::npos) << r.err;
  r = Dondoc({"review", "confirm", health, "--db", db_, "--lead", "Sở Tài chánh"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("close matches: \"Sở Tài chính\""), std::string::npos) << r.err;
  // Rejecting needs a reason.
  r = Dondoc({"review", "reject", health, "--db", db_});
  EXPECT_EQ(r.exit_code, 2);
  r = Dondoc({"review", "reject", health, "--db", db_, "--note", "chưa có cơ quan"});
  ASSERT_EQ(r.exit_code, 0) << r.err;

  boost::json::value tasks =
      Json({"tasks", "--db", db_, "--as-of", "2024-07-15", "--format", "json"});
  ASSERT_EQ(tasks.at("tasks").as_array().size(), 2u);
  const boost::json::value& first = tasks.at("tasks").as_array()[0];
  EXPECT_EQ(first.at("lead"), boost::json::value("Sở Khoa học và Công nghệ"));
  EXPECT_EQ(first.at("coordinating").as_array().size(), 1u);
  EXPECT_EQ(first.at("deadline"), boost::json::value("2024-06-30"));
  EXPECT_EQ(first.at("status"), boost::json::value("open_overdue"));

  tasks = Json(
      {"tasks", "--db", db_, "--as-of", "2024-07-01", "--agency", "Sở Nội vụ", "--format", "json"});
  ASSERT_EQ(tasks.at("tasks").as_array().size(), 1u);
  EXPECT_EQ(tasks.at("tasks").as_array()[0].at("status"), boost::json::value("open_in_time"));

  r = Dondoc({"tasks", "--db", db_, "--as-of", "2024-07-15", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("id,status,lead,deadline,completed_on,text,coordinating\n", 0), 0u)
      << r.out;
  // The task text has commas: quoted.
  EXPECT_NE(r.out.find(",\"1. Sở Khoa học và Công nghệ chủ trì, phối hợp"), std::string::npos)
      << r.out;

  status =
      Json({"status", "--db", db_, "--as-of", "2024-07-15", "--by", "agency", "--format", "json"});
  EXPECT_EQ(status.at("as_of"), boost::json::value("2024-07-15"));
  const boost::json::object& total = status.at("total").as_object();
  for (const char* key :
       {"done_on_time", "done_late", "open_in_time", "open_overdue", "no_deadline", "total"}) {
    EXPECT_TRUE(total.contains(key)) << key;
  }
  EXPECT_EQ(total.at("total"), boost::json::value(2));
  EXPECT_EQ(total.at("open_overdue"), boost::json::value(2));
  ASSERT_EQ(status.at("by_agency").as_array().size(), 2u);
  EXPECT_EQ(status.at("by_agency").as_array()[1].at("agency"), boost::json::value("Sở Nội vụ"));

  // As of 1 July, Nội vụ (deadline 10 July) is still in time.
  r = Dondoc({"status", "--db", db_, "--as-of", "2024-07-01", "--by", "agency", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "agency_id,agency,done_on_time,done_late,open_in_time,open_overdue,no_deadline,total\n"
            "2,Sở Khoa học và Công nghệ,0,0,0,1,0,1\n"
            "4,Sở Nội vụ,0,0,1,0,0,1\n"
            ",total,0,0,1,1,0,2\n");

  r = Dondoc({"status", "--db", db_, "--as-of", "2024-07-01", "--by", "agency"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Tổng cộng (total)"), std::string::npos) << r.out;

  r = Dondoc({"db", "check", "--db", db_});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string backup = tmp_.path() + "/copy.db";
  r = Dondoc({"db", "backup", "--db", db_, "--to", backup});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_TRUE(std::filesystem::exists(backup));
  // The copy answers the same.
  ProcessResult original = Dondoc(
      {"status", "--db", db_, "--as-of", "2024-07-15", "--format", "json", "--by", "agency"});
  ProcessResult copy = Dondoc({"status", "--db", "sqlite:" + backup, "--as-of", "2024-07-15",
                               "--format", "json", "--by", "agency"});
  EXPECT_EQ(copy.exit_code, 0) << copy.err;
  EXPECT_EQ(original.out, copy.out);
}

TEST_F(TrackingCliTest, UsageErrorsNameTheValue) {
  struct Case {
    std::vector<std::string> args;
    std::string says;
  };
  const std::vector<Case> cases = {
      {{"status", "--as-of", "2024-13-01"}, "2024-13-01"},
      {{"status", "--as-of", "2024-07-01", "--format", "xml"}, "xml"},
      {{"status", "--as-of", "2024-07-01", "--by", "district"}, "district"},
      {{"status", "--bogus"}, "--bogus"},
      {{"tasks", "--status", "late"}, "late"},
      {{"tasks", "--agency", "Sở Giáo dục"}, "unknown agency \"Sở Giáo dục\""},
      {{"tasks", "--as-of"}, "--as-of needs a value"},
      {{"review", "confirm"}, "missing proposal ID"},
      {{"review", "confirm", "abc"}, "'abc'"},
      {{"review", "confirm", "999"}, "999"},
      {{"review", "approve", "1"}, "approve"},
      {{"review", "list", "--state", "pending"}, "pending"},
      {{"review", "confirm", "1", "--deadline", "30/06/2024"}, "30/06/2024"},
      {{"db", "backup"}, "--to"},
      {{"db", "vacuum"}, "vacuum"},
      {{"import"}, "missing FILE"},
      {{"agency", "add", "Sở X", "--kind", "ministry"}, "ministry"},
  };
  for (const Case& c : cases) {
    // --db right after the command, so that a flag missing its value is last.
    std::vector<std::string> args = c.args;
    args.insert(args.begin() + 1, {"--db", db_});
    ProcessResult r = Dondoc(args);
    EXPECT_EQ(r.exit_code, 2) << c.args[0] << " " << c.says << ": " << r.err;
    EXPECT_NE(r.err.find(c.says), std::string::npos) << r.err;
  }
  // A database that does not exist is not created by a read.
  const std::string missing = tmp_.path() + "/none.db";
  ProcessResult r = Dondoc({"tasks", "--db", "sqlite:" + missing});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("dondoc db migrate"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(missing));
  r = Dondoc({"status", "--db", "mysql://x"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("mysql://x"), std::string::npos) << r.err;
}

TEST_F(TrackingCliTest, EveryCommandHasHelp) {
  for (const char* command : {"import", "review", "tasks", "status", "agency", "db"}) {
    ProcessResult r = Dondoc({command, "--help"});
    EXPECT_EQ(r.exit_code, 0) << command;
    EXPECT_NE(r.out.find(std::string("Usage: dondoc ") + command), std::string::npos) << r.out;
    r = Dondoc({"help", command});
    EXPECT_EQ(r.exit_code, 0) << command;
  }
  ProcessResult r = Dondoc({"--help"});
  for (const char* command : {"import", "review", "tasks", "status", "db"}) {
    EXPECT_NE(r.out.find(std::string("  ") + command), std::string::npos) << command;
  }
}

TEST(TableOutputTest, CsvQuotingAndDisplayWidth) {
  EXPECT_EQ(cli::CsvField("plain"), "plain");
  EXPECT_EQ(cli::CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(cli::CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(cli::CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(cli::DisplayWidth("Sở Y tế"), 7u);
  // Decomposed: "ế" as e + circumflex + acute is still one column.
  EXPECT_EQ(cli::DisplayWidth("t\x65\xcc\x82\xcc\x81"), 2u);
  std::ostringstream out;
  cli::WriteTable({"tên", "n"}, {{"Sở Y tế", "1"}, {"UBND", "22"}}, out);
  EXPECT_EQ(out.str(),
            "tên      n\n"
            "-------  --\n"
            "Sở Y tế  1\n"
            "UBND     22\n");
}

}  // namespace
}  // namespace dondoc
