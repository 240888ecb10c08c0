#include "cli/cli.h"

#include <exception>
#include <string_view>

namespace dondoc::cli {
namespace {

constexpr std::string_view kUsage =
    "dondoc: turn directive documents into tracked work (theo dõi, đôn đốc nhiệm vụ)\n"
    "\n"
    "Usage: dondoc COMMAND [ARGS...]\n"
    "\n"
    "Commands:\n"
    "  clean FILE     repair and normalise a Vietnamese document (text, legacy encodings,\n"
    "                 broken PDF fonts) and print it, with a map back to the original\n"
    "  extract FILE   find tasks, targets, results, deadlines, reporting rules and cited\n"
    "                 documents, each with its place in the original (JSON)\n"
    "  import FILE    register a document and queue its tasks, targets and results for review\n"
    "  review         list, confirm or reject what was imported (duyệt đề xuất)\n"
    "  tasks          tracked tasks as of a day, by agency and status\n"
    "  status         done on time / done late / open in time / overdue counts as of a day\n"
    "  notify         one reminder pass as of a day (nhắc việc): deadlines, overdue, reports\n"
    "  agency         list or add the agencies tasks are assigned to\n"
    "  db             migrate, check or back up the database (--db sqlite:PATH|postgresql://)\n"
    "  demo-data      fill an empty database with a year of synthetic tracking data\n"
    "  serve          run the web API (máy chủ) on --listen ADDR:PORT over --db\n"
    "  audit          verify the tamper-evident audit trail, print its head or a trail\n"
    "  help [COMMAND] show help for a command\n"
    "\n"
    "Run 'dondoc COMMAND --help' for the options of one command.\n"
    "Exit status: 0 success, 2 bad input or usage, 1 internal failure.\n";

}  // namespace

int Run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    err << kUsage;
    return kExitUsage;
  }
  const std::string& command = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  try {
    if (command == "--help" || command == "-h" || command == "help") {
      if (!rest.empty() && rest[0] == "clean") return RunClean({"--help"}, out, err);
      if (!rest.empty() && rest[0] == "extract") return RunExtract({"--help"}, out, err);
      if (!rest.empty()) {
        const std::vector<std::string> help{"--help"};
        if (rest[0] == "import") return RunImport(help, out, err);
        if (rest[0] == "review") return RunReview(help, out, err);
        if (rest[0] == "tasks") return RunTasks(help, out, err);
        if (rest[0] == "status") return RunStatus(help, out, err);
        if (rest[0] == "notify") return RunNotify(help, out, err);
        if (rest[0] == "agency") return RunAgency(help, out, err);
        if (rest[0] == "db") return RunDb(help, out, err);
      }
      if (!rest.empty() && rest[0] == "demo-data") return RunDemoData({"--help"}, out, err);
      if (!rest.empty() && rest[0] == "serve") return RunServe({"--help"}, out, err);
      if (!rest.empty() && rest[0] == "audit") return RunAudit({"--help"}, out, err);
      out << kUsage;
      return kExitOk;
    }
    if (command == "--version") {
      out << "dondoc 0.1.0\n";
      return kExitOk;
    }
    if (command == "clean") return RunClean(rest, out, err);
    if (command == "extract") return RunExtract(rest, out, err);
    if (command == "import") return RunImport(rest, out, err);
    if (command == "review") return RunReview(rest, out, err);
    if (command == "tasks") return RunTasks(rest, out, err);
    if (command == "status") return RunStatus(rest, out, err);
    if (command == "notify") return RunNotify(rest, out, err);
    if (command == "agency") return RunAgency(rest, out, err);
    if (command == "db") return RunDb(rest, out, err);
    if (command == "demo-data") return RunDemoData(rest, out, err);
    if (command == "serve") return RunServe(rest, out, err);
    if (command == "audit") return RunAudit(rest, out, err);
  } catch (const std::exception& e) {
    err << "dondoc: internal error: " << e.what() << "\n";
    return kExitInternal;
  }
  err << "dondoc: unknown command '" << command << "'\n\n" << kUsage;
  return kExitUsage;
}

}  // namespace dondoc::cli
