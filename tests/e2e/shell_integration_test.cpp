// End-to-end tests of `caro init` and `caro completion` in real interactive
// bash, zsh and fish, driven through tmux: a person's keystrokes go in with
// send-keys and the screen comes back with capture-pane. Each test gets its own
// tmux server on a private socket, a temp HOME with a minimal rc file, and
// (except the real-binary test) a fake caro through CARO_BIN, so what is
// checked is the shell glue, not the matcher.

#include "caro/cli/shell_integration.h"
#include "caro/util/strings.h"
#include "support/caro_process.h"
#include "support/patience.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace caro::testing {
namespace {

using namespace std::chrono_literals;

constexpr auto k_screen_timeout = k_patience;
// The real binary may probe the system on its first run (context cache).
constexpr auto k_real_binary_timeout = 30s;
constexpr std::string_view k_prompt = "caro-e2e> ";

std::vector<std::string> lines_of(const std::string& screen)
{
  std::vector<std::string> lines;
  std::istringstream in(screen);
  std::string line;
  while (std::getline(in, line)) {
    lines.push_back(line);
  }
  return lines;
}

std::string prompt_line(std::string_view text)
{
  std::string line(k_prompt);
  line.append(text);
  return std::string(util::trim(line));
}

// One tmux server on a private socket with one 200x50 window running `command`;
// the server is killed when this goes out of scope.
class TmuxSession
{
public:
  TmuxSession(const TempDir& dir, const std::string& command, const std::map<std::string, std::string>& env)
      : m_socket((dir.path() / "tmux.sock").string())
  {
    for (const auto& [name, value] : env) {
      m_environment.push_back(name + "=" + value);
    }
    const auto started = tmux({"-f", "/dev/null", "new-session", "-d", "-x", "200", "-y", "50", command});
    if (started.exit_status != 0) {
      throw std::runtime_error("tmux new-session failed: " + started.err);
    }
  }

  ~TmuxSession() { (void)tmux({"kill-server"}); }
  TmuxSession(const TmuxSession&) = delete;
  TmuxSession& operator=(const TmuxSession&) = delete;

  // Types `text` as it is (no key names).
  void type(const std::string& text) { (void)tmux({"send-keys", "-l", text}); }
  // Presses a key by tmux name: "C-g", "Enter", "Tab".
  void press(const std::string& key) { (void)tmux({"send-keys", key}); }

  std::string screen() const { return tmux({"capture-pane", "-p"}).out; }

  // The screen line the cursor is on, trailing blanks removed.
  std::string cursor_line() const
  {
    const auto where = cursor();
    const auto lines = lines_of(screen());
    if (where.second < 0 || static_cast<std::size_t>(where.second) >= lines.size()) {
      return {};
    }
    return std::string(util::trim(lines[static_cast<std::size_t>(where.second)]));
  }

  // Cursor column and row, 0-based.
  std::pair<int, int> cursor() const
  {
    const auto out = tmux({"display-message", "-p", "#{cursor_x} #{cursor_y}"}).out;
    std::istringstream in(out);
    int x = -1;
    int y = -1;
    in >> x >> y;
    return {x, y};
  }

  // Polls the screen until `done` holds or the timeout passes; false on timeout.
  bool wait_until(const std::function<bool()>& done, std::chrono::seconds timeout = k_screen_timeout) const
  {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      if (done()) {
        return true;
      }
      std::this_thread::sleep_for(50ms);
    }
    return done();
  }

  bool wait_for_cursor_line(const std::string& expected, std::chrono::seconds timeout = k_screen_timeout) const
  {
    return wait_until([&] { return cursor_line() == expected; }, timeout);
  }

