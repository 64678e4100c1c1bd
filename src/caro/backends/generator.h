#pragma once

// The seam every backend plugs into: a request and its execution context go
// in; candidate commands with confidence, explanation and timings come out.
// Backends are cheap to construct and do their expensive set-up (loading a
// model, opening a connection) lazily on the first generate().

#include "caro/context/execution_context.h"
#include "caro/util/expected.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caro {

struct GenerationRequest
{
  std::string text; // the user's request, already validated as sane UTF-8
  const ExecutionContext* context = nullptr;
};

struct Candidate
{
  std::string command;
  double confidence = 0.0; // 0..1
  std::string explanation; // one line
  std::vector<std::string> warnings;
  std::vector<std::string> alternatives;
  std::string category; // what kind of request it answered (the static intent's category); empty: unknown
};

// Named phase timings in milliseconds, in the order they happened.
using Timings = std::vector<std::pair<std::string, double>>;

struct Generation
{
  std::vector<Candidate> candidates; // best first; empty means the backend declined
  Timings timing_ms;
  std::string declined_reason; // why there is no candidate, when there is none
};

struct Availability
{
  bool usable = false;
  std::string reason; // why not, or a short description of what will be used
};

class Generator
{
public:
  virtual ~Generator() = default;

  // The name used in output and on the command line: "static", "embedded", "remote".
  virtual std::string_view name() const = 0;

  // Whether this backend can answer on this machine, and why not. Cheap: no
  // model is loaded and no connection is made to answer it.
  virtual Availability availability() const = 0;

  // Generates candidates for the request. A backend that does not know the
  // answer returns an empty Generation (declined); an Error means it could not
  // run at all (a broken model file, an unreachable server).
  virtual Expected<Generation> generate(const GenerationRequest& request) = 0;
};

} // namespace caro
