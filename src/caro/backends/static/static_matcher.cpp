// The static matcher: tokenise, extract slots, let every intent family try,
// and keep the best answer only when it explains the whole request. The
// confidence is the intent's own strength, reduced sharply for every word no
// slot or intent explained; a guard word left unexplained (a negation, a
// destructive verb) vetoes the answer outright.

#include "caro/backends/static/static_matcher.h"

#include "caro/backends/static/analysis.h"
#include "caro/backends/static/dialect.h"
#include "caro/backends/static/intent.h"
#include "caro/backends/static/slot_extraction.h"
#include "caro/backends/static/tokens.h"
#include "caro/backends/static/vocabulary.h"
#include "caro/util/strings.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace caro::backends {
namespace {

using namespace static_matcher;

// Each unexplained word multiplies confidence by this: one stray word already
// drops a strong match below the default threshold.
constexpr double k_unexplained_penalty = 0.55;

// Never answered, whatever an intent thinks it matched: this version builds no
// destructive commands.
bool mentions_destruction(const Analysis& analysis)
{
  return analysis.mentions({"delete", "remove", "rm", "erase", "wipe", "shred", "kill", "truncate", "overwrite",
                            "destroy", "purge", "unlink", "rmdir", "nuke", "clean", "cleanup", "clear"});
}

struct Scored
{
  Match match;
  double confidence = 0.0;
};

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
  if (mentions_destruction(base)) {
    return finish("the static matcher does not build commands that delete or destroy anything");
  }
  const Dialect dialect(request.context);
  const Slots slots = extract_slots(base);
  if (!slots.unsupported.empty()) {
    return finish("the request has " + slots.unsupported.front() + ", which the static matcher cannot express");
  }
  const unsigned present = present_slots(slots);

  std::vector<Scored> scored;
  std::string veto_word;
  for (Recogniser recognise : recognisers()) {
    Analysis attempt = base;
    auto match = recognise(attempt, slots, dialect);
    if (!match) {
      continue;
    }
    if (auto result = score(attempt, std::move(*match), present, veto_word)) {
      scored.push_back(std::move(*result));
    }
  }
  if (scored.empty()) {
    if (!veto_word.empty()) {
      return finish("the request says \"" + veto_word + "\", which the static matcher cannot honour");
    }
    return finish("no built-in pattern matches this request");
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const Scored& a, const Scored& b) { return a.confidence > b.confidence; });
  Scored& best = scored.front();
  Candidate candidate;
  candidate.command = best.match.command;
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
  if (candidate.confidence < m_min_confidence || candidate.confidence <= 0.0) {
    return finish("not confident enough (" + std::to_string(candidate.confidence).substr(0, 4) +
                  ") that a built-in pattern fits this request");
  }
  generation.candidates.push_back(std::move(candidate));
  return finish({});
}

} // namespace caro::backends
