#pragma once

// A small threaded HTTP/1.1 server for tests, on 127.0.0.1 and a free port.
// It serves byte blobs at fixed paths, honours single Range requests (206,
// 416), and can misbehave on purpose: answer with any status, drop the
// connection after N body bytes, hang without answering, or demand a bearer
// token. Every request is recorded so tests can check what the client sent.
// It starts in the constructor and stops in the destructor, which also wakes
// any connection that is hanging on purpose, so no test can leave it running.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace caro::testing {

struct HttpRoute
{
  std::string body{};
  int status = 200;                             // e.g. 404, or 302 with a Location header
  std::map<std::string, std::string> headers{}; // extra response headers
  bool ranges = true;                           // honour Range requests
  // Close the connection after this many body bytes, for the first
  // drop_times requests to this path (then serve normally).
  std::optional<std::size_t> drop_after{};
  int drop_times = 1;
  bool hang = false;          // read the request, then never answer
  std::string bearer_token{}; // when set, anything else gets 401
  std::size_t chunk = 16384;  // bytes per send, so drops land mid-body
};

struct RecordedRequest
{
  std::string method;
  std::string path;
  std::map<std::string, std::string> headers; // names lowercased
};

class HttpTestServer
{
public:
  HttpTestServer();
  ~HttpTestServer();
  HttpTestServer(const HttpTestServer&) = delete;
  HttpTestServer& operator=(const HttpTestServer&) = delete;

  uint16_t port() const { return m_port; }
  // "http://127.0.0.1:<port>"
  std::string base_url() const;

  // Adds or replaces the route for `path` (starting with '/').
  void serve(const std::string& path, HttpRoute route);
  std::vector<RecordedRequest> requests() const;
  std::size_t request_count() const;

private:
  void accept_loop();
  void handle(int fd);

  int m_listen_fd = -1;
  int m_wake_pipe[2] = {-1, -1}; // written once at shutdown; every poll watches it
  uint16_t m_port = 0;
  std::atomic<bool> m_stopping{false};
  mutable std::mutex m_mutex;
  std::map<std::string, HttpRoute> m_routes;
  std::map<std::string, int> m_served; // requests per path, for drop_times
  std::vector<RecordedRequest> m_requests;
  std::vector<std::thread> m_connections;
  std::thread m_acceptor;
};

} // namespace caro::testing
