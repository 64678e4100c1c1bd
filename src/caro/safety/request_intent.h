#pragma once

// Checking the request itself: does a plain-language request ask for
// something destructive ("wipe the disk", "delete everything in my home",
// "kill all processes"), and how risky must a command be to actually do it?
// A backend that answers such a request with a command rated lower is
// offering a harmless-looking substitute, which caro declines instead of
// showing. Deliberately conservative: only requests whose main verb is
// destructive and whose object sweeps (a disk, everything, a home directory,
// all processes) are classified; everything else has no minimum.

#include "caro/core/types.h"
#include "caro/safety/assessment.h"

#include <optional>
#include <string>
#include <string_view>

namespace caro::safety {

struct RequestIntent
{
  bool destructive = false;
  Risk minimum = Risk::safe; // the least risk a command doing what was asked is rated
  std::string what;          // "wipe or format a disk", for explanations
};

RequestIntent classify_request(std::string_view request);

// The reason to decline `command` as an answer to a request with `intent`,
// or nullopt when it may be shown: declined when the request is destructive
// and the command is rated below the request's minimum.
std::optional<std::string> substitute_reason(const RequestIntent& intent, std::string_view command,
                                             const Assessment& assessment);

} // namespace caro::safety
