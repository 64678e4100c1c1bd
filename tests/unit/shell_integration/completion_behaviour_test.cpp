// What the bash and fish completion scripts actually offer for a given
// command line: bash's _caro is called with COMP_WORDS set as bash would set
// them, fish is asked with `complete -C`. (zsh's completion needs a live zle;
// the end-to-end test drives it in a terminal.)

#include "caro/backends/embedded/model_catalog.h"
#include "caro/config/settings.h"
#include "shell_test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace caro {
namespace {

using shell_test::completion_text;
using shell_test::run_in_sandbox;

using Words = std::set<std::string>;

Words lines_of(const std::string& text)
{
  Words words;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    // fish prints "candidate<TAB>description".
    line = line.substr(0, line.find('\t'));
    if (!line.empty()) {
      words.insert(line);
    }
  }
  return words;
}

// The command line being completed, as words; the last is the word under the cursor.
struct Case
{
  std::vector<std::string> words;
  Words expected;
};

// Every config key and every catalog model, from their tables: a key or model
// added there must be offered by the completion too.
Words config_key_names()
{
  Words names;
  for (const auto& key : config::keys()) {
    names.emplace(key.name);
  }
  return names;
}

Words catalog_model_ids()
{
  Words ids;
  for (const auto& model : backends::model_catalog()) {
    ids.emplace(model.id);
  }
  return ids;
}

const std::vector<Case>& cases()
{
  static const std::vector<Case> table{
      {{"caro", ""}, {"validate", "config", "model", "doctor", "stats", "history", "init", "completion"}},
      {{"caro", "--ba"}, {"--backend"}},
      {{"caro", "--backend", ""}, {"auto", "static", "embedded", "remote"}},
      {{"caro", "-s", ""}, {"bash", "zsh", "fish", "sh"}},
      {{"caro", "--platform", "b"}, {"bsd", "busybox"}},
      {{"caro", "--safety", ""}, {"strict", "moderate", "permissive"}},
      {{"caro", "-o", ""}, {"plain", "json"}},
      {{"caro", "init", ""}, {"bash", "zsh", "fish"}},
      {{"caro", "completion", "z"}, {"zsh"}},
      {{"caro", "init", "bash", ""}, {}},
      {{"caro", "config", ""}, {"show", "get", "set", "path"}},
      {{"caro", "-q", "--backend", "static", "config", "s"}, {"show", "set"}},
      {{"caro", "config", "get", ""}, config_key_names()},
      {{"caro", "config", "set", "color", ""}, {"auto", "always", "never"}},
      {{"caro", "config", "set", "backend", "e"}, {"embedded"}},
      {{"caro", "list", "files", ""}, {}},
      {{"caro", "--mo"}, {"--model"}},
      {{"caro", "--model", "qwen"}, {"qwen2.5-coder-0.5b", "qwen2.5-coder-1.5b"}},
      {{"caro", "--model", "smollm-135m", "mo"}, {"model"}},
      {{"caro", "model", ""}, {"list", "pull", "rm", "info", "path", "verify"}},
      {{"caro", "model", "p"}, {"pull", "path"}},
      {{"caro", "model", "rm", ""}, catalog_model_ids()},
      {{"caro", "model", "verify", "qwen2.5-coder-1"}, {"qwen2.5-coder-1.5b"}},
      {{"caro", "model", "pull", "smollm-135m", ""}, {}},
  };
  return table;
}

std::string describe(const std::vector<std::string>& words)
{
  std::string text;
  for (const auto& word : words) {
    text += (text.empty() ? "" : " ") + word;
  }
  return "'" + text + "'";
}

std::string bash_array(const std::vector<std::string>& words)
{
  std::string text = "(";
  for (const auto& word : words) {
    text += " '" + word + "'";
  }
  return text + " )";
}

