#pragma once

// How long a test waits for something that should happen soon (a prompt, a
// process's exit, a screen update). A passing test never waits this long:
// the wait ends as soon as the thing happens. It is generous because CI
// machines have been seen to stall every process for over ten seconds.

#include <chrono>

namespace caro::testing {

inline constexpr std::chrono::seconds k_patience{60};

} // namespace caro::testing
