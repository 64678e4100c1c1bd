// File operations: copy, move/rename, mkdir -p, touch, symbolic links and
// deletion. Operands come from the location slots (their roles tell a source
// from a destination) and the name slot ("called X" names the result).
// Deletion is answered only with the exact scope the user gave: named paths,
// or a find expression narrowed by a name, extension, size, age or
// emptiness, or the contents of one named directory; never a bare "delete
// everything", and never the current, home or root directory as a whole.

#include "caro/backends/static/contributed_builders.h"
#include "caro/backends/static/contributed_support.h"
#include "caro/backends/static/vocabulary.h"

#include <string>

namespace caro::backends::static_matcher {
namespace {

bool is_simple_extension(std::string_view ext)
{
  if (ext.empty()) {
    return false;
  }
  for (char c : ext) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_')) {
      return false;
    }
  }
  return true;
}

bool is_broad_root(std::string_view path)
{
  return path == "." || path == "./" || path == "~" || path == "~/" || path == "/" || path == "..";
}

bool has_glob(std::string_view text)
{
  return text.find_first_of("*?[") != std::string_view::npos;
}

std::string join_dir(std::string_view dir, std::string_view name)
{
  if (dir.empty() || dir == ".") {
    return std::string(name);
  }
  std::string out(dir);
  if (out.back() != '/') {
    out += '/';
  }
  return out + std::string(name);
}

// "DIR/*.ext" with the directory quoted and the glob left for the shell.
std::string glob_in(const Dialect& dialect, std::string_view dir, std::string_view ext)
{
  std::string prefix;
  if (!dir.empty() && dir != ".") {
    prefix = dialect.path(dir);
    if (prefix.back() != '/') {
      prefix += '/';
    }
  }
  return prefix + "*." + std::string(ext);
}

// What a copy or move acts on and where it goes.
struct Transfer
{
  std::vector<std::string> sources; // quoted words
  std::string destination;          // quoted word
  std::string destination_raw;
  bool directory_source = false;
  bool glob = false;
  std::string description;
};

std::optional<Transfer> transfer_operands(Analysis& analysis, const Slots& slots, const Dialect& dialect,
                                          bool allow_backup_default)
{
  if (slots.time || slots.size_min || slots.size_max || !slots.exclusions.empty() || slots.extensions_negated) {
    return std::nullopt;
  }
  Transfer transfer;
  std::vector<std::string> sources = source_locations(slots);
  std::vector<std::string> intos = locations_with_role(slots, Location::Role::into);
  std::optional<std::string> destination;
  if (intos.size() == 1) {
    destination = intos.front();
  } else if (intos.size() > 1) {
    return std::nullopt;
  }
  if (slots.name) {
    if (slots.name->negated || has_glob(slots.name->pattern)) {
      return std::nullopt;
    }
    const std::string name = *typed_name(analysis, slots);
    if (destination) {
      // "into docs, called notes.md": the name inside the destination directory.
      destination = join_dir(*destination, name);
    } else {
      destination = name;
    }
  }
  // A quoted file name the location slots did not claim is a source.
  for (const auto& quoted : slots.quoted) {
    if (quoted.empty() || quoted.find('\n') != std::string::npos) {
      return std::nullopt;
    }
    sources.insert(sources.begin(), quoted);
  }
  if (!slots.extensions.empty()) {
    // "the .jpg files from media": a shell glob in one directory.
    if (slots.extensions.size() != 1 || !is_simple_extension(slots.extensions.front()) || sources.size() > 1) {
      return std::nullopt;
    }
    const std::string dir = sources.empty() ? "." : sources.front();
    transfer.sources.push_back(glob_in(dialect, dir, slots.extensions.front()));
    transfer.glob = true;
    transfer.description = "the ." + slots.extensions.front() + " files in " + (dir == "." ? "this directory" : dir);
  } else {
    if (sources.empty()) {
      return std::nullopt;
    }
    for (const auto& source : sources) {
      if (is_broad_root(source) || has_glob(source)) {
        return std::nullopt;
      }
      transfer.sources.push_back(dialect.path(source));
    }
    transfer.directory_source = sources.size() == 1 && !looks_like_file(sources.front());
    transfer.description = sources.size() == 1 ? sources.front() : "the named files";
  }
  // "duplicate 'my notes.txt' as copy.txt": the second operand is the result.
  if (!destination && !slots.quoted.empty() && sources.size() == 2 && analysis.mentions({"as"})) {
    destination = sources.back();
    sources.pop_back();
    transfer.sources.pop_back();
    transfer.directory_source = !looks_like_file(sources.front());
    transfer.description = sources.front();
  }
  if (!destination && allow_backup_default && sources.size() == 1 && slots.extensions.empty() &&
      analysis.mentions({"backup"})) {
    destination = sources.front() + ".bak";
  }
  if (!destination || destination->empty()) {
    return std::nullopt;
  }
  if (transfer.glob || transfer.sources.size() > 1) {
    if (destination->back() != '/') {
      *destination += '/';
    }
  }
  transfer.destination_raw = *destination;
  transfer.destination = dialect.path(*destination);
  return transfer;
}