TEST(BashCompletion, OffersTheExpectedWords)
{
  testing::TempDir dir;
  const auto script = dir.write("caro.bash", completion_text(Shell::bash));
  for (const auto& c : cases()) {
    const std::string program = "source \"$1\"\nCOMP_WORDS=" + bash_array(c.words) +
                                "\nCOMP_CWORD=" + std::to_string(c.words.size() - 1) +
                                "\n_caro\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
    const auto run = run_in_sandbox(dir, {"bash", "-c", program, "bash", script.string()});
    EXPECT_EQ(run.exit_status, 0) << run.err;
    EXPECT_EQ(lines_of(run.out), c.expected) << "completing " << describe(c.words);
  }
}

TEST(BashCompletion, CompletesAnOptionValueWrittenWithEquals)
{
  // With '=' in COMP_WORDBREAKS bash splits "--backend=st" into three words.
  testing::TempDir dir;
  const auto script = dir.write("caro.bash", completion_text(Shell::bash));
  const std::string program =
      "source \"$1\"\nCOMP_WORDS=(caro --backend = st)\nCOMP_CWORD=3\n_caro\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
  const auto run = run_in_sandbox(dir, {"bash", "-c", program, "bash", script.string()});
  EXPECT_EQ(lines_of(run.out), Words{"static"});
}

// A model may be a .gguf file: only those are offered, not other files.
const std::vector<std::vector<std::string>>& model_file_lines()
{
  static const std::vector<std::vector<std::string>> lines{
      {"caro", "--model", "models/"},
      {"caro", "model", "info", "models/"},
      {"caro", "model", "verify", "models/"},
  };
  return lines;
}

void write_model_files(const testing::TempDir& dir)
{
  dir.write("models/tiny.gguf", "GGUF");
  dir.write("models/notes.txt", "not a model");
}

TEST(BashCompletion, OffersOnlyGgufFilesForAModel)
{
  testing::TempDir dir;
  const auto script = dir.write("caro.bash", completion_text(Shell::bash));
  write_model_files(dir);
  for (const auto& words : model_file_lines()) {
    const std::string program = "source \"$1\"\nCOMP_WORDS=" + bash_array(words) +
                                "\nCOMP_CWORD=" + std::to_string(words.size() - 1) +
                                "\n_caro\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
    const auto run = run_in_sandbox(dir, {"bash", "-c", program, "bash", script.string()});
    EXPECT_EQ(run.exit_status, 0) << run.err;
    EXPECT_EQ(lines_of(run.out), Words{"models/tiny.gguf"}) << "completing " << describe(words);
  }
}

TEST(FishCompletion, OffersOnlyGgufFilesForAModel)
{
  testing::TempDir dir;
  const auto script = dir.write("caro.fish", completion_text(Shell::fish));
  write_model_files(dir);
  for (const auto& words : model_file_lines()) {
    std::string line;
    for (const auto& word : words) {
      line += (line.empty() ? "" : " ") + word;
    }
    const std::string program = "source $argv[1]; complete --do-complete=$argv[2]";
    const auto run = run_in_sandbox(dir, {"fish", "--no-config", "-c", program, script.string(), line});
    EXPECT_EQ(run.exit_status, 0) << run.err;
    EXPECT_EQ(lines_of(run.out), Words{"models/tiny.gguf"}) << "completing " << describe(words);
  }
}

TEST(FishCompletion, OffersTheExpectedWords)
{
  testing::TempDir dir;
  const auto script = dir.write("caro.fish", completion_text(Shell::fish));
  for (const auto& c : cases()) {
    std::string line;
    for (const auto& word : c.words) {
      line += (line.empty() ? "" : " ") + word;
    }
    const std::string program = "source $argv[1]; complete --do-complete=$argv[2]";
    const auto run = run_in_sandbox(dir, {"fish", "--no-config", "-c", program, script.string(), line});
    EXPECT_EQ(run.exit_status, 0) << run.err;
    EXPECT_EQ(run.err, "");
    EXPECT_EQ(lines_of(run.out), c.expected) << "completing " << describe(c.words);
  }
}

} // namespace
} // namespace caro
