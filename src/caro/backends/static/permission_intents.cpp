// Permissions: chmod with numeric or symbolic modes (also phrased: "take
// away write permission for group", "readable only by me", "make X
// executable"), chown, finding files by permission bits, and showing a
// file's mode. Modes are built from what the user said and nothing more:
// an unrecognised class or permission word leaves the request declined.

#include "caro/backends/static/contributed_builders.h"
#include "caro/backends/static/contributed_support.h"
#include "caro/backends/static/vocabulary.h"

#include <string>
#include <vector>

namespace caro::backends::static_matcher {
namespace {

bool is_octal_mode(std::string_view text)
{
  if (text.size() < 3 || text.size() > 4) {
    return false;
  }
  for (char c : text) {
    if (c < '0' || c > '7') {
      return false;
    }
  }
  return true;
}

// Splits a symbolic mode at its commas.
std::vector<std::string_view> mode_clauses(std::string_view text)
{
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto comma = text.find(',', start);
    const auto end = comma == std::string_view::npos ? text.size() : comma;
    out.push_back(text.substr(start, end - start));
    if (comma == std::string_view::npos) {
      break;
    }
    start = comma + 1;
  }
  return out;
}

// u+x, go-w, a=r, +x, -x, u=rw,go=
bool is_symbolic_mode(std::string_view text)
{
  if (text.empty()) {
    return false;
  }
  for (const auto& clause : mode_clauses(text)) {
    std::size_t i = 0;
    while (i < clause.size() && std::string_view("ugoa").find(clause[i]) != std::string_view::npos) {
      ++i;
    }
    if (i >= clause.size() || std::string_view("+-=").find(clause[i]) == std::string_view::npos) {
      return false;
    }
    ++i;
    const bool equals = clause[i - 1] == '=';
    if (i == clause.size() && !equals) {
      return false;
    }
    for (; i < clause.size(); ++i) {
      if (std::string_view("rwxXst").find(clause[i]) == std::string_view::npos) {
        return false;
      }
    }
  }
  return true;
}

// The class letters a word names, or empty.
std::string class_of(std::string_view word)
{
  if (word == "user" || word == "owner" || word == "me" || word == "myself" || word == "i") {
    return "u";
  }
  if (word == "group") {
    return "g";
  }
  if (word == "others" || word == "other" || word == "world") {
    return "o";
  }
  if (word == "everyone" || word == "everybody" || word == "anyone" || word == "anybody" || word == "users") {
    return "a";
  }
  return {};
}

char permission_of(std::string_view word)
{
  if (word == "read" || word == "readable" || word == "reading") {
    return 'r';
  }
  if (word == "write" || word == "writable" || word == "writeable" || word == "writing") {
    return 'w';
  }
  if (word == "execute" || word == "executable" || word == "exec" || word == "execution" || word == "executing" ||
      word == "runnable") {
    return 'x';
  }
  return 0;
}

struct Mode
{
  std::string text;        // the chmod mode argument
  std::string description; // for the explanation
};

// A mode stated in words; nullopt when the words do not make one.
std::optional<Mode> phrased_mode(Analysis& analysis, const Slots& slots)
{
  const bool remove = analysis.take_phrases(
      {{"take", "away"}, {"remove"}, {"revoke"}, {"deny"}, {"strip"}, {"drop"}, {"disable"}, {"unset"}, {"clear"}});
  const bool add = take_all(analysis, {"add", "give", "grant", "allow", "make", "enable", "set"}) > 0;
  const bool only = take_all(analysis, {"only", "exclusively", "just"}) > 0;
  std::string classes;
  std::string perms;
  bool adjective = false; // "readable", "executable": a state, not the act of reading
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    const Token& token = analysis.at(i);
    if (token.kind != TokenKind::word) {
      continue;
    }
    // Location slots may have taken "group" or "everyone" after "to"/"for".
    const std::string cls = class_of(token.text);
    if (!cls.empty()) {
      if (analysis.used(i)) {
        bool claimed = false;
        for (const auto& location : slots.locations) {
          claimed = claimed || location.path == token.raw;
        }
        if (!claimed) {
          continue;
        }
      }
      if (classes.find(cls) == std::string::npos) {
        classes += cls;
      }
      analysis.use(i);
      continue;
    }
    if (analysis.used(i)) {
      continue;
    }
    if (const char perm = permission_of(token.text)) {
      if (perms.find(perm) == std::string::npos) {
        perms += perm;
      }
      adjective = adjective || token.text.ends_with("able");
      analysis.use(i);
    }
  }
  if (perms.empty() || (remove && add) || (remove && only)) {
    return std::nullopt;
  }
  // "read notes.txt" is reading it: a mode needs a verb that grants or takes
  // away, a state ("readable"), or a permission noun.
  if (!add && !remove && !adjective &&
      !analysis.mentions({"permission", "permissions", "access", "right", "rights", "bit", "bits", "chmod"})) {
    return std::nullopt;
  }
  take_all(analysis, {"permission", "permissions", "bit", "bits", "access", "right", "rights", "by", "for", "from",
                      "to", "and", "on", "of", "the", "else", "all"});
  // Canonical order of the permission letters.
  std::string ordered;
  for (char c : std::string_view("rwx")) {
    if (perms.find(c) != std::string::npos) {
      ordered += c;
    }
  }
  if (classes.find('a') != std::string::npos) {
    classes = "a";
  }
  Mode mode;
  if (only) {
    // "readable and writable only by me": exactly these bits for the named
    // classes, none for the others; as an octal mode.
    if (classes.empty() || classes == "a") {
      return std::nullopt;
    }
    int bits = 0;
    for (char c : ordered) {
      bits += c == 'r' ? 4 : (c == 'w' ? 2 : 1);
    }
    std::string octal;
    for (char who : std::string_view("ugo")) {
      octal += classes.find(who) != std::string::npos ? static_cast<char>('0' + bits) : '0';
    }
    mode.text = octal;
    mode.description = "mode " + octal;
    return mode;
  }
  const std::string who = classes == "ugo" ? "a" : classes;
  mode.text = (remove ? who.empty() ? "a" : who : who) + (remove ? "-" : "+") + ordered;
  mode.description = mode.text;
  return mode;
}

