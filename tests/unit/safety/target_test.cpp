// Target classification: what a path argument stands for, through quoting,
// ~/$HOME expansion, globs, .. and unknown variables.

#include "caro/safety/parser.h"
#include "caro/safety/target.h"

#include <gtest/gtest.h>

namespace caro::safety {
namespace {

TargetClass classify(std::string_view text)
{
  const LexResult lexed = lex(text);
  EXPECT_FALSE(lexed.problem) << text;
  EXPECT_EQ(lexed.tokens.size(), 1U) << text;
  return classify_target(lexed.tokens.at(0).word);
}

TEST(Target, Root)
{
  for (const auto text : {"/", "//", "/.", "/*", "'/'", "\\/", "/usr/..", "/.*", "\"/\""}) {
    EXPECT_EQ(classify(text), TargetClass::root) << text;
  }
}

bool device(std::string_view text)
{
  const LexResult lexed = lex(text);
  EXPECT_EQ(lexed.tokens.size(), 1U) << text;
  return may_be_block_device(lexed.tokens.at(0).word);
}

TEST(Target, DevicePathNamedByAVariableMayBeABlockDevice)
{
  for (const auto text : {"/dev/sda", "/dev/$DISK", "\"/dev/${DEV}1\"", "/dev/$VG/$LV", "/dev/sd$X"}) {
    EXPECT_TRUE(device(text)) << text;
  }
  for (const auto text : {"/dev/null", "/dev/tty$N", "/dev/pts/$N", "$DIR/dev", "/tmp/$DISK", "dev/$X"}) {
    EXPECT_FALSE(device(text)) << text;
  }
}

TEST(Target, Home)
{
  for (const auto text : {"~", "~/", "~/*", "$HOME", "${HOME}", "\"$HOME\"", "\"$HOME/\"", "/home/alice", "/root",
                          "/home", "/Users/bob", "~alice"}) {
    EXPECT_EQ(classify(text), TargetClass::home) << text;
  }
  EXPECT_EQ(classify("~/projects"), TargetClass::plain);
  EXPECT_EQ(classify("'$HOME'"), TargetClass::plain) << "single quotes keep $HOME literal";
  EXPECT_EQ(classify("/home/alice/src"), TargetClass::plain);
}

TEST(Target, SystemDirectoriesAndPaths)
{
  for (const auto text : {"/etc", "/usr", "/usr/bin", "/var/log", "/boot/*", "/lib64", "/tmp", "/opt/"}) {
    EXPECT_EQ(classify(text), TargetClass::system_dir) << text;
  }
  EXPECT_EQ(classify("/etc/ssh/sshd_config"), TargetClass::system_path);
  EXPECT_EQ(classify("/usr/local/bin/tool"), TargetClass::system_path);
  EXPECT_EQ(classify("/tmp/build"), TargetClass::plain);
  EXPECT_EQ(classify("/var/tmp/x"), TargetClass::plain);
}

TEST(Target, BlockDevices)
{
  for (const auto text : {"/dev/sda", "/dev/sdb1", "/dev/nvme0n1p2", "/dev/vda", "/dev/hda", "/dev/mmcblk0",
                          "/dev/disk2", "/dev/mapper/root"}) {
    EXPECT_EQ(classify(text), TargetClass::block_device) << text;
  }
  EXPECT_EQ(classify("/dev/null"), TargetClass::plain);
  EXPECT_EQ(classify("/dev/stdout"), TargetClass::plain);
}

TEST(Target, AllFiles)
{
  for (const auto text : {"*", ".", "..", "./*", "../..", ".*", "./"}) {
    EXPECT_EQ(classify(text), TargetClass::all_files) << text;
  }
  EXPECT_EQ(classify("*.log"), TargetClass::plain);
  EXPECT_EQ(classify("build"), TargetClass::plain);
}

TEST(Target, UnknownVariables)
{
  for (const auto text : {"$DIR", "\"$DIR\"", "${DIR}/", "/$X", "$(cat f)", "$1", "./$X"}) {
    EXPECT_EQ(classify(text), TargetClass::unknown) << text;
  }
  EXPECT_EQ(classify("build/$V"), TargetClass::plain);
  EXPECT_EQ(classify("/home/$USER"), TargetClass::home);
  EXPECT_EQ(classify("/etc/$X"), TargetClass::system_dir);
}

TEST(Target, FromOffsetAndFileSensitivity)
{
  const LexResult lexed = lex("of=/dev/sda /etc/passwd /etc//shadow /etc/hosts /etc/motd");
  ASSERT_EQ(lexed.tokens.size(), 5U);
  EXPECT_EQ(classify_target(lexed.tokens[0].word, 3), TargetClass::block_device);
  EXPECT_EQ(file_sensitivity(lexed.tokens[1].word), FileSensitivity::authentication);
  EXPECT_EQ(file_sensitivity(lexed.tokens[2].word), FileSensitivity::authentication);
  EXPECT_EQ(file_sensitivity(lexed.tokens[3].word), FileSensitivity::configuration);
  EXPECT_EQ(file_sensitivity(lexed.tokens[4].word), FileSensitivity::none);
}

TEST(Target, NormalisePath)
{
  EXPECT_EQ(normalise_path("//a/./b/../c/"), "/a/c");
  EXPECT_EQ(normalise_path("/.."), "/");
  EXPECT_EQ(normalise_path("a/.."), ".");
  EXPECT_EQ(normalise_path("../x"), "../x");
  EXPECT_EQ(normalise_path(""), "");
}

} // namespace
} // namespace caro::safety
