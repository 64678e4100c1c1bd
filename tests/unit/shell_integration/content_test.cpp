// What the scripts must mention: the init scripts their key and CARO_BIN, the
// completion scripts every option of the command-line contract (docs/cli.md)
// with its value choices (for --model the catalog ids), every subcommand, the
// config and model actions and every config key.

#include "caro/backends/embedded/model_catalog.h"
#include "caro/cli/shell_integration.h"
#include "caro/config/settings.h"
#include "shell_test_support.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace caro {
namespace {

using shell_test::completion_text;
using shell_test::init_text;

struct OptionSpec
{
  std::string_view short_name; // empty when the option has none
  std::string_view long_name;
  std::vector<std::string_view> choices; // empty for flags and free values
};

// The catalog's model ids and the config keys come from their tables, so a
// model or key added there fails these tests until every completion script
// offers it.
std::vector<std::string_view> catalog_model_ids()
{
  std::vector<std::string_view> ids;
  for (const auto& model : backends::model_catalog()) {
    ids.push_back(model.id);
  }
  return ids;
}

std::vector<std::string_view> config_key_names()
{
  std::vector<std::string_view> names;
  for (const auto& key : config::keys()) {
    names.push_back(key.name);
  }
  return names;
}

// The options of `caro`, written once for all three shells.
const std::vector<OptionSpec>& contract_options()
{
  static const std::vector<OptionSpec> options{
      {"b", "backend", {"auto", "static", "embedded", "remote"}},
      {"s", "shell", {"bash", "zsh", "fish", "sh"}},
      {"", "platform", {"gnu", "bsd", "busybox"}},
      {"", "safety", {"strict", "moderate", "permissive"}},
      {"o", "output", {"plain", "json"}},
      {"", "model", catalog_model_ids()},
      {"x", "execute", {}},
      {"y", "yes", {}},
      {"", "dry-run", {}},
      {"", "explain", {}},
      {"v", "verbose", {}},
      {"q", "quiet", {}},
      {"", "config", {}},
      {"", "no-color", {}},
      {"p", "prompt", {}},
      {"h", "help", {}},
      {"", "version", {}},
  };
  return options;
}

const std::vector<std::string_view> k_subcommands{"validate", "config",  "model", "doctor",
                                                  "stats",    "history", "init",  "completion"};
const std::vector<std::string_view> k_config_actions{"show", "get", "set", "path"};
const std::vector<std::string_view> k_model_actions{"list", "pull", "rm", "info", "path", "verify"};

bool contains(const std::string& text, std::string_view piece)
{
  return text.find(piece) != std::string::npos;
}

// How each shell's completion script spells an option.
std::vector<std::string> option_spellings(Shell shell, const OptionSpec& option)
{
  // fish: "-l name" / "-s n"; bash and zsh: "--name" / "-n".
  const bool fish = shell == Shell::fish;
  std::vector<std::string> spellings;
  std::string long_spelling(fish ? "-l " : "--");
  long_spelling.append(option.long_name);
  spellings.push_back(long_spelling);
  if (!option.short_name.empty()) {
    std::string short_spelling(fish ? "-s " : "-");
    short_spelling.append(option.short_name);
    spellings.push_back(short_spelling);
  }
  return spellings;
}

std::string space_separated(const std::vector<std::string_view>& words)
{
  std::string joined;
  for (const auto word : words) {
    if (!joined.empty()) {
      joined.push_back(' ');
    }
    joined.append(word);
  }
  return joined;
}

class ScriptContent : public ::testing::TestWithParam<Shell>
{
};

TEST_P(ScriptContent, InitScriptDocumentsCtrlGAndBindsIt)
{
  const auto script = init_text(GetParam());
  EXPECT_TRUE(contains(script, "Ctrl-G")) << "the header must name the key";
  const std::string_view binding = GetParam() == Shell::bash  ? R"("\C-g": _caro_widget)"
                                   : GetParam() == Shell::zsh ? "'^G' _caro_widget"
                                                              : R"(\cg _caro_widget)";
  EXPECT_TRUE(contains(script, binding)) << "expected the binding " << binding;
}

TEST_P(ScriptContent, InitScriptHonoursCaroBinAndBypassesAliases)
{
  const auto script = init_text(GetParam());
  EXPECT_TRUE(contains(script, "CARO_BIN"));
  EXPECT_TRUE(contains(script, "command caro --shell " + std::string(to_string(GetParam()))));
}

TEST_P(ScriptContent, InitScriptExplainsHowToLoadIt)
{
  const auto script = init_text(GetParam());
  EXPECT_TRUE(contains(script, "caro init " + std::string(to_string(GetParam()))));
}

TEST_P(ScriptContent, CompletionScriptMentionsEveryOption)
{
  const auto script = completion_text(GetParam());
  for (const auto& option : contract_options()) {
    for (const auto& spelling : option_spellings(GetParam(), option)) {
      EXPECT_TRUE(contains(script, spelling)) << "missing option " << spelling;
    }
  }
}

TEST_P(ScriptContent, CompletionScriptOffersEachOptionsChoices)
{
  const auto script = completion_text(GetParam());
  for (const auto& option : contract_options()) {
    if (option.choices.empty()) {
      continue;
    }
    const auto choices = space_separated(option.choices);
    const auto expected = GetParam() == Shell::zsh ? "(" + choices + ")" : choices;
    EXPECT_TRUE(contains(script, expected)) << "--" << option.long_name << " should offer " << expected;
  }
}

TEST_P(ScriptContent, CompletionScriptMentionsSubcommandsAndTheirActions)
{
  const auto script = completion_text(GetParam());
  for (const auto& words : {k_subcommands, k_config_actions, k_model_actions, config_key_names()}) {
    for (const auto word : words) {
      EXPECT_TRUE(contains(script, word)) << "missing " << word;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Shells, ScriptContent, ::testing::Values(Shell::bash, Shell::zsh, Shell::fish),
                         [](const ::testing::TestParamInfo<Shell>& param_info) {
                           return std::string(to_string(param_info.param));
                         });

TEST(ZshCompletion, RegistersItselfWhenSourcedAfterCompinit)
{
  const auto script = completion_text(Shell::zsh);
  EXPECT_EQ(script.rfind("#compdef caro\n", 0), 0u) << "the first line must be #compdef caro";
  EXPECT_TRUE(contains(script, "compdef _caro caro"));
}

TEST(BashCompletion, RegistersAFunction)
{
  EXPECT_TRUE(contains(completion_text(Shell::bash), "complete -F _caro caro"));
}

} // namespace
} // namespace caro