// The files a permission request acts on: named paths, or a glob of one
// extension in one directory.
std::optional<std::vector<std::string>> permission_targets(const Slots& slots, const Dialect& dialect,
                                                           std::string& description)
{
  std::vector<std::string> targets;
  std::vector<std::string> paths;
  for (const auto& location : slots.locations) {
    if (!class_of(location.path).empty()) {
      continue; // "to group": a class, not a file
    }
    paths.push_back(location.path);
  }
  if (!slots.extensions.empty()) {
    if (slots.extensions.size() != 1 || paths.size() > 1 || slots.extensions_negated) {
      return std::nullopt;
    }
    const std::string dir = paths.empty() ? "." : paths.front();
    std::string prefix = dir == "." ? std::string() : dialect.path(dir);
    if (!prefix.empty() && prefix.back() != '/') {
      prefix += '/';
    }
    for (char c : slots.extensions.front()) {
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.')) {
        return std::nullopt;
      }
    }
    targets.push_back(prefix + "*." + slots.extensions.front());
    description = "the ." + slots.extensions.front() + " files in " + (dir == "." ? "this directory" : dir);
    return targets;
  }
  // "cleanup.sh in scripts": a file name and the directory it is in.
  if (paths.size() == 2 && slots.locations.size() == 2 && slots.locations[1].role == Location::Role::in &&
      slots.locations[0].role == Location::Role::bare && looks_like_file(paths[0]) &&
      paths[0].find('/') == std::string::npos && !looks_like_file(paths[1])) {
    std::string joined = paths[1];
    if (joined.back() != '/') {
      joined += '/';
    }
    joined += paths[0];
    paths = {joined};
  }
  for (const auto& path : paths) {
    if (path == "/" || path == "~" || path.find_first_of("*?[") != std::string::npos) {
      return std::nullopt;
    }
    targets.push_back(dialect.path(path));
  }
  if (targets.empty()) {
    return std::nullopt;
  }
  description = paths.front() + (paths.size() > 1 ? " and the other named files" : "");
  return targets;
}

