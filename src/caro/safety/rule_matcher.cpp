// Evaluates a rule's structured matcher against one CommandView. The order of
// the checks is cheapest first: the utility name rejects almost every rule
// before any option is split.

#include "caro/safety/rule_matcher.h"

#include "caro/safety/rules.h"

#include <algorithm>
#include <cctype>
#include <functional>

namespace caro::safety {

namespace {

char lower(char c)
{
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool name_matches(const MatcherSpec& spec, std::string_view name)
{
  if (name.empty() || ((spec.command_first_chars >> (static_cast<unsigned char>(name[0]) % 64)) & 1U) == 0) {
    return false;
  }
  if (spec.command_globs.empty() && ((spec.command_lengths >> std::min<std::size_t>(name.size(), 63)) & 1U) == 0) {
    return false;
  }
  if (std::binary_search(spec.command_names.begin(), spec.command_names.end(), name, std::less<>())) {
    return true;
  }
  for (const std::string& glob : spec.command_globs) {
    if (glob_match(glob, name)) {
      return true;
    }
  }
  return false;
}

bool upstream_matches(const std::vector<std::string>& names, std::string_view name)
{
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool any_glob(const std::vector<std::string>& patterns, std::string_view text, bool ignore_case = false)
{
  for (const std::string& pattern : patterns) {
    if (glob_match(pattern, text, ignore_case)) {
      return true;
    }
  }
  return false;
}

bool is_scratch(std::string_view path)
{
  for (const std::string_view scratch : {"/tmp", "/var/tmp", "/mnt", "/media", "/run", "/Volumes"}) {
    if (path == scratch || (path.starts_with(scratch) && path[scratch.size()] == '/')) {
      return true;
    }
  }
  return false;
}

bool write_is(WriteKind kind, const WriteTarget& target)
{
  switch (kind) {
  case WriteKind::authentication:
    return file_sensitivity(*target.word, target.from) == FileSensitivity::authentication;
  case WriteKind::configuration:
    return file_sensitivity(*target.word, target.from) == FileSensitivity::configuration;
  case WriteKind::block_device:
    return may_be_block_device(*target.word, target.from);
  case WriteKind::home:
    return classify_target(*target.word, target.from) == TargetClass::home;
  case WriteKind::system: {
    if (is_scratch(resolved_path(*target.word, target.from))) {
      return false;
    }
    const TargetClass target_class = classify_target(*target.word, target.from);
    return target_class == TargetClass::system_path || target_class == TargetClass::system_dir ||
           target_class == TargetClass::root;
  }
  }
  return false;
}

std::optional<Span> check_writes(const MatcherSpec& spec, const CommandView& view)
{
  for (const WriteTarget& target : write_targets(view)) {
    for (const WriteKind kind : spec.writes_to) {
      if (write_is(kind, target)) {
        return target.span;
      }
    }
    if (!spec.write_paths.empty() && any_glob(spec.write_paths, resolved_path(*target.word, target.from))) {
      return target.span;
    }
  }
  return std::nullopt;
}

std::optional<Span> check_upstream(const MatcherSpec& spec, const CommandView& view)
{
  if (!reads_program_from_stdin(view)) {
    return std::nullopt;
  }
  for (const CommandView& stage : upstream(view)) {
    const bool feeds = (!spec.upstream.empty() && upstream_matches(spec.upstream, stage.name)) ||
                       (spec.upstream_predicate != nullptr && spec.upstream_predicate(stage));
    if (feeds) {
      return stage.span.begin <= view.span.begin ? Span{stage.span.begin, view.span.end} : view.span;
    }
  }
  return std::nullopt;
}

// The target words a spec looks at, given the options it split.
std::vector<const Word*> target_words(const MatcherSpec& spec, const CommandView& view, const Options& options,
                                      std::span<const Word* const> operands, bool& none_means_here)
{
  std::vector<const Word*> words;
  switch (spec.target_operands) {
  case TargetOperands::operands:
    words.assign(operands.begin(), operands.end());
    break;
  case TargetOperands::after_first: {
    const bool reference = options.value("reference") != nullptr;
    words.assign(operands.begin() + (reference || operands.empty() ? 0 : 1), operands.end());
    break;
  }
  case TargetOperands::sources: {
    const bool has_target = options.value("t") != nullptr || options.value("target-directory") != nullptr;
    const std::size_t count = has_target || operands.size() < 2 ? operands.size() : operands.size() - 1;
    words.assign(operands.begin(), operands.begin() + static_cast<std::ptrdiff_t>(count));
    break;
  }
  case TargetOperands::find_paths: {
    std::size_t i = 0;
    while (i < view.args.size() && (view.args[i]->text == "-H" || view.args[i]->text == "-L" ||
                                    view.args[i]->text == "-P" || view.args[i]->text.starts_with("-O"))) {
      ++i;
    }
    for (; i < view.args.size(); ++i) {
      const std::string& text = view.args[i]->text;
      if (text.starts_with('-') || text == "(" || text == "!" || text == ")") {
        break;
      }
      words.push_back(view.args[i]);
    }
    none_means_here = words.empty();
    break;
  }
  case TargetOperands::arguments:
    words.assign(view.args.begin(), view.args.end());
    break;
  }
  return words;
}

bool check_targets(const MatcherSpec& spec, const CommandView& view, const Options& options,
                   std::span<const Word* const> operands)
{
  bool none_means_here = false;
  const std::vector<const Word*> words = target_words(spec, view, options, operands, none_means_here);
  auto wanted = [&spec](TargetClass target_class) {
    for (const TargetClass want : spec.targets) {
      if (want == target_class) {
        return true;
      }
    }
    return false;
  };
  TargetClass worst = TargetClass::plain;
  for (const Word* word : words) {
    const TargetClass target_class = from_working_directory(classify_in_view(view, *word), view);
    if (spec.any_target && wanted(target_class)) {
      return true;
    }
    worst = worse(worst, target_class);
  }
  if (none_means_here) {
    worst = worse(worst, from_working_directory(TargetClass::all_files, view));
  }
  if (view.args_from_stdin) {
    // xargs: the arguments it reads are targets too; unknown unless the
    // script shows them (`xargs rm -rf <<< /`, `echo / | xargs rm -rf`).
    if (const std::optional<std::vector<Word>> read = stdin_words(view)) {
      for (const Word& word : *read) {
        const TargetClass target_class = from_working_directory(classify_in_view(view, word), view);
        if (spec.any_target && wanted(target_class)) {
          return true;
        }
        worst = worse(worst, target_class);
      }
    } else {
      worst = worse(worst, TargetClass::unknown);
    }
  }
  return wanted(worst);
}

bool needs_options(const MatcherSpec& spec)
{
  return !spec.operands.empty() || !spec.flags.empty() || !spec.not_flags.empty() || !spec.targets.empty() ||
         !spec.operand_any.empty();
}

} // namespace

bool FlagSet::any_in(const Options& options) const
{
  for (const char flag : short_flags) {
    if (options.has(flag)) {
      return true;
    }
  }
  for (const std::string& name : long_names) {
    if (options.has(std::string_view(name))) {
      return true;
    }
  }
  return false;
}

bool glob_match(std::string_view pattern, std::string_view text, bool ignore_case)
{
  // Iterative matcher that backtracks only to the last `*`: linear for the
  // short patterns rules use.
  std::size_t p = 0;
  std::size_t t = 0;
  std::size_t star = std::string_view::npos;
  std::size_t star_text = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      star_text = t;
    } else if (p < pattern.size() &&
               (pattern[p] == '?' || pattern[p] == text[t] || (ignore_case && lower(pattern[p]) == lower(text[t])))) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++star_text;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') {
    ++p;
  }
  return p == pattern.size();
}

std::optional<Span> evaluate(const MatcherSpec& spec, const CommandView& view)
{
  if (!spec.commands.empty() && !name_matches(spec, view.name)) {
    return std::nullopt;
  }
  if (needs_options(spec)) {
    const std::span<const Word* const> args(view.args);
    Options options = parse_options(args, spec.value_short, spec.value_long_views, spec.stop_at_operand);
    std::span<const Word* const> operands(options.operands);
    if (!spec.operands.empty()) {
      std::size_t next = 0;
      std::size_t after = 0; // index in args just past the last leading operand
      for (const OperandPattern& pattern : spec.operands) {
        if (next < options.operands.size() && any_glob(pattern.alternatives, options.operands[next]->text)) {
          after = options.operand_indices[next] + 1;
          ++next;
        } else if (!pattern.optional) {
          return std::nullopt;
        }
      }
      operands = operands.subspan(next);
      if (spec.options_after_operands) {
        options = parse_options(args.subspan(after), spec.value_short, spec.value_long_views, spec.stop_after_operands);
        operands = std::span<const Word* const>(options.operands);
      }
    }
    for (const FlagSet& set : spec.flags) {
      if (!set.any_in(options)) {
        return std::nullopt;
      }
    }
    if (spec.not_flags.any_in(options)) {
      return std::nullopt;
    }
    if (!spec.operand_any.empty()) {
      bool found = false;
      for (const Word* operand : operands) {
        found = found || any_glob(spec.operand_any, operand->text);
      }
      if (!found) {
        return std::nullopt;
      }
    }
    if (!spec.targets.empty() && !check_targets(spec, view, options, operands)) {
      return std::nullopt;
    }
  }
  if (!spec.arg_any.empty() || !spec.arg_contains.empty()) {
    bool found = false;
    for (const Word* arg : view.args) {
      found = found || (!spec.arg_any.empty() && any_glob(spec.arg_any, arg->text, true));
      for (const std::string& part : spec.arg_contains) {
        found = found || arg->text.find(part) != std::string::npos;
      }
    }
    if (!found) {
      return std::nullopt;
    }
  }
  Span span = view.span;
  if (!spec.writes_to.empty() || !spec.write_paths.empty()) {
    const std::optional<Span> written = check_writes(spec, view);
    if (!written) {
      return std::nullopt;
    }
    span = *written;
  }
  if (!spec.upstream.empty() || spec.upstream_predicate != nullptr) {
    const std::optional<Span> fed = check_upstream(spec, view);
    if (!fed) {
      return std::nullopt;
    }
    span = *fed;
  }
  if (spec.predicate != nullptr) {
    const std::optional<Span> found = spec.predicate(view);
    if (!found) {
      return std::nullopt;
    }
    span = *found;
  }
  return span;
}

std::optional<Span> MatcherRef::operator()(const CommandView& view) const
{
  if (m_alternatives == nullptr) {
    return std::nullopt;
  }
  for (const MatcherSpec& spec : *m_alternatives) {
    if (std::optional<Span> span = evaluate(spec, view)) {
      return span;
    }
  }
  return std::nullopt;
}

} // namespace caro::safety
