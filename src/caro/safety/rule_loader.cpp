// Compiles the rule data (a SourceDocument: from the TOML at run time, or the
// tables generated from it at build time) into Rules with compiled matchers.
// Strict on purpose: an unknown key, a wrong type, an unknown risk, target
// class or predicate is an error naming the line, so a typo cannot silently
// turn a condition off.

#include "caro/safety/rule_matcher.h"
#include "caro/safety/rule_predicates.h"
#include "caro/safety/rule_source.h"
#include "caro/safety/rules.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <set>
#include <utility>

namespace caro::safety {

namespace {

// Concatenation by append: GCC 12 reports a false -Wrestrict on
// "literal" + std::string chains once inlined.
std::string cat(std::initializer_list<std::string_view> parts)
{
  std::string out;
  for (const std::string_view part : parts) {
    out.append(part);
  }
  return out;
}

using Values = std::span<const SourceValue>;

const SourceValue* find_value(Values values, std::string_view key)
{
  for (const SourceValue& value : values) {
    if (value.key == key) {
      return &value;
    }
  }
  return nullptr;
}

// Collects the first error; every step after it is skipped by the caller.
class Reader
{
public:
  explicit Reader(std::string_view path) : m_path(path) {}

  bool failed() const { return m_error.has_value(); }
  const std::string& error() const { return *m_error; }

  void fail(std::uint32_t line, std::string_view rule_id, std::string_view what)
  {
    if (m_error) {
      return;
    }
    std::string text = m_path + ":" + std::to_string(line) + ": ";
    if (!rule_id.empty()) {
      text += "rule '" + std::string(rule_id) + "': ";
    }
    m_error = text + std::string(what);
  }

  std::string string(Values values, std::uint32_t line, std::string_view key, std::string_view rule_id, bool required)
  {
    const SourceValue* value = find_value(values, key);
    if (value == nullptr) {
      if (required) {
        fail(line, rule_id, "missing '" + std::string(key) + "'");
      }
      return {};
    }
    if (value->type == SourceValue::Type::string) {
      return std::string(value->text);
    }
    fail(value->line, rule_id, cat({"\'", key, "' must be a string"}));
    return {};
  }

  bool boolean(Values values, std::string_view key, std::string_view rule_id)
  {
    const SourceValue* value = find_value(values, key);
    if (value == nullptr) {
      return false;
    }
    if (value->type == SourceValue::Type::boolean) {
      return value->flag;
    }
    fail(value->line, rule_id, cat({"\'", key, "' must be true or false"}));
    return false;
  }

  std::vector<std::string> strings(const SourceValue& value, std::string_view key, std::string_view rule_id)
  {
    if (value.type != SourceValue::Type::strings) {
      fail(value.line, rule_id, cat({"\'", key, "' must be an array of strings"}));
      return {};
    }
    return std::vector<std::string>(value.items.begin(), value.items.end());
  }

  std::vector<std::string> strings(Values values, std::string_view key, std::string_view rule_id)
  {
    const SourceValue* value = find_value(values, key);
    return value == nullptr ? std::vector<std::string>{} : strings(*value, key, rule_id);
  }

private:
  std::string m_path;
  std::optional<std::string> m_error;
};

std::optional<TargetClass> parse_target(std::string_view name)
{
  constexpr std::array<std::pair<std::string_view, TargetClass>, 8> k_classes = {{
      {"plain", TargetClass::plain},
      {"system_path", TargetClass::system_path},
      {"all_files", TargetClass::all_files},
      {"unknown", TargetClass::unknown},
      {"block_device", TargetClass::block_device},
      {"system_dir", TargetClass::system_dir},
      {"home", TargetClass::home},
      {"root", TargetClass::root},
  }};
  for (const auto& [class_name, target_class] : k_classes) {
    if (class_name == name) {
      return target_class;
    }
  }
  return std::nullopt;
}

std::optional<TargetOperands> parse_target_operands(std::string_view name)
{
  if (name == "operands") {
    return TargetOperands::operands;
  }
  if (name == "after_first") {
    return TargetOperands::after_first;
  }
  if (name == "sources") {
    return TargetOperands::sources;
  }
  if (name == "find_paths") {
    return TargetOperands::find_paths;
  }
  if (name == "arguments") {
    return TargetOperands::arguments;
  }
  return std::nullopt;
}

std::optional<WriteKind> parse_write_kind(std::string_view name)
{
  if (name == "authentication") {
    return WriteKind::authentication;
  }
  if (name == "configuration") {
    return WriteKind::configuration;
  }
  if (name == "system") {
    return WriteKind::system;
  }
  if (name == "home") {
    return WriteKind::home;
  }
  if (name == "block_device") {
    return WriteKind::block_device;
  }
  return std::nullopt;
}

// "-r", "--recursive" -> FlagSet; anything else is an error.
bool add_flag(FlagSet& set, std::string_view flag)
{
  if (flag.size() > 2 && flag.starts_with("--")) {
    set.long_names.emplace_back(flag.substr(2));
    return true;
  }
  if (flag.size() == 2 && flag[0] == '-' && flag[1] != '-') {
    set.short_flags.push_back(flag[1]);
    return true;
  }
  return false;
}

constexpr std::array<std::string_view, 20> k_matcher_keys = {"command",
                                                             "value_flags",
                                                             "stop_at_operand",
                                                             "operands",
                                                             "options_after_operands",
                                                             "stop_after_operands",
                                                             "flags",
                                                             "not_flags",
                                                             "targets",
                                                             "target_operands",
                                                             "any_target",
                                                             "operand_any",
                                                             "arg_any",
                                                             "arg_contains",
                                                             "writes_to",
                                                             "write_paths",
                                                             "upstream",
                                                             "upstream_predicate",
                                                             "predicate",
                                                             "note"};

std::string join(const std::vector<std::string>& items, std::string_view separator)
{
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) {
      out += separator;
    }
    out += item;
  }
  return out;
}

