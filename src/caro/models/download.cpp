// The resumable, verified model download (see download.h for the contract).
// One call: lock, free-space check, then up to max_attempts transfers that
// each append to the .part file from where it ends, then magic + SHA-256
// checks and an atomic rename. The SHA-256 is computed while the bytes
// stream in (after hashing what a previous run left in the .part), so a
// finished download is not read back from disk.

#include "caro/models/download.h"

#include "caro/core/build_info.h"
#include "caro/models/curl_handles.h"
#include "caro/models/file_lock.h"
#include "caro/models/progress_bar.h"
#include "caro/models/sha256.h"
#include "caro/util/strings.h"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <optional>
#include <thread>
#include <vector>

namespace caro::models {
namespace {

class Fd
{
public:
  explicit Fd(int fd = -1) : m_fd(fd) {}
  ~Fd() { reset(); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return m_fd; }
  void reset()
  {
    if (m_fd >= 0) {
      ::close(m_fd);
      m_fd = -1;
    }
  }

private:
  int m_fd;
};

std::string errno_text()
{
  return std::strerror(errno);
}

// "bytes 100-199/200" -> 100; "bytes */200" (416) -> nullopt, total 200.
struct ContentRange
{
  std::optional<uint64_t> start;
  std::optional<uint64_t> total;
};

std::optional<uint64_t> parse_u64(std::string_view text)
{
  uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

ContentRange parse_content_range(std::string_view value)
{
  ContentRange range;
  value = util::trim(value);
  if (value.rfind("bytes ", 0) != 0) {
    return range;
  }
  value.remove_prefix(6);
  const auto slash = value.find('/');
  if (slash == std::string_view::npos) {
    return range;
  }
  range.total = parse_u64(value.substr(slash + 1));
  const auto span = value.substr(0, slash);
  const auto dash = span.find('-');
  if (dash != std::string_view::npos) {
    range.start = parse_u64(span.substr(0, dash));
  }
  return range;
}

// An ETag value without W/ and quotes, lowercased.
std::string clean_etag(std::string_view value)
{
  value = util::trim(value);
  if (value.rfind("W/", 0) == 0) {
    value.remove_prefix(2);
  }
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    value = value.substr(1, value.size() - 2);
  }
  return util::to_lower_ascii(value);
}

// Everything one transfer's callbacks need, and what they saw.
struct Transfer
{
  const DownloadRequest* request = nullptr;
  const DownloadOptions* options = nullptr;
  const CurlApi* curl_api = nullptr;
  CURL* curl = nullptr;
  int fd = -1;
  Sha256* hasher = nullptr;
  std::string directory;

  uint64_t from = 0;    // where this transfer's body starts in the file
  uint64_t on_disk = 0; // the .part size
  uint64_t total = 0;   // the whole file's size, when known
  bool body_started = false;

  // Headers of the latest response in the redirect chain...
  std::string content_range;
  // ...and Hugging Face's, which it sends on the redirect, not the final response.
  std::string linked_etag;
  uint64_t linked_size = 0;

