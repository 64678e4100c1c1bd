// prefer_huge_pages_for_heap: after it, a large block comes from the main
// heap, inside a range the kernel marks for transparent huge pages ("hg" in
// the VmFlags of /proc/self/smaps).

#include "caro/backends/embedded/huge_page_heap.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace caro::backends {
namespace {

// The VmFlags line of the mapping that holds `address`, or "" when none does.
std::string vm_flags_of(const void* address)
{
  const auto where = reinterpret_cast<uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    uintptr_t begin = 0;
    uintptr_t end = 0;
    char dash = 0;
    std::istringstream range(line);
    if (range >> std::hex >> begin >> dash >> end && dash == '-' && line.find(':') > line.find(' ')) {
      inside = begin <= where && where < end;
    } else if (inside && line.rfind("VmFlags:", 0) == 0) {
      return line;
    }
  }
  return "";
}

TEST(HugePageHeap, LargeBlocksLandInTheAdvisedHeap)
{
  if (!prefer_huge_pages_for_heap(64UL << 20)) {
    GTEST_SKIP() << "this system cannot advise huge pages (no THP or no brk heap)";
  }
  // 8 MB is above glibc's default mmap threshold: without the call it would
  // get a mapping of its own, never advised.
  constexpr size_t k_size = 8UL << 20;
  auto* block = static_cast<char*>(std::malloc(k_size));
  ASSERT_NE(block, nullptr);
  // The advice starts at the first 2 MB boundary of the heap's free top, so
  // a block's first bytes may lie just below it; its end lies inside.
  const std::string flags = vm_flags_of(block + k_size - 1);
  std::free(block);
  EXPECT_NE(flags.find(" hg"), std::string::npos) << flags;
}

} // namespace
} // namespace caro::backends
