// Easy-handle creation (see curl_handles.h).

#include "caro/models/curl_handles.h"

namespace caro::models {

Expected<CurlEasy> make_curl_easy()
{
  auto api = curl_api();
  if (!api) {
    return unexpected(api.error());
  }
  CURL* handle = (*api)->easy_init();
  if (handle == nullptr) {
    return unexpected("libcurl cannot create a transfer", "");
  }
  return CurlEasy(handle, CurlEasyDeleter{*api});
}

} // namespace caro::models
