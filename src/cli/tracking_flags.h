// What the tracking commands (import, review, tasks, status, db, agency)
// share: walking their flags, the --db store URL, dates, ids and output
// formats, each refused with a message naming the value (exit 2).
#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "common/status.h"
#include "core/date.h"
#include "core/model.h"
#include "store/store.h"

namespace dondoc::cli {

constexpr std::string_view kDefaultDbUrl = "sqlite:./dondoc.db";

enum class OutputFormat { kTable, kJson, kCsv };

// Walks one command's arguments. Every error is written to `err` as
// "dondoc COMMAND: ..." and makes ok() false.
class ArgWalker {
 public:
  ArgWalker(std::string command, const std::vector<std::string>& args, std::ostream& err)
      : command_(std::move(command)), args_(args), err_(err) {}

  bool Done() const { return i_ >= args_.size() || failed_; }
  const std::string& Next() { return args_[i_++]; }
  // The value after flag `flag`, or nullopt (with a message) when missing.
  std::optional<std::string> Value(const std::string& flag);
  std::optional<core::Date> DateValue(const std::string& flag);
  std::optional<core::Id> IdValue(const std::string& flag);
  std::optional<OutputFormat> FormatValue(const std::string& flag, bool allow_table = true);
  std::optional<core::Id> ParseId(const std::string& what, const std::string& text);

  void Fail(const std::string& message);
  bool ok() const { return !failed_; }
  const std::string& command() const { return command_; }

 private:
  std::string command_;
  const std::vector<std::string>& args_;
  std::ostream& err_;
  size_t i_ = 0;
  bool failed_ = false;
};

bool WantsHelp(const std::vector<std::string>& args);

// Opens the store at `url`. Unless `for_migration`, a SQLite file must exist
// and every store must be at this build's schema version; otherwise the
// message says to run 'dondoc db migrate'.
Result<std::unique_ptr<store::Store>> OpenDatabase(const std::string& url, bool for_migration);

// Prints "dondoc COMMAND: message" and returns the exit code for `status`.
int Fail(const std::string& command, const Status& status, std::ostream& err);

// Today in the province (UTC+7).
core::Date Today();

}  // namespace dondoc::cli
