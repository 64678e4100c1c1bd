#pragma once

// The file-type vocabulary: words people use for kinds of files ("python",
// "images", "shell scripts") and the extensions each stands for. Kept as one
// small table so that the later data-file driven engine can replace it.

#include <optional>
#include <span>
#include <string_view>

namespace caro::backends::static_matcher {

struct FileType
{
  std::string_view word;  // as normalised by the tokeniser
  std::string_view label; // for explanations
  std::span<const std::string_view> extensions;
  bool needs_noun = true; // only a type when followed by "file(s)", "script(s)"...
};

std::optional<FileType> lookup_file_type(std::string_view word);

// Nouns that may follow a type word: "python files", "shell scripts".
bool is_file_noun(std::string_view word);

} // namespace caro::backends::static_matcher
