// The find builder; see find_builder.h. Notes on semantics it relies on:
// - `-size +NM` is "more than N MiB" (find rounds up to whole units, so "+"
//   stays exact), but `-size -NM` would mean "at most N-1 MiB", so every
//   "less than"/"at most"/"at least" bound is written in bytes (`c`).
// - BusyBox find only knows the c/w/b/k suffixes, so M and G become k there.
// - `-mtime -N` is "modified less than N*24 hours ago"; `-mtime +N` is "more
//   than N whole days ago" (the conventional reading of "older than N days").

#include "caro/backends/static/find_builder.h"

#include <cmath>
#include <string>

namespace caro::backends::static_matcher {
namespace {

std::string location_label(const std::string& root)
{
  if (root == ".") {
    return "the current directory";
  }
  if (root == "~") {
    return "your home directory";
  }
  return root;
}

std::string entry_label(const FindSpec& spec)
{
  std::string label = spec.empty ? "empty " : "";
  switch (spec.entry) {
  case FindSpec::Entry::file:
    return label + "regular files";
  case FindSpec::Entry::dir:
    return label + "directories";
  case FindSpec::Entry::symlink:
    return label + "symbolic links";
  case FindSpec::Entry::broken_symlink:
    return label + "broken symbolic links";
  case FindSpec::Entry::any:
    break;
  }
  return label + "files and directories";
}

std::string join_or(const std::vector<std::string>& items)
{
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      out += i + 1 == items.size() ? " or " : ", ";
    }
    out += items[i];
  }
  return out;
}

// The -path pattern that leaves out everything below `target`.
std::string exclusion_pattern(const std::string& root, const std::string& target)
{
  if (target.find('/') == std::string::npos) {
    return "*/" + target + "/*";
  }
  if (root == ".") {
    return "./" + target + "/*";
  }
  if (target.starts_with(root + "/")) {
    return target + "/*";
  }
  return root + "/" + target + "/*";
}

std::optional<std::string> time_test(const TimeSpec& time, const Dialect& dialect)
{
  const std::string days = time.access ? "-atime" : "-mtime";
  const std::string minutes = time.access ? "-amin" : "-mmin";
  if (time.access && dialect.busybox()) {
    return std::nullopt;
  }
  switch (time.kind) {
  case TimeSpec::Kind::within:
    if (time.amount < 1) {
      return std::nullopt;
    }
    return (time.in_minutes ? minutes : days) + " -" + std::to_string(time.amount);
  case TimeSpec::Kind::older: {
    const std::int64_t amount = time.inclusive ? time.amount - 1 : time.amount;
    if (amount < 0) {
      return std::nullopt;
    }
    return (time.in_minutes ? minutes : days) + " +" + std::to_string(amount);
  }
  case TimeSpec::Kind::today:
    return days + " 0";
  case TimeSpec::Kind::yesterday:
    // Calendar yesterday needs -daystart, which only GNU find has.
    if (!dialect.gnu()) {
      return std::nullopt;
    }
    return "-daystart " + days + " 1";
  case TimeSpec::Kind::days_ago:
    return days + " " + std::to_string(time.amount);
  case TimeSpec::Kind::newer_than_file:
    if (time.access) {
      return std::nullopt;
    }
    return "-newer " + dialect.path(time.reference);
  }
  return std::nullopt;
}

} // namespace

std::optional<std::string> size_test(const SizeBound& bound, const Dialect& dialect)
{
  const bool whole = bound.amount == std::floor(bound.amount) && bound.amount >= 0;
  switch (bound.kind) {
  case SizeBound::Kind::greater:
    if (whole && bound.unit != 'c') {
      auto amount = static_cast<std::int64_t>(bound.amount);
      char unit = bound.unit;
      if (dialect.busybox() && unit != 'k') {
        amount = bound.bytes / 1024;
        unit = 'k';
      }
      return "-size +" + std::to_string(amount) + unit;
    }
    return "-size +" + std::to_string(bound.bytes) + "c";
  case SizeBound::Kind::at_least:
    if (bound.bytes < 1) {
      return std::nullopt;
    }
    return "-size +" + std::to_string(bound.bytes - 1) + "c";
  case SizeBound::Kind::less:
    if (bound.bytes < 1) {
      return std::nullopt;
    }
    return "-size -" + std::to_string(bound.bytes) + "c";
  case SizeBound::Kind::at_most:
    return "-size -" + std::to_string(bound.bytes + 1) + "c";
  }
  return std::nullopt;
}

