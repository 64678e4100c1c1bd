// Integer arithmetic: "what's 2 to the power of 20", "17 times 23",
// "100 divided by 4", "2+2". The operands and operators are read from the
// words (or a compact "2**10" token) and the command is the shell's own
// arithmetic, `echo $((...))`. The value is computed here too, with the
// shell's precedence, so that a result the shell would get wrong (an inexact
// division, an overflow, a negative power) is declined rather than answered.

#include "caro/backends/static/intent.h"

#include <optional>
#include <string>
#include <vector>

namespace caro::backends::static_matcher {
namespace {

enum class Op { add, subtract, multiply, divide, modulo, power };

struct Expression
{
  std::vector<long long> values;
  std::vector<Op> ops;
};

std::string_view symbol(Op op)
{
  switch (op) {
  case Op::add:
    return " + ";
  case Op::subtract:
    return " - ";
  case Op::multiply:
    return " * ";
  case Op::divide:
    return " / ";
  case Op::modulo:
    return " % ";
  case Op::power:
    return " ** ";
  }
  return "";
}

std::optional<long long> apply(long long a, Op op, long long b)
{
  long long out = 0;
  switch (op) {
  case Op::add:
    return __builtin_add_overflow(a, b, &out) ? std::nullopt : std::optional<long long>(out);
  case Op::subtract:
    return __builtin_sub_overflow(a, b, &out) ? std::nullopt : std::optional<long long>(out);
  case Op::multiply:
    return __builtin_mul_overflow(a, b, &out) ? std::nullopt : std::optional<long long>(out);
  case Op::divide:
    if (b == 0 || a % b != 0) {
      return std::nullopt; // the shell truncates: 7/2 would print 3
    }
    return a / b;
  case Op::modulo:
    return b == 0 ? std::nullopt : std::optional<long long>(a % b);
  case Op::power:
    if (b < 0 || b > 62) {
      return std::nullopt;
    }
    out = 1;
    for (long long i = 0; i < b; ++i) {
      if (__builtin_mul_overflow(out, a, &out)) {
        return std::nullopt;
      }
    }
    return out;
  }
  return std::nullopt;
}

// Evaluates with the shell's precedence: ** (right to left), then * / %,
// then + - (left to right).
std::optional<long long> evaluate(Expression e)
{
  for (std::size_t i = e.ops.size(); i-- > 0;) {
    if (e.ops[i] == Op::power) {
      auto value = apply(e.values[i], Op::power, e.values[i + 1]);
      if (!value) {
        return std::nullopt;
      }
      e.values[i] = *value;
      e.values.erase(e.values.begin() + static_cast<std::ptrdiff_t>(i) + 1);
      e.ops.erase(e.ops.begin() + static_cast<std::ptrdiff_t>(i));
    }
  }
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t i = 0; i < e.ops.size();) {
      const bool tight = e.ops[i] == Op::multiply || e.ops[i] == Op::divide || e.ops[i] == Op::modulo;
      if (tight != (pass == 0)) {
        ++i;
        continue;
      }
      auto value = apply(e.values[i], e.ops[i], e.values[i + 1]);
      if (!value) {
        return std::nullopt;
      }
      e.values[i] = *value;
      e.values.erase(e.values.begin() + static_cast<std::ptrdiff_t>(i) + 1);
      e.ops.erase(e.ops.begin() + static_cast<std::ptrdiff_t>(i));
    }
  }
  return e.values.front();
}

std::optional<Op> symbol_op(char c)
{
  switch (c) {
  case '+':
    return Op::add;
  case '-':
    return Op::subtract;
  case '*':
  case 'x':
    return Op::multiply;
  case '/':
    return Op::divide;
  case '%':
    return Op::modulo;
  case '^':
    return Op::power;
  default:
    return std::nullopt;
  }
}

// A compact token such as "2+2", "2**10", "6*7": digits and operators only.
bool append_compact(std::string_view text, Expression& e)
{
  std::size_t i = 0;
  bool expect_value = e.values.size() == e.ops.size();
  while (i < text.size()) {
    if (expect_value) {
      long long value = 0;
      const std::size_t start = i;
      while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        if (__builtin_mul_overflow(value, 10LL, &value) || __builtin_add_overflow(value, text[i] - '0', &value)) {
          return false;
        }
        ++i;
      }
      if (i == start) {
        return false;
      }
      e.values.push_back(value);
      expect_value = false;
    } else {
      std::optional<Op> op;
      if (text.substr(i, 2) == "**") {
        op = Op::power;
        i += 2;
      } else {
        op = symbol_op(text[i]);
        ++i;
      }
      if (!op) {
        return false;
      }
      e.ops.push_back(*op);
      expect_value = true;
    }
  }
  return true;
}

