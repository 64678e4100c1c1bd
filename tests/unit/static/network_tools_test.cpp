// Tests of the networking builders (ping, curl/wget, dig, ip, nc, routes, ssh, rsync).
// Table-driven: request -> exact command for a dialect, shell and set of
// installed tools, plus requests that must be declined. The phrasings in
// data/net_tools.intents are run by intent_data_test.cpp; these cover the builders'
// special cases (quoting, dialect and tool fallbacks, refusals).

#include "caro/backends/static/static_matcher.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace caro::backends {
namespace {

struct NetToolsCase
{
  std::string request;
  std::string expected; // empty: must decline
  Platform platform = Platform::gnu;
  Shell shell = Shell::bash;
  std::vector<std::string> installed; // empty: every tool assumed present
};

void PrintTo(const NetToolsCase& c, std::ostream* os)
{
  *os << "\"" << c.request << "\" [" << to_string(c.platform) << "/" << to_string(c.shell) << "]";
}

Generation generate_for(const NetToolsCase& c)
{
  ExecutionContext context;
  context.platform = c.platform;
  context.shell = c.shell;
  context.installed.insert(c.installed.begin(), c.installed.end());
  StaticMatcher matcher;
  auto result = matcher.generate(GenerationRequest{c.request, &context});
  EXPECT_TRUE(result.has_value());
  return result.has_value() ? std::move(result).value() : Generation{};
}

class NetToolsAnswers : public testing::TestWithParam<NetToolsCase>
{
};

TEST_P(NetToolsAnswers, BuildsTheExactCommand)
{
  const auto& c = GetParam();
  const Generation generation = generate_for(c);
  ASSERT_EQ(generation.candidates.size(), 1U) << "declined: " << generation.declined_reason;
  EXPECT_EQ(generation.candidates.front().command, c.expected);
  EXPECT_FALSE(generation.candidates.front().explanation.empty());
}

class NetToolsDeclines : public testing::TestWithParam<NetToolsCase>
{
};

TEST_P(NetToolsDeclines, ReturnsNoCandidate)
{
  const Generation generation = generate_for(GetParam());
  EXPECT_TRUE(generation.candidates.empty()) << "answered: " << generation.candidates.front().command;
  EXPECT_FALSE(generation.declined_reason.empty());
}

INSTANTIATE_TEST_SUITE_P(
    NetTools, NetToolsAnswers,
    testing::Values(
        NetToolsCase{"ping example.com 3 times", "ping -c 3 example.com", Platform::busybox, Shell::bash, {}},
        NetToolsCase{"download https://example.com/a.tar.gz",
                     "wget https://example.com/a.tar.gz",
                     Platform::gnu,
                     Shell::bash,
                     {"wget", "ls"}},
        NetToolsCase{"download https://example.com/a.tar.gz as b.tar.gz",
                     "curl -L -o b.tar.gz https://example.com/a.tar.gz",
                     Platform::bsd,
                     Shell::bash,
                     {}},
        NetToolsCase{"headers of https://example.com/x?a=1&b=2",
                     "curl -I 'https://example.com/x?a=1&b=2'",
                     Platform::gnu,
                     Shell::bash,
                     {}},
        NetToolsCase{"look up the TXT records of example.com", "dig TXT example.com", Platform::gnu, Shell::bash, {}},
        NetToolsCase{"dns lookup of example.com", "host example.com", Platform::gnu, Shell::bash, {"host", "ls"}},
        NetToolsCase{"MX records of example.com",
                     "nslookup -type=MX example.com",
                     Platform::gnu,
                     Shell::bash,
                     {"nslookup", "ls"}},
        NetToolsCase{"what is my ip address", "ifconfig", Platform::bsd, Shell::bash, {}},
        NetToolsCase{"can I connect to db.example.com on port 5432",
                     "nc -zv db.example.com 5432",
                     Platform::gnu,
                     Shell::bash,
                     {}},
        NetToolsCase{"show the routing table", "ip route", Platform::busybox, Shell::bash, {}},
        NetToolsCase{
            "ssh to web.example.com on port 2200", "ssh -p 2200 web.example.com", Platform::gnu, Shell::bash, {}}));

INSTANTIATE_TEST_SUITE_P(
    NetTools, NetToolsDeclines,
    testing::Values(NetToolsCase{"what is my public ip", "", Platform::gnu, Shell::bash, {}},
                    NetToolsCase{"ping", "", Platform::gnu, Shell::bash, {}},
                    NetToolsCase{"download the file", "", Platform::gnu, Shell::bash, {}},
                    NetToolsCase{
                        "check whether port 5432 is open on db.internal", "", Platform::busybox, Shell::bash, {}},
                    NetToolsCase{"resolve", "", Platform::gnu, Shell::bash, {}},
                    NetToolsCase{"download https://example.com/", "", Platform::gnu, Shell::bash, {}}));

} // namespace
} // namespace caro::backends
