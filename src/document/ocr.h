// OCR of rendered page images with tesseract's Vietnamese model.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "common/status.h"

namespace dondoc::document {

class Ocr {
 public:
  // Loads vie.traineddata from `tessdata_dir` (empty: $TESSDATA_PREFIX,
  // then the Debian path). kNotFound names the file when it is missing.
  static Result<std::unique_ptr<Ocr>> Create(const std::string& tessdata_dir);
  ~Ocr();
  Ocr(const Ocr&) = delete;
  Ocr& operator=(const Ocr&) = delete;

  // Text of an 8-bit grey image, lines separated by '\n'.
  Result<std::string> Read(const uint8_t* pixels, int width, int height, int bytes_per_line,
                           int dpi);

 private:
  struct Impl;
  explicit Ocr(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dondoc::document
