// Process intents: list processes (all, one user's, as a tree), the top N
// by CPU or memory, and finding a process by name. GNU ps sorts with --sort, BSD ps with -r (CPU) and -m
// (memory); BusyBox ps cannot sort, so those requests are declined there.
// BusyBox builds often lack pgrep, so a name search there uses ps | grep with
// the [x]yz trick that keeps grep from matching itself.

#include "caro/backends/static/intent.h"
#include "caro/backends/static/vocabulary.h"

#include <string>

namespace caro::backends::static_matcher {
namespace {

bool valid_process_name(const std::string& name)
{
  return name.size() <= 64 && is_plain_name(name);
}

// "process named X" (name slot), "X process", "pid of X", "is X running".
std::optional<std::string> process_name(Analysis& analysis, const Slots& slots, bool& by_pid)
{
  by_pid = analysis.take_phrases({{"pid", "of"}, {"pids", "of"}, {"process", "id", "of"}, {"pid"}});
  if (slots.name && !slots.name->negated && valid_process_name(slots.name->pattern)) {
    return slots.name->pattern;
  }
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    if (analysis.used(i) || analysis.at(i).kind != TokenKind::word) {
      continue;
    }
    const std::string& word = analysis.at(i).text;
    if (is_filler(word) || is_guard(word) || is_non_location(word) || word == "running" || word == "process") {
      continue;
    }
    const bool before_process = analysis.is(i + 1, "process");
    const bool before_running = analysis.is(i + 1, "running");
    if ((before_process || before_running || by_pid) && valid_process_name(analysis.at(i).raw)) {
      analysis.use(i);
      return analysis.at(i).raw;
    }
  }
  return std::nullopt;
}

} // namespace

std::optional<Match> match_processes(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  const bool one_process = typed_singular(analysis, {"process", "program", "task"});
  const bool process_word = take_all(analysis, {"process", "ps", "programs", "program", "tasks"}) > 0;
  const bool running = take_all(analysis, {"running", "active"}) > 0;
  const bool cpu = take_all(analysis, {"cpu", "processor"}) > 0;
  const bool memory = take_all(analysis, {"memory", "mem", "ram"}) > 0;
  const bool ranked = take_all(analysis, {"top", "most", "highest", "hogs", "hog", "heaviest", "hungry"}) > 0;
  const bool sorted = take_all(analysis, {"sorted", "sort", "order", "ordered", "by"}) > 0;
  take_all(analysis,
           {"using", "use",   "uses", "eating", "consuming", "hogging", "list",  "show",   "all", "the",
            "what",  "which", "is",   "are",    "usage",     "find",    "named", "called", "get", "currently"});

  Match match;
  match.strength = 0.9;
  match.accepted_slots = 0;

  if (cpu || memory) {
    if ((cpu && memory) || !(process_word || ranked)) {
      return std::nullopt;
    }
    if (dialect.busybox()) {
      return std::nullopt;
    }
    const std::string what = cpu ? "CPU" : "memory";
    std::string sort =
        dialect.gnu() ? (cpu ? "ps aux --sort=-%cpu" : "ps aux --sort=-%mem") : (cpu ? "ps aux -r" : "ps aux -m");
    // "which process uses the most memory" asks for one; "top processes" for a handful.
    std::optional<std::int64_t> count = slots.count;
    if (!count && ranked) {
      count = analysis.mentions({"top"}) && !one_process ? 10 : 1;
    }
    if (count) {
      match.accepted_slots |= slot_count;
      match.command = sort + " | head -n " + std::to_string(*count + 1);
      match.explanation = "Show the " + std::to_string(*count) + " processes using the most " + what;
    } else if (sorted) {
      match.command = sort;
      match.explanation = "List all processes, highest " + what + " use first";
    } else {
      return std::nullopt;
    }
    return match;
  }

  bool by_pid = false;
  if (auto name = process_name(analysis, slots, by_pid)) {
    if (!(process_word || running || by_pid)) {
      return std::nullopt;
    }
    match.accepted_slots |= slot_name;
    if (dialect.busybox() && !dialect.has("pgrep")) {
      // Appended piece by piece: g++ 12 warns falsely (-Wrestrict) about "[" + std::string.
      std::string bracketed = "[";
      bracketed += name->front();
      bracketed += ']';
      bracketed += name->substr(1);
      match.command = "ps | grep " + dialect.quote(bracketed);
    } else if (dialect.busybox() || by_pid) {
      match.command = "pgrep " + dialect.quote(*name);
    } else {
      match.command = std::string(dialect.gnu() ? "pgrep -a " : "pgrep -l ") + dialect.quote(*name);
    }
    match.explanation =
        by_pid ? "Print the process IDs of processes named " + *name : "Find running processes named " + *name;
    return match;
  }
  if (!process_word || slots.count) {
    return std::nullopt;
  }
  // "show the process tree", "processes as a tree"
  if (analysis.take_phrases({{"tree"}, {"hierarchy"}, {"forest"}, {"pstree"}})) {
    take_all(analysis, {"as", "a", "in", "form", "of"});
    if (slots.owner) {
      return std::nullopt;
    }
    // procps's ps draws the tree itself; elsewhere only pstree can.
    if (dialect.gnu()) {
      match.command = "ps -ef --forest";
    } else if (dialect.has("pstree")) {
      match.command = "pstree";
    } else {
      return std::nullopt;
    }
    match.explanation = "Show the running processes as a tree of parents and children";
    return match;
  }
  // "processes owned by root", "processes of the user bob"
  if (slots.owner) {
    if (slots.owner->group || dialect.busybox()) {
      return std::nullopt;
    }
    match.accepted_slots |= slot_owner;
    match.command = (dialect.bsd() ? "ps -U " : "ps -u ") + dialect.quote(slots.owner->name);
    match.explanation = "List the processes of the user " + slots.owner->name;
    return match;
  }
  match.command = dialect.busybox() ? "ps" : "ps aux";
  match.explanation = "List all running processes";
  return match;
}

