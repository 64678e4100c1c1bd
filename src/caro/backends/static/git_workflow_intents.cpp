// Git beyond the engine's read-only basics. build_git_workflow changes the
// repository in the ways people ask for by name: stage, commit with a
// message, switch or create branches, delete a branch, stash, tag, add a
// remote, undo the last commit keeping its changes (reset --soft), unstage
// or discard changes to named files. build_git_history answers the
// read-only questions: a file's history, blame, commits per author, the
// graph, commits since a tag or by an author, branch comparisons, the last
// commit, ignored files, tags, remotes and stashes. Anything that rewrites
// published history or loses work beyond what was named is declined.

#include "caro/backends/static/contributed_builders.h"
#include "caro/backends/static/contributed_support.h"
#include "caro/backends/static/vocabulary.h"

#include <string>

namespace caro::backends::static_matcher {
namespace {

// A git ref name as typed: letters, digits and -_./ with no leading dash.
bool is_ref_name(std::string_view text)
{
  if (text.empty() || text.front() == '-' || text.front() == '/' || text.find("..") != std::string_view::npos) {
    return false;
  }
  for (char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                    c == '_' || c == '.' || c == '/';
    if (!ok) {
      return false;
    }
  }
  return true;
}

// Names the request gives: the name slot, locations and unexplained words
// after `cue` words ("branch hotfix", "tag v1.2.0"), in request order.
std::vector<std::string> ref_names(Analysis& analysis, const Slots& slots, std::initializer_list<std::string_view> cues)
{
  std::vector<std::string> names;
  if (slots.name && !slots.name->negated) {
    names.push_back(slots.name->pattern);
  }
  for (const auto& location : slots.locations) {
    names.push_back(location.path);
  }
  for (std::size_t i = 0; i + 1 < analysis.size(); ++i) {
    if (analysis.at(i).kind != TokenKind::word) {
      continue;
    }
    bool cue = false;
    for (auto word : cues) {
      cue = cue || analysis.at(i).text == word;
    }
    if (!cue) {
      continue;
    }
    std::size_t j = i + 1;
    while (analysis.is_any(j, {"called", "named", "the", "as"})) {
      ++j;
    }
    if (j < analysis.size() && !analysis.used(j) && analysis.at(j).kind == TokenKind::word &&
        is_ref_name(analysis.at(j).raw) && !is_filler(analysis.at(j).text) && !is_guard(analysis.at(j).text) &&
        !is_non_location(analysis.at(j).text)) {
      names.push_back(analysis.at(j).raw);
      analysis.use_range(i + 1, j + 1);
    }
  }
  return names;
}

// The commit message: the one quoted string, or the word after "message"/"-m".
std::optional<std::string> commit_message(Analysis& analysis, const Slots& slots)
{
  if (slots.quoted.size() == 1) {
    take_all(analysis, {"message", "-m", "msg", "saying", "with", "the", "a"});
    return slots.quoted.front();
  }
  if (!slots.quoted.empty()) {
    return std::nullopt;
  }
  for (std::size_t i = 0; i + 1 < analysis.size(); ++i) {
    if (analysis.is_any(i, {"message", "-m", "msg"}) && !analysis.used(i + 1) &&
        analysis.at(i + 1).kind == TokenKind::word && !is_filler(analysis.at(i + 1).text)) {
      analysis.use_range(i, i + 2);
      take_all(analysis, {"with", "the", "a"});
      return analysis.at(i + 1).raw;
    }
  }
  return std::nullopt;
}

bool other_slots_absent(const Slots& slots)
{
  return !slots.time && !slots.size_min && !slots.size_max && slots.exclusions.empty() && slots.extensions.empty() &&
         !slots.depth_one && !slots.case_insensitive && !slots.port;
}

Match answer(std::string command, std::string explanation, unsigned accepted = 0)
{
  Match match;
  match.command = std::move(command);
  match.explanation = std::move(explanation);
  match.strength = 0.97;
  match.accepted_slots = accepted;
  return match;
}

// Every location, whatever its preposition ("changes to src/app.js").
std::vector<std::string> all_paths(const Slots& slots)
{
  std::vector<std::string> out;
  for (const auto& location : slots.locations) {
    out.push_back(location.path);
  }
  return out;
}

// "between A and B": the two names, as typed, marked used.
std::optional<std::pair<std::string, std::string>> between_names(Analysis& analysis)
{
  auto at = analysis.find_phrase({"between"});
  if (!at) {
    return std::nullopt;
  }
  std::vector<std::string> names;
  std::vector<std::size_t> used;
  for (std::size_t i = *at + 1; i < analysis.size() && names.size() < 2; ++i) {
    const Token& token = analysis.at(i);
    if (token.kind == TokenKind::word && (token.text == "the" || token.text == "and")) {
      used.push_back(i);
      continue;
    }
    if (token.kind == TokenKind::word && (token.text == "branch" || token.text == "git")) {
      continue;
    }
    const std::string value = token_value(token);
    if (!is_ref_name(value)) {
      return std::nullopt;
    }
    names.push_back(value);
    used.push_back(i);
  }
  if (names.size() != 2) {
    return std::nullopt;
  }
  analysis.use(*at);
  for (std::size_t i : used) {
    analysis.use(i);
  }
  return std::pair<std::string, std::string>{names[0], names[1]};
}

std::string quoted_list(const Dialect& dialect, const std::vector<std::string>& paths)
{
  std::string out;
  for (const auto& path : paths) {
    append_word(out, dialect.path(path));
  }
  return out;
}

} // namespace

std::optional<Match> build_git_workflow(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  if (!other_slots_absent(slots)) {
    return std::nullopt;
  }
  const bool git = take_all(analysis, {"git", "repo", "repository"}) > 0;
  const bool everything = analysis.take_phrases({{"all", "changes"},
                                                 {"all", "my", "changes"},
                                                 {"everything"},
                                                 {"all", "file"},
                                                 {"all", "the", "changes"},
                                                 {"all"}});
  // Undo the last commit, keeping its changes.
  if (analysis.take_phrases({{"undo", "the", "last", "commit"},
                             {"undo", "last", "commit"},
                             {"undo", "my", "last", "commit"},
                             {"uncommit"}})) {
    if (analysis.mentions({"discard", "lose", "hard", "throw", "delete", "drop"})) {
      return std::nullopt;
    }
    take_all(analysis, {"but", "keep", "its", "the", "changes", "my", "staged", "work", "keeping", "and", "them",
                        "safely", "safe", "it"});
    return answer("git reset --soft HEAD~1", "Undo the last commit, keeping its changes staged");
  }
  // Unstage.
  if (take_all(analysis, {"unstage"}) > 0 ||
      analysis.take_phrases({{"remove", "from", "the", "staging", "area"}, {"remove", "from", "staging"}})) {
    take_all(analysis, {"the", "file", "changes", "to", "my"});
    const auto paths = all_paths(slots);
    if (everything && paths.empty()) {
      return answer("git restore --staged .", "Unstage every staged change, keeping the edits");
    }
    if (paths.empty() || slots.name) {
      return std::nullopt;
    }
    return answer("git restore --staged" + quoted_list(dialect, paths), "Unstage " + paths.front(), slot_location);
  }
  // Discard working-tree changes to named files.
  if (analysis.take_phrases({{"throw", "away"},
                             {"discard"},
                             {"revert", "the", "changes"},
                             {"undo", "the", "changes"},
                             {"undo", "my", "changes"}})) {
    take_all(analysis, {"my", "changes", "change", "to", "in", "the", "file", "local", "uncommitted", "edits", "of"});
    const auto paths = all_paths(slots);
    if (paths.empty() || everything || slots.name) {
      return std::nullopt;
    }
    for (const auto& path : paths) {
      if (path == "." || path == "~" || path == "/") {
        return std::nullopt;
      }
    }
    return answer("git restore" + quoted_list(dialect, paths),
                  "Discard the uncommitted changes to " + paths.front() + " (they cannot be recovered)", slot_location);
  }
  // Stash.
  if (take_all(analysis, {"stash", "stashed", "stashes"}) > 0) {
    take_all(analysis, {"my", "the", "changes", "work", "current", "away", "temporarily", "latest", "last"});
    if (analysis.take_phrases({{"pop"}, {"apply"}, {"bring", "back"}, {"restore"}, {"unstash"}, {"get", "back"}})) {
      const bool keep = analysis.take_phrases({{"keep", "it"}, {"keep", "the", "stash"}, {"apply"}});
      return answer(keep ? "git stash apply" : "git stash pop",
                    keep ? "Apply the latest stash, keeping it in the stash list"
                         : "Apply the latest stash and drop it from the list");
    }
    if (analysis.take_phrases({{"list"}, {"show"}, {"what"}, {"which"}})) {
      take_all(analysis, {"are", "is", "there", "do", "i", "have", "all"});
      return answer("git stash list", "List the stashes");
    }
    const bool untracked =
        analysis.take_phrases({{"including", "untracked"}, {"with", "untracked"}, {"untracked"}, {"new", "file"}});
    take_all(analysis, {"file", "too", "also", "and", "including", "with", "save"});
    if (everything && !untracked) {
      take_all(analysis, {"changes"});
    }
    return answer(untracked ? "git stash -u" : "git stash",
                  untracked ? "Stash the changes, untracked files included" : "Stash the uncommitted changes");
  }
  // Remotes.
  if (take_all(analysis, {"remote", "remotes", "origin"}) > 0 && analysis.take_phrases({{"add"}, {"new"}})) {
    std::optional<std::string> url;
    std::optional<std::string> name;
    for (const auto& location : slots.locations) {
      if (looks_like_url(location.path) || location.path.find('@') != std::string::npos) {
        url = location.path;
      }
    }
    if (slots.name && !slots.name->negated && is_ref_name(slots.name->pattern)) {
      name = slots.name->pattern;
    } else if (analysis.mentions({"origin"})) {
      name = "origin";
    }
    take_all(analysis, {"a", "named", "called", "pointing", "points", "to", "at", "with", "url", "the", "that"});
    if (!url || !name || slots.locations.size() != 1) {
      return std::nullopt;
    }
    return answer("git remote add " + dialect.quote(*name) + " " + dialect.quote(*url),
                  "Add a remote named " + *name + " for " + *url, slot_location | slot_name);
  }
  // Tags.
  if (take_all(analysis, {"tag"}) > 0) {
    const bool remove = take_all(analysis, {"delete", "remove"}) > 0;
    const bool annotated = take_all(analysis, {"annotated"}) > 0;
    take_all(analysis, {"create", "make", "add", "new", "a", "an", "the", "current", "commit", "head", "as", "this",
                        "latest", "last", "it", "called", "named", "with"});
    auto names = ref_names(analysis, slots, {"tag", "as", "called", "named"});
    std::optional<std::string> message;
    if (annotated || !slots.quoted.empty()) {
      message = commit_message(analysis, slots);
      if (!message) {
        return std::nullopt;
      }
    }
    if (names.size() != 1 || !is_ref_name(names.front())) {
      return std::nullopt;
    }
    const std::string name = dialect.quote(names.front());
    if (remove) {
      return answer("git tag -d " + name, "Delete the local tag " + names.front(), slot_location | slot_name);
    }
    if (message) {
      return answer("git tag -a " + name + " -m " + dialect.quote(*message),
                    "Create the annotated tag " + names.front() + " on the current commit",
                    slot_location | slot_name | slot_quoted);
    }
    return answer("git tag " + name, "Tag the current commit as " + names.front(), slot_location | slot_name);
  }
  // Branches: delete, create (and switch), switch.
  const bool branch_word = take_all(analysis, {"branch"}) > 0;
  const bool remove = take_all(analysis, {"delete", "remove"}) > 0;
  const bool create = take_all(analysis, {"create", "new", "make", "start"}) > 0;
  const bool checkout = analysis.mentions({"checkout"});
  const bool switch_word = analysis.take_phrases(
      {{"switch", "to"}, {"switch"}, {"checkout"}, {"check", "out"}, {"go", "to"}, {"move", "to"}, {"change", "to"}});
  if (remove && branch_word) {
    const bool force = analysis.take_phrases({{"even", "though", "it", "was", "never", "merged"},
                                              {"even", "though", "it", "is", "not", "merged"},
                                              {"even", "if", "it", "is", "not", "merged"},
                                              {"even", "if", "not", "merged"},
                                              {"never", "merged"},
                                              {"not", "merged"},
                                              {"unmerged"},
                                              {"force"},
                                              {"forcefully"},
                                              {"forced"}});
    take_all(analysis, {"the", "local", "called", "named", "a"});
    auto names = ref_names(analysis, slots, {"branch", "called", "named"});
    if (names.size() != 1 || !is_ref_name(names.front()) || analysis.mentions({"remote", "origin"})) {
      return std::nullopt;
    }
    return answer(std::string("git branch ") + (force ? "-D " : "-d ") + dialect.quote(names.front()),
                  "Delete the local branch " + names.front() + (force ? ", even if it is not merged" : ""),
                  slot_location | slot_name);
  }
  if (remove) {
    return std::nullopt;
  }
  if (create && branch_word) {
    const bool and_switch =
        switch_word || analysis.take_phrases({{"and", "switch", "to", "it"}, {"and", "check", "it", "out"}});
    take_all(analysis, {"a", "the", "called", "named", "and", "to", "it", "from", "off", "of", "based", "on"});
    auto names = ref_names(analysis, slots, {"branch", "called", "named"});
    if (names.empty() || names.size() > 2) {
      return std::nullopt;
    }
    for (const auto& name : names) {
      if (!is_ref_name(name)) {
        return std::nullopt;
      }
    }
    std::string command = and_switch ? "git switch -c " : "git branch ";
    command += dialect.quote(names.front());
    if (names.size() == 2) {
      append_word(command, dialect.quote(names.back()));
    }
    return answer(command,
                  (and_switch ? "Create the branch " + names.front() + " and switch to it"
                              : "Create the branch " + names.front() + " without switching to it") +
                      (names.size() == 2 ? " (starting at " + names.back() + ")" : ""),
                  slot_location | slot_name);
  }
  if (switch_word && (branch_word || git || (checkout && slots.locations.size() == 1))) {
    take_all(analysis, {"the", "called", "named", "back"});
    auto names = ref_names(analysis, slots, {"branch", "to", "checkout"});
    if (names.size() != 1 || !is_ref_name(names.front()) || looks_like_file(names.front())) {
      return std::nullopt;
    }
    return answer("git switch " + dialect.quote(names.front()), "Switch to the branch " + names.front(),
                  slot_location | slot_name);
  }
  // Stage and commit.
  const bool stage = take_all(analysis, {"stage", "add"}) > 0;
  const bool commit = take_all(analysis, {"commit"}) > 0;
  if (!stage && !commit) {
    return std::nullopt;
  }
  take_all(analysis, {"and", "then", "to", "the", "index", "staging", "area", "with", "my", "changes", "file", "new",
                      "modified"});
  const auto paths = source_locations(slots);
  if (commit) {
    const bool amend = take_all(analysis, {"amend"}) > 0;
    auto message = commit_message(analysis, slots);
    if (!message) {
      return std::nullopt;
    }
    take_all(analysis, {"it", "them", "message", "last", "previous"});
    const std::string quoted = dialect.quote(*message);
    if (amend) {
      if (stage || !paths.empty()) {
        return std::nullopt;
      }
      return answer("git commit --amend -m " + quoted, "Replace the last commit's message (before it is pushed)",
                    slot_quoted);
    }
    if (!paths.empty()) {
      if (everything || slots.name) {
        return std::nullopt;
      }
      return answer("git add" + quoted_list(dialect, paths) + " && git commit -m " + quoted,
                    "Stage " + paths.front() + " and commit it", slot_location | slot_quoted);
    }
    if (everything || (stage && paths.empty())) {
      return answer("git add -A && git commit -m " + quoted, "Stage every change and commit it", slot_quoted);
    }
    return answer("git commit -m " + quoted, "Commit the staged changes", slot_quoted);
  }
  if (!paths.empty()) {
    if (everything || slots.name || !slots.quoted.empty()) {
      return std::nullopt;
    }
    return answer("git add" + quoted_list(dialect, paths), "Stage " + paths.front(), slot_location);
  }
  if (everything && slots.quoted.empty() && !slots.name) {
    return answer("git add -A", "Stage every change, new and deleted files included");
  }
  return std::nullopt;
}

std::optional<Match> build_git_history(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  if (!other_slots_absent(slots) || slots.name || !slots.quoted.empty()) {
    return std::nullopt;
  }
  take_all(analysis, {"git", "repo", "repository"});
  const bool one_line = analysis.take_phrases({{"one", "line", "each"},
                                               {"one", "per", "line"},
                                               {"oneline"},
                                               {"one", "line"},
                                               {"compact"},
                                               {"short"},
                                               {"brief"}});
  const std::string oneline = one_line ? " --oneline" : "";
  const auto take_filler = [&analysis] {
    take_all(analysis,
             {"show", "list", "the",  "me",  "all", "of",   "in",   "for",   "what", "which", "is", "are", "was",
              "were", "has",  "have", "did", "do",  "does", "each", "every", "that", "to",    "on", "a",   "my"});
  };
  // Blame.
  if (analysis.take_phrases({{"blame"},
                             {"who", "wrote"},
                             {"who", "changed"},
                             {"who", "last", "changed"},
                             {"who", "modified"},
                             {"who", "last", "modified"},
                             {"who", "last", "touched"},
                             {"who", "edited"}})) {
    std::optional<std::pair<std::string, std::string>> range;
    for (std::size_t i = 0; i + 1 < analysis.size(); ++i) {
      if (analysis.is(i, "line") && analysis.at(i + 1).kind == TokenKind::number) {
        range = {analysis.at(i + 1).text, analysis.at(i + 1).text};
        if (analysis.is_any(i + 2, {"to", "through", "-"}) && i + 3 < analysis.size() &&
            analysis.at(i + 3).kind == TokenKind::number) {
          range->second = analysis.at(i + 3).text;
          analysis.use_range(i, i + 4);
        } else {
          analysis.use_range(i, i + 2);
        }
      }
    }
    take_filler();
    take_all(analysis, {"line", "file"});
    const auto paths = source_locations(slots);
    if (paths.size() != 1 || !looks_like_file(paths.front())) {
      return std::nullopt;
    }
    std::string command = "git blame ";
    if (range) {
      command += "-L " + range->first + "," + range->second + " ";
    }
    return answer(command + dialect.path(paths.front()), "Show who last changed each line of " + paths.front(),
                  slot_location | slot_count);
  }
  // Commits per author.
  if (analysis.take_phrases({{"most", "commits"},
                             {"commits", "per", "author"},
                             {"commit", "per", "author"},
                             {"most", "commit"},
                             {"contributors"},
                             {"commit", "count", "per"},
                             {"number", "of", "commits", "per"},
                             {"number", "of", "commit", "per"},
                             {"shortlog"}})) {
    take_filler();
    take_all(analysis, {"who", "made", "author", "person", "contributor", "by", "count", "commit", "most", "top"});
    if (!slots.locations.empty() || slots.count) {
      return std::nullopt;
    }
    return answer("git shortlog -sn", "Count the commits of each author, most first");
  }
  // "how many commits are there", "count the commits": on the current branch.
  if (analysis.mentions({"commit", "commits"}) &&
      analysis.take_phrases({{"how", "many"}, {"number", "of"}, {"count", "the"}, {"count"}, {"total"}})) {
    take_filler();
    take_all(analysis, {"commit", "commits", "there", "total", "made", "so", "far"});
    if (!slots.locations.empty() || slots.count) {
      return std::nullopt;
    }
    return answer("git rev-list --count HEAD", "Count the commits reachable from HEAD (the current branch)");
  }
  // "what changed in the last commit", "show the last commit's diff"
  if (Analysis probe = analysis;
      probe.take_phrases({{"last", "commit"}, {"latest", "commit"}, {"most", "recent", "commit"}}) &&
      probe.take_phrases({{"what", "changed"}, {"changes"}, {"diff"}, {"what", "was", "changed"}, {"show"}})) {
    analysis = probe;
    take_filler();
    take_all(analysis, {"changed", "made", "introduced", "by", "did", "its", "full", "details"});
    if (!slots.locations.empty() || slots.count || analysis.mentions({"file"})) {
      return std::nullopt;
    }
    return answer("git show HEAD", "Show the last commit: its message and its changes");
  }
  // Graph.
  if (take_all(analysis, {"graph"}) > 0) {
    const bool all = analysis.take_phrases(
        {{"all", "branches"}, {"every", "branch"}, {"all", "branch"}, {"all", "the", "branch"}, {"all"}});
    take_filler();
    take_all(analysis, {"commit", "history", "log", "branch"});
    if (!slots.locations.empty() || slots.count) {
      return std::nullopt;
    }
    return answer(std::string("git log --oneline --graph") + (all ? " --all" : ""),
                  std::string("Draw the commit graph") + (all ? " of every branch" : ""));
  }
  // Ignored files.
  if (analysis.take_phrases({{"ignored"}, {"ignoring"}, {"ignores"}, {"gitignored"}})) {
    take_filler();
    take_all(analysis, {"file", "here", "paths", "only", "just", "git", "by", "path", "names"});
    for (const auto& location : slots.locations) {
      if (location.path != ".") {
        return std::nullopt;
      }
    }
    if (slots.count) {
      return std::nullopt;
    }
    return answer("git ls-files --others --ignored --exclude-standard", "List the files git ignores", slot_location);
  }
  // Tags, remotes.
  if (take_all(analysis, {"tags"}) > 0 || (analysis.mentions({"tag"}) && analysis.take_phrases({{"list"}}))) {
    take_filler();
    take_all(analysis, {"tag", "there", "existing"});
    if (!slots.locations.empty() || slots.count) {
      return std::nullopt;
    }
    return answer("git tag", "List the tags");
  }
  if (take_all(analysis, {"remote", "remotes", "origin"}) > 0 &&
      !analysis.mentions({"add", "remove", "delete", "rename", "set", "change"})) {
    take_filler();
    take_all(analysis, {"url", "urls", "configured", "where", "does", "point", "points", "there"});
    if (!slots.locations.empty() || slots.count) {
      return std::nullopt;
    }
    return answer("git remote -v", "List the remotes with their URLs");
  }
  // Commits since a tag, by an author, between branches.
  const bool commits = take_all(analysis, {"commit", "commits", "log", "history"}) > 0;
  if (commits && analysis.find_phrase({"since"})) {
    const auto at = *analysis.find_phrase({"since"});
    auto next = next_unused(analysis, at, {"the", "tag", "release", "version"});
    if (!next || analysis.at(*next).kind != TokenKind::word || !is_ref_name(analysis.at(*next).raw) ||
        is_filler(analysis.at(*next).text) || is_non_location(analysis.at(*next).text)) {
      return std::nullopt;
    }
    const std::string ref = analysis.at(*next).raw;
    analysis.use(at);
    analysis.use(*next);
    take_filler();
    take_all(analysis, {"tag", "release", "version", "made", "there", "been", "new"});
    if (!slots.locations.empty() || slots.count) {
      return std::nullopt;
    }
    return answer("git log --oneline " + dialect.quote(ref) + "..HEAD", "List the commits made after " + ref);
  }
  if (commits) {
    // "commits by Bob"
    if (auto at = analysis.find_phrase({"by"})) {
      auto next = next_unused(analysis, *at);
      if (next && *next == *at + 1 && analysis.at(*next).kind == TokenKind::word &&
          is_plain_value(analysis.at(*next).raw) && !is_filler(analysis.at(*next).text) &&
          !is_non_location(analysis.at(*next).text)) {
        const std::string author = analysis.at(*next).raw;
        analysis.use_range(*at, *next + 1);
        take_filler();
        take_all(analysis, {"this", "branch", "current", "made", "authored", "written"});
        if (!slots.locations.empty()) {
          return std::nullopt;
        }
        std::string command = "git log --author=" + dialect.quote(author) + " --oneline";
        if (slots.count) {
          command += " -n " + std::to_string(*slots.count);
        }
        return answer(command, "List the commits whose author matches " + author, slot_count);
      }
    }
  }
  // "what's on feature/login that isn't in main", "commits on A not in B"
  if (analysis.take_phrases({{"that", "is", "not", "in"},
                             {"that", "are", "not", "in"},
                             {"not", "in"},
                             {"that", "is", "not"},
                             {"that", "are", "not"},
                             {"is", "not"},
                             {"are", "not"},
                             {"missing", "from"},
                             {"but", "not"}})) {
    const auto names = source_locations(slots);
    take_filler();
    take_all(analysis, {"yet", "branch", "on", "commit", "new", "there", "merged"});
    if (names.size() != 2 || !is_ref_name(names[0]) || !is_ref_name(names[1]) || looks_like_file(names[0]) ||
        looks_like_file(names[1])) {
      return std::nullopt;
    }
    return answer("git log --oneline " + dialect.quote(names[1] + ".." + names[0]),
                  "List the commits on " + names[0] + " that " + names[1] + " does not have", slot_location);
  }
  // Diff between two branches.
  if (analysis.mentions({"branch", "git"}) &&
      analysis.take_phrases({{"diff"}, {"difference"}, {"differences"}, {"compare"}})) {
    std::vector<std::string> names;
    if (auto pair = between_names(analysis)) {
      names = {pair->first, pair->second};
    } else {
      names = source_locations(slots);
    }
    take_filler();
    take_all(analysis, {"and", "with", "branch", "the", "changes", "against"});
    if (names.size() != 2 || !is_ref_name(names[0]) || !is_ref_name(names[1]) || looks_like_file(names[0]) ||
        looks_like_file(names[1])) {
      return std::nullopt;
    }
    return answer("git diff " + dialect.quote(names[0]) + " " + dialect.quote(names[1]),
                  "Show the differences between " + names[0] + " and " + names[1], slot_location);
  }
  // A file's history.
  if (commits || analysis.take_phrases({{"touched"}, {"changed"}, {"modified"}})) {
    const bool patches = analysis.take_phrases(
        {{"with", "diffs"}, {"with", "the", "diffs"}, {"with", "patches"}, {"patches"}, {"diffs"}});
    take_filler();
    take_all(analysis, {"touched", "changed", "modified", "affected", "changing", "touching", "affecting", "file",
                        "history", "commit"});
    const auto paths = source_locations(slots);
    if (paths.size() != 1 || slots.count) {
      return std::nullopt;
    }
    return answer(std::string("git log") + (patches ? " -p" : oneline) + " -- " + dialect.path(paths.front()),
                  "Show the commits that changed " + paths.front(), slot_location);
  }
  return std::nullopt;
}

} // namespace caro::backends::static_matcher
