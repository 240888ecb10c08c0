#include "document/zip_archive.h"

#include <zip.h>

#include <utility>

namespace dondoc::document {

struct ZipArchive::Impl {
  zip_t* zip = nullptr;
  uint64_t budget = 0;  // bytes still allowed to be unpacked
  ~Impl() {
    if (zip != nullptr) zip_discard(zip);
  }
};

ZipArchive::ZipArchive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ZipArchive::~ZipArchive() = default;

Result<std::unique_ptr<ZipArchive>> ZipArchive::Open(std::string_view bytes, uint64_t max_entries,
                                                     uint64_t max_total_bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Status::Internal("cannot read the zip archive: " + message);
  }
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (zip == nullptr) {
    std::string message = zip_error_strerror(&error);
    zip_source_free(source);
    zip_error_fini(&error);
    return Status::InvalidInput("not a valid DOCX: damaged zip archive (" + message + ")");
  }
  zip_error_fini(&error);
  auto impl = std::make_unique<Impl>();
  impl->zip = zip;
  impl->budget = max_total_bytes;
  const zip_int64_t entries = zip_get_num_entries(zip, 0);
  if (entries < 0 || static_cast<uint64_t>(entries) > max_entries) {
    return Status::InvalidInput("not a valid DOCX: the zip archive has " + std::to_string(entries) +
                                " entries (at most " + std::to_string(max_entries) + ")");
  }
  return std::unique_ptr<ZipArchive>(new ZipArchive(std::move(impl)));
}

bool ZipArchive::Has(const std::string& name) const {
  return zip_name_locate(impl_->zip, name.c_str(), 0) >= 0;
}

Result<std::optional<std::string>> ZipArchive::Read(const std::string& name) {
  const zip_int64_t index = zip_name_locate(impl_->zip, name.c_str(), 0);
  if (index < 0) return std::optional<std::string>();
  zip_file_t* file = zip_fopen_index(impl_->zip, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) {
    return Status::InvalidInput("not a valid DOCX: cannot open " + name + " (" +
                                zip_strerror(impl_->zip) + ")");
  }
  std::string out;
  char buffer[1 << 16];
  Status status;
  for (;;) {
    const zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
    if (n < 0) {
      status = Status::InvalidInput("not a valid DOCX: damaged entry " + name + " (" +
                                    zip_file_strerror(file) + ")");
      break;
    }
    if (n == 0) break;
    // The budget counts what is really unpacked, not what headers declare.
    if (static_cast<uint64_t>(n) > impl_->budget) {
      status = Status::InvalidInput("DOCX too large: " + name +
                                    " unpacks past the limit on uncompressed size");
      break;
    }
    impl_->budget -= static_cast<uint64_t>(n);
    out.append(buffer, static_cast<size_t>(n));
  }
  zip_fclose(file);
  if (!status.ok()) return status;
  return std::optional<std::string>(std::move(out));
}

}  // namespace dondoc::document
