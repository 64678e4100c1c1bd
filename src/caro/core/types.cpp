#include "caro/core/types.h"

#include <array>
#include <utility>

namespace caro {
namespace {

template<typename Enum, std::size_t N> using NameTable = std::array<std::pair<Enum, std::string_view>, N>;

constexpr NameTable<Risk, 4> k_risk_names{
    {{Risk::safe, "safe"}, {Risk::moderate, "moderate"}, {Risk::high, "high"}, {Risk::critical, "critical"}}};
constexpr NameTable<Shell, 4> k_shell_names{
    {{Shell::bash, "bash"}, {Shell::zsh, "zsh"}, {Shell::fish, "fish"}, {Shell::sh, "sh"}}};
constexpr NameTable<Platform, 3> k_platform_names{
    {{Platform::gnu, "gnu"}, {Platform::bsd, "bsd"}, {Platform::busybox, "busybox"}}};
constexpr NameTable<SafetyMode, 3> k_safety_names{
    {{SafetyMode::strict, "strict"}, {SafetyMode::moderate, "moderate"}, {SafetyMode::permissive, "permissive"}}};
constexpr NameTable<BackendChoice, 4> k_backend_names{{{BackendChoice::automatic, "auto"},
                                                       {BackendChoice::static_matcher, "static"},
                                                       {BackendChoice::embedded, "embedded"},
                                                       {BackendChoice::remote, "remote"}}};
constexpr NameTable<OutputFormat, 2> k_output_names{{{OutputFormat::plain, "plain"}, {OutputFormat::json, "json"}}};
constexpr NameTable<ColorChoice, 3> k_color_names{
    {{ColorChoice::automatic, "auto"}, {ColorChoice::always, "always"}, {ColorChoice::never, "never"}}};

template<typename Enum, std::size_t N> std::string_view name_of(const NameTable<Enum, N>& table, Enum value)
{
  for (const auto& [candidate, name] : table) {
    if (candidate == value) {
      return name;
    }
  }
  return "?";
}

template<typename Enum, std::size_t N>
std::optional<Enum> value_of(const NameTable<Enum, N>& table, std::string_view text)
{
  for (const auto& [candidate, name] : table) {
    if (name == text) {
      return candidate;
    }
  }
  return std::nullopt;
}

} // namespace

std::string_view to_string(Risk risk)
{
  return name_of(k_risk_names, risk);
}
std::string_view to_string(Shell shell)
{
  return name_of(k_shell_names, shell);
}
std::string_view to_string(Platform platform)
{
  return name_of(k_platform_names, platform);
}
std::string_view to_string(SafetyMode mode)
{
  return name_of(k_safety_names, mode);
}
std::string_view to_string(BackendChoice backend)
{
  return name_of(k_backend_names, backend);
}
std::string_view to_string(OutputFormat format)
{
  return name_of(k_output_names, format);
}
std::string_view to_string(ColorChoice color)
{
  return name_of(k_color_names, color);
}

std::optional<Risk> parse_risk(std::string_view text)
{
  return value_of(k_risk_names, text);
}
std::optional<Shell> parse_shell(std::string_view text)
{
  return value_of(k_shell_names, text);
}
std::optional<Platform> parse_platform(std::string_view text)
{
  return value_of(k_platform_names, text);
}
std::optional<SafetyMode> parse_safety_mode(std::string_view text)
{
  return value_of(k_safety_names, text);
}
std::optional<BackendChoice> parse_backend(std::string_view text)
{
  return value_of(k_backend_names, text);
}
std::optional<OutputFormat> parse_output_format(std::string_view text)
{
  return value_of(k_output_names, text);
}
std::optional<ColorChoice> parse_color(std::string_view text)
{
  return value_of(k_color_names, text);
}

} // namespace caro
