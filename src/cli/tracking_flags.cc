#include "cli/tracking_flags.h"

#include <charconv>
#include <filesystem>

#include "cli/document_input.h"
#include "core/task_status.h"
#include "service/import.h"
#include "store/open.h"

namespace dondoc::cli {

std::optional<std::string> ArgWalker::Value(const std::string& flag) {
  if (i_ >= args_.size()) {
    Fail(flag + " needs a value");
    return std::nullopt;
  }
  return args_[i_++];
}

std::optional<core::Date> ArgWalker::DateValue(const std::string& flag) {
  std::optional<std::string> v = Value(flag);
  if (!v) return std::nullopt;
  Result<core::Date> d = core::ParseIsoDate(*v);
  if (!d.ok()) {
    Fail(flag + " must be a date YYYY-MM-DD, not '" + *v + "'");
    return std::nullopt;
  }
  return *d;
}

std::optional<core::Id> ArgWalker::ParseId(const std::string& what, const std::string& text) {
  core::Id id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    Fail(what + " must be a positive number, not '" + text + "'");
    return std::nullopt;
  }
  return id;
}

std::optional<core::Id> ArgWalker::IdValue(const std::string& flag) {
  std::optional<std::string> v = Value(flag);
  if (!v) return std::nullopt;
  return ParseId(flag, *v);
}

std::optional<OutputFormat> ArgWalker::FormatValue(const std::string& flag, bool allow_table) {
  std::optional<std::string> v = Value(flag);
  if (!v) return std::nullopt;
  if (*v == "table" && allow_table) return OutputFormat::kTable;
  if (*v == "text" && !allow_table) return OutputFormat::kTable;
  if (*v == "json") return OutputFormat::kJson;
  if (*v == "csv" && allow_table) return OutputFormat::kCsv;
  Fail(flag + " must be " + (allow_table ? "'table', 'json' or 'csv'" : "'text' or 'json'") +
       ", not '" + *v + "'");
  return std::nullopt;
}

void ArgWalker::Fail(const std::string& message) {
  if (failed_) return;
  failed_ = true;
  err_ << "dondoc " << command_ << ": " << message << "\n"
       << "Run 'dondoc " << command_ << " --help' for usage.\n";
}

bool WantsHelp(const std::vector<std::string>& args) {
  for (const std::string& a : args) {
    if (a == "--help" || a == "-h") return true;
  }
  return false;
}

Result<std::unique_ptr<store::Store>> OpenDatabase(const std::string& url, bool for_migration) {
  constexpr std::string_view kSqlite = "sqlite:";
  if (!for_migration && url.starts_with(kSqlite)) {
    const std::string path = url.substr(kSqlite.size());
    std::error_code ec;
    if (path != ":memory:" && !path.empty() && !std::filesystem::exists(path, ec)) {
      return Status::InvalidInput(
          "no database at " + path +
          " (chưa có cơ sở dữ liệu): create it with 'dondoc db migrate --db " + url + "'");
    }
  }
  Result<std::unique_ptr<store::Store>> store = store::OpenStore(url);
  if (!store.ok() || for_migration) return store;
  Result<int> version = (*store)->SchemaVersion();
  if (!version.ok()) return version.status();
  const int latest = (*store)->LatestSchemaVersion();
  if (*version < latest) {
    return Status::InvalidInput("the database " + url + " is at schema version " +
                                std::to_string(*version) + ", this dondoc needs " +
                                std::to_string(latest) + ": run 'dondoc db migrate --db " + url +
                                "'");
  }
  if (*version > latest) {
    return Status::InvalidInput("the database " + url + " is at schema version " +
                                std::to_string(*version) + ", newer than this dondoc (" +
                                std::to_string(latest) + "): upgrade dondoc");
  }
  return store;
}

int Fail(const std::string& command, const Status& status, std::ostream& err) {
  err << "dondoc " << command << ": " << status.message() << "\n";
  return ExitCodeFor(status);
}

core::Date Today() { return core::LocalDay(service::NowUtc()); }

}  // namespace dondoc::cli
