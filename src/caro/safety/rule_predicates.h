#pragma once

// Matcher primitives that are code, not data: each is referenced by name from
// the rule file (`predicate = "fork_bomb"`). Only what a structured matcher
// cannot reasonably express lives here: self-spawning functions, kill's PID
// list, interpreter code in other languages, substitutions that download.

#include "caro/safety/rule_matcher.h"

#include <span>
#include <string_view>

namespace caro::safety {

// The predicate with this name; nullptr when there is none.
NamedPredicate find_predicate(std::string_view name);

// Every predicate name, for error messages and the docs.
std::span<const std::string_view> predicate_names();

} // namespace caro::safety
