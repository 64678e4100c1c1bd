// Ownership phrases: "owned by bob", "owned by the user bob", "belonging to
// www-data", "whose owner is root", and "owned by the group staff". The name
// must look like a user or group name; "owned by me" is left alone, since
// the name would have to come from the shell ("$USER").

#include "caro/backends/static/slot_extraction.h"
#include "caro/backends/static/vocabulary.h"

namespace caro::backends::static_matcher {
namespace {

// POSIX portable user names: letters, digits, '.', '_', '-', not starting
// with '-'; 32 characters at most, as useradd allows.
bool valid_account_name(const std::string& name)
{
  return name.size() <= 32 && !name.starts_with('-') && is_plain_name(name);
}

// The length of the phrase that introduces an owner at i, or 0.
std::size_t owner_phrase(const Analysis& analysis, std::size_t i)
{
  for (auto phrase : {std::initializer_list<std::string_view>{"owned", "by"},
                      std::initializer_list<std::string_view>{"belonging", "to"},
                      std::initializer_list<std::string_view>{"belong", "to"},
                      std::initializer_list<std::string_view>{"belongs", "to"},
                      std::initializer_list<std::string_view>{"whose", "owner", "is"},
                      std::initializer_list<std::string_view>{"with", "owner"},
                      std::initializer_list<std::string_view>{"owner", "is"}}) {
    if (analysis.phrase_at(i, phrase)) {
      return phrase.size();
    }
  }
  return 0;
}

} // namespace

void extract_owner(Analysis& analysis, Slots& slots)
{
  if (!analysis.may_contain_any({"owned", "belonging", "belong", "belongs", "owner", "own", "owns"})) {
    return;
  }
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    // Every phrase starts with one of these: one comparison per word first.
    if (!analysis.is_any(i, {"owned", "belonging", "belong", "belongs", "whose", "with", "owner", "user", "group"})) {
      continue;
    }
    // "the files (that) the user alice owns"
    if (analysis.is_any(i, {"user", "group"}) && analysis.is_any(i + 2, {"own", "owns"}) &&
        analysis.is_kind(i + 1, TokenKind::word) && !analysis.used(i + 1) &&
        valid_account_name(analysis.at(i + 1).raw)) {
      if (slots.owner) {
        slots.unsupported.push_back("more than one owner");
        return;
      }
      slots.owner = Owner{analysis.at(i + 1).raw, analysis.is(i, "group")};
      analysis.use_range(i, i + 3);
      continue;
    }
    const std::size_t phrase = owner_phrase(analysis, i);
    if (phrase == 0) {
      continue;
    }
    std::size_t j = i + phrase;
    if (analysis.is(j, "the")) {
      ++j;
    }
    bool group = false;
    if (analysis.is_any(j, {"user", "group"})) {
      group = analysis.is(j, "group");
      ++j;
    }
    if (j >= analysis.size() || analysis.used(j) || analysis.at(j).kind != TokenKind::word ||
        analysis.is_any(j, {"me", "myself", "i", "us", "you", "someone", "nobody", "anyone", "the"})) {
      continue;
    }
    const std::string& name = analysis.at(j).raw;
    if (!valid_account_name(name)) {
      continue;
    }
    if (slots.owner) {
      slots.unsupported.push_back("more than one owner");
      return;
    }
    slots.owner = Owner{name, group};
    analysis.use_range(i, j + 1);
  }
}

} // namespace caro::backends::static_matcher
