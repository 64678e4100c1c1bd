#pragma once

// Downloading one model file over HTTP(S) with libcurl, safely:
//
// - into <destination>.part, resumed with a Range request when a previous
//   run was interrupted (the bytes already there are hashed, not fetched);
// - retried with exponential backoff (bounded) on network errors, stalls,
//   429 and 5xx; 404, 401 and 403 fail at once with a clear message;
// - under an flock on <destination>.lock, so two caro processes never
//   download the same file at once;
// - after a free-space check (before starting, and again once the server
//   says how big the file is);
// - with a connect timeout and a low-speed limit, so a server that hangs
//   fails cleanly instead of blocking forever;
// - checked before it becomes visible: the GGUF magic, then the SHA-256
//   (pinned by the caller, else the one the server announces in
//   X-Linked-Etag, as Hugging Face does for its large files), then an atomic
//   rename onto <destination>. A bad file never lands at <destination>.

#include "caro/models/free_space.h"
#include "caro/util/expected.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace caro::models {

struct DownloadRequest
{
  std::string url;
  std::string destination;     // the final path; .part and .lock sit next to it
  std::string label;           // what messages call the file, e.g. "smollm-135m"
  std::string expected_sha256; // pinned; empty: the server's, if it announces one
  uint64_t expected_bytes = 0; // for the free-space check before starting; 0: unknown
  std::string bearer_token;    // sent as "Authorization: Bearer ..." (HF_TOKEN); empty: none
};

struct DownloadOptions
{
  std::chrono::milliseconds connect_timeout{15'000};
  // Fail an attempt when fewer than low_speed_bytes arrive per second for
  // this long (covers a server that accepts and never answers).
  std::chrono::seconds stall_timeout{30};
  long low_speed_bytes = 1;
  int max_attempts = 5;
  std::chrono::milliseconds first_backoff{1'000}; // doubled after each failed attempt
  std::chrono::milliseconds max_backoff{30'000};
  // How long to wait for another process's lock; 0: report it at once.
  std::chrono::milliseconds lock_wait{0};
  FreeSpaceFunction free_space = models::free_space;
  // Progress of the .part file: bytes on disk, and the total (0: unknown).
  std::function<void(uint64_t done, uint64_t total)> progress;
  // One-line notices: retries, waiting for the lock.
  std::function<void(std::string_view message)> notice;
};

struct DownloadResult
{
  std::string path; // == request.destination
  std::string sha256;
  uint64_t bytes = 0;
  uint64_t resumed_from = 0; // bytes already in the .part when this call started
  int attempts = 0;          // HTTP transfers made (0 when already downloaded)
  bool already_present = false;
  // Where the checksum that was compared came from: "pinned", "server", or
  // "" when nothing was known and the file could not be verified.
  std::string checksum_source;
};

// "<destination>.part", "<destination>.lock".
std::string part_path(const std::string& destination);
std::string lock_path(const std::string& destination);

// When the destination exists already this returns at once (already_present,
// no sha256 computed). Errors name the file or URL and say what to do.
Expected<DownloadResult> download_file(const DownloadRequest& request, const DownloadOptions& options);

} // namespace caro::models
