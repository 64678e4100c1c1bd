// The telemetry database's location (see paths.h), from the same XDG helper
// as the model directory so both agree on what "the data home" is.

#include "caro/telemetry/paths.h"

#include "caro/backends/embedded/xdg_dirs.h"

namespace caro::telemetry {

Expected<std::string> database_path(const EnvLookup& env)
{
  const auto data_home = backends::xdg_directory(env, "XDG_DATA_HOME", ".local/share");
  if (!data_home) {
    return unexpected("cannot tell where to keep telemetry: neither XDG_DATA_HOME nor HOME is set",
                      "set HOME, or XDG_DATA_HOME to an absolute path");
  }
  return *data_home + "/caro/telemetry.db";
}

} // namespace caro::telemetry
