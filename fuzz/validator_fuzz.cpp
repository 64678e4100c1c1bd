// libFuzzer target for the safety validator: any byte string is assessed,
// and the result must keep the validator's promises; whatever the plain fast
// path accepts must parse the same with the grammar. A crash, leak, sanitizer
// report, timeout or broken invariant here is a bug: the validator must rate
// every input, never fail on one.

#include "caro/safety/parser.h"
#include "caro/safety/validator.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

void require(bool condition)
{
  if (!condition) {
    __builtin_trap();
  }
}

bool same_span(caro::safety::Span a, caro::safety::Span b)
{
  return a.begin == b.begin && a.end == b.end;
}

// The plain fast path must read what it accepts exactly as the grammar does.
void require_plain_agrees(std::string_view command)
{
  using namespace caro::safety;
  const std::optional<Script> plain = parse_plain(command);
  if (!plain) {
    return;
  }
  BashParser parser;
  const ParseResult grammar = parse_with_grammar(parser, command);
  require(!grammar.problem);
  require(plain->pipelines.size() == grammar.script.pipelines.size());
  for (std::size_t p = 0; p < plain->pipelines.size(); ++p) {
    const Pipeline& a = plain->pipelines[p];
    const Pipeline& b = grammar.script.pipelines[p];
    require(a.separator == b.separator && a.background == b.background && same_span(a.span, b.span));
    require(a.commands.size() == b.commands.size());
    for (std::size_t c = 0; c < a.commands.size(); ++c) {
      const Command& x = a.commands[c];
      const Command& y = b.commands[c];
      require(x.kind == y.kind && same_span(x.span, y.span) && x.words.size() == y.words.size());
      require(x.assignments.size() == y.assignments.size() && x.redirects.size() == y.redirects.size());
      require(x.body.size() == y.body.size());
      for (std::size_t w = 0; w < x.words.size(); ++w) {
        const Word& u = *x.words[w];
        const Word& v = *y.words[w];
        require(u.text == v.text && same_span(u.span, v.span) && u.quoted == v.quoted);
        require(u.unquoted_glob == v.unquoted_glob && u.unquoted_variable == v.unquoted_variable);
        require(u.expansions.size() == v.expansions.size() && u.substitutions.size() == v.substitutions.size());
      }
    }
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const std::string_view command(reinterpret_cast<const char*>(data), size);
  const caro::safety::Validator validator;
  const caro::safety::Assessment assessment = validator.assess(command);

  caro::Risk highest = caro::Risk::safe;
  for (const caro::safety::Finding& finding : assessment.findings) {
    require(!finding.rule_id.empty());
    require(finding.span.begin <= finding.span.end && finding.span.end <= size); // spans point into the input
    if (finding.rule_id.starts_with("parse.")) {
      require(finding.risk >= caro::Risk::high); // what cannot be read is never safe
    }
    if (finding.risk > highest) {
      highest = finding.risk;
    }
  }
  require(assessment.risk == highest);
  if (command.find_first_not_of(" \t\n") == std::string_view::npos) {
    require(assessment.risk >= caro::Risk::high); // empty: parse.empty
  }
  require_plain_agrees(command);
  return 0;
}