std::optional<FindCommand> build_find(const FindSpec& spec, const Dialect& dialect)
{
  std::string command = "find " + dialect.path(spec.root);
  std::string description = entry_label(spec) + " under " + location_label(spec.root);

  if (spec.max_depth_one) {
    command += " -maxdepth 1";
    description += " (not descending into subdirectories)";
  }
  if (spec.min_depth_one) {
    command += " -mindepth 1";
  }
  switch (spec.entry) {
  case FindSpec::Entry::file:
    command += " -type f";
    break;
  case FindSpec::Entry::dir:
    command += " -type d";
    break;
  case FindSpec::Entry::symlink:
    command += " -type l";
    break;
  case FindSpec::Entry::broken_symlink:
    if (!dialect.gnu()) {
      return std::nullopt;
    }
    command += " -xtype l";
    break;
  case FindSpec::Entry::any:
    break;
  }
  if (spec.empty) {
    command += " -empty";
  }

  const std::string name_test = spec.case_insensitive ? "-iname" : "-name";
  const std::string negation = dialect.busybox() ? "!" : "-not";
  if (!spec.extensions.empty()) {
    std::vector<std::string> globs;
    for (const auto& ext : spec.extensions) {
      globs.push_back("*." + ext);
    }
    std::string tests;
    if (globs.size() == 1) {
      tests = name_test + " " + dialect.pattern(globs.front());
    } else {
      tests = "\\(";
      for (std::size_t i = 0; i < globs.size(); ++i) {
        tests += (i == 0 ? " " : " -o ") + name_test + " " + dialect.pattern(globs[i]);
      }
      tests += " \\)";
    }
    command += " " + (spec.extensions_negated ? negation + " " : std::string()) + tests;
    description += (spec.extensions_negated ? " not named " : " named ") + join_or(globs);
  }
  if (spec.name) {
    command += " " + (spec.name->negated ? negation + " " : std::string()) + name_test + " " +
               dialect.pattern(spec.name->pattern);
    description += (spec.name->negated ? " not named " : " named ") + spec.name->pattern;
  }
  if (spec.case_insensitive) {
    description += " (ignoring case)";
  }
  for (const auto* bound : {&spec.size_min, &spec.size_max}) {
    if (!*bound) {
      continue;
    }
    auto test = size_test(**bound, dialect);
    if (!test) {
      return std::nullopt;
    }
    command += " " + *test;
    switch ((*bound)->kind) {
    case SizeBound::Kind::greater:
      description += " larger than " + (*bound)->text;
      break;
    case SizeBound::Kind::at_least:
      description += " of at least " + (*bound)->text;
      break;
    case SizeBound::Kind::less:
      description += " smaller than " + (*bound)->text;
      break;
    case SizeBound::Kind::at_most:
      description += " of at most " + (*bound)->text;
      break;
    }
  }
  if (spec.time) {
    auto test = time_test(*spec.time, dialect);
    if (!test) {
      return std::nullopt;
    }
    command += " " + *test;
    description += (spec.time->access ? " accessed " : " modified ") + spec.time->text;
  }
  if (spec.owner) {
    command += (spec.owner->group ? " -group " : " -user ") + dialect.quote(spec.owner->name);
    description += (spec.owner->group ? " owned by the group " : " owned by ") + spec.owner->name;
  }
  for (const auto& target : spec.exclusions) {
    command += " " + negation + " -path " + dialect.pattern(exclusion_pattern(spec.root, target));
    if (spec.entry != FindSpec::Entry::file && target.find('/') == std::string::npos) {
      command += " " + negation + " -name " + dialect.pattern(target);
    }
  }
  if (!spec.exclusions.empty()) {
    description += ", skipping " + join_or(spec.exclusions);
  }
  return FindCommand{std::move(command), std::move(description)};
}

} // namespace caro::backends::static_matcher
