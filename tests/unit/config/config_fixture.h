#pragma once

// Shared by the config tests: a private home directory with an injected
// environment pointing at it, and one non-default sample value per key, so
// that a key added to keys() without tests makes the tests fail.

#include "caro/config/settings.h"
#include "support/caro_process.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace caro::config::testing {

struct Sample
{
  std::string value;     // as text (flag / environment)
  std::string file_text; // how config.toml states it
};

// Every key of keys(), with a value that differs from its default.
inline const std::map<std::string, Sample, std::less<>>& samples()
{
  static const std::map<std::string, Sample, std::less<>> table{
      {"backend", {"embedded", "backend = \"embedded\"\n"}},
      {"safety", {"strict", "safety = \"strict\"\n"}},
      {"shell", {"zsh", "shell = \"zsh\"\n"}},
      {"platform", {"bsd", "platform = \"bsd\"\n"}},
      {"output", {"json", "output = \"json\"\n"}},
      {"color", {"never", "color = \"never\"\n"}},
      {"model", {"/models/tiny model.gguf", "model = \"/models/tiny model.gguf\"\n"}},
      {"static.min_confidence", {"0.25", "[static]\nmin_confidence = 0.25\n"}},
      {"embedded.threads", {"3", "[embedded]\nthreads = 3\n"}},
      {"model_mirror", {"http://127.0.0.1:8080/hf", "model_mirror = \"http://127.0.0.1:8080/hf\"\n"}},
      {"telemetry", {"true", "telemetry = true\n"}},
      {"history", {"true", "history = true\n"}},
  };
  return table;
}

class ConfigTest : public ::testing::Test
{
protected:
  std::string home() const { return m_dir.path().string(); }
  std::string config_path() const { return home() + "/.config/caro/config.toml"; }

  // Writes the default config file (under $HOME/.config, XDG_CONFIG_HOME unset).
  std::string write_config(const std::string& contents) const
  {
    return m_dir.write(".config/caro/config.toml", contents).string();
  }

  EnvLookup environment(std::map<std::string, std::string, std::less<>> extra = {}) const
  {
    extra.emplace("HOME", home());
    return fixed_environment(std::move(extra));
  }

  Resolved resolve_ok(std::map<std::string, std::string, std::less<>> extra = {}) const
  {
    auto resolved = resolve(std::nullopt, environment(std::move(extra)));
    EXPECT_TRUE(resolved.has_value()) << (resolved ? "" : resolved.error().message);
    return resolved ? *resolved : Resolved{};
  }

  std::string resolve_error(std::map<std::string, std::string, std::less<>> extra = {}) const
  {
    auto resolved = resolve(std::nullopt, environment(std::move(extra)));
    EXPECT_FALSE(resolved.has_value());
    return resolved ? std::string() : resolved.error().message;
  }

  caro::testing::TempDir m_dir;
};

} // namespace caro::config::testing
