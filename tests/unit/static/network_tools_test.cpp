// Tests of the networking builders (ping, curl/wget, dig, ip, nc, routes, ssh, rsync).
// Table-driven: request -> exact command for a dialect, shell and set of
// installed tools, plus requests that must be declined. The phrasings in
// data/net_tools.intents are run by intent_data_test.cpp; these cover the builders'
// special cases (quoting, dialect and tool fallbacks, refusals).

#include "builder_case.h"

namespace caro::backends {

INSTANTIATE_TEST_SUITE_P(
    NetTools, BuilderAnswers,
    testing::Values(
        BuilderCase{"ping example.com 3 times", "ping -c 3 example.com", Platform::busybox, Shell::bash, {}},
        BuilderCase{"download https://example.com/a.tar.gz",
                    "wget https://example.com/a.tar.gz",
                    Platform::gnu,
                    Shell::bash,
                    {"wget", "ls"}},
        BuilderCase{"download https://example.com/a.tar.gz as b.tar.gz",
                    "curl -L -o b.tar.gz https://example.com/a.tar.gz",
                    Platform::bsd,
                    Shell::bash,
                    {}},
        BuilderCase{"headers of https://example.com/x?a=1&b=2",
                    "curl -I 'https://example.com/x?a=1&b=2'",
                    Platform::gnu,
                    Shell::bash,
                    {}},
        BuilderCase{"look up the TXT records of example.com", "dig TXT example.com", Platform::gnu, Shell::bash, {}},
        BuilderCase{"dns lookup of example.com", "host example.com", Platform::gnu, Shell::bash, {"host", "ls"}},
        BuilderCase{"MX records of example.com",
                    "nslookup -type=MX example.com",
                    Platform::gnu,
                    Shell::bash,
                    {"nslookup", "ls"}},
        BuilderCase{"what is my ip address", "ifconfig", Platform::bsd, Shell::bash, {}},
        BuilderCase{"can I connect to db.example.com on port 5432",
                    "nc -zv db.example.com 5432",
                    Platform::gnu,
                    Shell::bash,
                    {}},
        BuilderCase{"show the routing table", "ip route", Platform::busybox, Shell::bash, {}},
        BuilderCase{
            "ssh to web.example.com on port 2200", "ssh -p 2200 web.example.com", Platform::gnu, Shell::bash, {}}));

INSTANTIATE_TEST_SUITE_P(
    NetTools, BuilderDeclines,
    testing::Values(BuilderCase{"what is my public ip", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"ping", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"download the file", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{
                        "check whether port 5432 is open on db.internal", "", Platform::busybox, Shell::bash, {}},
                    BuilderCase{"resolve", "", Platform::gnu, Shell::bash, {}},
                    BuilderCase{"download https://example.com/", "", Platform::gnu, Shell::bash, {}}));

} // namespace caro::backends
