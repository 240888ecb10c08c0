#include "store/postgres_backup.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>  // environ, access, pipe, read

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace dondoc::store::pg {

namespace {

// pg_dump must be at least as new as the server: first the binary of the
// server's major version, then 15's, then whatever PATH has.
std::vector<std::string> Candidates(int server_major) {
  std::vector<std::string> candidates;
  if (const char* configured = std::getenv("DONDOC_PG_DUMP"); configured && *configured) {
    candidates.emplace_back(configured);
    return candidates;
  }
  candidates.push_back("/usr/lib/postgresql/" + std::to_string(server_major) + "/bin/pg_dump");
  if (server_major != 15) candidates.emplace_back("/usr/lib/postgresql/15/bin/pg_dump");
  return candidates;
}

std::string FindInPath(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return "";
  std::string dirs = path;
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string candidate = dirs.substr(start, end - start) + "/" + name;
    if (end > start && access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return "";
}

// The environment of the child: ours, with PGPASSWORD set when the URL has a
// password (never on the command line, where ps would show it).
std::vector<std::string> ChildEnvironment(const std::string& password) {
  std::vector<std::string> env;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    if (!password.empty() && std::strncmp(*entry, "PGPASSWORD=", 11) == 0) continue;
    env.emplace_back(*entry);
  }
  if (!password.empty()) env.push_back("PGPASSWORD=" + password);
  return env;
}

}  // namespace

Status DumpDatabase(PgConnection& connection, const std::string& path) {
  const int server_major = connection.server_version() / 10000;
  std::string binary;
  for (const std::string& candidate : Candidates(server_major)) {
    if (access(candidate.c_str(), X_OK) == 0) {
      binary = candidate;
      break;
    }
  }
  if (binary.empty() && std::getenv("DONDOC_PG_DUMP") == nullptr) binary = FindInPath("pg_dump");
  if (binary.empty()) {
    return Status::IoError(
        "cannot back up the PostgreSQL database: pg_dump not found (install "
        "postgresql-client-" +
        std::to_string(server_major) + ", or set DONDOC_PG_DUMP to its path)");
  }

  // pg_dump's messages go to a pipe, read after it exits (they are short).
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return Status::IoError("backup: pipe: " + std::string(strerror(errno)));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDERR_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[1]);

  std::vector<std::string> args = {binary,           "--format=plain",
                                   "--no-owner",     "--no-privileges",
                                   "--file=" + path, "--dbname=" + connection.conninfo()};
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  std::vector<std::string> env = ChildEnvironment(connection.password());
  std::vector<char*> envp;
  envp.reserve(env.size() + 1);
  for (std::string& entry : env) envp.push_back(entry.data());
  envp.push_back(nullptr);

  pid_t pid = 0;
  const int spawn_error =
      posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  if (spawn_error != 0) {
    close(pipe_fds[0]);
    return Status::IoError("cannot run " + binary + ": " + std::string(strerror(spawn_error)));
  }
  std::string output;
  char buffer[4096];
  while (true) {
    const ssize_t n = read(pipe_fds[0], buffer, sizeof buffer);
    if (n > 0) {
      if (output.size() < size_t{64} * 1024) output.append(buffer, static_cast<size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    break;
  }
  close(pipe_fds[0]);
  int wait_status = 0;
  while (waitpid(pid, &wait_status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 0) return Status::Ok();
  while (!output.empty() && (output.back() == '\n' || output.back() == ' ')) output.pop_back();
  if (!connection.password().empty()) {
    for (size_t at = 0; (at = output.find(connection.password(), at)) != std::string::npos;) {
      output.replace(at, connection.password().size(), "***");
    }
  }
  return Status::IoError("backup of PostgreSQL at " + connection.where() + " to " + path +
                         " failed: " + (output.empty() ? "pg_dump exited abnormally" : output));
}

}  // namespace dondoc::store::pg