  bool wait_for_screen_line(const std::string& expected, std::chrono::seconds timeout = k_screen_timeout) const
  {
    return wait_until(
        [&] {
          for (const auto& line : lines_of(screen())) {
            if (util::trim(line) == expected) {
              return true;
            }
          }
          return false;
        },
        timeout);
  }

private:
  util::ProcessOutput tmux(std::vector<std::string> args) const
  {
    args.insert(args.begin(), {"tmux", "-S", m_socket});
    util::CaptureOptions options;
    options.timeout = k_patience;
    options.environment = m_environment;
    auto result = util::capture(args, options);
    if (!result) {
      ADD_FAILURE() << "cannot run tmux: " << result.error().message;
      return {};
    }
    return *result;
  }

  std::string m_socket;
  std::vector<std::string> m_environment;
};

std::string single_quoted(const std::string& text)
{
  std::string quoted = "'";
  for (const char c : text) {
    quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return quoted + "'";
}

// A stand-in for caro: appends its arguments to calls.log next to itself,
// fails for requests starting with "fail", and otherwise prints
// `echo generated-SHELL-REQUEST` (spaces turned into dashes).
constexpr std::string_view k_fake_caro = R"sh(#!/bin/sh
printf '%s\n' "$*" >> "$(dirname "$0")/calls.log"
shell=unknown
request=
previous=
for arg in "$@"; do
  case "$arg" in
    --prompt=*) request=${arg#--prompt=} ;;
  esac
  if [ "$previous" = --shell ]; then
    shell=$arg
  fi
  previous=$arg
done
case "$request" in
  fail*) echo "fake caro: no command for that" >&2; exit 3 ;;
esac
printf 'echo generated-%s-%s\n' "$shell" "$(printf '%s' "$request" | tr ' ' '-')"
)sh";

// A temp HOME with an rc file for `shell` that sets a plain prompt and loads
// `setup` (shell code), and a tmux session running that shell in it.
class ShellSandbox
{
public:
  ShellSandbox(Shell shell, const std::string& setup, std::map<std::string, std::string> extra_env = {})
  {
    const auto home = m_dir.path() / "home";
    std::filesystem::create_directories(home);
    std::map<std::string, std::string> env{
        {"HOME", home.string()},
        {"XDG_CONFIG_HOME", (home / ".config").string()},
        {"XDG_DATA_HOME", (home / ".local/share").string()},
        {"XDG_CACHE_HOME", (home / ".cache").string()},
        {"TMPDIR", m_dir.path().string()},
        {"TERM", "xterm-256color"},
        {"LC_ALL", "C.UTF-8"},
        {"SHELL", "/bin/sh"},
    };
    if (const char* path = std::getenv("PATH")) {
      env["PATH"] = path;
    }
    for (auto& [name, value] : extra_env) {
      env[name] = value;
    }
    std::string command;
    switch (shell) {
    case Shell::bash: {
      const auto rc = m_dir.write("home/.bashrc", "PS1=" + single_quoted(std::string(k_prompt)) + "\nHISTFILE=" +
                                                      (home / ".bash_history").string() + "\n" + setup + "\n");
      command = "bash --noprofile --rcfile " + single_quoted(rc.string()) + " -i";
      break;
    }
    case Shell::zsh:
      env["ZDOTDIR"] = home.string();
      m_dir.write("home/.zshrc", "PS1=" + single_quoted(std::string(k_prompt)) +
                                     "\nHISTFILE=" + (home / ".zsh_history").string() +
                                     "\nHISTSIZE=100\nSAVEHIST=100\n" + setup + "\n");
      command = "zsh -i";
      break;
    case Shell::fish:
      m_dir.write("home/.config/fish/config.fish", "function fish_prompt\n    printf '%s' " +
                                                       single_quoted(std::string(k_prompt)) +
                                                       "\nend\nfunction fish_greeting\nend\n" + setup + "\n");
      command = "fish -i";
      break;
    case Shell::sh:
      throw std::logic_error("no rc file for sh");
    }
    m_session.emplace(m_dir, command, env);
  }

  TmuxSession& session() { return *m_session; }
  const TempDir& dir() const { return m_dir; }

private:
  TempDir m_dir;
  std::optional<TmuxSession> m_session;
};

