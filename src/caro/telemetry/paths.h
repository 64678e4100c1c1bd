#pragma once

// Where the telemetry database lives: $XDG_DATA_HOME/caro/telemetry.db when
// XDG_DATA_HOME is an absolute path, else ~/.local/share/caro/telemetry.db
// (the same data directory the downloaded models use).

#include "caro/util/env.h"
#include "caro/util/expected.h"

#include <string>

namespace caro::telemetry {

// An Error when neither XDG_DATA_HOME nor HOME is usable.
Expected<std::string> database_path(const EnvLookup& env);

} // namespace caro::telemetry
