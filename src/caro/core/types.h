#pragma once

// Vocabulary shared by every module: risk levels, shells, platform dialects,
// safety modes and backend names, with their one canonical spelling.

#include <optional>
#include <string_view>

namespace caro {

// Ordered: a higher value is more dangerous.
enum class Risk { safe = 0, moderate = 1, high = 2, critical = 3 };

enum class Shell { bash, zsh, fish, sh };

// Command-line dialect of the core utilities (find, sed, stat, date, du, ps...).
enum class Platform { gnu, bsd, busybox };

enum class SafetyMode { strict, moderate, permissive };

enum class BackendChoice { automatic, static_matcher, embedded, remote };

enum class OutputFormat { plain, json };

enum class ColorChoice { automatic, always, never };

std::string_view to_string(Risk risk);
std::string_view to_string(Shell shell);
std::string_view to_string(Platform platform);
std::string_view to_string(SafetyMode mode);
std::string_view to_string(BackendChoice backend);
std::string_view to_string(OutputFormat format);
std::string_view to_string(ColorChoice color);

// Parsers accept exactly the canonical spelling (case-sensitive, as on the
// command line) and return nullopt for anything else.
std::optional<Risk> parse_risk(std::string_view text);
std::optional<Shell> parse_shell(std::string_view text);
std::optional<Platform> parse_platform(std::string_view text);
std::optional<SafetyMode> parse_safety_mode(std::string_view text);
std::optional<BackendChoice> parse_backend(std::string_view text);
std::optional<OutputFormat> parse_output_format(std::string_view text);
std::optional<ColorChoice> parse_color(std::string_view text);

inline Risk max_risk(Risk a, Risk b)
{
  return static_cast<int>(a) >= static_cast<int>(b) ? a : b;
}

inline Risk raise_risk(Risk risk)
{
  return risk == Risk::critical ? Risk::critical : static_cast<Risk>(static_cast<int>(risk) + 1);
}

} // namespace caro
