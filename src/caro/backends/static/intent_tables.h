#pragma once

// The matcher's intents and index as flat, read-only tables. At build time
// tools/static_index reads backends/static/data/*.intents, builds the BM25
// index with the same tokeniser and slot extractors the matcher uses, and
// writes these tables as C++ constants (cmake/CaroStaticIndex.cmake), so a
// process answers its first request without parsing or indexing anything.
// The same tables can be built at run time from a parsed catalog (tests,
// the generator itself): IntentTables::from_catalog.

#include "caro/backends/static/intent_catalog.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace caro::backends::static_matcher {

// What the matcher needs to know about one intent (its phrasings and
// examples stay in the data files and the tests).
struct IntentInfo
{
  std::string_view id;
  std::string_view category;
  std::string_view builder;
  unsigned required_slots = 0;
  unsigned accepted_slots = 0;
  bool checks_slots = false;
  bool destructive = false;
  double threshold = 0.0;  // the category's floor from the data (0: none)
  double calibrated = 0.0; // the category's threshold calibrated from the examples at build time (0: none)
};

// One intent containing a term, with the term's BM25 contribution to that
// intent's score computed at build time (it depends only on the term and the
// intent), so searching is a sum.
struct IndexPosting
{
  std::uint32_t intent = 0;
  std::uint32_t frequency = 0;
  double weight = 0.0;
};

// One index term; `first`/`count` select its postings. Terms are sorted by
// text so that lookup is a binary search over constant data.
struct IndexTerm
{
  std::string_view text;
  double idf = 0.0;
  std::uint32_t first = 0;
  std::uint32_t count = 0;
};

struct IntentTables
{
  std::span<const IntentInfo> intents;
  std::span<const IndexTerm> terms;
  std::span<const IndexPosting> postings;
  std::span<const double> lengths; // index terms per intent document
  double average_length = 1.0;

  // Builds the tables from a parsed catalog (what the generator writes out).
  // The returned object owns the storage the spans point into.
  struct Owned;
  static std::shared_ptr<const Owned> from_catalog(const IntentCatalog& catalog);
};

struct IntentTables::Owned
{
  IntentTables tables;
  std::vector<IntentInfo> intents;
  std::vector<std::string> term_texts;
  std::vector<IndexTerm> terms;
  std::vector<IndexPosting> postings;
  std::vector<double> lengths;
  const IntentCatalog* catalog = nullptr; // the strings IntentInfo points into
};

// The tables generated at build time from the embedded data files.
const IntentTables& compiled_intent_tables();

} // namespace caro::backends::static_matcher
