// BM25 intent index search; see intent_index.h. The tables come from
// intent_tables.cpp (built from exemplars through the same tokeniser and slot
// extractors as requests, so an exemplar and a request mean the same thing by
// the same terms) or from the generated constants.

#include "caro/backends/static/intent_index.h"

#include <algorithm>
#include <utility>

namespace caro::backends::static_matcher {
namespace {

void add_slot_terms(const Slots& slots, std::vector<std::string_view>& terms)
{
  const unsigned present = present_slots(slots);
  static constexpr std::pair<unsigned, std::string_view> k_names[] = {
      {slot_size, "@size"},         {slot_time, "@time"},           {slot_type, "@type"},   {slot_name, "@name"},
      {slot_location, "@location"}, {slot_exclusion, "@exclusion"}, {slot_count, "@count"}, {slot_port, "@port"},
      {slot_quoted, "@quoted"},     {slot_host, "@host"},           {slot_owner, "@owner"},
  };
  for (const auto& [bit, name] : k_names) {
    if ((present & bit) != 0) {
      terms.push_back(name);
    }
  }
}

} // namespace

std::vector<std::string_view> index_terms(const Analysis& analysis, const Slots& slots)
{
  std::vector<std::string_view> terms;
  terms.reserve(analysis.size() + 4);
  for (std::size_t i = 0; i < analysis.size(); ++i) {
    const Token& token = analysis.at(i);
    if (analysis.used(i)) {
      continue;
    }
    if (token.kind == TokenKind::word) {
      terms.emplace_back(token.text);
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
    : m_owned(IntentTables::from_catalog(catalog)), m_tables(m_owned->tables)
{
}

std::vector<IntentHit> IntentIndex::search(const Analysis& analysis, const Slots& slots, double floor_share) const
{
  std::vector<std::string_view> terms = index_terms(analysis, slots);
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  // Dense accumulator: a few hundred intents, cheaper than a map.
  std::vector<double> scores(m_tables.intents.size(), 0.0);
  const auto by_text = [](const IndexTerm& term, std::string_view text) { return term.text < text; };
  for (const auto word : terms) {
    const auto found = std::lower_bound(m_tables.terms.begin(), m_tables.terms.end(), word, by_text);
    if (found == m_tables.terms.end() || found->text != word) {
      continue;
    }
    for (const IndexPosting& posting : m_tables.postings.subspan(found->first, found->count)) {
      scores[posting.intent] += posting.weight;
    }
  }
  double best = 0.0;
  for (double score : scores) {
    best = std::max(best, score);
  }
  const double floor = best * floor_share;
  std::vector<IntentHit> hits;
  for (std::uint32_t i = 0; i < scores.size(); ++i) {
    if (scores[i] > 0.0 && scores[i] >= floor) {
      hits.push_back(IntentHit{i, scores[i]});
    }
  }
  std::sort(hits.begin(), hits.end(), [](const IntentHit& a, const IntentHit& b) {
    return a.score != b.score ? a.score > b.score : a.intent < b.intent;
  });
  return hits;
}

} // namespace caro::backends::static_matcher
