#pragma once

// Quoting a user-supplied value as one word for the target shell.

#include "caro/core/types.h"

#include <string>
#include <string_view>

namespace caro::util {

// Returns `value` unchanged when it is made only of characters that no shell
// treats specially (letters, digits and -_./:=@%+,); otherwise single-quotes
// it. POSIX shells close the quote around an embedded ' ('\''); fish escapes
// it inside the quotes (\' and \\).
std::string shell_quote(std::string_view value, Shell shell = Shell::bash);

// Like shell_quote, but always quotes values holding glob characters (* ? [ ])
// so that patterns such as *.py reach the command unexpanded.
std::string quote_pattern(std::string_view pattern, Shell shell = Shell::bash);

} // namespace caro::util
