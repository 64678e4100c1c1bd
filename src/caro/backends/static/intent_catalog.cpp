// Parser for the intent data files. A deliberately small line format (first
// word is the key) so that adding an intent needs no C++ and no schema
// library; malformed lines are collected as errors, which a unit test turns
// into failures, rather than aborting the matcher at run time.

#include "caro/backends/static/intent_catalog.h"

#include "caro/backends/static/slots.h"
#include "caro/util/strings.h"

#include <algorithm>
#include <charconv>

namespace caro::backends::static_matcher {
namespace {

// Joins message parts; appending (rather than chains of operator+) also keeps
// GCC 12's -Wrestrict false positive away.
std::string join(std::initializer_list<std::string_view> parts)
{
  std::string out;
  for (auto part : parts) {
    out.append(part);
  }
  return out;
}

std::pair<std::string_view, std::string_view> split_key(std::string_view line)
{
  const auto space = line.find_first_of(" \t");
  if (space == std::string_view::npos) {
    return {line, {}};
  }
  return {line.substr(0, space), util::trim(line.substr(space + 1))};
}

class Parser
{
public:
  Parser(std::string_view file, IntentCatalog& catalog) : m_file(file), m_catalog(catalog) {}

  void line(std::string_view raw, std::size_t number)
  {
    m_line = number;
    const bool indented = !raw.empty() && (raw.front() == ' ' || raw.front() == '\t');
    const std::string_view text = util::trim(raw);
    if (text.empty() || text.front() == '#') {
      return;
    }
    const auto [key, value] = split_key(text);
    if (indented) {
      expectation(key, value);
      return;
    }
    m_example = nullptr;
    if (key == "intent") {
      start_intent(value);
    } else if (key == "category" && (m_intent == nullptr || value.find_first_of(" \t") != std::string_view::npos)) {
      // "category NAME threshold X" declares a category wherever it stands;
      // after an intent it ends that intent (an intent's own category line
      // is one word).
      finish();
      category_line(value);
    } else if (m_intent == nullptr) {
      error(join({"\"", key, "\" before the first intent"}));
    } else {
      intent_line(key, value);
    }
  }

  void finish()
  {
    if (m_intent != nullptr) {
      check_intent();
    }
  }

private:
  std::string where() const { return join({m_file, ":", std::to_string(m_line)}); }
  void error(const std::string& message) { m_catalog.errors.push_back(join({where(), ": ", message})); }

  void category_line(std::string_view value)
  {
    // "category NAME threshold 0.7"
    const auto [name, rest] = split_key(value);
    const auto [word, number] = split_key(rest);
    CategorySpec spec{std::string(name), 0.0};
    if (!word.empty()) {
      double threshold = 0.0;
      const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), threshold);
      if (word != "threshold" || ec != std::errc() || end != number.data() + number.size() || threshold < 0.0 ||
          threshold > 1.0) {
        error("expected \"category NAME threshold 0..1\"");
        return;
      }
      spec.threshold = threshold;
    }
    for (auto& existing : m_catalog.categories) {
      if (existing.name == spec.name) {
        existing.threshold = std::max(existing.threshold, spec.threshold);
        return;
      }
    }
    m_catalog.categories.push_back(std::move(spec));
  }

  void start_intent(std::string_view id)
  {
    finish();
    if (id.empty() || id.find_first_of(" \t") != std::string_view::npos) {
      error("an intent id is one word");
    }
    m_catalog.intents.emplace_back();
    m_intent = &m_catalog.intents.back();
    m_intent->id = std::string(id);
    m_intent->source = where();
  }

  unsigned slot_list(std::string_view value)
  {
    unsigned bits = 0;
    for (const auto& name : util::split_whitespace(value)) {
      const unsigned bit = slot_kind_named(name);
      if (bit == 0) {
        error(join({"unknown slot kind \"", name, "\""}));
      }
      bits |= bit;
    }
    return bits;
  }

