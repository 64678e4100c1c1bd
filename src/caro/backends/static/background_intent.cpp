// Running a script in the background: "run scripts/deploy.sh in the
// background" -> `./scripts/deploy.sh &`, and with nohup when the request
// says it must survive the user logging out. Only scripts the command can
// start without guessing an interpreter (shell scripts or extension-less
// files run directly, Python through python3); anything else declines.

#include "caro/backends/static/intent.h"

#include <string>

namespace caro::backends::static_matcher {

std::optional<Match> match_background_run(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  const bool background = analysis.take_phrases({{"in", "the", "background"},
                                                 {"into", "the", "background"},
                                                 {"in", "background"},
                                                 {"as", "a", "background", "job"},
                                                 {"background"}});
  const bool survive = analysis.take_phrases({{"after", "i", "log", "out"},
                                              {"after", "i", "logout"},
                                              {"after", "logging", "out"},
                                              {"after", "logout"},
                                              {"when", "i", "log", "out"},
                                              {"if", "i", "log", "out"},
                                              {"even", "if", "i", "log", "out"},
                                              {"after", "i", "disconnect"},
                                              {"keeps", "going"},
                                              {"keep", "going"},
                                              {"keeps", "running"},
                                              {"keep", "running"},
                                              {"nohup"}});
  if (!background || slots.locations.size() != 1 || slots.time || slots.size_min || slots.size_max || slots.name ||
      !slots.exclusions.empty() || !slots.extensions.empty() || slots.count || !slots.quoted.empty()) {
    return std::nullopt;
  }
  const std::string& script = slots.locations.front().path;
  if (!looks_like_file(script) && script.find('/') == std::string::npos) {
    return std::nullopt;
  }
  std::string start;
  const auto slash = script.rfind('/');
  const std::string file = slash == std::string::npos ? script : script.substr(slash + 1);
  const auto dot = file.rfind('.');
  const std::string extension = dot == std::string::npos ? std::string() : file.substr(dot + 1);
  if (extension == "py") {
    start = "python3 " + dialect.path(script);
  } else if (extension.empty() || extension == "sh" || extension == "bash") {
    const bool anchored =
        script.starts_with('/') || script.starts_with("./") || script.starts_with("../") || script.starts_with("~/");
    start = dialect.path(anchored ? script : "./" + script);
  } else {
    return std::nullopt;
  }
  take_all(analysis, {"run", "start", "launch", "execute", "the", "script", "my", "so", "it", "that", "and", "have",
                      "let", "make"});
  Match match;
  match.strength = 0.9;
  match.accepted_slots = slot_location;
  match.command = (survive ? "nohup " : "") + start + " &";
  match.explanation = "Start " + script + " as a background job" +
                      (survive ? ", immune to hangups so it keeps running after you log out" : "");
  return match;
}

} // namespace caro::backends::static_matcher
