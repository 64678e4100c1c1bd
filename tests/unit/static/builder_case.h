#pragma once

// Shared by the table-driven builder tests (file_ops, git_workflow,
// permissions, text_tools, misc, network_tools): a request with the dialect,
// shell and installed tools to answer it for, and the two parameterised
// suites each family instantiates — BuilderAnswers (exact command expected)
// and BuilderDeclines (no candidate expected). The TEST_P bodies live in
// builder_case_test.cpp.

#include "caro/backends/static/static_matcher.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

namespace caro::backends {

struct BuilderCase
{
  std::string request;
  std::string expected; // empty: must decline
  Platform platform = Platform::gnu;
  Shell shell = Shell::bash;
  std::vector<std::string> installed; // empty: every tool assumed present
};

void PrintTo(const BuilderCase& c, std::ostream* os);

// Runs the static matcher on the case's request in its context.
Generation generate_for(const BuilderCase& c);

class BuilderAnswers : public testing::TestWithParam<BuilderCase>
{
};

class BuilderDeclines : public testing::TestWithParam<BuilderCase>
{
};

} // namespace caro::backends
