// Loading libcurl on demand (see curl_library.h). The handle and the
// resolved table live in a function-local static: libcurl's global init is
// process-wide state that its C API forces on every user.

#include "caro/models/curl_library.h"

#include <dlfcn.h>

#include <mutex>
#include <string>

namespace caro::models {
namespace {

struct LoadedCurl
{
  CurlApi api;
  std::string error; // empty when loaded
};

template<typename Function> bool resolve(void* library, const char* name, Function& out)
{
  out = reinterpret_cast<Function>(::dlsym(library, name));
  return out != nullptr;
}

LoadedCurl load()
{
  LoadedCurl loaded;
#ifdef CARO_NO_DOWNLOADS
  loaded.error = "this caro was built without download support";
  return loaded;
#else
  // libcurl4 (OpenSSL) and libcurl3-gnutls install the same ABI under two names.
  void* library = nullptr;
  for (const char* name : {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so"}) {
    library = ::dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (library != nullptr) {
      break;
    }
  }
  if (library == nullptr) {
    const char* reason = ::dlerror();
    loaded.error = std::string("cannot load libcurl: ") + (reason != nullptr ? reason : "not found");
    return loaded;
  }
  CurlApi& api = loaded.api;
  CURLcode (*global_init)(long) = nullptr;
  const bool complete = resolve(library, "curl_global_init", global_init) &&
                        resolve(library, "curl_easy_init", api.easy_init) &&
                        resolve(library, "curl_easy_cleanup", api.easy_cleanup) &&
                        resolve(library, "curl_easy_setopt", api.easy_setopt) &&
                        resolve(library, "curl_easy_getinfo", api.easy_getinfo) &&
                        resolve(library, "curl_easy_perform", api.easy_perform) &&
                        resolve(library, "curl_easy_strerror", api.easy_strerror);
  if (!complete) {
    loaded.error = "the installed libcurl lacks functions caro needs";
    return loaded;
  }
  if (global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    loaded.error = "libcurl failed to initialise";
  }
  return loaded;
#endif
}

} // namespace

Expected<const CurlApi*> curl_api()
{
  static std::once_flag once;
  static LoadedCurl loaded;
  std::call_once(once, [] { loaded = load(); });
  if (!loaded.error.empty()) {
#ifdef CARO_NO_DOWNLOADS
    return unexpected(loaded.error, "download the GGUF file yourself and pass its path with --model PATH, "
                                    "or use the regular (dynamically linked) build");
#else
    return unexpected(loaded.error, "install libcurl (Debian/Ubuntu: apt install libcurl4), or download the GGUF "
                                    "file yourself and pass its path with --model PATH");
#endif
  }
  return &loaded.api;
}

} // namespace caro::models