bool take_recursive(Analysis& analysis)
{
  return analysis.take_phrases({{"recursively"},
                                {"recursive"},
                                {"-r"},
                                {"and", "everything", "in", "it"},
                                {"and", "everything", "inside"},
                                {"and", "everything", "under", "it"},
                                {"and", "all", "its", "contents"},
                                {"and", "its", "contents"},
                                {"everything", "in", "it"}});
}

} // namespace

std::optional<Match> build_chmod(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  const bool chmod = take_all(analysis, {"chmod"}) > 0;
  const bool recursive = take_recursive(analysis);
  // "dirs to 755 and files to 644": two finds.
  std::vector<std::pair<std::size_t, std::string>> octals;
  std::optional<std::string> symbolic;
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    const Token& token = analysis.at(i);
    if (token.kind == TokenKind::number && is_octal_mode(token.text)) {
      octals.emplace_back(i, token.text);
    } else if (!analysis.used(i) && token.kind == TokenKind::word && is_symbolic_mode(token.text)) {
      if (symbolic) {
        return std::nullopt;
      }
      symbolic = token.text;
      analysis.use(i);
    }
  }
  const bool permission_word = take_all(analysis, {"permission", "permissions", "mode", "perms", "perm", "chmod"}) > 0;
  Match match;
  match.strength = 0.9;
  if (octals.size() == 2 && !symbolic && !chmod) {
    // Each mode belongs to the nearest "dir" or "file" before it.
    std::string dir_mode;
    std::string file_mode;
    for (const auto& [at, text] : octals) {
      for (std::size_t k = at; k-- > 0;) {
        if (analysis.at(k).text == "dir") {
          dir_mode = text;
          break;
        }
        if (analysis.at(k).text == "file") {
          file_mode = text;
          break;
        }
      }
      analysis.use(at);
    }
    if (dir_mode.empty() || file_mode.empty() || !slots.extensions.empty() || slots.name) {
      return std::nullopt;
    }
    const auto roots = source_locations(slots);
    if (roots.size() > 1) {
      return std::nullopt;
    }
    const std::string root = roots.empty() ? "." : roots.front();
    take_all(analysis, {"set", "all", "dir", "file", "to", "and", "under", "in", "the", "every", "change", "make"});
    match.accepted_slots = slot_location;
    match.command = "find " + dialect.path(root) + " -type d -exec chmod " + dir_mode + " " + dialect.placeholder() +
                    " + && find " + dialect.path(root) + " -type f -exec chmod " + file_mode + " " +
                    dialect.placeholder() + " +";
    match.explanation = "Set every directory under " + root + " to " + dir_mode + " and every file to " + file_mode;
    return match;
  }
  std::string mode;
  std::string description;
  if (octals.size() == 1 && !symbolic) {
    mode = octals.front().second;
    analysis.use(octals.front().first);
    description = "mode " + mode;
    take_all(analysis, {"set", "change", "to", "of", "on", "the", "make", "give", "with"});
    if (!chmod && !permission_word) {
      return std::nullopt;
    }
  } else if (symbolic && octals.empty()) {
    mode = *symbolic;
    description = mode;
    take_all(analysis, {"set", "change", "to", "of", "on", "the", "make", "give", "with", "do", "run", "apply"});
  } else if (octals.empty() && !symbolic) {
    auto phrased = phrased_mode(analysis, slots);
    if (!phrased) {
      return std::nullopt;
    }
    mode = phrased->text;
    description = phrased->description;
  } else {
    return std::nullopt;
  }
  if (slots.time || slots.size_min || slots.size_max || slots.name || !slots.exclusions.empty()) {
    return std::nullopt;
  }
  std::string target_description;
  auto targets = permission_targets(slots, dialect, target_description);
  if (!targets && slots.locations.empty() && slots.extensions.empty()) {
    // "chmod -R go-w public": a bare name after the mode.
    for (std::size_t i = 0; i < analysis.size(); ++i) {
      const Token& token = analysis.at(i);
      if (!analysis.used(i) && token.kind == TokenKind::word && is_plain_value(token.raw) && !is_filler(token.text) &&
          !is_guard(token.text) && !is_non_location(token.text) && i > 0 &&
          (analysis.used(i - 1) || analysis.at(i - 1).text == "on")) {
        targets = std::vector<std::string>{dialect.path(token.raw)};
        target_description = token.raw;
        analysis.use(i);
        break;
      }
    }
  }
  if (!targets) {
    return std::nullopt;
  }
  take_all(analysis, {"file", "script", "all", "the", "in", "so", "it", "is", "can", "be", "run", "for", "needs",
                      "must", "should", "has"});
  match.accepted_slots = slot_location | slot_type | slot_count;
  match.command = std::string("chmod") + (recursive ? " -R " : " ") + mode;
  for (const auto& target : *targets) {
    append_word(match.command, target);
  }
  match.explanation =
      "Change the permissions of " + target_description + " to " + description + (recursive ? ", recursively" : "");
  return match;
}

