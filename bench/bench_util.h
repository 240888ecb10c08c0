// Helpers shared by the benchmark programs: loading the corpus, timing.
#pragma once

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace dondoc::bench {

struct NamedText {
  std::string name;
  std::string bytes;
};

// Reads every *.txt under DONDOC_SHARED_DIR/corpus/kontum, sorted by name.
inline std::vector<NamedText> LoadCorpus() {
  std::vector<NamedText> out;
  const std::filesystem::path dir = std::filesystem::path(DONDOC_SHARED_DIR) / "corpus/kontum";
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    out.push_back({entry.path().filename().string(), ss.str()});
  }
  std::sort(out.begin(), out.end(),
            [](const NamedText& a, const NamedText& b) { return a.name < b.name; });
  return out;
}

// Seconds taken by fn(), best of `rounds` runs (the least disturbed one).
template <typename Fn>
double BestSeconds(int rounds, Fn&& fn) {
  double best = 1e300;
  for (int r = 0; r < rounds; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    fn();
    const auto t1 = std::chrono::steady_clock::now();
    best = std::min(best, std::chrono::duration<double>(t1 - t0).count());
  }
  return best;
}

}  // namespace dondoc::bench
