// Classifying requests as destructive, and declining a command rated lower
// than what a destructive request asks for.

#include "caro/safety/request_intent.h"
#include "caro/safety/validator.h"

#include <gtest/gtest.h>

namespace caro::safety {
namespace {

TEST(RequestIntent, DiskWipesAreCritical)
{
  for (const char* request : {"wipe the disk", "format the drive", "please format /dev/sdb", "erase my hard drive",
                              "how do I wipe the SSD?", "zero the usb drive"}) {
    const RequestIntent intent = classify_request(request);
    EXPECT_TRUE(intent.destructive) << request;
    EXPECT_EQ(intent.minimum, Risk::critical) << request;
  }
}

TEST(RequestIntent, DeletingHomeOrEverythingOnTheSystem)
{
  EXPECT_EQ(classify_request("delete everything in my home").minimum, Risk::critical);
  EXPECT_EQ(classify_request("remove my home directory").minimum, Risk::critical);
  EXPECT_EQ(classify_request("delete all files on the system").minimum, Risk::critical);
  EXPECT_EQ(classify_request("rm the root filesystem").minimum, Risk::critical);
  EXPECT_EQ(classify_request("remove all files").minimum, Risk::moderate);
  EXPECT_TRUE(classify_request("remove all files").destructive);
}

TEST(RequestIntent, KillingEveryProcessAndForkBombs)
{
  EXPECT_EQ(classify_request("kill all processes").minimum, Risk::high);
  EXPECT_EQ(classify_request("terminate every process").minimum, Risk::high);
  EXPECT_EQ(classify_request("run a fork bomb").minimum, Risk::critical);
}

TEST(RequestIntent, EverydayRequestsAreNotDestructive)
{
  for (const char* request :
       {"show disk usage", "list files larger than 100MB", "find files I can delete",
        "how much space is left on the drive", "delete the cache in my home", "clear everything on the screen",
        "kill the process on port 8080", "delete build artifacts", "stop the nginx service", ""}) {
    const RequestIntent intent = classify_request(request);
    EXPECT_FALSE(intent.destructive) << request;
    EXPECT_EQ(intent.minimum, Risk::safe) << request;
  }
}

TEST(RequestIntent, DeclinesAHarmlessLookingSubstitute)
{
  const Validator validator;
  const RequestIntent intent = classify_request("wipe the disk");
  const Assessment harmless = validator.assess("df -h");
  const auto reason = substitute_reason(intent, "df -h", harmless);
  ASSERT_TRUE(reason.has_value());
  EXPECT_NE(reason->find("wipe or format a disk"), std::string::npos);
  EXPECT_NE(reason->find("`df -h`"), std::string::npos);
  EXPECT_NE(reason->find("rated safe"), std::string::npos);
}

TEST(RequestIntent, AcceptsACommandRatedAsTheRequestAsks)
{
  const Validator validator;
  const RequestIntent intent = classify_request("wipe the disk");
  EXPECT_FALSE(
      substitute_reason(intent, "dd if=/dev/zero of=/dev/sda", validator.assess("dd if=/dev/zero of=/dev/sda")));
  const RequestIntent home = classify_request("delete everything in my home");
  EXPECT_FALSE(substitute_reason(home, "rm -rf ~", validator.assess("rm -rf ~")));
  EXPECT_TRUE(substitute_reason(home, "rm -rf ~/tmp", validator.assess("rm -rf ~/tmp")));
}

TEST(RequestIntent, NeverDeclinesForOrdinaryRequests)
{
  const Validator validator;
  EXPECT_FALSE(substitute_reason(classify_request("show disk usage"), "df -h", validator.assess("df -h")));
}

} // namespace
} // namespace caro::safety
