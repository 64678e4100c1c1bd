// Text intents: searching file contents with grep (recursive in a directory,
// plain in a file; list names with -l, count with -c, filter by type with
// --include), counting lines with wc, and head/tail. The search pattern is
// the user's own text; patterns with regex characters are searched as fixed
// strings (-F) so "a.b" does not also match "axb".

#include "caro/backends/static/file_types.h"
#include "caro/backends/static/find_builder.h"
#include "caro/backends/static/intent.h"
#include "caro/backends/static/vocabulary.h"

#include <string>

namespace caro::backends::static_matcher {
namespace {

bool has_regex_chars(const std::string& text)
{
  return text.find_first_of(".*[]^$\\+?(){}|") != std::string::npos;
}

// An unused all-capitals word of three letters or more (ERROR, WARN, TODO).
bool is_upper_word(const Analysis& analysis, std::size_t i)
{
  if (i >= analysis.size() || analysis.used(i) || analysis.at(i).kind != TokenKind::word) {
    return false;
  }
  const std::string& raw = analysis.at(i).raw;
  bool upper = raw.size() >= 3;
  for (char c : raw) {
    upper = upper && ((c >= 'A' && c <= 'Z') || c == '_');
  }
  return upper;
}

// The word right after a cue ("search for X", "containing X", "mentions X");
// "X or Y" becomes the alternation X|Y.
std::optional<std::string> pattern_after_cue(Analysis& analysis, bool& cue_found, bool without_is_cue)
{
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    const bool cue = analysis.is_any(i, {"grep", "search", "containing", "contain", "contains", "mention", "mentions",
                                         "mentioning", "matching", "match", "matches", "with", "for", "find",
                                         "occurrence", "word", "string", "text", "pattern"}) ||
                     (without_is_cue && analysis.is(i, "without"));
    if (!cue) {
      continue;
    }
    std::size_t j = i + 1;
    while (analysis.is_any(j, {"for", "of", "the", "word", "string", "text", "pattern"})) {
      ++j;
    }
    if (j >= analysis.size() || analysis.used(j) || analysis.at(j).kind != TokenKind::word) {
      continue;
    }
    const std::string& word = analysis.at(j).text;
    if (is_filler(word) || is_guard(word) || is_non_location(word) || word == "file" || word == "dir" ||
        word == "line" || analysis.is(j + 1, "file")) {
      continue; // "find readme files" describes files, it is not text to search for
    }
    cue_found = true;
    std::string pattern = analysis.at(j).raw;
    std::size_t last = j;
    while (analysis.is(last + 1, "or") && analysis.is_kind(last + 2, TokenKind::word) &&
           !is_non_location(analysis.at(last + 2).text) && analysis.at(last + 2).text != "file") {
      pattern += "|" + analysis.at(last + 2).raw;
      last += 2;
    }
    analysis.use_range(i, last + 1);
    return pattern;
  }
  // "ERROR lines", "how many WARN occurrences": an upper-case word next to
  // "line" is the text itself.
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    if (analysis.used(i) || analysis.at(i).kind != TokenKind::word || !analysis.is_any(i + 1, {"line", "occurrence"})) {
      continue;
    }
    if (!is_upper_word(analysis, i)) {
      continue;
    }
    // "WARN and ERROR lines", "WARN, ERROR or FATAL lines": lines with any of them.
    std::string pattern = analysis.at(i).raw;
    std::size_t first = i;
    bool joined = false;
    for (;;) {
      if (first >= 2 && analysis.is_any(first - 1, {"and", "or"}) && is_upper_word(analysis, first - 2)) {
        pattern = analysis.at(first - 2).raw + "|" + pattern;
        first -= 2;
        joined = true;
      } else if (joined && first >= 1 && is_upper_word(analysis, first - 1)) {
        // "FATAL, ERROR or WARN": the commas are gone, the list goes on.
        pattern = analysis.at(first - 1).raw + "|" + pattern;
        first -= 1;
      } else {
        break;
      }
    }
    cue_found = true;
    analysis.use_range(first, i + 1);
    return pattern;
  }
  return std::nullopt;
}

