#pragma once

// RAII owner for libcurl's easy handle, through the dynamically loaded API
// (curl_library.h).

#include "caro/models/curl_library.h"

#include <memory>

namespace caro::models {

struct CurlEasyDeleter
{
  const CurlApi* api = nullptr;
  void operator()(CURL* handle) const { api->easy_cleanup(handle); }
};
using CurlEasy = std::unique_ptr<CURL, CurlEasyDeleter>;

// A fresh easy handle, loading libcurl first if needed; the error says what
// is missing.
Expected<CurlEasy> make_curl_easy();

} // namespace caro::models
