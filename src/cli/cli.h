// The `dondoc` command line: subcommand dispatch, help and exit codes.
//
// Exit codes: 0 success; 2 bad input or usage (the message on stderr says
// which file, flag, byte offset or line is wrong); 1 internal failure.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace dondoc::cli {

constexpr int kExitOk = 0;
constexpr int kExitInternal = 1;
constexpr int kExitUsage = 2;

// Runs `dondoc args...` (args excludes the program name).
int Run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// Subcommands, each with the arguments that follow its name.
int RunClean(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunExtract(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunImport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunReview(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunTasks(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunStatus(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunNotify(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunDb(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunAgency(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunDemoData(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunServe(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int RunAudit(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace dondoc::cli
