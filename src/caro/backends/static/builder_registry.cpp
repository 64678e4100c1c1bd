// The builders data files may name. A constant table (no registration at
// start-up); families written outside the engine list theirs in
// contributed_builders() (declared in contributed_builders.h), which is
// picked up here as soon as that header exists (CARO_STATIC_NO_CONTRIBUTED
// leaves them out, to build the engine alone while they are unfinished).

#include "caro/backends/static/intent.h"

#include <array>
#include <vector>

#if __has_include("caro/backends/static/contributed_builders.h") && !defined(CARO_STATIC_NO_CONTRIBUTED)
#include "caro/backends/static/contributed_builders.h"
#define CARO_STATIC_HAS_CONTRIBUTED_BUILDERS 1
#endif

namespace caro::backends::static_matcher {
namespace {

constexpr std::array<NamedBuilder, 25> k_engine_builders = {{
    {"find_files", &match_find_files},
    {"largest_files", &match_largest_files},
    {"list_directory", &match_list_directory},
    {"disk_usage", &match_disk_usage},
    {"free_space", &match_free_space},
    {"block_devices", &match_block_devices},
    {"file_size", &match_file_size},
    {"processes", &match_processes},
    {"ports", &match_ports},
    {"text_search", &match_text_search},
    {"line_count", &match_line_count},
    {"head_tail", &match_head_tail},
    {"archive", &match_archive},
    {"git", &match_git},
    {"git_files", &match_git_files},
    {"system_info", &match_system_info},
    {"kill_process", &match_kill_process},
    {"services", &match_services},
    {"install_package", &match_install_package},
    {"journal", &match_journal},
    {"crontab", &match_crontab},
    {"arithmetic", &match_arithmetic},
    {"background_run", &match_background_run},
    {"duplicate_files", &match_duplicate_files},
    {"split_file", &match_split_file},
}};

std::vector<NamedBuilder> all_builders()
{
  std::vector<NamedBuilder> all(k_engine_builders.begin(), k_engine_builders.end());
#ifdef CARO_STATIC_HAS_CONTRIBUTED_BUILDERS
  for (const NamedBuilder& builder : contributed_builders()) {
    all.push_back(builder);
  }
#endif
  return all;
}

} // namespace

std::span<const NamedBuilder> builders()
{
  static const std::vector<NamedBuilder> k_all = all_builders();
  return k_all;
}

Builder find_builder(std::string_view name)
{
  for (const NamedBuilder& builder : builders()) {
    if (builder.name == name) {
      return builder.build;
    }
  }
  return nullptr;
}

} // namespace caro::backends::static_matcher
