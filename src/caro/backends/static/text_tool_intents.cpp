// Text processing on named files: sort (numeric, reverse, unique, in
// place), line frequencies (sort | uniq -c | sort -rn), columns (cut for
// delimited files, awk for whitespace), sed substitutions and line
// deletions (GNU/BusyBox `sed -i`, BSD `sed -i ''`), line ranges, tail -f,
// word/character counts, whole-file transforms (tac, cat -n, paste -sd),
// diff, appending a line and extracting e-mail/IP/URL matches. Each builder
// works on files the user named; a request that does not name one is left
// to other intents.

#include "caro/backends/static/contributed_builders.h"
#include "caro/backends/static/contributed_support.h"
#include "caro/backends/static/vocabulary.h"

#include <string>

namespace caro::backends::static_matcher {
namespace {

// The one file a text request acts on: a path that looks like a file, or a
// well-known extension-less name ("the Makefile"), which is marked used.
std::optional<std::string> single_file(Analysis& analysis, const Slots& slots)
{
  std::optional<std::string> found;
  for (const auto& location : slots.locations) {
    if (is_keyword_location(location.path)) {
      continue;
    }
    const bool dotfile = location.path.size() > 1 && location.path.front() == '.' && location.path != "..";
    if (!looks_like_file(location.path) && location.path.find('/') == std::string::npos &&
        !is_well_known_file(location.path) && !dotfile) {
      return std::nullopt;
    }
    if (found) {
      return std::nullopt;
    }
    found = location.path;
  }
  if (!found) {
    for (std::size_t i = 0; i < analysis.size(); ++i) {
      if (!analysis.used(i) && analysis.at(i).kind == TokenKind::word && is_well_known_file(analysis.at(i).raw)) {
        if (found) {
          return std::nullopt;
        }
        found = analysis.at(i).raw;
        analysis.use(i);
      }
    }
  }
  return found;
}

bool no_find_slots(const Slots& slots)
{
  return !slots.time && !slots.size_min && !slots.size_max && !slots.name && slots.exclusions.empty() &&
         slots.extensions.empty() && !slots.depth_one;
}

// The one file a text tool works on, when nothing in the request asks for a
// file search instead (a time, size, name, type or exclusion).
std::optional<std::string> file_operand(Analysis& analysis, const Slots& slots)
{
  return no_find_slots(slots) ? single_file(analysis, slots) : std::nullopt;
}

// "/regex/" as a sed address.
std::string sed_address(std::string_view text)
{
  std::string out = "/";
  out += sed_regex(text);
  out += '/';
  return out;
}

std::string sed_in_place(const Dialect& dialect)
{
  return dialect.bsd() ? "sed -i '' " : "sed -i ";
}

// Takes the generic words of a request about a file's lines.
void take_common(Analysis& analysis)
{
  take_all(analysis, {"the", "of", "in", "from", "file", "show", "print", "display", "output", "list", "get", "all",
                      "me", "give", "out", "and"});
}

} // namespace

std::optional<Match> build_sort_lines(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  const bool sort = take_all(analysis, {"sort", "sorted", "order", "alphabetically", "alphabetical"}) > 0;
  const bool unique = analysis.take_phrases({{"remove", "duplicates"},
                                             {"remove", "the", "duplicates"},
                                             {"remove", "duplicate"},
                                             {"drop", "the", "duplicates"},
                                             {"drop", "duplicates"},
                                             {"without", "duplicates"},
                                             {"without", "the", "duplicates"},
                                             {"no", "duplicates"},
                                             {"deduplicate"},
                                             {"dedupe"},
                                             {"unique"},
                                             {"distinct"},
                                             {"uniq"}});
  const bool show_duplicates =
      !unique && analysis.take_phrases({{"duplicate"}, {"duplicates"}, {"duplicated"}, {"repeated"}});
  if (!sort && !unique && !show_duplicates) {
    return std::nullopt;
  }
  if (!analysis.mentions({"line", "file"}) && !sort && !unique) {
    return std::nullopt;
  }
  const bool numeric = analysis.take_phrases({{"numerically"}, {"numeric"}, {"by", "number"}, {"as", "numbers"}});
  const bool reverse = analysis.take_phrases({{"reverse"},
                                              {"reversed"},
                                              {"descending"},
                                              {"in", "reverse", "order"},
                                              {"largest", "first"},
                                              {"biggest", "first"},
                                              {"highest", "first"}});
  const bool counting = analysis.take_phrases({{"how", "many"}, {"count"}, {"number", "of"}});
  const bool in_place = analysis.take_phrases({{"in", "place"}, {"save", "it"}, {"overwrite"}, {"save"}});
  take_common(analysis);
  take_all(analysis, {"line", "entries", "values", "then", "sort", "and", "it", "are", "there", "which", "what"});
  if (!no_find_slots(slots) || slots.count) {
    return std::nullopt;
  }
  auto file = single_file(analysis, slots);
  if (!file) {
    return std::nullopt;
  }
  Match match;
  match.strength = 0.9;
  match.accepted_slots = slot_location;
  const std::string path = dialect.path(*file);
  if (show_duplicates) {
    if (in_place || numeric || reverse) {
      return std::nullopt;
    }
    match.command = "sort " + path + " | uniq -d";
    match.explanation = "Show the lines that occur more than once in " + *file;
    if (counting) {
      match.command += " | wc -l";
      match.explanation = "Count the distinct lines that occur more than once in " + *file;
    }
    return match;
  }
  std::string flags;
  flags += numeric ? "n" : "";
  flags += reverse ? "r" : "";
  flags += unique ? "u" : "";
  match.command = "sort" + (flags.empty() ? std::string() : " -" + flags);
  if (counting) {
    if (!unique || in_place) {
      return std::nullopt;
    }
    match.command += " " + path + " | wc -l";
    match.explanation = "Count the distinct lines of " + *file;
    return match;
  }
  if (in_place) {
    match.command += " -o " + path;
  }
  append_word(match.command, path);
  match.explanation =
      std::string(unique ? "Sort the lines of " + *file + ", dropping duplicates" : "Sort the lines of " + *file) +
      (numeric ? ", numerically" : "") + (reverse ? ", in reverse order" : "") +
      (in_place ? ", writing the result back to the file" : "");
  return match;
}

std::optional<Match> build_line_frequency(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  const bool frequency = analysis.take_phrases({{"most", "common"},
                                                {"most", "frequent"},
                                                {"frequency"},
                                                {"frequencies"},
                                                {"shows", "up", "most"},
                                                {"show", "up", "most"},
                                                {"appears", "most"},
                                                {"occurs", "most"},
                                                {"most", "often"},
                                                {"how", "many", "times", "each"},
                                                {"how", "often", "each"},
                                                {"count", "each"},
                                                {"occurrences", "of", "each"},
                                                {"occurrence", "of", "each"},
                                                {"counts", "of", "each"}});
  if (!frequency) {
    return std::nullopt;
  }
  // "the most common word" asks for one, "the most common words" for all.
  // ("each line" is every line.)
  const bool single =
      typed_singular(analysis, {"word", "line", "value", "entry"}) && !analysis.mentions({"each", "every", "per"});
  const bool words = take_all(analysis, {"word", "words"}) > 0;
  const bool lines = take_all(analysis, {"line", "value", "values", "entry", "entries"}) > 0;
  if (words == lines) {
    return std::nullopt;
  }
  analysis.take_phrases({{"which"}, {"what"}, {"the", "single"}});
  take_common(analysis);
  take_all(analysis,
           {"with",  "count", "counts", "too",    "also", "their", "its",  "is",  "are",   "appear", "appears",
            "times", "how",   "many",   "sorted", "by",   "in",    "each", "one", "along", "top"});
  auto file = file_operand(analysis, slots);
  if (!file) {
    return std::nullopt;
  }
  Match match;
  match.strength = 0.9;
  match.accepted_slots = slot_location | slot_count;
  const std::string path = dialect.path(*file);
  match.command = words ? "tr -s '[:space:]' '\\n' < " + path + " | sort | uniq -c | sort -rn"
                        : "sort " + path + " | uniq -c | sort -rn";
  if (slots.count) {
    match.command += " | head -n " + std::to_string(*slots.count);
  } else if (single) {
    match.command += " | head -n 1";
  }
  match.explanation = std::string("Count how often each ") + (words ? "word" : "line") + " occurs in " + *file +
                      ", most frequent first";
  return match;
}

std::optional<Match> build_column(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  std::optional<long long> column;
  for (std::size_t i = 0; i < analysis.size() && !column; ++i) {
    if (!analysis.is_any(i, {"column", "field", "col"})) {
      continue;
    }
    // "the 2nd column", "the second field"
    for (std::size_t back = 1; back <= 2 && back <= i && !column; ++back) {
      const std::size_t at = i - back;
      const Token& token = analysis.at(at);
      if (token.kind == TokenKind::number && back == 2 && analysis.is_any(at + 1, {"st", "nd", "rd", "th"})) {
        column = static_cast<long long>(token.value);
        analysis.use_range(at, i + 1);
      } else if (back == 1) {
        if (auto ordinal = ordinal_at(analysis, at); ordinal && ordinal->second == 1) {
          column = ordinal->first;
          analysis.use_range(at, i + 1);
        }
      }
    }
    // "column 3"
    if (!column && i + 1 < analysis.size() && analysis.at(i + 1).kind == TokenKind::number) {
      column = static_cast<long long>(analysis.at(i + 1).value);
      analysis.use_range(i, i + 2);
    }
  }
  if (!column || *column < 1 || *column > 1000) {
    return std::nullopt;
  }
  std::string delimiter;
  if (analysis.take_phrases({{"comma", "separated"}, {"comma-separated"}, {"commas"}, {"comma"}})) {
    delimiter = ",";
  } else if (analysis.take_phrases({{"tab", "separated"}, {"tab-separated"}, {"tabs"}, {"tab"}})) {
    delimiter = "\t";
  } else if (analysis.take_phrases({{"colon", "separated"}, {"colons"}, {"colon"}})) {
    delimiter = ":";
  } else if (analysis.take_phrases({{"whitespace"}, {"spaces"}, {"space", "separated"}})) {
    delimiter = " ";
  }
  take_all(analysis, {"separated", "delimited", "by"});
  const bool skip_header = analysis.take_phrases({{"skip", "the", "header"},
                                                  {"skip", "header"},
                                                  {"without", "the", "header"},
                                                  {"without", "header"},
                                                  {"excluding", "the", "header"},
                                                  {"no", "header"},
                                                  {"except", "the", "header"}});
  take_common(analysis);
  take_all(analysis, {"every", "each", "line", "row", "rows", "only", "just", "cut", "value", "values", "extract"});
  auto file = file_operand(analysis, slots);
  if (!file) {
    return std::nullopt;
  }
  if (delimiter.empty()) {
    if (file->ends_with(".csv")) {
      delimiter = ",";
    } else if (file->ends_with(".tsv")) {
      delimiter = "\t";
    } else {
      delimiter = " ";
    }
  }
  const std::string n = std::to_string(*column);
  const std::string path = dialect.path(*file);
  std::string tool;
  if (delimiter == " ") {
    tool = "awk '{print $" + n + "}'";
  } else if (delimiter == "\t") {
    tool = "cut -f" + n;
  } else {
    tool = "cut -d" + delimiter + " -f" + n;
  }
  Match match;
  match.strength = 0.9;
  match.accepted_slots = slot_location | slot_count;
  match.command = skip_header ? "tail -n +2 " + path + " | " + tool : tool + " " + path;
  match.explanation = "Print column " + n + " of " + *file + (skip_header ? ", without the header line" : "");
  return match;
}

std::optional<Match> build_sed_replace(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  std::optional<std::size_t> verb_at;
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    if (analysis.is_any(i, {"replace", "substitute", "swap", "change"})) {
      verb_at = i;
      break;
    }
  }
  if (!verb_at) {
    return std::nullopt;
  }
  analysis.use(*verb_at);
  // FROM: the next token that is not a quantifier.
  std::size_t i = *verb_at + 1;
  while (i < analysis.size() &&
         (analysis.is_any(i, {"all", "every", "each", "the", "occurrences", "occurrence", "instances", "instance", "of",
                              "word", "string", "text"}) ||
          (slots.port && analysis.at(i).kind == TokenKind::word && analysis.at(i).text == "port"))) {
    analysis.use(i);
    ++i;
  }
  if (i + 2 >= analysis.size() + 0 && i + 2 > analysis.size()) {
    return std::nullopt;
  }
  const std::size_t from_at = i;
  std::size_t to_at = i + 2;
  if (from_at + 1 >= analysis.size() ||
      !(analysis.at(from_at + 1).kind == TokenKind::word &&
        (analysis.at(from_at + 1).text == "with" || analysis.at(from_at + 1).text == "by" ||
         analysis.at(from_at + 1).text == "to" || analysis.at(from_at + 1).text == "into"))) {
    return std::nullopt;
  }
  if (to_at >= analysis.size()) {
    return std::nullopt;
  }
  const Token& from_token = analysis.at(from_at);
  const Token& to_token = analysis.at(to_at);
  const auto value_kind = [](const Token& token) {
    return token.kind == TokenKind::quoted || token.kind == TokenKind::number || token.kind == TokenKind::path ||
           token.kind == TokenKind::word;
  };
  if (!value_kind(from_token) || !value_kind(to_token)) {
    return std::nullopt;
  }
  const std::string from = token_value(from_token);
  const std::string to = token_value(to_token);
  // "replace tabs with spaces": unquoted words that name characters, not
  // text to match; a literal substitution would be wrong.
  for (const Token* token : {&from_token, &to_token}) {
    if (token->kind == TokenKind::word &&
        (token->text == "tab" || token->text == "tabs" || token->text == "space" || token->text == "spaces" ||
         token->text == "whitespace" || token->text == "newline" || token->text == "newlines" ||
         token->text == "comma" || token->text == "commas" || token->text == "semicolon" ||
         token->text == "semicolons" || token->text == "quote" || token->text == "quotes" || token->text == "dot" ||
         token->text == "dots" || token->text == "period" || token->text == "periods" || token->text == "underscore" ||
         token->text == "underscores" || token->text == "dash" || token->text == "dashes" || token->text == "hyphen" ||
         token->text == "hyphens" || token->text == "slash" || token->text == "slashes" || token->text == "backslash" ||
         token->text == "backslashes" || token->text == "uppercase" || token->text == "lowercase" ||
         token->text == "digits" || token->text == "numbers" || token->text == "line" || token->text == "blank" ||
         token->text == "blanks" || token->text == "colon" || token->text == "colons")) {
      return std::nullopt;
    }
  }
  if (from.empty() || from.find('\n') != std::string::npos || to.find('\n') != std::string::npos ||
      (from_token.kind == TokenKind::word && (is_filler(from_token.text) || is_guard(from_token.text))) ||
      (to_token.kind == TokenKind::word && (is_filler(to_token.text) || is_guard(to_token.text)))) {
    return std::nullopt;
  }
  analysis.use_range(from_at, to_at + 1);
  const bool first_only = analysis.take_phrases({{"first", "occurrence"}, {"only", "the", "first"}, {"first", "one"}});
  const bool preview = analysis.take_phrases({{"without", "changing", "the", "file"},
                                              {"without", "modifying", "the", "file"},
                                              {"without", "changing", "it"},
                                              {"without", "modifying", "it"},
                                              {"preview"},
                                              {"dry", "run"},
                                              {"to", "stdout"}});
  const bool in_place = analysis.take_phrases({{"in", "place"},
                                               {"in-place"},
                                               {"edit", "the", "file"},
                                               {"editing", "the", "file"},
                                               {"modify", "the", "file"},
                                               {"save", "the", "file"},
                                               {"and", "save"}});
  if (preview && in_place) {
    return std::nullopt;
  }
  take_all(analysis, {"in", "the", "file", "please", "everywhere", "throughout", "inside", "all", "every", "across",
                      "of", "and", "occurrence", "occurrences"});
  if (slots.time || slots.size_min || slots.size_max || slots.name || slots.case_insensitive || slots.depth_one) {
    return std::nullopt;
  }
  std::vector<std::string> files;
  for (const auto& location : slots.locations) {
    if (location.path == from || location.path == to || location.path == "place") {
      continue; // a value that merely looks like a path
    }
    files.push_back(location.path);
  }
  const std::string expression =
      quote_always("s/" + sed_regex(from) + "/" + sed_replacement(to) + "/" + (first_only ? "" : "g"), dialect.shell());
  Match match;
  match.strength = 0.9;
  match.accepted_slots = slot_location | slot_quoted | slot_count | slot_port;
  const std::string sed = preview ? "sed " : sed_in_place(dialect);
  if (!slots.extensions.empty()) {
    // Every file of a type under one directory.
    if (preview || files.size() > 1 || (files.size() == 1 && looks_like_file(files.front()))) {
      return std::nullopt;
    }
    FindSpec spec;
    Slots find_slots = slots;
    find_slots.locations.clear();
    if (!files.empty()) {
      find_slots.locations.push_back(Location{Location::Role::in, files.front()});
    }
    if (!fill_find_spec(find_slots, spec)) {
      return std::nullopt;
    }
    auto built = build_find(spec, dialect);
    if (!built) {
      return std::nullopt;
    }
    match.accepted_slots |= slot_type | slot_exclusion;
    match.command = built->command + " -exec " + sed + expression + " " + dialect.placeholder() + " +";
    match.explanation = "Replace " + from + " with " + to + " in every one of the " + built->description;
    return match;
  }
  if (files.empty() || !slots.exclusions.empty()) {
    return std::nullopt;
  }
  match.command = sed + expression;
  for (const auto& file : files) {
    if (!looks_like_file(file) && file.find('/') == std::string::npos) {
      return std::nullopt;
    }
    append_word(match.command, dialect.path(file));
  }
  match.explanation = std::string(preview ? "Print " : "Edit ") + files.front() +
                      (preview ? " with " : ", replacing ") + (first_only ? "the first " : "every ") + from +
                      (preview ? " replaced by " : " with ") + to + (first_only ? " on each line" : "");
  return match;
}

