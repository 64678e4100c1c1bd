// The pipeline's request check (core/pipeline.h judge_answer): a destructive
// request answered with a harmless-looking substitute gets no command and an
// explanation; a command that does what was asked, or any answer to an
// ordinary request, is shown as usual.

#include "caro/core/pipeline.h"

#include <gtest/gtest.h>

namespace caro {
namespace {

backends::ChainResult answered_with(const std::string& command)
{
  backends::ChainResult chain;
  Candidate candidate;
  candidate.command = command;
  candidate.confidence = 0.9;
  chain.candidate = candidate;
  chain.backend = "fake";
  chain.attempts.push_back(backends::Attempt{"fake", "answered", 1.0});
  return chain;
}

TEST(RequestCheck, DeclinesAHarmlessLookingSubstituteForAWipe)
{
  const safety::Validator validator;
  const Outcome outcome =
      judge_answer("wipe the disk", answered_with("lsblk"), config::Settings{}, Platform::gnu, validator);
  EXPECT_FALSE(outcome.candidate.has_value());
  ASSERT_FALSE(outcome.declined.empty());
  EXPECT_NE(outcome.declined.find("`lsblk`"), std::string::npos) << outcome.declined;
  ASSERT_TRUE(outcome.chain.last_error.has_value());
  EXPECT_EQ(outcome.chain.last_error->message, outcome.declined);
  EXPECT_EQ(outcome.chain.attempts.front().outcome.rfind("declined: ", 0), 0U);
}

TEST(RequestCheck, ShowsACommandRatedAsTheRequestAsks)
{
  const safety::Validator validator;
  const Outcome outcome = judge_answer("delete everything in my home", answered_with("rm -rf ~"), config::Settings{},
                                       Platform::gnu, validator);
  ASSERT_TRUE(outcome.candidate.has_value());
  EXPECT_EQ(outcome.assessment.risk, Risk::critical);
  EXPECT_TRUE(outcome.declined.empty());
}

TEST(RequestCheck, LeavesOrdinaryRequestsAlone)
{
  const safety::Validator validator;
  const Outcome outcome =
      judge_answer("show disk usage", answered_with("df -h"), config::Settings{}, Platform::gnu, validator);
  ASSERT_TRUE(outcome.candidate.has_value());
  EXPECT_EQ(outcome.candidate->command, "df -h");
  EXPECT_TRUE(outcome.declined.empty());
  EXPECT_FALSE(outcome.chain.last_error.has_value());
}

TEST(RequestCheck, NoAnswerStaysNoAnswer)
{
  const safety::Validator validator;
  const Outcome outcome =
      judge_answer("wipe the disk", backends::ChainResult{}, config::Settings{}, Platform::gnu, validator);
  EXPECT_FALSE(outcome.candidate.has_value());
  EXPECT_TRUE(outcome.declined.empty());
}

} // namespace
} // namespace caro
