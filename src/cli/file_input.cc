#include "cli/file_input.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace dondoc::cli {

Result<std::string> ReadInputFile(const std::string& path, size_t max_bytes) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    return Status::InvalidInput(path + ": no such file");
  }
  if (std::filesystem::is_directory(status)) {
    return Status::InvalidInput(path + ": is a directory, not a file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::InvalidInput(path + ": cannot open: " + std::strerror(errno));
  }
  std::string data;
  const auto size =
      std::filesystem::is_regular_file(status) ? std::filesystem::file_size(path, ec) : 0;
  if (!ec && size > max_bytes) {
    return Status::InvalidInput(path + ": file is " + std::to_string(size) +
                                " bytes, more than the limit of " + std::to_string(max_bytes));
  }
  if (!ec && size > 0) data.reserve(size);
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    data.append(buffer, static_cast<size_t>(in.gcount()));
    if (data.size() > max_bytes) {
      return Status::InvalidInput(path + ": input is larger than the limit of " +
                                  std::to_string(max_bytes) + " bytes");
    }
  }
  if (in.bad()) return Status::IoError(path + ": read failed: " + std::strerror(errno));
  return data;
}

}  // namespace dondoc::cli
