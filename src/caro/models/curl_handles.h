#pragma once

// RAII owners for libcurl's C handles, and the one-time global init libcurl
// requires before the first handle (done on first use, never at static
// initialisation, and only once per process: curl_global_init is not
// thread-safe, hence std::call_once).

#include <curl/curl.h>

#include <memory>

namespace caro::models {

struct CurlEasyDeleter
{
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
using CurlEasy = std::unique_ptr<CURL, CurlEasyDeleter>;

struct CurlListDeleter
{
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using CurlList = std::unique_ptr<curl_slist, CurlListDeleter>;

// curl_global_init once, then a fresh easy handle (null if libcurl fails).
CurlEasy make_curl_easy();

} // namespace caro::models
