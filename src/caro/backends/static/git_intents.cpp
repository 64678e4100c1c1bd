// Read-only git intents: status, recent commits, the current branch, the
// branch list and diffs (working tree or staged). Anything that changes the
// repository (commit, reset, checkout...) is left to other backends: those
// words are guards, so such requests are declined here.

#include "caro/backends/static/intent.h"

#include <string>

namespace caro::backends::static_matcher {
namespace {

// "commit" opening the request ("commit", "git commit -a", "please commit
// this") is the verb: a request to make a commit, not to read the log. The
// tokeniser folds "commits" onto "commit", so the spelling as typed decides;
// "commit history/log/messages" stays a noun phrase.
bool commit_as_verb(const Analysis& analysis)
{
  std::size_t i = 0;
  while (i < analysis.size() && analysis.at(i).kind == TokenKind::word &&
         (analysis.at(i).text == "please" || analysis.at(i).text == "git" || analysis.at(i).text == "now")) {
    ++i;
  }
  if (i >= analysis.size() || analysis.at(i).kind != TokenKind::word || analysis.at(i).text != "commit" ||
      analysis.at(i).raw.size() != 6) {
    return false;
  }
  const std::size_t next = i + 1;
  return !(next < analysis.size() && analysis.at(next).kind == TokenKind::word &&
           (analysis.at(next).text == "history" || analysis.at(next).text == "log" ||
            analysis.at(next).text == "messages" || analysis.at(next).text == "message" ||
            analysis.at(next).text == "graph" || analysis.at(next).text == "count"));
}

} // namespace

std::optional<Match> match_git(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  if (commit_as_verb(analysis)) {
    return std::nullopt;
  }
  // "the last commit" is one commit; "the last commits" the recent history.
  const bool last_one = analysis.mentions({"last", "latest"}) && typed_singular(analysis, {"commit"});
  const bool git = take_all(analysis, {"git", "repo", "repository"}) > 0;
  const bool commit_word = take_all(analysis, {"commit", "history"}) > 0 || (git && take_all(analysis, {"log"}) > 0);
  const bool branch_word = take_all(analysis, {"branch"}) > 0;
  const bool status_word = take_all(analysis, {"status"}) > 0;
  const bool diff_word = take_all(analysis, {"diff", "changes", "differences", "changed", "modified"}) > 0;
  const bool staged = take_all(analysis, {"staged", "cached", "index"}) > 0;
  const bool unstaged = take_all(analysis, {"unstaged", "uncommitted"}) > 0;
  const bool untracked = take_all(analysis, {"untracked"}) > 0;
  const bool current =
      analysis.take_phrases({{"current"}, {"am", "i", "on"}, {"i", "am", "on"}, {"on", "now"}, {"checked", "out"}});
  const bool remote = take_all(analysis, {"remote", "remotes"}) > 0;
  const bool short_form = take_all(analysis, {"short", "brief", "compact", "concise"}) > 0;
  const bool one_line = analysis.take_phrases(
      {{"one", "line", "each"}, {"one", "per", "line"}, {"oneline"}, {"one", "line"}, {"per", "line"}});
  take_all(analysis, {"show",    "list", "what",    "which", "the",  "my",   "all", "recent", "latest", "last",
                      "me",      "is",   "are",     "of",    "in",   "this", "see", "have",   "i",      "did",
                      "display", "file", "version", "each",  "made", "get",  "we",  "on"});
  // Unstaged/staged alone are git vocabulary; everything else needs a git-specific noun.
  if (!(git || commit_word || branch_word || staged || unstaged || untracked || (status_word && git) || diff_word)) {
    return std::nullopt;
  }
  Match match;
  match.strength = git ? 0.95 : 0.85;
  match.accepted_slots = 0;
  (void)dialect;

  if (untracked) {
    if (commit_word || branch_word || diff_word || staged || unstaged || status_word) {
      return std::nullopt;
    }
    match.command = "git ls-files --others --exclude-standard";
    match.explanation = "List untracked files that git does not ignore";
    return match;
  }

  if (branch_word && !commit_word && !diff_word && !status_word) {
    if (current) {
      match.command = "git branch --show-current";
      match.explanation = "Print the name of the current git branch";
    } else {
      match.command = remote ? "git branch -a" : "git branch";
      match.explanation = remote ? "List local and remote-tracking branches" : "List the local branches";
    }
    return match;
  }
  if (commit_word && !branch_word && !diff_word && !status_word && !staged && !unstaged) {
    match.accepted_slots = slot_count;
    if (slots.count || last_one) {
      const auto count = slots.count.value_or(1);
      match.command = "git log --oneline -n " + std::to_string(count);
      match.explanation = count == 1 ? std::string("Show the last commit on one line")
                                     : "Show the last " + std::to_string(count) + " commits, one line each";
    } else {
      match.command = one_line || !git ? "git log --oneline" : "git log";
      match.explanation = "Show the commit history";
    }
    return match;
  }
  if (status_word && !commit_word && !branch_word && !staged && !unstaged) {
    match.command = short_form ? "git status -s" : "git status";
    match.explanation = "Show the working tree status";
    return match;
  }
  if ((diff_word || staged || unstaged) && !commit_word && !branch_word) {
    if (staged && unstaged) {
      return std::nullopt;
    }
    if (staged) {
      match.command = "git diff --staged";
      match.explanation = "Show the changes staged for the next commit";
      return match;
    }
    if (!git && !unstaged && !analysis.mentions({"diff"})) {
      // "what changed" without git context: status is the safe overview.
      match.command = "git status";
      match.explanation = "Show the working tree status";
      match.strength = 0.8;
      return match;
    }
    match.command = "git diff";
    match.explanation = "Show the changes in the working tree that are not staged";
    return match;
  }
  return std::nullopt;
}

} // namespace caro::backends::static_matcher
