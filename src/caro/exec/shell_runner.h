#pragma once

// Running the command the user accepted: exactly the string shown, through
// their shell (`shell -c command`), with caro's stdin/stdout/stderr, Ctrl-C and
// friends forwarded to the child, and the child's exit status returned.

#include "caro/util/expected.h"

#include <string>

namespace caro::exec {

// Returns the child's exit code, or 128+N when it was killed by signal N.
// While the child runs, SIGINT, SIGTERM, SIGHUP and SIGQUIT sent to caro are
// forwarded to it instead of ending caro. An Error means the shell could not
// be started (e.g. it does not exist).
Expected<int> run_in_shell(const std::string& shell_path, const std::string& command);

} // namespace caro::exec
