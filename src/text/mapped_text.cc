#include "text/mapped_text.h"

#include <algorithm>
#include <cstring>

#include "text/utf8.h"

namespace dondoc::text {

MappedText MappedText::Identity(std::string_view utf8, uint32_t base) {
  MappedText t;
  t.text_.assign(utf8);
  t.origin_.resize(utf8.size());
  for (size_t i = 0; i < utf8.size();) {
    const size_t len =
        std::min(Utf8SequenceLength(static_cast<unsigned char>(utf8[i])), utf8.size() - i);
    for (size_t k = 0; k < len; ++k) t.origin_[i + k] = base + static_cast<uint32_t>(i);
    i += len;
  }
  return t;
}

void MappedText::Append(std::string_view utf8, uint32_t origin) {
  text_.append(utf8);
  origin_.insert(origin_.end(), utf8.size(), origin);
}

void MappedText::AppendCodePoint(char32_t cp, uint32_t origin) {
  const size_t before = text_.size();
  AppendUtf8(cp, text_);
  origin_.insert(origin_.end(), text_.size() - before, origin);
}

void MappedText::AppendSlice(const MappedText& other, size_t begin, size_t end) {
  text_.append(other.text_, begin, end - begin);
  origin_.insert(origin_.end(), other.origin_.begin() + static_cast<ptrdiff_t>(begin),
                 other.origin_.begin() + static_cast<ptrdiff_t>(end));
}

void MappedText::AppendUtf8Run(std::string_view utf8, uint32_t base) {
  const size_t start = origin_.size();
  const size_t n = utf8.size();
  text_.append(utf8);
  origin_.resize(start + n);
  uint32_t* out = origin_.data() + start;
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  // A continuation byte (10xxxxxx) keeps the origin of the lead before it.
  // Eight bytes at a time: all-ASCII blocks are a plain count, the others
  // take the branch-free select (Vietnamese mixes 1-3 byte letters, so a
  // per-byte branch mispredicts).
  uint32_t current = base;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, sizeof w);
    if ((w & 0x8080808080808080ULL) == 0) {
      for (size_t k = 0; k < 8; ++k) out[i + k] = base + static_cast<uint32_t>(i + k);
      current = base + static_cast<uint32_t>(i + 7);
      continue;
    }
    for (size_t k = 0; k < 8; ++k) {
      const uint32_t here = base + static_cast<uint32_t>(i + k);
      current = (p[i + k] & 0xC0) != 0x80 ? here : current;
      out[i + k] = current;
    }
  }
  for (; i < n; ++i) {
    const uint32_t here = base + static_cast<uint32_t>(i);
    current = (p[i] & 0xC0) != 0x80 ? here : current;
    out[i] = current;
  }
}

MappedText MappedText::Slice(size_t begin, size_t end) const {
  MappedText t;
  t.AppendSlice(*this, begin, end);
  return t;
}

SourceMap::SourceMap(std::string_view original, SourceWidth width)
    : original_(original), width_(width), size_(original.size()) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < original.size(); ++i) {
    // UTF-16 input: a line break is the code unit 0x000A; find it by the
    // byte pair, taking the byte order from where the text's NULs fall.
    if (original[i] == '\n') {
      if (width == SourceWidth::kUtf16) {
        const bool le = (i % 2 == 0) && i + 1 < original.size() && original[i + 1] == '\0';
        const bool be = (i % 2 == 1) && original[i - 1] == '\0';
        if (!le && !be) continue;
        line_starts_.push_back(static_cast<uint32_t>(le ? i + 2 : i + 1));
      } else {
        line_starts_.push_back(static_cast<uint32_t>(i + 1));
      }
    }
  }
}

uint32_t SourceMap::LineOf(uint32_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<uint32_t>(it - line_starts_.begin());
}

uint32_t SourceMap::CharEnd(uint32_t offset) const {
  if (offset >= size_) return static_cast<uint32_t>(size_);
  size_t len = 1;
  switch (width_) {
    case SourceWidth::kUtf8:
      len = Utf8SequenceLength(static_cast<unsigned char>(original_[offset]));
      break;
    case SourceWidth::kSingleByte:
      len = 1;
      break;
    case SourceWidth::kUtf16: {
      len = 2;
      if (offset + 1 < size_) {
        // High surrogate D800-DBFF in either byte order starts a pair.
        const auto a = static_cast<unsigned char>(original_[offset]);
        const auto b = static_cast<unsigned char>(original_[offset + 1]);
        if ((a & 0xFC) == 0xD8 || (b & 0xFC) == 0xD8) len = 4;
      }
      break;
    }
  }
  return static_cast<uint32_t>(std::min(size_, offset + len));
}

SourceSpan SourceMap::SpanOf(const MappedText& t, size_t begin, size_t end) const {
  if (begin >= end || end > t.size()) return {};
  uint32_t lo = t.OriginAt(begin);
  uint32_t hi = t.OriginAt(begin);
  // Transforms may reorder (footnotes pulled out), so take the extremes.
  for (size_t i = begin; i < end; ++i) {
    lo = std::min(lo, t.OriginAt(i));
    hi = std::max(hi, t.OriginAt(i));
  }
  return {lo, CharEnd(hi)};
}

}  // namespace dondoc::text
