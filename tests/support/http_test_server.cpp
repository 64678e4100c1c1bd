// The tests' HTTP server (see http_test_server.h). One thread accepts, one
// thread per connection answers, every connection is closed after one
// response (Connection: close), which keeps the protocol handling small.
// Every blocking wait is a poll() that also watches a shutdown pipe.

#include "support/http_test_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace caro::testing {
namespace {

std::string lower(std::string text)
{
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string trim(const std::string& text)
{
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) {
    return "";
  }
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string reason(int status)
{
  switch (status) {
  case 200:
    return "OK";
  case 206:
    return "Partial Content";
  case 302:
    return "Found";
  case 401:
    return "Unauthorized";
  case 403:
    return "Forbidden";
  case 404:
    return "Not Found";
  case 416:
    return "Range Not Satisfiable";
  case 500:
    return "Internal Server Error";
  case 503:
    return "Service Unavailable";
  default:
    return "Status";
  }
}

bool send_all(int fd, const char* data, std::size_t size)
{
  while (size > 0) {
    const ssize_t sent = ::send(fd, data, size, MSG_NOSIGNAL);
    if (sent <= 0) {
      return false;
    }
    data += sent;
    size -= static_cast<std::size_t>(sent);
  }
  return true;
}

struct Response
{
  int status = 200;
  std::map<std::string, std::string> headers;
  std::string body;
};

std::string head_of(const Response& response, std::size_t content_length)
{
  std::string head = "HTTP/1.1 " + std::to_string(response.status) + " " + reason(response.status) + "\r\n";
  for (const auto& [name, value] : response.headers) {
    head += name + ": " + value + "\r\n";
  }
  head += "Content-Length: " + std::to_string(content_length) + "\r\nConnection: close\r\n\r\n";
  return head;
}

} // namespace

HttpTestServer::HttpTestServer()
{
  m_listen_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (m_listen_fd < 0 || ::pipe2(m_wake_pipe, O_CLOEXEC) != 0) {
    throw std::runtime_error("http test server: cannot create sockets");
  }
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  if (::bind(m_listen_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(m_listen_fd, 16) != 0 ||
      ::getsockname(m_listen_fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    throw std::runtime_error("http test server: cannot listen on 127.0.0.1");
  }
  m_port = ntohs(address.sin_port);
  m_acceptor = std::thread([this] { accept_loop(); });
}

HttpTestServer::~HttpTestServer()
{
  m_stopping = true;
  const char byte = 'x';
  [[maybe_unused]] const auto ignored = ::write(m_wake_pipe[1], &byte, 1);
  m_acceptor.join();
  std::vector<std::thread> connections;
  {
    const std::lock_guard lock(m_mutex);
    connections.swap(m_connections);
  }
  for (auto& connection : connections) {
    connection.join();
  }
  ::close(m_listen_fd);
  ::close(m_wake_pipe[0]);
  ::close(m_wake_pipe[1]);
}

std::string HttpTestServer::base_url() const
{
  return "http://127.0.0.1:" + std::to_string(m_port);
}

void HttpTestServer::serve(const std::string& path, HttpRoute route)
{
  const std::lock_guard lock(m_mutex);
  m_routes[path] = std::move(route);
}

std::vector<RecordedRequest> HttpTestServer::requests() const
{
  const std::lock_guard lock(m_mutex);
  return m_requests;
}

std::size_t HttpTestServer::request_count() const
{
  const std::lock_guard lock(m_mutex);
  return m_requests.size();
}

void HttpTestServer::accept_loop()
{
  for (;;) {
    pollfd fds[2] = {{m_listen_fd, POLLIN, 0}, {m_wake_pipe[0], POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) {
      continue;
    }
    if (fds[1].revents != 0 || m_stopping) {
      return;
    }
    if ((fds[0].revents & POLLIN) != 0) {
      const int fd = ::accept4(m_listen_fd, nullptr, nullptr, SOCK_CLOEXEC);
      if (fd >= 0) {
        const std::lock_guard lock(m_mutex);
        m_connections.emplace_back([this, fd] {
          handle(fd);
          ::close(fd);
        });
      }
    }
  }
}

void HttpTestServer::handle(int fd)
{
  // Read the request head; no request here has a body.
  std::string data;
  while (data.find("\r\n\r\n") == std::string::npos) {
    pollfd fds[2] = {{fd, POLLIN, 0}, {m_wake_pipe[0], POLLIN, 0}};
    if (::poll(fds, 2, -1) <= 0 || fds[1].revents != 0) {
      return;
    }
    char buffer[4096];
    const ssize_t got = ::recv(fd, buffer, sizeof buffer, 0);
    if (got <= 0) {
      return;
    }
    data.append(buffer, static_cast<std::size_t>(got));
  }
  RecordedRequest request;
  std::size_t line_end = data.find("\r\n");
  const std::string request_line = data.substr(0, line_end);
  const auto first_space = request_line.find(' ');
  const auto second_space = request_line.find(' ', first_space + 1);
  request.method = request_line.substr(0, first_space);
  request.path = request_line.substr(first_space + 1, second_space - first_space - 1);
  std::size_t position = line_end + 2;
  while (position < data.size()) {
    line_end = data.find("\r\n", position);
    if (line_end == position || line_end == std::string::npos) {
      break;
    }
    const std::string line = data.substr(position, line_end - position);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
      request.headers[lower(trim(line.substr(0, colon)))] = trim(line.substr(colon + 1));
    }
    position = line_end + 2;
  }

  std::optional<HttpRoute> route;
  int served_before = 0;
  {
    const std::lock_guard lock(m_mutex);
    m_requests.push_back(request);
    if (auto it = m_routes.find(request.path); it != m_routes.end()) {
      route = it->second;
      served_before = m_served[request.path]++;
    }
  }

  Response response;
  if (!route) {
    response.status = 404;
    response.body = "no such file\n";
  } else if (route->hang) {
    // Wait until the client gives up or the server stops.
    pollfd fds[2] = {{fd, POLLIN, 0}, {m_wake_pipe[0], POLLIN, 0}};
    ::poll(fds, 2, -1);
    return;
  } else if (!route->bearer_token.empty() && request.headers["authorization"] != "Bearer " + route->bearer_token) {
    response.status = 401;
    response.body = "token required\n";
  } else {
    response.status = route->status;
    response.headers = route->headers;
    response.body = route->body;
    const auto range = request.headers.find("range");
    if (response.status == 200 && route->ranges && range != request.headers.end() &&
        range->second.rfind("bytes=", 0) == 0) {
      const std::string spec = range->second.substr(6);
      const auto dash = spec.find('-');
      const std::size_t size = route->body.size();
      const std::size_t start = std::stoull(spec.substr(0, dash));
      const std::string end_text = spec.substr(dash + 1);
      std::size_t end = end_text.empty() ? size - 1 : std::min<std::size_t>(std::stoull(end_text), size - 1);
      if (start >= size) {
        response.status = 416;
        response.headers["Content-Range"] = "bytes */" + std::to_string(size);
        response.body.clear();
      } else {
        response.status = 206;
        response.headers["Content-Range"] =
            "bytes " + std::to_string(start) + "-" + std::to_string(end) + "/" + std::to_string(size);
        response.body = route->body.substr(start, end - start + 1);
      }
    }
  }

  const std::string head = head_of(response, response.body.size());
  if (!send_all(fd, head.data(), head.size())) {
    return;
  }
  std::size_t limit = response.body.size();
  if (route && route->drop_after && served_before < route->drop_times) {
    limit = std::min(limit, *route->drop_after);
  }
  const std::size_t chunk = route ? std::max<std::size_t>(1, route->chunk) : limit;
  for (std::size_t sent = 0; sent < limit;) {
    const std::size_t piece = std::min(chunk, limit - sent);
    if (!send_all(fd, response.body.data() + sent, piece)) {
      return;
    }
    sent += piece;
  }
  ::shutdown(fd, SHUT_WR);
  // Let the client read everything before the socket closes (a close with
  // unread input would reset the connection and could lose the tail).
  char sink[256];
  pollfd fds[2] = {{fd, POLLIN, 0}, {m_wake_pipe[0], POLLIN, 0}};
  while (::poll(fds, 2, 5000) > 0 && fds[1].revents == 0 && ::recv(fd, sink, sizeof sink, 0) > 0) {
  }
}

} // namespace caro::testing