  void intent_line(std::string_view key, std::string_view value)
  {
    if (key == "category") {
      m_intent->category = std::string(value);
    } else if (key == "builder") {
      m_intent->builder = std::string(value);
    } else if (key == "requires") {
      m_intent->required_slots |= slot_list(value);
      m_intent->accepted_slots |= m_intent->required_slots;
      m_intent->checks_slots = true;
    } else if (key == "accepts") {
      m_intent->accepted_slots |= slot_list(value);
      m_intent->checks_slots = true;
    } else if (key == "destructive") {
      if (value != "yes" && value != "no") {
        error("expected \"destructive yes\" or \"destructive no\"");
      }
      m_intent->destructive = value == "yes";
    } else if (key == "say") {
      m_intent->phrasings.emplace_back(value);
    } else if (key == "example" || key == "decline") {
      if (value.empty()) {
        error("an example needs a request");
        return;
      }
      m_intent->examples.push_back(IntentExample{std::string(value), {}, key == "decline", where()});
      m_example = key == "example" ? &m_intent->examples.back() : nullptr;
    } else {
      error(join({"unknown key \"", key, "\""}));
    }
  }

  void expectation(std::string_view key, std::string_view value)
  {
    if (m_example == nullptr) {
      error("an indented line belongs under an example");
      return;
    }
    const auto platform = parse_platform(key);
    if (!platform || value.empty()) {
      error("expected \"gnu|bsd|busybox COMMAND\"");
      return;
    }
    m_example->expected.emplace_back(*platform, std::string(value));
  }

  void check_intent()
  {
    IntentSpec& intent = *m_intent;
    const auto fail = [&](const std::string& message) {
      m_catalog.errors.push_back(join({intent.source, ": intent ", intent.id, ": ", message}));
    };
    if (intent.category.empty()) {
      fail("no category");
    }
    if (intent.builder.empty()) {
      fail("no builder");
    }
    if (intent.phrasings.empty() && intent.examples.empty()) {
      fail("no phrasings and no examples");
    }
    for (const auto& example : intent.examples) {
      if (!example.decline && example.expected.empty()) {
        m_catalog.errors.push_back(join({example.source, ": example without any expected command"}));
      }
    }
    m_intent = nullptr;
  }

  std::string_view m_file;
  IntentCatalog& m_catalog;
  IntentSpec* m_intent = nullptr;
  IntentExample* m_example = nullptr;
  std::size_t m_line = 0;
};

} // namespace

const CategorySpec* IntentCatalog::category(std::string_view name) const
{
  for (const auto& spec : categories) {
    if (spec.name == name) {
      return &spec;
    }
  }
  return nullptr;
}

unsigned slot_kind_named(std::string_view name)
{
  static constexpr std::pair<std::string_view, unsigned> k_kinds[] = {
      {"size", slot_size},         {"time", slot_time},           {"type", slot_type},   {"name", slot_name},
      {"location", slot_location}, {"exclusion", slot_exclusion}, {"count", slot_count}, {"port", slot_port},
      {"quoted", slot_quoted},     {"case", slot_case},           {"depth", slot_depth}, {"host", slot_host},
      {"owner", slot_owner},
  };
  for (const auto& [kind_name, bit] : k_kinds) {
    if (kind_name == name) {
      return bit;
    }
  }
  return 0;
}

void parse_intents(std::string_view text, std::string_view file, IntentCatalog& catalog)
{
  // Intents are referred to by pointer while parsing: reserve so that
  // appending within this file never moves them under the parser.
  catalog.intents.reserve(catalog.intents.size() +
                          static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  Parser parser(file, catalog);
  std::size_t number = 0;
  while (!text.empty()) {
    const auto newline = text.find('\n');
    const std::string_view line = text.substr(0, newline);
    parser.line(line, ++number);
    text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
  }
  parser.finish();
}

} // namespace caro::backends::static_matcher
