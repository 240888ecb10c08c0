// Decoding: bytes of unknown encoding -> UTF-8 MappedText.
//
// Handles UTF-8 (validated; each invalid sequence is reported with its byte
// offset and replaced by U+FFFD, never dropped), UTF-8 and UTF-16 byte-order
// marks, UTF-16 LE/BE, and the legacy Vietnamese 8-bit encodings TCVN3 (ABC,
// TCVN 5712:1993 VN3), VNI-Windows and Windows-1258. With Encoding::kAuto the
// encoding is detected from the bytes; an explicit encoding overrides that.
//
// Input that is not text at all (NUL bytes outside UTF-16, mostly control
// bytes) is refused with StatusCode::kInvalidInput and a message that names
// the offset of the first offending byte.
//
// Detection (Encoding::kAuto): a BOM decides; else NUL bytes at one parity
// mean UTF-16; else valid UTF-8, or UTF-8 whose valid multi-byte characters
// outnumber its invalid sequences four to one, is UTF-8 (pure ASCII too);
// else each legacy encoding decodes a sample and the one whose non-ASCII
// words are most often well-formed Vietnamese syllables wins.
//
// An invalid UTF-8 sequence is taken by its structure: the lead byte and the
// continuation bytes that follow it are one issue and one U+FFFD (so an
// overlong form or an encoded surrogate is reported once, by name).
// Legacy text is composed to NFC (VNI and Windows-1258 write tones as
// separate bytes); a composed letter's origin is its base letter's byte.
// The legacy code charts are in legacy_tables.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "text/mapped_text.h"

namespace dondoc::text {

enum class Encoding {
  kAuto,
  kUtf8,
  kUtf16Le,
  kUtf16Be,
  kTcvn3,
  kVni,
  kWindows1258,
};

// Stable lower-case names used by the CLI flag --encoding and in JSON:
// auto, utf-8, utf-16le, utf-16be, tcvn3, vni, windows-1258.
std::string_view EncodingName(Encoding e);
std::optional<Encoding> ParseEncodingName(std::string_view name);

struct DecodeIssue {
  uint32_t offset = 0;  // byte offset in the original input
  // e.g. "invalid UTF-8 sequence (byte 0xC3 not followed by a continuation byte)"
  std::string message;
};

struct Decoded {
  MappedText text;  // valid UTF-8; origins are byte offsets in the input
  Encoding encoding = Encoding::kUtf8;
  SourceWidth width = SourceWidth::kUtf8;
  bool had_bom = false;
  std::vector<DecodeIssue> issues;
};

Result<Decoded> Decode(std::string_view bytes, Encoding requested = Encoding::kAuto);

}  // namespace dondoc::text
