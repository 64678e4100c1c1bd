#pragma once

// Internal to the config module: turning a key's value from text into a
// Settings field (with the one error message every source shares), and
// back into text, for display and for writing TOML.

#include "caro/config/settings.h"

#include <string>
#include <string_view>

namespace caro::config::detail {

// `value` quoted and escaped as a TOML basic string; also used to quote
// values in messages, so control characters never reach the terminal raw.
std::string toml_quote(std::string_view value);

// Shortest text that reads back as exactly `number` ("0.6", "1").
std::string format_number(double number);

// "expected strict|moderate|permissive", "expected a number in 0..1".
std::string expectation(const KeyInfo& key);

// Sets `key` in `settings` from text. On error `settings` is unchanged and
// the message is: invalid value "x" for key "safety": expected ...
Expected<void> assign_text(Settings& settings, const KeyInfo& key, std::string_view text);

// Sets a number-typed key from a number already read from TOML.
Expected<void> assign_number(Settings& settings, const KeyInfo& key, double number);

// The value as it is written in config.toml: a quoted string, a number
// (always with a fraction, "1.0", so it reads back as a float), a whole
// number ("4") or a boolean ("true").
// `text` must already have passed assign_text.
std::string toml_literal(const KeyInfo& key, std::string_view text);

// unknown key "x"; valid keys: backend, safety, ... (with a suggestion when one is close).
std::string unknown_key_message(std::string_view name);

} // namespace caro::config::detail
