#pragma once

// The rule file reduced to plain data: rules, their keys and values, and
// their [rule.when] tables, each with its line. Two producers share one
// compiler (load_rules / compile_rules in rules.h): the TOML reader below,
// used by the tests, the docs and the build-time generator, and the C++
// tables that generator writes from safety/data/rules.toml
// (tools/safety_rulegen.cpp), which is what the validator loads: constant
// data, so a fresh process compiles its rules without parsing any TOML.
// This header and rule_source_toml.cpp depend on nothing else in caro, so
// the generator builds from them alone.

#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace caro::safety {

struct SourceValue
{
  enum class Type : std::uint8_t {
    string,
    boolean,
    strings,      // an array of strings
    string_lists, // an array of arrays of strings (flags = [["-r"], ["-f"]])
    other,        // anything else: the compiler reports it as the wrong type
  };

  std::string_view key;
  Type type = Type::other;
  std::string_view text;                                    // string
  bool flag = false;                                        // boolean
  std::span<const std::string_view> items;                  // strings
  std::span<const std::span<const std::string_view>> lists; // string_lists
  std::uint32_t line = 0;
};

struct SourceTable
{
  std::span<const SourceValue> values; // in file order
  std::uint32_t line = 0;
};

struct SourceRule
{
  enum class When : std::uint8_t {
    none,    // no `when` key
    table,   // [rule.when]
    array,   // [[rule.when]]
    invalid, // `when` is neither
  };

  std::span<const SourceValue> values; // every key but `when`, in file order
  When when_kind = When::none;
  std::span<const SourceTable> when;
  std::uint32_t when_line = 0;
  std::uint32_t line = 0;
  bool is_table = true; // false: the [[rule]] entry was not a table
};

struct SourceDocument
{
  bool has_rules = false; // the file has a `rule` array
  std::span<const SourceRule> rules;
};

// Owns what a SourceDocument read from text points at (deques: stable
// addresses while more is added).
class SourceStorage
{
public:
  std::string_view keep(std::string_view text) { return m_strings.emplace_back(text); }
  template<typename T> std::span<const T> keep(std::vector<T> items)
  {
    return std::span<const T>(std::get<std::deque<std::vector<T>>>(m_arrays).emplace_back(std::move(items)));
  }

private:
  std::deque<std::string> m_strings;
  std::tuple<std::deque<std::vector<std::string_view>>, std::deque<std::vector<std::span<const std::string_view>>>,
             std::deque<std::vector<SourceValue>>, std::deque<std::vector<SourceTable>>,
             std::deque<std::vector<SourceRule>>>
      m_arrays;
};

// Reads rule-file TOML. On a TOML syntax error returns false with `error`
// ("path:line: description"); the structure is checked by the compiler.
bool read_rule_source(std::string_view text, std::string_view path, SourceStorage& storage, SourceDocument& document,
                      std::string& error);

// The tables generated from safety/data/rules.toml at build time.
SourceDocument generated_rule_source();

} // namespace caro::safety
