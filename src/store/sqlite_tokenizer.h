// The "dondoc" FTS5 tokenizer: Vietnamese text folded for search.
//
// Tokens are maximal runs of letters (text::IsWordCodePoint) and ASCII
// digits; each is indexed as its text::SearchKey (lower case, no diacritics,
// đ = d), with offsets into the original text, so that a query "ke hoach
// dau tu" matches "Kế hoạch và Đầu tư" and snippet()/highlight() show the
// author's own words.
#pragma once

#include <sqlite3.h>

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace dondoc::store::sqlite {

inline constexpr const char* kTokenizerName = "dondoc";

// Registers the tokenizer on one connection (needed before any use of the
// FTS table, on every connection).
Status RegisterVietnameseTokenizer(sqlite3* db);

// The folded tokens of `text` as the tokenizer produces them; also used to
// turn a user's search words into a safe FTS5 query.
std::vector<std::string> FoldedTokens(std::string_view text);

}  // namespace dondoc::store::sqlite
