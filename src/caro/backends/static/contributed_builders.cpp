// The table of contributed builders, by the names data/*.intents files use.
// A constant array: nothing is registered at start-up.

#include "caro/backends/static/contributed_builders.h"

#include <array>

namespace caro::backends::static_matcher {

std::span<const NamedBuilder> contributed_builders()
{
  static constexpr std::array k_builders = std::to_array<NamedBuilder>({
      {"copy_files", &build_copy_files},
      {"move_files", &build_move_files},
      {"make_directory", &build_make_directory},
      {"touch_file", &build_touch_file},
      {"symlink", &build_symlink},
      {"delete_files", &build_delete_files},
      {"truncate_file", &build_truncate_file},
      {"clipboard", &build_clipboard},
      {"chmod", &build_chmod},
      {"chown", &build_chown},
      {"find_by_permission", &build_find_by_permission},
      {"show_permissions", &build_show_permissions},
      {"sort_lines", &build_sort_lines},
      {"line_frequency", &build_line_frequency},
      {"column", &build_column},
      {"sed_replace", &build_sed_replace},
      {"delete_lines", &build_delete_lines},
      {"line_range", &build_line_range},
      {"follow_file", &build_follow_file},
      {"word_count", &build_word_count},
      {"file_transform", &build_file_transform},
      {"compare_files", &build_compare_files},
      {"append_line", &build_append_line},
      {"extract_matches", &build_extract_matches},
      {"ping", &build_ping},
      {"http_fetch", &build_http_fetch},
      {"dns_lookup", &build_dns_lookup},
      {"my_ip", &build_my_ip},
      {"port_check", &build_port_check},
      {"routes", &build_routes},
      {"ssh_connect", &build_ssh_connect},
      {"sync", &build_sync},
      {"git_workflow", &build_git_workflow},
      {"git_history", &build_git_history},
      {"date_query", &build_date_query},
      {"environment", &build_environment},
      {"which_command", &build_which_command},
      {"history_search", &build_history_search},
      {"checksum", &build_checksum},
      {"base64", &build_base64},
  });
  return k_builders;
}

} // namespace caro::backends::static_matcher
