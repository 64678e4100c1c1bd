#pragma once

// Data files compiled into the binary (src/caro/**/data/*, see
// cmake/CaroEmbedFiles.cmake), looked up by their path relative to src/caro.

#include <optional>
#include <string_view>
#include <vector>

namespace caro::util {

std::optional<std::string_view> embedded_file(std::string_view name);
std::vector<std::string_view> embedded_file_names();

} // namespace caro::util
