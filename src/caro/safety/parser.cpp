// Recursive-descent parser over the token list. It is lenient: after the first
// problem it records, it keeps going so the validator can still rate the
// commands it understood (an unterminated group around `rm -rf /` must still be
// critical), and it always makes progress, so it runs in linear time.

#include "caro/safety/parser.h"

#include <array>
#include <span>
#include <utility>

namespace caro::safety {

bool is_assignment(const Word& word)
{
  const std::string& text = word.text;
  const std::size_t equals = text.find('=');
  if (equals == std::string::npos || equals == 0) {
    return false;
  }
  std::string_view name(text.data(), equals);
  if (name.ends_with('+')) {
    name.remove_suffix(1);
  }
  if (const std::size_t bracket = name.find('['); bracket != std::string_view::npos && name.ends_with(']')) {
    name = name.substr(0, bracket);
  }
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) {
    return false;
  }
  for (const char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) {
      return false;
    }
  }
  return true;
}

namespace {

// Reserved words that open or continue a compound statement; the commands
// after them are checked as ordinary commands.
constexpr std::array<std::string_view, 8> k_leading_keywords = {"!",    "if",    "then",  "else",
                                                                "elif", "while", "until", "do"};
constexpr std::array<std::string_view, 3> k_closing_keywords = {"fi", "done", "esac"};

bool is_any_keyword(const Token& token, std::span<const std::string_view> keywords)
{
  for (const auto keyword : keywords) {
    if (is_keyword(token, keyword)) {
      return true;
    }
  }
  return false;
}

bool is_case_terminator(const Token& token)
{
  return is_op(token, ";;") || is_op(token, ";&") || is_op(token, ";;&");
}

class Parser
{
public:
  Parser(const std::vector<Token>& tokens, int depth) : m_tokens(tokens), m_depth(depth) {}

  ParseResult run()
  {
    ParseResult result;
    result.script.pipelines = parse_list(Closer::none, m_depth);
    result.problem = std::move(m_problem);
    return result;
  }

private:
  enum class Closer { none, paren, brace, case_item };

  const std::vector<Token>& m_tokens;
  int m_depth;
  std::size_t m_pos = 0;
  std::optional<ParseProblem> m_problem;

  const Token* peek(std::size_t ahead = 0) const
  {
    return m_pos + ahead < m_tokens.size() ? &m_tokens[m_pos + ahead] : nullptr;
  }

  void fail(std::string rule_id, std::string message, Span span)
  {
    if (!m_problem) {
      m_problem = ParseProblem{std::move(rule_id), std::move(message), span};
    }
  }

  void fail(std::string message, Span span) { fail("parse.error", std::move(message), span); }

  Span span_from(std::size_t first) const
  {
    if (first >= m_pos || m_pos == 0) {
      return first < m_tokens.size() ? m_tokens[first].span : Span{};
    }
    return Span{m_tokens[first].span.begin, m_tokens[m_pos - 1].span.end};
  }

  Span last_span() const { return m_tokens.empty() ? Span{} : m_tokens.back().span; }

  bool at_closer(Closer closer) const
  {
    const Token* token = peek();
    if (token == nullptr) {
      return false;
    }
    switch (closer) {
    case Closer::none:
      return false;
    case Closer::paren:
      return is_op(*token, ")");
    case Closer::brace:
      return is_keyword(*token, "}");
    case Closer::case_item:
      return is_case_terminator(*token) || is_keyword(*token, "esac");
    }
    return false;
  }

  void skip_newlines()
  {
    while (peek() != nullptr && is_op(*peek(), "\n")) {
      ++m_pos;
    }
  }

