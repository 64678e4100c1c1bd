// Prefix-cache naming (see prefix_cache.h). FNV-1a is not cryptographic;
// nothing here needs it to be: a collision could only load a state whose
// tokens are then checked against the expected prefix.

#include "caro/backends/embedded/prefix_cache.h"

#include "caro/backends/embedded/xdg_dirs.h"

#include <cstdio>
#include <string_view>

namespace caro::backends {
namespace {

constexpr std::string_view k_format = "caro-prefix-v1";

uint64_t fnv1a(std::string_view data, uint64_t basis)
{
  uint64_t hash = basis;
  for (const char c : data) {
    hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  }
  return hash;
}

// Length-prefixed fields, so ("ab","c") and ("a","bc") differ.
void append_field(std::string& out, std::string_view field)
{
  out += std::to_string(field.size());
  out += ':';
  out += field;
  out += ';';
}

} // namespace

std::string prefix_cache_key(const PrefixKeyInputs& inputs)
{
  std::string blob;
  append_field(blob, k_format);
  append_field(blob, inputs.model_path);
  append_field(blob, std::to_string(inputs.model_bytes));
  append_field(blob, std::to_string(inputs.model_mtime_ns));
  append_field(blob, inputs.llama_commit);
  append_field(blob, inputs.chat_template);
  append_field(blob, inputs.prefix_text);
  append_field(blob, std::to_string(inputs.n_ctx));
  append_field(blob, std::to_string(inputs.n_batch));
  append_field(blob, std::to_string(inputs.n_ubatch));
  append_field(blob, inputs.extra);
  const uint64_t first = fnv1a(blob, 14695981039346656037ULL);
  const uint64_t second = fnv1a(blob, 0x84222325CBF29CE4ULL ^ first);
  char hex[33];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(first),
                static_cast<unsigned long long>(second));
  return hex;
}

std::optional<std::string> prefix_cache_directory(const EnvLookup& env)
{
  auto cache = xdg_directory(env, "XDG_CACHE_HOME", ".cache");
  if (!cache) {
    return std::nullopt;
  }
  return *cache + "/caro/prefix";
}

} // namespace caro::backends
