// Converting configuration values between text and Settings fields. All
// sources (file, environment, flags, `config set`) go through assign_text or
// assign_number so that they accept the same values and say the same thing
// about a bad one; the callers only add where the value came from.

#include "caro/config/values.h"

#include "caro/util/strings.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>
#include <system_error>

namespace caro::config::detail {
namespace {

Unexpected invalid(const KeyInfo& key, std::string_view shown_value)
{
  return unexpected("invalid value " + std::string(shown_value) + " for key \"" + std::string(key.name) +
                    "\": " + expectation(key));
}

template<typename T, typename Parser>
Expected<void> assign_enum(T& field, const KeyInfo& key, std::string_view text, Parser parse)
{
  const auto parsed = parse(text);
  if (!parsed) {
    return invalid(key, toml_quote(text));
  }
  field = *parsed;
  return {};
}

std::optional<double> parse_number(std::string_view text)
{
  double number = 0;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  const auto [end, error] = std::from_chars(first, last, number);
  if (text.empty() || error != std::errc{} || end != last || !std::isfinite(number)) {
    return std::nullopt;
  }
  return number;
}

std::optional<bool> parse_boolean(std::string_view text)
{
  if (text == "true") {
    return true;
  }
  if (text == "false") {
    return false;
  }
  return std::nullopt;
}

constexpr long k_max_threads = 1024;

std::optional<int> parse_threads(std::string_view text)
{
  const auto value = util::parse_integer(text);
  if (!value || *value < 1 || *value > k_max_threads) {
    return std::nullopt;
  }
  return static_cast<int>(*value);
}

bool is_http_url(std::string_view text)
{
  for (const std::string_view scheme : {"http://", "https://"}) {
    if (text.size() > scheme.size() && text.substr(0, scheme.size()) == scheme) {
      return text.find_first_of(" \t\r\n") == std::string_view::npos;
    }
  }
  return false;
}

} // namespace

std::string toml_quote(std::string_view value)
{
  std::string out = "\"";
  for (const char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\b':
      out += "\\b";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\f':
      out += "\\f";
      break;
    case '\r':
      out += "\\r";
      break;
    default:
      if (byte < 0x20 || byte == 0x7f) {
        char escaped[8];
        std::snprintf(escaped, sizeof escaped, "\\u%04X", static_cast<unsigned>(byte));
        out += escaped;
      } else {
        out += c;
      }
    }
  }
  out += '"';
  return out;
}

std::string format_number(double number)
{
  if (number == 0) {
    return "0"; // also for -0
  }
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
  return std::string(buffer, result.ptr);
}

std::string expectation(const KeyInfo& key)
{
  if (key.type == ValueType::number) {
    return "expected a number in " + std::string(key.allowed);
  }
  if (key.type == ValueType::integer) {
    return "expected a whole number in " + std::string(key.allowed);
  }
  return "expected " + std::string(key.allowed);
}

Expected<void> assign_text(Settings& settings, const KeyInfo& key, std::string_view text)
{
  const std::string_view name = key.name;
  if (name == "backend") {
    return assign_enum(settings.backend, key, text, parse_backend);
  }
  if (name == "safety") {
    return assign_enum(settings.safety, key, text, parse_safety_mode);
  }
  if (name == "shell") {
    return assign_enum(settings.shell, key, text, parse_shell);
  }
  if (name == "platform") {
    return assign_enum(settings.platform, key, text, parse_platform);
  }
  if (name == "output") {
    return assign_enum(settings.output, key, text, parse_output_format);
  }
  if (name == "color") {
    return assign_enum(settings.color, key, text, parse_color);
  }
  if (name == "model") {
    if (text.empty()) {
      return invalid(key, toml_quote(text));
    }
    settings.model = std::string(text);
    return {};
  }
  if (name == "static.min_confidence") {
    const auto number = parse_number(text);
    if (!number) {
      return invalid(key, toml_quote(text));
    }
    return assign_number(settings, key, *number);
  }
  if (name == "embedded.threads") {
    const auto threads = parse_threads(text);
    if (!threads) {
      return invalid(key, toml_quote(text));
    }
    settings.embedded_threads = *threads;
    return {};
  }
  if (name == "model_mirror") {
    // Empty means unset, so `config set model_mirror ""` goes back to the default.
    if (!text.empty() && !is_http_url(text)) {
      return invalid(key, toml_quote(text));
    }
    settings.model_mirror = std::string(text);
    return {};
  }
  if (name == "telemetry" || name == "history") {
    const auto value = parse_boolean(text);
    if (!value) {
      return invalid(key, toml_quote(text));
    }
    (name == "telemetry" ? settings.telemetry : settings.history) = *value;
    return {};
  }
  // Only reachable when keys() grows without a case here: a programmer error.
  return unexpected("key \"" + std::string(name) + "\" has no setter");
}

Expected<void> assign_number(Settings& settings, const KeyInfo& key, double number)
{
  if (key.name != "static.min_confidence") {
    return unexpected("key \"" + std::string(key.name) + "\" is not a number");
  }
  if (!std::isfinite(number) || number < 0 || number > 1) {
    return invalid(key, std::isfinite(number) ? format_number(number) : std::string("nan/inf"));
  }
  settings.static_min_confidence = number;
  return {};
}

std::string toml_literal(const KeyInfo& key, std::string_view text)
{
  if (key.type == ValueType::integer || key.type == ValueType::boolean) {
    return std::string(text); // already checked: digits, or true/false
  }
  if (key.type != ValueType::number) {
    return toml_quote(text);
  }
  double number = parse_number(text).value_or(0);
  std::string out = format_number(number);
  if (out.find_first_of(".e") == std::string::npos) {
    out += ".0";
  }
  return out;
}

std::string unknown_key_message(std::string_view name)
{
  std::string message = "unknown key " + toml_quote(name);
  if (const auto suggestion = closest_key(name)) {
    message += " (did you mean \"" + std::string(*suggestion) + "\"?)";
  }
  message += "; valid keys: ";
  bool first = true;
  for (const auto& key : keys()) {
    message += first ? "" : ", ";
    message += key.name;
    first = false;
  }
  return message;
}

} // namespace caro::config::detail
