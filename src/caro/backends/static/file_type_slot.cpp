// File-type phrases: "python files", ".js files", "jpg and png images",
// "shell scripts", "files with the .yaml extension", "not python". A list of
// types joined by and/or becomes one alternation. Ambiguous type words
// ("go", "c", "text") count only when a file noun follows.

#include "caro/backends/static/file_types.h"
#include "caro/backends/static/slot_extraction.h"

#include <string>

namespace caro::backends::static_matcher {
namespace {

bool is_extension_token(const Analysis& analysis, std::size_t i)
{
  if (!analysis.is_kind(i, TokenKind::path)) {
    return false;
  }
  const std::string& text = analysis.at(i).text;
  if (text.size() < 2 || text.front() != '.' || text.size() > 12) {
    return false;
  }
  for (std::size_t k = 1; k < text.size(); ++k) {
    const char c = text[k];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.';
    if (!ok) {
      return false;
    }
  }
  return text[1] != '.';
}

bool is_location_preposition(const Analysis& analysis, std::size_t i)
{
  return analysis.is_any(i, {"in", "under", "inside", "within", "from", "of", "into", "to"});
}

struct Item
{
  std::size_t at;
  bool explicit_extension;
  std::optional<FileType> type;
};

std::optional<Item> item_at(const Analysis& analysis, std::size_t i)
{
  if (is_extension_token(analysis, i)) {
    return Item{i, true, std::nullopt};
  }
  // "the photos folder", "the scripts directory": a type word naming a
  // directory is that directory's name, left for extract_locations.
  if (i < analysis.size() && !analysis.used(i) && analysis.at(i).kind == TokenKind::word &&
      !analysis.is_any(i + 1, {"dir", "subdir"})) {
    if (auto type = lookup_file_type(analysis.at(i).text)) {
      return Item{i, false, type};
    }
  }
  return std::nullopt;
}

void add_extensions(Slots& slots, const Analysis& analysis, const Item& item)
{
  auto add = [&](std::string ext) {
    for (const auto& existing : slots.extensions) {
      if (existing == ext) {
        return;
      }
    }
    slots.extensions.push_back(std::move(ext));
  };
  if (item.explicit_extension) {
    add(analysis.at(item.at).text.substr(1));
    return;
  }
  for (auto ext : item.type->extensions) {
    add(std::string(ext));
  }
  if (slots.type_label.empty()) {
    slots.type_label = std::string(item.type->label);
  }
}

} // namespace

void extract_file_types(Analysis& analysis, Slots& slots)
{
  bool have_run = false;
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    if (!item_at(analysis, i)) {
      continue;
    }
    std::vector<Item> items;
    std::size_t j = i;
    while (auto item = item_at(analysis, j)) {
      items.push_back(*item);
      ++j;
      if (analysis.is_any(j, {"and", "or", ","}) && item_at(analysis, j + 1)) {
        ++j;
        continue;
      }
    }
    // "png image(s)": a trailing "image" after other items is the noun.
    bool noun = j < analysis.size() && !analysis.used(j) && analysis.at(j).kind == TokenKind::word &&
                (is_file_noun(analysis.at(j).text) || analysis.at(j).text == "extension" ||
                 analysis.at(j).text == "extensions");
    if (items.size() > 1 && !items.back().explicit_extension && items.back().type->word == "image") {
      noun = true;
      j = items.back().at;
      items.pop_back();
    }
    const bool after_preposition = i > 0 && is_location_preposition(analysis, i - 1);
    const bool negated = i > 0 && analysis.is_any(i - 1, {"not", "non"});
    bool accepted = noun || negated;
    if (!accepted && !after_preposition) {
      accepted = true;
      for (const auto& item : items) {
        accepted = accepted && (item.explicit_extension || !item.type->needs_noun);
      }
    }
    if (!accepted) {
      i = j;
      continue;
    }
    if (have_run && negated != slots.extensions_negated) {
      slots.unsupported.push_back("both wanted and unwanted file types");
      return;
    }
    have_run = true;
    slots.extensions_negated = negated;
    if (negated) {
      analysis.use(i - 1);
    }
    for (const auto& item : items) {
      add_extensions(slots, analysis, item);
    }
    analysis.use_range(i, j);
    // The noun "file" stays for the intent (it means regular files); the
    // others are part of the type phrase.
    if (noun && !analysis.is(j, "file")) {
      analysis.use(j);
    }
    std::size_t after = j + (noun ? 1 : 0);
    if (analysis.is_any(after, {"extension", "extensions", "ext"})) {
      analysis.use(after);
    }
    if (analysis.is_any(i - 1, {"extension", "extensions"})) {
      analysis.use(i - 1);
    }
    i = j;
  }
}

} // namespace caro::backends::static_matcher