// Writes the fake caro and the init script for `shell` into `dir`; returns the
// rc code that loads the script with CARO_BIN pointing at the fake.
std::string fake_setup(const TempDir& dir, Shell shell, const std::string& extra = "")
{
  const auto fake = dir.write("fake/caro", std::string(k_fake_caro));
  std::filesystem::permissions(fake, std::filesystem::perms::owner_all);
  const auto script = cli::init_script(shell);
  if (!script) {
    ADD_FAILURE() << script.error().message;
    return {};
  }
  const auto init = dir.write("init-script", *script);
  const std::string set_bin = shell == Shell::fish ? "set -gx CARO_BIN " : "export CARO_BIN=";
  return set_bin + single_quoted(fake.string()) + "\nsource " + single_quoted(init.string()) + "\n" + extra;
}

// How to print the newest history entry in each shell.
std::string last_history_entry_command(Shell shell)
{
  return shell == Shell::fish ? "history --max 1" : "fc -ln -1";
}

class InitInShell : public ::testing::TestWithParam<Shell>
{
};

TEST_P(InitInShell, CtrlGReplacesTheLineWithTheCommandWhichEnterRunsAndHistoryKeeps)
{
  const Shell shell = GetParam();
  TempDir files;
  ShellSandbox sandbox(shell, fake_setup(files, shell));
  auto& tmux = sandbox.session();
  ASSERT_TRUE(tmux.wait_for_cursor_line(prompt_line(""))) << "no prompt:\n" << tmux.screen();

  tmux.type("list files");
  ASSERT_TRUE(tmux.wait_for_cursor_line(prompt_line("list files"))) << tmux.screen();
  tmux.press("C-g");
  const std::string generated = "echo generated-" + std::string(to_string(shell)) + "-list-files";
  ASSERT_TRUE(tmux.wait_for_cursor_line(prompt_line(generated))) << "line not replaced:\n" << tmux.screen();
  EXPECT_EQ(tmux.cursor().first, static_cast<int>(prompt_line(generated).size())) << "cursor not at the end";
  EXPECT_EQ(read_file(files.path() / "fake/calls.log"),
            "--shell " + std::string(to_string(shell)) + " --prompt=list files\n");

  tmux.press("Enter");
  EXPECT_TRUE(tmux.wait_for_screen_line("generated-" + std::string(to_string(shell)) + "-list-files"))
      << "the command did not run:\n"
      << tmux.screen();
  ASSERT_TRUE(tmux.wait_for_cursor_line(prompt_line(""))) << tmux.screen();

  const auto history_command = last_history_entry_command(shell);
  tmux.type(history_command);
  tmux.press("Enter");
  ASSERT_TRUE(tmux.wait_for_screen_line(prompt_line(history_command))) << tmux.screen();
  // The line after the history command is its output: the generated command.
  ASSERT_TRUE(tmux.wait_until([&] {
    const auto lines = lines_of(tmux.screen());
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
      if (util::trim(lines[i]) == prompt_line(history_command)) {
        return util::trim(lines[i + 1]) == generated;
      }
    }
    return false;
  })) << "the generated command is not the newest history entry:\n"
      << tmux.screen();
}

TEST_P(InitInShell, CtrlGKeepsTheLineAndShowsCarosMessageWhenItFails)
{
  const Shell shell = GetParam();
  TempDir files;
  ShellSandbox sandbox(shell, fake_setup(files, shell));
  auto& tmux = sandbox.session();
  ASSERT_TRUE(tmux.wait_for_cursor_line(prompt_line(""))) << "no prompt:\n" << tmux.screen();

  tmux.type("fail at this");
  ASSERT_TRUE(tmux.wait_for_cursor_line(prompt_line("fail at this"))) << tmux.screen();
  tmux.press("C-g");
  ASSERT_TRUE(tmux.wait_for_screen_line("fake caro: no command for that")) << tmux.screen();
  EXPECT_TRUE(tmux.wait_for_cursor_line(prompt_line("fail at this"))) << tmux.screen();
  EXPECT_EQ(tmux.screen().find("generated-"), std::string::npos);
}

