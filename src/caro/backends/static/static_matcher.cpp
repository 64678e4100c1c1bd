// The static matcher: tokenise, extract slots, ask the intent index which
// intents the request resembles, run only their builders, and keep the best
// answer only when it explains the whole request. The confidence is the
// builder's own strength, reduced sharply for every word no slot or builder
// explained; a guard word left unexplained (a negation, a destructive verb)
// vetoes the answer outright. The threshold is the configured one, raised per
// category by the data files and again when two readings score alike.

#include "caro/backends/static/static_matcher.h"

#include "caro/backends/static/analysis.h"
#include "caro/backends/static/dialect.h"
#include "caro/backends/static/intent.h"
#include "caro/backends/static/intent_index.h"
#include "caro/backends/static/intent_tables.h"
#include "caro/backends/static/slot_extraction.h"
#include "caro/backends/static/tokens.h"
#include "caro/backends/static/vocabulary.h"
#include "caro/util/strings.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace caro::backends {
namespace static_matcher {

// What every request needs, set up once per process from the generated
// tables: the index (a view, no copy) and each intent's builder resolved
// from its name, so no request looks a builder up by string.
struct Engine
{
  const IntentTables& tables;
  IntentIndex index;
  std::vector<Builder> builders; // per intent; nullptr for an unknown name

  explicit Engine(const IntentTables& compiled) : tables(compiled), index(compiled)
  {
    builders.reserve(tables.intents.size());
    for (const IntentInfo& intent : tables.intents) {
      builders.push_back(find_builder(intent.builder));
    }
  }

  const IntentInfo* intent_named(std::string_view id) const
  {
    for (const auto& intent : tables.intents) {
      if (intent.id == id) {
        return &intent;
      }
    }
    return nullptr;
  }
};

} // namespace static_matcher

