#pragma once

// The front end's entry point: parses the command line, calls into the core,
// prints, and returns the process exit status.

namespace caro::cli {

// Exit statuses of the command-line contract (docs/cli.md).
inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_blocked_or_declined = 1;
inline constexpr int k_exit_usage = 2;
inline constexpr int k_exit_no_command = 3;

int run(int argc, char** argv);

} // namespace caro::cli
