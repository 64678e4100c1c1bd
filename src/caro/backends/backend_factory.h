#pragma once

// Turns the --backend choice into the ordered list of generators to ask.
// Construction is cheap: backends load models or connect only in generate().

#include "caro/backends/generator.h"
#include "caro/config/settings.h"

#include <memory>
#include <vector>

namespace caro::backends {

std::vector<std::unique_ptr<Generator>> make_generators(const config::Settings& settings);

} // namespace caro::backends