// "into a new folder called photos": create the destination first.
bool wants_new_directory(Analysis& analysis)
{
  const bool fresh = analysis.take_phrases({{"new", "dir"}, {"create", "dir"}, {"new"}});
  if (fresh) {
    take_all(analysis, {"dir", "create", "make"});
  }
  return fresh;
}

std::string joined(const std::vector<std::string>& words)
{
  std::string out;
  for (const auto& word : words) {
    out += ' ';
    out += word;
  }
  return out;
}

} // namespace

std::optional<Match> build_copy_files(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  if (analysis.mentions({"clipboard", "pasteboard"})) {
    return std::nullopt; // build_clipboard
  }
  const bool verb = take_all(analysis, {"copy", "cp", "duplicate"}) > 0;
  if (!verb) {
    return std::nullopt;
  }
  take_all(analysis, {"backup", "make", "of", "to", "into", "called", "named", "the", "all", "file", "dir", "as",
                      "recursively", "recursive", "everything", "put", "place"});
  const bool fresh = wants_new_directory(analysis);
  auto transfer = transfer_operands(analysis, slots, dialect, true);
  if (!transfer) {
    return std::nullopt;
  }
  std::string flags;
  if (transfer->directory_source) {
    flags = dialect.bsd() ? " -R" : " -r";
  }
  Match match;
  match.accepted_slots = slot_location | slot_name | slot_type | slot_quoted;
  match.strength = 0.9;
  match.command = "cp" + flags + joined(transfer->sources) + " " + transfer->destination;
  if (fresh) {
    match.command = "mkdir -p " + transfer->destination + " && " + match.command;
  }
  match.explanation = "Copy " + transfer->description + " to " + transfer->destination_raw;
  return match;
}

std::optional<Match> build_move_files(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  const bool rename = take_all(analysis, {"rename"}) > 0;
  const bool move = take_all(analysis, {"move", "mv"}) > 0;
  if (!rename && !move) {
    return std::nullopt;
  }
  take_all(analysis, {"of", "to", "into", "called", "named", "the", "all", "file", "dir", "as", "from", "put"});
  // "rename the .txt files in data to .bak": change the extension of each.
  const auto intos = locations_with_role(slots, Location::Role::into);
  if (slots.extensions.size() == 1 && intos.size() == 1 && intos.front().size() > 1 && intos.front().front() == '.' &&
      is_simple_extension(intos.front().substr(1)) && is_simple_extension(slots.extensions.front()) && !slots.name &&
      !slots.time && !slots.size_min && !slots.size_max && slots.exclusions.empty()) {
    if (dialect.shell() == Shell::fish) {
      return std::nullopt;
    }
    const auto sources = source_locations(slots);
    if (sources.size() > 1) {
      return std::nullopt;
    }
    const std::string dir = sources.empty() ? "." : sources.front();
    const std::string& from = slots.extensions.front();
    const std::string to = intos.front().substr(1);
    Match match;
    match.accepted_slots = slot_location | slot_type;
    match.strength = 0.9;
    match.command =
        "for f in " + glob_in(dialect, dir, from) + "; do mv -- \"$f\" \"${f%." + from + "}." + to + "\"; done";
    match.explanation = "Rename each ." + from + " file in " + (dir == "." ? "this directory" : dir) + " to ." + to;
    return match;
  }
  const bool fresh = wants_new_directory(analysis);
  auto transfer = transfer_operands(analysis, slots, dialect, false);
  if (!transfer) {
    return std::nullopt;
  }
  Match match;
  match.accepted_slots = slot_location | slot_name | slot_type | slot_quoted;
  match.strength = 0.9;
  match.command = "mv" + joined(transfer->sources) + " " + transfer->destination;
  if (fresh) {
    match.command = "mkdir -p " + transfer->destination + " && " + match.command;
  }
  match.explanation =
      std::string(rename && !move ? "Rename " : "Move ") + transfer->description + " to " + transfer->destination_raw;
  return match;
}