TEST_P(InitInShell, CtrlGOnAnEmptyLineDoesNotCallCaro)
{
  const Shell shell = GetParam();
  TempDir files;
  ShellSandbox sandbox(shell, fake_setup(files, shell));
  auto& tmux = sandbox.session();
  ASSERT_TRUE(tmux.wait_for_cursor_line(prompt_line(""))) << "no prompt:\n" << tmux.screen();

  tmux.press("C-g");
  // Keys are handled in order: once this request is answered, the empty
  // Ctrl-G before it has been handled too.
  tmux.type("show disk usage");
  tmux.press("C-g");
  const std::string generated = "echo generated-" + std::string(to_string(shell)) + "-show-disk-usage";
  ASSERT_TRUE(tmux.wait_for_cursor_line(prompt_line(generated))) << tmux.screen();
  EXPECT_EQ(read_file(files.path() / "fake/calls.log"),
            "--shell " + std::string(to_string(shell)) + " --prompt=show disk usage\n");
}

INSTANTIATE_TEST_SUITE_P(Shells, InitInShell, ::testing::Values(Shell::bash, Shell::zsh, Shell::fish),
                         [](const ::testing::TestParamInfo<Shell>& param_info) {
                           return std::string(to_string(param_info.param));
                         });

// Completion scripts loaded the documented way, exercised with Tab.
std::string completion_setup(const TempDir& dir, Shell shell)
{
  const auto script = cli::completion_script(shell);
  if (!script) {
    ADD_FAILURE() << script.error().message;
    return {};
  }
  const auto file = dir.write("completion-script", *script);
  const std::string prelude = shell == Shell::zsh ? "autoload -Uz compinit && compinit -u -D\n" : "";
  return prelude + "source " + single_quoted(file.string()) + "\n";
}

class CompletionInShell : public ::testing::TestWithParam<Shell>
{
};

TEST_P(CompletionInShell, TabCompletesSubcommandsAndOptionValues)
{
  const Shell shell = GetParam();
  TempDir files;
  ShellSandbox sandbox(shell, completion_setup(files, shell));
  auto& tmux = sandbox.session();
  ASSERT_TRUE(tmux.wait_for_cursor_line(prompt_line(""))) << "no prompt:\n" << tmux.screen();

  tmux.type("caro ini");
  tmux.press("Tab");
  ASSERT_TRUE(tmux.wait_for_cursor_line(prompt_line("caro init"))) << tmux.screen();
  // Completing a whole word adds a space after it.
  tmux.type("zs");
  tmux.press("Tab");
  ASSERT_TRUE(tmux.wait_for_cursor_line(prompt_line("caro init zsh"))) << tmux.screen();
  tmux.press("C-u");
  ASSERT_TRUE(tmux.wait_for_cursor_line(prompt_line(""))) << tmux.screen();

  tmux.type("caro --safety perm");
  tmux.press("Tab");
  const std::string expected = shell == Shell::zsh ? "caro --safety=permissive" : "caro --safety permissive";
  EXPECT_TRUE(tmux.wait_until([&] {
    const auto line = tmux.cursor_line();
    return line == prompt_line("caro --safety permissive") || line == prompt_line(expected);
  })) << tmux.screen();
  tmux.press("C-u");
  ASSERT_TRUE(tmux.wait_for_cursor_line(prompt_line(""))) << tmux.screen();

  tmux.type("caro config set col");
  tmux.press("Tab");
  EXPECT_TRUE(tmux.wait_for_cursor_line(prompt_line("caro config set color"))) << tmux.screen();
}