std::optional<Match> build_delete_lines(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  const bool remove = take_all(analysis, {"delete", "remove", "strip", "drop", "erase"}) > 0;
  const bool without = !remove && take_all(analysis, {"without", "except", "excluding", "minus"}) > 0;
  if (!remove && !without) {
    return std::nullopt;
  }
  std::string address;
  std::string what;
  if (analysis.take_phrases({{"blank", "line"}, {"empty", "line"}})) {
    address = "/^$/";
    what = "the blank lines";
  } else if (analysis.take_phrases({{"last", "line"}})) {
    address = "$";
    what = "the last line";
  } else if (analysis.take_phrases({{"first", "line"}, {"header", "line"}, {"header"}})) {
    address = "1";
    what = "the first line";
  } else {
    // "the 3rd line", "line 3", "lines containing X"
    for (std::size_t i = 0; i < analysis.size() && address.empty(); ++i) {
      if (auto ordinal = ordinal_at(analysis, i); ordinal && analysis.is(i + ordinal->second, "line")) {
        address = std::to_string(ordinal->first);
        analysis.use_range(i, i + ordinal->second + 1);
      } else if (analysis.is(i, "line") && i + 1 < analysis.size() && analysis.at(i + 1).kind == TokenKind::number &&
                 !analysis.is_any(i + 2, {"to", "through", "and"})) {
        address = analysis.at(i + 1).text;
        analysis.use_range(i, i + 2);
      }
    }
    if (!address.empty()) {
      what = "line " + address;
    } else if (analysis.take_phrases({{"line", "containing"},
                                      {"line", "that", "contain"},
                                      {"line", "with"},
                                      {"line", "matching"},
                                      {"line", "mentioning"}})) {
      std::optional<std::string> pattern;
      if (slots.quoted.size() == 1) {
        pattern = slots.quoted.front();
      } else if (slots.quoted.empty()) {
        for (std::size_t i = 0; i < analysis.size(); ++i) {
          if (!analysis.used(i) && analysis.at(i).kind == TokenKind::word && !is_filler(analysis.at(i).text) &&
              !is_guard(analysis.at(i).text) && is_plain_value(analysis.at(i).raw)) {
            pattern = analysis.at(i).raw;
            analysis.use(i);
            break;
          }
        }
      }
      if (!pattern || pattern->empty()) {
        return std::nullopt;
      }
      address = sed_address(*pattern);
      what = "the lines containing " + *pattern;
    }
  }
  if (address.empty()) {
    // "strip all the DEBUG lines": an upper-case word before "line(s)".
    for (std::size_t i = 0; i + 1 < analysis.size(); ++i) {
      const std::string& raw = analysis.at(i).raw;
      bool upper = !analysis.used(i) && analysis.at(i).kind == TokenKind::word && raw.size() >= 3;
      for (char c : raw) {
        upper = upper && ((c >= 'A' && c <= 'Z') || c == '_');
      }
      if (upper && analysis.is(i + 1, "line")) {
        address = sed_address(raw);
        what = "the lines containing " + raw;
        analysis.use_range(i, i + 2);
        break;
      }
    }
  }
  if (address.empty()) {
    return std::nullopt;
  }
  const bool in_place = analysis.take_phrases({{"in", "place"},
                                               {"in-place"},
                                               {"modify", "the", "file"},
                                               {"modifying", "the", "file"},
                                               {"editing", "the", "file"},
                                               {"edit", "the", "file"},
                                               {"change", "the", "file"}});
  take_common(analysis);
  take_all(analysis, {"line", "every", "each", "all", "any", "it", "that", "are"});
  auto file = file_operand(analysis, slots);
  if (!file) {
    return std::nullopt;
  }
  Match match;
  match.strength = 0.9;
  match.accepted_slots = slot_location | slot_count | slot_quoted;
  const std::string expression = quote_always(address + "d", dialect.shell());
  if (remove || in_place) {
    match.command = sed_in_place(dialect) + expression + " " + dialect.path(*file);
    match.explanation = "Delete " + what + " from " + *file + ", editing it in place";
  } else {
    match.command = "sed " + expression + " " + dialect.path(*file);
    match.explanation = "Print " + *file + " without " + what;
  }
  return match;
}

