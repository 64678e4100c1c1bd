// BM25 intent index; see intent_index.h. Built once from the catalog: each
// exemplar runs through the same tokeniser and slot extractors as requests,
// so an exemplar and a request mean the same thing by the same terms.

#include "caro/backends/static/intent_index.h"

#include "caro/backends/static/slot_extraction.h"
#include "caro/backends/static/tokens.h"

#include <algorithm>
#include <cmath>

namespace caro::backends::static_matcher {
namespace {

// Okapi BM25's usual constants.
constexpr double k_k1 = 1.2;
constexpr double k_b = 0.75;

void add_slot_terms(const Slots& slots, std::vector<std::string>& terms)
{
  const unsigned present = present_slots(slots);
  static constexpr std::pair<unsigned, std::string_view> k_names[] = {
      {slot_size, "@size"},   {slot_time, "@time"},         {slot_type, "@type"},
      {slot_name, "@name"},   {slot_location, "@location"}, {slot_exclusion, "@exclusion"},
      {slot_count, "@count"}, {slot_port, "@port"},         {slot_quoted, "@quoted"},
  };
  for (const auto& [bit, name] : k_names) {
    if ((present & bit) != 0) {
      terms.emplace_back(name);
    }
  }
}

} // namespace

std::vector<std::string> index_terms(const Analysis& analysis, const Slots& slots)
{
  std::vector<std::string> terms;
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    const Token& token = analysis.at(i);
    if (analysis.used(i)) {
      continue;
    }
    if (token.kind == TokenKind::word) {
      terms.push_back(token.text);
    } else if (token.kind == TokenKind::path) {
      terms.emplace_back("@path");
    } else if (token.kind == TokenKind::number) {
      terms.emplace_back("@number");
    }
  }
  add_slot_terms(slots, terms);
  return terms;
}

IntentIndex::IntentIndex(const IntentCatalog& catalog)
{
  m_lengths.assign(catalog.intents.size(), 0.0);
  for (std::uint32_t i = 0; i < catalog.intents.size(); ++i) {
    const IntentSpec& intent = catalog.intents[i];
    for (const auto& phrasing : intent.phrasings) {
      add(i, phrasing);
    }
    for (const auto& example : intent.examples) {
      if (!example.decline) {
        add(i, example.request);
      }
    }
  }
  double total = 0.0;
  for (double length : m_lengths) {
    total += length;
  }
  m_average_length = m_lengths.empty() || total <= 0.0 ? 1.0 : total / static_cast<double>(m_lengths.size());
  const auto documents = static_cast<double>(m_lengths.size());
  for (Term& term : m_terms) {
    const auto frequency = static_cast<double>(term.postings.size());
    term.idf = std::log(1.0 + (documents - frequency + 0.5) / (frequency + 0.5));
  }
}

void IntentIndex::add(std::uint32_t intent, std::string_view text)
{
  Analysis analysis(tokenize(text));
  const Slots slots = extract_slots(analysis);
  for (auto& word : index_terms(analysis, slots)) {
    auto [it, inserted] = m_ids.try_emplace(std::move(word), static_cast<std::uint32_t>(m_terms.size()));
    if (inserted) {
      m_terms.emplace_back();
    }
    auto& postings = m_terms[it->second].postings;
    if (postings.empty() || postings.back().intent != intent) {
      postings.push_back(Posting{intent, 0});
    }
    ++postings.back().frequency;
    m_lengths[intent] += 1.0;
  }
}

std::vector<IntentHit> IntentIndex::search(const Analysis& analysis, const Slots& slots) const
{
  std::vector<std::string> terms = index_terms(analysis, slots);
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  // Dense accumulator: a few hundred intents, cheaper than a map.
  std::vector<double> scores(m_lengths.size(), 0.0);
  for (const auto& word : terms) {
    const auto found = m_ids.find(word);
    if (found == m_ids.end()) {
      continue;
    }
    const Term& term = m_terms[found->second];
    for (const Posting& posting : term.postings) {
      const auto tf = static_cast<double>(posting.frequency);
      const double norm = k_k1 * (1.0 - k_b + k_b * m_lengths[posting.intent] / m_average_length);
      scores[posting.intent] += term.idf * tf * (k_k1 + 1.0) / (tf + norm);
    }
  }
  std::vector<IntentHit> hits;
  for (std::uint32_t i = 0; i < scores.size(); ++i) {
    if (scores[i] > 0.0) {
      hits.push_back(IntentHit{i, scores[i]});
    }
  }
  std::sort(hits.begin(), hits.end(), [](const IntentHit& a, const IntentHit& b) {
    return a.score != b.score ? a.score > b.score : a.intent < b.intent;
  });
  return hits;
}

const IntentIndex& intent_index()
{
  static const IntentIndex k_index(intent_catalog());
  return k_index;
}

} // namespace caro::backends::static_matcher
