#include "caro/context/detect.h"
#include "caro/context/shell_choice.h"
#include "fake_system.h"

#include <gtest/gtest.h>

namespace caro::context {
namespace {

using testing::FakeSystem;

TEST(ShellForProgram, MapsFamiliesAndFallsBackToSh)
{
  EXPECT_EQ(shell_for_program("bash"), Shell::bash);
  EXPECT_EQ(shell_for_program("zsh"), Shell::zsh);
  EXPECT_EQ(shell_for_program("fish"), Shell::fish);
  EXPECT_EQ(shell_for_program("sh"), Shell::sh);
  for (const char* other : {"dash", "ash", "ksh", "tcsh", "nu", ""}) {
    EXPECT_EQ(shell_for_program(other), Shell::sh) << other;
  }
}

TEST(SelectShell, UsesShellVariableWhenItNamesTheChosenShell)
{
  const auto selection = select_shell(std::nullopt, "/usr/local/bin/fish", {});
  EXPECT_EQ(selection.shell, Shell::fish);
  EXPECT_EQ(selection.path, "/usr/local/bin/fish");
}

TEST(SelectShell, FallsBackToPathThenBinSh)
{
  const ShellPaths on_path{{"sh", "/usr/bin/sh"}, {"zsh", "/usr/bin/zsh"}};
  EXPECT_EQ(select_shell(std::nullopt, "/bin/dash", on_path).path, "/usr/bin/sh");
  EXPECT_EQ(select_shell(Shell::zsh, "/bin/bash", on_path).path, "/usr/bin/zsh");
  EXPECT_EQ(select_shell(Shell::fish, "/bin/bash", on_path).path, "/bin/sh");
  // A relative $SHELL is not trusted as a path.
  EXPECT_EQ(select_shell(std::nullopt, "zsh", on_path).path, "/usr/bin/zsh");
}

TEST(DetectShell, ZshFromShellVariable)
{
  FakeSystem system;
  auto options = system.options({{"SHELL", "/usr/bin/zsh"}});
  options.use_cache = false;

  const auto context = detect(options).context;

  EXPECT_EQ(context.shell, Shell::zsh);
  EXPECT_EQ(context.shell_path, "/usr/bin/zsh");
}

TEST(DetectShell, FishFromShellVariable)
{
  FakeSystem system;
  auto options = system.options({{"SHELL", "/opt/homebrew/bin/fish"}});
  options.use_cache = false;

  const auto context = detect(options).context;

  EXPECT_EQ(context.shell, Shell::fish);
  EXPECT_EQ(context.shell_path, "/opt/homebrew/bin/fish");
}

TEST(DetectShell, DashIsShAndRunsTheShFoundOnPath)
{
  FakeSystem system;
  system.add_script("bin/sh", "exit 0");
  auto options = system.options({{"SHELL", "/bin/dash"}});
  options.use_cache = false;

  const auto context = detect(options).context;

  EXPECT_EQ(context.shell, Shell::sh);
  EXPECT_EQ(context.shell_path, (system.bin() / "sh").string());
}

TEST(DetectShell, UnsetShellVariableMeansShAtBinShWhenNoneOnPath)
{
  FakeSystem system;
  auto options = system.options({{"SHELL", ""}});
  options.use_cache = false;

  const auto context = detect(options).context;

  EXPECT_EQ(context.shell, Shell::sh);
  EXPECT_EQ(context.shell_path, "/bin/sh");
}

TEST(DetectShell, OverrideWinsAndFindsThatShellOnPath)
{
  FakeSystem system;
  system.add_script("bin/zsh", "exit 0");
  auto options = system.options({{"SHELL", "/bin/bash"}});
  options.use_cache = false;
  options.shell = Shell::zsh;

  const auto context = detect(options).context;

  EXPECT_EQ(context.shell, Shell::zsh);
  EXPECT_EQ(context.shell_path, (system.bin() / "zsh").string());
}

TEST(DetectShell, OverrideMatchingShellVariableKeepsItsPath)
{
  FakeSystem system;
  system.add_script("bin/bash", "exit 0");
  auto options = system.options({{"SHELL", "/usr/local/bin/bash"}});
  options.use_cache = false;
  options.shell = Shell::bash;

  EXPECT_EQ(detect(options).context.shell_path, "/usr/local/bin/bash");
}

} // namespace
} // namespace caro::context
