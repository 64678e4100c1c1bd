// Rule-file TOML to SourceDocument. Only shapes are recorded here (string,
// boolean, array of strings, array of arrays of strings, anything else); what
// the keys mean is the compiler's business, so the generator and the run-time
// loader report the same errors. Also compiled into the build-time generator,
// hence no dependency beyond toml++. toml++ is used with or without
// exceptions.

#include "caro/safety/rule_source.h"

#include <toml++/toml.h>

#include <optional>

namespace caro::safety {

namespace {

std::uint32_t line_of(const toml::node& node)
{
  return static_cast<std::uint32_t>(node.source().begin.line);
}

// nullopt when some item is not a string.
std::optional<std::vector<std::string_view>> strings(const toml::array& array, SourceStorage& storage)
{
  std::vector<std::string_view> items;
  items.reserve(array.size());
  for (const toml::node& item : array) {
    const auto* value = item.as_string();
    if (value == nullptr) {
      return std::nullopt;
    }
    items.push_back(storage.keep(value->get()));
  }
  return items;
}

SourceValue read_value(std::string_view key, const toml::node& node, SourceStorage& storage)
{
  SourceValue value;
  value.key = storage.keep(key);
  value.line = line_of(node);
  if (const auto* text = node.as_string()) {
    value.type = SourceValue::Type::string;
    value.text = storage.keep(text->get());
  } else if (const auto* flag = node.as_boolean()) {
    value.type = SourceValue::Type::boolean;
    value.flag = flag->get();
  } else if (const auto* array = node.as_array()) {
    if (array->empty() || !array->front().is_array()) {
      if (auto items = strings(*array, storage)) {
        value.type = SourceValue::Type::strings;
        value.items = storage.keep(std::move(*items));
      }
    } else {
      std::vector<std::span<const std::string_view>> lists;
      bool ok = true;
      for (const toml::node& item : *array) {
        const auto* inner = item.as_array();
        std::optional<std::vector<std::string_view>> items = inner == nullptr ? std::nullopt : strings(*inner, storage);
        if (!items) {
          ok = false;
          break;
        }
        lists.push_back(storage.keep(std::move(*items)));
      }
      if (ok) {
        value.type = SourceValue::Type::string_lists;
        value.lists = storage.keep(std::move(lists));
      }
    }
  }
  return value;
}

SourceTable read_table(const toml::table& table, SourceStorage& storage)
{
  std::vector<SourceValue> values;
  for (const auto& [key, node] : table) {
    values.push_back(read_value(key.str(), node, storage));
  }
  return SourceTable{storage.keep(std::move(values)), line_of(table)};
}

SourceRule read_rule(const toml::node& node, SourceStorage& storage)
{
  SourceRule rule;
  rule.line = line_of(node);
  const toml::table* table = node.as_table();
  if (table == nullptr) {
    rule.is_table = false;
    return rule;
  }
  std::vector<SourceValue> values;
  for (const auto& [key, value] : *table) {
    if (key.str() != "when") {
      values.push_back(read_value(key.str(), value, storage));
      continue;
    }
    rule.when_line = line_of(value);
    std::vector<SourceTable> when;
    if (const toml::table* single = value.as_table()) {
      rule.when_kind = SourceRule::When::table;
      when.push_back(read_table(*single, storage));
    } else if (const toml::array* several = value.as_array()) {
      rule.when_kind = SourceRule::When::array;
      for (const toml::node& item : *several) {
        if (const toml::table* alternative = item.as_table()) {
          when.push_back(read_table(*alternative, storage));
        } else {
          rule.when_kind = SourceRule::When::invalid;
        }
      }
    } else {
      rule.when_kind = SourceRule::When::invalid;
    }
    rule.when = storage.keep(std::move(when));
  }
  rule.values = storage.keep(std::move(values));
  return rule;
}

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

bool read_rule_source(std::string_view text, std::string_view path, SourceStorage& storage, SourceDocument& document,
                      std::string& error)
{
  const std::optional<toml::table> parsed = parse_table(text, path, error);
  if (!parsed) {
    return false;
  }
  document = SourceDocument{};
  const toml::array* rules = (*parsed)["rule"].as_array();
  if (rules == nullptr) {
    return true;
  }
  document.has_rules = true;
  std::vector<SourceRule> out;
  out.reserve(rules->size());
  for (const toml::node& node : *rules) {
    out.push_back(read_rule(node, storage));
  }
  document.rules = storage.keep(std::move(out));
  return true;
}

} // namespace caro::safety
