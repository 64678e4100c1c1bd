// Build-time generator for the static matcher: reads the intent data files
// (src/caro/backends/static/data/*.intents, given on the command line in the
// order they are embedded), builds the intent tables and BM25 index with the
// matcher's own tokeniser and slot extractors (IntentTables::from_catalog),
// and writes them as C++ constants, so a process answers its first request
// without parsing or indexing anything. It also calibrates each category's
// confidence threshold from the data's own examples: it runs the matcher
// (over the tables just built, category thresholds off) on every example and
// decline, and sets the threshold just above the best confidence of anything
// the category must not answer, never above its weakest correct example.
// The data files stay the single source; cmake/CaroStaticIndex.cmake reruns
// this when they or the matcher's sources change.
//
// Usage: caro_static_index OUTPUT.cpp FILE.intents...

#include "caro/backends/static/intent_catalog.h"
#include "caro/backends/static/intent_tables.h"
#include "caro/backends/static/static_matcher.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace caro::backends::static_matcher {

// The matcher's default tables are what this program writes: it never uses
// them (it passes its own tables to StaticMatcher), so reaching this is a bug.
const IntentTables& compiled_intent_tables()
{
  throw std::logic_error("caro_static_index: the compiled tables do not exist yet");
}

} // namespace caro::backends::static_matcher

namespace {

using namespace caro::backends::static_matcher;

struct Calibration
{
  double weakest_example = 2.0;     // lowest confidence of a correct example answer
  double strongest_negative = -1.0; // highest confidence of an answer the category must not give
};

// Per category: the threshold just above its strongest negative, capped at its
// weakest correct example; 0 (no calibrated threshold) when it has no
// negatives or cannot separate them, which is reported.
std::map<std::string, double, std::less<>> calibrate(const IntentCatalog& catalog, const IntentTables& tables)
{
  caro::backends::StaticMatcher matcher(0.0, tables, false);
  std::map<std::string, Calibration, std::less<>> seen;
  const auto confidence_of = [&](const std::string& request, caro::Platform platform, std::string* command) {
    caro::ExecutionContext context;
    context.platform = platform;
    auto result = matcher.generate(caro::GenerationRequest{request, &context});
    if (!result || result->candidates.empty()) {
      return -1.0;
    }
    *command = result->candidates.front().command;
    return result->candidates.front().confidence;
  };
  for (const IntentSpec& intent : catalog.intents) {
    Calibration& calibration = seen[intent.category];
    for (const IntentExample& example : intent.examples) {
      std::string command;
      if (example.decline) {
        const double confidence = confidence_of(example.request, caro::Platform::gnu, &command);
        calibration.strongest_negative = std::max(calibration.strongest_negative, confidence);
        continue;
      }
      for (const auto& [platform, expected] : example.expected) {
        const double confidence = confidence_of(example.request, platform, &command);
        if (confidence < 0.0) {
          continue; // the unit test reports it
        }
        if (command == expected) {
          calibration.weakest_example = std::min(calibration.weakest_example, confidence);
        } else {
          calibration.strongest_negative = std::max(calibration.strongest_negative, confidence);
        }
      }
    }
  }
  std::map<std::string, double, std::less<>> thresholds;
  for (const auto& [category, calibration] : seen) {
    double threshold = 0.0;
    if (calibration.strongest_negative >= 0.0) {
      if (calibration.strongest_negative < calibration.weakest_example) {
        threshold = std::min(calibration.weakest_example, calibration.strongest_negative + 0.01);
      } else {
        std::cerr << "caro_static_index: category " << category << ": a decline scores "
                  << calibration.strongest_negative << ", no lower than its weakest example ("
                  << calibration.weakest_example << "); no calibrated threshold\n";
      }
    }
    thresholds[category] = threshold;
  }
  return thresholds;
}

// A C++ string literal for `text`: printable ASCII kept, the rest escaped.
std::string literal(std::string_view text)
{
  std::string out = "\"";
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20 || byte >= 0x7f) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\%03o", static_cast<unsigned>(byte));
      out += escaped;
    } else {
      out += c;
    }
  }
  out += '"';
  return out;
}

