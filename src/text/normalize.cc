#include "text/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

namespace dondoc::text {
namespace {

const icu::Normalizer2* Nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  return U_SUCCESS(status) ? nfc : nullptr;
}

}  // namespace

bool IsNfc(std::string_view utf8) {
  const icu::Normalizer2* nfc = Nfc();
  if (nfc == nullptr) return true;
  UErrorCode status = U_ZERO_ERROR;
  const bool yes = nfc->isNormalizedUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), status);
  return U_FAILURE(status) || yes;
}

MappedText ToNfc(MappedText in) {
  const icu::Normalizer2* nfc = Nfc();
  if (nfc == nullptr || IsNfc(in.text())) return in;

  std::string out_bytes;
  icu::StringByteSink<std::string> sink(&out_bytes);
  icu::Edits edits;
  UErrorCode status = U_ZERO_ERROR;
  nfc->normalizeUTF8(0, icu::StringPiece(in.text().data(), static_cast<int32_t>(in.size())), sink,
                     &edits, status);
  if (U_FAILURE(status)) return in;

  MappedText out;
  out.Reserve(out_bytes.size());
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(status)) {
    const auto src = static_cast<size_t>(it.sourceIndex());
    const auto dst = static_cast<size_t>(it.destinationIndex());
    const auto old_len = static_cast<size_t>(it.oldLength());
    const auto new_len = static_cast<size_t>(it.newLength());
    if (!it.hasChange()) {
      out.AppendSlice(in, src, src + old_len);
    } else if (new_len > 0) {
      // A composed character stands for the first source character of the
      // sequence it was made from.
      out.Append(std::string_view(out_bytes).substr(dst, new_len), in.OriginAt(src));
    }
  }
  return out;
}

}  // namespace dondoc::text
