// Dates and small shell tasks: date formats, relative dates (GNU `date -d`
// vs BSD `date -v`), converting epoch seconds, the calendar, environment
// variables, where a command is installed, searching the shell's history
// file, checksums (sha256sum vs BSD shasum/md5) and base64. Each answer is
// one standard utility; BusyBox gets an answer only where its applets take
// the same flags.

#include "caro/backends/static/contributed_builders.h"
#include "caro/backends/static/contributed_support.h"
#include "caro/backends/static/vocabulary.h"

#include <string>

namespace caro::backends::static_matcher {
namespace {

bool bare_request(const Slots& slots)
{
  return !slots.size_min && !slots.size_max && !slots.name && slots.exclusions.empty() && slots.extensions.empty() &&
         !slots.depth_one && !slots.case_insensitive && !slots.port && slots.locations.empty();
}

bool is_env_name(std::string_view raw)
{
  if (raw.starts_with('$')) {
    raw.remove_prefix(1);
  }
  if (raw.empty() || (raw.front() >= '0' && raw.front() <= '9')) {
    return false;
  }
  for (char c : raw) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
      return false;
    }
  }
  return true;
}

// The date format a request asks for, as a date(1) format, or empty.
std::string requested_format(Analysis& analysis, std::string& description)
{
  if (analysis.take_phrases({{"yyyy-mm-dd"}, {"iso", "format"}, {"iso", "8601"}, {"iso"}, {"iso-8601"}})) {
    description = "as YYYY-MM-DD";
    return "+%F";
  }
  if (analysis.take_phrases({{"unix", "timestamp"},
                             {"epoch", "seconds"},
                             {"seconds", "since", "the", "epoch"},
                             {"seconds", "since", "epoch"},
                             {"unix", "time"},
                             {"epoch", "time"},
                             {"epoch"},
                             {"timestamp"}})) {
    description = "as seconds since the Unix epoch";
    return "+%s";
  }
  if (analysis.take_phrases({{"day", "of", "the", "week"}, {"weekday"}})) {
    description = "as the day of the week";
    return "+%A";
  }
  if (analysis.take_phrases({{"week", "number"}, {"which", "week"}, {"what", "week"}})) {
    description = "as the ISO week number";
    return "+%V";
  }
  if (analysis.take_phrases({{"hh:mm:ss"}, {"hh:mm"}, {"24-hour"}, {"24", "hour"}})) {
    description = "as hours and minutes";
    return analysis.mentions({"hh:mm:ss"}) ? "+%T" : "+%H:%M";
  }
  return {};
}

} // namespace

