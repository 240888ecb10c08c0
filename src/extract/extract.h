// Extract: turn a cleaned document into reviewable items (tasks, targets,
// results, deadlines, reporting rules, task statistics, references), each
// pointing at its place in the original input. The output follows the
// extraction contract (../shared/docs/extract-contract.md).
#pragma once

#include <memory>
#include <string>

#include "common/status.h"
#include "extract/agencies.h"
#include "extract/model.h"
#include "text/clean.h"

namespace dondoc::extract {

struct ExtractOptions {
  std::string province;  // e.g. "Kon Tum"; empty: taken from the document when it names one
};

class Extractor {
 public:
  static Result<std::unique_ptr<Extractor>> Create(const ExtractOptions& options);
  Extraction Run(const text::CleanedDocument& doc) const;

 private:
  explicit Extractor(std::shared_ptr<const Gazetteer> agencies) : agencies_(std::move(agencies)) {}
  std::shared_ptr<const Gazetteer> agencies_;
};

}  // namespace dondoc::extract
