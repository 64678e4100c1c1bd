#pragma once

// What the command builders need to know about the target: the utilities'
// dialect (GNU, BSD/macOS, BusyBox), the shell that will parse the command
// (for quoting), and which tools are installed. A missing context means
// GNU/bash with every tool assumed present.

#include "caro/context/execution_context.h"
#include "caro/core/types.h"

#include <string>
#include <string_view>

namespace caro::backends::static_matcher {

class Dialect
{
public:
  explicit Dialect(const ExecutionContext* context);

  Platform platform() const { return m_platform; }
  Shell shell() const { return m_shell; }
  bool gnu() const { return m_platform == Platform::gnu; }
  bool bsd() const { return m_platform == Platform::bsd; }
  bool busybox() const { return m_platform == Platform::busybox; }

  // Whether `tool` is installed; true when the context did not probe tools.
  bool has(std::string_view tool) const;

  // One shell word for a user-supplied value.
  std::string quote(std::string_view value) const;
  // A glob that must reach the command unexpanded (find -name, grep --include).
  std::string pattern(std::string_view glob) const;
  // A path, keeping a leading ~ unquoted so the shell expands it.
  std::string path(std::string_view path) const;
  // find's -exec placeholder, quoted where the shell would expand it.
  std::string placeholder() const;

private:
  const ExecutionContext* m_context;
  Platform m_platform = Platform::gnu;
  Shell m_shell = Shell::bash;
};

} // namespace caro::backends::static_matcher
