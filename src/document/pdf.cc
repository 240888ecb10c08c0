// PDF: poppler's text of each page in reading order; pages whose text layer
// is (nearly) empty are rendered in grey and read by OCR. Caps keep hostile
// files bounded: the page count, and the pixels of a rendered page.
#include "document/pdf.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <climits>
#include <cmath>
#include <memory>
#include <string>

#include "document/ocr.h"

namespace dondoc::document {
namespace {

constexpr double kOcrDpi = 300;
constexpr double kMinOcrDpi = 50;
// Fewer visible characters than this and a page counts as having no text.
constexpr size_t kMinTextChars = 16;
// A grey level darker than this is ink; a page without ink is blank.
constexpr unsigned char kInk = 160;

void IgnorePopplerMessage(const std::string& /*message*/, void* /*closure*/) {}

// Control characters (a PDF can map glyphs to anything) would make the text
// layer take the rendition for binary data; tabs and newlines stay.
void AppendSanitised(std::string_view s, std::string* out) {
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\n' && c != '\t') {
      if (c != '\f') out->push_back(' ');
    } else if (u == 0x7F) {
      out->push_back(' ');
    } else {
      out->push_back(c);
    }
  }
}

size_t VisibleChars(std::string_view s) {
  size_t n = 0;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u > 0x20 && (u & 0xC0) != 0x80) ++n;  // count code points, not bytes
  }
  return n;
}

std::string PageText(const poppler::page& page) {
  const poppler::byte_array utf8 =
      page.text(poppler::rectf(), poppler::page::non_raw_non_physical_layout).to_utf8();
  std::string out;
  AppendSanitised(std::string_view(utf8.data(), utf8.size()), &out);
  return out;
}

bool HasInk(const poppler::image& img) {
  const char* data = img.const_data();
  for (int y = 0; y < img.height(); ++y) {
    const auto* row = reinterpret_cast<const unsigned char*>(data + static_cast<ptrdiff_t>(y) *
                                                                        img.bytes_per_row());
    for (int x = 0; x < img.width(); ++x) {
      if (row[x] < kInk) return true;
    }
  }
  return false;
}

class PageOcr {
 public:
  explicit PageOcr(const ReadOptions& options) : options_(options) {}

  // The page's text by OCR; "" for a blank page.
  Result<std::string> Read(const poppler::page& page) {
    const poppler::rectf box = page.page_rect();
    const double w = box.width() / 72;
    const double h = box.height() / 72;  // inches
    if (!(w > 0 && h > 0) || !std::isfinite(w * h)) return std::string();
    double dpi = kOcrDpi;
    const double max_pixels = static_cast<double>(options_.max_render_pixels);
    if (w * h * dpi * dpi > max_pixels) dpi = std::sqrt(max_pixels / (w * h));
    if (dpi < kMinOcrDpi) return std::string();  // a page too large to read
    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_gray8);
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    const poppler::image img = renderer.render_page(&page, dpi, dpi);
    if (!img.is_valid() || img.format() != poppler::image::format_gray8 || !HasInk(img)) {
      return std::string();
    }
    if (ocr_ == nullptr) {
      Result<std::unique_ptr<Ocr>> ocr = Ocr::Create(options_.tessdata_dir);
      if (!ocr.ok()) return ocr.status();
      ocr_ = std::move(ocr.value());
    }
    Result<std::string> text =
        ocr_->Read(reinterpret_cast<const uint8_t*>(img.const_data()), img.width(), img.height(),
                   img.bytes_per_row(), static_cast<int>(dpi));
    if (!text.ok()) return text.status();
    std::string out;
    AppendSanitised(*text, &out);
    return out;
  }

 private:
  const ReadOptions& options_;
  std::unique_ptr<Ocr> ocr_;
};

// Appends one page's lines, trailing blank lines dropped; a page after the
// first starts with a space, as the layout expects of PDF extraction.
void AppendPage(std::string_view text, uint32_t page, ExtractedText* out) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  if (VisibleChars(text) == 0) return;
  if (page > 1 && text.front() != ' ') out->text += ' ';
  size_t b = 0;
  for (;;) {
    const size_t e = text.find('\n', b);
    out->text.append(text.substr(b, e == std::string_view::npos ? e : e - b));
    out->text += '\n';
    out->line_pages.push_back(page);
    if (e == std::string_view::npos) break;
    b = e + 1;
  }
}

}  // namespace

Result<ExtractedText> ReadPdf(std::string_view bytes, const ReadOptions& options) {
  static const bool silenced = [] {
    poppler::set_debug_error_function(IgnorePopplerMessage, nullptr);
    return true;
  }();
  (void)silenced;
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    return Status::InvalidInput("PDF too large (over 2 GiB)");
  }
  const std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (doc == nullptr) {
    return Status::InvalidInput(
        "not a valid PDF: damaged or truncated, or encrypted with an "
        "owner password poppler cannot read");
  }
  if (doc->is_locked()) {
    return Status::InvalidInput("encrypted PDF: it needs a password to open");
  }
  const int pages = doc->pages();
  if (pages <= 0) return Status::InvalidInput("not a valid PDF: it has no pages");
  if (pages > options.max_pdf_pages) {
    return Status::InvalidInput("PDF has " + std::to_string(pages) + " pages (at most " +
                                std::to_string(options.max_pdf_pages) + ")");
  }
  ExtractedText out;
  out.format = Format::kPdf;
  out.page_count = static_cast<uint32_t>(pages);
  PageOcr ocr(options);
  for (int i = 0; i < pages; ++i) {
    const auto number = static_cast<uint32_t>(i + 1);
    const std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (page == nullptr) continue;
    std::string text = options.ocr == OcrMode::kForce ? std::string() : PageText(*page);
    if (options.ocr != OcrMode::kOff && VisibleChars(text) < kMinTextChars) {
      Result<std::string> read = ocr.Read(*page);
      if (!read.ok()) return read.status();
      if (VisibleChars(*read) > VisibleChars(text)) {
        text = std::move(read.value());
        out.ocr_pages.push_back(number);
      }
    }
    AppendPage(text, number, &out);
  }
  return out;
}

}  // namespace dondoc::document
