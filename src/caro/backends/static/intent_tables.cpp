// Building IntentTables from a parsed catalog: the BM25 statistics over each
// intent's exemplars (its `say` lines and example requests). The generator
// (tools/static_index) runs this at build time and writes the result out as
// constants; tests run it on the embedded data to check the constants are
// current.

#include "caro/backends/static/intent_tables.h"

#include "caro/backends/static/intent_index.h"
#include "caro/backends/static/slot_extraction.h"
#include "caro/backends/static/tokens.h"

#include <algorithm>
#include <cmath>
#include <map>

// Okapi BM25's usual constants.
namespace {
constexpr double k_k1 = 1.2;
constexpr double k_b = 0.75;
} // namespace

namespace caro::backends::static_matcher {

std::shared_ptr<const IntentTables::Owned> IntentTables::from_catalog(const IntentCatalog& catalog)
{
  auto owned = std::make_shared<Owned>();
  owned->catalog = &catalog;
  const auto count = static_cast<std::uint32_t>(catalog.intents.size());
  for (const IntentSpec& spec : catalog.intents) {
    const CategorySpec* category = catalog.category(spec.category);
    owned->intents.push_back(IntentInfo{spec.id, spec.category, spec.builder, spec.required_slots, spec.accepted_slots,
                                        spec.checks_slots, spec.destructive,
                                        category != nullptr ? category->threshold : 0.0});
  }

  // term -> (intent -> frequency); ordered maps give sorted terms and postings.
  std::map<std::string, std::map<std::uint32_t, std::uint32_t>, std::less<>> postings;
  owned->lengths.assign(count, 0.0);
  const auto add = [&](std::uint32_t intent, std::string_view text) {
    Analysis analysis(tokenize(text));
    const Slots slots = extract_slots(analysis);
    for (const auto term : index_terms(analysis, slots)) {
      auto it = postings.find(term);
      if (it == postings.end()) {
        it = postings.emplace(std::string(term), std::map<std::uint32_t, std::uint32_t>{}).first;
      }
      ++it->second[intent];
      owned->lengths[intent] += 1.0;
    }
  };
  for (std::uint32_t i = 0; i < count; ++i) {
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
  for (double length : owned->lengths) {
    total += length;
  }
  const double average = count == 0 || total <= 0.0 ? 1.0 : total / static_cast<double>(count);
  const auto documents = static_cast<double>(count);
  owned->term_texts.reserve(postings.size());
  for (const auto& [text, by_intent] : postings) {
    const auto documents_with_term = static_cast<double>(by_intent.size());
    IndexTerm term;
    term.idf = std::log(1.0 + (documents - documents_with_term + 0.5) / (documents_with_term + 0.5));
    term.first = static_cast<std::uint32_t>(owned->postings.size());
    term.count = static_cast<std::uint32_t>(by_intent.size());
    for (const auto& [intent, frequency] : by_intent) {
      const auto tf = static_cast<double>(frequency);
      const double norm = k_k1 * (1.0 - k_b + k_b * owned->lengths[intent] / average);
      owned->postings.push_back(IndexPosting{intent, frequency, term.idf * tf * (k_k1 + 1.0) / (tf + norm)});
    }
    owned->term_texts.push_back(text);
    owned->terms.push_back(term);
  }
  // The texts are final now (reserved, so no reallocation moved them).
  for (std::size_t i = 0; i < owned->terms.size(); ++i) {
    owned->terms[i].text = owned->term_texts[i];
  }
  owned->tables = IntentTables{owned->intents, owned->terms, owned->postings, owned->lengths, average};
  return owned;
}

} // namespace caro::backends::static_matcher
