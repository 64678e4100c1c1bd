// Applying one setting given as text (a flag, or an environment variable) and
// reading a setting back as text. The conversions themselves live in
// values.cpp so that every source accepts and rejects the same values.

#include "caro/config/settings.h"

#include "caro/config/values.h"

#include <string>

namespace caro::config {

Expected<void> apply(Resolved& resolved, std::string_view key, std::string_view value, Source source)
{
  const KeyInfo* info = find_key(key);
  if (info == nullptr) {
    return unexpected(detail::unknown_key_message(key), "run `caro config show` to see every key");
  }
  auto assigned = detail::assign_text(resolved.settings, *info, value);
  if (!assigned) {
    return assigned;
  }
  resolved.sources.insert_or_assign(std::string(info->name), source);
  return {};
}

std::string value_as_text(const Settings& settings, std::string_view key)
{
  if (key == "backend") {
    return std::string(to_string(settings.backend));
  }
  if (key == "safety") {
    return std::string(to_string(settings.safety));
  }
  if (key == "shell") {
    return settings.shell ? std::string(to_string(*settings.shell)) : std::string();
  }
  if (key == "platform") {
    return settings.platform ? std::string(to_string(*settings.platform)) : std::string();
  }
  if (key == "output") {
    return std::string(to_string(settings.output));
  }
  if (key == "color") {
    return std::string(to_string(settings.color));
  }
  if (key == "model") {
    return settings.model;
  }
  if (key == "static.min_confidence") {
    return detail::format_number(settings.static_min_confidence);
  }
  if (key == "embedded.threads") {
    return settings.embedded_threads ? std::to_string(*settings.embedded_threads) : std::string();
  }
  if (key == "model_mirror") {
    return settings.model_mirror;
  }
  if (key == "telemetry") {
    return settings.telemetry ? "true" : "false";
  }
  if (key == "history") {
    return settings.history ? "true" : "false";
  }
  return {};
}

} // namespace caro::config
