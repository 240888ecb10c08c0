// MappedText: UTF-8 text that remembers where every character came from.
//
// Every transform in the text layer (decode, normalise, repair, layout) takes
// a MappedText and returns a new one whose characters carry the byte offset
// in the ORIGINAL input of the character they were made from. Composition is
// therefore free: a later stage copies the origin of whatever it keeps.
//
// `origin` has one entry per byte of `text`: all bytes of one UTF-8 character
// carry the same origin, the offset where the source character starts. A
// character that a transform inserts (a joining space, a repaired letter)
// takes the origin of the source character it stands for or follows.
//
// SourceMap turns origins back into spans and 1-based line numbers of the
// original file, which is what the extraction contract reports.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dondoc::text {

// A half-open byte range [start, end) of the original input.
struct SourceSpan {
  uint32_t start = 0;
  uint32_t end = 0;
};

class MappedText {
 public:
  MappedText() = default;

  // Identity map: every byte of `utf8` maps to `base + its own offset`,
  // with all bytes of a multi-byte character mapped to its first byte.
  static MappedText Identity(std::string_view utf8, uint32_t base = 0);

  const std::string& text() const { return text_; }
  const std::vector<uint32_t>& origins() const { return origin_; }
  size_t size() const { return text_.size(); }
  bool empty() const { return text_.empty(); }

  // Origin of the character that output byte `i` belongs to.
  uint32_t OriginAt(size_t i) const { return origin_[i]; }

  // Appends UTF-8 bytes that all stand for one source character at `origin`.
  void Append(std::string_view utf8, uint32_t origin);
  // Appends one code point standing for the source character at `origin`.
  void AppendCodePoint(char32_t cp, uint32_t origin);
  // Appends bytes [begin, end) of `other`, keeping their origins.
  void AppendSlice(const MappedText& other, size_t begin, size_t end);
  // Appends a run of valid UTF-8 copied from the original input, whose first
  // byte was at offset `base` there: like Identity, every byte maps to the
  // offset of its character's first byte. The bulk path of Decode.
  void AppendUtf8Run(std::string_view utf8, uint32_t base);

  // Copy of bytes [begin, end), origins kept.
  MappedText Slice(size_t begin, size_t end) const;

  void Reserve(size_t n) {
    text_.reserve(n);
    origin_.reserve(n);
  }
  void Clear() {
    text_.clear();
    origin_.clear();
  }

 private:
  std::string text_;
  std::vector<uint32_t> origin_;
};

// Character widths of the original encoding, needed to find where the source
// character at an origin ends.
enum class SourceWidth {
  kUtf8,        // width from the UTF-8 lead byte
  kSingleByte,  // TCVN3, VNI, Windows-1258: always one byte
  kUtf16,       // 2 bytes, or 4 for a surrogate pair
};

// The original input and the index of its lines.
class SourceMap {
 public:
  SourceMap() = default;
  SourceMap(std::string_view original, SourceWidth width);

  // 1-based line number of byte `offset` (an offset past the end gives the
  // last line). Lines end at LF; a CR before LF belongs to its line.
  uint32_t LineOf(uint32_t offset) const;
  // Offset just past the source character that starts at `offset`.
  uint32_t CharEnd(uint32_t offset) const;
  // Span in the original of output bytes [begin, end) of `t` (end > begin).
  SourceSpan SpanOf(const MappedText& t, size_t begin, size_t end) const;
  uint32_t size() const { return static_cast<uint32_t>(size_); }
  size_t line_count() const { return line_starts_.size(); }

 private:
  std::string_view original_;  // not owned: the caller keeps the input alive
  SourceWidth width_ = SourceWidth::kUtf8;
  size_t size_ = 0;
  std::vector<uint32_t> line_starts_;
};

}  // namespace dondoc::text