std::optional<Match> build_line_range(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  std::string command;
  std::string description;
  const auto file = file_operand(analysis, slots);
  if (!file) {
    return std::nullopt;
  }
  const std::string path = dialect.path(*file);
  for (std::size_t i = 0; i + 1 < analysis.size() && command.empty(); ++i) {
    if (!analysis.is(i, "line") || analysis.at(i + 1).kind != TokenKind::number) {
      continue;
    }
    const std::string first = analysis.at(i + 1).text;
    if (i + 3 < analysis.size() && analysis.is_any(i + 2, {"to", "through", "thru", "until", "-"}) &&
        analysis.at(i + 3).kind == TokenKind::number) {
      const std::string last = analysis.at(i + 3).text;
      command = "sed -n " + quote_always(first + "," + last + "p", dialect.shell()) + " " + path;
      description = "Print lines " + first + " to " + last + " of " + *file;
      analysis.use_range(i, i + 4);
    } else if (analysis.is_any(i + 2, {"onwards", "onward"}) ||
               (i > 0 && analysis.is(i - 1, "from") && !analysis.is_any(i + 2, {"to", "through"}))) {
      command = "tail -n +" + first + " " + path;
      description = "Print " + *file + " from line " + first + " on";
      analysis.use_range(i, i + 2);
      take_all(analysis, {"onwards", "onward", "from", "on"});
    } else if (!analysis.is_any(i + 2, {"to", "through", "and"})) {
      command = "sed -n " + quote_always(first + "p", dialect.shell()) + " " + path;
      description = "Print line " + first + " of " + *file;
      analysis.use_range(i, i + 2);
    }
  }
  if (command.empty() && analysis.take_phrases({{"skip", "the", "first", "line"},
                                                {"skip", "the", "header"},
                                                {"skip", "header"},
                                                {"everything", "but", "the", "first", "line"},
                                                {"everything", "except", "the", "first", "line"},
                                                {"all", "but", "the", "first", "line"},
                                                {"without", "the", "header"},
                                                {"without", "the", "first", "line"}})) {
    command = "tail -n +2 " + path;
    description = "Print " + *file + " without its first line";
  }
  if (command.empty()) {
    return std::nullopt;
  }
  take_common(analysis);
  take_all(analysis, {"line", "only", "just", "read", "view", "see", "contents", "content"});
  Match match;
  match.strength = 0.9;
  match.accepted_slots = slot_location | slot_count;
  match.command = std::move(command);
  match.explanation = std::move(description);
  return match;
}

