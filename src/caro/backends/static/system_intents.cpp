// Simple system questions answered by one utility each: host name, working
// directory, user, date, uptime, memory, kernel messages, kernel version,
// CPU count, CPU model, OS release, login shell. Each entry names the words that identify it and the command per
// dialect; an empty command means the dialect has no good equivalent.

#include "caro/backends/static/intent.h"

#include <array>
#include <string>

namespace caro::backends::static_matcher {
namespace {

struct SystemQuestion
{
  std::initializer_list<std::initializer_list<std::string_view>> phrases; // any one identifies it
  std::string_view gnu;
  std::string_view bsd;
  std::string_view busybox;
  std::string_view explanation;
};

const std::array<SystemQuestion, 12>& questions()
{
  static const std::array<SystemQuestion, 12> k_questions = {{
      {{{"hostname"}, {"host", "name"}, {"computer", "name"}, {"machine", "name"}},
       "hostname",
       "hostname",
       "hostname",
       "Print the machine's host name"},
      {{{"pwd"}, {"working", "dir"}, {"where", "am", "i"}, {"which", "dir", "am", "i", "in"}, {"current", "path"}},
       "pwd",
       "pwd",
       "pwd",
       "Print the current working directory"},
      {{{"whoami"},
        {"who", "am", "i"},
        {"username"},
        {"user", "name"},
        {"current", "user"},
        {"logged", "in", "as"},
        {"which", "user"},
        {"what", "user"}},
       "whoami",
       "whoami",
       "whoami",
       "Print the current user name"},
      {{{"date"}, {"time", "is", "it"}, {"current", "time"}, {"what", "day"}},
       "date",
       "date",
       "date",
       "Print the current date and time"},
      {{{"uptime"}, {"been", "up"}, {"been", "running"}, {"how", "long", "up"}},
       "uptime",
       "uptime",
       "uptime",
       "Show how long the system has been running, with load averages"},
      {{{"memory"}, {"ram"}, {"mem"}}, "free -h", "vm_stat", "free -h", "Show used and free memory"},
      // Before "kernel" alone, which would otherwise take the word.
      {{{"kernel", "messages"}, {"kernel", "log"}, {"kernel", "logs"}, {"kernel", "ring", "buffer"}, {"dmesg"}},
       "sudo dmesg",
       "sudo dmesg",
       "dmesg",
       "Show the kernel's message buffer (reading it needs root on most systems)"},
      {{{"kernel"}}, "uname -r", "uname -r", "uname -r", "Print the kernel release"},
      {{{"cores"}, {"cpus"}, {"cpu", "count"}, {"processors"}, {"cpu", "cores"}},
       "nproc",
       "sysctl -n hw.ncpu",
       "nproc",
       "Print the number of available CPU cores"},
      {{{"distro"}, {"distribution"}, {"os", "version"}, {"os", "release"}, {"operating", "system"}, {"macos"}},
       "cat /etc/os-release",
       "sw_vers",
       "cat /etc/os-release",
       "Show the operating system name and version"},
      {{{"cpu", "info"},
        {"cpu", "information"},
        {"cpu", "details"},
        {"cpu", "model"},
        {"processor", "info"},
        {"processor", "information"},
        {"processor", "model"},
        {"lscpu"}},
       "lscpu",
       "sysctl -n machdep.cpu.brand_string",
       "cat /proc/cpuinfo",
       "Show the CPU model and its features"},
      // $SHELL is the login shell, which is what "my shell" usually means.
      {{{"which", "shell"}, {"what", "shell"}, {"my", "shell"}, {"default", "shell"}, {"login", "shell"}},
       "echo \"$SHELL\"",
       "echo \"$SHELL\"",
       "echo \"$SHELL\"",
       "Print the login shell ($SHELL)"},
  }};
  return k_questions;
}

} // namespace

std::optional<Match> match_system_info(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  const SystemQuestion* found = nullptr;
  for (const auto& question : questions()) {
    for (const auto& phrase : question.phrases) {
      if (analysis.find_phrase(phrase)) {
        if (found != nullptr && found != &question) {
          return std::nullopt; // two questions at once
        }
        found = &question;
        analysis.take_phrase(phrase);
      }
    }
  }
  // "what is the current directory": the location slot already holds the
  // "current directory" words, so ask whether the request is about it.
  if (found == nullptr && slots.locations.size() == 1 && slots.locations.front().path == "." &&
      analysis.mentions({"what", "which", "print", "path", "working"}) &&
      !analysis.mentions({"file", "contents", "content", "list", "ls", "everything", "hidden", "in", "size", "big"})) {
    found = &questions()[1];
  }
  if (found == nullptr) {
    return std::nullopt;
  }
  take_all(analysis, {"what",    "which",  "is",        "the",   "my",    "show",  "print",   "current", "how",
                      "much",    "many",   "long",      "usage", "used",  "free",  "version", "release", "running",
                      "am",      "i",      "today",     "does",  "have",  "name",  "number",  "of",      "this",
                      "it",      "in",     "on",        "we",    "are",   "has",   "do",      "up",      "check",
                      "display", "get",    "available", "total", "as",    "who",   "logged",  "and",     "time",
                      "cpu",     "system", "installed", "linux", "there", "using", "use",     "echo"});
  std::string_view command = dialect.gnu() ? found->gnu : (dialect.bsd() ? found->bsd : found->busybox);
  if (command.empty()) {
    return std::nullopt;
  }
  Match match;
  match.command = std::string(command);
  match.explanation = std::string(found->explanation);
  match.strength = 0.88;
  // "where am i" leaves nothing for the location slot to mean; a location
  // from "current directory" is the question itself.
  match.accepted_slots = slot_time;
  if (!slots.locations.empty()) {
    for (const auto& location : slots.locations) {
      if (location.path != ".") {
        return std::nullopt;
      }
    }
    if (found->gnu != "pwd") {
      return std::nullopt;
    }
    match.accepted_slots |= slot_location;
  }
  if (slots.time && slots.time->kind != TimeSpec::Kind::today) {
    return std::nullopt;
  }
  return match;
}

} // namespace caro::backends::static_matcher
