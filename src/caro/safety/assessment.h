#pragma once

// The result of checking one shell command: an overall risk and the findings
// that led to it, each pointing at the part of the command it concerns.

#include "caro/core/types.h"

#include <cstddef>
#include <string>
#include <vector>

namespace caro::safety {

// Byte offsets into the command text, half-open: [begin, end).
struct Span
{
  std::size_t begin = 0;
  std::size_t end = 0;
};

struct Finding
{
  std::string rule_id; // e.g. "fs.rm-recursive-root"
  Risk risk = Risk::safe;
  std::string message;     // what the command does that is dangerous
  std::string alternative; // a safer command or approach; may be empty
  Span span;
};

struct Assessment
{
  Risk risk = Risk::safe; // the maximum over findings; safe when there are none
  std::vector<Finding> findings;
};

} // namespace caro::safety
