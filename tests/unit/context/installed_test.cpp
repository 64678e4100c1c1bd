#include "caro/context/detect.h"
#include "caro/context/path_search.h"
#include "fake_system.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace caro::context {
namespace {

using testing::FakeSystem;

TEST(KnownUtilities, CoversCommonToolsWithoutDuplicates)
{
  const auto& names = known_utilities();
  EXPECT_GE(names.size(), 60U);
  std::set<std::string> unique(names.begin(), names.end());
  EXPECT_EQ(unique.size(), names.size());
  for (const char* tool : {"find", "rg", "git", "jq", "docker", "python3", "watch"}) {
    EXPECT_EQ(unique.count(tool), 1U) << tool;
  }
}

TEST(SplitSearchPath, KeepsOrderAndDropsEmptyEntries)
{
  EXPECT_EQ(split_search_path("/usr/bin::/bin:"), (std::vector<std::string>{"/usr/bin", "/bin"}));
  EXPECT_TRUE(split_search_path("").empty());
}

TEST(BaseName, TakesLastComponent)
{
  EXPECT_EQ(base_name("/usr/bin/zsh"), "zsh");
  EXPECT_EQ(base_name("zsh"), "zsh");
  EXPECT_EQ(base_name("/bin/fish/"), "fish");
}

TEST(Installed, RecordsOnlyExecutableKnownUtilitiesFromEveryPathDir)
{
  FakeSystem system;
  system.add_script("bin/git", "exit 0");
  system.add_script("more/jq", "exit 0");
  system.add_script("bin/frobnicate", "exit 0"); // not a known utility
  const auto curl = system.bin() / "curl";       // present but not executable
  std::filesystem::copy_file(system.bin() / "git", curl);
  std::filesystem::permissions(curl, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  std::filesystem::create_directories(system.bin() / "make"); // a directory, not a program
  auto options = system.options({{"PATH", system.bin().string() + ":" + (system.root() / "more").string()}});
  options.use_cache = false;

  const auto context = detect(options).context;

  EXPECT_EQ(context.installed, (std::set<std::string, std::less<>>{"git", "jq"}));
  EXPECT_TRUE(context.has("git"));
  EXPECT_FALSE(context.has("curl"));
  EXPECT_FALSE(context.has("make"));
}

TEST(Installed, SymlinkedProgramCounts)
{
  FakeSystem system;
  const auto target = system.add_script("opt/rg-14/rg", "exit 0");
  std::filesystem::create_symlink(target, system.bin() / "rg");
  std::filesystem::create_symlink(system.root() / "missing", system.bin() / "fd"); // dangling
  auto options = system.options();
  options.use_cache = false;

  const auto context = detect(options).context;

  EXPECT_TRUE(context.has("rg"));
  EXPECT_FALSE(context.has("fd"));
}

TEST(Installed, EmptyPathFindsNothing)
{
  FakeSystem system;
  auto options = system.options({{"PATH", ""}});
  options.use_cache = false;

  const auto context = detect(options).context;

  EXPECT_TRUE(context.installed.empty());
  EXPECT_TRUE(context.tool_flavors.empty());
}

TEST(DetectBasics, ReadsHomeFromEnvironmentAndCwdFromProcess)
{
  FakeSystem system;
  auto options = system.options();
  options.use_cache = false;

  const auto context = detect(options).context;

  EXPECT_EQ(context.home, system.home().string());
  EXPECT_EQ(context.cwd, std::filesystem::current_path().string());
}

} // namespace
} // namespace caro::context
