// Reads the rule file (TOML) into Rules with compiled matchers. Strict on
// purpose: an unknown key, a wrong type, an unknown risk, target class or
// predicate is an error naming the line, so a typo cannot silently turn a
// condition off. toml++ is used with or without exceptions.

#include "caro/safety/rule_matcher.h"
#include "caro/safety/rule_predicates.h"
#include "caro/safety/rules.h"

#include <toml++/toml.h>

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

// Collects the first error; every step after it is skipped by the caller.
class Reader
{
public:
  explicit Reader(std::string_view path) : m_path(path) {}

  bool failed() const { return m_error.has_value(); }
  const std::string& error() const { return *m_error; }

  void fail(const toml::node& node, std::string_view rule_id, std::string_view what)
  {
    if (m_error) {
      return;
    }
    std::string text = m_path + ":" + std::to_string(node.source().begin.line) + ": ";
    if (!rule_id.empty()) {
      text += "rule '" + std::string(rule_id) + "': ";
    }
    m_error = text + std::string(what);
  }

  std::string string(const toml::table& table, std::string_view key, std::string_view rule_id, bool required)
  {
    const toml::node* node = table.get(key);
    if (node == nullptr) {
      if (required) {
        fail(table, rule_id, "missing '" + std::string(key) + "'");
      }
      return {};
    }
    if (const auto* value = node->as_string()) {
      return value->get();
    }
    fail(*node, rule_id, cat({"\'", key, "' must be a string"}));
    return {};
  }

  bool boolean(const toml::table& table, std::string_view key, std::string_view rule_id)
  {
    const toml::node* node = table.get(key);
    if (node == nullptr) {
      return false;
    }
    if (const auto* value = node->as_boolean()) {
      return value->get();
    }
    fail(*node, rule_id, cat({"\'", key, "' must be true or false"}));
    return false;
  }

  std::vector<std::string> strings(const toml::node& node, std::string_view key, std::string_view rule_id)
  {
    std::vector<std::string> out;
    const auto* array = node.as_array();
    if (array == nullptr) {
      fail(node, rule_id, cat({"\'", key, "' must be an array of strings"}));
      return out;
    }
    for (const toml::node& item : *array) {
      if (const auto* value = item.as_string()) {
        out.push_back(value->get());
      } else {
        fail(item, rule_id, cat({"\'", key, "' must hold only strings"}));
      }
    }
    return out;
  }

