#pragma once

// Loading an optional shared library at run time (dlopen), for the C
// libraries only some runs need (libcurl for downloads, SQLite for
// telemetry): linking them would map them into every caro process. A loaded
// library is never unloaded; its C API's global state lives as long as the
// process.

#include "caro/util/expected.h"

#include <dlfcn.h>

#include <initializer_list>
#include <string_view>

namespace caro::util {

// The first of `names` that loads (RTLD_NOW | RTLD_LOCAL); the error names
// `what` and the loader's reason.
Expected<void*> open_shared_library(std::initializer_list<const char*> names, std::string_view what);

// Resolves `name` into `out`; false when the library lacks it.
template<typename Function> bool resolve_symbol(void* library, const char* name, Function& out)
{
  out = reinterpret_cast<Function>(::dlsym(library, name));
  return out != nullptr;
}

} // namespace caro::util