// "lines that do not contain X", "lines not matching X", "lines without X":
// marks the negation, leaving a cue word before X for pattern_after_cue
// ("without" becomes that cue), and says whether there was one. Only about
// lines: "files without X" asks for something grep -v does not do.
bool take_line_negation(Analysis& analysis, bool& without_cue)
{
  without_cue = false;
  if (!analysis.mentions({"line"})) {
    return false;
  }
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    if (analysis.is(i, "not") && analysis.is_any(i + 1, {"contain", "containing", "contains", "match", "matching",
                                                         "matches", "mention", "mentioning", "mentions"})) {
      analysis.use(i);
      if (i > 0 && analysis.is_any(i - 1, {"do", "does"})) {
        analysis.use(i - 1);
      }
      return true;
    }
    if (analysis.is(i, "without")) {
      without_cue = true;
      return true;
    }
  }
  return false;
}

// "which files mention X", "find files containing X" ask for names; "search
// for X in all files" only says where to look.
bool files_as_subject(const Analysis& analysis)
{
  for (std::size_t k = 0; k < analysis.size(); ++k) {
    if (!analysis.is(k, "file")) {
      continue;
    }
    std::size_t p = k;
    while (p > 0 && (analysis.used(p - 1) || analysis.is_any(p - 1, {"all", "the", "my", "every", "any", "these"}))) {
      --p;
    }
    if (p == 0 || !analysis.is_any(p - 1, {"in", "through", "across", "inside", "within", "of"})) {
      return true;
    }
  }
  return false;
}

// "how many errors are in app.log", "show the warnings in logs/app.log": in
// a log file, errors and warnings are the lines at that level, which logs
// write in capitals (WARN also matches WARNING). Only for a single *.log
// target, where that reading is the conventional one.
std::optional<std::string> log_level_pattern(Analysis& analysis, const Slots& slots)
{
  if (slots.locations.size() != 1) {
    return std::nullopt;
  }
  const std::string& path = slots.locations.front().path;
  if (!path.ends_with(".log") && path.find(".log.") == std::string::npos) {
    return std::nullopt;
  }
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    const bool error = analysis.is_any(i, {"errors", "error"});
    const bool warning = analysis.is_any(i, {"warnings", "warning", "warns"});
    if (!error && !warning) {
      continue;
    }
    analysis.use(i);
    if (analysis.is_any(i + 1, {"lines", "line", "messages", "message", "entries", "entry"})) {
      analysis.use(i + 1);
    }
    take_all(analysis, {"there", "logged", "show", "list", "all", "the", "are", "is", "in", "of"});
    return std::string(error ? "ERROR" : "WARN");
  }
  return std::nullopt;
}

} // namespace