  std::optional<Error> abort; // set when a callback stops the transfer on purpose
};

size_t on_header(char* data, size_t size, size_t count, void* user)
{
  auto& transfer = *static_cast<Transfer*>(user);
  const std::string_view line(data, size * count);
  if (line.rfind("HTTP/", 0) == 0) {
    transfer.content_range.clear();
    return size * count;
  }
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) {
    return size * count;
  }
  const std::string name = util::to_lower_ascii(util::trim(line.substr(0, colon)));
  const std::string_view value = util::trim(line.substr(colon + 1));
  if (name == "content-range") {
    transfer.content_range = std::string(value);
  } else if (name == "x-linked-etag") {
    transfer.linked_etag = clean_etag(value);
  } else if (name == "x-linked-size") {
    transfer.linked_size = parse_u64(value).value_or(0);
  }
  return size * count;
}

Error not_enough_space(const Transfer& transfer, uint64_t needed, uint64_t available)
{
  return Error{fmt::format("not enough free space for {} in {}: the download needs {} more, and {} {} free",
                           transfer.request->label, transfer.directory, format_bytes(needed), format_bytes(available),
                           available == 1 ? "is" : "are"),
               "free some space, or set XDG_DATA_HOME to a directory on a larger disk"};
}

// Called with the first bytes of a body: checks the response fits what was asked.
bool start_body(Transfer& transfer)
{
  long status = 0;
  transfer.curl_api->easy_getinfo(transfer.curl, CURLINFO_RESPONSE_CODE, &status);
  if (status == 200 && transfer.from > 0) {
    // The server ignored the Range header and sends the whole file: start over.
    if (::ftruncate(transfer.fd, 0) != 0) {
      transfer.abort = Error{"cannot truncate " + part_path(transfer.request->destination) + ": " + errno_text(), ""};
      return false;
    }
    *transfer.hasher = Sha256();
    transfer.from = 0;
    transfer.on_disk = 0;
  } else if (status == 206) {
    const auto range = parse_content_range(transfer.content_range);
    if (!range.start || *range.start != transfer.from) {
      transfer.abort = Error{fmt::format("the server answered a request for {} from byte {} with the range \"{}\"",
                                         transfer.request->url, transfer.from, transfer.content_range),
                             "delete " + part_path(transfer.request->destination) + " and try again"};
      return false;
    }
    transfer.total = range.total.value_or(0);
  }
  curl_off_t length = -1;
  transfer.curl_api->easy_getinfo(transfer.curl, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length);
  if (transfer.total == 0 && length >= 0) {
    transfer.total = transfer.from + static_cast<uint64_t>(length);
  }
  if (transfer.total > transfer.on_disk && transfer.options->free_space) {
    const uint64_t needed = transfer.total - transfer.on_disk;
    auto available = transfer.options->free_space(transfer.directory);
    if (available && *available < needed) {
      transfer.abort = not_enough_space(transfer, needed, *available);
      return false;
    }
  }
  return true;
}

size_t on_body(char* data, size_t size, size_t count, void* user)
{
  auto& transfer = *static_cast<Transfer*>(user);
  const size_t bytes = size * count;
  if (!transfer.body_started) {
    transfer.body_started = true;
    if (!start_body(transfer)) {
      return CURL_WRITEFUNC_ERROR;
    }
  }
  size_t done = 0;
  while (done < bytes) {
    const ssize_t wrote = ::write(transfer.fd, data + done, bytes - done);
    if (wrote < 0) {
      if (errno == EINTR) {
        continue;
      }
      const Error error{"cannot write " + part_path(transfer.request->destination) + ": " + errno_text(),
                        errno == ENOSPC ? "free some space and run the same command again: the download resumes" : ""};
      transfer.abort = error;
      return CURL_WRITEFUNC_ERROR;
    }
    done += static_cast<size_t>(wrote);
  }
  transfer.hasher->update(data, bytes);
  transfer.on_disk += bytes;
  if (transfer.options->progress) {
    transfer.options->progress(transfer.on_disk, transfer.total);
  }
  return bytes;
}

enum class Outcome { done, retry, fail };

struct AttemptResult
{
  Outcome outcome = Outcome::fail;
  Error error; // why it failed or is retried
};

bool retryable_curl_code(CURLcode code)
{
  switch (code) {
  case CURLE_COULDNT_RESOLVE_PROXY:
  case CURLE_COULDNT_RESOLVE_HOST:
  case CURLE_COULDNT_CONNECT:
  case CURLE_OPERATION_TIMEDOUT:
  case CURLE_PARTIAL_FILE:
  case CURLE_RECV_ERROR:
  case CURLE_SEND_ERROR:
  case CURLE_GOT_NOTHING:
  case CURLE_HTTP2:
  case CURLE_HTTP2_STREAM:
  case CURLE_SSL_CONNECT_ERROR:
    return true;
  default:
    return false;
  }
}

AttemptResult classify_http_error(const DownloadRequest& request, long status)
{
  const std::string what = fmt::format("{} (HTTP {})", request.url, status);
  if (status == 404 || status == 410) {
    return {Outcome::fail,
            Error{"the server has no file at " + what,
                  "check the model id; with a mirror (CARO_MODEL_MIRROR or HF_ENDPOINT), check that it has this file"}};
  }
  if (status == 401 || status == 403) {
    return {Outcome::fail,
            Error{"the server refused to send " + what,
                  request.bearer_token.empty() ? "this model may need a Hugging Face token: set HF_TOKEN and try again"
                                               : "check that HF_TOKEN is valid and has access to this repository"}};
  }
  if (status == 408 || status == 429 || status >= 500) {
    return {Outcome::retry, Error{"the server answered " + what, ""}};
  }
  return {Outcome::fail, Error{"the server answered " + what, ""}};
}

AttemptResult run_transfer(Transfer& transfer)
{
  const DownloadRequest& request = *transfer.request;
  const DownloadOptions& options = *transfer.options;
  auto easy = make_curl_easy();
  if (!easy) {
    return {Outcome::fail, easy.error()};
  }
  CURL* curl = easy->get();
  const CurlApi& api = *easy->get_deleter().api;
  transfer.curl_api = &api;
  transfer.curl = curl;
  transfer.body_started = false;
  transfer.content_range.clear();
  transfer.from = transfer.on_disk;
  if (transfer.total < transfer.on_disk) {
    transfer.total = 0;
  }

  char error_text[CURL_ERROR_SIZE] = {};
  const std::string user_agent = "caro/" + std::string(build_info().version);
  const std::string range = fmt::format("{}-", transfer.from);
  api.easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  api.easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  api.easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  api.easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  api.easy_setopt(curl, CURLOPT_MAXREDIRS, 10L);
  api.easy_setopt(curl, CURLOPT_FAILONERROR, 1L);
  api.easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  api.easy_setopt(curl, CURLOPT_USERAGENT, user_agent.c_str());
  api.easy_setopt(curl, CURLOPT_ERRORBUFFER, error_text);
  api.easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout.count()));
  api.easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, options.low_speed_bytes);
  api.easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, static_cast<long>(options.stall_timeout.count()));
  api.easy_setopt(curl, CURLOPT_HEADERFUNCTION, &on_header);
  api.easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
  api.easy_setopt(curl, CURLOPT_WRITEFUNCTION, &on_body);
  api.easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
  if (transfer.from > 0) {
    // Set by hand rather than with RESUME_FROM, so that a server ignoring it
    // (200 instead of 206) is handled here by starting over, not an error.
    api.easy_setopt(curl, CURLOPT_RANGE, range.c_str());
  }
  if (!request.bearer_token.empty()) {
    // As auth, not a raw header: libcurl drops it on a redirect to another host (the CDN).
    api.easy_setopt(curl, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BEARER));
    api.easy_setopt(curl, CURLOPT_XOAUTH2_BEARER, request.bearer_token.c_str());
  }

  const CURLcode code = api.easy_perform(curl);
  if (transfer.abort) {
    return {Outcome::fail, *transfer.abort};
  }
  long status = 0;
  api.easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  if (code == CURLE_HTTP_RETURNED_ERROR) {
    if (status == 416 && transfer.from > 0) {
      const auto range_info = parse_content_range(transfer.content_range);
      if (range_info.total && *range_info.total == transfer.on_disk) {
        transfer.total = transfer.on_disk; // an earlier run got every byte
        return {Outcome::done, {}};
      }
      // The .part is longer than the file, or unrelated: start over.
      if (::ftruncate(transfer.fd, 0) != 0) {
        return {Outcome::fail, Error{"cannot truncate " + part_path(request.destination) + ": " + errno_text(), ""}};
      }
      *transfer.hasher = Sha256();
      transfer.on_disk = 0;
      return {Outcome::retry, Error{"the partial download did not match the server's file", ""}};
    }
    return classify_http_error(request, status);
  }
  if (code != CURLE_OK) {
    std::string reason = error_text[0] != '\0' ? std::string(error_text) : api.easy_strerror(code);
    if (code == CURLE_OPERATION_TIMEDOUT && transfer.body_started) {
      reason = fmt::format("the transfer stalled (less than {} byte/s for {} s): {}", options.low_speed_bytes,
                           options.stall_timeout.count(), reason);
    } else if (code == CURLE_OPERATION_TIMEDOUT) {
      reason = fmt::format("the server did not answer in time: {}", reason);
    }
    return {retryable_curl_code(code) ? Outcome::retry : Outcome::fail,
            Error{"cannot download " + request.url + ": " + reason, ""}};
  }
  if (status != 200 && status != 206) {
    return {Outcome::fail, Error{fmt::format("the server answered {} with HTTP {}", request.url, status), ""}};
  }
  if (!transfer.body_started && status == 200 && transfer.from > 0) {
    // An empty 200 to a Range request: the file is empty; start over.
    if (::ftruncate(transfer.fd, 0) == 0) {
      *transfer.hasher = Sha256();
      transfer.on_disk = 0;
    }
  }
  return {Outcome::done, {}};
}

