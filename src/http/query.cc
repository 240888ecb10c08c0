#include "http/query.h"

#include <charconv>

namespace dondoc::http {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Values are echoed in error messages: keep them short and printable.
std::string Quote(std::string_view value) {
  constexpr size_t kMax = 40;
  std::string s = "'";
  if (value.size() <= kMax) {
    s += value;
  } else {
    size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
    s += value.substr(0, cut);
    s += "…";
  }
  return s + "'";
}

}  // namespace

bool IsValidUtf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char b = p[i];
    if (b < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    char32_t cp = 0;
    if (b >= 0xC2 && b <= 0xDF) {
      len = 2;
      cp = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
      len = 3;
      cp = b & 0x0F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      len = 4;
      cp = b & 0x07;
    } else {
      return false;
    }
    if (n - i < len) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += len;
  }
  return true;
}

std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int hi = HexValue(text[i + 1]);
      const int lo = HexValue(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  if (out.find('\0') != std::string::npos || !IsValidUtf8(out)) return std::nullopt;
  return out;
}

HttpResult<QueryParams> QueryParams::Parse(std::string_view raw) {
  QueryParams q;
  size_t start = 0;
  while (start <= raw.size()) {
    size_t end = raw.find('&', start);
    if (end == std::string_view::npos) end = raw.size();
    const std::string_view piece = raw.substr(start, end - start);
    start = end + 1;
    if (piece.empty()) continue;
    const size_t eq = piece.find('=');
    const std::string_view raw_name = piece.substr(0, eq);
    const std::string_view raw_value =
        eq == std::string_view::npos ? std::string_view() : piece.substr(eq + 1);
    auto name = PercentDecode(raw_name, true);
    if (!name || name->empty()) {
      return errors::BadRequest("tên tham số truy vấn không hợp lệ",
                                "a query parameter name is empty, badly percent-encoded "
                                "or not UTF-8");
    }
    auto value = PercentDecode(raw_value, true);
    if (!value) {
      return errors::InvalidParameter(*name, "mã hóa phần trăm sai hoặc không phải UTF-8",
                                      "bad percent-encoding or not UTF-8");
    }
    if (q.Has(*name)) {
      return errors::InvalidParameter(*name, "tham số xuất hiện hơn một lần",
                                      "given more than once");
    }
    q.pairs_.emplace_back(std::move(*name), std::move(*value));
  }
  return q;
}

std::optional<HttpError> QueryParams::RequireKnown(
    const std::vector<std::string_view>& known) const {
  for (const auto& [name, value] : pairs_) {
    bool found = false;
    for (std::string_view k : known) found = found || k == name;
    if (!found) {
      return errors::InvalidParameter(name, "tham số không được hỗ trợ", "unknown parameter");
    }
  }
  return std::nullopt;
}

bool QueryParams::Has(std::string_view name) const {
  for (const auto& p : pairs_) {
    if (p.first == name) return true;
  }
  return false;
}

std::optional<std::string> QueryParams::String(std::string_view name) const {
  for (const auto& p : pairs_) {
    if (p.first == name) return p.second;
  }
  return std::nullopt;
}

HttpResult<std::optional<core::Date>> QueryParams::Date(std::string_view name) const {
  auto v = String(name);
  if (!v) return std::optional<core::Date>();
  auto d = core::ParseIsoDate(*v);
  if (!d.ok()) {
    return errors::InvalidParameter(name, Quote(*v) + " không phải ngày dạng YYYY-MM-DD",
                                    Quote(*v) + " is not a YYYY-MM-DD date");
  }
  return std::optional<core::Date>(*d);
}

HttpResult<std::optional<int64_t>> QueryParams::Int(std::string_view name, int64_t min,
                                                    int64_t max) const {
  auto v = String(name);
  if (!v) return std::optional<int64_t>();
  int64_t n = 0;
  const char* first = v->data();
  const char* last = first + v->size();
  auto [ptr, ec] = std::from_chars(first, last, n);
  const std::string range = std::to_string(min) + ".." + std::to_string(max);
  if (v->empty() || ec != std::errc() || ptr != last || n < min || n > max) {
    return errors::InvalidParameter(name, Quote(*v) + " không phải số nguyên trong " + range,
                                    Quote(*v) + " is not an integer in " + range);
  }
  return std::optional<int64_t>(n);
}

HttpResult<std::optional<bool>> QueryParams::Bool(std::string_view name) const {
  auto v = String(name);
  if (!v) return std::optional<bool>();
  if (*v == "true" || *v == "1") return std::optional<bool>(true);
  if (*v == "false" || *v == "0") return std::optional<bool>(false);
  return errors::InvalidParameter(name, Quote(*v) + " phải là true hoặc false",
                                  Quote(*v) + " must be true or false");
}

}  // namespace dondoc::http