std::optional<Match> build_chown(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  const bool chown = take_all(analysis, {"chown"}) > 0;
  const bool owner = analysis.take_phrases({{"owner"}, {"ownership"}, {"owned"}});
  if (!chown && !owner) {
    return std::nullopt;
  }
  const bool recursive = take_recursive(analysis);
  if (slots.time || slots.size_min || slots.size_max || slots.name || !slots.exclusions.empty() ||
      !slots.extensions.empty()) {
    return std::nullopt;
  }
  std::optional<std::string> user;
  std::vector<std::string> paths;
  for (const auto& location : slots.locations) {
    if (location.role == Location::Role::into && !looks_like_file(location.path) &&
        location.path.find('/') == std::string::npos && !user) {
      user = location.path; // "to www-data"
    } else {
      paths.push_back(location.path);
    }
  }
  // "chown alice file", "user:group", "the owner of logs".
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    if (analysis.used(i) || analysis.at(i).kind != TokenKind::word) {
      continue;
    }
    const std::string value = token_value(analysis.at(i));
    if (!is_plain_value(value) || is_filler(analysis.at(i).text) || is_guard(analysis.at(i).text) ||
        is_non_location(analysis.at(i).text)) {
      continue;
    }
    const bool after_of = i > 0 && analysis.at(i - 1).text == "of";
    const bool after_chown = i > 0 && analysis.at(i - 1).text == "chown";
    if (value.find(':') != std::string::npos || after_chown) {
      if (user) {
        return std::nullopt;
      }
      user = value;
      analysis.use(i);
    } else if (after_of && paths.empty()) {
      paths.push_back(value);
      analysis.use(i);
    }
  }
  if (!user || paths.empty()) {
    return std::nullopt;
  }
  take_all(analysis, {"change", "set", "make", "the", "of", "to", "give", "transfer", "file", "dir", "so", "it", "is",
                      "by", "belongs", "belong", "user"});
  Match match;
  match.strength = 0.9;
  match.accepted_slots = slot_location;
  match.command = std::string("chown") + (recursive ? " -R " : " ") + dialect.quote(*user);
  for (const auto& path : paths) {
    if (path == "/" || path == "~" || path == ".") {
      return std::nullopt;
    }
    append_word(match.command, dialect.path(path));
  }
  match.explanation = "Make " + *user + " the owner of " + paths.front() + (recursive ? " and everything in it" : "");
  return match;
}

