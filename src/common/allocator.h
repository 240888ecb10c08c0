// Process-wide allocator settings for document processing.
//
// Each document passes through several stages whose buffers are a few
// times the document's size. By default glibc returns freed memory at the
// top of the heap to the kernel and serves large blocks with fresh mmaps, so
// the next document page-faults all of it back in; on virtual machines page
// faults are a large share of the cleaning time. Keeping up to 64 MiB of
// freed memory makes consecutive documents reuse the same pages.
#pragma once

#include <malloc.h>

namespace dondoc {

inline void TuneAllocatorForDocuments() {
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
#endif
}

}  // namespace dondoc