std::optional<Match> build_make_directory(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  const bool mkdir = take_all(analysis, {"mkdir"}) > 0;
  const bool verb = analysis.take_any({"create", "make", "add", "new"});
  const bool noun = take_all(analysis, {"dir", "subdir"}) > 0;
  if (!mkdir && !(verb && noun)) {
    return std::nullopt;
  }
  if (slots.time || slots.size_min || slots.size_max || !slots.extensions.empty() || !slots.exclusions.empty()) {
    return std::nullopt;
  }
  take_all(analysis, {"new",      "called",    "named", "the",     "a",      "parents",   "parent",
                      "included", "including", "with",  "nested",  "needed", "necessary", "intermediate",
                      "also",     "too",       "if",    "missing", "p",      "-p"});
  std::vector<std::string> targets;
  const auto ins = locations_with_role(slots, Location::Role::in);
  const auto bares = locations_with_role(slots, Location::Role::bare);
  if (slots.name) {
    if (slots.name->negated || has_glob(slots.name->pattern) || ins.size() > 1 || !bares.empty()) {
      return std::nullopt;
    }
    targets.push_back(join_dir(ins.empty() ? "." : ins.front(), *typed_name(analysis, slots)));
  } else {
    if (!locations_with_role(slots, Location::Role::into).empty()) {
      return std::nullopt;
    }
    for (const auto& location : slots.locations) {
      targets.push_back(location.path);
    }
    // "create a folder photos": the word right after the noun.
    if (targets.empty()) {
      for (std::size_t i = 0; i < analysis.size(); ++i) {
        const Token& token = analysis.at(i);
        if (!analysis.used(i) && token.kind == TokenKind::word && is_plain_value(token.raw) && !is_filler(token.text) &&
            !is_guard(token.text) && i > 0 && analysis.at(i - 1).text == "dir") {
          targets.push_back(token.raw);
          analysis.use(i);
        }
      }
    }
  }
  if (targets.empty()) {
    return std::nullopt;
  }
  Match match;
  match.accepted_slots = slot_location | slot_name;
  match.strength = 0.9;
  match.command = "mkdir -p";
  for (const auto& target : targets) {
    if (is_broad_root(target) || has_glob(target)) {
      return std::nullopt;
    }
    append_word(match.command, dialect.path(target));
  }
  match.explanation = "Create the directory " + targets.front() + ", with any missing parents";
  return match;
}

std::optional<Match> build_touch_file(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  const bool touch = take_all(analysis, {"touch"}) > 0;
  const bool verb = analysis.take_any({"create", "make", "new"});
  const bool noun = take_all(analysis, {"file"}) > 0;
  const bool timestamp = analysis.take_phrases(
      {{"update", "the", "timestamp"}, {"update", "timestamp"}, {"update", "the", "modification", "time"}});
  if (!touch && !(verb && noun) && !timestamp) {
    return std::nullopt;
  }
  if (analysis.mentions({"dir", "subdir"}) || slots.time || slots.size_min || slots.size_max ||
      !slots.exclusions.empty()) {
    return std::nullopt;
  }
  take_all(analysis, {"empty", "blank", "new", "called", "named", "the", "a", "an", "of"});
  std::vector<std::string> targets;
  const auto ins = locations_with_role(slots, Location::Role::in);
  if (slots.name) {
    if (slots.name->negated || has_glob(slots.name->pattern) || ins.size() > 1 ||
        !locations_with_role(slots, Location::Role::bare).empty()) {
      return std::nullopt;
    }
    targets.push_back(join_dir(ins.empty() ? "." : ins.front(), *typed_name(analysis, slots)));
  } else {
    for (const auto& location : slots.locations) {
      if (location.role == Location::Role::into) {
        return std::nullopt;
      }
      targets.push_back(location.path);
    }
  }
  if (targets.empty()) {
    return std::nullopt;
  }
  Match match;
  match.accepted_slots = slot_location | slot_name;
  match.strength = 0.88;
  match.command = "touch";
  for (const auto& target : targets) {
    if (is_broad_root(target) || has_glob(target) || !looks_like_file(target)) {
      return std::nullopt;
    }
    append_word(match.command, dialect.path(target));
  }
  match.explanation = timestamp && !verb ? "Update the modification time of " + targets.front()
                                         : "Create " + targets.front() + " (empty) or update its timestamp";
  return match;
}

