#include "store/sqlite_tokenizer.h"

#include <cstring>

#include "text/utf8.h"
#include "text/vietnamese.h"

namespace dondoc::store::sqlite {

namespace {

bool IsTokenCodePoint(char32_t cp) { return (cp >= '0' && cp <= '9') || text::IsWordCodePoint(cp); }

// The folded key of one token; plain ASCII takes a fast path.
void FoldToken(std::string_view token, std::string& out) {
  bool ascii = true;
  for (char c : token) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    out.assign(token);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return;
  }
  out = text::SearchKey(token);
}

// Calls fn(begin, end) for every token of `text`.
template <typename Fn>
int ForEachToken(std::string_view text, Fn&& fn) {
  size_t i = 0;
  size_t start = 0;
  bool in_token = false;
  while (i < text.size()) {
    const size_t at = i;
    const char32_t cp = text::NextCodePoint(text, i);
    const bool token = IsTokenCodePoint(cp);
    if (token && !in_token) {
      start = at;
      in_token = true;
    } else if (!token && in_token) {
      in_token = false;
      const int rc = fn(start, at);
      if (rc != SQLITE_OK) return rc;
    }
  }
  if (in_token) return fn(start, text.size());
  return SQLITE_OK;
}

// The tokenizer has no state: one static instance serves every table.
int Create(void* /*context*/, const char** /*args*/, int /*count*/, Fts5Tokenizer** out) {
  static char instance;
  *out = reinterpret_cast<Fts5Tokenizer*>(&instance);
  return SQLITE_OK;
}

void Delete(Fts5Tokenizer* /*tokenizer*/) {}

int Tokenize(Fts5Tokenizer* /*tokenizer*/, void* context, int /*flags*/, const char* text,
             int length, int (*token_callback)(void*, int, const char*, int, int, int)) {
  const std::string_view view(text, length < 0 ? std::strlen(text) : static_cast<size_t>(length));
  std::string folded;
  return ForEachToken(view, [&](size_t begin, size_t end) {
    FoldToken(view.substr(begin, end - begin), folded);
    if (folded.empty()) return SQLITE_OK;
    return token_callback(context, 0, folded.data(), static_cast<int>(folded.size()),
                          static_cast<int>(begin), static_cast<int>(end));
  });
}

}  // namespace

Status RegisterVietnameseTokenizer(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) {
    return Status::Internal(std::string("SQLite has no FTS5: ") + sqlite3_errmsg(db));
  }
  sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  if (api == nullptr) return Status::Internal("SQLite has no FTS5 API");
  fts5_tokenizer tokenizer{Create, Delete, Tokenize};
  const int rc = api->xCreateTokenizer(api, kTokenizerName, nullptr, &tokenizer, nullptr);
  if (rc != SQLITE_OK) {
    return Status::Internal(std::string("cannot register the FTS5 tokenizer: ") +
                            sqlite3_errstr(rc));
  }
  return Status::Ok();
}

std::vector<std::string> FoldedTokens(std::string_view text) {
  std::vector<std::string> tokens;
  std::string folded;
  ForEachToken(text, [&](size_t begin, size_t end) {
    FoldToken(text.substr(begin, end - begin), folded);
    if (!folded.empty()) tokens.push_back(folded);
    return SQLITE_OK;
  });
  return tokens;
}

}  // namespace dondoc::store::sqlite
