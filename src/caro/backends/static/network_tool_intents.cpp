// Networking: ping, HTTP (headers, status, download with curl or wget),
// DNS lookups (dig, falling back to host/nslookup), this machine's
// addresses, checking that a remote port accepts connections (nc -z),
// the routing table and ssh. Hosts and URLs are the user's own text,
// quoted; nothing reaches out to a third-party service the user did not name.

#include "caro/backends/static/contributed_builders.h"
#include "caro/backends/static/contributed_support.h"
#include "caro/backends/static/vocabulary.h"

#include <string>

namespace caro::backends::static_matcher {
namespace {

// The one host the request names: a location or an unexplained word that
// looks like a host name or IPv4 address. Marks the word used.
std::optional<std::string> single_host(Analysis& analysis, const Slots& slots)
{
  std::optional<std::string> host;
  if (slots.hosts.size() > 1) {
    return std::nullopt;
  }
  if (!slots.hosts.empty()) {
    host = slots.hosts.front();
  }
  for (const auto& location : slots.locations) {
    std::string path = location.path;
    if (!looks_like_host(path)) {
      return std::nullopt;
    }
    if (host) {
      return std::nullopt;
    }
    host = path;
  }
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    if (!analysis.used(i) && analysis.at(i).kind == TokenKind::word && looks_like_host(analysis.at(i).raw) &&
        analysis.at(i).raw.find('.') != std::string::npos) {
      if (host) {
        return std::nullopt;
      }
      host = analysis.at(i).raw;
      analysis.use(i);
    }
  }
  return host;
}

std::optional<std::string> single_url(const Slots& slots)
{
  std::optional<std::string> url;
  for (const auto& location : slots.locations) {
    if (looks_like_url(location.path)) {
      if (url) {
        return std::nullopt;
      }
      url = location.path;
    }
  }
  return url;
}

bool only_locations(const Slots& slots)
{
  return !slots.time && !slots.size_min && !slots.size_max && !slots.name && slots.exclusions.empty() &&
         slots.extensions.empty() && !slots.depth_one && slots.quoted.empty() && !slots.case_insensitive;
}

} // namespace

std::optional<Match> build_ping(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  const bool ping = take_all(analysis, {"ping"}) > 0;
  const bool reachable = analysis.take_phrases({{"reachable"}, {"can", "i", "reach"}, {"is", "up"}, {"alive"}});
  if (!ping && !reachable) {
    return std::nullopt;
  }
  take_all(analysis, {"times", "time", "packets", "packet", "check", "if", "whether", "is", "the", "host", "server",
                      "send", "pings", "to", "only"});
  if (!only_locations(slots) || slots.port) {
    return std::nullopt;
  }
  auto host = single_host(analysis, slots);
  if (!host) {
    return std::nullopt;
  }
  Match match;
  match.strength = 0.92;
  match.accepted_slots = slot_location | slot_host | slot_count;
  std::optional<std::int64_t> count = slots.count;
  if (!count && reachable && !ping) {
    count = 1;
  }
  match.command = "ping" + (count ? " -c " + std::to_string(*count) : std::string()) + " " + dialect.quote(*host);
  match.explanation = count ? "Send " + std::to_string(*count) + " ping(s) to " + *host
                            : "Ping " + *host + " until interrupted (Ctrl-C)";
  return match;
}