std::optional<Match> match_ports(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  const bool listening = take_all(analysis, {"listening", "listen", "listens", "open", "bound", "used"}) > 0;
  const bool port_word = take_all(analysis, {"port", "ports", "socket", "sockets"}) > 0;
  // "tcp" or "udp" alone narrows the listing; both, or neither, shows both.
  const bool tcp = take_all(analysis, {"tcp"}) > 0;
  const bool udp = take_all(analysis, {"udp"}) > 0;
  const std::string protocols = tcp == udp ? "tu" : (tcp ? "t" : "u");
  const std::string protocol_names = tcp == udp ? "TCP and UDP" : (tcp ? "TCP" : "UDP");
  take_all(analysis, {"what", "which", "who", "is", "are", "using", "uses",    "on",     "process", "program", "show",
                      "list", "all",   "the", "in", "use", "find",  "running", "behind", "holding", "and"});
  Match match;
  match.strength = 0.9;
  if (slots.port) {
    match.accepted_slots = slot_port;
    const std::string port = std::to_string(*slots.port);
    if (dialect.busybox()) {
      match.command = "netstat -" + protocols + "lnp | grep " + dialect.quote(":" + port + " ");
    } else if (dialect.bsd() || dialect.has("lsof")) {
      // One -i argument: "-i :8080", or "-iTCP:8080" for one protocol.
      match.command = tcp == udp ? "lsof -i :" + port : "lsof -i" + std::string(tcp ? "TCP" : "UDP") + ":" + port;
    } else {
      match.command = "ss -" + protocols + "lnp " + dialect.quote("sport = :" + port);
    }
    match.explanation = "Show which process is using " + (tcp == udp ? "" : protocol_names + " ") + "port " + port;
    return match;
  }
  if (!(listening && port_word)) {
    return std::nullopt;
  }
  if (dialect.bsd()) {
    // lsof's state filter is per protocol; UDP has no LISTEN state.
    if (tcp && udp) {
      return std::nullopt;
    }
    match.command = udp ? "lsof -iUDP -n -P" : "lsof -iTCP -sTCP:LISTEN -n -P";
    match.explanation =
        udp ? "List open UDP ports and their processes" : "List TCP ports in the LISTEN state and their processes";
  } else if (dialect.busybox()) {
    match.command = "netstat -" + protocols + "ln";
    match.explanation = "List listening " + protocol_names + " ports";
  } else if (dialect.has("ss") || !dialect.has("netstat")) {
    match.command = "ss -" + protocols + "lpn";
    match.explanation = "List listening " + protocol_names + " ports with their processes";
  } else {
    match.command = "netstat -" + protocols + "lpn";
    match.explanation = "List listening " + protocol_names + " ports with their processes";
  }
  return match;
}

} // namespace caro::backends::static_matcher
