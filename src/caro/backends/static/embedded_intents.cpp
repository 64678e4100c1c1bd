// The embedded intent data files parsed into a catalog. The matcher itself
// reads the tables generated from the same files at build time
// (intent_tables.h); this full catalog, with phrasings and examples, is for
// the tests that run every example and check the generated tables are current.
// Kept apart from the parser so the build-time generator links without the
// embedded files.

#include "caro/backends/static/intent_catalog.h"
#include "caro/util/embedded_files.h"

namespace caro::backends::static_matcher {
namespace {

// The intent data lives beside this module: src/caro/backends/static/data/,
// embedded under its path relative to src/caro.
constexpr std::string_view k_data_prefix = "backends/static/data/";
constexpr std::string_view k_data_suffix = ".intents";

} // namespace

const IntentCatalog& intent_catalog()
{
  static const IntentCatalog k_catalog = [] {
    IntentCatalog catalog;
    for (std::string_view name : util::embedded_file_names()) {
      if (name.starts_with(k_data_prefix) && name.ends_with(k_data_suffix)) {
        if (auto text = util::embedded_file(name)) {
          parse_intents(*text, name.substr(name.rfind('/') + 1), catalog);
        }
      }
    }
    for (const auto& intent : catalog.intents) {
      if (!intent.category.empty() && catalog.category(intent.category) == nullptr) {
        catalog.categories.push_back(CategorySpec{intent.category, 0.0});
      }
    }
    return catalog;
  }();
  return k_catalog;
}

} // namespace caro::backends::static_matcher
