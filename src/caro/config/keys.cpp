// The table of configuration keys, and suggestions for misspelt ones. Every
// other part of the config module (file, environment, `config set`, docs)
// works from this table so that a new key is added in one place.

#include "caro/config/settings.h"

#include <algorithm>
#include <cstddef>
#include <vector>

namespace caro::config {
namespace {

// Optimal-string-alignment distance: Levenshtein plus adjacent swaps, since
// "saftey" for "safety" is the typical slip.
std::size_t edit_distance(std::string_view a, std::string_view b)
{
  const std::size_t rows = a.size() + 1;
  const std::size_t cols = b.size() + 1;
  std::vector<std::size_t> d(rows * cols, 0);
  const auto at = [cols, &d](std::size_t i, std::size_t j) -> std::size_t& { return d[i * cols + j]; };
  for (std::size_t i = 0; i < rows; ++i) {
    at(i, 0) = i;
  }
  for (std::size_t j = 0; j < cols; ++j) {
    at(0, j) = j;
  }
  for (std::size_t i = 1; i < rows; ++i) {
    for (std::size_t j = 1; j < cols; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t best = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        best = std::min(best, at(i - 2, j - 2) + 1);
      }
      at(i, j) = best;
    }
  }
  return at(rows - 1, cols - 1);
}

std::string_view last_component(std::string_view name)
{
  const auto dot = name.rfind('.');
  return dot == std::string_view::npos ? name : name.substr(dot + 1);
}

} // namespace

std::string_view to_string(Source source)
{
  switch (source) {
  case Source::default_value:
    return "default";
  case Source::file:
    return "file";
  case Source::environment:
    return "environment";
  case Source::flag:
    return "flag";
  }
  return "default";
}

const std::vector<KeyInfo>& keys()
{
  // A function-local static: built on first use, not at static-initialisation time.
  static const std::vector<KeyInfo> table{
      {"backend", "CARO_BACKEND", "auto|static|embedded|remote",
       "where commands come from; auto tries static, then embedded, then remote", ValueType::text},
      {"safety", "CARO_SAFETY", "strict|moderate|permissive", "how risky commands are blocked or confirmed",
       ValueType::text},
      {"shell", "CARO_SHELL", "bash|zsh|fish|sh", "shell to write commands for (default: detected from $SHELL)",
       ValueType::text},
      {"platform", "CARO_PLATFORM", "gnu|bsd|busybox",
       "dialect of find, sed, stat... (default: detected from the installed tools)", ValueType::text},
      {"output", "CARO_OUTPUT", "plain|json", "output format", ValueType::text},
      {"color", "CARO_COLOR", "auto|always|never", "colored output; auto colors terminals only", ValueType::text},
      {"model", "CARO_MODEL", "a model catalog id or a path to a GGUF file", "model used by the embedded backend",
       ValueType::text},
      {"static.min_confidence", "CARO_STATIC_MIN_CONFIDENCE", "0..1",
       "the static matcher declines requests it matches with less confidence than this", ValueType::number},
      {"embedded.threads", "CARO_THREADS", "1..1024",
       "threads the embedded backend computes with (default: the idle physical cores)", ValueType::integer},
      {"model_mirror", "CARO_MODEL_MIRROR", "an http:// or https:// base URL",
       "where `caro model pull` downloads from (default: $HF_ENDPOINT, else https://huggingface.co)", ValueType::text},
      {"telemetry", "CARO_TELEMETRY", "true|false",
       "record each generation's timings, backend and risk in a local database (never the text)", ValueType::boolean},
      {"history", "CARO_HISTORY", "true|false", "with telemetry on, also keep requests and commands for `caro history`",
       ValueType::boolean},
  };
  return table;
}

const KeyInfo* find_key(std::string_view name)
{
  for (const auto& key : keys()) {
    if (key.name == name) {
      return &key;
    }
  }
  return nullptr;
}

std::optional<std::string_view> closest_key(std::string_view name)
{
  if (name.empty()) {
    return std::nullopt;
  }
  std::optional<std::string_view> best;
  std::size_t best_distance = 3; // suggest only within distance 2
  for (const auto& key : keys()) {
    std::size_t distance = edit_distance(name, key.name);
    // "min_confidence" at the top level means "static.min_confidence".
    if (key.name.find('.') != std::string_view::npos) {
      distance = std::min(distance, edit_distance(last_component(name), last_component(key.name)));
    }
    if (distance < best_distance) {
      best_distance = distance;
      best = key.name;
    }
  }
  return best;
}

} // namespace caro::config