std::optional<Match> build_follow_file(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  const bool follow = analysis.take_phrases({{"tail", "-f"},
                                             {"follow"},
                                             {"following"},
                                             {"live"},
                                             {"as", "they", "are", "written"},
                                             {"as", "it", "grows"},
                                             {"as", "they", "come", "in"},
                                             {"in", "real", "time"},
                                             {"realtime"},
                                             {"stream"},
                                             {"keep", "watching"},
                                             {"watch"},
                                             {"monitor"}});
  if (!follow) {
    return std::nullopt;
  }
  take_all(analysis, {"tail",  "-f",   "new",  "line", "entries", "the",     "of",       "in",       "to",    "show",
                      "print", "file", "log",  "logs", "keep",    "showing", "incoming", "appended", "added", "last",
                      "and",   "as",   "they", "are",  "written", "it",      "grows",    "watch",    "follow"});
  const auto file = file_operand(analysis, slots);
  if (!file) {
    return std::nullopt;
  }
  Match match;
  match.strength = 0.9;
  match.accepted_slots = slot_location | slot_count;
  match.command =
      "tail" + (slots.count ? " -n " + std::to_string(*slots.count) : std::string()) + " -f " + dialect.path(*file);
  match.explanation = "Print new lines of " + *file + " as they are written (Ctrl-C stops)";
  return match;
}

