#pragma once

// The contract between the matcher and its intents. Intents (ids, categories,
// phrasings, examples) are data (backends/static/data/*.intents); each names a builder, a C++
// function that looks at the analysed request (tokens plus slots), marks the
// keywords it understood and, when the request is one it can answer, returns
// the command. A builder declares which slots it honoured; the matcher refuses
// a match that would silently ignore a slot, and lowers confidence for every
// word nobody explained. Builders are found by name in builders().

#include "caro/backends/static/analysis.h"
#include "caro/backends/static/dialect.h"
#include "caro/backends/static/find_builder.h"
#include "caro/backends/static/slots.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace caro::backends::static_matcher {

struct Match
{
  std::string command;
  std::string explanation;     // one line, plain English
  double strength = 0.9;       // how clearly the keywords name this intent, 0..1
  unsigned accepted_slots = 0; // SlotKind bits this intent honoured
  std::string intent;          // optional: the data intent id this answer is (else the best-scoring one)
  std::vector<std::string> warnings;
};

// A builder: nullopt when the request is not one it can answer.
using Builder = std::optional<Match> (*)(Analysis& analysis, const Slots& slots, const Dialect& dialect);
using Recogniser = Builder; // the older name

struct NamedBuilder
{
  std::string_view name; // what backends/static/data/*.intents files write after "builder"
  Builder build = nullptr;
};

// Every builder the data files may name, the engine's own plus those listed
// by contributed_builders() when contributed_builders.h exists.
std::span<const NamedBuilder> builders();
// The builder called `name`, or nullptr.
Builder find_builder(std::string_view name);

// The families (one file each).
std::optional<Match> match_find_files(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> match_largest_files(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> match_list_directory(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> match_disk_usage(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> match_free_space(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> match_block_devices(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> match_file_size(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> match_processes(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> match_ports(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> match_text_search(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> match_line_count(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> match_head_tail(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> match_archive(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> match_git(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> match_git_files(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> match_system_info(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> match_kill_process(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> match_services(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> match_install_package(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> match_journal(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> match_crontab(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> match_arithmetic(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> match_background_run(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> match_duplicate_files(Analysis& analysis, const Slots& slots, const Dialect& dialect);
std::optional<Match> match_split_file(Analysis& analysis, const Slots& slots, const Dialect& dialect);

// Helpers shared by the intents.

// Marks every unused occurrence of the words; returns how many.
int take_all(Analysis& analysis, std::initializer_list<std::string_view> words);

// Whether the first unused occurrence of one of the (folded) words was typed
// in the singular ("the largest file", not "the largest files"); false when
// none occurs.
bool typed_singular(const Analysis& analysis, std::initializer_list<std::string_view> words);

// The single location with one of the given roles, or nullopt (none or several).
std::optional<std::string> single_location(const Slots& slots, bool allow_in, bool allow_bare, bool allow_into);

// Whether a path names a file rather than a directory ("logs/app.log").
bool looks_like_file(std::string_view path);

// Fills a find spec from the request's find-related slots; false when the
// locations do not name one directory to search.
bool fill_find_spec(const Slots& slots, FindSpec& spec);

} // namespace caro::backends::static_matcher
