// Transparent huge pages for the main heap (see huge_page_heap.h). Uses only
// glibc's documented mallopt() knobs, sbrk(0) and madvise(2).

#include "caro/backends/embedded/huge_page_heap.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

namespace caro::backends {
namespace {

constexpr uintptr_t k_huge_page = 2UL << 20;
// glibc refuses larger mmap thresholds (HEAP_MAX / 2 on 64-bit).
constexpr int k_max_mmap_threshold = 32 << 20;

} // namespace

bool prefer_huge_pages_for_heap(unsigned long reserve_bytes)
{
#if defined(__linux__) && defined(__GLIBC__) && defined(MADV_HUGEPAGE)
  // Large blocks would otherwise get mappings of their own, outside the
  // advised range; and a trimmed and regrown heap would lose the advice.
  if (mallopt(M_MMAP_THRESHOLD, k_max_mmap_threshold) == 0 || mallopt(M_TRIM_THRESHOLD, INT32_MAX) == 0 ||
      mallopt(M_TOP_PAD, static_cast<int>(reserve_bytes)) == 0) {
    return false;
  }
  // A block larger than the heap's free top makes glibc extend the heap now,
  // by the block plus the top pad; freed, it goes back to the top, where
  // later allocations find it.
  void* probe = std::malloc(k_huge_page * 2);
  if (probe == nullptr) {
    return false;
  }
  const uintptr_t first = (reinterpret_cast<uintptr_t>(probe) + k_huge_page - 1) & ~(k_huge_page - 1);
  std::free(probe);
  // The range runs from that boundary to the heap's end (sbrk(0)), and is
  // addressed from the end so the pointer comes from a pointer.
  auto* const end = static_cast<char*>(sbrk(0));
  const auto end_address = reinterpret_cast<uintptr_t>(end);
  if (end_address <= first + k_huge_page) {
    return false;
  }
  const uintptr_t length = end_address - first;
  return madvise(end - length, length, MADV_HUGEPAGE) == 0;
#else
  (void)reserve_bytes;
  return false;
#endif
}

} // namespace caro::backends