std::optional<Match> build_symlink(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  const bool link = analysis.take_phrases({{"symbolic", "link"}, {"soft", "link"}, {"symlink"}, {"ln"}});
  if (!link) {
    return std::nullopt;
  }
  const bool points = take_all(analysis, {"points", "pointing", "point", "target", "targets", "targeting"}) > 0;
  take_all(analysis, {"create", "make", "add", "a", "new", "called", "named", "that", "to", "at", "of", "for", "the",
                      "which", "file", "dir"});
  const auto intos = locations_with_role(slots, Location::Role::into);
  std::string target;
  std::string name;
  if (slots.name) {
    // "a symlink called NAME (here) pointing to TARGET" / "a symlink to TARGET named NAME"
    if (slots.name->negated || has_glob(slots.name->pattern)) {
      return std::nullopt;
    }
    name = *typed_name(analysis, slots);
    std::vector<std::string> others;
    for (const auto& location : slots.locations) {
      if (location.path != "." || location.role == Location::Role::into) {
        others.push_back(location.path);
      }
    }
    if (others.size() != 1) {
      return std::nullopt;
    }
    target = others.front();
  } else if (points && intos.size() == 1 && locations_with_role(slots, Location::Role::bare).size() == 1 &&
             slots.locations.size() == 2) {
    // "a symlink NAME pointing to TARGET"
    name = locations_with_role(slots, Location::Role::bare).front();
    target = intos.front();
  } else {
    return std::nullopt;
  }
  if (slots.time || slots.size_min || slots.size_max || !slots.extensions.empty() || !slots.exclusions.empty()) {
    return std::nullopt;
  }
  Match match;
  match.accepted_slots = slot_location | slot_name;
  match.strength = 0.9;
  match.command = "ln -s " + dialect.path(target) + " " + dialect.path(name);
  match.explanation = "Create a symbolic link " + name + " that points to " + target;
  return match;
}

std::optional<Match> build_delete_files(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  const bool verb = take_all(analysis, {"delete", "remove", "rm", "erase"}) > 0 ||
                    analysis.take_phrases({{"get", "rid", "of"}, {"clear", "out"}, {"clean", "out"}});
  if (!verb) {
    return std::nullopt;
  }
  const bool dir_noun = analysis.mentions({"dir", "subdir"});
  const bool quantified = analysis.mentions({"all", "every", "each", "any"});
  const bool empty = take_all(analysis, {"empty"}) > 0;
  const bool contents = analysis.take_phrases({{"everything", "in"},
                                               {"everything", "inside"},
                                               {"contents", "of"},
                                               {"content", "of"},
                                               {"everything"},
                                               {"contents"}}) ||
                        (analysis.mentions({"keep"}) && analysis.mentions({"itself", "dir"}));
  if (contents) {
    take_all(analysis, {"but", "keep", "itself", "keeping", "leave", "intact"});
  }
  take_all(analysis, {"all", "every", "each", "the", "file", "dir", "subdir", "of", "from", "that", "which", "are",
                      "is", "in", "under", "inside", "itself", "any"});
  Match match;
  match.strength = 0.9;
  const bool narrowed =
      !slots.extensions.empty() || slots.name || slots.size_min || slots.size_max || slots.time || slots.owner || empty;
  if (narrowed && !contents) {
    // find descends on its own: "recursively" asks for what it does anyway.
    if (!slots.depth_one) {
      take_all(analysis, {"recursively", "recursive"});
    }
    // "find the empty folders and delete them": the find is this command's.
    if (analysis.mentions({"them"})) {
      take_all(analysis, {"find", "locate", "them", "and"});
    }
    FindSpec spec;
    if (!fill_find_spec(slots, spec)) {
      return std::nullopt;
    }
    if (dir_noun) {
      if (!empty || !slots.extensions.empty() || slots.size_min || slots.size_max) {
        return std::nullopt;
      }
      spec.entry = FindSpec::Entry::dir;
    }
    spec.empty = empty;
    auto built = build_find(spec, dialect);
    if (!built) {
      return std::nullopt;
    }
    match.accepted_slots = slot_type | slot_name | slot_size | slot_time | slot_location | slot_exclusion | slot_case |
                           slot_depth | slot_owner;
    match.command = built->command + " -delete";
    match.explanation = "Delete the " + built->description;
    return match;
  }
  if (!slots.extensions.empty() || slots.name || slots.size_min || slots.size_max || slots.time ||
      !slots.exclusions.empty() || !locations_with_role(slots, Location::Role::into).empty()) {
    return std::nullopt;
  }
  std::vector<std::string> paths;
  for (const auto& path : source_locations(slots)) {
    if (!is_keyword_location(path)) {
      paths.push_back(path);
    }
  }
  if (paths.empty()) {
    return std::nullopt;
  }
  match.accepted_slots = slot_location;
  if (contents) {
    // "clear out tmp but keep the folder": everything below one named directory.
    if (paths.size() != 1 || is_broad_root(paths.front()) || has_glob(paths.front()) ||
        looks_like_file(paths.front())) {
      return std::nullopt;
    }
    match.command = "find " + dialect.path(paths.front()) + " -mindepth 1 -delete";
    match.explanation = "Delete everything inside " + paths.front() + ", keeping the directory itself";
    return match;
  }
  if (quantified && dir_noun && paths.size() == 1 && paths.front().find('/') == std::string::npos &&
      !looks_like_file(paths.front())) {
    // "every __pycache__ folder": directories of that name anywhere below here.
    match.command = "find . -type d -name " + dialect.pattern(paths.front()) + " -prune -exec rm -rf " +
                    dialect.placeholder() + " +";
    match.explanation = "Delete every directory named " + paths.front() + " below the current directory";
    return match;
  }
  if (quantified) {
    return std::nullopt;
  }
  std::string command = dir_noun ? "rm -r" : "rm";
  for (const auto& path : paths) {
    if (is_broad_root(path) || has_glob(path) || (!dir_noun && !looks_like_file(path))) {
      return std::nullopt;
    }
    append_word(command, dialect.path(path));
  }
  match.command = std::move(command);
  match.explanation = dir_noun ? "Delete the directory " + paths.front() + " and everything in it"
                               : "Delete " + paths.front() + (paths.size() > 1 ? " and the other named files" : "");
  return match;
}

} // namespace caro::backends::static_matcher