std::optional<Match> build_date_query(Analysis& analysis, const Slots& slots_in, const Dialect& dialect)
{
  // "in UTC" reads as a place to the generic extractor.
  Slots slots = slots_in;
  bool utc_location = false;
  if (slots.locations.size() == 1) {
    const std::string& path = slots.locations.front().path;
    if (path == "UTC" || path == "utc" || path == "GMT" || path == "gmt") {
      utc_location = true;
      slots.locations.clear();
    }
  }
  if (!bare_request(slots)) {
    return std::nullopt;
  }
  const bool date_word = take_all(analysis, {"date", "time", "day", "today"}) > 0;
  const bool calendar = take_all(analysis, {"calendar", "cal"}) > 0;
  std::string description;
  Match match;
  match.strength = 0.9;
  match.accepted_slots = slot_time | slot_count | slot_quoted | (utc_location ? slot_location : 0U);
  const auto take_rest = [&analysis] {
    take_all(analysis,
             {"what", "is",       "was",    "will",    "be",   "the",  "show",  "print", "current",   "s",     "as",
              "in",   "a",        "format", "it",      "of",   "get",  "me",    "now",   "right",     "for",   "date",
              "to",   "readable", "human",  "convert", "what", "into", "which", "this",  "formatted", "format"});
  };
  if (calendar) {
    if (slots.time || slots.count || !slots.quoted.empty()) {
      return std::nullopt;
    }
    const bool year =
        analysis.take_phrases({{"whole", "year"}, {"this", "year"}, {"the", "year"}, {"full", "year"}, {"year"}});
    take_rest();
    take_all(analysis, {"month", "this"});
    match.command = year ? "cal -y" : "cal";
    match.explanation = year ? "Show this year's calendar" : "Show this month's calendar";
    return match;
  }
  // "convert the unix timestamp 1700000000 to a date"
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    const Token& token = analysis.at(i);
    if (token.kind == TokenKind::number && token.value >= 1e8 && token.text.find('.') == std::string::npos &&
        !analysis.used(i)) {
      if (!analysis.take_phrases({{"unix", "timestamp"}, {"timestamp"}, {"epoch"}, {"unix", "time"}}) && !date_word) {
        return std::nullopt;
      }
      analysis.use(i);
      take_rest();
      take_all(analysis, {"seconds", "unix", "readable", "from", "since", "@"});
      if (slots.time) {
        return std::nullopt;
      }
      match.command = dialect.bsd() ? "date -r " + token.text : "date -d @" + token.text;
      match.explanation = "Print the date and time of Unix time " + token.text;
      return match;
    }
  }
  if (!date_word && !analysis.mentions({"yyyy-mm-dd", "epoch", "timestamp", "weekday"})) {
    return std::nullopt;
  }
  const std::string format = requested_format(analysis, description);
  const bool utc = analysis.take_phrases({{"in", "utc"}, {"utc"}, {"gmt"}}) || utc_location;
  // Relative days: yesterday, tomorrow, N days ago / from now.
  std::string gnu_offset;
  std::string bsd_offset;
  if (slots.time && slots.time->kind == TimeSpec::Kind::yesterday) {
    gnu_offset = "yesterday";
    bsd_offset = "-1d";
  } else if (take_all(analysis, {"tomorrow"}) > 0) {
    gnu_offset = "tomorrow";
    bsd_offset = "+1d";
  } else if (slots.count && analysis.take_phrases({{"days", "ago"}, {"day", "ago"}})) {
    gnu_offset = std::to_string(*slots.count);
    gnu_offset += " days ago";
    bsd_offset = "-";
    bsd_offset += std::to_string(*slots.count);
    bsd_offset += 'd';
  } else if (slots.count && analysis.take_phrases({{"days", "from", "now"}, {"days", "later"}})) {
    gnu_offset = std::to_string(*slots.count);
    gnu_offset += " days";
    bsd_offset = "+";
    bsd_offset += std::to_string(*slots.count);
    bsd_offset += 'd';
  } else if ((slots.time && slots.time->kind != TimeSpec::Kind::today) || slots.count) {
    return std::nullopt;
  }
  if (!slots.quoted.empty()) {
    return std::nullopt;
  }
  take_rest();
  std::string command = "date";
  if (utc) {
    command += " -u";
  }
  if (!gnu_offset.empty()) {
    if (dialect.busybox()) {
      return std::nullopt;
    }
    command += dialect.bsd() ? " -v" + bsd_offset : " -d " + dialect.quote(gnu_offset);
  }
  if (!format.empty()) {
    command += " " + format;
  }
  if (command == "date") {
    return std::nullopt; // plain "date" is the engine's system question
  }
  match.command = std::move(command);
  match.explanation = "Print " + (gnu_offset.empty() ? std::string("the current date") : "the date " + gnu_offset) +
                      (description.empty() ? "" : " " + description) + (utc ? " in UTC" : "");
  return match;
}

