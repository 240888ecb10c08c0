#include "text/decode.h"

namespace dondoc::text {
// Placeholder until the decode module lands: UTF-8 only.
std::string_view EncodingName(Encoding) { return "utf-8"; }
std::optional<Encoding> ParseEncodingName(std::string_view) { return Encoding::kUtf8; }
Result<Decoded> Decode(std::string_view bytes, Encoding) {
  Decoded d;
  d.text = MappedText::Identity(bytes);
  return d;
}
}  // namespace dondoc::text
