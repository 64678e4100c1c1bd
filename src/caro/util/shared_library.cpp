// dlopen with a list of candidate names (see shared_library.h).

#include "caro/util/shared_library.h"

#include <string>

namespace caro::util {

Expected<void*> open_shared_library(std::initializer_list<const char*> names, std::string_view what)
{
  for (const char* name : names) {
    if (void* library = ::dlopen(name, RTLD_NOW | RTLD_LOCAL)) {
      return library;
    }
  }
  const char* reason = ::dlerror();
  return unexpected("cannot load " + std::string(what) + ": " + (reason != nullptr ? reason : "not found"));
}

} // namespace caro::util