std::optional<Match> build_environment(Analysis& analysis, const Slots& slots_in, const Dialect& dialect)
{
  // "$HOME" is folded into the home-directory location by the tokeniser.
  Slots slots = slots_in;
  std::optional<std::string> home_variable;
  if (slots.locations.size() == 1 && slots.locations.front().path == "~") {
    for (std::size_t i = 0; i < analysis.size(); ++i) {
      if (analysis.at(i).raw == "$HOME" || analysis.at(i).raw == "HOME") {
        home_variable = "HOME";
        slots.locations.clear();
      }
    }
  }
  if (!bare_request(slots) || slots.time || slots.count || !slots.quoted.empty()) {
    return std::nullopt;
  }
  Match match;
  match.strength = 0.9;
  match.accepted_slots = home_variable ? slot_location : 0U;
  if (analysis.take_phrases({{"environment", "variables"},
                             {"environment", "variable"},
                             {"env", "vars"},
                             {"env", "variables"},
                             {"environment"},
                             {"printenv"},
                             {"env"}})) {
    std::optional<std::string> name;
    for (std::size_t i = 0; i < analysis.size(); ++i) {
      if (!analysis.used(i) && analysis.at(i).kind == TokenKind::word && is_env_name(analysis.at(i).raw)) {
        if (name) {
          return std::nullopt;
        }
        name = analysis.at(i).raw;
        analysis.use(i);
      }
    }
    take_all(analysis, {"show", "list", "all", "the", "my", "print", "what", "are", "is", "set", "current", "of",
                        "value", "defined", "which"});
    if (name) {
      if (name->starts_with('$')) {
        name->erase(0, 1);
      }
      match.command = "printenv " + *name;
      match.explanation = "Print the value of the environment variable " + *name;
    } else {
      match.command = "env";
      match.explanation = "List the environment variables and their values";
    }
    return match;
  }
  // "what is $HOME", "value of PATH", "PATH one per line"
  std::optional<std::string> name;
  if (home_variable) {
    name = "$HOME";
  }
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    if (!analysis.used(i) && analysis.at(i).kind == TokenKind::word && is_env_name(analysis.at(i).raw) &&
        analysis.at(i).raw.size() >= 3) {
      if (name) {
        return std::nullopt;
      }
      name = analysis.at(i).raw;
      analysis.use(i);
    }
  }
  if (!name) {
    return std::nullopt;
  }
  // A variable every shell sets names itself: "print my PATH", "show HOME".
  const bool well_known = *name == "PATH" || *name == "HOME" || *name == "USER" || *name == "SHELL" ||
                          *name == "EDITOR" || *name == "LANG" || *name == "PWD" || *name == "TERM" ||
                          *name == "LOGNAME" || *name == "TMPDIR" || *name == "PAGER" || *name == "VISUAL";
  const bool explicit_value =
      name->starts_with('$') || well_known || analysis.mentions({"value", "variable", "var", "set"});
  if (name->starts_with('$')) {
    name->erase(0, 1);
  }
  const bool per_line = *name == "PATH" && analysis.take_phrases({{"one", "per", "line"},
                                                                  {"each", "on", "its", "own", "line"},
                                                                  {"one", "entry", "per", "line"},
                                                                  {"line", "by", "line"},
                                                                  {"entries"},
                                                                  {"directories", "in"}});
  if (!explicit_value && !per_line) {
    return std::nullopt;
  }
  take_all(analysis, {"what", "is", "the",     "value", "of",    "my",   "variable", "var", "show", "print",
                      "set",  "to", "current", "get",   "whats", "each", "dir",      "in",  "are",  "which"});
  if (per_line) {
    match.command = dialect.shell() == Shell::fish ? "printf '%s\\n' $PATH" : "echo \"$PATH\" | tr ':' '\\n'";
    match.explanation = "Print each directory of PATH on its own line";
    return match;
  }
  match.command = "printenv " + *name;
  match.explanation = "Print the value of the environment variable " + *name;
  return match;
}