std::optional<Match> build_word_count(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  const bool counting = analysis.take_phrases({{"how", "many"}, {"number", "of"}, {"count"}, {"word", "count"}});
  if (!counting) {
    return std::nullopt;
  }
  std::string flag;
  std::string what;
  if (take_all(analysis, {"word", "words"}) > 0) {
    flag = "-w";
    what = "words";
  } else if (take_all(analysis, {"characters", "chars", "character", "letters"}) > 0) {
    flag = "-m";
    what = "characters";
  } else if (take_all(analysis, {"bytes", "byte"}) > 0) {
    flag = "-c";
    what = "bytes";
  } else {
    return std::nullopt;
  }
  const bool bare = analysis.take_phrases(
      {{"just", "the", "number"}, {"only", "the", "number"}, {"number", "only"}, {"just", "a", "number"}});
  take_common(analysis);
  take_all(analysis, {"are", "there", "does", "have", "has", "contain", "contains", "is", "in"});
  const auto file = file_operand(analysis, slots);
  if (!file || slots.count) {
    return std::nullopt;
  }
  Match match;
  match.strength = 0.9;
  match.accepted_slots = slot_location;
  match.command = "wc " + flag + (bare ? " < " : " ") + dialect.path(*file);
  match.explanation = "Count the " + what + " in " + *file;
  return match;
}

