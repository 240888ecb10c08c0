#include "document/ocr.h"

#include <tesseract/baseapi.h>

#include <cstdlib>
#include <filesystem>
#include <utility>

namespace dondoc::document {

struct Ocr::Impl {
  tesseract::TessBaseAPI api;
  ~Impl() { api.End(); }
};

Ocr::Ocr(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Ocr::~Ocr() = default;

Result<std::unique_ptr<Ocr>> Ocr::Create(const std::string& tessdata_dir) {
  std::string dir = tessdata_dir;
  if (dir.empty()) {
    const char* env = std::getenv("TESSDATA_PREFIX");  // NOLINT(concurrency-mt-unsafe)
    dir = env != nullptr && *env != '\0' ? env : DONDOC_TESSDATA_DIR;
  }
  const std::filesystem::path model = std::filesystem::path(dir) / "vie.traineddata";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(model, ec)) {
    return Status::NotFound("OCR needs the Vietnamese model " + model.string() +
                            " (Debian package tesseract-ocr-vie), or use --ocr off");
  }
  auto impl = std::make_unique<Impl>();
  // Tesseract's own chatter goes nowhere; errors come back as values.
  if (impl->api.Init(dir.c_str(), "vie", tesseract::OEM_LSTM_ONLY) != 0) {
    return Status::Internal("tesseract could not load " + model.string());
  }
  impl->api.SetVariable("debug_file", "/dev/null");
  impl->api.SetPageSegMode(tesseract::PSM_AUTO);
  return std::unique_ptr<Ocr>(new Ocr(std::move(impl)));
}

Result<std::string> Ocr::Read(const uint8_t* pixels, int width, int height, int bytes_per_line,
                              int dpi) {
  tesseract::TessBaseAPI& api = impl_->api;
  api.SetImage(pixels, width, height, 1, bytes_per_line);
  api.SetSourceResolution(dpi);
  std::unique_ptr<char[]> text(api.GetUTF8Text());
  api.Clear();
  if (text == nullptr) return Status::Internal("tesseract failed on a page");
  return std::string(text.get());
}

}  // namespace dondoc::document
