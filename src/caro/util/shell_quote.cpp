#include "caro/util/shell_quote.h"

namespace caro::util {
namespace {

bool is_plain(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.' || c == '/' || c == ':' || c == '=' || c == '@' || c == '%' || c == '+' || c == ',';
}

std::string single_quote(std::string_view value, Shell shell)
{
  std::string out = "'";
  for (char c : value) {
    if (c == '\'') {
      out += shell == Shell::fish ? "\\'" : "'\\''";
    } else if (c == '\\' && shell == Shell::fish) {
      out += "\\\\";
    } else {
      out += c;
    }
  }
  out += '\'';
  return out;
}

} // namespace

std::string shell_quote(std::string_view value, Shell shell)
{
  bool plain = !value.empty();
  for (char c : value) {
    plain = plain && is_plain(c);
  }
  // A leading '=' is special to zsh (=cmd expansion); '%' leading is fine.
  if (plain && !(shell == Shell::zsh && value.front() == '=')) {
    return std::string(value);
  }
  return single_quote(value, shell);
}

std::string quote_pattern(std::string_view pattern, Shell shell)
{
  if (pattern.find_first_of("*?[]") != std::string_view::npos) {
    return single_quote(pattern, shell);
  }
  return shell_quote(pattern, shell);
}

} // namespace caro::util
