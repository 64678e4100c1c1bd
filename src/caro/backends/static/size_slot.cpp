// Size phrases: a comparison ("larger than", "over", "under", "at least",
// "between A and B", "N MB or more") and an amount with a unit. A number
// without a unit is not a size: "more than 3" could mean anything.

#include "caro/backends/static/slot_extraction.h"

#include <cmath>
#include <cstdint>
#include <string>

namespace caro::backends::static_matcher {
namespace {

struct SizeUnit
{
  char unit;
  std::int64_t bytes;
  std::string_view suffix; // for explanations
};

std::optional<SizeUnit> size_unit(const Analysis& analysis, std::size_t i)
{
  if (i >= analysis.size() || analysis.used(i) || analysis.at(i).kind != TokenKind::word) {
    return std::nullopt;
  }
  const std::string& w = analysis.at(i).text;
  if (w == "b" || w == "byte" || w == "bytes") {
    return SizeUnit{'c', 1, "B"};
  }
  if (w == "k" || w == "kb" || w == "kib" || w == "kilobyte" || w == "kilobytes" || w == "kilo" || w == "kilos") {
    return SizeUnit{'k', 1024, "KB"};
  }
  if (w == "m" || w == "mb" || w == "mib" || w == "meg" || w == "megs" || w == "megabyte" || w == "megabytes") {
    return SizeUnit{'M', std::int64_t{1024} * 1024, "MB"};
  }
  if (w == "g" || w == "gb" || w == "gib" || w == "gig" || w == "gigs" || w == "gigabyte" || w == "gigabytes") {
    return SizeUnit{'G', 1024LL * 1024 * 1024, "GB"};
  }
  return std::nullopt;
}

// "N UNIT" at i (also "a gig", "one megabyte").
std::optional<SizeBound> amount_at(const Analysis& analysis, std::size_t i)
{
  double amount = 0;
  if (analysis.is_number(i)) {
    amount = analysis.at(i).value;
  } else if (auto n = integer_at(analysis, i)) {
    amount = static_cast<double>(*n);
  } else {
    return std::nullopt;
  }
  const auto unit = size_unit(analysis, i + 1);
  if (!unit) {
    return std::nullopt;
  }
  SizeBound bound;
  bound.amount = amount;
  bound.unit = unit->unit;
  bound.bytes = static_cast<std::int64_t>(std::llround(amount * static_cast<double>(unit->bytes)));
  std::string number = analysis.is_number(i) ? analysis.at(i).text : std::to_string(static_cast<long long>(amount));
  bound.text = number + std::string(unit->suffix);
  return bound;
}

enum class Comparison { none, greater, at_least, less, at_most };

// The comparison words at i and how many tokens they take.
Comparison comparison_at(const Analysis& analysis, std::size_t i, std::size_t& taken)
{
  taken = 2;
  if (analysis.phrase_at(i, {"at", "least"}) || analysis.phrase_at(i, {"no", "smaller", "than"}) ||
      analysis.phrase_at(i, {"no", "less", "than"})) {
    taken = analysis.is(i, "at") ? 2 : 3;
    return Comparison::at_least;
  }
  if (analysis.phrase_at(i, {"at", "most"}) || analysis.phrase_at(i, {"up", "to"}) ||
      analysis.phrase_at(i, {"no", "bigger", "than"}) || analysis.phrase_at(i, {"no", "larger", "than"}) ||
      analysis.phrase_at(i, {"no", "more", "than"})) {
    taken = analysis.is(i, "no") ? 3 : 2;
    return Comparison::at_most;
  }
  if (analysis.is_any(i, {"larger", "bigger", "greater", "more", "heavier"}) &&
      analysis.is_any(i + 1, {"than", "then"})) {
    return Comparison::greater;
  }
  if (analysis.is_any(i, {"smaller", "less", "lower", "lighter", "fewer"}) &&
      analysis.is_any(i + 1, {"than", "then"})) {
    return Comparison::less;
  }
  taken = 1;
  if (analysis.is_any(i, {"over", "above", "exceeding", "exceeds", "beyond", ">"})) {
    return Comparison::greater;
  }
  if (analysis.is_any(i, {"under", "below", "<"})) {
    return Comparison::less;
  }
  taken = 0;
  return Comparison::none;
}

void store(Slots& slots, Comparison comparison, SizeBound bound)
{
  switch (comparison) {
  case Comparison::greater:
    bound.kind = SizeBound::Kind::greater;
    break;
  case Comparison::at_least:
    bound.kind = SizeBound::Kind::at_least;
    break;
  case Comparison::less:
    bound.kind = SizeBound::Kind::less;
    break;
  case Comparison::at_most:
    bound.kind = SizeBound::Kind::at_most;
    break;
  case Comparison::none:
    return;
  }
  const bool lower = comparison == Comparison::greater || comparison == Comparison::at_least;
  auto& slot = lower ? slots.size_min : slots.size_max;
  if (slot) {
    slots.unsupported.push_back("two sizes in the same direction");
    return;
  }
  slot = std::move(bound);
}

} // namespace

void extract_size(Analysis& analysis, Slots& slots)
{
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    if (analysis.used(i)) {
      continue;
    }
    // "between A [unit] and B unit"
    if (analysis.is(i, "between")) {
      auto low = amount_at(analysis, i + 1);
      std::size_t and_at = i + (low ? 3 : 2);
      if (!low && analysis.is_number(i + 1) && analysis.is(i + 2, "and")) {
        and_at = i + 2;
      }
      if (analysis.is(and_at, "and")) {
        if (auto high = amount_at(analysis, and_at + 1)) {
          if (!low) {
            SizeBound bound;
            bound.amount = analysis.at(i + 1).value;
            bound.unit = high->unit;
            bound.bytes = static_cast<std::int64_t>(
                std::llround(bound.amount * (static_cast<double>(high->bytes) / high->amount)));
            bound.text = analysis.at(i + 1).text + high->text.substr(high->text.find_first_not_of("0123456789."));
            low = bound;
          }
          store(slots, Comparison::greater, *low);
          store(slots, Comparison::less, *high);
          analysis.use_range(i, and_at + 3);
          continue;
        }
      }
    }
    std::size_t taken = 0;
    const Comparison comparison = comparison_at(analysis, i, taken);
    if (comparison != Comparison::none) {
      if (auto bound = amount_at(analysis, i + taken)) {
        analysis.use_range(i, i + taken + 2);
        store(slots, comparison, *bound);
        continue;
      }
    }
    // "N UNIT or more|larger|bigger", "N UNIT or less|smaller", "N UNIT+"
    if (auto bound = amount_at(analysis, i)) {
      if (analysis.is(i + 2, "or") && analysis.is_any(i + 3, {"more", "larger", "bigger", "above", "greater"})) {
        analysis.use_range(i, i + 4);
        store(slots, Comparison::at_least, *bound);
      } else if (analysis.is(i + 2, "or") && analysis.is_any(i + 3, {"less", "smaller", "below", "under"})) {
        analysis.use_range(i, i + 4);
        store(slots, Comparison::at_most, *bound);
      }
    }
  }
}

} // namespace caro::backends::static_matcher
