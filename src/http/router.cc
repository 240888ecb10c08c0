#include "http/router.h"

namespace dondoc::http {
namespace {

std::vector<std::string_view> Split(std::string_view path) {
  std::vector<std::string_view> parts;
  size_t start = 1;  // past the leading '/'
  while (true) {
    const size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) {
      parts.push_back(path.substr(start));
      break;
    }
    parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

bool IsParameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool IsToken(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-' || c == '.';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

Status Router::Add(std::string method, std::string pattern, BodyKind body, RouteDoc doc,
                   Handler handler) {
  return Add(std::move(method), std::move(pattern), body, std::move(doc), std::move(handler),
             BodyDoc{});
}

Status Router::Add(std::string method, std::string pattern, BodyKind body, RouteDoc doc,
                   Handler handler, BodyDoc body_doc) {
  if (method.empty() || pattern.empty() || pattern.front() != '/') {
    return Status::InvalidInput("route pattern must start with '/': '" + pattern + "'");
  }
  std::vector<std::string> segments;
  for (std::string_view s : Split(pattern)) {
    const bool ok = IsParameter(s) ? IsToken(s.substr(1, s.size() - 2)) : IsToken(s);
    if (!ok) {
      return Status::InvalidInput("bad segment '" + std::string(s) + "' in route pattern '" +
                                  pattern + "'");
    }
    segments.emplace_back(s);
  }
  // Two patterns that differ only in parameter names match the same paths.
  auto same_shape = [&](const std::vector<std::string>& other) {
    if (other.size() != segments.size()) return false;
    for (size_t i = 0; i < other.size(); ++i) {
      const bool both_params = IsParameter(other[i]) && IsParameter(segments[i]);
      if (!both_params && other[i] != segments[i]) return false;
    }
    return true;
  };
  for (const Route& r : routes_) {
    if (r.method == method && same_shape(r.segments)) {
      std::string message = "route ";
      message += method;
      message += " ";
      message += pattern;
      message += " added twice";
      return Status::InvalidInput(std::move(message));
    }
  }
  routes_.push_back(Route{std::move(method), std::move(pattern), body, std::move(doc),
                          std::move(handler), std::move(segments), std::move(body_doc)});
  return Status::Ok();
}

RouteMatch Router::Find(std::string_view method, std::string_view path) const {
  RouteMatch match;
  if (path.empty() || path.front() != '/') {
    match.kind = RouteMatch::kBadPath;
    return match;
  }
  const std::vector<std::string_view> parts = Split(path);
  for (const Route& r : routes_) {
    if (r.segments.size() != parts.size()) continue;
    std::vector<std::pair<std::string, std::string>> params;
    bool matched = true;
    for (size_t i = 0; i < parts.size() && matched; ++i) {
      const std::string& seg = r.segments[i];
      if (!IsParameter(seg)) {
        matched = seg == parts[i];
        continue;
      }
      if (parts[i].empty()) {
        matched = false;
        continue;
      }
      auto value = PercentDecode(parts[i], /*plus_is_space=*/false);
      if (!value) {
        match.kind = RouteMatch::kBadPath;
        return match;
      }
      params.emplace_back(seg.substr(1, seg.size() - 2), std::move(*value));
    }
    if (!matched) continue;
    if (r.method == method) {
      match.kind = RouteMatch::kFound;
      match.route = &r;
      match.params = std::move(params);
      match.allowed.clear();
      return match;
    }
    match.kind = RouteMatch::kMethodNotAllowed;
    match.allowed.push_back(r.method);
  }
  return match;
}

}  // namespace dondoc::http
