#pragma once

// The first-run question that offers to turn telemetry on. It is asked once:
// the answer goes into the config file as `telemetry = true|false`, and any
// value of the key (file, CARO_TELEMETRY) means it has been answered.

#include "caro/cli/session.h"

namespace caro::cli {

// Writes the question to `out_fd` and reads one key from `in_fd` (a
// terminal): y or Y is yes; anything else (Enter, n, Esc, Ctrl-C, end of
// input) is no. Echoes the answer.
bool ask_telemetry_consent(int in_fd, int out_fd);

// When the question is due (telemetry never set, stdin and stderr terminals,
// plain output, not -q), asks it on the terminal, stores the answer in the
// config file and in `session`. A config file that cannot be written is a
// warning; the answer then holds for this run only.
void maybe_ask_telemetry_consent(Session& session);

} // namespace caro::cli