std::optional<Match> build_http_fetch(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  auto url = single_url(slots);
  if (!url || !slots.exclusions.empty() || slots.time || slots.size_min || slots.size_max || slots.count ||
      slots.port) {
    return std::nullopt;
  }
  // A tool the user names is the tool used; otherwise curl where it exists.
  const bool wants_wget = analysis.mentions({"wget"});
  const bool wants_curl = analysis.mentions({"curl"});
  if (wants_wget && wants_curl) {
    return std::nullopt;
  }
  const bool curl_missing = !wants_curl && (wants_wget || !dialect.has("curl") || dialect.busybox());
  const std::string quoted_url = dialect.quote(*url);
  Match match;
  match.strength = 0.92;
  match.accepted_slots = slot_location | slot_name;
  if (analysis.take_phrases({{"response", "headers"},
                             {"http", "headers"},
                             {"headers"},
                             {"header"},
                             {"head", "request"},
                             {"curl", "-i"}})) {
    if (curl_missing || slots.name) {
      return std::nullopt;
    }
    take_all(analysis, {"show", "just", "only", "the", "from", "of", "for", "get", "fetch", "print", "response", "what",
                        "are", "curl", "http"});
    match.command = "curl -I " + quoted_url;
    match.explanation = "Fetch only the response headers of " + *url;
    return match;
  }
  if (analysis.take_phrases({{"status", "code"}, {"http", "status"}, {"response", "code"}})) {
    take_all(analysis, {"return", "returns", "give", "gives", "send", "sends", "does", "respond", "responds", "with"});
    if (curl_missing || slots.name) {
      return std::nullopt;
    }
    take_all(analysis, {"show", "just", "only", "the", "from", "of", "for", "get", "what", "is", "check", "print"});
    match.command = "curl -s -o /dev/null -w '%{http_code}\\n' " + quoted_url;
    match.explanation = "Print the HTTP status code " + *url + " answers with";
    return match;
  }
  const bool download = take_all(analysis, {"download", "fetch", "save", "grab", "wget", "curl", "get"}) > 0;
  if (!download) {
    return std::nullopt;
  }
  take_all(analysis, {"the", "file", "from", "to", "as", "into", "called", "named", "it", "and", "this", "page",
                      "locally", "disk", "a", "use", "using", "with", "via"});
  // The output file: "as page.html", "to page.html", "called x".
  std::optional<std::string> output;
  if (slots.name) {
    if (slots.name->negated || slots.name->pattern.find_first_of("*?[") != std::string::npos) {
      return std::nullopt;
    }
    output = slots.name->pattern;
  }
  for (const auto& location : slots.locations) {
    if (location.path == *url) {
      continue;
    }
    if (output || !looks_like_file(location.path)) {
      return std::nullopt;
    }
    output = location.path;
  }
  if (output) {
    match.command = curl_missing ? "wget -O " + dialect.path(*output) + " " + quoted_url
                                 : "curl -L -o " + dialect.path(*output) + " " + quoted_url;
    match.explanation = "Download " + *url + " and save it as " + *output;
    return match;
  }
  // curl -O needs a file name at the end of the URL.
  const auto scheme_end = url->find("://");
  const auto slash = url->find('/', scheme_end + 3);
  if (slash == std::string::npos || url->back() == '/' || url->find('?') != std::string::npos) {
    if (!curl_missing) {
      return std::nullopt;
    }
  }
  match.command = curl_missing ? "wget " + quoted_url : "curl -LO " + quoted_url;
  match.explanation = "Download " + *url + " into the current directory, keeping its file name";
  return match;
}

