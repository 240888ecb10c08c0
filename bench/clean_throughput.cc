// Throughput of `dondoc clean` per core, beside two baselines measured in
// the same run on the same bytes: a memchr scan for line feeds (the memory
// bandwidth ceiling) and glibc iconv decoding TCVN5712-1 (a table decoder).
//
// Usage: clean_throughput [MIN_MEGABYTES]   (default 100)
#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "bench/bench_util.h"
#include "common/allocator.h"
#include "text/clean.h"

namespace {

using dondoc::bench::BestSeconds;
using dondoc::bench::NamedText;

constexpr int kRounds = 3;

// Documents repeated until their total size reaches `min_bytes`.
std::vector<const std::string*> Repeat(const std::vector<const NamedText*>& docs, size_t min_bytes,
                                       size_t* total) {
  std::vector<const std::string*> out;
  *total = 0;
  while (*total < min_bytes) {
    for (const NamedText* d : docs) {
      out.push_back(&d->bytes);
      *total += d->bytes.size();
    }
  }
  return out;
}

double MemchrSeconds(const std::vector<const std::string*>& docs, size_t* sink) {
  return BestSeconds(kRounds, [&] {
    size_t lines = 0;
    for (const std::string* d : docs) {
      const char* p = d->data();
      const char* end = p + d->size();
      while ((p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p))))) {
        ++lines;
        ++p;
      }
    }
    *sink += lines;
  });
}

double IconvSeconds(const std::vector<const std::string*>& docs, size_t* sink) {
  iconv_t cd = iconv_open("UTF-8", "TCVN5712-1");
  if (cd == reinterpret_cast<iconv_t>(-1)) return -1;
  std::vector<char> out(1 << 20);
  const double s = BestSeconds(kRounds, [&] {
    for (const std::string* d : docs) {
      out.resize(std::max(out.size(), d->size() * 4 + 16));
      char* in = const_cast<char*>(d->data());
      size_t in_left = d->size();
      char* o = out.data();
      size_t o_left = out.size();
      while (in_left > 0) {
        if (iconv(cd, &in, &in_left, &o, &o_left) == static_cast<size_t>(-1)) {
          if (errno == EILSEQ || errno == EINVAL) {
            ++in;  // skip an unmappable byte, as a tolerant decoder would
            --in_left;
          } else {
            break;
          }
        }
      }
      *sink += out.size() - o_left;
    }
  });
  iconv_close(cd);
  return s;
}

double CleanSeconds(const std::vector<const std::string*>& docs, bool repair,
                    const dondoc::text::Lexicon* lexicon, size_t* sink) {
  dondoc::text::CleanOptions options;
  options.repair = repair;
  return BestSeconds(kRounds, [&] {
    for (const std::string* d : docs) {
      auto r = dondoc::text::Clean(*d, options, lexicon);
      if (r.ok()) *sink += r->layout.paragraphs.size();
    }
  });
}

void Row(const char* what, size_t bytes, double seconds, double memchr_s, double iconv_s) {
  const double mbps = static_cast<double>(bytes) / 1e6 / seconds;
  std::printf("%-34s %9.1f MB/s   %7.4f x memchr   %7.3f x iconv\n", what, mbps, memchr_s / seconds,
              iconv_s > 0 ? iconv_s / seconds : 0.0);
}

}  // namespace

int main(int argc, char** argv) {
  dondoc::TuneAllocatorForDocuments();
  const size_t min_mb = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100;
  const std::vector<NamedText> corpus = dondoc::bench::LoadCorpus();
  if (corpus.empty()) {
    std::fprintf(stderr, "clean_throughput: no corpus under %s\n", DONDOC_SHARED_DIR);
    return 2;
  }
  auto lexicon = dondoc::text::Lexicon::LoadDefault();
  if (!lexicon.ok()) {
    std::fprintf(stderr, "clean_throughput: %s\n", lexicon.status().message().c_str());
    return 1;
  }
  // Damaged = documents whose text needs font repair (000); clean = the rest.
  std::vector<const NamedText*> clean_docs, damaged_docs, all_docs;
  for (const NamedText& d : corpus) {
    all_docs.push_back(&d);
    (d.name.rfind("000", 0) == 0 ? damaged_docs : clean_docs).push_back(&d);
  }
  size_t sink = 0;
  std::printf("dondoc clean throughput, one core, best of %d rounds, >= %zu MB per input\n\n",
              kRounds, min_mb);
  struct Case {
    const char* name;
    const std::vector<const NamedText*>* docs;
    bool repair;
  };
  const Case cases[] = {{"clean text, no repair", &clean_docs, false},
                        {"clean text, repair on", &clean_docs, true},
                        {"damaged text (000), repair on", &damaged_docs, true},
                        {"whole corpus, repair on", &all_docs, true}};
  for (const Case& c : cases) {
    if (c.docs->empty()) continue;
    size_t bytes = 0;
    const auto docs = Repeat(*c.docs, min_mb * 1000 * 1000, &bytes);
    const double memchr_s = MemchrSeconds(docs, &sink);
    const double iconv_s = IconvSeconds(docs, &sink);
    const double clean_s = CleanSeconds(docs, c.repair, lexicon->get(), &sink);
    std::printf("%s (%.1f MB)\n", c.name, static_cast<double>(bytes) / 1e6);
    Row("  memchr scan", bytes, memchr_s, memchr_s, iconv_s);
    Row("  iconv TCVN5712-1 decode", bytes, iconv_s, memchr_s, iconv_s);
    Row("  dondoc clean", bytes, clean_s, memchr_s, iconv_s);
  }
  std::printf("\n(checksum %zu)\n", sink);
  return 0;
}
