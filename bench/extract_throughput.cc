// Throughput of `dondoc extract` per core, beside the clean stage alone and
// a memchr scan of the same bytes, all measured in the same run.
//
// Each stage is timed by the wall clock and by the thread's CPU clock: on a
// shared machine the CPU time is the fairer figure (waiting for the core is
// not counted), and the ratio to clean is the figure to compare across runs.
//
// Usage: extract_throughput [MIN_MEGABYTES]   (default 100)
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "bench/bench_util.h"
#include "common/allocator.h"
#include "extract/extract.h"
#include "text/clean.h"

namespace {

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Best of `rounds` by wall clock and by CPU clock.
struct Times {
  double wall = 1e300;
  double cpu = 1e300;
};
template <typename Fn>
Times BestTimes(int rounds, Fn&& fn) {
  Times best;
  for (int r = 0; r < rounds; ++r) {
    const double c0 = ThreadCpuSeconds();
    const double w = dondoc::bench::BestSeconds(1, fn);
    best.cpu = std::min(best.cpu, ThreadCpuSeconds() - c0);
    best.wall = std::min(best.wall, w);
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  dondoc::TuneAllocatorForDocuments();
  using dondoc::bench::BestSeconds;
  const size_t min_bytes = (argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100) * 1000 * 1000;
  const auto corpus = dondoc::bench::LoadCorpus();
  if (corpus.empty()) {
    std::fprintf(stderr, "extract_throughput: no corpus under %s\n", DONDOC_SHARED_DIR);
    return 2;
  }
  auto lexicon = dondoc::text::Lexicon::LoadDefault();
  auto extractor = dondoc::extract::Extractor::Create({});
  if (!lexicon.ok() || !extractor.ok()) {
    std::fprintf(stderr, "extract_throughput: cannot load data\n");
    return 1;
  }
  std::vector<const std::string*> docs;
  size_t total = 0;
  while (total < min_bytes) {
    for (const auto& d : corpus) {
      docs.push_back(&d.bytes);
      total += d.bytes.size();
    }
  }
  size_t sink = 0;
  const double memchr_s = BestSeconds(3, [&] {
    for (const std::string* d : docs) {
      const char* p = d->data();
      const char* end = p + d->size();
      while ((p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p))))) {
        ++sink;
        ++p;
      }
    }
  });
  const Times clean_t = BestTimes(3, [&] {
    for (const std::string* d : docs) {
      auto doc = dondoc::text::Clean(*d, {}, lexicon->get());
      if (doc.ok()) sink += doc->layout.paragraphs.size();
    }
  });
  const Times extract_t = BestTimes(3, [&] {
    for (const std::string* d : docs) {
      auto doc = dondoc::text::Clean(*d, {}, lexicon->get());
      if (!doc.ok()) continue;
      const auto x = (*extractor)->Run(doc.value());
      sink += x.tasks.size() + x.targets.size() + x.results.size() + x.references.size();
    }
  });
  const double mb = static_cast<double>(total) / 1e6;
  std::printf("dondoc extract throughput, one core, best of 3 rounds, whole corpus %.1f MB\n\n",
              mb);
  std::printf("%-30s %9.1f MB/s  %8.4f x memchr\n", "memchr scan", mb / memchr_s, 1.0);
  for (const bool cpu : {false, true}) {
    const double clean_s = cpu ? clean_t.cpu : clean_t.wall;
    const double extract_s = cpu ? extract_t.cpu : extract_t.wall;
    std::printf("%s\n", cpu ? "by CPU time:" : "by wall-clock time:");
    std::printf("%-30s %9.1f MB/s  %8.4f x memchr\n", "clean (decode..layout)", mb / clean_s,
                memchr_s / clean_s);
    std::printf("%-30s %9.1f MB/s  %8.4f x memchr  %6.3f x clean\n", "clean + extract",
                mb / extract_s, memchr_s / extract_s, clean_s / extract_s);
  }
  std::printf("\n(checksum %zu)\n", sink);
  return 0;
}
