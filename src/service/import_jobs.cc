#include "service/import_jobs.h"

#include <random>
#include <string_view>
#include <utility>

#include "service/documents.h"
#include "service/permissions.h"

namespace dondoc::service {
namespace {

// 128 random bits as hex: unguessable, and never reused after a restart.
std::string NewJobId() {
  static constexpr char kHex[] = "0123456789abcdef";
  std::random_device random;
  std::string id;
  id.reserve(32);
  for (int i = 0; i < 4; ++i) {
    uint32_t word = random();
    for (int j = 0; j < 8; ++j) {
      id += kHex[word & 0xf];
      word >>= 4;
    }
  }
  return id;
}

Status DuplicateOf(const core::Document& d) {
  return Status::Conflict("duplicate of document " + std::to_string(d.id) + " (" + d.source_name +
                          ", sha256 " + d.source_sha256 + "; văn bản đã được nhập)");
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view FormatLabel(document::Format f) {
  switch (f) {
    case document::Format::kPdf:
      return "a PDF";
    case document::Format::kDocx:
      return "a DOCX document";
    case document::Format::kText:
      break;
  }
  return "plain text";
}

// Wrong format: the bytes are not what the upload says they are.
Status CheckFormat(std::string_view bytes, const std::string& file_name,
                   std::optional<document::Format> declared) {
  const document::Format found = document::DetectFormat(bytes);
  const std::string name = Lower(file_name);
  auto wrong = [&](std::string_view said) {
    return Status::InvalidInput("wrong format (sai định dạng): " + file_name + " is " +
                                std::string(said) + " but its content is " +
                                std::string(FormatLabel(found)));
  };
  if (name.ends_with(".doc")) {
    return Status::InvalidInput("wrong format (sai định dạng): " + file_name +
                                " is a Word 97-2003 .doc file, which is not read; save it as "
                                ".docx or PDF");
  }
  if (declared && *declared != found) {
    return wrong("declared as " + std::string(FormatLabel(*declared)));
  }
  if (name.ends_with(".pdf") && found != document::Format::kPdf) return wrong("named .pdf");
  if (name.ends_with(".docx") && found != document::Format::kDocx) return wrong("named .docx");
  if (name.ends_with(".txt") && found != document::Format::kText) return wrong("named .txt");
  return Status::Ok();
}

}  // namespace

const char* JobStageName(JobStage stage) {
  switch (stage) {
    case JobStage::kQueued:
      return "queued";
    case JobStage::kReading:
      return "reading";
    case JobStage::kExtracting:
      return "extracting";
    case JobStage::kStoring:
      return "storing";
    case JobStage::kDone:
      return "done";
    case JobStage::kFailed:
      return "failed";
  }
  return "unknown";
}

Result<std::unique_ptr<ImportJobs>> ImportJobs::Create(store::Store& store,
                                                       ImportJobsOptions options) {
  if (options.threads < 1 || options.max_pending < 1 || options.keep_finished < 1) {
    return Status::InvalidInput("import jobs: threads, max_pending and keep_finished must be >= 1");
  }
  extract::ExtractOptions extract_options;
  extract_options.province = options.import.province;
  Result<std::unique_ptr<extract::Extractor>> extractor =
      extract::Extractor::Create(extract_options);
  if (!extractor.ok()) return extractor.status();
  return std::unique_ptr<ImportJobs>(
      new ImportJobs(store, std::move(options), std::move(extractor.value())));
}

ImportJobs::ImportJobs(store::Store& store, ImportJobsOptions options,
                       std::unique_ptr<extract::Extractor> extractor)
    : store_(store), options_(std::move(options)), extractor_(std::move(extractor)) {
  for (int i = 0; i < options_.threads; ++i) threads_.emplace_back([this] { Work(); });
}

ImportJobs::~ImportJobs() { Shutdown(); }

Result<ImportJob> ImportJobs::Submit(const Actor& actor, std::string bytes, std::string file_name,
                                     std::optional<document::Format> declared) {
  if (Status s = Check(actor, Action::kImport); !s.ok()) return s;
  if (bytes.empty()) return Status::InvalidInput(file_name + ": the file is empty (tệp rỗng)");
  if (Status s = CheckFormat(bytes, file_name, declared); !s.ok()) return s;
  Entry entry;
  entry.job.id = NewJobId();
  entry.job.user_id = actor.user_id;
  entry.job.file_name = std::move(file_name);
  entry.job.size_bytes = bytes.size();
  entry.job.sha256 = Sha256Hex(bytes);
  entry.job.submitted_at = NowUtc();
  // The common duplicate is refused before anything is queued; two uploads
  // of the same bytes at once are caught by the import's own transaction.
  Result<std::optional<core::Document>> earlier =
      FindImportedDocument(store_, actor, entry.job.sha256);
  if (!earlier.ok()) return earlier.status();
  if (earlier->has_value()) return DuplicateOf(**earlier);
  entry.actor = actor;
  entry.bytes = std::move(bytes);
  ImportJob job = entry.job;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) return Status::IoError("the server is stopping; upload again later");
    jobs_.emplace(job.id, std::move(entry));
    queue_.push_back(job.id);
  }
  wake_.notify_one();
  return job;
}

