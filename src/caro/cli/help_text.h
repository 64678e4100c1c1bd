#pragma once

#include <string_view>

namespace caro::cli {

// The text `caro --help` prints. docs/cli.md quotes it verbatim; a test keeps
// the two in step.
std::string_view help_text();

} // namespace caro::cli