std::optional<Match> build_dns_lookup(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  const bool dns = analysis.take_phrases({{"dns"},
                                          {"look", "up"},
                                          {"lookup"},
                                          {"resolve"},
                                          {"resolves"},
                                          {"nslookup"},
                                          {"dig"},
                                          {"ip", "address", "of"},
                                          {"ip", "of"},
                                          {"ip", "address", "for"},
                                          {"records"},
                                          {"record"}});
  if (!dns) {
    return std::nullopt;
  }
  std::string type;
  for (std::string_view candidate : {"mx", "ns", "txt", "aaaa", "cname", "soa", "srv", "ptr"}) {
    if (take_all(analysis, {candidate}) > 0) {
      if (!type.empty()) {
        return std::nullopt;
      }
      for (char c : candidate) {
        type += static_cast<char>(c - 'a' + 'A');
      }
    }
  }
  const bool reverse = take_all(analysis, {"reverse"}) > 0;
  const bool brief = analysis.take_phrases({{"short"}, {"just", "the", "ip"}, {"only", "the", "ip"}, {"brief"}});
  take_all(analysis, {"the",  "of",      "for",       "what",   "is",   "are",   "records", "record", "record",
                      "show", "get",     "check",     "do",     "does", "to",    "domain",  "host",   "name",
                      "ip",   "address", "addresses", "server", "a",    "which", "mail",    "servers"});
  if (!only_locations(slots) || slots.count || slots.port) {
    return std::nullopt;
  }
  auto host = single_host(analysis, slots);
  if (!host) {
    return std::nullopt;
  }
  const bool ip = host->find_first_not_of("0123456789.") == std::string::npos;
  if (reverse != ip || (reverse && !type.empty())) {
    return std::nullopt;
  }
  Match match;
  match.strength = 0.9;
  match.accepted_slots = slot_location | slot_host;
  const std::string quoted = dialect.quote(*host);
  const bool use_dig = !dialect.busybox() && (dialect.has("dig") || (!dialect.has("host") && !dialect.has("nslookup")));
  if (use_dig) {
    if (!dialect.has("dig")) {
      match.warnings.push_back("dig is not installed (package dnsutils or bind-utils)");
    }
    if (reverse) {
      match.command = std::string("dig ") + (brief ? "+short " : "") + "-x " + quoted;
    } else {
      match.command = std::string("dig ") + (brief ? "+short " : "") + (type.empty() ? "" : type + " ") + quoted;
    }
  } else if (!dialect.busybox() && dialect.has("host") && (!type.empty() || brief || !dialect.has("nslookup"))) {
    if (brief) {
      return std::nullopt;
    }
    match.command = type.empty() ? "host " + quoted : "host -t " + type + " " + quoted;
  } else {
    if (brief) {
      return std::nullopt;
    }
    match.command = type.empty() ? "nslookup " + quoted : "nslookup -type=" + type + " " + quoted;
  }
  match.explanation = reverse
                          ? "Look up the host name of " + *host
                          : "Look up the " + (type.empty() ? std::string("address") : type) + " records of " + *host;
  return match;
}

std::optional<Match> build_my_ip(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  const bool ip = analysis.take_phrases({{"my", "ip"},
                                         {"local", "ip"},
                                         {"ip", "addresses"},
                                         {"ip", "address"},
                                         {"network", "interfaces"},
                                         {"network", "interface"},
                                         {"ifconfig"},
                                         {"ip", "addr"}});
  if (!ip) {
    return std::nullopt;
  }
  if (analysis.mentions({"public", "external", "internet", "wan", "router"}) || !slots.locations.empty() ||
      !only_locations(slots) || slots.count || slots.port) {
    return std::nullopt;
  }
  take_all(analysis, {"what", "is", "my", "show", "the", "address", "addresses", "of", "this", "machine", "computer",
                      "local", "ip", "list", "all", "are", "find"});
  Match match;
  match.strength = 0.9;
  match.accepted_slots = 0;
  match.command = dialect.bsd() ? "ifconfig" : "ip addr";
  match.explanation = "Show the network interfaces and their addresses";
  return match;
}

std::optional<Match> build_port_check(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  if (!slots.port) {
    return std::nullopt;
  }
  const bool check = analysis.take_phrases({{"is", "open"},
                                            {"open"},
                                            {"reachable"},
                                            {"accepting", "connections"},
                                            {"accepts", "connections"},
                                            {"can", "i", "connect"},
                                            {"connect"},
                                            {"nc"},
                                            {"netcat"},
                                            {"listening"}});
  if (!check || dialect.busybox()) {
    return std::nullopt;
  }
  take_all(analysis,
           {"check", "whether", "if", "is", "on", "to", "the", "at", "of", "host", "server", "remote", "from", "here"});
  if (!only_locations(slots) || slots.count) {
    return std::nullopt;
  }
  auto host = single_host(analysis, slots);
  if (!host) {
    return std::nullopt;
  }
  Match match;
  match.strength = 0.9;
  match.accepted_slots = slot_location | slot_host | slot_port;
  match.command = "nc -zv " + dialect.quote(*host) + " " + std::to_string(*slots.port);
  match.explanation = "Check whether " + *host + " accepts TCP connections on port " + std::to_string(*slots.port);
  return match;
}

