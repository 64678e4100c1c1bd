#include "caro/backends/chain.h"

#include <gtest/gtest.h>

namespace caro::backends {
namespace {

// A scripted backend: usable or not, answering, declining or failing.
class FakeGenerator final : public Generator
{
public:
  enum class Behaviour { answer, decline, fail, unavailable };
  FakeGenerator(std::string name, Behaviour behaviour) : m_name(std::move(name)), m_behaviour(behaviour) {}

  std::string_view name() const override { return m_name; }
  Availability availability() const override
  {
    return {m_behaviour != Behaviour::unavailable, m_behaviour == Behaviour::unavailable ? "not installed" : "ok"};
  }
  Expected<Generation> generate(const GenerationRequest& request) override
  {
    ++calls;
    if (m_behaviour == Behaviour::fail) {
      return unexpected("model file is broken", "pull it again");
    }
    Generation generation;
    generation.timing_ms.emplace_back("work", 1.5);
    if (m_behaviour == Behaviour::answer) {
      generation.candidates.push_back({"echo " + request.text, 0.9, "says it", {}, {}, ""});
    } else {
      generation.declined_reason = "unsure";
    }
    return generation;
  }
  int calls = 0;

private:
  std::string m_name;
  Behaviour m_behaviour;
};

using Behaviour = FakeGenerator::Behaviour;

std::vector<std::unique_ptr<Generator>> make(std::initializer_list<std::pair<const char*, Behaviour>> specs)
{
  std::vector<std::unique_ptr<Generator>> generators;
  for (const auto& [name, behaviour] : specs) {
    generators.push_back(std::make_unique<FakeGenerator>(name, behaviour));
  }
  return generators;
}

TEST(Chain, FirstAnsweringBackendWinsAndLaterOnesAreNotAsked)
{
  auto generators = make({{"a", Behaviour::decline}, {"b", Behaviour::answer}, {"c", Behaviour::answer}});
  const auto result = generate_with_chain(generators, {"hi", nullptr});
  ASSERT_TRUE(result.candidate);
  EXPECT_EQ(result.candidate->command, "echo hi");
  EXPECT_EQ(result.backend, "b");
  EXPECT_EQ(static_cast<FakeGenerator&>(*generators[2]).calls, 0);
  ASSERT_EQ(result.attempts.size(), 2u);
  EXPECT_EQ(result.attempts[0].outcome, "declined: unsure");
  EXPECT_EQ(result.attempts[1].outcome, "answered");
}

TEST(Chain, UnavailableBackendsAreSkippedWithTheirReason)
{
  auto generators = make({{"a", Behaviour::unavailable}, {"b", Behaviour::answer}});
  const auto result = generate_with_chain(generators, {"hi", nullptr});
  EXPECT_EQ(static_cast<FakeGenerator&>(*generators[0]).calls, 0);
  EXPECT_EQ(result.attempts[0].outcome, "unavailable: not installed");
  EXPECT_EQ(result.backend, "b");
}

TEST(Chain, ErrorsAreRecordedAndTheChainGoesOn)
{
  auto generators = make({{"a", Behaviour::fail}, {"b", Behaviour::decline}});
  const auto result = generate_with_chain(generators, {"hi", nullptr});
  EXPECT_FALSE(result.candidate);
  ASSERT_TRUE(result.last_error);
  EXPECT_EQ(result.last_error->message, "model file is broken");
  EXPECT_EQ(result.attempts[0].outcome, "error: model file is broken");
}

TEST(Chain, TimingsArePrefixedWithTheBackendName)
{
  auto generators = make({{"a", Behaviour::decline}, {"b", Behaviour::answer}});
  const auto result = generate_with_chain(generators, {"hi", nullptr});
  ASSERT_EQ(result.timing_ms.size(), 2u);
  EXPECT_EQ(result.timing_ms[0].first, "a.work");
  EXPECT_EQ(result.timing_ms[1].first, "b.work");
}

} // namespace
} // namespace caro::backends
