#pragma once

// libcurl, loaded with dlopen when the first download starts. Linking it
// would map libcurl and its ~25 dependencies (TLS, Kerberos, LDAP, SSH...)
// into every caro process, about 5 MB of resident memory and a slower start
// for the many runs that never download; only `caro model pull` needs it.
// Compiled against curl.h, so types and constants are checked as usual.

#include "caro/util/expected.h"

#include <curl/curl.h>

namespace caro::models {

// The entry points caro uses, resolved from the loaded library.
struct CurlApi
{
  CURL* (*easy_init)() = nullptr;
  void (*easy_cleanup)(CURL*) = nullptr;
  CURLcode (*easy_setopt)(CURL*, CURLoption, ...) = nullptr;
  CURLcode (*easy_getinfo)(CURL*, CURLINFO, ...) = nullptr;
  CURLcode (*easy_perform)(CURL*) = nullptr;
  const char* (*easy_strerror)(CURLcode) = nullptr;
};

// Loads libcurl and runs curl_global_init on the first call (thread-safe);
// the library then stays loaded for the life of the process, as libcurl's
// global state requires. The error says how to install libcurl.
Expected<const CurlApi*> curl_api();

} // namespace caro::models
