#include "service/agency_names.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <utility>

#include "extract/agencies.h"
#include "text/vietnamese.h"

namespace dondoc::service {
namespace {

std::vector<std::string> Words(std::string_view folded) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && folded[i] == ' ') ++i;
    const size_t start = i;
    while (i < folded.size() && folded[i] != ' ') ++i;
    if (i > start) words.emplace_back(folded.substr(start, i - start));
  }
  return words;
}

// `name` without a trailing "tỉnh <province>", "<province>" or "tỉnh",
// compared word by word on search keys; the name unchanged when none ends
// it.
std::string WithoutProvince(std::string_view name, std::string_view province) {
  const std::vector<std::string> original = Words(name);
  std::vector<std::string> words;
  words.reserve(original.size());
  for (const std::string& w : original) words.push_back(text::SearchKey(w));
  std::vector<std::string> suffix;
  if (!province.empty()) suffix = Words(text::SearchKey(province));
  size_t drop = 0;
  if (!suffix.empty() && words.size() > suffix.size() &&
      std::equal(suffix.begin(), suffix.end(), words.end() - static_cast<long>(suffix.size()))) {
    drop = suffix.size();
  }
  if (words.size() > drop + 1 && words[words.size() - drop - 1] == "tinh") ++drop;
  if (drop == 0) return std::string(name);
  std::string out;
  for (size_t i = 0; i + drop < original.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += original[i];
  }
  return out;
}

// The gazetteer's canonical name for `name` ("Sở KH&ĐT" -> "Sở Kế hoạch và
// Đầu tư"), or nothing when it knows none or cannot be loaded.
std::optional<std::string> Canonical(std::string_view name) {
  static const Result<std::shared_ptr<const extract::Gazetteer>> gazetteer =
      extract::Gazetteer::LoadDefault();
  if (!gazetteer.ok()) return std::nullopt;
  std::optional<extract::AgencyMention> mention = (*gazetteer)->Canonicalize(name);
  if (!mention || mention->canonical.empty()) return std::nullopt;
  return mention->canonical;
}

void AddCandidates(std::string_view name, std::string_view province,
                   std::vector<std::string>& candidates) {
  candidates.emplace_back(name);
  const std::string bare = WithoutProvince(name, province);
  if (bare != name) candidates.push_back(bare);
  candidates.push_back(bare + " tỉnh");
  if (!province.empty()) candidates.push_back(bare + " tỉnh " + std::string(province));
}

}  // namespace

Result<std::optional<core::Agency>> FindAgencyByName(store::Transaction& tx, std::string_view name,
                                                     core::Date on, std::string_view province) {
  std::vector<std::string> candidates;
  AddCandidates(name, province, candidates);
  for (size_t round = 0; round < 2; ++round) {
    for (const std::string& candidate : candidates) {
      Result<std::optional<core::Agency>> found = tx.FindAgency(candidate, on);
      if (!found.ok() || found->has_value()) return found;
    }
    // Then the gazetteer's full name for an abbreviation or variant.
    std::optional<std::string> canonical = Canonical(name);
    if (!canonical) canonical = Canonical(WithoutProvince(name, province));
    if (!canonical || text::SearchKey(*canonical) == text::SearchKey(name)) break;
    candidates.clear();
    AddCandidates(*canonical, province, candidates);
  }
  return std::optional<core::Agency>();
}

Result<std::vector<std::string>> CloseAgencyNames(store::Transaction& tx, std::string_view name,
                                                  core::Date on, size_t limit) {
  Result<std::vector<core::Agency>> agencies = tx.ListAgencies(on);
  if (!agencies.ok()) return agencies.status();
  // Shared words weighted by rarity among the agencies, so that "Sở" alone
  // ("Sở Y tế" against "Sở Nội vụ") is no match and "Tài" is.
  std::vector<std::set<std::string>> labels;
  labels.reserve(agencies->size());
  std::map<std::string, int> frequency;
  for (const core::Agency& agency : *agencies) {
    std::set<std::string> words;
    for (const std::string& label : {agency.name, agency.abbreviation}) {
      for (std::string& w : Words(text::SearchKey(label))) words.insert(std::move(w));
    }
    for (const std::string& w : words) ++frequency[w];
    labels.push_back(std::move(words));
  }
  const double n = static_cast<double>(agencies->size());
  auto weight = [&](const std::string& w) {
    auto it = frequency.find(w);
    return std::log((n + 1) / ((it == frequency.end() ? 0 : it->second) + 1)) + 0.01;
  };
  const std::vector<std::string> wanted_words = Words(text::SearchKey(name));
  const std::set<std::string> wanted(wanted_words.begin(), wanted_words.end());
  double wanted_weight = 0;
  for (const std::string& w : wanted) wanted_weight += weight(w);
  std::vector<std::pair<double, std::string>> scored;
  for (size_t i = 0; i < agencies->size() && wanted_weight > 0; ++i) {
    double shared = 0;
    for (const std::string& w : wanted) {
      if (labels[i].count(w)) shared += weight(w);
    }
    const double score = shared / wanted_weight;
    if (score >= 0.3) scored.emplace_back(score, (*agencies)[i].name);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> names;
  for (const auto& [score, agency_name] : scored) {
    if (names.size() >= limit) break;
    names.push_back(agency_name);
  }
  return names;
}

Result<core::Agency> ResolveAgency(store::Transaction& tx, std::string_view name, core::Date on,
                                   std::string_view province) {
  Result<std::optional<core::Agency>> found = FindAgencyByName(tx, name, on, province);
  if (!found.ok()) return found.status();
  if (found->has_value()) return std::move(**found);
  Result<std::vector<std::string>> close = CloseAgencyNames(tx, name, on);
  if (!close.ok()) return close.status();
  std::string message = "unknown agency \"" + std::string(name) + "\" on " +
                        core::FormatIsoDate(on) + " (không tìm thấy cơ quan)";
  if (close->empty()) {
    message += "; no stored agency has a similar name";
  } else {
    message += "; close matches: ";
    for (size_t i = 0; i < close->size(); ++i) {
      if (i > 0) message += ", ";
      message += "\"" + (*close)[i] + "\"";
    }
  }
  return Status::InvalidInput(message);
}

}  // namespace dondoc::service