// Hexadecimal floating point: exact, so the generated index scores exactly
// as one built at run time.
std::string exact(double value)
{
  char text[64];
  std::snprintf(text, sizeof text, "%a", value);
  return text;
}

std::string generate(const IntentTables& tables, const std::map<std::string, double, std::less<>>& calibrated)
{
  std::ostringstream out;
  out << "// Generated by tools/static_index from src/caro/backends/static/data/*.intents; do not edit.\n"
      << "#include \"caro/backends/static/intent_tables.h\"\n\n"
      << "namespace caro::backends::static_matcher {\nnamespace {\n\n"
      << "constexpr IntentInfo k_intents[] = {\n";
  for (const IntentInfo& intent : tables.intents) {
    out << "    {" << literal(intent.id) << ", " << literal(intent.category) << ", " << literal(intent.builder) << ", "
        << intent.required_slots << "U, " << intent.accepted_slots << "U, " << (intent.checks_slots ? "true" : "false")
        << ", " << (intent.destructive ? "true" : "false") << ", " << exact(intent.threshold) << ", "
        << exact(calibrated.find(intent.category)->second) << "},\n";
  }
  out << "};\n\nconstexpr IndexTerm k_terms[] = {\n";
  for (const IndexTerm& term : tables.terms) {
    out << "    {" << literal(term.text) << ", " << exact(term.idf) << ", " << term.first << ", " << term.count
        << "},\n";
  }
  out << "};\n\nconstexpr IndexPosting k_postings[] = {\n";
  for (const IndexPosting& posting : tables.postings) {
    out << "    {" << posting.intent << ", " << posting.frequency << ", " << exact(posting.weight) << "},\n";
  }
  out << "};\n\nconstexpr double k_lengths[] = {\n";
  for (double length : tables.lengths) {
    out << "    " << exact(length) << ",\n";
  }
  out << "};\n\nconstexpr IntentTables k_tables{k_intents, k_terms, k_postings, k_lengths, "
      << exact(tables.average_length) << "};\n\n"
      << "} // namespace\n\nconst IntentTables& compiled_intent_tables()\n{\n  return k_tables;\n}\n\n"
      << "} // namespace caro::backends::static_matcher\n";
  return out.str();
}

bool read_file(const std::string& path, std::string& text)
{
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  text = buffer.str();
  return true;
}

} // namespace

int main(int argc, char** argv)
{
  if (argc < 3) {
    std::cerr << "usage: caro_static_index OUTPUT.cpp FILE.intents...\n";
    return 2;
  }
  IntentCatalog catalog;
  std::vector<std::string> texts(static_cast<std::size_t>(argc - 2));
  for (int i = 2; i < argc; ++i) {
    std::string& text = texts[static_cast<std::size_t>(i - 2)];
    if (!read_file(argv[i], text)) {
      std::cerr << "caro_static_index: cannot read " << argv[i] << "\n";
      return 1;
    }
    const std::string name = std::filesystem::path(argv[i]).filename().string();
    parse_intents(text, name, catalog);
  }
  if (!catalog.errors.empty()) {
    for (const auto& error : catalog.errors) {
      std::cerr << error << "\n";
    }
    return 1;
  }
  const auto owned = IntentTables::from_catalog(catalog);
  const std::string output = argv[1];
  const auto calibrated = calibrate(catalog, owned->tables);
  const std::string text = generate(owned->tables, calibrated);
  std::string existing;
  if (read_file(output, existing) && existing == text) {
    return 0; // unchanged: keep the timestamp, nothing rebuilds
  }
  std::ofstream out(output, std::ios::binary | std::ios::trunc);
  out << text;
  return out ? 0 : 1;
}