namespace {

using namespace static_matcher;

const Engine& compiled_engine()
{
  static const Engine k_engine(compiled_intent_tables());
  return k_engine;
}

// Each unexplained word multiplies confidence by this: one stray word already
// drops a strong match below the default threshold.
constexpr double k_unexplained_penalty = 0.55;

// Builders run only for intents scoring at least this share of the best one.
constexpr double k_relevance_floor = 0.25;

// Requests that delete, kill or wipe are answered only by intents the data
// marks "destructive yes" (and only when their builder explained the word).
bool mentions_destruction(const Analysis& analysis)
{
  return analysis.mentions({"delete", "remove", "rm", "erase", "wipe", "shred", "kill", "truncate", "overwrite",
                            "destroy", "purge", "unlink", "rmdir", "nuke", "clean", "cleanup", "clear"});
}

struct Scored
{
  Match match;
  double confidence = 0.0;
  double relevance = 0.0; // the index score of the intent that chose the builder
  const IntentInfo* intent = nullptr;
};

// An intent with declared slots is a candidate only when the request has
// every slot it requires and none it does not accept.
bool slots_fit(const IntentInfo& intent, unsigned present)
{
  if (!intent.checks_slots) {
    return true;
  }
  return (intent.required_slots & ~present) == 0 && (present & ~intent.accepted_slots) == 0;
}

// Scores one intent's match against what it left unexplained; nullopt when a
// guard word stayed unexplained or the intent ignored a slot.
std::optional<Scored> score(const Analysis& after, Match match, unsigned present, std::string& veto_word)
{
  if ((present & ~match.accepted_slots) != 0) {
    return std::nullopt;
  }
  int unexplained = 0;
  for (std::size_t i : after.unused()) {
    const Token& token = after.at(i);
    if (token.kind == TokenKind::word) {
      if (is_guard(token.text)) {
        veto_word = token.text;
        return std::nullopt;
      }
      if (is_filler(token.text)) {
        continue;
      }
    }
    ++unexplained;
  }
  Scored scored;
  scored.confidence = std::clamp(match.strength * std::pow(k_unexplained_penalty, unexplained), 0.0, 1.0);
  scored.match = std::move(match);
  return scored;
}

double elapsed_ms(std::chrono::steady_clock::time_point start)
{
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

StaticMatcher::StaticMatcher(double min_confidence) : m_min_confidence(min_confidence)
{
}

StaticMatcher::StaticMatcher(double min_confidence, const IntentTables& tables, bool category_thresholds)
    : m_min_confidence(min_confidence), m_category_thresholds(category_thresholds),
      m_engine(std::make_shared<const Engine>(tables))
{
}

Availability StaticMatcher::availability() const
{
  return Availability{true, "built in"};
}

Expected<Generation> StaticMatcher::generate(const GenerationRequest& request)
{
  const auto start = std::chrono::steady_clock::now();
  Generation generation;
  auto finish = [&](std::string reason) {
    generation.declined_reason = std::move(reason);
    generation.timing_ms.emplace_back("static_match", elapsed_ms(start));
    return generation;
  };

  const std::string_view text = util::trim(request.text);
  if (text.empty()) {
    return finish("the request is empty");
  }
  Analysis base(tokenize(text));
  const bool destruction = mentions_destruction(base);
  const Dialect dialect(request.context);
  const Slots slots = extract_slots(base);
  if (!slots.unsupported.empty()) {
    return finish("the request has " + slots.unsupported.front() + ", which the static matcher cannot express");
  }
  const unsigned present = present_slots(slots);

  const Engine& state = m_engine ? *m_engine : compiled_engine();
  // Intents far below the best share only common words with the request:
  // their builders are not worth running.
  const std::vector<IntentHit> hits = state.index.search(base, slots, k_relevance_floor);

  // Each builder runs once, for the best-scoring intent that names it.
  std::vector<Builder> tried;
  std::vector<Scored> scored;
  std::string veto_word;
  for (const IntentHit& hit : hits) {
    const IntentInfo& intent = state.tables.intents[hit.intent];
    if (!slots_fit(intent, present) || (destruction && !intent.destructive)) {
      continue;
    }
    const Builder build = state.builders[hit.intent];
    if (build == nullptr || std::find(tried.begin(), tried.end(), build) != tried.end()) {
      continue;
    }
    tried.push_back(build);
    Analysis attempt = base;
    auto match = build(attempt, slots, dialect);
    if (!match) {
      continue;
    }
    if (auto result = score(attempt, std::move(*match), present, veto_word)) {
      result->relevance = hit.score;
      result->intent = &intent;
      if (!result->match.intent.empty()) {
        if (const IntentInfo* named = state.intent_named(result->match.intent)) {
          result->intent = named;
        }
      }
      scored.push_back(std::move(*result));
    }
  }
  if (scored.empty()) {
    if (destruction && veto_word.empty()) {
      return finish("the static matcher builds no command for this request to delete or destroy something");
    }
    if (!veto_word.empty()) {
      return finish("the request says \"" + veto_word + "\", which the static matcher cannot honour");
    }
    return finish("no built-in pattern matches this request");
  }
  std::stable_sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    return a.confidence != b.confidence ? a.confidence > b.confidence : a.relevance > b.relevance;
  });
  Scored& best = scored.front();
  Candidate candidate;
  candidate.command = best.match.command;
  candidate.category = std::string(best.intent->category);
  candidate.explanation = best.match.explanation;
  candidate.warnings = best.match.warnings;
  candidate.confidence = best.confidence;
  // Two different readings scoring alike: the answer is a guess, say so.
  for (std::size_t i = 1; i < scored.size(); ++i) {
    if (scored[i].match.command == candidate.command) {
      continue;
    }
    if (best.confidence - scored[i].confidence < 0.05) {
      candidate.confidence = std::max(0.0, candidate.confidence - 0.15);
    }
    if (scored[i].confidence >= m_min_confidence) {
      candidate.alternatives.push_back(scored[i].match.command);
    }
  }
  const double threshold = m_category_thresholds
                               ? std::max({m_min_confidence, best.intent->threshold, best.intent->calibrated})
                               : m_min_confidence;
  if (candidate.confidence < threshold || candidate.confidence <= 0.0) {
    return finish("not confident enough (" + std::to_string(candidate.confidence).substr(0, 4) +
                  ") that a built-in pattern fits this request");
  }
  generation.candidates.push_back(std::move(candidate));
  return finish({});
}

} // namespace caro::backends
