// Read-only git: the files the last commit changed. (Log variants, blame and
// shortlog are the git_history builder's, in the contributed families.)

#include "caro/backends/static/intent.h"

#include <string>

namespace caro::backends::static_matcher {

std::optional<Match> match_git_files(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  (void)dialect;
  take_all(analysis, {"git"});
  const bool file_word = take_all(analysis, {"file", "paths", "path", "names"}) > 0;
  if (!file_word) {
    return std::nullopt;
  }
  Match match;
  // "which files changed in the last commit"
  if (analysis.take_phrases(
          {{"in", "the", "last", "commit"}, {"in", "last", "commit"}, {"by", "the", "last", "commit"}})) {
    take_all(analysis, {"changed", "modified", "touched", "which", "what", "list", "show", "the", "were"});
    if (!slots.locations.empty()) {
      return std::nullopt;
    }
    match.command = "git diff --name-only HEAD~1 HEAD";
    match.explanation = "List the files the last commit changed";
    match.strength = 0.9;
    return match;
  }
  return std::nullopt;
}

} // namespace caro::backends::static_matcher
