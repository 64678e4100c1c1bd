// Build-time generator: reads safety/data/rules.toml and writes C++ constant
// tables of the same data (a SourceDocument, see rule_source.h), so that the
// validator compiles its rules without parsing TOML in every process. The
// TOML stays the single source: its examples are still the unit tests and
// docs/safety.md is still generated from it. Only TOML syntax is checked
// here; the rules themselves are checked by the same compiler at run time and
// by the unit tests, which load the TOML too.
//
// Usage: caro_safety_rulegen RULES.toml OUTPUT.cpp

#include "caro/safety/rule_source.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace {

using caro::safety::SourceDocument;
using caro::safety::SourceRule;
using caro::safety::SourceTable;
using caro::safety::SourceValue;

// A C++ string literal; octal escapes never run into the next character.
std::string literal(std::string_view text)
{
  std::string out = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20 || byte >= 0x7f || c == '?') { // '?': no trigraphs
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\%03o", static_cast<unsigned>(byte));
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"sv";
}

class Emitter
{
public:
  std::string document(const SourceDocument& document)
  {
    std::string rules;
    for (const SourceRule& rule : document.rules) {
      rules += "    {" + array("SourceValue", values(rule.values)) + ", SourceRule::When::" + when(rule.when_kind) +
               ", " + tables(rule.when) + ", " + std::to_string(rule.when_line) + ", " + std::to_string(rule.line) +
               ", " + (rule.is_table ? "true" : "false") + "},\n";
    }
    const std::string all = document.rules.empty() ? "{}" : define("SourceRule", rules);
    return m_out.str() + "\n} // namespace\n\nSourceDocument generated_rule_source()\n{\n  return SourceDocument{" +
           (document.has_rules ? "true" : "false") + ", " + all + "};\n}\n";
  }

private:
  std::ostringstream m_out;
  int m_next = 0;

  // Defines a constant array and returns its name.
  std::string define(std::string_view type, const std::string& items)
  {
    std::string name = "k_" + std::to_string(m_next++);
    m_out << "constexpr " << type << " " << name << "[] = {\n" << items << "};\n";
    return name;
  }

  // An array of `type`, or an empty span when there are no items.
  std::string array(std::string_view type, const std::string& items)
  {
    return items.empty() ? "{}" : define(type, items);
  }

  std::string strings(std::span<const std::string_view> items)
  {
    std::string out;
    for (const std::string_view item : items) {
      out += "    " + literal(item) + ",\n";
    }
    return array("std::string_view", out);
  }

  std::string values(std::span<const SourceValue> values)
  {
    std::string out;
    for (const SourceValue& value : values) {
      std::string lists;
      for (const std::span<const std::string_view> list : value.lists) {
        const std::string name = strings(list);
        lists += name == "{}" ? std::string("    std::span<const std::string_view>{},\n")
                              : "    std::span<const std::string_view>(" + name + "),\n";
      }
      out += "    {" + literal(value.key) + ", SourceValue::Type::" + type(value.type) + ", " + literal(value.text) +
             ", " + (value.flag ? "true" : "false") + ", " + strings(value.items) + ", " +
             array("std::span<const std::string_view>", lists) + ", " + std::to_string(value.line) + "},\n";
    }
    return out;
  }

  std::string tables(std::span<const SourceTable> tables)
  {
    std::string out;
    for (const SourceTable& table : tables) {
      out += "    {" + array("SourceValue", values(table.values)) + ", " + std::to_string(table.line) + "},\n";
    }
    return array("SourceTable", out);
  }

  static std::string type(SourceValue::Type type)
  {
    switch (type) {
    case SourceValue::Type::string:
      return "string";
    case SourceValue::Type::boolean:
      return "boolean";
    case SourceValue::Type::strings:
      return "strings";
    case SourceValue::Type::string_lists:
      return "string_lists";
    case SourceValue::Type::other:
      break;
    }
    return "other";
  }

  static std::string when(SourceRule::When when)
  {
    switch (when) {
    case SourceRule::When::none:
      return "none";
    case SourceRule::When::table:
      return "table";
    case SourceRule::When::array:
      return "array";
    case SourceRule::When::invalid:
      break;
    }
    return "invalid";
  }
};

} // namespace

int main(int argc, char** argv)
{
  if (argc != 3) {
    std::cerr << "usage: caro_safety_rulegen RULES.toml OUTPUT.cpp\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "caro_safety_rulegen: cannot read " << argv[1] << "\n";
    return 1;
  }
  std::ostringstream text;
  text << in.rdbuf();
  const std::string source = text.str();
  caro::safety::SourceStorage storage;
  SourceDocument document;
  std::string error;
  if (!caro::safety::read_rule_source(source, argv[1], storage, document, error)) {
    std::cerr << error << "\n";
    return 1;
  }
  Emitter emitter;
  const std::string body = emitter.document(document);
  std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
  out << "// Generated by caro_safety_rulegen from src/caro/safety/data/rules.toml: do not edit.\n"
         "// Constant data only, so nothing runs at static-initialisation time.\n\n"
         "#include \"caro/safety/rule_source.h\"\n\n"
         "namespace caro::safety {\n\nnamespace {\n\nusing namespace std::string_view_literals;\n\n"
      << body << "\n} // namespace caro::safety\n";
  out.close();
  if (!out) {
    std::cerr << "caro_safety_rulegen: cannot write " << argv[2] << "\n";
    return 1;
  }
  return 0;
}
