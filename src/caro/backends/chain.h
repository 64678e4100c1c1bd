#pragma once

// The chain `-b auto` walks: ask each usable backend in order (static first,
// because it answers in microseconds and declines when unsure), and take the
// first candidate. Every attempt is recorded, so -v and `doctor` can say why a
// backend was skipped or declined.

#include "caro/backends/generator.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace caro::backends {

struct Attempt
{
  std::string backend;
  std::string outcome; // "answered", "declined: ...", "unavailable: ...", "error: ..."
  double elapsed_ms = 0.0;
};

struct ChainResult
{
  std::optional<Candidate> candidate; // the winner, if any backend answered
  std::string backend;                // who answered
  Timings timing_ms;                  // phases of every backend asked, prefixed by its name
  std::vector<Attempt> attempts;
  std::optional<Error> last_error; // the last backend error, to explain a failure
};

ChainResult generate_with_chain(const std::vector<std::unique_ptr<Generator>>& generators,
                                const GenerationRequest& request);

} // namespace caro::backends