Result<ImportJob> ImportJobs::Get(const Actor& actor, const std::string& id) const {
  if (Status s = Check(actor, Action::kImport); !s.ok()) return s;
  std::lock_guard<std::mutex> lock(mu_);
  auto it = jobs_.find(id);
  if (it == jobs_.end()) {
    return Status::NotFound("no import job " + id +
                            " (jobs are kept in memory: a restarted server forgets them)");
  }
  return it->second.job;
}

int ImportJobs::Pending() const {
  std::lock_guard<std::mutex> lock(mu_);
  return static_cast<int>(queue_.size()) + running_;
}

void ImportJobs::Shutdown() {
  // call_once: a second caller waits until the first has joined the threads.
  std::call_once(shutdown_once_, [this] {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
      for (const std::string& id : queue_) {
        Entry& e = jobs_.at(id);
        e.job.stage = JobStage::kFailed;
        e.job.error = Status::IoError("the server stopped before the import started; upload again");
        e.job.finished_at = NowUtc();
        e.bytes.clear();
      }
      queue_.clear();
    }
    wake_.notify_all();
    for (std::thread& t : threads_) t.join();
  });
}

void ImportJobs::Work() {
  while (true) {
    std::string id;
    {
      std::unique_lock<std::mutex> lock(mu_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping
      id = std::move(queue_.front());
      queue_.pop_front();
      ++running_;
    }
    Run(id);
  }
}

void ImportJobs::Run(const std::string& id) {
  Actor actor;
  std::string bytes;
  std::string file_name;
  {
    std::lock_guard<std::mutex> lock(mu_);
    Entry& e = jobs_.at(id);
    actor = e.actor;
    bytes = std::move(e.bytes);
    e.bytes.clear();
    file_name = e.job.file_name;
  }
  ImportOptions options = options_.import;
  options.on_step = [this, &id](ImportStep step) {
    switch (step) {
      case ImportStep::kReading:
        SetStage(id, JobStage::kReading);
        break;
      case ImportStep::kExtracting:
        SetStage(id, JobStage::kExtracting);
        break;
      case ImportStep::kStoring:
        SetStage(id, JobStage::kStoring);
        break;
    }
  };
  Finish(id, ImportDocument(store_, actor, std::move(bytes), file_name, *extractor_, options));
}

void ImportJobs::SetStage(const std::string& id, JobStage stage) {
  std::lock_guard<std::mutex> lock(mu_);
  jobs_.at(id).job.stage = stage;
}

void ImportJobs::Finish(const std::string& id, Result<ImportResult> result) {
  std::optional<core::Id> duplicate_of;
  std::string sha256;
  {
    std::lock_guard<std::mutex> lock(mu_);
    sha256 = jobs_.at(id).job.sha256;
  }
  if (!result.ok()) {
    // Lost a race with another upload of the same bytes: say which document.
    Result<std::optional<core::Document>> earlier =
        FindImportedDocument(store_, Actor::System(), sha256);
    if (earlier.ok() && earlier->has_value()) duplicate_of = (*earlier)->id;
  }
  std::lock_guard<std::mutex> lock(mu_);
  ImportJob& job = jobs_.at(id).job;
  job.finished_at = NowUtc();
  if (result.ok()) {
    job.stage = JobStage::kDone;
    job.result = std::move(result.value());
  } else {
    job.stage = JobStage::kFailed;
    job.error = result.status();
    job.duplicate_of = duplicate_of;
  }
  --running_;
  finished_.push_back(id);
  ForgetOldLocked();
}

void ImportJobs::ForgetOldLocked() {
  while (finished_.size() > options_.keep_finished) {
    jobs_.erase(finished_.front());
    finished_.pop_front();
  }
}

}  // namespace dondoc::service
