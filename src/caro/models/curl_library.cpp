// Loading libcurl on demand (see curl_library.h). The handle and the
// resolved table live in a function-local static: libcurl's global init is
// process-wide state that its C API forces on every user.

#include "caro/models/curl_library.h"

#include "caro/util/shared_library.h"

#include <mutex>
#include <string>

namespace caro::models {
namespace {

struct LoadedCurl
{
  CurlApi api;
  std::string error; // empty when loaded
};

using util::resolve_symbol;

LoadedCurl load()
{
  LoadedCurl loaded;
#ifdef CARO_NO_DOWNLOADS
  loaded.error = "this caro was built without download support";
  return loaded;
#else
  // libcurl4 (OpenSSL) and libcurl3-gnutls install the same ABI under two names.
  auto opened = util::open_shared_library({"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so"}, "libcurl");
  if (!opened) {
    loaded.error = opened.error().message;
    return loaded;
  }
  void* library = *opened;
  CurlApi& api = loaded.api;
  CURLcode (*global_init)(long) = nullptr;
  const bool complete = resolve_symbol(library, "curl_global_init", global_init) &&
                        resolve_symbol(library, "curl_easy_init", api.easy_init) &&
                        resolve_symbol(library, "curl_easy_cleanup", api.easy_cleanup) &&
                        resolve_symbol(library, "curl_easy_setopt", api.easy_setopt) &&
                        resolve_symbol(library, "curl_easy_getinfo", api.easy_getinfo) &&
                        resolve_symbol(library, "curl_easy_perform", api.easy_perform) &&
                        resolve_symbol(library, "curl_easy_strerror", api.easy_strerror);
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
