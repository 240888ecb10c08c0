// dondoc demo-data --db URL --tasks N --agencies M [--documents D] [--year YYYY] [--seed S]
//                  [--batch B] [--quiet]

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "core/task_status.h"
#include "service/demo_data.h"
#include "store/open.h"

namespace dondoc::cli {
namespace {

constexpr std::string_view kDemoDataHelp =
    "Usage: dondoc demo-data --db URL --tasks N --agencies M [--documents D]\n"
    "                        [--year YYYY] [--seed S] [--batch B] [--quiet]\n"
    "\n"
    "Fills an empty database with a year of synthetic but realistic tracking data:\n"
    "a province's agencies (departments, boards, sectors, district and commune\n"
    "committees) with the 1 March department mergers, documents numbered per issuer,\n"
    "tasks with deadlines, coordinating agencies and their history (progress,\n"
    "completions on time and late, extensions approved and refused, reassignments,\n"
    "cancellations), indicators with plans and monthly figures, reporting regimes\n"
    "with submissions, and the year's holidays. The same options give the same data.\n"
    "\n"
    "Options:\n"
    "  --db URL        sqlite:PATH or postgresql://... (migrated first; must be empty)\n"
    "  --tasks N       number of tasks (1..100000000)\n"
    "  --agencies M    number of agencies (16..100000)\n"
    "  --documents D   number of documents (default: one per ten tasks)\n"
    "  --year YYYY     the year of history (default: the current year)\n"
    "  --seed S        random seed (default 1)\n"
    "  --batch B       tasks per transaction (default 10000)\n"
    "  --quiet         no progress lines on stderr\n";

template <typename T>
std::optional<T> ParseNumber(const std::string& text) {
  T value{};
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || text.empty()) return std::nullopt;
  return value;
}

int CurrentYear() {
  const auto now =
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  return core::YearOf(core::LocalDay(core::Timestamp(now)));
}

}  // namespace

int RunDemoData(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  service::DemoDataOptions options;
  options.year = CurrentYear();
  std::optional<std::string> url;
  bool tasks_given = false;
  bool agencies_given = false;
  bool quiet = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      out << kDemoDataHelp;
      return kExitOk;
    }
    if (a == "--quiet") {
      quiet = true;
      continue;
    }
    if (a != "--db" && a != "--tasks" && a != "--agencies" && a != "--documents" && a != "--year" &&
        a != "--seed" && a != "--batch") {
      err << "dondoc demo-data: unknown option '" << a << "'\n\n" << kDemoDataHelp;
      return kExitUsage;
    }
    if (i + 1 >= args.size()) {
      err << "dondoc demo-data: " << a << " needs a value\n";
      return kExitUsage;
    }
    const std::string& v = args[++i];
    bool ok = true;
    if (a == "--db") {
      url = v;
    } else if (a == "--tasks") {
      const auto n = ParseNumber<int64_t>(v);
      ok = n.has_value();
      if (n) options.tasks = *n;
      tasks_given = true;
    } else if (a == "--agencies") {
      const auto n = ParseNumber<int>(v);
      ok = n.has_value();
      if (n) options.agencies = *n;
      agencies_given = true;
    } else if (a == "--documents") {
      const auto n = ParseNumber<int64_t>(v);
      ok = n.has_value();
      if (n) options.documents = *n;
    } else if (a == "--year") {
      const auto n = ParseNumber<int>(v);
      ok = n.has_value();
      if (n) options.year = *n;
    } else if (a == "--seed") {
      const auto n = ParseNumber<uint64_t>(v);
      ok = n.has_value();
      if (n) options.seed = *n;
    } else if (a == "--batch") {
      const auto n = ParseNumber<int>(v);
      ok = n.has_value();
      if (n) options.tasks_per_transaction = *n;
    }
    if (!ok) {
      err << "dondoc demo-data: " << a << " needs a whole number, not '" << v << "'\n";
      return kExitUsage;
    }
  }
  if (!url || !tasks_given || !agencies_given) {
    err << "dondoc demo-data: --db, --tasks and --agencies are required\n\n" << kDemoDataHelp;
    return kExitUsage;
  }
  if (Status status = service::ValidateDemoDataOptions(options); !status.ok()) {
    err << "dondoc demo-data: " << status.message() << "\n";
    return kExitUsage;
  }

  auto store = store::OpenStore(*url);
  if (!store.ok()) {
    err << "dondoc demo-data: " << store.status().message() << "\n";
    return store.status().code() == StatusCode::kInternal ? kExitInternal : kExitUsage;
  }
  if (Status status = (*store)->Migrate(); !status.ok()) {
    err << "dondoc demo-data: " << status.message() << "\n";
    return status.code() == StatusCode::kInvalidInput ? kExitUsage : kExitInternal;
  }
  if (!quiet) options.progress = &err;
  const auto started = std::chrono::steady_clock::now();
  auto summary = service::GenerateDemoData(**store, options);
  if (!summary.ok()) {
    err << "dondoc demo-data: " << summary.status().message() << "\n";
    return summary.status().code() == StatusCode::kInvalidInput ? kExitUsage : kExitInternal;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  char rate[64];
  std::snprintf(rate, sizeof(rate), "%.1f s, %.0f tasks/s", seconds,
                static_cast<double>(summary->tasks) / std::max(seconds, 1e-9));
  out << "year " << options.year << ", seed " << options.seed << ": " << summary->agencies
      << " agencies (" << summary->successions << " successions on "
      << core::FormatIsoDate(summary->merger_day) << "), " << summary->documents << " documents, "
      << summary->tasks << " tasks, " << summary->coordinations << " coordinations, "
      << summary->events << " events, " << summary->indicators << " indicators, "
      << summary->targets << " targets, " << summary->figures << " figures, " << summary->regimes
      << " reporting regimes, " << summary->submissions << " submissions, " << summary->obligations
      << " obligations, " << summary->calendar_days << " calendar days (" << rate << ")\n";
  return kExitOk;
}

}  // namespace dondoc::cli
