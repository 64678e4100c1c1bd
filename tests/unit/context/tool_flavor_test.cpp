#include "caro/context/detect.h"
#include "caro/context/tool_probe.h"
#include "fake_system.h"

#include <gtest/gtest.h>

#include <csignal>
#include <cstdlib>

namespace caro::context {
namespace {

using testing::FakeSystem;

TEST(FlavorFromVersionOutput, RecognisesGnuProcpsAndUutils)
{
  EXPECT_EQ(flavor_from_version_output(0, "find (GNU findutils) 4.9.0\n", ""), Platform::gnu);
  EXPECT_EQ(flavor_from_version_output(0, "sed (GNU sed) 4.9\n", ""), Platform::gnu);
  EXPECT_EQ(flavor_from_version_output(0, "ps from procps-ng 4.0.2\n", ""), Platform::gnu);
  EXPECT_EQ(flavor_from_version_output(0, "ls (uutils coreutils) 0.2.2\n", ""), Platform::gnu);
}

TEST(FlavorFromVersionOutput, BusyBoxInEitherStreamWins)
{
  EXPECT_EQ(flavor_from_version_output(1, "", "find: unrecognized option\nBusyBox v1.36.1 multi-call binary.\n"),
            Platform::busybox);
  EXPECT_EQ(flavor_from_version_output(0, "BusyBox v1.35.0\n", ""), Platform::busybox);
}

TEST(FlavorFromVersionOutput, RejectedOrUnrecognisedVersionIsBsd)
{
  EXPECT_EQ(flavor_from_version_output(1, "", "sed: illegal option -- -\nusage: sed script [-Ealnru]\n"),
            Platform::bsd);
  EXPECT_EQ(flavor_from_version_output(0, "some other find 1.0\n", ""), Platform::bsd);
  // A failing run does not count as GNU even if the text mentions it.
  EXPECT_EQ(flavor_from_version_output(2, "GNU\n", ""), Platform::bsd);
}

TEST(ToolFlavors, ClassifiesFakeToolsOnInjectedPath)
{
  FakeSystem system;
  system.add_versioned_tool("find", "find (GNU findutils) 4.9.0");
  system.add_bsd_tool("sed");
  system.add_versioned_tool("ps", "ps from procps-ng 4.0.2");
  system.add_busybox_symlink("ls");
  // A BusyBox reached without a symlink (e.g. a hard link) is told by its output.
  system.add_script("bin/stat", "echo 'stat: unrecognized option: version' >&2\n"
                                "echo 'BusyBox v1.36.1 (2023-07-27) multi-call binary.' >&2\nexit 1");
  auto options = system.options();
  options.use_cache = false;

  const auto report = detect(options);

  const ToolFlavors expected{{"find", Platform::gnu},
                             {"sed", Platform::bsd},
                             {"ps", Platform::gnu},
                             {"ls", Platform::busybox},
                             {"stat", Platform::busybox}};
  EXPECT_EQ(report.context.tool_flavors, expected); // date and du are absent: not on PATH
}

TEST(ToolFlavors, HungToolCountsAsBsd)
{
  FakeSystem system;
  system.add_script("bin/du", "read line\nwhile :; do :; done");
  ProbeOptions options{system.bin().string(), std::chrono::milliseconds(200)};

  const auto flavors = probe_tool_flavors({system.bin().string()}, options);

  ASSERT_EQ(flavors.count("du"), 1U);
  EXPECT_EQ(flavors.at("du"), Platform::bsd);
}

TEST(ToolFlavors, FirstMatchOnPathWins)
{
  FakeSystem system;
  system.add_versioned_tool("sed", "sed (GNU sed) 4.9");
  system.add_script("other/sed", "exit 1");
  const std::vector<std::string> dirs{system.bin().string(), (system.root() / "other").string()};

  const auto flavors = probe_tool_flavors(dirs, ProbeOptions{system.bin().string()});

  EXPECT_EQ(flavors.at("sed"), Platform::gnu);
}

TEST(ToolFlavors, BusyboxDetectedThroughSymlinkWithoutRunningIt)
{
  FakeSystem system;
  system.add_busybox_symlink("find");
  EXPECT_TRUE(is_busybox_binary((system.bin() / "find").string()));
  system.add_versioned_tool("sed", "sed (GNU sed) 4.9");
  EXPECT_FALSE(is_busybox_binary((system.bin() / "sed").string()));
}

TEST(ToolFlavors, ConcurrentProbesLeaveSigpipeDispositionAsFound)
{
  FakeSystem system;
  for (const char* tool : {"find", "sed", "ls", "stat", "date", "du", "ps"}) {
    system.add_versioned_tool(tool, "x (GNU coreutils) 9.1");
  }
  struct sigaction before = {};
  ::sigaction(SIGPIPE, nullptr, &before);

  const auto flavors = probe_tool_flavors({system.bin().string()}, ProbeOptions{system.bin().string()});

  struct sigaction after = {};
  ::sigaction(SIGPIPE, nullptr, &after);
  EXPECT_EQ(flavors.size(), 7U);
  EXPECT_EQ(after.sa_handler, before.sa_handler);
}

TEST(ChoosePlatform, BusyboxFindOrSedMakesBusybox)
{
  EXPECT_EQ(choose_platform("Linux", {{"find", Platform::busybox}, {"sed", Platform::gnu}}), Platform::busybox);
  EXPECT_EQ(choose_platform("Linux", {{"find", Platform::gnu}, {"sed", Platform::busybox}}), Platform::busybox);
  EXPECT_EQ(choose_platform("Darwin", {{"sed", Platform::busybox}}), Platform::busybox);
}

TEST(ChoosePlatform, BsdOperatingSystemsAreBsd)
{
  for (const char* os : {"Darwin", "FreeBSD", "OpenBSD", "NetBSD"}) {
    EXPECT_EQ(choose_platform(os, {{"find", Platform::gnu}, {"sed", Platform::gnu}}), Platform::bsd) << os;
  }
}

TEST(ChoosePlatform, LinuxNeedsBothFindAndSedBsdToBeBsd)
{
  EXPECT_EQ(choose_platform("Linux", {{"find", Platform::bsd}, {"sed", Platform::bsd}}), Platform::bsd);
  EXPECT_EQ(choose_platform("Linux", {{"find", Platform::gnu}, {"sed", Platform::bsd}}), Platform::gnu);
  EXPECT_EQ(choose_platform("Linux", {{"find", Platform::bsd}}), Platform::gnu);
  EXPECT_EQ(choose_platform("Linux", {}), Platform::gnu);
}

TEST(DetectPlatform, FollowsProbedTools)
{
  FakeSystem system;
  system.add_bsd_tool("find");
  system.add_bsd_tool("sed");
  auto options = system.options();
  options.use_cache = false;

  EXPECT_EQ(detect(options).context.platform, Platform::bsd);
}

TEST(DetectPlatform, BusyboxFindMakesBusyboxPlatform)
{
  FakeSystem system;
  system.add_busybox_symlink("find");
  system.add_versioned_tool("sed", "sed (GNU sed) 4.9");
  auto options = system.options();
  options.use_cache = false;

  EXPECT_EQ(detect(options).context.platform, Platform::busybox);
}

TEST(DetectPlatform, OverrideWinsOverProbes)
{
  FakeSystem system;
  system.add_busybox_symlink("find");
  auto options = system.options();
  options.use_cache = false;
  options.platform = Platform::gnu;

  const auto report = detect(options);

  EXPECT_EQ(report.context.platform, Platform::gnu);
  EXPECT_EQ(report.context.tool_flavors.at("find"), Platform::busybox); // the probe result is still reported
}

TEST(DetectOnThisMachine, DebianFindIsGnu)
{
  const char* path = std::getenv("PATH");
  ASSERT_NE(path, nullptr);
  DetectOptions options;
  options.env = fixed_environment({{"PATH", path}, {"HOME", "/nonexistent"}, {"SHELL", "/bin/bash"}});
  options.use_cache = false;

  const auto report = detect(options);

  ASSERT_EQ(report.context.tool_flavors.count("find"), 1U);
  EXPECT_EQ(report.context.tool_flavors.at("find"), Platform::gnu);
  EXPECT_TRUE(report.context.has("find"));
  EXPECT_FALSE(report.context.os.empty());
  EXPECT_FALSE(report.context.arch.empty());
}

} // namespace
} // namespace caro::context