std::optional<Match> build_find_by_permission(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  std::string test;
  std::string description;
  if (analysis.take_phrases({{"world-writable"},
                             {"world-writeable"},
                             {"world", "writable"},
                             {"writable", "by", "everyone"},
                             {"writable", "by", "anyone"},
                             {"writable", "by", "others"},
                             {"writable", "by", "other", "users"},
                             {"writable", "by", "all"}})) {
    test = "-perm -0002";
    description = "writable by others";
  } else if (analysis.take_phrases({{"setuid"}, {"suid"}})) {
    test = "-perm -4000";
    description = "with the setuid bit";
  } else if (analysis.take_phrases({{"setgid"}, {"sgid"}})) {
    test = "-perm -2000";
    description = "with the setgid bit";
  } else if (analysis.take_phrases({{"executable"}, {"executables"}})) {
    test = dialect.bsd() ? "-perm +111" : "-perm /111";
    description = "executable by someone";
  } else {
    // "files with permissions 777"
    if (!analysis.take_phrases({{"permission"}, {"permissions"}, {"mode"}, {"perms"}, {"chmod"}})) {
      return std::nullopt;
    }
    for (std::size_t i = 0; i < analysis.size(); ++i) {
      const Token& token = analysis.at(i);
      if (token.kind == TokenKind::number && is_octal_mode(token.text)) {
        test = "-perm " + token.text;
        description = "with mode exactly " + token.text;
        analysis.use(i);
        break;
      }
    }
    if (test.empty()) {
      return std::nullopt;
    }
  }
  if (!analysis.take_phrases({{"file"}, {"dir"}, {"script"}})) {
    return std::nullopt;
  }
  const bool dirs = analysis.mentions({"dir"}) && !analysis.mentions({"file"});
  take_all(analysis, {"find", "list", "search", "show", "all", "any", "the", "with", "that", "are", "is", "have", "has",
                      "which", "set", "in", "under", "dir", "file"});
  FindSpec spec;
  if (!fill_find_spec(slots, spec)) {
    return std::nullopt;
  }
  spec.entry = dirs ? FindSpec::Entry::dir : FindSpec::Entry::file;
  auto built = build_find(spec, dialect);
  if (!built) {
    return std::nullopt;
  }
  Match match;
  match.strength = 0.9;
  match.accepted_slots =
      slot_location | slot_type | slot_name | slot_size | slot_time | slot_exclusion | slot_depth | slot_count;
  match.command = built->command + " " + test;
  match.explanation = "Find " + built->description + " " + description;
  return match;
}

std::optional<Match> build_show_permissions(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  if (!analysis.take_phrases({{"permissions"}, {"permission"}, {"perms"}, {"mode"}, {"access", "rights"}})) {
    return std::nullopt;
  }
  const bool octal = analysis.mentions({"octal", "numeric", "numerically"}) ||
                     analysis.take_phrases({{"as", "a", "number"}, {"in", "numbers"}});
  take_all(analysis, {"octal", "numeric", "numerically", "in"});
  take_all(analysis, {"what", "are", "is", "the", "of", "on", "for", "show", "check", "file", "current", "dir"});
  if (slots.time || slots.size_min || slots.size_max || slots.name || !slots.exclusions.empty() ||
      !slots.extensions.empty() || slots.count) {
    return std::nullopt;
  }
  std::vector<std::string> paths;
  for (const auto& location : slots.locations) {
    // "in octal" reads as a location to the generic extractor.
    if (location.path != "octal" && location.path != "numeric" && location.path != "numbers") {
      paths.push_back(location.path);
    }
  }
  if (paths.size() != 1 || !locations_with_role(slots, Location::Role::into).empty()) {
    return std::nullopt;
  }
  const std::string& path = paths.front();
  Match match;
  match.strength = 0.88;
  match.accepted_slots = slot_location;
  if (octal) {
    match.command = dialect.bsd() ? "stat -f '%Lp' " + dialect.path(path) : "stat -c '%a' " + dialect.path(path);
    match.explanation = "Print the permission bits of " + path + " in octal";
  } else {
    const bool dir = !looks_like_file(path) && analysis.mentions({"dir"});
    match.command = std::string(dir ? "ls -ld " : "ls -l ") + dialect.path(path);
    match.explanation = "Show the permissions, owner and group of " + path;
  }
  return match;
}

} // namespace caro::backends::static_matcher