std::optional<Match> build_routes(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  const bool table = analysis.take_phrases({{"routing", "table"}, {"route", "table"}, {"routes"}, {"ip", "route"}});
  const bool gateway = !table && analysis.take_phrases({{"default", "gateway"}, {"default", "route"}, {"gateway"}});
  if (!table && !gateway) {
    return std::nullopt;
  }
  if (!slots.locations.empty() || !only_locations(slots) || slots.count || slots.port) {
    return std::nullopt;
  }
  take_all(analysis, {"show", "the", "what", "is", "my", "print", "list", "network", "kernel", "current", "display"});
  Match match;
  match.strength = 0.9;
  match.accepted_slots = 0;
  if (gateway) {
    match.command = dialect.bsd() ? "route -n get default" : "ip route show default";
    match.explanation = "Show the default route and its gateway";
  } else {
    match.command = dialect.bsd() ? "netstat -rn" : "ip route";
    match.explanation = "Show the kernel routing table";
  }
  return match;
}

std::optional<Match> build_ssh_connect(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  if (take_all(analysis, {"ssh"}) == 0) {
    return std::nullopt;
  }
  std::optional<std::string> user;
  if (auto at = analysis.find_phrase({"as"})) {
    if (auto next = next_unused(analysis, *at);
        next && *next == *at + 1 && analysis.at(*next).kind == TokenKind::word &&
        is_plain_value(analysis.at(*next).raw) && !is_filler(analysis.at(*next).text)) {
      user = analysis.at(*next).raw;
      analysis.use_range(*at, *next + 1);
    }
  }
  take_all(analysis, {"to", "into", "connect", "log", "login", "in", "on", "the", "server", "host", "over", "via",
                      "using", "machine", "box"});
  if (!only_locations(slots) || slots.count) {
    return std::nullopt;
  }
  std::optional<std::string> target;
  for (const auto& location : slots.locations) {
    if (target) {
      return std::nullopt;
    }
    target = location.path;
  }
  for (const auto& host : slots.hosts) {
    if (target) {
      return std::nullopt;
    }
    target = host;
  }
  if (!target) {
    return std::nullopt;
  }
  const auto at_sign = target->find('@');
  const std::string host = at_sign == std::string::npos ? *target : target->substr(at_sign + 1);
  if (!looks_like_host(host) || (user && at_sign != std::string::npos)) {
    return std::nullopt;
  }
  std::string destination = user ? *user + "@" + host : *target;
  Match match;
  match.strength = 0.9;
  match.accepted_slots = slot_location | slot_host | slot_port;
  match.command =
      "ssh" + (slots.port ? " -p " + std::to_string(*slots.port) : std::string()) + " " + dialect.quote(destination);
  match.explanation = "Open an ssh session on " + host + (user ? " as " + *user : std::string()) +
                      (slots.port ? " (port " + std::to_string(*slots.port) + ")" : std::string());
  return match;
}

} // namespace caro::backends::static_matcher

namespace caro::backends::static_matcher {

std::optional<Match> build_sync(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  if (take_all(analysis, {"rsync", "sync", "synchronise", "synchronize", "mirror"}) == 0) {
    return std::nullopt;
  }
  take_all(analysis, {"to", "with", "using", "via", "into", "the", "from", "dir", "over", "ssh"});
  if (slots.time || slots.size_min || slots.size_max || slots.name || !slots.exclusions.empty() ||
      !slots.extensions.empty() || slots.count || !slots.quoted.empty() || slots.port) {
    return std::nullopt;
  }
  const auto sources = source_locations(slots);
  const auto intos = locations_with_role(slots, Location::Role::into);
  std::string source;
  std::string destination;
  if (sources.size() == 1 && intos.size() == 1) {
    source = sources.front();
    destination = intos.front();
  } else if (sources.size() == 2 && intos.empty()) {
    source = sources[0];
    destination = sources[1];
  } else {
    return std::nullopt;
  }
  if (source == "/" || source == "~" || destination == "/" || destination == "~") {
    return std::nullopt;
  }
  Match match;
  match.strength = 0.9;
  match.accepted_slots = slot_location;
  // The trailing slash on the source is the user's: rsync copies the
  // directory's contents with it and the directory itself without it.
  match.command = "rsync -av " + dialect.path(source) + " " + dialect.path(destination);
  match.explanation = "Copy " + source + " to " + destination + " with rsync, sending only what changed";
  return match;
}

} // namespace caro::backends::static_matcher
