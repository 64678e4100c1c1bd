#pragma once

// Builders contributed outside the engine (file operations, permissions,
// text tools, networking, git workflow, dates and misc shell tasks). The
// engine's builder registry includes this header when it exists and appends
// contributed_builders() to its own table; data files name these builders.

#include "caro/backends/static/intent.h"

#include <span>

namespace caro::backends::static_matcher {

// file_ops_intents.cpp
std::optional<Match> build_copy_files(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_move_files(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_make_directory(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_touch_file(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_symlink(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_delete_files(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_truncate_file(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_clipboard(Analysis& analysis, const Slots& slots, const Dialect& dialect);

// permission_intents.cpp
std::optional<Match> build_chmod(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_chown(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_find_by_permission(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_show_permissions(Analysis& analysis, const Slots& slots, const Dialect& dialect);

// text_tool_intents.cpp
std::optional<Match> build_sort_lines(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_line_frequency(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_column(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_sed_replace(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_delete_lines(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_line_range(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_follow_file(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_word_count(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_file_transform(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_compare_files(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_append_line(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_extract_matches(Analysis& analysis, const Slots& slots, const Dialect& dialect);

// network_tool_intents.cpp
std::optional<Match> build_ping(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_http_fetch(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_dns_lookup(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_my_ip(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_port_check(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_routes(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_ssh_connect(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_sync(Analysis& analysis, const Slots& slots, const Dialect& dialect);

// git_workflow_intents.cpp
std::optional<Match> build_git_workflow(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_git_history(Analysis& analysis, const Slots& slots, const Dialect& dialect);

// misc_intents.cpp
std::optional<Match> build_date_query(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_environment(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_which_command(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_history_search(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_checksum(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> build_base64(Analysis& analysis, const Slots& slots, const Dialect& dialect);

// Every contributed builder with the name data files use for it.
std::span<const NamedBuilder> contributed_builders();

} // namespace caro::backends::static_matcher
