#pragma once

// Scripts printed by `caro init SHELL` (a key binding that turns the current
// command line into a request and replaces it with the generated command) and
// `caro completion SHELL`.

#include "caro/core/types.h"
#include "caro/util/expected.h"

#include <string>

namespace caro::cli {

// bash, zsh and fish only; sh gets an Error saying so.
Expected<std::string> init_script(Shell shell);
Expected<std::string> completion_script(Shell shell);

} // namespace caro::cli
