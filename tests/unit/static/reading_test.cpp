// How the matcher reads words that look like one thing and are another:
// values keep the user's spelling (not the folded matching form), phrases
// after "in"/"to" that name a manner or format are not places, domain names
// are hosts and never files, "commit" as a verb is not a log request, an
// owner is a user or group name (never "me"), "the largest file" is one
// file, and "in the whole system" is the root.

#include "caro/backends/static/slot_extraction.h"
#include "caro/backends/static/static_matcher.h"
#include "caro/backends/static/tokens.h"

#include <gtest/gtest.h>

#include <string>

namespace caro::backends {
namespace {

using namespace static_matcher;

std::string answer(const std::string& request)
{
  ExecutionContext context;
  StaticMatcher matcher;
  auto result = matcher.generate(GenerationRequest{request, &context});
  EXPECT_TRUE(result.has_value());
  if (!result.has_value() || result->candidates.empty()) {
    return {};
  }
  return result->candidates.front().command;
}

Slots slots_of(const std::string& request)
{
  Analysis analysis(tokenize(request));
  return extract_slots(analysis);
}

TEST(Reading, ANameKeepsTheSpellingTypedNotTheFoldedWord)
{
  EXPECT_EQ(answer("find files called photos"), "find . -type f -name photos");
  EXPECT_EQ(answer("find files named Pictures"), "find . -type f -name Pictures");
  const Slots slots = slots_of("files whose name contains pics");
  ASSERT_TRUE(slots.name.has_value());
  EXPECT_EQ(slots.name->pattern, "*pics*");
}

TEST(Reading, MannerWordsAfterAPrepositionAreNotLocations)
{
  for (const char* request : {"show the time in UTC", "convert notes.txt to uppercase", "print it in json",
                              "sort names in reverse", "show sizes in megabytes"}) {
    const Slots slots = slots_of(request);
    for (const auto& location : slots.locations) {
      EXPECT_NE(location.path, "UTC") << request;
      EXPECT_NE(location.path, "uppercase") << request;
      EXPECT_NE(location.path, "json") << request;
      EXPECT_NE(location.path, "megabytes") << request;
    }
  }
  EXPECT_EQ(answer("copy a.txt to uppercase"), "");
  EXPECT_EQ(answer("copy a.txt to backup"), "cp a.txt backup");
  // Named as a folder, the same word is a place.
  EXPECT_EQ(answer("list files in the utc folder"), "ls utc");
  EXPECT_EQ(answer("find files in the photos folder"), "find photos -type f");
}

TEST(Reading, DomainNamesAreHostsNotFiles)
{
  EXPECT_TRUE(looks_like_domain("example.com"));
  EXPECT_TRUE(looks_like_domain("api.github.io"));
  EXPECT_FALSE(looks_like_domain("notes.txt"));
  EXPECT_FALSE(looks_like_domain("deploy.sh"));
  EXPECT_FALSE(looks_like_domain("a..com"));

  const Slots slots = slots_of("look up example.com");
  ASSERT_EQ(slots.hosts.size(), 1U);
  EXPECT_EQ(slots.hosts.front(), "example.com");
  EXPECT_TRUE(slots.locations.empty());

  EXPECT_EQ(answer("find example.com"), "");
  EXPECT_EQ(answer("where is example.com"), "");
  EXPECT_EQ(answer("look up example.com"), "dig example.com");
  EXPECT_EQ(answer("ping google.com 3 times"), "ping -c 3 google.com");
  EXPECT_EQ(answer("find files named notes.txt"), "find . -type f -name notes.txt");
}

TEST(Reading, CommitAsAVerbIsNotAskingForTheLog)
{
  EXPECT_EQ(answer("commit"), "");
  EXPECT_EQ(answer("git commit"), "");
  EXPECT_EQ(answer("commit my changes"), "");
  EXPECT_EQ(answer("show commits"), "git log --oneline");
  EXPECT_EQ(answer("commit history"), "git log --oneline");
  EXPECT_EQ(answer("last 3 commits"), "git log --oneline -n 3");
}

TEST(Reading, OwnerIsAnAccountNameAndGroupIsSaidSo)
{
  const auto user = slots_of("files owned by the user www-data");
  ASSERT_TRUE(user.owner.has_value());
  EXPECT_EQ(user.owner->name, "www-data");
  EXPECT_FALSE(user.owner->group);
  const auto group = slots_of("files owned by the group Staff");
  ASSERT_TRUE(group.owner.has_value());
  EXPECT_EQ(group.owner->name, "Staff");
  EXPECT_TRUE(group.owner->group);
  // "me" would need "$USER" from the shell; two owners cannot be one -user.
  EXPECT_FALSE(slots_of("files owned by me").owner.has_value());
  EXPECT_FALSE(slots_of("files owned by bob belonging to alice").unsupported.empty());
  EXPECT_EQ(answer("find files owned by me"), "");
}

TEST(Reading, TheLargestFileIsOneFileAndTheWholeSystemIsTheRoot)
{
  EXPECT_EQ(answer("the largest file"), "find . -type f -printf '%s %p\\n' | sort -rn | head -n 1");
  EXPECT_EQ(answer("the largest files"), "find . -type f -printf '%s %p\\n' | sort -rn | head -n 10");
  EXPECT_EQ(answer("the 3 largest files on the entire system"),
            "find / -type f -printf '%s %p\\n' | sort -rn | head -n 3");
  // Without a preposition, "the whole system" is no place.
  EXPECT_TRUE(slots_of("upgrade the whole system").locations.empty());
}

TEST(Reading, ANumberWordIsACountOnlyWhereACountIsMeant)
{
  EXPECT_EQ(slots_of("ping example.com five times").count, 5);
  EXPECT_EQ(slots_of("top three processes by memory").count, 3);
  EXPECT_EQ(slots_of("show the last two commits").count, 2);
  EXPECT_FALSE(slots_of("compare two files").count.has_value());
  EXPECT_FALSE(slots_of("ping example.com five times then two times").count.has_value());
  EXPECT_EQ(answer("ping example.com five times"), "ping -c 5 example.com");
}

} // namespace
} // namespace caro::backends