std::optional<Match> match_text_search(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  bool cue = take_all(analysis, {"grep"}) > 0;
  bool without_cue = false;
  const bool inverted = take_line_negation(analysis, without_cue);
  std::optional<std::string> pattern;
  unsigned accepted = slot_location | slot_case;
  if (slots.quoted.size() == 1) {
    pattern = slots.quoted.front();
    accepted |= slot_quoted;
    cue = take_all(analysis, {"search", "containing", "contain", "contains", "mention", "mentions", "mentioning",
                              "matching", "match", "matches", "with", "for", "find", "occurrence", "word", "string",
                              "text", "pattern", "look"}) > 0 ||
          cue;
  } else if (slots.quoted.empty()) {
    pattern = pattern_after_cue(analysis, cue, without_cue);
  }
  if (inverted && !pattern && slots.quoted.size() != 1) {
    return std::nullopt;
  }
  if (!pattern && slots.quoted.empty()) {
    pattern = log_level_pattern(analysis, slots);
    cue = cue || pattern.has_value();
  }
  if (!pattern || pattern->empty() || !cue) {
    return std::nullopt;
  }
  const bool counting = analysis.take_phrases({{"how", "many"}, {"number", "of"}, {"count"}});
  const bool file_word = files_as_subject(analysis);
  take_all(analysis, {"file"});
  const bool names_only = analysis.take_phrases({{"names", "only"},
                                                 {"only", "names"},
                                                 {"just", "the", "names"},
                                                 {"file", "names"},
                                                 {"filenames"},
                                                 {"names"}}) ||
                          file_word;
  const bool line_numbers = analysis.take_phrases({{"line", "numbers"}, {"line", "number"}, {"with", "numbers"}});
  // "plus the 2 lines after it", "with 3 lines of context", "5 lines before each match"
  std::string context_flag;
  if (slots.count) {
    for (std::size_t i = 0; i + 1 < analysis.size(); ++i) {
      if (!analysis.used(i) || analysis.at(i).kind != TokenKind::number || !analysis.is(i + 1, "line")) {
        continue;
      }
      if (analysis.is_any(i + 2, {"after", "following", "below"})) {
        context_flag = "-A ";
      } else if (analysis.is_any(i + 2, {"before", "preceding", "above"})) {
        context_flag = "-B ";
      } else if (analysis.is_any(i + 2, {"around"}) || analysis.phrase_at(i + 2, {"of", "context"})) {
        context_flag = "-C ";
      } else {
        continue;
      }
      analysis.use_range(i + 1, i + 3);
      analysis.take_phrases({{"context"}, {"it"}, {"each", "match"}, {"each", "one"}, {"plus"}});
      context_flag += std::to_string(*slots.count);
      accepted |= slot_count;
      break;
    }
  }
  take_all(analysis,
           {"line",   "all",   "in",   "the",  "of",   "show",  "list",       "which",       "every",  "look",
            "search", "any",   "that", "have", "has",  "times", "occurrence", "appears",     "appear", "does",
            "do",     "print", "only", "just", "find", "each",  "and",        "recursively", "inside", "through"});

  std::string target = ".";
  bool recursive = true;
  if (!slots.locations.empty()) {
    auto location = single_location(slots, true, true, false);
    if (!location) {
      return std::nullopt;
    }
    target = *location;
    recursive = !looks_like_file(target);
  }
  if (!context_flag.empty() && (counting || names_only)) {
    return std::nullopt;
  }
  if (counting && (recursive || names_only)) {
    return std::nullopt;
  }
  // grep -lv lists files with any other line, not files without the text.
  if (inverted && (names_only || !context_flag.empty())) {
    return std::nullopt;
  }
  if (!recursive && !slots.extensions.empty()) {
    return std::nullopt;
  }

  std::string flags;
  if (recursive) {
    flags += "r";
  }
  if (inverted) {
    flags += "v";
  }
  if (counting) {
    flags += "c";
  } else if (names_only) {
    flags += "l";
  } else if (recursive || line_numbers) {
    flags += "n";
  }
  if (slots.case_insensitive) {
    flags += "i";
  }
  // Only a pattern the builder joined (never a quoted one) is an alternation.
  const bool alternation = slots.quoted.empty() && pattern->find('|') != std::string::npos;
  if (alternation) {
    flags += "E";
  } else if (has_regex_chars(*pattern)) {
    flags += "F";
  }
  std::string command = "grep" + (flags.empty() ? std::string() : " -" + flags);
  if (!context_flag.empty()) {
    command += " " + context_flag;
  }
  if (!slots.extensions.empty() || !slots.exclusions.empty()) {
    if (dialect.busybox() || slots.extensions_negated) {
      return std::nullopt;
    }
    for (const auto& ext : slots.extensions) {
      command += " --include=" + dialect.pattern("*." + ext);
    }
    for (const auto& dir : slots.exclusions) {
      if (dir.find('/') != std::string::npos) {
        return std::nullopt;
      }
      command += " --exclude-dir=" + dialect.quote(dir);
    }
    accepted |= slot_type | slot_exclusion;
  }
  command += (pattern->front() == '-' ? " -e " : " ") + dialect.quote(*pattern) + " " + dialect.path(target);

  Match match;
  match.command = std::move(command);
  match.accepted_slots = accepted;
  match.strength = 0.9;
  const std::string where =
      recursive ? "files under " + (target == "." ? std::string("the current directory") : target) : target;
  const std::string contain = inverted ? " that do not contain " : " that contain ";
  if (counting) {
    match.explanation = "Count the lines of " + where + contain + *pattern;
  } else if (names_only) {
    match.explanation = "List the names of " + where + contain + *pattern;
  } else {
    match.explanation = "Show the lines of " + where + contain + *pattern;
  }
  if (alternation) {
    match.explanation += " (any of the alternatives)";
  }
  if (!context_flag.empty()) {
    match.explanation += ", with context lines (" + context_flag + ")";
  }
  if (slots.case_insensitive) {
    match.explanation += ", ignoring case";
  }
  return match;
}

