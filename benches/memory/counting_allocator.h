#pragma once

// Heap accounting for the memory benchmarks. This program (and only this
// one) interposes the C allocator: glibc 2.34 removed the malloc hooks, and
// libstdc++'s operator new allocates through malloc, so counting malloc,
// calloc, realloc, the aligned forms and free sees every C++ allocation and
// every C library's (tree-sitter, llama.cpp, libcurl) exactly once.

#include <cstdint>

namespace caro::bench {

struct HeapCounters
{
  std::uint64_t allocated_bytes = 0; // requested, summed over all allocations
  std::uint64_t allocations = 0;
  std::int64_t live_bytes = 0; // usable bytes currently allocated
  std::int64_t peak_live_bytes = 0;
};

HeapCounters heap_counters();

// Starts a new peak measurement from the current live size.
void reset_heap_peak();

} // namespace caro::bench
