// System administration basics: signalling processes (kill by pid, pkill by
// name), system services (list running, start/stop/restart one), installing
// a package with the platform's package manager, reading the journal, and
// the user's crontab. Killing is destructive: its intents are marked
// so in the data and the matcher lets only them answer "kill" requests.

#include "caro/backends/static/intent.h"
#include "caro/backends/static/vocabulary.h"

#include <string>

namespace caro::backends::static_matcher {
namespace {

// A plain name (service, package, process): letters, digits, - _ . @ +
bool plain_name(std::string_view name)
{
  if (name.empty() || name.front() == '-') {
    return false;
  }
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                    c == '-' || c == '.' || c == '@' || c == '+';
    if (!ok) {
      return false;
    }
  }
  return true;
}

// The first unused word that is not vocabulary: the thing the verb acts on.
std::optional<std::size_t> object_word(const Analysis& analysis)
{
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    if (analysis.used(i)) {
      continue;
    }
    const Token& token = analysis.at(i);
    if ((token.kind == TokenKind::word && !is_filler(token.text) && !is_guard(token.text) &&
         !is_non_location(token.text)) ||
        token.kind == TokenKind::path) {
      return plain_name(token.raw) ? std::optional<std::size_t>(i) : std::nullopt;
    }
  }
  return std::nullopt;
}

} // namespace

std::optional<Match> match_kill_process(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  (void)dialect;
  if (take_all(analysis, {"kill", "terminate", "stop"}) == 0) {
    return std::nullopt;
  }
  const bool force = analysis.take_phrases({{"force"}, {"forcefully"}, {"hard"}, {"with", "sigkill"}, {"-9"}});
  take_all(analysis, {"process", "pid", "the", "with", "id", "please", "now", "program"});
  Match match;
  match.strength = 0.9;
  // A number is a pid: the count slot holds it ("kill process 1234").
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    if (analysis.at(i).kind == TokenKind::number && slots.count) {
      const std::string pid = analysis.at(i).text;
      if (pid.find('.') != std::string::npos) {
        return std::nullopt;
      }
      match.accepted_slots = slot_count;
      match.command = std::string("kill ") + (force ? "-9 " : "") + pid;
      match.explanation = std::string(force ? "Force-kill (SIGKILL)" : "Terminate (SIGTERM)") + " process " + pid;
      return match;
    }
  }
  // "kill every node process", "kill all python processes": by name.
  take_all(analysis, {"every", "all", "any", "each", "instances", "instance", "of", "named", "called"});
  auto at = object_word(analysis);
  if (!at || !slots.locations.empty()) {
    return std::nullopt;
  }
  analysis.use(*at);
  const std::string name = analysis.at(*at).raw;
  match.command = std::string("pkill ") + (force ? "-9 " : "") + dialect.quote(name);
  match.explanation = "Send " + std::string(force ? "SIGKILL" : "SIGTERM") + " to every process named " + name;
  return match;
}

std::optional<Match> match_services(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  if (!slots.locations.empty() || !dialect.gnu()) {
    return std::nullopt;
  }
  const bool service_word = take_all(analysis, {"service", "services", "daemon", "daemons", "unit", "units"}) > 0;
  std::string verb;
  for (std::string_view candidate : {"restart", "start", "stop", "reload", "enable", "disable", "status"}) {
    if (analysis.take_phrase({candidate})) {
      if (!verb.empty()) {
        return std::nullopt;
      }
      verb = std::string(candidate);
    }
  }
  take_all(analysis, {"the", "server", "web", "please", "list", "show", "all", "which", "what", "are", "of"});
  Match match;
  match.strength = 0.9;
  if (verb.empty()) {
    if (!service_word || !analysis.take_phrases({{"running"}, {"active"}})) {
      return std::nullopt;
    }
    match.command = "systemctl list-units --type=service --state=running";
    match.explanation = "List the running systemd services";
    return match;
  }
  auto at = object_word(analysis);
  if (!at) {
    return std::nullopt;
  }
  analysis.use(*at);
  const std::string name = analysis.at(*at).raw;
  match.command = (verb == "status" ? "systemctl status " : "sudo systemctl " + verb + " ") + dialect.quote(name);
  match.explanation = "systemctl " + verb + " the " + name + " service";
  return match;
}

std::optional<Match> match_install_package(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  if (take_all(analysis, {"install"}) == 0 || !slots.locations.empty()) {
    return std::nullopt;
  }
  take_all(analysis, {"package", "the", "please", "tool", "program", "utility", "for", "me"});
  auto at = object_word(analysis);
  if (!at) {
    return std::nullopt;
  }
  analysis.use(*at);
  const std::string name = dialect.quote(analysis.at(*at).raw);
  Match match;
  match.strength = 0.9;
  if (dialect.bsd() || (dialect.has("brew") && !dialect.has("apt"))) {
    match.command = "brew install " + name;
  } else if (dialect.busybox() || (dialect.has("apk") && !dialect.has("apt"))) {
    match.command = "apk add " + name;
  } else if (dialect.has("apt")) {
    match.command = "sudo apt install " + name;
  } else if (dialect.has("dnf")) {
    match.command = "sudo dnf install " + name;
  } else {
    return std::nullopt;
  }
  match.explanation = "Install the " + analysis.at(*at).raw + " package";
  return match;
}

std::optional<Match> match_journal(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  if (!dialect.gnu() || !slots.locations.empty()) {
    return std::nullopt;
  }
  const bool journal = take_all(analysis, {"journal", "journalctl", "syslog"}) > 0;
  const bool logs = take_all(analysis, {"logs", "log"}) > 0;
  const bool service = take_all(analysis, {"service", "unit"}) > 0;
  const bool follow = analysis.take_phrases({{"follow"}, {"tail", "-f"}, {"live"}, {"stream"}});
  take_all(analysis, {"show", "the", "system", "of", "last", "lines", "line", "entries", "recent", "me", "for"});
  if (!journal && !(logs && service)) {
    return std::nullopt;
  }
  Match match;
  match.strength = 0.88;
  std::string command = "journalctl";
  if (service) {
    auto at = object_word(analysis);
    if (!at) {
      return std::nullopt;
    }
    analysis.use(*at);
    command += " -u " + dialect.quote(analysis.at(*at).raw);
  }
  if (slots.count) {
    command += " -n " + std::to_string(*slots.count);
    match.accepted_slots = slot_count;
  }
  if (follow) {
    command += " -f";
  }
  match.command = command;
  match.explanation = "Show the systemd journal" + std::string(follow ? ", following new entries" : "");
  return match;
}

std::optional<Match> match_crontab(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  (void)dialect;
  if (!slots.locations.empty()) {
    return std::nullopt;
  }
  Match match;
  match.strength = 0.88;
  if (analysis.take_phrases({{"cron", "jobs"}, {"cron", "job"}, {"cronjobs"}, {"crontab"}, {"cron"}})) {
    take_all(analysis, {"list", "show", "my", "the", "all", "scheduled", "what", "are"});
    match.command = "crontab -l";
    match.explanation = "List the current user's cron jobs";
    return match;
  }
  return std::nullopt;
}

} // namespace caro::backends::static_matcher
