#pragma once

// Backing the process heap with transparent huge pages before llama.cpp
// allocates its buffers.
//
// A cold run of the embedded backend writes tens of megabytes of fresh
// memory once: the vocabulary's tables, the KV cache (which llama.cpp clears
// when it creates the context) and the compute buffer. Each fresh 4 KiB page
// costs a page fault, and in the virtual machines caro is measured on a fault
// costs about 12 us: a quarter of SmolLM-135M's cold start. A 2 MiB huge page
// costs one fault for 512 pages. The system's THP setting is usually
// "madvise", so the heap must ask for them: this does what glibc's
// `glibc.malloc.hugetlb=1` tunable does, which can only be set before the
// process starts.
//
// Only the main heap is advised; glibc's other arenas and memory mapped by
// llama.cpp itself are untouched. The effect is process-wide and permanent,
// which is why only the embedded backend's load calls it, once.

namespace caro::backends {

// Reserves `reserve_bytes` of heap address space in one step (nothing is
// touched, so nothing is resident yet), advises it MADV_HUGEPAGE and keeps
// glibc from trimming it or moving large blocks out of it. Returns false when
// the system cannot do it (no THP, no brk heap); the caller goes on without.
bool prefer_huge_pages_for_heap(unsigned long reserve_bytes);

} // namespace caro::backends
