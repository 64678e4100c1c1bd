// libcurl global init and easy-handle creation (see curl_handles.h).

#include "caro/models/curl_handles.h"

#include <mutex>

namespace caro::models {

CurlEasy make_curl_easy()
{
  // libcurl's global state is the C API's own; this flag only guards its init.
  static std::once_flag initialised;
  std::call_once(initialised, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  return CurlEasy(curl_easy_init());
}

} // namespace caro::models
