#include "caro/cli/app.h"

namespace caro::cli {

int run(int, char**)
{
  return k_exit_usage;
}

} // namespace caro::cli
