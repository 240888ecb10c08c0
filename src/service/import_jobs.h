// Imports in the background: an upload is queued as a job and answered at
// once; dedicated threads run service::ImportDocument on it (read, extract,
// store in one transaction) while the job shows its progress:
//
//   queued -> reading -> extracting -> storing -> done (the document id)
//                                               \-> failed (the error, and
//                                                   duplicate_of when the
//                                                   same bytes were stored)
//
// Jobs live in memory only. The import itself is one store transaction, so
// a process that stops (even killed) leaves either the whole document or
// nothing; Shutdown() lets running imports finish and fails the queued
// ones. After a restart a job id is unknown (NotFound): the client uploads
// again and, if the import had committed, is told the document it
// duplicates. Job ids are random, so an old id never names a new job.
//
// The threads are not the HTTP server's request workers: an extraction of
// a large PDF takes seconds to minutes and must not hold a request worker.
// Memory: each pending job holds its bytes, so callers bound the queue
// (Pending() against max_pending).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "common/status.h"
#include "core/model.h"
#include "extract/extract.h"
#include "service/actor.h"
#include "service/import.h"
#include "store/store.h"

namespace dondoc::service {

enum class JobStage { kQueued, kReading, kExtracting, kStoring, kDone, kFailed };
const char* JobStageName(JobStage stage);  // "queued", "reading", ...

struct ImportJob {
  std::string id;
  std::optional<core::Id> user_id;  // who uploaded
  std::string file_name;
  uint64_t size_bytes = 0;
  std::string sha256;
  JobStage stage = JobStage::kQueued;
  core::Timestamp submitted_at{};
  std::optional<core::Timestamp> finished_at;
  std::optional<ImportResult> result;    // kDone
  std::optional<Status> error;           // kFailed
  std::optional<core::Id> duplicate_of;  // kFailed: the bytes were stored as this document
};

struct ImportJobsOptions {
  int threads = 1;
  // Queued plus running jobs a caller should allow (see Pending()).
  int max_pending = 4;
  // Finished jobs kept for their status; the oldest go first.
  size_t keep_finished = 1000;
  ImportOptions import;  // province, cleaning and reading options
};

class ImportJobs {
 public:
  // Loads the extractor for options.import.province and starts the threads.
  static Result<std::unique_ptr<ImportJobs>> Create(store::Store& store, ImportJobsOptions options);
  ~ImportJobs();  // Shutdown()
  ImportJobs(const ImportJobs&) = delete;
  ImportJobs& operator=(const ImportJobs&) = delete;

  // Queues `bytes` for import by `actor` (checks Action::kImport now; the
  // import checks again when it runs). Refused at once: bytes already
  // imported (Conflict naming the stored document); with InvalidInput, empty
  // bytes and bytes whose format (detected from the bytes) is not `declared`
  // or not the one the file name's extension says (.pdf, .docx, .txt; a
  // legacy .doc is refused). After Shutdown(): IoError.
  Result<ImportJob> Submit(const Actor& actor, std::string bytes, std::string file_name,
                           std::optional<document::Format> declared = std::nullopt);

  // A job's state (Action::kImport); NotFound for an unknown id.
  Result<ImportJob> Get(const Actor& actor, const std::string& id) const;

  // Jobs queued or running.
  int Pending() const;
  int max_pending() const { return options_.max_pending; }

  // Stops taking jobs, fails the queued ones ("the server stopped"), waits
  // for the running ones to finish. Idempotent.
  void Shutdown();

 private:
  struct Entry {
    ImportJob job;
    Actor actor;
    std::string bytes;
  };

  ImportJobs(store::Store& store, ImportJobsOptions options,
             std::unique_ptr<extract::Extractor> extractor);
  void Work();
  void Run(const std::string& id);
  void SetStage(const std::string& id, JobStage stage);
  void Finish(const std::string& id, Result<ImportResult> result);
  void ForgetOldLocked();

  store::Store& store_;
  const ImportJobsOptions options_;
  std::unique_ptr<extract::Extractor> extractor_;

  mutable std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::map<std::string, Entry> jobs_;
  std::deque<std::string> queue_;     // ids waiting
  std::deque<std::string> finished_;  // ids finished, oldest first
  int running_ = 0;
  std::vector<std::thread> threads_;
  std::once_flag shutdown_once_;
};

}  // namespace dondoc::service
