// Dialect and quoting for the static matcher's builders; see dialect.h.

#include "caro/backends/static/dialect.h"

#include "caro/util/shell_quote.h"

namespace caro::backends::static_matcher {

Dialect::Dialect(const ExecutionContext* context) : m_context(context)
{
  if (context != nullptr) {
    m_platform = context->platform;
    m_shell = context->shell;
  }
}

bool Dialect::has(std::string_view tool) const
{
  if (m_context == nullptr || m_context->installed.empty()) {
    return true;
  }
  return m_context->has(tool);
}

std::string Dialect::quote(std::string_view value) const
{
  return util::shell_quote(value, m_shell);
}

std::string Dialect::pattern(std::string_view glob) const
{
  return util::quote_pattern(glob, m_shell);
}

std::string Dialect::path(std::string_view path) const
{
  if (path == "~") {
    return "~";
  }
  if (path.starts_with("~/")) {
    std::string rest(path.substr(2));
    return rest.empty() ? std::string("~/") : "~/" + util::shell_quote(rest, m_shell);
  }
  return util::shell_quote(path, m_shell);
}

std::string Dialect::placeholder() const
{
  // fish expands an empty brace pair; POSIX shells leave {} alone.
  return m_shell == Shell::fish ? "'{}'" : "{}";
}

} // namespace caro::backends::static_matcher