std::optional<Match> build_file_transform(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  std::string command;
  std::string description;
  const auto file = file_operand(analysis, slots);
  if (!file || slots.count) {
    return std::nullopt;
  }
  const std::string path = dialect.path(*file);
  if (analysis.take_phrases({{"backwards"},
                             {"in", "reverse", "order"},
                             {"reverse", "order"},
                             {"reversed"},
                             {"last", "line", "first"},
                             {"bottom", "to", "top"},
                             {"reverse", "the", "line"},
                             {"reverse"}})) {
    command = dialect.bsd() ? "tail -r " + path : "tac " + path;
    description = "Print the lines of " + *file + " in reverse order";
  } else if (analysis.take_phrases(
                 {{"number", "the", "line"}, {"with", "line", "numbers"}, {"number", "line"}, {"line", "numbers"}})) {
    command = "cat -n " + path;
    description = "Print " + *file + " with line numbers";
  } else if (analysis.take_phrases({{"join", "the", "line"},
                                    {"join", "line"},
                                    {"on", "one", "line"},
                                    {"into", "one", "line"},
                                    {"single", "line"}})) {
    std::string delimiter;
    if (analysis.take_phrases(
            {{"with", "commas"}, {"with", "a", "comma"}, {"comma", "separated"}, {"commas"}, {"comma"}})) {
      delimiter = ",";
    } else if (analysis.take_phrases(
                   {{"with", "spaces"}, {"with", "a", "space"}, {"space", "separated"}, {"spaces"}})) {
      delimiter = " ";
    } else {
      return std::nullopt;
    }
    take_all(analysis, {"separated", "by", "with", "a", "and"});
    command = "paste -sd" + dialect.quote(delimiter) + " " + path;
    description = "Join the lines of " + *file + " into one line";
  } else if (analysis.mentions({"uppercase", "capitals"}) ||
             analysis.take_phrases({{"upper", "case"}, {"all", "caps"}})) {
    take_all(analysis, {"uppercase", "capitals"});
    command = "tr '[:lower:]' '[:upper:]' < " + path;
    description = "Print " + *file + " in upper case";
  } else if (analysis.mentions({"lowercase"}) || analysis.take_phrases({{"lower", "case"}})) {
    take_all(analysis, {"lowercase"});
    command = "tr '[:upper:]' '[:lower:]' < " + path;
    description = "Print " + *file + " in lower case";
  } else {
    return std::nullopt;
  }
  if (analysis.mentions({"save", "overwrite", "place", "write"})) {
    return std::nullopt;
  }
  take_common(analysis);
  take_all(analysis, {"line", "convert", "to", "with", "its", "it", "print", "lines"});
  Match match;
  match.strength = 0.88;
  match.accepted_slots = slot_location;
  match.command = std::move(command);
  match.explanation = std::move(description);
  return match;
}

