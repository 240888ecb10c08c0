// Import: one document file -> a stored Document, its citations, and one
// Proposal per extracted item, waiting for review (service/review.h).
// Nothing becomes a tracked task until a person confirms it.
//
// Steps: permission (import) -> read (text, DOCX, PDF) and clean -> extract
// -> in ONE store transaction: refuse bytes imported before (same SHA-256:
// InvalidInput naming the stored document), add the Document (issuer
// resolved to a stored agency when the store knows it), its references as
// DocumentLinks (linked to the stored document with the same number and
// issuer), and the proposals (tasks, targets, results, reporting rules),
// each with its item's contract JSON as payload and its span. A duplicate
// number from the same issuer is the store's InvalidInput; either way
// nothing is written.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "common/sha256.h"
#include "common/status.h"
#include "core/model.h"
#include "document/reader.h"
#include "extract/extract.h"
#include "service/actor.h"
#include "store/store.h"
#include "text/clean.h"

namespace dondoc::service {

// The steps of an import, in order, as reported to ImportOptions::on_step.
enum class ImportStep { kReading, kExtracting, kStoring };

struct ImportOptions {
  // The province the document belongs to ("Kon Tum"): helps match agency
  // names stored with it. The extractor's own province is set when it is
  // created (extract::ExtractOptions).
  std::string province;
  text::CleanOptions clean;
  document::ReadOptions read;
  // When the import happens; now when unset (tests pin it).
  std::optional<core::Timestamp> now;
  // Called as each step starts (service/import_jobs.h shows it as progress);
  // on the importing thread.
  std::function<void(ImportStep)> on_step;
};

struct ImportResult {
  core::Id document_id = 0;
  std::string sha256;
  std::string format;  // "text", "docx", "pdf"
  std::optional<std::string> number;
  std::optional<core::Id> issuer_agency_id;
  int references = 0;
  int references_linked = 0;  // to a stored document
  int tasks = 0;
  int targets = 0;
  int results = 0;
  int reporting_rules = 0;
  int proposals() const { return tasks + targets + results + reporting_rules; }
};

// `file_name` is kept as the document's source name and prefixes errors.
Result<ImportResult> ImportDocument(store::Store& store, const Actor& actor, std::string bytes,
                                    std::string_view file_name, const extract::Extractor& extractor,
                                    const ImportOptions& options);

// The current instant, to the second.
core::Timestamp NowUtc();

}  // namespace dondoc::service