TEST_P(CompletionInShell, TabCompletesModelActionsAndCatalogIds)
{
  const Shell shell = GetParam();
  TempDir files;
  ShellSandbox sandbox(shell, completion_setup(files, shell));
  auto& tmux = sandbox.session();
  ASSERT_TRUE(tmux.wait_for_cursor_line(prompt_line(""))) << "no prompt:\n" << tmux.screen();

  tmux.type("caro model ver");
  tmux.press("Tab");
  ASSERT_TRUE(tmux.wait_for_cursor_line(prompt_line("caro model verify"))) << tmux.screen();
  tmux.type("qwen2.5-coder-1");
  tmux.press("Tab");
  ASSERT_TRUE(tmux.wait_for_cursor_line(prompt_line("caro model verify qwen2.5-coder-1.5b"))) << tmux.screen();
  tmux.press("C-u");
  ASSERT_TRUE(tmux.wait_for_cursor_line(prompt_line(""))) << tmux.screen();

  tmux.type("caro --model smo");
  tmux.press("Tab");
  // zsh may join an option and its value with '='.
  EXPECT_TRUE(tmux.wait_until([&] {
    const auto line = tmux.cursor_line();
    return line == prompt_line("caro --model smollm-135m") || line == prompt_line("caro --model=smollm-135m");
  })) << tmux.screen();
}

INSTANTIATE_TEST_SUITE_P(Shells, CompletionInShell, ::testing::Values(Shell::bash, Shell::zsh, Shell::fish),
                         [](const ::testing::TestParamInfo<Shell>& param_info) {
                           return std::string(to_string(param_info.param));
                         });

// The real binary: `caro init bash` as printed, `command caro` found on PATH
// (a wrapper that pins the static backend), "list files" -> an ls command.
TEST(InitWithRealBinary, CtrlGInBashTurnsListFilesIntoAnLsCommand)
{
  TempDir files;
  const auto version = util::capture({CARO_BINARY, "--version"});
  if (!version || version->exit_status != 0) {
    GTEST_SKIP() << "the caro binary does not run yet (`caro --version` failed); the front end is unfinished";
  }
  const auto wrapper = files.write("bin/caro", "#!/bin/sh\nexec " + single_quoted(CARO_BINARY) + " -b static \"$@\"\n");
  std::filesystem::permissions(wrapper, std::filesystem::perms::owner_all);
  const std::string path = wrapper.parent_path().string() + ":" + std::getenv("PATH");

  ShellSandbox sandbox(Shell::bash, "eval \"$(caro init bash)\"", {{"PATH", path}});
  auto& tmux = sandbox.session();
  ASSERT_TRUE(tmux.wait_for_cursor_line(prompt_line(""))) << "no prompt:\n" << tmux.screen();

  tmux.type("list files");
  ASSERT_TRUE(tmux.wait_for_cursor_line(prompt_line("list files"))) << tmux.screen();
  tmux.press("C-g");
  const std::string replaced = prompt_line("ls");
  ASSERT_TRUE(tmux.wait_until(
      [&] {
        const auto line = tmux.cursor_line();
        return line.rfind(replaced, 0) == 0 && line != prompt_line("list files");
      },
      k_real_binary_timeout))
      << "the line did not become an ls command:\n"
      << tmux.screen();
  const auto line = tmux.cursor_line();
  EXPECT_EQ(tmux.cursor().first, static_cast<int>(line.size())) << "cursor not at the end";
  const std::string command = line.substr(k_prompt.size());

  tmux.press("Enter");
  ASSERT_TRUE(tmux.wait_for_cursor_line(prompt_line(""))) << tmux.screen();
  tmux.type("fc -ln -1");
  tmux.press("Enter");
  EXPECT_TRUE(tmux.wait_until([&] {
    const auto lines = lines_of(tmux.screen());
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
      if (util::trim(lines[i]) == prompt_line("fc -ln -1")) {
        return util::trim(lines[i + 1]) == command;
      }
    }
    return false;
  })) << "`"
      << command << "` is not the newest history entry:\n"
      << tmux.screen();
}

} // namespace
} // namespace caro::testing
