#include "caro/backends/backend_factory.h"

#include "caro/backends/embedded/embedded_backend.h"
#include "caro/backends/remote/remote_backend.h"
#include "caro/backends/static/static_matcher.h"

namespace caro::backends {

std::vector<std::unique_ptr<Generator>> make_generators(const config::Settings& settings)
{
  std::vector<std::unique_ptr<Generator>> generators;
  const auto want = settings.backend;
  const bool all = want == BackendChoice::automatic;
  if (all || want == BackendChoice::static_matcher) {
    generators.push_back(std::make_unique<StaticMatcher>(settings.static_min_confidence));
  }
  if (all || want == BackendChoice::embedded) {
    // embedded.threads (config or CARO_THREADS, resolved by the config layer); unset: the idle physical cores.
    generators.push_back(std::make_unique<EmbeddedBackend>(
        EmbeddedOptions{settings.model, process_environment(), settings.embedded_threads.value_or(0)}));
  }
  if (all || want == BackendChoice::remote) {
    generators.push_back(std::make_unique<RemoteBackend>());
  }
  return generators;
}

} // namespace caro::backends
