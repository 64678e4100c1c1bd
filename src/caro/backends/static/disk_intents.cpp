// Disk intents: how much space a directory uses (du), per subdirectory
// (GNU --max-depth=1, BSD and BusyBox -d 1), the N largest directories, and
// free space on the file systems (df). BusyBox sort has no -h, so ranked
// output there uses kilobytes and sort -n.

#include "caro/backends/static/intent.h"

#include <string>

namespace caro::backends::static_matcher {

std::optional<Match> match_disk_usage(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  const bool usage = analysis.take_phrases({{"disk", "usage"}, {"space", "used"}, {"space", "usage"}, {"du"}});
  const bool how_big = analysis.take_phrases({{"how", "big"},
                                              {"how", "large"},
                                              {"how", "much", "space"},
                                              {"how", "much", "disk", "space"},
                                              {"size", "of"},
                                              {"total", "size"}});
  // "size of src": the location slot already took "of src".
  const bool size_of = analysis.mentions({"size"}) && !slots.locations.empty() && !analysis.mentions({"file"});
  const bool uses = take_all(analysis, {"using", "use", "uses", "used", "take", "takes", "taking", "occupy", "occupies",
                                        "consume", "consumes", "eating", "disk", "space"}) > 0;
  const bool each = analysis.take_phrases({{"each"}, {"every"}, {"per"}, {"one", "level", "deep"}, {"one", "level"}});
  // "sorted smallest to largest", "biggest first": every entry, ordered.
  const bool ascending = analysis.take_phrases(
      {{"smallest", "to", "largest"}, {"smallest", "to", "biggest"}, {"smallest", "first"}, {"ascending"}});
  const bool descending = analysis.take_phrases({{"largest", "to", "smallest"},
                                                 {"biggest", "to", "smallest"},
                                                 {"largest", "first"},
                                                 {"biggest", "first"},
                                                 {"descending"}});
  const bool ranked = take_all(analysis, {"largest", "biggest", "top", "most", "heaviest"}) > 0;
  // "sorted by size" with no direction: sort's own order, smallest first.
  // The ranked forms sort too; every other form cannot honour it.
  const bool sort_words = analysis.take_phrases({{"sorted", "by", "size"},
                                                 {"sort", "by", "size"},
                                                 {"ordered", "by", "size"},
                                                 {"order", "by", "size"},
                                                 {"sorted"},
                                                 {"sort"},
                                                 {"ordered"}});
  const bool smallest_first = ascending || (sort_words && !descending && !ranked);
  // "what is taking up space in ~" asks which entries, biggest first, not
  // for one total.
  const bool what_uses = uses && !how_big && !usage && !ranked && !ascending && !sort_words &&
                         analysis.mentions({"what", "which"}) && !analysis.mentions({"how"});
  const bool largest_first = descending || what_uses;
  // "the largest directory" asks for one, "the largest directories" for a list.
  const bool one_dir = typed_singular(analysis, {"dir", "subdir"});
  const bool dir_word = take_all(analysis, {"dir", "subdir"}) > 0;
  const bool kilobytes = take_all(analysis, {"kilobytes", "kb", "kilobyte"}) > 0;
  take_all(analysis, {"human", "readable", "the", "is", "are", "in", "of", "up", "size", "show", "display", "check",
                      "get", "what", "which", "total", "all", "by"});
  if (!(usage || how_big || size_of || (uses && (dir_word || !slots.locations.empty())) || (ranked && dir_word) ||
        ((smallest_first || descending) && (dir_word || each)) || what_uses)) {
    return std::nullopt;
  }
  if (ascending && descending) {
    return std::nullopt;
  }
  std::string path = ".";
  if (!slots.locations.empty()) {
    auto location = single_location(slots, true, true, false);
    if (!location) {
      return std::nullopt;
    }
    path = *location;
  }
  Match match;
  match.accepted_slots = slot_location;
  match.strength = 0.9;
  const std::string quoted = dialect.path(path);
  const std::string label = path == "." ? "the current directory" : path;

  if (smallest_first || largest_first) {
    if (ranked || slots.count || !slots.extensions.empty()) {
      return std::nullopt;
    }
    take_all(analysis, {"sort", "sorted", "order", "ordered", "here", "file"});
    const std::string glob = (path == "." ? std::string() : quoted + "/") + "*";
    if (dialect.busybox()) {
      match.command = "du -sk " + glob + " | sort -" + (largest_first ? "rn" : "n");
    } else {
      match.command = "du -sh " + glob + " | sort -" + (largest_first ? "rh" : "h");
    }
    match.explanation =
        "Show the disk usage of each entry in " + label + (largest_first ? ", largest" : ", smallest") + " first";
    return match;
  }
  if (sort_words && !ranked) {
    return std::nullopt;
  }
  if (!slots.extensions.empty()) {
    // "total size of all the .log files in logs": one glob, one total line.
    if (slots.extensions.size() != 1 || slots.extensions_negated || ranked || slots.count || each ||
        !analysis.mentions({"file"}) || dialect.busybox()) {
      return std::nullopt;
    }
    take_all(analysis, {"file", "combined", "together", "altogether"});
    match.accepted_slots |= slot_type;
    const std::string glob = (path == "." ? std::string() : quoted + "/") + "*." + slots.extensions.front();
    match.command = "du -ch " + glob + " | tail -n 1";
    match.explanation = "Show the combined disk usage of the *." + slots.extensions.front() + " files in " + label;
    return match;
  }
  if (ranked && dir_word && !slots.count && (one_dir || analysis.mentions({"most"})) && !analysis.mentions({"top"})) {
    // "which folder takes the most space", "the largest directory": the one
    // largest entry directly inside, not the directory itself (which a
    // recursive du would rank first). Every deeper directory is inside one of
    // these, so it is also the largest at any depth.
    const std::string glob = (path == "." ? std::string() : quoted + "/") + "*/";
    match.command =
        dialect.busybox() ? "du -sk " + glob + " | sort -rn | head -n 1" : "du -sh " + glob + " | sort -rh | head -n 1";
    match.explanation = "Show the subdirectory of " + label + " that uses the most disk space";
    return match;
  }
  if (ranked && dir_word) {
    match.accepted_slots |= slot_count;
    const auto count = std::to_string(slots.count.value_or(10));
    if (dialect.busybox()) {
      match.command = "du -k " + quoted + " | sort -rn | head -n " + count;
      match.explanation = "Show the " + count + " largest directories under " + label + " (sizes in KB)";
    } else {
      match.command = "du -h " + quoted + " | sort -rh | head -n " + count;
      match.explanation = "Show the " + count + " largest directories under " + label;
    }
    return match;
  }
  if (ranked || slots.count) {
    return std::nullopt;
  }
  const std::string unit = kilobytes ? "k" : "h";
  if (each) {
    const std::string depth = dialect.gnu() ? "--max-depth=1" : "-d 1";
    match.command = "du -" + unit + " " + depth + (path == "." ? "" : " " + quoted);
    match.explanation = "Show the disk usage of each directory directly inside " + label;
    return match;
  }
  match.command = "du -s" + unit + " " + quoted;
  match.explanation = "Show the total disk usage of " + label + (kilobytes ? " in kilobytes" : "");
  return match;
}

std::optional<Match> match_free_space(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  (void)dialect;
  const bool inodes = take_all(analysis, {"inode", "inodes"}) > 0;
  const bool free_words = take_all(analysis, {"free", "available", "left", "remaining"}) > 0;
  const bool disk_words = take_all(analysis, {"disk", "disks", "space", "filesystem", "filesystems", "drive", "drives",
                                              "mounted", "df", "storage", "partitions", "volumes"}) > 0;
  take_all(analysis, {"usage", "how", "much", "is", "the", "all", "on", "human", "readable", "show", "check", "there",
                      "do", "i", "have", "usage"});
  const bool file_systems =
      analysis.mentions({"df", "mounted", "filesystem", "filesystems", "drives", "partitions", "volumes"});
  const bool disk_space = analysis.mentions({"disk", "storage"}) && analysis.mentions({"space", "storage"});
  if (!((free_words && disk_words) || (inodes && (disk_words || free_words || analysis.mentions({"usage"}))) ||
        file_systems || (disk_space && slots.locations.empty()))) {
    return std::nullopt;
  }
  std::string target;
  if (!slots.locations.empty()) {
    auto location = single_location(slots, true, true, false);
    if (!location) {
      return std::nullopt;
    }
    target = *location;
  }
  Match match;
  match.accepted_slots = slot_location;
  match.strength = 0.9;
  match.command = inodes ? "df -i" : "df -h";
  if (!target.empty()) {
    match.command += ' ';
    match.command += dialect.path(target);
  }
  match.explanation = std::string(inodes ? "Show inode usage" : "Show free and used space") + " of " +
                      (target.empty() ? "every mounted file system" : "the file system holding " + target);
  return match;
}

// "list the disks and partitions", "block devices": the devices themselves,
// not the space on their file systems (that is df's).
std::optional<Match> match_block_devices(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  const bool devices = analysis.take_phrases({{"block", "devices"}, {"block", "device"}, {"lsblk"}}) ||
                       take_all(analysis, {"disks", "disk", "drives", "drive", "partitions", "partition"}) > 0;
  if (!devices || !slots.locations.empty() || slots.count ||
      analysis.mentions({"space", "free", "usage", "used", "left", "available", "mounted", "inode", "inodes", "full",
                         "size", "big", "filesystem", "filesystems", "storage", "speed", "health"})) {
    return std::nullopt;
  }
  take_all(analysis, {"list", "show", "all", "the", "and", "attached", "connected", "what", "which", "are", "there",
                      "every", "my", "physical", "their", "with"});
  Match match;
  match.strength = 0.88;
  if (dialect.bsd()) {
    match.command = "diskutil list";
  } else if (dialect.busybox()) {
    match.command = "cat /proc/partitions";
  } else {
    match.command = "lsblk";
  }
  match.explanation = "List the disks and their partitions";
  return match;
}

std::optional<Match> match_file_size(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  // "how many bytes is report.pdf", "size of notes.txt in bytes": stat's exact size.
  const bool bytes = take_all(analysis, {"byte", "bytes"}) > 0;
  if (!bytes) {
    return std::nullopt;
  }
  auto path = single_location(slots, true, true, false);
  if (!path || !looks_like_file(*path)) {
    return std::nullopt;
  }
  analysis.take_phrases({{"how", "many"}, {"how", "big"}, {"how", "large"}, {"size", "of"}, {"file", "size"}});
  take_all(analysis, {"size",  "is", "the", "file", "exact", "exactly", "just", "number", "only", "what",
                      "whats", "in", "of",  "does", "have",  "has",     "take", "takes",  "long", "big"});
  Match match;
  match.accepted_slots = slot_location;
  match.strength = 0.9;
  const std::string quoted = dialect.path(*path);
  match.command = dialect.bsd() ? "stat -f %z " + quoted : "stat -c %s " + quoted;
  match.explanation = "Print the size of " + *path + " in bytes";
  return match;
}

} // namespace caro::backends::static_matcher
