#pragma once

// The script texts behind shell_integration.h, one .cpp per shell, so that
// each shell's scripts can be read and reviewed on their own.

#include <string_view>

namespace caro::cli::detail {

std::string_view bash_init_script();
std::string_view bash_completion_script();
std::string_view zsh_init_script();
std::string_view zsh_completion_script();
std::string_view fish_init_script();
std::string_view fish_completion_script();

} // namespace caro::cli::detail
