// Command words the shell computes but the script spells out: a literal
// echo/printf in a substitution (decoded through base64 -d when piped so),
// and variables with one known value. The validator checks what they run;
// output it cannot see stays unknown, except a decoder's, which is hidden code.

#include "caro/safety/computed_words.h"
#include "caro/safety/validator.h"

#include <gtest/gtest.h>

#include <string>

namespace caro::safety {
namespace {

Risk risk_of(std::string_view command)
{
  return Validator().assess(command).risk;
}

TEST(ComputedWords, Base64DecodesStandardTextAndRejectsOtherCharacters)
{
  EXPECT_EQ(decode_base64("cm0gLXJmIC8="), "rm -rf /");
  EXPECT_EQ(decode_base64("cm0gLXJmIC8"), "rm -rf /") << "padding is optional";
  EXPECT_EQ(decode_base64("aGVs\nbG8="), "hello") << "line breaks are ignored";
  EXPECT_EQ(decode_base64(""), "");
  EXPECT_FALSE(decode_base64("cm0*LXJm").has_value());
  EXPECT_FALSE(decode_base64("aGk=aGk=").has_value()) << "nothing may follow the padding";
}

TEST(ComputedWords, ASubstitutionThatPrintsACommandIsThatCommand)
{
  EXPECT_EQ(risk_of("$(printf 'rm -rf /')"), Risk::critical);
  EXPECT_EQ(risk_of("`echo rm` -rf ~"), Risk::critical);
  EXPECT_EQ(risk_of("$(echo rm -rf) /"), Risk::critical);
  EXPECT_EQ(risk_of("$(echo cm0gLXJmIC8= | base64 -d)"), Risk::critical);
  EXPECT_EQ(risk_of("$(printf 'rm\\n-rf /')"), Risk::critical) << "newlines split words there";
}

TEST(ComputedWords, CodeGivenToAShellOrEvalFromALiteralSubstitutionIsChecked)
{
  EXPECT_EQ(risk_of("sh -c \"$(echo cm0gLXJmIC8= | base64 -d)\""), Risk::critical);
  EXPECT_EQ(risk_of("eval \"$(printf 'ls\\nrm -rf ~')\""), Risk::critical);
  EXPECT_EQ(risk_of("bash -c \"$(base64 -d payload.b64)\""), Risk::critical) << "decoded code the script hides";
}

TEST(ComputedWords, AVariableWithOneKnownValueIsThatValue)
{
  EXPECT_EQ(risk_of("a=rm; b=-rf; $a $b /"), Risk::critical);
  EXPECT_EQ(risk_of("CMD=rm && \"$CMD\" -rf ~"), Risk::critical);
  EXPECT_EQ(risk_of("for c in rm; do $c -rf /; done"), Risk::critical);
}

TEST(ComputedWords, AVariablesSpelledOutDefaultIsOneOfItsValues)
{
  EXPECT_EQ(risk_of("rm -rf \"${x:-/}\""), Risk::critical);
  EXPECT_EQ(risk_of("rm -rf ${DIR:=~}"), Risk::critical);
  EXPECT_EQ(risk_of("rm -rf ${x-/etc}"), Risk::critical);
  EXPECT_EQ(risk_of("rm -rf \"${BUILD_DIR:-build}\""), Risk::high) << "the variable itself is still unknown";
  EXPECT_LT(risk_of("echo ${x:-/}"), Risk::high);
}

TEST(ComputedWords, AnAliasValueIsCode)
{
  EXPECT_EQ(risk_of("alias ls='rm -rf /'; ls"), Risk::critical);
  EXPECT_EQ(risk_of("alias cleanup=\"rm -rf ~\""), Risk::critical);
  EXPECT_LT(risk_of("alias ll='ls -la'"), Risk::high);
  EXPECT_LT(risk_of("alias"), Risk::high);
}

TEST(ComputedWords, OutputTheScriptDoesNotShowStaysUnknownAndHarmlessOutputStaysHarmless)
{
  EXPECT_LT(risk_of("eval \"$(ssh-agent -s)\""), Risk::high);
  EXPECT_LT(risk_of("$(which python3) -m venv .venv"), Risk::high);
  EXPECT_LT(risk_of("X=ls; $X -la"), Risk::high);
  EXPECT_LT(risk_of("$(echo ZWNobyBoaQ== | base64 -d)"), Risk::high) << "decodes to: echo hi";
}

} // namespace
} // namespace caro::safety