std::optional<Match> build_which_command(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  // "the path to the node executable": the extractor reads "to the node" as a place.
  Slots rest = slots;
  std::optional<std::string> located;
  if (rest.locations.size() == 1 && rest.locations.front().path.find_first_of("/.~") == std::string::npos) {
    located = rest.locations.front().path;
    rest.locations.clear();
  }
  if (!bare_request(rest) || slots.time || slots.count || !slots.quoted.empty()) {
    return std::nullopt;
  }
  const bool specific =
      analysis.mentions({"installed", "binary", "executable", "command", "program", "located", "live", "lives"});
  const bool cue = analysis.take_phrases({{"where", "is"},
                                          {"which"},
                                          {"path", "to"},
                                          {"path", "of"},
                                          {"location", "of"},
                                          {"is", "installed"},
                                          {"installed"},
                                          {"binary"},
                                          {"executable"},
                                          {"command", "-v"}});
  if (!cue) {
    return std::nullopt;
  }
  take_all(analysis, {"installed", "binary", "executable", "command", "program", "located", "live", "lives"});
  take_all(analysis,
           {"the",   "is",   "my",  "find", "show", "where", "of", "to",   "a",       "which", "am",   "i",
            "using", "used", "run", "does", "come", "from",  "on", "this", "machine", "in",    "path", "get"});
  std::optional<std::string> tool;
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    if (analysis.used(i)) {
      continue;
    }
    const Token& token = analysis.at(i);
    if (token.kind != TokenKind::word || !is_plain_value(token.raw) || is_filler(token.text) || is_guard(token.text) ||
        tool) {
      return std::nullopt;
    }
    tool = token.raw;
    analysis.use(i);
  }
  if (located) {
    if (tool) {
      return std::nullopt;
    }
    tool = located;
  }
  if (!tool || !specific) {
    return std::nullopt;
  }
  Match match;
  match.strength = 0.88;
  match.accepted_slots = located ? slot_location : 0U;
  match.command = "which " + dialect.quote(*tool);
  match.explanation = "Print where the " + *tool + " command is found on PATH";
  return match;
}

std::optional<Match> build_history_search(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  if (take_all(analysis, {"history"}) == 0 || slots.time || !slots.locations.empty() || slots.count) {
    return std::nullopt;
  }
  const bool bash = take_all(analysis, {"bash"}) > 0;
  const bool zsh = take_all(analysis, {"zsh"}) > 0;
  take_all(analysis, {"search", "grep",  "my",         "the", "shell", "command", "commands", "check", "through",
                      "in",     "for",   "have",       "i",   "run",   "ran",     "used",     "typed", "before",
                      "what",   "which", "previously", "did", "find",  "all",     "ever",     "show"});
  std::optional<std::string> pattern;
  if (slots.quoted.size() == 1) {
    pattern = slots.quoted.front();
  } else if (!slots.quoted.empty()) {
    return std::nullopt;
  }
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    if (analysis.used(i)) {
      continue;
    }
    const Token& token = analysis.at(i);
    if (token.kind != TokenKind::word || !is_plain_value(token.raw) || is_guard(token.text) || pattern) {
      return std::nullopt;
    }
    pattern = token.raw;
    analysis.use(i);
  }
  if (!pattern || pattern->empty() || (bash && zsh)) {
    return std::nullopt;
  }
  const Shell shell = bash ? Shell::bash : (zsh ? Shell::zsh : dialect.shell());
  Match match;
  match.strength = 0.88;
  match.accepted_slots = slot_quoted;
  const std::string quoted = dialect.quote(*pattern);
  if (shell == Shell::bash) {
    match.command = "grep -F " + quoted + " ~/.bash_history";
  } else if (shell == Shell::zsh) {
    match.command = "grep -F " + quoted + " ~/.zsh_history";
  } else if (shell == Shell::fish) {
    match.command = "history search --contains " + quoted;
  } else {
    return std::nullopt;
  }
  if (pattern->find_first_of(".*[]^$\\+?(){}|") == std::string::npos) {
    // A plain word needs no -F; keep the common spelling.
    const auto f = match.command.find("grep -F ");
    if (f != std::string::npos) {
      match.command.erase(f + 5, 3);
    }
  }
  match.explanation = "Search the shell's saved command history for " + *pattern;
  return match;
}

