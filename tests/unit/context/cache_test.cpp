#include "caro/context/detect.h"
#include "fake_system.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

namespace caro::context {
namespace {

using caro::testing::read_file;
using testing::FakeSystem;

void expect_same_context(const ExecutionContext& a, const ExecutionContext& b)
{
  EXPECT_EQ(a.os, b.os);
  EXPECT_EQ(a.arch, b.arch);
  EXPECT_EQ(a.shell, b.shell);
  EXPECT_EQ(a.shell_path, b.shell_path);
  EXPECT_EQ(a.cwd, b.cwd);
  EXPECT_EQ(a.home, b.home);
  EXPECT_EQ(a.platform, b.platform);
  EXPECT_EQ(a.tool_flavors, b.tool_flavors);
  EXPECT_EQ(a.installed, b.installed);
}

// A machine with GNU find and sed and a couple of installed tools.
class ContextCache : public ::testing::Test
{
protected:
  ContextCache()
  {
    system.add_versioned_tool("find", "find (GNU findutils) 4.9.0");
    system.add_versioned_tool("sed", "sed (GNU sed) 4.9");
    system.add_script("bin/git", "exit 0");
  }
  FakeSystem system;
};

TEST_F(ContextCache, FirstDetectionWritesCacheAndSecondReusesIt)
{
  const auto first = detect(system.options());
  EXPECT_FALSE(first.from_cache);
  EXPECT_EQ(first.cache_file, system.cache_file().string());
  ASSERT_TRUE(std::filesystem::exists(system.cache_file()));

  const auto second = detect(system.options());

  EXPECT_TRUE(second.from_cache);
  EXPECT_EQ(second.cache_file, first.cache_file);
  expect_same_context(first.context, second.context);
  EXPECT_EQ(second.context.tool_flavors.at("find"), Platform::gnu);
  EXPECT_TRUE(second.context.has("git"));
}

TEST_F(ContextCache, CachedAnswerIsUsedWithoutProbingAgain)
{
  detect(system.options());
  // Swap find for a BSD one without touching the directory entry list; the
  // key still matches, so the stored (GNU) answer must come back.
  const auto mtime = std::filesystem::last_write_time(system.bin());
  system.add_bsd_tool("find");
  std::filesystem::last_write_time(system.bin(), mtime);

  const auto report = detect(system.options());

  EXPECT_TRUE(report.from_cache);
  EXPECT_EQ(report.context.tool_flavors.at("find"), Platform::gnu);
}

TEST_F(ContextCache, ChangedPathInvalidates)
{
  detect(system.options());
  system.add_script("more/jq", "exit 0");

  const auto report =
      detect(system.options({{"PATH", system.bin().string() + ":" + (system.root() / "more").string()}}));

  EXPECT_FALSE(report.from_cache);
  EXPECT_TRUE(report.context.has("jq"));
  EXPECT_TRUE(
      detect(system.options({{"PATH", system.bin().string() + ":" + (system.root() / "more").string()}})).from_cache);
}

TEST_F(ContextCache, InstallingIntoPathDirectoryInvalidates)
{
  const auto before = detect(system.options());
  EXPECT_FALSE(before.context.has("jq"));
  system.add_script("bin/jq", "exit 0");
  FakeSystem::bump_mtime(system.bin());

  const auto after = detect(system.options());

  EXPECT_FALSE(after.from_cache);
  EXPECT_TRUE(after.context.has("jq"));
}

TEST_F(ContextCache, ChangedShellVariableInvalidates)
{
  detect(system.options());

  const auto report = detect(system.options({{"SHELL", "/usr/bin/zsh"}}));

  EXPECT_FALSE(report.from_cache);
  EXPECT_EQ(report.context.shell, Shell::zsh);
}

TEST_F(ContextCache, CorruptFileIsIgnoredAndRewritten)
{
  std::filesystem::create_directories(system.cache_file().parent_path());
  {
    std::ofstream(system.cache_file(), std::ios::trunc) << "\x01garbage{{ not json";
  }

  const auto first = detect(system.options());

  EXPECT_FALSE(first.from_cache);
  EXPECT_EQ(first.context.tool_flavors.at("find"), Platform::gnu);
  EXPECT_TRUE(nlohmann::json::accept(read_file(system.cache_file())));
  EXPECT_TRUE(detect(system.options()).from_cache);
}

TEST_F(ContextCache, WellFormedJsonWithBadValuesIsIgnored)
{
  detect(system.options());
  auto document = nlohmann::json::parse(read_file(system.cache_file()));
  document["tool_flavors"]["find"] = "martian";
  {
    std::ofstream(system.cache_file(), std::ios::trunc) << document.dump();
  }

  const auto report = detect(system.options());

  EXPECT_FALSE(report.from_cache);
  EXPECT_EQ(report.context.tool_flavors.at("find"), Platform::gnu);
  EXPECT_EQ(nlohmann::json::parse(read_file(system.cache_file()))["tool_flavors"]["find"], "gnu");
}

TEST_F(ContextCache, DisabledCacheNeitherReadsNorWrites)
{
  auto options = system.options();
  options.use_cache = false;

  const auto report = detect(options);

  EXPECT_FALSE(report.from_cache);
  EXPECT_TRUE(report.cache_file.empty());
  EXPECT_FALSE(std::filesystem::exists(system.cache_home()));

  detect(system.options()); // now write one, then check it is not read when disabled
  EXPECT_FALSE(detect(options).from_cache);
}

TEST_F(ContextCache, OverridesAreAppliedAfterLoadingAndNeverStored)
{
  auto overridden = system.options();
  overridden.shell = Shell::fish;
  overridden.platform = Platform::bsd;
  const auto first = detect(overridden);
  EXPECT_EQ(first.context.shell, Shell::fish);
  EXPECT_EQ(first.context.platform, Platform::bsd);

  const auto plain = detect(system.options());
  EXPECT_TRUE(plain.from_cache);
  EXPECT_EQ(plain.context.shell, Shell::bash);
  EXPECT_EQ(plain.context.platform, Platform::gnu);

  const auto again = detect(overridden);
  EXPECT_TRUE(again.from_cache);
  EXPECT_EQ(again.context.shell, Shell::fish);
  EXPECT_EQ(again.context.platform, Platform::bsd);
}

TEST_F(ContextCache, ExplicitCacheDirIsUsed)
{
  auto options = system.options();
  options.cache_dir = (system.root() / "elsewhere").string();

  const auto report = detect(options);

  EXPECT_EQ(report.cache_file, (system.root() / "elsewhere" / "context.json").string());
  EXPECT_TRUE(std::filesystem::exists(report.cache_file));
  EXPECT_FALSE(std::filesystem::exists(system.cache_file()));
}

TEST_F(ContextCache, FallsBackToHomeDotCache)
{
  const auto report = detect(system.options({{"XDG_CACHE_HOME", ""}}));

  EXPECT_EQ(report.cache_file, (system.home() / ".cache" / "caro" / "context.json").string());
  EXPECT_TRUE(std::filesystem::exists(report.cache_file));
}

TEST_F(ContextCache, UnwritableCacheDirIsHarmless)
{
  auto options = system.options();
  // A regular file where the directory should be: nothing can be created under it.
  options.cache_dir = system.add_script("not-a-dir", "").string();

  const auto first = detect(options);
  const auto second = detect(options);

  EXPECT_FALSE(first.from_cache);
  EXPECT_FALSE(second.from_cache);
  EXPECT_EQ(second.context.tool_flavors.at("find"), Platform::gnu);
}

TEST_F(ContextCache, NoTemporaryFilesAreLeftBehind)
{
  detect(system.options());
  system.add_script("bin/jq", "exit 0");
  FakeSystem::bump_mtime(system.bin());
  detect(system.options());

  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(system.cache_file().parent_path())) {
    names.push_back(entry.path().filename().string());
  }
  EXPECT_EQ(names, std::vector<std::string>{"context.json"});
}

} // namespace
} // namespace caro::context