std::optional<Match> build_compare_files(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  const bool compare = analysis.take_phrases({{"what", "is", "different", "between"},
                                              {"differences", "between"},
                                              {"difference", "between"},
                                              {"different", "between"},
                                              {"diff", "between"},
                                              {"compare"},
                                              {"diff"},
                                              {"differ"}});
  if (!compare) {
    return std::nullopt;
  }
  const bool unified = analysis.mentions({"unified"});
  take_all(analysis, {"unified"});
  take_all(analysis, {"and", "with", "to", "against", "the", "file", "show", "how", "do", "what", "is", "are", "format",
                      "vs", "versus", "between"});
  std::vector<std::string> files;
  for (const auto& location : slots.locations) {
    if (!is_keyword_location(location.path)) {
      files.push_back(location.path);
    }
  }
  if (!no_find_slots(slots) || slots.count || files.size() != 2) {
    return std::nullopt;
  }
  const std::string& a = files[0];
  const std::string& b = files[1];
  if (!looks_like_file(a) || !looks_like_file(b)) {
    return std::nullopt;
  }
  Match match;
  match.strength = 0.9;
  match.accepted_slots = slot_location;
  match.command = std::string(unified ? "diff -u " : "diff ") + dialect.path(a) + " " + dialect.path(b);
  match.explanation = "Show the lines that differ between " + a + " and " + b;
  return match;
}

