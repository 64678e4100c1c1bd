// The front end's telemetry pieces: the first-run question over a real
// pseudo-terminal (only y or Y means yes), and the record built from a
// pipeline outcome (backend, stages, success, risk, no request text).

#include "caro/cli/telemetry_consent.h"
#include "caro/cli/telemetry_recording.h"
#include "pty_pair.h"

#include <gtest/gtest.h>

#include <future>

namespace caro::cli {
namespace {

using testing::get_result;
using testing::PtyPair;

bool answer_with(PtyPair& pty, std::string_view keys)
{
  auto answer = std::async(std::launch::async, [&pty] { return ask_telemetry_consent(pty.slave(), pty.slave()); });
  EXPECT_TRUE(pty.wait_for("Turn this on? [y/N] "));
  pty.type(keys);
  return get_result(answer, pty);
}

TEST(TelemetryConsent, YesOnlyForY)
{
  for (const char* key : {"y", "Y"}) {
    PtyPair pty;
    EXPECT_TRUE(answer_with(pty, key)) << key;
    EXPECT_TRUE(pty.wait_for("yes\r\n"));
  }
  for (const char* key : {"n", "\r", "\x1b", "\x03", "q"}) {
    PtyPair pty;
    EXPECT_FALSE(answer_with(pty, key)) << static_cast<int>(key[0]);
    EXPECT_TRUE(pty.wait_for("no\r\n"));
  }
}

TEST(TelemetryConsent, SaysWhatIsAndIsNotRecorded)
{
  PtyPair pty;
  EXPECT_FALSE(answer_with(pty, "n"));
  EXPECT_NE(pty.seen().find("never what you typed"), std::string::npos);
  EXPECT_NE(pty.seen().find("Nothing leaves this machine"), std::string::npos);
}

TEST(TelemetryConsent, AnArrowKeyIsNotAnAnswer)
{
  PtyPair pty;
  EXPECT_TRUE(answer_with(pty, "\x1b[Ay"));
}

Outcome answered_outcome()
{
  Outcome outcome;
  outcome.candidate = Candidate{"find . -name '*.txt'", 0.9, "", {}, {}, ""};
  outcome.backend = "static";
  outcome.assessment.risk = Risk::moderate;
  outcome.stages = {1.0, 2.0, 0.5};
  return outcome;
}

TEST(TelemetryRecord, CarriesBackendStagesRiskAndExecution)
{
  const std::string request = "find text files";
  const Outcome outcome = answered_outcome();
  const auto record = make_generation_record(GenerationFacts{request, outcome, true});
  EXPECT_EQ(record.backend, "static");
  EXPECT_DOUBLE_EQ(record.context_ms, 1.0);
  EXPECT_DOUBLE_EQ(record.generate_ms, 2.0);
  EXPECT_DOUBLE_EQ(record.validate_ms, 0.5);
  EXPECT_DOUBLE_EQ(record.total_ms, 3.5);
  EXPECT_TRUE(record.success);
  EXPECT_EQ(record.risk, "moderate");
  EXPECT_TRUE(record.executed);
  EXPECT_EQ(record.category, "unknown");
}

TEST(TelemetryRecord, AMissIsChargedToTheLastBackendAsked)
{
  const std::string request = "frobnicate";
  Outcome outcome;
  outcome.chain.attempts = {{"static", "declined: no pattern", 0.1}, {"embedded", "unavailable: no model", 0.0}};
  const auto record = make_generation_record(GenerationFacts{request, outcome, false});
  EXPECT_EQ(record.backend, "embedded");
  EXPECT_FALSE(record.success);
  EXPECT_EQ(record.risk, "");
  const Outcome nothing;
  EXPECT_EQ(make_generation_record(GenerationFacts{request, nothing, false}).backend, "none");
}

TEST(TelemetryRecord, DestructiveRequestsHaveTheirOwnCategory)
{
  const Outcome outcome = answered_outcome();
  EXPECT_EQ(request_category("delete all files in this folder", outcome), "destructive");
  EXPECT_EQ(request_category("list files", outcome), "unknown");
}

TEST(TelemetryRecord, AnsweredRequestsCarryTheIntentsCategory)
{
  Outcome outcome = answered_outcome();
  outcome.candidate->category = "file_search";
  EXPECT_EQ(request_category("find the python files", outcome), "file_search");
  EXPECT_EQ(request_category("delete all files in this folder", outcome), "destructive");
}

} // namespace
} // namespace caro::cli
