// Unicode normalisation of MappedText.
//
// ToNfc composes to NFC with ICU, keeping the map to the original: a
// composed character takes the origin of the first character it was made
// from. Input that is already NFC (the common case) is returned unchanged
// after a quick check.
#pragma once

#include "text/mapped_text.h"

namespace dondoc::text {

// Takes its input by value so that the common already-NFC case is a move.
MappedText ToNfc(MappedText in);
bool IsNfc(std::string_view utf8);

}  // namespace dondoc::text
