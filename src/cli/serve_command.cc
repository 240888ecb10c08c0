// dondoc serve [--db URL] [--listen ADDR:PORT] [--config FILE] [--threads N]
//              [--workers N] [--demo]
//
// Runs the HTTP API (src/http) until SIGTERM or SIGINT, then shuts down
// gracefully (requests in flight finish) and exits 0. Settings come from
// flags > environment > config file > defaults (http/settings.h).

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <chrono>
#include <csignal>
#include <iostream>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/tracking_flags.h"
#include "core/task_status.h"
#include "http/api.h"
#include "http/server.h"
#include "http/settings.h"
#include "service/demo_data.h"
#include "service/import.h"
#include "service/import_jobs.h"
#include "service/notifications.h"

namespace dondoc::cli {
namespace {

constexpr std::string_view kServeHelp =
    "Usage: dondoc serve [--db URL] [--listen ADDR:PORT] [--config FILE] [--threads N]\n"
    "                    [--workers N] [--demo]\n"
    "\n"
    "Runs the web API (máy chủ API) at /api/v1 until SIGTERM or Ctrl-C; requests in flight\n"
    "finish before it exits. Prints the URL it listens on.\n"
    "\n"
    "Options (each also an environment variable and a config file key):\n"
    "  --db URL            DONDOC_DB, db: sqlite:PATH (default sqlite:./dondoc.db) or\n"
    "                      postgresql://...\n"
    "  --listen ADDR:PORT  DONDOC_LISTEN, listen: default 127.0.0.1:8080; port 0 picks a\n"
    "                      free port\n"
    "  --config FILE       DONDOC_CONFIG: 'key = value' lines, keys as below\n"
    "  --threads N         DONDOC_THREADS, threads: I/O threads (default 2)\n"
    "  --workers N         DONDOC_WORKERS, workers: request handler threads (default 2)\n"
    "  --demo              create a demo database at --db first when it has no data yet\n"
    "Config file and environment only (DONDOC_ + upper-case key):\n"
    "  header_limit (8KiB), json_body_limit (1MiB), upload_limit (50MiB), read_timeout (30s),\n"
    "  idle_timeout (60s), shutdown_timeout (10s), json_max_depth (32), page_size (50),\n"
    "  max_page_size (500), province\n"
    "Settings: flags override the environment, which overrides the config file.\n";

// The demo: a year of history for a province with 60 agencies.
Status EnsureDemoDatabase(const std::string& url, std::ostream& out) {
  auto store = OpenDatabase(url, /*for_migration=*/true);
  if (!store.ok()) return store.status();
  if (Status s = (*store)->Migrate(); !s.ok()) return s;
  bool empty = false;
  Status s = (*store)->Read([&](store::Transaction& tx) {
    auto agencies = tx.ListAgencies(std::nullopt);
    if (!agencies.ok()) return agencies.status();
    empty = agencies->empty();
    return Status::Ok();
  });
  if (!s.ok()) return s;
  if (!empty) {
    out << "dondoc serve: using the existing demo data in " << url << "\n";
    return Status::Ok();
  }
  service::DemoDataOptions options;
  options.tasks = 3000;
  options.agencies = 60;
  options.year = core::YearOf(core::LocalDay(service::NowUtc()));
  auto summary = service::GenerateDemoData(**store, options);
  if (!summary.ok()) return summary.status();
  out << "dondoc serve: created demo data in " << url << " (" << summary->agencies << " agencies, "
      << summary->documents << " documents, " << summary->tasks << " tasks)\n";
  return Status::Ok();
}

}  // namespace

int RunServe(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (WantsHelp(args)) {
    out << kServeHelp;
    return kExitOk;
  }
  ArgWalker w("serve", args, err);
  std::vector<std::pair<std::string, std::string>> flags;
  bool demo = false;
  while (!w.Done()) {
    const std::string& a = w.Next();
    if (a == "--db" || a == "--listen" || a == "--config" || a == "--threads" || a == "--workers") {
      if (auto v = w.Value(a)) flags.emplace_back(a.substr(2), *v);
    } else if (a == "--demo") {
      demo = true;
    } else {
      w.Fail(a.starts_with("-") ? "unknown option '" + a + "'" : "unexpected argument '" + a + "'");
    }
  }
  if (!w.ok()) return kExitUsage;
  auto settings = http::LoadServeSettings(flags, http::ProcessEnvironment());
  if (!settings.ok()) return Fail("serve", settings.status(), err);

  if (demo) {
    if (Status s = EnsureDemoDatabase(settings->db, out); !s.ok()) return Fail("serve", s, err);
  }
  auto db = OpenDatabase(settings->db, /*for_migration=*/false);
  if (!db.ok()) return Fail("serve", db.status(), err);

  // Temporary, until sessions and API tokens land in this command: every
  // request acts as the system, which is why the server listens on
  // 127.0.0.1 by default (docs/security.md).
  settings->api.authenticate = [](const http::Request&) -> http::HttpResult<service::Actor> {
    return service::Actor::System();
  };
  // Uploaded documents are imported on their own threads
  // (service/import_jobs.h); made here so that a stop lets the import in
  // progress finish (one transaction) after the server has stopped.
  service::ImportJobsOptions import_options;
  import_options.import.province = settings->api.province;
  auto imports = service::ImportJobs::Create(**db, import_options);
  if (!imports.ok()) return Fail("serve", imports.status(), err);
  const std::shared_ptr<service::ImportJobs> import_jobs = std::move(imports.value());
  settings->api.imports = import_jobs;
  http::Router router;
  if (Status s = http::AddApiRoutes(router, **db, settings->api); !s.ok()) {
    return Fail("serve", s, err);
  }
  // Signals are caught from here on, so a SIGTERM right after the URL is
  // printed already shuts down gracefully.
  boost::asio::io_context signals_context;
  boost::asio::signal_set signals(signals_context, SIGINT, SIGTERM);
  int signal_number = 0;
  signals.async_wait([&](const boost::system::error_code& ec, int number) {
    if (!ec) signal_number = number;
  });

  http::Server server(settings->server, router);
  if (Status s = server.Start(); !s.ok()) return Fail("serve", s, err);
  out << "dondoc serve: listening on " << server.url() << "/api/v1/\n" << std::flush;
  // Reminders (service/notifications.h): a pass now, then hourly; each pass
  // is idempotent, so the hour only bounds how late a reminder can be.
  std::mutex err_mutex;
  service::ReminderScheduler reminders(**db, std::chrono::hours(1), [&](const std::string& m) {
    std::lock_guard lock(err_mutex);
    err << "dondoc serve: " << m << "\n";
  });
  signals_context.run();
  reminders.Stop();
  const auto started = std::chrono::steady_clock::now();
  const int unfinished = server.Shutdown();
  import_jobs->Shutdown();  // queued imports fail; a running one finishes
  const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  err << "dondoc serve: stopped on signal " << signal_number << " in " << took.count() << " ms";
  if (unfinished > 0) err << ", " << unfinished << " requests unfinished";
  err << "\n";
  return kExitOk;
}

}  // namespace dondoc::cli