  std::vector<Pipeline> parse_list(Closer closer, int depth)
  {
    std::vector<Pipeline> list;
    while (true) {
      while (peek() != nullptr && (is_op(*peek(), "\n") || is_op(*peek(), ";"))) {
        ++m_pos;
      }
      const Token* token = peek();
      if (token == nullptr) {
        if (closer != Closer::none) {
          fail(closer == Closer::case_item ? "a case statement is never closed with esac"
                                           : "a ( or { group is never closed",
               last_span());
        }
        return list;
      }
      if (at_closer(closer)) {
        return list;
      }
      if (is_op(*token, ")")) {
        fail("a ) has no matching (", token->span);
        ++m_pos;
        continue;
      }
      if (is_case_terminator(*token) || is_op(*token, "&") || is_op(*token, "&&") || is_op(*token, "||") ||
          is_op(*token, "|") || is_op(*token, "|&")) {
        fail("unexpected '" + token->op + "' where a command should be", token->span);
        ++m_pos;
        continue;
      }
      const std::size_t before = m_pos;
      Pipeline pipeline = parse_pipeline(closer, depth);
      if (m_pos == before) {
        fail("unexpected token where a command should be", token->span);
        ++m_pos;
        continue;
      }
      const Token* after = peek();
      if (after != nullptr && is_op(*after, "&")) {
        pipeline.background = true;
        ++m_pos;
      } else if (after != nullptr && (is_op(*after, "&&") || is_op(*after, "||"))) {
        ++m_pos;
        skip_newlines();
        if (peek() == nullptr || at_closer(closer)) {
          fail("'" + after->op + "' has no command after it", after->span);
        }
      }
      if (!pipeline.commands.empty()) {
        list.push_back(std::move(pipeline));
      }
    }
  }

  Pipeline parse_pipeline(Closer closer, int depth)
  {
    Pipeline pipeline;
    while (true) {
      std::optional<Command> command = parse_command(closer, depth);
      const Token* token = peek();
      if (command) {
        pipeline.commands.push_back(std::move(*command));
      }
      if (token == nullptr || !(is_op(*token, "|") || is_op(*token, "|&"))) {
        break;
      }
      if (!command) {
        fail("a | has no command before it", token->span);
      }
      ++m_pos;
      skip_newlines();
      const Token* next = peek();
      if (next == nullptr || at_closer(closer) || next->kind == TokenKind::op) {
        if (next == nullptr || !is_op(*next, "(")) {
          fail("a | has no command after it", token->span);
          break;
        }
      }
    }
    if (!pipeline.commands.empty()) {
      pipeline.span = Span{pipeline.commands.front().span.begin, pipeline.commands.back().span.end};
    }
    return pipeline;
  }

  void read_redirects(Command& command)
  {
    while (peek() != nullptr && peek()->kind == TokenKind::redirect) {
      command.redirects.push_back(peek());
      ++m_pos;
    }
  }

  std::optional<Command> parse_command(Closer closer, int depth)
  {
    while (peek() != nullptr && is_any_keyword(*peek(), k_leading_keywords)) {
      ++m_pos;
    }
    const Token* token = peek();
    if (token == nullptr || at_closer(closer)) {
      return std::nullopt;
    }
    const std::size_t first = m_pos;
    if (is_any_keyword(*token, k_closing_keywords)) {
      ++m_pos;
      Command command;
      command.kind = Command::Kind::compound_end;
      read_redirects(command);
      command.span = span_from(first);
      return command;
    }
    if (is_op(*token, "(") || is_keyword(*token, "{")) {
      return parse_grouping(depth);
    }
    if (is_keyword(*token, "function") && peek(1) != nullptr && peek(1)->kind == TokenKind::word) {
      std::string name = peek(1)->word.text;
      m_pos += 2;
      return parse_function_body(std::move(name), first, closer, depth);
    }
    if (token->kind == TokenKind::word && !token->word.quoted && peek(1) != nullptr && is_op(*peek(1), "(") &&
        peek(2) != nullptr && is_op(*peek(2), ")")) {
      return parse_function_body(token->word.text, first, closer, depth);
    }
    if (is_keyword(*token, "case")) {
      return parse_case(depth);
    }
    Command command;
    while (const Token* current = peek()) {
      if (current->kind == TokenKind::word) {
        if (command.words.empty() && is_assignment(current->word)) {
          command.assignments.push_back(&current->word);
        } else {
          command.words.push_back(&current->word);
        }
      } else if (current->kind == TokenKind::redirect) {
        command.redirects.push_back(current);
      } else {
        break;
      }
      ++m_pos;
    }
    if (m_pos == first) {
      return std::nullopt;
    }
    command.span = span_from(first);
    return command;
  }

