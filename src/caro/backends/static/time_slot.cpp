// Modification-time phrases: "today", "yesterday", "in the last N units",
// "older than N units", "not touched in over a year", "newer than FILE".
// Amounts are kept in minutes for minute/hour units (find -mmin) and in days
// otherwise (find -mtime), so no precision is invented.

#include "caro/backends/static/slot_extraction.h"

#include <string>

namespace caro::backends::static_matcher {
namespace {

struct Unit
{
  bool minutes = false;   // amount counts minutes
  std::int64_t scale = 1; // minutes per unit or days per unit
  std::string_view name;
};

std::optional<Unit> time_unit(const Analysis& analysis, std::size_t i)
{
  if (i >= analysis.size() || analysis.used(i) || analysis.at(i).kind != TokenKind::word) {
    return std::nullopt;
  }
  const std::string& w = analysis.at(i).text;
  if (w == "minute" || w == "minutes" || w == "min" || w == "mins") {
    return Unit{true, 1, "minute"};
  }
  if (w == "hour" || w == "hours" || w == "hr" || w == "hrs" || w == "h") {
    return Unit{true, 60, "hour"};
  }
  if (w == "day" || w == "days" || w == "d") {
    return Unit{false, 1, "day"};
  }
  if (w == "week" || w == "weeks" || w == "wk" || w == "wks" || w == "w") {
    return Unit{false, 7, "week"};
  }
  if (w == "month" || w == "months") {
    return Unit{false, 30, "month"};
  }
  if (w == "year" || w == "years" || w == "yr" || w == "yrs") {
    return Unit{false, 365, "year"};
  }
  return std::nullopt;
}

bool is_time_verb(const Analysis& analysis, std::size_t i)
{
  return analysis.is_any(i,
                         {"modified", "changed", "edited", "updated", "touched", "written", "accessed", "opened",
                          "modification", "mtime", "altered", "change", "edit", "modify", "touch", "update", "edit"});
}

bool is_access_verb(const Analysis& analysis, std::size_t i)
{
  return analysis.is_any(i, {"accessed", "opened"});
}

// Reads "[N] UNIT" at i (N defaults to 1: "the last hour"). Returns the
// number of tokens read.
std::size_t amount_and_unit(const Analysis& analysis, std::size_t i, std::int64_t& amount, Unit& unit,
                            bool number_optional)
{
  if (auto n = integer_at(analysis, i)) {
    if (auto u = time_unit(analysis, i + 1)) {
      amount = *n;
      unit = *u;
      return 2;
    }
    return 0;
  }
  if (number_optional) {
    if (auto u = time_unit(analysis, i)) {
      amount = 1;
      unit = *u;
      return 1;
    }
  }
  return 0;
}

std::string plural(std::int64_t amount, std::string_view unit)
{
  std::string out = std::to_string(amount) + " " + std::string(unit);
  if (amount != 1) {
    out += "s";
  }
  return out;
}

TimeSpec make_span(TimeSpec::Kind kind, std::int64_t amount, const Unit& unit, std::string text)
{
  TimeSpec spec;
  spec.kind = kind;
  spec.in_minutes = unit.minutes;
  spec.amount = amount * unit.scale;
  spec.text = std::move(text);
  return spec;
}

// Marks time verbs (and a "not" before them that the phrase explained) used.
void take_verbs(Analysis& analysis, TimeSpec& spec)
{
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    if (is_time_verb(analysis, i)) {
      spec.access = spec.access || is_access_verb(analysis, i);
      analysis.use(i);
    }
  }
}

std::optional<TimeSpec> match_at(Analysis& analysis, std::size_t i)
{
  std::int64_t amount = 0;
  Unit unit;

  if (analysis.is(i, "today")) {
    analysis.use(i);
    TimeSpec spec;
    spec.kind = TimeSpec::Kind::today;
    spec.text = "today";
    return spec;
  }
  if (analysis.is(i, "yesterday")) {
    analysis.use(i);
    TimeSpec spec;
    spec.kind = TimeSpec::Kind::yesterday;
    spec.text = "yesterday";
    return spec;
  }
  // "(in|within|during|over|from) (the) (last|past|previous) [N] UNIT", "within N UNIT"
  {
    std::size_t j = i;
    bool lead = false;
    if (analysis.is_any(j, {"in", "within", "during", "over", "from", "for"})) {
      ++j;
      lead = true;
    }
    if (analysis.is(j, "the")) {
      ++j;
    }
    const bool recency = analysis.is_any(j, {"last", "past", "previous", "recent"});
    if (recency) {
      ++j;
    }
    if (recency || (lead && analysis.is(i, "within"))) {
      if (const auto read = amount_and_unit(analysis, j, amount, unit, true)) {
        analysis.use_range(i, j + read);
        return make_span(TimeSpec::Kind::within, amount, unit, "in the last " + plural(amount, unit.name));
      }
    }
  }
  // "older than N UNIT", "more than|over N UNIT (old|ago)", "at least N UNIT old"
  {
    std::size_t j = i;
    bool at_least = false;
    bool needs_old = false;
    if (analysis.phrase_at(j, {"older", "than"})) {
      j += 2;
    } else if (analysis.phrase_at(j, {"more", "than"}) || analysis.phrase_at(j, {"over"}) ||
               analysis.phrase_at(j, {"at", "least"})) {
      at_least = analysis.is(j, "at");
      j += analysis.is(j, "over") ? 1 : 2;
      needs_old = true;
    } else {
      j = analysis.size();
    }
    if (j < analysis.size()) {
      if (const auto read = amount_and_unit(analysis, j, amount, unit, false)) {
        const std::size_t end = j + read;
        const bool old_word = analysis.is_any(end, {"old", "ago"});
        if (!needs_old || old_word) {
          analysis.use_range(i, end + (old_word ? 1 : 0));
          if (at_least) {
            auto spec =
                make_span(TimeSpec::Kind::older, amount, unit, "at least " + plural(amount, unit.name) + " ago");
            spec.inclusive = true;
            return spec;
          }
          return make_span(TimeSpec::Kind::older, amount, unit, "more than " + plural(amount, unit.name) + " ago");
        }
      }
    }
  }
  // "modified N days ago" (after the "more than N days ago" forms above had
  // their chance): find's own "exactly N days", -mtime N. Only right after a
  // time verb ("the date 3 days ago" is no file's age), and only in days:
  // "3 hours ago" would pin one minute, "2 weeks ago" one day of the fortnight.
  if (analysis.is(i + 2, "ago") && amount_and_unit(analysis, i, amount, unit, false) == 2 && !unit.minutes &&
      unit.scale == 1) {
    std::size_t start = i;
    if (start > 0 && analysis.is(start - 1, "exactly")) {
      --start;
    }
    if (start == 0 || !is_time_verb(analysis, start - 1)) {
      return std::nullopt;
    }
    analysis.use_range(start, i + 3);
    return make_span(TimeSpec::Kind::days_ago, amount, unit, plural(amount, unit.name) + " ago");
  }
  // "not (been) VERB in (over|more than|the last) N UNIT": untouched for N units.
  if (analysis.is(i, "not")) {
    std::size_t j = i + 1;
    while (analysis.is_any(j, {"been", "be", "being"})) {
      ++j;
    }
    if (is_time_verb(analysis, j)) {
      const std::size_t verb = j;
      ++j;
      if (analysis.is_any(j, {"in", "for", "within"})) {
        ++j;
      }
      if (analysis.phrase_at(j, {"more", "than"}) || analysis.phrase_at(j, {"the", "last"}) ||
          analysis.phrase_at(j, {"the", "past"})) {
        j += 2;
      } else if (analysis.is(j, "over")) {
        ++j;
      }
      if (const auto read = amount_and_unit(analysis, j, amount, unit, true)) {
        // The verb is inside the phrase, so take_verbs will not see it: read
        // "accessed" here.
        const bool access = is_access_verb(analysis, verb);
        analysis.use_range(i, j + read);
        auto spec = make_span(TimeSpec::Kind::older, amount, unit, "more than " + plural(amount, unit.name) + " ago");
        spec.access = access;
        return spec;
      }
    }
  }
  // "newer than FILE", "modified after FILE"
  if ((analysis.phrase_at(i, {"newer", "than"}) || analysis.phrase_at(i, {"more", "recent", "than"})) ||
      (analysis.is(i, "after") && i > 0 && is_time_verb(analysis, i - 1))) {
    const std::size_t words = analysis.is(i, "newer") ? 2 : (analysis.is(i, "after") ? 1 : 3);
    const std::size_t j = i + words;
    if (analysis.is_kind(j, TokenKind::path) || analysis.is_kind(j, TokenKind::quoted)) {
      TimeSpec spec;
      spec.kind = TimeSpec::Kind::newer_than_file;
      spec.reference = analysis.at(j).text;
      spec.text = "more recently than " + spec.reference;
      analysis.use_range(i, j + 1);
      return spec;
    }
  }
  return std::nullopt;
}

} // namespace

void extract_time(Analysis& analysis, Slots& slots)
{
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    if (analysis.used(i)) {
      continue;
    }
    if (auto spec = match_at(analysis, i)) {
      if (slots.time) {
        // Two time constraints (a range) are not modelled yet.
        slots.unsupported.push_back("more than one time constraint");
        return;
      }
      take_verbs(analysis, *spec);
      slots.time = std::move(spec);
    }
  }
}

} // namespace caro::backends::static_matcher
