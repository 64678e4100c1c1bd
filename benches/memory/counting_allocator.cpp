// The allocator interposition behind counting_allocator.h. Each entry point
// forwards to glibc's own implementation (__libc_*) and adjusts relaxed
// atomic counters; live sizes use malloc_usable_size so an allocation and
// its free always cancel exactly.

#include "counting_allocator.h"

#include <malloc.h>

#include <atomic>
#include <cerrno>
#include <cstddef>

extern "C" {
void* __libc_malloc(std::size_t size);
void* __libc_calloc(std::size_t count, std::size_t size);
void* __libc_realloc(void* pointer, std::size_t size);
void* __libc_memalign(std::size_t alignment, std::size_t size);
void __libc_free(void* pointer);
}

namespace {

// The only mutable globals in the project outside C-library callbacks: an
// allocator interposer has nowhere else to keep its counts.
std::atomic<std::uint64_t> g_allocated_bytes{0};
std::atomic<std::uint64_t> g_allocations{0};
std::atomic<std::int64_t> g_live_bytes{0};
std::atomic<std::int64_t> g_peak_live_bytes{0};

void count_allocation(void* pointer, std::size_t requested)
{
  if (pointer == nullptr) {
    return;
  }
  g_allocated_bytes.fetch_add(requested, std::memory_order_relaxed);
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  const auto usable = static_cast<std::int64_t>(malloc_usable_size(pointer));
  const std::int64_t live = g_live_bytes.fetch_add(usable, std::memory_order_relaxed) + usable;
  std::int64_t peak = g_peak_live_bytes.load(std::memory_order_relaxed);
  while (live > peak && !g_peak_live_bytes.compare_exchange_weak(peak, live, std::memory_order_relaxed)) {
  }
}

void count_free(void* pointer)
{
  if (pointer != nullptr) {
    g_live_bytes.fetch_sub(static_cast<std::int64_t>(malloc_usable_size(pointer)), std::memory_order_relaxed);
  }
}

} // namespace

extern "C" {

void* malloc(std::size_t size)
{
  void* pointer = __libc_malloc(size);
  count_allocation(pointer, size);
  return pointer;
}

void* calloc(std::size_t count, std::size_t size)
{
  void* pointer = __libc_calloc(count, size);
  count_allocation(pointer, count * size);
  return pointer;
}

void* realloc(void* old_pointer, std::size_t size)
{
  count_free(old_pointer);
  void* pointer = __libc_realloc(old_pointer, size);
  if (pointer == nullptr && old_pointer != nullptr && size != 0) {
    // The old block is still there.
    count_allocation(old_pointer, 0);
    g_allocations.fetch_sub(1, std::memory_order_relaxed);
    return nullptr;
  }
  count_allocation(pointer, size);
  return pointer;
}

void free(void* pointer)
{
  count_free(pointer);
  __libc_free(pointer);
}

void* memalign(std::size_t alignment, std::size_t size)
{
  void* pointer = __libc_memalign(alignment, size);
  count_allocation(pointer, size);
  return pointer;
}

void* aligned_alloc(std::size_t alignment, std::size_t size)
{
  return memalign(alignment, size);
}

int posix_memalign(void** out, std::size_t alignment, std::size_t size)
{
  void* pointer = memalign(alignment, size);
  if (pointer == nullptr) {
    return ENOMEM;
  }
  *out = pointer;
  return 0;
}

} // extern "C"

namespace caro::bench {

HeapCounters heap_counters()
{
  return {g_allocated_bytes.load(std::memory_order_relaxed), g_allocations.load(std::memory_order_relaxed),
          g_live_bytes.load(std::memory_order_relaxed), g_peak_live_bytes.load(std::memory_order_relaxed)};
}

void reset_heap_peak()
{
  g_peak_live_bytes.store(g_live_bytes.load(std::memory_order_relaxed), std::memory_order_relaxed);
}

} // namespace caro::bench
