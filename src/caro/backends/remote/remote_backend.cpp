#include "caro/backends/remote/remote_backend.h"

namespace caro::backends {
namespace {

constexpr const char* k_not_built = "this caro was built without remote backend support";

} // namespace

Availability RemoteBackend::availability() const
{
  return {false, k_not_built};
}

Expected<Generation> RemoteBackend::generate(const GenerationRequest&)
{
  return unexpected(std::string("the remote backend is not available: ") + k_not_built, "use -b static (or -b auto)");
}

} // namespace caro::backends