// The operator words at token i; how many tokens they span (0: none).
std::size_t operator_at(const Analysis& analysis, std::size_t i, Op& op)
{
  struct Phrase
  {
    std::initializer_list<std::string_view> words;
    Op op;
  };
  static const Phrase k_phrases[] = {
      {{"to", "the", "power", "of"}, Op::power},
      {{"raised", "to", "the", "power", "of"}, Op::power},
      {{"raised", "to", "the"}, Op::power},
      {{"raised", "to"}, Op::power},
      {{"to", "the"}, Op::power}, // "2 to the 10th" reads the ordinal below
      {{"multiplied", "by"}, Op::multiply},
      {{"divided", "by"}, Op::divide},
      {{"plus"}, Op::add},
      {{"minus"}, Op::subtract},
      {{"times"}, Op::multiply},
      {{"x"}, Op::multiply},
      {{"mod"}, Op::modulo},
      {{"modulo"}, Op::modulo},
      {{"over"}, Op::divide},
  };
  for (const auto& phrase : k_phrases) {
    if (analysis.phrase_at(i, phrase.words)) {
      op = phrase.op;
      return phrase.words.size();
    }
  }
  if (i < analysis.size() && !analysis.used(i) && analysis.at(i).kind == TokenKind::word &&
      analysis.at(i).text.size() == 1) {
    if (auto symbolic = symbol_op(analysis.at(i).text.front())) {
      op = *symbolic;
      return 1;
    }
  }
  return 0;
}

// A number at token i, used or not: the count extractor claims a lone number.
std::optional<long long> operand_at(const Analysis& analysis, std::size_t i)
{
  if (i >= analysis.size() || analysis.at(i).kind != TokenKind::number) {
    return std::nullopt;
  }
  const double value = analysis.at(i).value;
  if (value != static_cast<double>(static_cast<long long>(value)) || value > 1e15) {
    return std::nullopt;
  }
  return static_cast<long long>(value);
}

} // namespace

std::optional<Match> match_arithmetic(Analysis& analysis, const Slots& slots, const Dialect& dialect)
{
  if (slots.size_min || slots.size_max || slots.time || !slots.locations.empty() || slots.name ||
      !slots.extensions.empty() || !slots.quoted.empty() || slots.port || !slots.exclusions.empty()) {
    return std::nullopt;
  }
  Expression e;
  std::size_t first = analysis.size();
  std::size_t last = 0;
  for (std::size_t i = 0; i < analysis.size();) {
    const bool expect_value = e.values.size() == e.ops.size();
    const Token& token = analysis.at(i);
    if (expect_value) {
      if (auto value = operand_at(analysis, i)) {
        e.values.push_back(*value);
        first = std::min(first, i);
        last = i + 1;
        ++i;
        continue;
      }
      if (token.kind == TokenKind::word && !analysis.used(i) && !token.text.empty() && token.text.front() >= '0' &&
          token.text.front() <= '9') {
        if (!append_compact(token.text, e)) {
          return std::nullopt;
        }
        first = std::min(first, i);
        last = i + 1;
        ++i;
        continue;
      }
    } else {
      Op op = Op::add;
      if (const std::size_t span = operator_at(analysis, i, op)) {
        e.ops.push_back(op);
        i += span;
        last = i;
        continue;
      }
      if (analysis.is_any(i, {"squared", "cubed"})) {
        e.ops.push_back(Op::power);
        e.values.push_back(analysis.at(i).text == "squared" ? 2 : 3);
        ++i;
        last = i;
        continue;
      }
      if (token.kind == TokenKind::word && !analysis.used(i) && !token.text.empty() && symbol_op(token.text.front()) &&
          append_compact(token.text, e)) {
        ++i;
        last = i;
        continue;
      }
    }
    if (e.values.empty()) {
      ++i;
      continue;
    }
    break;
  }
  // One expression, complete, with at least one operator, and nothing after it.
  if (e.ops.empty() || e.values.size() != e.ops.size() + 1) {
    return std::nullopt;
  }
  for (std::size_t i = last; i < analysis.size(); ++i) {
    if (analysis.at(i).kind != TokenKind::word || !analysis.is_any(i, {"equal", "equals", "is", "please"})) {
      return std::nullopt;
    }
  }
  const auto value = evaluate(e);
  if (!value || *value < 0) {
    return std::nullopt;
  }
  analysis.use_range(first, last);
  take_all(analysis, {"what", "is", "calculate", "compute", "evaluate", "how", "much", "equal", "equals", "the",
                      "result", "of", "answer", "solve", "work", "out", "do", "math", "please"});
  std::string expression;
  for (std::size_t i = 0; i < e.values.size(); ++i) {
    expression += std::to_string(e.values[i]);
    if (i < e.ops.size()) {
      expression += symbol(e.ops[i]);
    }
  }
  Match match;
  match.strength = 0.9;
  match.accepted_slots = slot_count;
  if (dialect.shell() == Shell::fish) {
    return std::nullopt; // fish has no $((...)); its `math` differs in precedence details
  }
  match.command = "echo $((" + expression + "))";
  match.explanation = "Compute " + expression + " with the shell's integer arithmetic (" + std::to_string(*value) + ")";
  return match;
}

} // namespace caro::backends::static_matcher
