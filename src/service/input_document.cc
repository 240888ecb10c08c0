#include "service/input_document.h"

#include <memory>
#include <utility>

#include "text/lexicon.h"

namespace dondoc::service {

Result<InputDocument> ReadAndCleanBytes(std::string bytes, const text::CleanOptions& options,
                                        const document::ReadOptions& read_options) {
  Result<document::ExtractedText> extracted =
      document::ReadDocument(std::move(bytes), read_options);
  if (!extracted.ok()) return extracted.status();
  std::shared_ptr<const text::Lexicon> lexicon;
  if (options.repair) {
    static const auto loaded = text::Lexicon::LoadDefault();
    if (!loaded.ok()) return loaded.status();
    lexicon = *loaded;
  }
  text::CleanOptions clean = options;
  // A rendition is UTF-8 by construction, whatever the encoding option says.
  if (extracted->format != document::Format::kText) clean.encoding = text::Encoding::kUtf8;
  Result<text::CleanedDocument> doc = text::Clean(std::move(extracted->text), clean, lexicon.get());
  if (!doc.ok()) return doc.status();
  InputDocument out;
  out.cleaned = std::move(doc.value());
  out.format = extracted->format;
  out.line_pages = std::move(extracted->line_pages);
  out.page_count = extracted->page_count;
  out.ocr_pages = std::move(extracted->ocr_pages);
  return out;
}

}  // namespace dondoc::service