NamedPredicate predicate(Reader& reader, const SourceTable& table, std::string_view key, std::string_view rule_id)
{
  const std::string name = reader.string(table.values, table.line, key, rule_id, false);
  if (name.empty()) {
    return nullptr;
  }
  const NamedPredicate found = find_predicate(name);
  if (found == nullptr) {
    reader.fail(table.line, rule_id, "unknown predicate '" + name + "'");
  }
  return found;
}

// Compiles one matcher table and appends its description ("command rm; ...").
MatcherSpec compile(Reader& reader, const SourceTable& source, std::string_view rule_id, std::string& text)
{
  MatcherSpec spec;
  std::vector<std::string> parts;
  const Values table = source.values;
  for (const SourceValue& value : table) {
    if (std::find(k_matcher_keys.begin(), k_matcher_keys.end(), value.key) == k_matcher_keys.end()) {
      reader.fail(value.line, rule_id, "unknown matcher key '" + std::string(value.key) + "'");
    }
  }
  spec.commands = reader.strings(table, "command", rule_id);
  for (const std::string& command : spec.commands) {
    (command.find_first_of("*?") == std::string::npos ? spec.command_names : spec.command_globs).push_back(command);
  }
  std::sort(spec.command_names.begin(), spec.command_names.end());
  for (const std::string& command : spec.commands) {
    if (command.empty() || command.front() == '*' || command.front() == '?') {
      spec.command_first_chars = ~std::uint64_t{0};
    } else {
      spec.command_first_chars |= std::uint64_t{1} << (static_cast<unsigned char>(command.front()) % 64);
    }
  }
  for (const std::string& name : spec.command_names) {
    spec.command_lengths |= std::uint64_t{1} << std::min<std::size_t>(name.size(), 63);
  }
  if (!spec.commands.empty()) {
    parts.push_back("command " + join(spec.commands, "|"));
  }
  const std::vector<std::string> value_flags = reader.strings(table, "value_flags", rule_id);
  for (const std::string& flag : value_flags) {
    FlagSet set;
    if (!add_flag(set, flag)) {
      reader.fail(source.line, rule_id, "value flag '" + flag + "' is not -x or --name");
    }
    spec.value_short += set.short_flags;
    spec.value_long.insert(spec.value_long.end(), set.long_names.begin(), set.long_names.end());
  }
  spec.value_long_views.assign(spec.value_long.begin(), spec.value_long.end());
  spec.stop_at_operand = reader.boolean(table, "stop_at_operand", rule_id);
  for (const std::string& operand : reader.strings(table, "operands", rule_id)) {
    OperandPattern pattern;
    std::string_view alternatives = operand;
    if (alternatives.ends_with('?')) {
      pattern.optional = true;
      alternatives.remove_suffix(1);
    }
    std::size_t start = 0;
    while (start <= alternatives.size()) {
      const std::size_t bar = std::min(alternatives.find('|', start), alternatives.size());
      pattern.alternatives.emplace_back(alternatives.substr(start, bar - start));
      start = bar + 1;
    }
    spec.operands.push_back(std::move(pattern));
  }
  if (!spec.operands.empty()) {
    parts.push_back("operands " + join(reader.strings(table, "operands", rule_id), " "));
  }
  spec.options_after_operands = reader.boolean(table, "options_after_operands", rule_id);
  spec.stop_after_operands = reader.boolean(table, "stop_after_operands", rule_id);
  if (const SourceValue* flags = find_value(table, "flags")) {
    std::vector<std::string> described;
    auto add_set = [&](std::span<const std::string_view> names) {
      FlagSet set;
      for (const std::string_view flag : names) {
        if (!add_flag(set, flag)) {
          reader.fail(flags->line, rule_id, "flag '" + std::string(flag) + "' is not -x or --name");
        }
      }
      spec.flags.push_back(std::move(set));
      described.push_back(join(std::vector<std::string>(names.begin(), names.end()), "|"));
    };
    if (flags->type == SourceValue::Type::string_lists) {
      for (const std::span<const std::string_view> names : flags->lists) {
        add_set(names);
      }
    } else if (flags->type == SourceValue::Type::strings) {
      add_set(flags->items);
    } else {
      reader.fail(flags->line, rule_id, "'flags' must be an array of strings or of arrays of strings");
    }
    parts.push_back("flags " + join(described, " and "));
  }
  const std::vector<std::string> not_flags = reader.strings(table, "not_flags", rule_id);
  for (const std::string& flag : not_flags) {
    if (!add_flag(spec.not_flags, flag)) {
      reader.fail(source.line, rule_id, "flag '" + flag + "' is not -x or --name");
    }
  }
  if (!not_flags.empty()) {
    parts.push_back("without " + join(not_flags, "|"));
  }
  const std::vector<std::string> targets = reader.strings(table, "targets", rule_id);
  for (const std::string& name : targets) {
    if (name == "protected") {
      spec.targets.insert(spec.targets.end(), {TargetClass::root, TargetClass::home, TargetClass::system_dir});
    } else if (const auto target_class = parse_target(name)) {
      spec.targets.push_back(*target_class);
    } else {
      reader.fail(source.line, rule_id, "unknown target class '" + name + "'");
    }
  }
  spec.any_target = reader.boolean(table, "any_target", rule_id);
  const std::string target_operands = reader.string(table, source.line, "target_operands", rule_id, false);
  if (!target_operands.empty()) {
    if (const auto parsed = parse_target_operands(target_operands)) {
      spec.target_operands = *parsed;
    } else {
      reader.fail(source.line, rule_id, "unknown target_operands '" + target_operands + "'");
    }
  }
  if (!targets.empty()) {
    parts.push_back(std::string(spec.any_target ? "any " : "") + "target " + join(targets, "|") +
                    (target_operands.empty() ? "" : " (" + target_operands + ")"));
  }
  spec.operand_any = reader.strings(table, "operand_any", rule_id);
  if (!spec.operand_any.empty()) {
    parts.push_back("an operand " + join(spec.operand_any, "|"));
  }
  spec.arg_any = reader.strings(table, "arg_any", rule_id);
  if (!spec.arg_any.empty()) {
    parts.push_back("an argument " + join(spec.arg_any, "|"));
  }
  spec.arg_contains = reader.strings(table, "arg_contains", rule_id);
  if (!spec.arg_contains.empty()) {
    parts.push_back("an argument containing " + join(spec.arg_contains, " or "));
  }
  const std::vector<std::string> writes = reader.strings(table, "writes_to", rule_id);
  for (const std::string& name : writes) {
    if (const auto kind = parse_write_kind(name)) {
      spec.writes_to.push_back(*kind);
    } else {
      reader.fail(source.line, rule_id, "unknown writes_to '" + name + "'");
    }
  }
  spec.write_paths = reader.strings(table, "write_paths", rule_id);
  std::vector<std::string> write_parts = writes;
  write_parts.insert(write_parts.end(), spec.write_paths.begin(), spec.write_paths.end());
  if (!write_parts.empty()) {
    parts.push_back("writes to " + join(write_parts, "|"));
  }
  spec.upstream = reader.strings(table, "upstream", rule_id);
  spec.upstream_predicate = predicate(reader, source, "upstream_predicate", rule_id);
  if (!spec.upstream.empty() || spec.upstream_predicate != nullptr) {
    std::vector<std::string> feeders = spec.upstream;
    if (spec.upstream_predicate != nullptr) {
      feeders.push_back(reader.string(table, source.line, "upstream_predicate", rule_id, false));
    }
    parts.push_back("runs stdin from " + join(feeders, "|"));
  }
  spec.predicate = predicate(reader, source, "predicate", rule_id);
  if (spec.predicate != nullptr) {
    parts.push_back("predicate " + reader.string(table, source.line, "predicate", rule_id, false));
  }
  if (parts.empty()) {
    reader.fail(source.line, rule_id, "a matcher needs at least one condition");
  }
  if (!text.empty()) {
    text += " OR ";
  }
  text += join(parts, "; ");
  return spec;
}

