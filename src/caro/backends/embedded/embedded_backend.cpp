#include "caro/backends/embedded/embedded_backend.h"

namespace caro::backends {
namespace {

constexpr const char* k_not_built = "this caro was built without llama.cpp, so it cannot run a local model";

} // namespace

EmbeddedBackend::EmbeddedBackend(std::string model) : m_model(std::move(model))
{
}

Availability EmbeddedBackend::availability() const
{
  return {false, k_not_built};
}

Expected<Generation> EmbeddedBackend::generate(const GenerationRequest&)
{
  return unexpected(std::string("the embedded backend is not available: ") + k_not_built,
                    "use -b static (or -b auto), or rebuild caro with the embedded backend");
}

} // namespace caro::backends
