#pragma once

// The index that picks candidate intents for a request: Okapi BM25 over each
// intent's exemplar phrasings (its `say` lines and example requests). Terms
// are the words no slot extractor explained plus one pseudo-term per slot
// kind present ("@size", "@time"...), so "files over 2 gigs" and "files
// larger than 100MB" share the terms {file, @size}. Scoring walks posting
// lists for the request's terms only; nothing scans every intent.

#include "caro/backends/static/analysis.h"
#include "caro/backends/static/intent_catalog.h"
#include "caro/backends/static/slots.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace caro::backends::static_matcher {

struct IntentHit
{
  std::uint32_t intent = 0; // index into the catalog's intents
  double score = 0.0;
};

class IntentIndex
{
public:
  explicit IntentIndex(const IntentCatalog& catalog);

  // Intents sharing at least one term with the request, best first.
  std::vector<IntentHit> search(const Analysis& analysis, const Slots& slots) const;

  std::size_t term_count() const { return m_terms.size(); }

private:
  struct Posting
  {
    std::uint32_t intent = 0;
    std::uint32_t frequency = 0;
  };
  struct Term
  {
    double idf = 0.0;
    std::vector<Posting> postings;
  };

  void add(std::uint32_t intent, std::string_view text);

  std::unordered_map<std::string, std::uint32_t> m_ids;
  std::vector<Term> m_terms;
  std::vector<double> m_lengths; // terms per intent document
  double m_average_length = 1.0;
};

// The request's index terms: unexplained words and slot pseudo-terms.
std::vector<std::string> index_terms(const Analysis& analysis, const Slots& slots);

// The catalog's index, built on first use.
const IntentIndex& intent_index();

} // namespace caro::backends::static_matcher