  std::optional<Command> parse_grouping(int depth)
  {
    const std::size_t first = m_pos;
    const Token& open = m_tokens[first];
    const bool subshell = is_op(open, "(");
    if (depth + 1 > k_max_nesting) {
      fail("parse.too-deep", "the command nests groups or subshells too deeply to check", open.span);
      m_pos = m_tokens.size();
      return std::nullopt;
    }
    ++m_pos;
    Command command;
    command.kind = subshell ? Command::Kind::subshell : Command::Kind::group;
    command.body = parse_list(subshell ? Closer::paren : Closer::brace, depth + 1);
    if (peek() != nullptr && (subshell ? is_op(*peek(), ")") : is_keyword(*peek(), "}"))) {
      ++m_pos;
    } else {
      fail(subshell ? "a ( is never closed" : "a { group is never closed with }", open.span);
    }
    read_redirects(command);
    command.span = span_from(first);
    return command;
  }

  // At `name`, or after `function name`: optional (), then the body command.
  std::optional<Command> parse_function_body(std::string name, std::size_t first, Closer closer, int depth)
  {
    if (m_pos == first) {
      ++m_pos; // the name
    }
    if (peek() != nullptr && is_op(*peek(), "(") && peek(1) != nullptr && is_op(*peek(1), ")")) {
      m_pos += 2;
    }
    skip_newlines();
    Command command;
    command.kind = Command::Kind::function_definition;
    command.function_name = std::move(name);
    std::optional<Command> body = parse_command(closer, depth);
    if (!body) {
      fail("a function definition has no body", m_tokens[first].span);
    } else {
      Pipeline pipeline;
      pipeline.span = body->span;
      pipeline.commands.push_back(std::move(*body));
      command.body.push_back(std::move(pipeline));
    }
    command.span = span_from(first);
    return command;
  }

  // case WORD in [(]pattern) list ;; ... esac — flattened into a group whose
  // first command is the `case WORD in` header (so substitutions in WORD are
  // still checked), followed by every branch's commands.
  std::optional<Command> parse_case(int depth)
  {
    const std::size_t first = m_pos;
    Command header;
    while (const Token* token = peek()) {
      if (token->kind != TokenKind::word) {
        break;
      }
      header.words.push_back(&token->word);
      ++m_pos;
      if (header.words.size() > 1 && is_keyword(*token, "in")) {
        break;
      }
    }
    header.span = span_from(first);
    Command command;
    command.kind = Command::Kind::group;
    Pipeline header_pipeline;
    header_pipeline.span = header.span;
    header_pipeline.commands.push_back(std::move(header));
    command.body.push_back(std::move(header_pipeline));
    while (true) {
      while (peek() != nullptr && (is_op(*peek(), "\n") || is_op(*peek(), ";"))) {
        ++m_pos;
      }
      const Token* token = peek();
      if (token == nullptr) {
        fail("a case statement is never closed with esac", m_tokens[first].span);
        break;
      }
      if (is_keyword(*token, "esac")) {
        ++m_pos;
        break;
      }
      if (is_op(*token, "(")) {
        ++m_pos;
      }
      while (peek() != nullptr && !is_op(*peek(), ")")) {
        ++m_pos;
      }
      if (peek() == nullptr) {
        fail("a case pattern is never closed with )", m_tokens[first].span);
        break;
      }
      ++m_pos;
      std::vector<Pipeline> branch = parse_list(Closer::case_item, depth + 1);
      for (auto& pipeline : branch) {
        command.body.push_back(std::move(pipeline));
      }
      if (peek() != nullptr && is_case_terminator(*peek())) {
        ++m_pos;
      }
    }
    read_redirects(command);
    command.span = span_from(first);
    return command;
  }
};

} // namespace

ParseResult parse(const std::vector<Token>& tokens, int depth)
{
  return Parser(tokens, depth).run();
}

} // namespace caro::safety
