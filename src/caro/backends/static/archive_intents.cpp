// Archive intents: create, extract and list tar (.tar, .tar.gz/.tgz,
// .tar.bz2, .tar.xz) and zip archives, plus gzip/gunzip of single files. The
// compression flag comes from the archive's own extension, never assumed.

#include "caro/backends/static/intent.h"

#include <string>

namespace caro::backends::static_matcher {
namespace {

enum class Format { none, tar, tar_gz, tar_bz2, tar_xz, zip, gz };

Format format_of(std::string_view path)
{
  auto ends = [&](std::string_view suffix) {
    if (path.size() < suffix.size()) {
      return false;
    }
    for (std::size_t i = 0; i < suffix.size(); ++i) {
      const char c = path[path.size() - suffix.size() + i];
      const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      if (lower != suffix[i]) {
        return false;
      }
    }
    return true;
  };
  if (ends(".tar.gz") || ends(".tgz")) {
    return Format::tar_gz;
  }
  if (ends(".tar.bz2") || ends(".tbz2") || ends(".tbz")) {
    return Format::tar_bz2;
  }
  if (ends(".tar.xz") || ends(".txz")) {
    return Format::tar_xz;
  }
  if (ends(".tar")) {
    return Format::tar;
  }
  if (ends(".zip")) {
    return Format::zip;
  }
  if (ends(".gz")) {
    return Format::gz;
  }
  return Format::none;
}

// A format named on its own: "a tar.gz of src", "as a zip", "bzip2 tarball".
Format format_word(const Analysis& analysis, const Slots& slots)
{
  for (const auto& location : slots.locations) {
    if (location.path == "tar.gz" || location.path == ".tar.gz") {
      return Format::tar_gz;
    }
    if (location.path == "tar.bz2" || location.path == ".tar.bz2") {
      return Format::tar_bz2;
    }
    if (location.path == "tar.xz" || location.path == ".tar.xz") {
      return Format::tar_xz;
    }
  }
  if (analysis.mentions({"tgz", "gzip", "gzipped", "gz"})) {
    return Format::tar_gz;
  }
  if (analysis.mentions({"bzip2", "bz2"})) {
    return Format::tar_bz2;
  }
  if (analysis.mentions({"xz"})) {
    return Format::tar_xz;
  }
  if (analysis.mentions({"zip"})) {
    return Format::zip;
  }
  if (analysis.mentions({"tarball", "tar"})) {
    return Format::tar_gz;
  }
  return Format::none;
}

std::string tar_letter(Format format)
{
  switch (format) {
  case Format::tar_gz:
    return "z";
  case Format::tar_bz2:
    return "j";
  case Format::tar_xz:
    return "J";
  default:
    return "";
  }
}

std::string suffix(Format format)
{
  switch (format) {
  case Format::tar:
    return ".tar";
  case Format::tar_gz:
    return ".tar.gz";
  case Format::tar_bz2:
    return ".tar.bz2";
  case Format::tar_xz:
    return ".tar.xz";
  case Format::zip:
    return ".zip";
  default:
    return "";
  }
}

bool is_format_token(const std::string& path)
{
  return path == "tar.gz" || path == ".tar.gz" || path == "tar.bz2" || path == ".tar.bz2" || path == "tar.xz" ||
         path == ".tar.xz";
}

std::string base_name(std::string path)
{
  while (path.size() > 1 && path.back() == '/') {
    path.pop_back();
  }
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

} // namespace

std::optional<Match> match_archive(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  // Sort the locations: the archive, the directory to put things into, the sources.
  std::optional<std::string> archive;
  std::optional<std::string> destination;
  std::vector<std::string> sources;
  // "a tarball of src called src.tar.bz2": the name phrase names the archive.
  std::vector<Location> locations = slots.locations;
  bool named_archive = false;
  if (slots.name && !slots.name->negated && slots.name->pattern.find_first_of("*?[/") == std::string::npos &&
      format_of(slots.name->pattern) != Format::none) {
    locations.push_back(Location{Location::Role::into, slots.name->pattern});
    named_archive = true;
  }
  for (const auto& location : locations) {
    if (is_format_token(location.path) || location.path == ".") {
      continue; // "extract x.tar.gz here": here is where tar extracts anyway
    }
    const Format format = format_of(location.path);
    if (format != Format::none && !archive) {
      archive = location.path; // "into" too: "compress src into src.tar.gz"
    } else if (location.role == Location::Role::into) {
      if (destination) {
        return std::nullopt;
      }
      destination = location.path;
    } else {
      sources.push_back(location.path);
    }
  }
  const bool list = analysis.take_phrases(
      {{"list"}, {"contents"}, {"content"}, {"inside"}, {"what"}, {"which"}, {"show"}, {"view"}, {"peek"}});
  const bool extract = take_all(analysis, {"extract", "unpack", "untar", "unzip", "decompress", "unarchive", "expand",
                                           "uncompress", "gunzip"}) > 0;
  const bool create = take_all(analysis, {"create", "make", "compress", "archive", "pack", "zip", "tar", "build",
                                          "bundle", "gzip"}) > 0;
  const Format named_format = format_word(analysis, slots);
  take_all(analysis,
           {"tarball", "tgz",    "bzip2", "bz2",  "xz",   "gz",      "gzipped", "a",   "an",   "the",     "of",
            "from",    "called", "named", "as",   "up",   "archive", "into",    "to",  "in",   "is",      "are",
            "file",    "dir",    "it",    "here", "only", "just",    "names",   "and", "keep", "keeping", "original"});
  if (archive && format_of(*archive) == Format::gz) {
    // Single-file gzip: "gunzip x.gz", "decompress x.gz but keep it".
    if (!extract || create || !sources.empty() || destination) {
      return std::nullopt;
    }
    Match match;
    match.strength = 0.9;
    match.accepted_slots = slot_location;
    const bool keep = analysis.mentions({"keep", "keeping"});
    // "but keep the .gz too": the extension names the archive itself.
    if (keep && slots.extensions.size() == 1 && !slots.extensions_negated &&
        archive->ends_with("." + slots.extensions.front())) {
      match.accepted_slots |= slot_type;
      take_all(analysis, {"but", "too", "also", "as", "well", "the", "it", "around", "intact", "compressed"});
    }
    match.command = std::string("gunzip ") + (keep ? "-k " : "") + dialect.path(*archive);
    match.explanation = "Decompress " + *archive + (keep ? ", keeping the compressed file" : "");
    return match;
  }

  Match match;
  match.strength = 0.92;
  match.accepted_slots = slot_location | (named_archive ? slot_name : 0U);
  if (extract && archive && sources.empty()) {
    const Format format = format_of(*archive);
    if (format == Format::zip) {
      match.command = "unzip " + dialect.path(*archive) + (destination ? " -d " + dialect.path(*destination) : "");
    } else {
      match.command = "tar -x" + tar_letter(format) + "f " + dialect.path(*archive) +
                      (destination ? " -C " + dialect.path(*destination) : "");
    }
    match.explanation = "Extract " + *archive + (destination ? " into " + *destination : " here");
    return match;
  }
  if (list && archive && !extract && !create && sources.empty() && !destination) {
    const Format format = format_of(*archive);
    match.command = format == Format::zip ? "unzip -l " + dialect.path(*archive)
                                          : "tar -t" + tar_letter(format) + "f " + dialect.path(*archive);
    match.explanation = "List the files inside " + *archive;
    return match;
  }
  if (create && !extract && !archive && sources.size() == 1 && !destination && looks_like_file(sources.front()) &&
      analysis.mentions({"gzip", "compress"}) && !analysis.mentions({"tar", "tarball", "zip", "archive"})) {
    if (format_of(sources.front()) != Format::none) {
      return std::nullopt;
    }
    match.command = "gzip " + dialect.path(sources.front());
    match.explanation = "Compress " + sources.front() + " with gzip (replacing it with " + sources.front() + ".gz)";
    return match;
  }
  if (create && !extract && sources.size() == 1 && !destination) {
    Format format = archive ? format_of(*archive) : named_format;
    if (format == Format::none) {
      return std::nullopt;
    }
    if (archive && named_format != Format::none && named_format != format) {
      return std::nullopt;
    }
    const std::string name = archive ? *archive : base_name(sources.front()) + suffix(format);
    if (name == suffix(format) || sources.front() == "." || sources.front() == "~") {
      return std::nullopt; // no sensible archive name to invent
    }
    // Exclusions: tar's --exclude (GNU and bsdtar alike) matches a name at
    // any depth; zip's -x patterns and BusyBox's optional long options do
    // not mean the same, so those decline.
    std::string excludes;
    if (!slots.exclusions.empty()) {
      if (format == Format::zip || dialect.busybox()) {
        return std::nullopt;
      }
      for (const auto& exclusion : slots.exclusions) {
        excludes += " --exclude=" + dialect.quote(exclusion);
      }
      match.accepted_slots |= slot_exclusion;
    }
    if (format == Format::zip) {
      if (dialect.busybox() || !dialect.has("zip")) {
        return std::nullopt;
      }
      match.command = "zip -r " + dialect.path(name) + " " + dialect.path(sources.front());
    } else {
      match.command =
          "tar -c" + tar_letter(format) + "f " + dialect.path(name) + excludes + " " + dialect.path(sources.front());
    }
    match.explanation = "Create the archive " + name + " from " + sources.front();
    return match;
  }
  return std::nullopt;
}

} // namespace caro::backends::static_matcher