std::optional<Match> build_append_line(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  const bool append =
      take_all(analysis, {"append"}) > 0 || (take_all(analysis, {"add"}) > 0 && analysis.mentions({"end", "bottom"}));
  if (!append || slots.quoted.size() != 1) {
    return std::nullopt;
  }
  take_all(analysis, {"the", "line", "text", "string", "to", "a", "new", "at", "end", "of", "file", "as", "bottom"});
  const auto file = file_operand(analysis, slots);
  if (!file || slots.count) {
    return std::nullopt;
  }
  Match match;
  match.strength = 0.9;
  match.accepted_slots = slot_location | slot_quoted;
  match.command = "printf '%s\\n' " + dialect.quote(slots.quoted.front()) + " >> " + dialect.path(*file);
  match.explanation = "Append one line to the end of " + *file;
  return match;
}

std::optional<Match> build_extract_matches(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  std::string regex;
  std::string what;
  if (analysis.take_phrases({{"email", "addresses"},
                             {"email", "address"},
                             {"e-mail", "addresses"},
                             {"emails"},
                             {"email"},
                             {"e-mails"}})) {
    regex = "[[:alnum:]._%+-]+@[[:alnum:].-]+\\.[[:alpha:]]{2,}";
    what = "e-mail addresses";
  } else if (analysis.take_phrases({{"ip", "addresses"}, {"ip", "address"}, {"ips"}, {"ip"}})) {
    regex = "([0-9]{1,3}\\.){3}[0-9]{1,3}";
    what = "IPv4 addresses";
  } else if (analysis.take_phrases({{"urls"}, {"url"}, {"links"}, {"web", "addresses"}})) {
    regex = "https?://[^[:space:]\"'<>]+";
    what = "URLs";
  } else {
    return std::nullopt;
  }
  const bool action = analysis.take_phrases(
      {{"extract"}, {"pull", "out"}, {"get"}, {"list"}, {"find"}, {"show"}, {"grab"}, {"print"}, {"every"}, {"all"}});
  if (!action) {
    return std::nullopt;
  }
  const bool unique = analysis.take_phrases({{"unique"}, {"distinct"}, {"without", "duplicates"}, {"deduplicated"}});
  const bool skip_header = analysis.take_phrases({{"skip", "the", "header"},
                                                  {"skip", "header"},
                                                  {"without", "the", "header"},
                                                  {"excluding", "the", "header"},
                                                  {"ignore", "the", "header"}});
  take_common(analysis);
  take_all(analysis, {"every", "all", "mentioned", "in", "that", "appear", "are", "found", "contained", "there"});
  const auto file = file_operand(analysis, slots);
  if (!file || slots.count) {
    return std::nullopt;
  }
  Match match;
  match.strength = 0.9;
  match.accepted_slots = slot_location;
  match.command = skip_header ? "tail -n +2 " + dialect.path(*file) + " | grep -oE " + dialect.quote(regex)
                              : "grep -oE " + dialect.quote(regex) + " " + dialect.path(*file);
  if (unique) {
    match.command += " | sort -u";
  }
  match.explanation = "Print every " + what + " found in " + *file + (unique ? ", once each" : "");
  return match;
}

} // namespace caro::backends::static_matcher
