#pragma once

#include <string_view>

namespace caro {

// Filled in at configure time (src/caro/core/build_info.cpp.in).
struct BuildInfo
{
  std::string_view version;
  std::string_view git_hash;
  std::string_view build_type;
};

const BuildInfo& build_info();

} // namespace caro