std::optional<Match> match_line_count(Analysis& analysis, const Slots& request_slots, const Dialect& dialect)
{
  // "lines of python", "python code": a language named without "files" is
  // still the files of that language here.
  Slots slots = request_slots;
  bool language = false;
  if (slots.extensions.empty()) {
    for (std::size_t i = 1; i < analysis.size(); ++i) {
      if (analysis.used(i) || analysis.at(i).kind != TokenKind::word) {
        continue;
      }
      const auto type = lookup_file_type(analysis.at(i).text);
      if (type && (analysis.is(i - 1, "of") || analysis.is(i + 1, "code"))) {
        for (auto ext : type->extensions) {
          slots.extensions.emplace_back(ext);
        }
        slots.type_label = std::string(type->label);
        analysis.use(i);
        language = true;
        break;
      }
    }
  }
  const bool lines = take_all(analysis, {"line", "loc", "sloc"}) > 0;
  const bool counting = analysis.take_phrases({{"how", "many"}, {"number", "of"}, {"count"}, {"counts"}, {"wc"}});
  if (!lines || !counting) {
    return std::nullopt;
  }
  const bool bare_number = analysis.take_phrases({{"just", "the", "number"},
                                                  {"only", "the", "number"},
                                                  {"number", "only"},
                                                  {"just", "a", "number"},
                                                  {"print", "the", "number"},
                                                  {"the", "number"}});
  const bool total = take_all(analysis, {"total", "altogether", "combined", "overall", "together", "sum"}) > 0;
  // "the lines of every file and the total" wants both: wc -l's own listing.
  const bool each = analysis.mentions({"each", "every", "per"});
  take_all(analysis, {"in",   "of",   "the", "all",  "are",   "there", "file", "code", "each", "every",
                      "does", "have", "has", "show", "print", "get",   "only", "just", "and",  "per"});
  Match match;
  match.strength = language ? 0.88 : 0.92;
  if (slots.extensions.empty()) {
    // Named files: wc -l a b.
    std::vector<std::string> files;
    for (const auto& location : slots.locations) {
      if (location.role == Location::Role::into || !looks_like_file(location.path)) {
        return std::nullopt;
      }
      files.push_back(location.path);
    }
    if (files.empty() || (bare_number && files.size() != 1) || !slots.exclusions.empty()) {
      return std::nullopt;
    }
    match.accepted_slots = slot_location;
    if (bare_number) {
      match.command = "wc -l < " + dialect.path(files.front());
      match.explanation = "Print the number of lines in " + files.front();
      return match;
    }
    match.command = "wc -l";
    for (const auto& file : files) {
      match.command += ' ';
      match.command += dialect.path(file);
    }
    match.explanation = "Count the lines in " + files.front() + (files.size() > 1 ? " and the other files" : "");
    return match;
  }
  // Files of a type under a directory.
  FindSpec spec;
  if (!fill_find_spec(slots, spec)) {
    return std::nullopt;
  }
  auto built = build_find(spec, dialect);
  if (!built) {
    return std::nullopt;
  }
  match.accepted_slots =
      slot_type | slot_location | slot_exclusion | slot_name | slot_size | slot_time | slot_case | slot_depth;
  if (bare_number || (total && !each)) {
    match.command = built->command + " -exec cat " + dialect.placeholder() + " + | wc -l";
    match.explanation = "Count the lines of all " + built->description + " together";
  } else {
    match.command = built->command + " -exec wc -l " + dialect.placeholder() + " +";
    match.explanation = "Count the lines of each of the " + built->description + " (with a total)";
  }
  return match;
}

std::optional<Match> match_head_tail(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  // "the last line" is one line; "the last lines" head/tail's usual 10.
  const bool one_line = typed_singular(analysis, {"line"});
  if (take_all(analysis, {"line"}) == 0) {
    return std::nullopt;
  }
  const bool head = take_all(analysis, {"first", "top", "head", "beginning", "start"}) > 0;
  const bool tail = take_all(analysis, {"last", "bottom", "tail", "end", "final"}) > 0;
  if (head == tail) {
    return std::nullopt;
  }
  take_all(analysis, {"of", "in", "the", "show", "print", "display", "peek", "at", "view", "read", "only", "just"});
  auto file = single_location(slots, true, true, false);
  if (!file || !looks_like_file(*file)) {
    return std::nullopt;
  }
  const auto count = slots.count.value_or(one_line ? 1 : 10);
  Match match;
  match.strength = 0.9;
  match.accepted_slots = slot_location | slot_count;
  match.command = std::string(head ? "head" : "tail") + " -n " + std::to_string(count) + " " + dialect.path(*file);
  match.explanation = std::string("Show the ") + (head ? "first " : "last ") +
                      (count == 1 ? std::string("line") : std::to_string(count) + " lines") + " of " + *file;
  return match;
}

} // namespace caro::backends::static_matcher
