// A zip archive in memory, read with hostile-input caps: how many entries it
// may have and how many bytes all entries read from it may unpack to (a zip
// bomb stops at the cap, whatever sizes its headers declare).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace dondoc::document {

class ZipArchive {
 public:
  // `bytes` must outlive the archive.
  static Result<std::unique_ptr<ZipArchive>> Open(std::string_view bytes, uint64_t max_entries,
                                                  uint64_t max_total_bytes);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  bool Has(const std::string& name) const;
  // The entry's bytes, or nullopt if there is no such entry. Errors: a
  // damaged entry, or the archive's byte budget used up.
  Result<std::optional<std::string>> Read(const std::string& name);

 private:
  struct Impl;
  explicit ZipArchive(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dondoc::document