  std::vector<std::string> strings(const toml::table& table, std::string_view key, std::string_view rule_id)
  {
    const toml::node* node = table.get(key);
    return node == nullptr ? std::vector<std::string>{} : strings(*node, key, rule_id);
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

NamedPredicate predicate(Reader& reader, const toml::table& table, std::string_view key, std::string_view rule_id)
{
  const std::string name = reader.string(table, key, rule_id, false);
  if (name.empty()) {
    return nullptr;
  }
  const NamedPredicate found = find_predicate(name);
  if (found == nullptr) {
    reader.fail(table, rule_id, "unknown predicate '" + name + "'");
  }
  return found;
}

// Compiles one matcher table and appends its description ("command rm; ...").
MatcherSpec compile(Reader& reader, const toml::table& table, std::string_view rule_id, std::string& text)
{
  MatcherSpec spec;
  std::vector<std::string> parts;
  for (const auto& [key, node] : table) {
    if (std::find(k_matcher_keys.begin(), k_matcher_keys.end(), key.str()) == k_matcher_keys.end()) {
      reader.fail(node, rule_id, "unknown matcher key '" + std::string(key.str()) + "'");
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
      reader.fail(table, rule_id, "value flag '" + flag + "' is not -x or --name");
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
  if (const toml::node* flags = table.get("flags")) {
    const auto* array = flags->as_array();
    const bool nested = array != nullptr && !array->empty() && array->front().is_array();
    std::vector<std::string> described;
    if (array == nullptr) {
      reader.fail(*flags, rule_id, "'flags' must be an array");
    } else if (nested) {
      for (const toml::node& item : *array) {
        FlagSet set;
        const std::vector<std::string> names = reader.strings(item, "flags", rule_id);
        for (const std::string& flag : names) {
          if (!add_flag(set, flag)) {
            reader.fail(item, rule_id, "flag '" + flag + "' is not -x or --name");
          }
        }
        spec.flags.push_back(std::move(set));
        described.push_back(join(names, "|"));
      }
    } else {
      FlagSet set;
      const std::vector<std::string> names = reader.strings(*flags, "flags", rule_id);
      for (const std::string& flag : names) {
        if (!add_flag(set, flag)) {
          reader.fail(*flags, rule_id, "flag '" + flag + "' is not -x or --name");
        }
      }
      spec.flags.push_back(std::move(set));
      described.push_back(join(names, "|"));
    }
    parts.push_back("flags " + join(described, " and "));
  }
  const std::vector<std::string> not_flags = reader.strings(table, "not_flags", rule_id);
  for (const std::string& flag : not_flags) {
    if (!add_flag(spec.not_flags, flag)) {
      reader.fail(table, rule_id, "flag '" + flag + "' is not -x or --name");
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
      reader.fail(table, rule_id, "unknown target class '" + name + "'");
    }
  }
  spec.any_target = reader.boolean(table, "any_target", rule_id);
  const std::string target_operands = reader.string(table, "target_operands", rule_id, false);
  if (!target_operands.empty()) {
    if (const auto parsed = parse_target_operands(target_operands)) {
      spec.target_operands = *parsed;
    } else {
      reader.fail(table, rule_id, "unknown target_operands '" + target_operands + "'");
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
      reader.fail(table, rule_id, "unknown writes_to '" + name + "'");
    }
  }
  spec.write_paths = reader.strings(table, "write_paths", rule_id);
  std::vector<std::string> write_parts = writes;
  write_parts.insert(write_parts.end(), spec.write_paths.begin(), spec.write_paths.end());
  if (!write_parts.empty()) {
    parts.push_back("writes to " + join(write_parts, "|"));
  }
  spec.upstream = reader.strings(table, "upstream", rule_id);
  spec.upstream_predicate = predicate(reader, table, "upstream_predicate", rule_id);
  if (!spec.upstream.empty() || spec.upstream_predicate != nullptr) {
    std::vector<std::string> feeders = spec.upstream;
    if (spec.upstream_predicate != nullptr) {
      feeders.push_back(reader.string(table, "upstream_predicate", rule_id, false));
    }
    parts.push_back("runs stdin from " + join(feeders, "|"));
  }
  spec.predicate = predicate(reader, table, "predicate", rule_id);
  if (spec.predicate != nullptr) {
    parts.push_back("predicate " + reader.string(table, "predicate", rule_id, false));
  }
  if (parts.empty()) {
    reader.fail(table, rule_id, "a matcher needs at least one condition");
  }
  if (!text.empty()) {
    text += " OR ";
  }
  text += join(parts, "; ");
  return spec;
}

constexpr std::array<std::string_view, 11> k_rule_keys = {
    "id", "category", "group", "risk", "message", "alternative", "match", "not_match", "when", "raised_by", "note"};

std::optional<toml::table> parse_table(std::string_view text, std::string_view path, std::string& error)
{
#if TOML_EXCEPTIONS
  try {
    return toml::parse(text, path);
  } catch (const toml::parse_error& failure) {
    error = std::string(path) + ":" + std::to_string(failure.source().begin.line) + ": " +
            std::string(failure.description());
    return std::nullopt;
  }
#else
  toml::parse_result result = toml::parse(text, path);
  if (!result) {
    error = std::string(path) + ":" + std::to_string(result.error().source().begin.line) + ": " +
            std::string(result.error().description());
    return std::nullopt;
  }
  return std::move(result).table();
#endif
}

} // namespace

RuleSet::RuleSet() = default;
RuleSet::~RuleSet() = default;
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;

Expected<RuleSet> load_rules(std::string_view text, std::string_view path)
{
  std::string parse_error;
  const std::optional<toml::table> document = parse_table(text, path, parse_error);
  if (!document) {
    return unexpected(parse_error, "fix the rule file");
  }
  Reader reader(path);
  RuleSet set;
  const toml::array* rules = (*document)["rule"].as_array();
  if (rules == nullptr) {
    return unexpected(std::string(path) + ": no [[rule]] tables", "fix the rule file");
  }
  std::set<std::string, std::less<>> ids;
  for (const toml::node& node : *rules) {
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      reader.fail(node, "", "a rule must be a table");
      break;
    }
    Rule rule;
    rule.id = reader.string(*table, "id", "", true);
    for (const auto& [key, value] : *table) {
      if (std::find(k_rule_keys.begin(), k_rule_keys.end(), key.str()) == k_rule_keys.end()) {
        reader.fail(value, rule.id, "unknown key '" + std::string(key.str()) + "'");
      }
    }
    if (!rule.id.empty() && !ids.insert(rule.id).second) {
      reader.fail(*table, rule.id, "duplicate id");
    }
    rule.category = reader.string(*table, "category", rule.id, true);
    rule.group = reader.string(*table, "group", rule.id, true);
    const std::string risk = reader.string(*table, "risk", rule.id, true);
    if (const auto parsed = parse_risk(risk)) {
      rule.risk = *parsed;
    } else if (!reader.failed()) {
      reader.fail(*table, rule.id, "unknown risk '" + risk + "' (safe, moderate, high or critical)");
    }
    rule.message = reader.string(*table, "message", rule.id, true);
    rule.alternative = reader.string(*table, "alternative", rule.id, false);
    rule.match_examples = reader.strings(*table, "match", rule.id);
    rule.not_match_examples = reader.strings(*table, "not_match", rule.id);
    const std::string raised_by = reader.string(*table, "raised_by", rule.id, false);
    const toml::node* when = table->get("when");
    if (!raised_by.empty() && raised_by != "validator") {
      reader.fail(*table, rule.id, "raised_by may only be \"validator\"");
    }
    if ((when == nullptr) == raised_by.empty()) {
      reader.fail(*table, rule.id, "a rule needs exactly one of [rule.when] and raised_by = \"validator\"");
    }
    if (when != nullptr) {
      auto alternatives = std::make_unique<std::vector<MatcherSpec>>();
      if (const toml::table* single = when->as_table()) {
        alternatives->push_back(compile(reader, *single, rule.id, rule.matcher_text));
      } else if (const toml::array* several = when->as_array()) {
        for (const toml::node& item : *several) {
          if (const toml::table* alternative = item.as_table()) {
            alternatives->push_back(compile(reader, *alternative, rule.id, rule.matcher_text));
          } else {
            reader.fail(item, rule.id, "each [[rule.when]] must be a table");
          }
        }
      } else {
        reader.fail(*when, rule.id, "'when' must be a table or an array of tables");
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
