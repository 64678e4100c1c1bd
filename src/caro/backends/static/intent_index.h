#pragma once

// The index that picks candidate intents for a request: Okapi BM25 over each
// intent's exemplar phrasings (its `say` lines and example requests). Terms
// are the words no slot extractor explained plus one pseudo-term per slot
// kind present ("@size", "@time"...), so "files over 2 gigs" and "files
// larger than 100MB" share the terms {file, @size}. Scoring walks posting
// lists for the request's terms only; nothing scans every intent. The index
// itself is a view over IntentTables (generated at build time, or built from
// a parsed catalog): searching allocates only the result.

#include "caro/backends/static/analysis.h"
#include "caro/backends/static/intent_tables.h"
#include "caro/backends/static/slots.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace caro::backends::static_matcher {

struct IntentHit
{
  std::uint32_t intent = 0; // index into the tables' intents
  double score = 0.0;
};

class IntentIndex
{
public:
  // A view over tables that outlive the index (the compiled ones).
  explicit IntentIndex(const IntentTables& tables) : m_tables(tables) {}
  // Builds the tables from `catalog`, which must outlive the index.
  explicit IntentIndex(const IntentCatalog& catalog);

  // Intents sharing at least one term with the request, best first, leaving
  // out those scoring below `floor_share` times the best score.
  std::vector<IntentHit> search(const Analysis& analysis, const Slots& slots, double floor_share = 0.0) const;

  std::size_t term_count() const { return m_tables.terms.size(); }
  const IntentTables& tables() const { return m_tables; }

private:
  std::shared_ptr<const IntentTables::Owned> m_owned;
  IntentTables m_tables;
};

// The request's index terms: unexplained words, "@path"/"@number" for
// unexplained values, and slot pseudo-terms. The views point into the
// analysis's tokens or at constants.
std::vector<std::string_view> index_terms(const Analysis& analysis, const Slots& slots);

} // namespace caro::backends::static_matcher
