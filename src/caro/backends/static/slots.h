#pragma once

// Typed values extracted from a request. Each slot holds the user's own
// value (never a default invented by the matcher), so builders can quote and
// place it; intents declare which slots they understand, and a request with a
// slot its intent ignores is declined rather than answered partially.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace caro::backends::static_matcher {

// A size bound; `bytes` is exact (units are powers of 1024, as in find).
struct SizeBound
{
  enum class Kind { greater, at_least, less, at_most };
  Kind kind = Kind::greater;
  double amount = 0; // as typed, e.g. 1.5
  char unit = 'c';   // 'c' bytes, 'k', 'M', 'G'
  std::int64_t bytes = 0;
  std::string text; // "100MB", for explanations
};

struct TimeSpec
{
  enum class Kind { within, older, today, yesterday, days_ago, newer_than_file };
  Kind kind = Kind::within;
  bool access = false;     // atime instead of mtime
  bool in_minutes = false; // amount is minutes (-mmin) rather than days (-mtime)
  bool inclusive = false;  // older: "at least N" rather than "more than N"
  std::int64_t amount = 0; // minutes or days
  std::string reference;   // newer_than_file: the file
  std::string text;        // "in the last 7 days", for explanations
};

struct NamePattern
{
  std::string pattern; // a find -name glob, e.g. *report*
  bool negated = false;
};

struct Owner
{
  std::string name;   // as typed
  bool group = false; // "owned by the group staff": find -group
};

struct Location
{
  enum class Role { in, into, bare };
  Role role = Role::bare;
  std::string path; // verbatim; "~" and "~/x" mean the home directory, "." here
};

struct Slots
{
  std::optional<SizeBound> size_min;
  std::optional<SizeBound> size_max;
  std::optional<TimeSpec> time;
  std::vector<std::string> extensions; // without the dot: "py", "tar.gz"
  bool extensions_negated = false;
  std::string type_label; // "python", "image"; empty for explicit extensions
  std::optional<NamePattern> name;
  std::vector<Location> locations;
  std::vector<std::string> exclusions; // directory names or paths to leave out
  // Domain names ("example.com"): hosts, never files, so only the intents
  // that accept slot_host (ping, dig, ssh...) can answer a request with one.
  std::vector<std::string> hosts;
  std::optional<Owner> owner; // "owned by bob"
  std::optional<std::int64_t> count;
  std::optional<std::int64_t> port;
  std::vector<std::string> quoted; // quoted strings no other slot claimed
  bool case_insensitive = false;
  bool depth_one = false; // "current directory only", "not in subfolders"
  // Phrases an extractor recognised but cannot model (two time ranges...):
  // any entry here makes the matcher decline.
  std::vector<std::string> unsupported;
};

// Slot kinds, so intents can declare what they understand.
enum SlotKind : unsigned {
  slot_size = 1U << 0,
  slot_time = 1U << 1,
  slot_type = 1U << 2,
  slot_name = 1U << 3,
  slot_location = 1U << 4,
  slot_exclusion = 1U << 5,
  slot_count = 1U << 6,
  slot_port = 1U << 7,
  slot_quoted = 1U << 8,
  slot_case = 1U << 9,
  slot_depth = 1U << 10,
  slot_host = 1U << 11,
  slot_owner = 1U << 12,
};

unsigned present_slots(const Slots& slots);

} // namespace caro::backends::static_matcher