namespace caro::backends::static_matcher {

std::optional<Match> build_truncate_file(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  const bool verb = take_all(analysis, {"empty", "truncate", "blank"}) > 0 ||
                    analysis.take_phrases({{"clear", "the", "contents", "of"}, {"clear", "out"}, {"clear"}});
  if (!verb) {
    return std::nullopt;
  }
  // "without deleting it": the file itself stays, which is what truncation means.
  analysis.take_phrases({{"without", "deleting", "it"},
                         {"without", "removing", "it"},
                         {"but", "keep", "it"},
                         {"keep", "the", "file"},
                         {"but", "keep", "the", "file"}});
  take_all(analysis, {"the", "file", "contents", "of", "out", "to", "zero", "bytes", "size", "it"});
  if (slots.time || slots.size_min || slots.size_max || slots.name || !slots.exclusions.empty() ||
      !slots.extensions.empty() || slots.count || !slots.quoted.empty()) {
    return std::nullopt;
  }
  const auto paths = source_locations(slots);
  if (paths.size() != 1 || !looks_like_file(paths.front()) || has_glob(paths.front()) ||
      !locations_with_role(slots, Location::Role::into).empty()) {
    return std::nullopt;
  }
  Match match;
  match.strength = 0.9;
  match.accepted_slots = slot_location;
  const std::string path = dialect.path(paths.front());
  if (dialect.bsd()) {
    match.command = (dialect.shell() == Shell::fish ? "true > " : ": > ") + path;
  } else {
    match.command = "truncate -s 0 " + path;
  }
  match.explanation = "Empty " + paths.front() + ", keeping the file itself";
  return match;
}

std::optional<Match> build_clipboard(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  // The location extractor usually reads "to the clipboard" as a place.
  if (!analysis.mentions({"clipboard", "pasteboard"})) {
    return std::nullopt;
  }
  take_all(analysis, {"clipboard", "pasteboard"});
  const bool copy = take_all(analysis, {"copy", "put", "send", "pipe"}) > 0;
  take_all(analysis, {"the", "to", "into", "my", "of", "contents", "content", "file"});
  if (!copy || slots.time || slots.size_min || slots.size_max || slots.name || !slots.exclusions.empty() ||
      !slots.extensions.empty() || slots.count || !slots.quoted.empty()) {
    return std::nullopt;
  }
  std::vector<std::string> files;
  for (const auto& location : slots.locations) {
    if (location.path != "clipboard" && location.path != "pasteboard") {
      files.push_back(location.path);
    }
  }
  if (files.size() != 1 || !looks_like_file(files.front())) {
    return std::nullopt;
  }
  const std::string path = dialect.path(files.front());
  Match match;
  match.strength = 0.92;
  match.accepted_slots = slot_location;
  if (dialect.bsd()) {
    match.command = "pbcopy < " + path;
  } else if (dialect.has("wl-copy") && !dialect.has("xclip")) {
    match.command = "wl-copy < " + path;
  } else if (dialect.has("xclip")) {
    match.command = "xclip -selection clipboard < " + path;
  } else {
    return std::nullopt;
  }
  match.explanation = "Copy the contents of " + files.front() + " to the clipboard";
  return match;
}

} // namespace caro::backends::static_matcher