constexpr std::array<std::string_view, 11> k_rule_keys = {
    "id", "category", "group", "risk", "message", "alternative", "match", "not_match", "when", "raised_by", "note"};

} // namespace

RuleSet::RuleSet() = default;
RuleSet::~RuleSet() = default;
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;

Expected<RuleSet> load_rules(std::string_view text, std::string_view path)
{
  SourceStorage storage;
  SourceDocument document;
  std::string parse_error;
  if (!read_rule_source(text, path, storage, document, parse_error)) {
    return unexpected(parse_error, "fix the rule file");
  }
  return compile_rules(document, path);
}

Expected<RuleSet> compile_rules(const SourceDocument& document, std::string_view path)
{
  Reader reader(path);
  RuleSet set;
  if (!document.has_rules) {
    return unexpected(std::string(path) + ": no [[rule]] tables", "fix the rule file");
  }
  set.m_rules.reserve(document.rules.size());
  std::set<std::string, std::less<>> ids;
  for (const SourceRule& source : document.rules) {
    if (!source.is_table) {
      reader.fail(source.line, "", "a rule must be a table");
      break;
    }
    const Values table = source.values;
    Rule rule;
    rule.id = reader.string(table, source.line, "id", "", true);
    for (const SourceValue& value : table) {
      if (std::find(k_rule_keys.begin(), k_rule_keys.end(), value.key) == k_rule_keys.end()) {
        reader.fail(value.line, rule.id, "unknown key '" + std::string(value.key) + "'");
      }
    }
    if (!rule.id.empty() && !ids.insert(rule.id).second) {
      reader.fail(source.line, rule.id, "duplicate id");
    }
    rule.category = reader.string(table, source.line, "category", rule.id, true);
    rule.group = reader.string(table, source.line, "group", rule.id, true);
    const std::string risk = reader.string(table, source.line, "risk", rule.id, true);
    if (const auto parsed = parse_risk(risk)) {
      rule.risk = *parsed;
    } else if (!reader.failed()) {
      reader.fail(source.line, rule.id, "unknown risk '" + risk + "' (safe, moderate, high or critical)");
    }
    rule.message = reader.string(table, source.line, "message", rule.id, true);
    rule.alternative = reader.string(table, source.line, "alternative", rule.id, false);
    rule.match_examples = reader.strings(table, "match", rule.id);
    rule.not_match_examples = reader.strings(table, "not_match", rule.id);
    const std::string raised_by = reader.string(table, source.line, "raised_by", rule.id, false);
    const bool has_when = source.when_kind != SourceRule::When::none;
    if (!raised_by.empty() && raised_by != "validator") {
      reader.fail(source.line, rule.id, "raised_by may only be \"validator\"");
    }
    if (!has_when == raised_by.empty()) {
      reader.fail(source.line, rule.id, "a rule needs exactly one of [rule.when] and raised_by = \"validator\"");
    }
    if (has_when) {
      if (source.when_kind == SourceRule::When::invalid) {
        reader.fail(source.when_line, rule.id, "'when' must be a table or an array of tables");
      }
      auto alternatives = std::make_unique<std::vector<MatcherSpec>>();
      for (const SourceTable& alternative : source.when) {
        alternatives->push_back(compile(reader, alternative, rule.id, rule.matcher_text));
      }
      rule.matcher = MatcherRef(alternatives.get());
      set.m_matchers.push_back(std::move(alternatives));
    } else {
      rule.matcher_text = "raised by the validator itself";
    }
    if (reader.failed()) {
      break;
    }
    set.m_rules.push_back(std::move(rule));
  }
  if (reader.failed()) {
    return unexpected(reader.error(), "fix the rule file");
  }
  return set;
}

} // namespace caro::safety