Expected<void> hash_existing(int fd, uint64_t size, Sha256& hasher, const std::string& path)
{
  std::vector<char> buffer(1 << 20);
  uint64_t offset = 0;
  while (offset < size) {
    const ssize_t got = ::pread(fd, buffer.data(), buffer.size(), static_cast<off_t>(offset));
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got <= 0) {
      return unexpected("cannot read " + path + ": " + (got < 0 ? errno_text() : std::string("it shrank")),
                        "delete it and try again");
    }
    hasher.update(buffer.data(), static_cast<size_t>(got));
    offset += static_cast<uint64_t>(got);
  }
  return {};
}

std::string printable_prefix(int fd)
{
  char head[16] = {};
  const ssize_t got = ::pread(fd, head, sizeof head, 0);
  std::string text;
  for (ssize_t i = 0; i < got; ++i) {
    const char c = head[i];
    text += (c >= 0x20 && c < 0x7f) ? c : '.';
  }
  return text;
}

void sync_directory(const std::string& directory)
{
  const Fd dir(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() >= 0) {
    ::fsync(dir.get());
  }
}

} // namespace

std::string part_path(const std::string& destination)
{
  return destination + ".part";
}

std::string lock_path(const std::string& destination)
{
  return destination + ".lock";
}

Expected<DownloadResult> download_file(const DownloadRequest& request, const DownloadOptions& options)
{
  DownloadResult result;
  result.path = request.destination;
  std::error_code fs_error;
  if (std::filesystem::exists(request.destination, fs_error)) {
    result.already_present = true;
    return result;
  }
  const std::string directory = std::filesystem::path(request.destination).parent_path().string();
  std::filesystem::create_directories(directory, fs_error);
  if (fs_error) {
    return unexpected("cannot create " + directory + ": " + fs_error.message(),
                      "check its permissions, or set XDG_DATA_HOME to a writable directory");
  }

  auto lock = lock_file(lock_path(request.destination), options.lock_wait, [&] {
    if (options.notice) {
      options.notice("another caro process is downloading " + request.label + "; waiting for it to finish");
    }
  });
  if (!lock) {
    return unexpected(lock.error());
  }
  if (!lock->held()) {
    return unexpected("another caro process is downloading " + request.label + " into " + request.destination +
                          " right now",
                      "wait for it to finish, then check with `caro model list`");
  }
  if (std::filesystem::exists(request.destination, fs_error)) {
    result.already_present = true; // the process we waited for finished it
    return result;
  }

  const std::string part = part_path(request.destination);
  const Fd fd(::open(part.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644));
  if (fd.get() < 0) {
    return unexpected("cannot create " + part + ": " + errno_text(), "check that " + directory + " is writable");
  }
  // A failed first attempt must not leave an empty .part behind (a non-empty one is kept for resuming).
  struct EmptyPartRemover
  {
    const std::string& path;
    ~EmptyPartRemover()
    {
      std::error_code ignored;
      if (std::filesystem::exists(path, ignored) && std::filesystem::file_size(path, ignored) == 0) {
        std::filesystem::remove(path, ignored);
      }
    }
  } empty_part_remover{part};
  struct stat info
  {
  };
  if (::fstat(fd.get(), &info) != 0) {
    return unexpected("cannot read " + part + ": " + errno_text());
  }
  Sha256 hasher;
  Transfer transfer;
  transfer.request = &request;
  transfer.options = &options;
  transfer.fd = fd.get();
  transfer.hasher = &hasher;
  transfer.directory = directory;
  transfer.on_disk = static_cast<uint64_t>(info.st_size);
  result.resumed_from = transfer.on_disk;
  if (transfer.on_disk > 0) {
    if (auto hashed = hash_existing(fd.get(), transfer.on_disk, hasher, part); !hashed) {
      return unexpected(hashed.error());
    }
  }
  if (request.expected_bytes > transfer.on_disk && options.free_space) {
    const uint64_t needed = request.expected_bytes - transfer.on_disk;
    auto available = options.free_space(directory);
    if (available && *available < needed) {
      return unexpected(not_enough_space(transfer, needed, *available));
    }
  }

  std::chrono::milliseconds backoff = options.first_backoff;
  const int attempts = std::max(1, options.max_attempts);
  AttemptResult attempt;
  for (int number = 1; number <= attempts; ++number) {
    result.attempts = number;
    attempt = run_transfer(transfer);
    if (attempt.outcome != Outcome::retry || number == attempts) {
      break;
    }
    if (options.notice) {
      options.notice(fmt::format("{}; retrying in {} (attempt {} of {})", attempt.error.message,
                                 backoff.count() >= 1000 ? fmt::format("{} s", backoff.count() / 1000)
                                                         : fmt::format("{} ms", backoff.count()),
                                 number + 1, attempts));
    }
    std::this_thread::sleep_for(backoff);
    backoff = std::min(backoff * 2, options.max_backoff);
  }
  if (attempt.outcome == Outcome::retry) {
    return unexpected(fmt::format("{} (gave up after {} attempt{})", attempt.error.message, result.attempts,
                                  result.attempts == 1 ? "" : "s"),
                      "check the network and run the same command again: the download resumes from " + part);
  }
  if (attempt.outcome == Outcome::fail) {
    return unexpected(attempt.error);
  }

  // Every byte is in the .part: check it before it may become the model.
  const auto discard = [&] {
    std::error_code ignored;
    std::filesystem::remove(part, ignored);
  };
  const uint64_t announced = transfer.linked_size > 0 ? transfer.linked_size : transfer.total;
  if (announced > 0 && announced != transfer.on_disk) {
    discard();
    return unexpected(fmt::format("the download of {} has {} bytes, but the server announced {}", request.label,
                                  transfer.on_disk, announced),
                      "run the same command again to download it afresh");
  }
  char magic[4] = {};
  if (::pread(fd.get(), magic, sizeof magic, 0) != static_cast<ssize_t>(sizeof magic) ||
      std::memcmp(magic, "GGUF", 4) != 0) {
    const std::string head = printable_prefix(fd.get());
    discard();
    return unexpected(fmt::format("{} did not send a GGUF model (the file starts with \"{}\")", request.url, head),
                      "check the URL; with a mirror (CARO_MODEL_MIRROR or HF_ENDPOINT), check that it serves the "
                      "model file itself, not a web page");
  }
  result.sha256 = hasher.finish_hex();
  result.bytes = transfer.on_disk;
  std::string expected = util::to_lower_ascii(request.expected_sha256);
  result.checksum_source = "pinned";
  if (expected.empty()) {
    // Only Hugging Face's X-Linked-Etag is known to be the sha256; a plain
    // ETag may be any opaque 64-hex value (a CDN's own content hash).
    if (is_sha256_hex(transfer.linked_etag)) {
      expected = transfer.linked_etag;
      result.checksum_source = "server";
    } else {
      result.checksum_source.clear();
    }
  }
  if (!expected.empty() && expected != result.sha256) {
    discard();
    return unexpected(
        fmt::format("checksum mismatch for {}: expected sha256 {}, got {}", request.label, expected, result.sha256),
        "the download was corrupted or the server sent another file; the partial file was deleted, "
        "run the same command again to download it afresh");
  }
  if (::fsync(fd.get()) != 0) {
    return unexpected("cannot write " + part + ": " + errno_text());
  }
  if (::rename(part.c_str(), request.destination.c_str()) != 0) {
    return unexpected("cannot rename " + part + " to " + request.destination + ": " + errno_text());
  }
  sync_directory(directory);
  return result;
}

} // namespace caro::models