std::optional<Match> build_checksum(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  std::string algorithm;
  for (std::string_view candidate : {"sha256", "sha1", "sha512", "md5", "sha256sum", "sha1sum", "md5sum"}) {
    if (take_all(analysis, {candidate}) > 0) {
      if (!algorithm.empty()) {
        return std::nullopt;
      }
      algorithm = std::string(candidate);
      if (algorithm.ends_with("sum")) {
        algorithm.resize(algorithm.size() - 3);
      }
    }
  }
  if (algorithm.empty()) {
    return std::nullopt;
  }
  const bool hash_only = analysis.take_phrases(
      {{"just", "the", "hash"}, {"only", "the", "hash"}, {"hash", "only"}, {"just", "the", "checksum"}});
  take_all(analysis, {"checksum", "hash", "sum", "digest", "of", "the", "file", "compute", "calculate", "get", "show",
                      "print", "what", "is", "for"});
  if (slots.time || slots.size_min || slots.size_max || slots.name || !slots.exclusions.empty() ||
      !slots.extensions.empty() || slots.count || !slots.quoted.empty()) {
    return std::nullopt;
  }
  const auto files = source_locations(slots);
  if (files.size() != 1 || !locations_with_role(slots, Location::Role::into).empty()) {
    return std::nullopt;
  }
  const std::string path = dialect.path(files.front());
  Match match;
  match.strength = 0.9;
  match.accepted_slots = slot_location;
  if (dialect.bsd()) {
    if (algorithm == "md5") {
      match.command = std::string(hash_only ? "md5 -q " : "md5 ") + path;
    } else {
      match.command = "shasum -a " + algorithm.substr(3) + " " + path;
      if (hash_only) {
        match.command += " | cut -d' ' -f1";
      }
    }
  } else {
    match.command = algorithm + "sum " + path;
    if (hash_only) {
      match.command += " | cut -d' ' -f1";
    }
  }
  match.explanation = "Compute the " + algorithm + " checksum of " + files.front();
  return match;
}

std::optional<Match> build_base64(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  if (take_all(analysis, {"base64"}) == 0) {
    return std::nullopt;
  }
  const bool decode = take_all(analysis, {"decode", "decoded", "decoding"}) > 0;
  const bool encode = take_all(analysis, {"encode", "encoded", "encoding"}) > 0;
  if (decode == encode) {
    return std::nullopt;
  }
  take_all(analysis, {"the", "string", "text", "file", "this", "of", "as", "in", "to", "contents"});
  if (slots.time || slots.size_min || slots.size_max || slots.name || !slots.exclusions.empty() ||
      !slots.extensions.empty() || slots.count) {
    return std::nullopt;
  }
  const std::string decode_flag = dialect.bsd() ? " -D" : " -d";
  Match match;
  match.strength = 0.9;
  if (slots.quoted.size() == 1 && slots.locations.empty()) {
    match.accepted_slots = slot_quoted;
    match.command = "printf '%s' " + dialect.quote(slots.quoted.front()) + " | base64" + (decode ? decode_flag : "");
    match.explanation =
        std::string(decode ? "Decode " : "Encode ") + "the given text " + (decode ? "from" : "as") + " base64";
    return match;
  }
  const auto files = source_locations(slots);
  if (!slots.quoted.empty() || files.size() != 1 || !looks_like_file(files.front())) {
    return std::nullopt;
  }
  match.accepted_slots = slot_location;
  match.command = "base64" + (decode ? decode_flag : std::string()) + " " + dialect.path(files.front());
  match.explanation =
      std::string(decode ? "Decode " : "Encode ") + files.front() + (decode ? " from" : " as") + " base64";
  return match;
}

} // namespace caro::backends::static_matcher
