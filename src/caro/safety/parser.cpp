// From the tree-sitter tree to pipelines of commands. The walk is iterative
// wherever the grammar nests without bound (`a && b && c ...` is a left-deep
// list, test expressions are binary trees, words nest concatenations), and
// recursive only through real nesting (substitutions, subshells, groups,
// compound statements), which is capped at k_max_nesting with a
// "parse.too-deep" problem, so hostile input cannot exhaust the stack. Child
// lists are read with one reusable tree cursor, which is linear where
// ts_node_child(i) is not.

#include "caro/safety/parser.h"

#include <algorithm>
#include <array>
#include <memory>
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

class Cursor
{
public:
  explicit Cursor(TSNode root) : m_cursor(ts_tree_cursor_new(root)) {}
  ~Cursor() { ts_tree_cursor_delete(&m_cursor); }
  Cursor(const Cursor&) = delete;
  Cursor& operator=(const Cursor&) = delete;

  // Appends the children of `node` to `out`.
  void children(TSNode node, std::vector<TSNode>& out)
  {
    ts_tree_cursor_reset(&m_cursor, node);
    if (!ts_tree_cursor_goto_first_child(&m_cursor)) {
      return;
    }
    do {
      out.push_back(ts_tree_cursor_current_node(&m_cursor));
    } while (ts_tree_cursor_goto_next_sibling(&m_cursor));
  }

private:
  TSTreeCursor m_cursor;
};

bool is_statement(NodeKind kind)
{
  switch (kind) {
  case NodeKind::command:
  case NodeKind::redirected_statement:
  case NodeKind::pipeline:
  case NodeKind::list:
  case NodeKind::subshell:
  case NodeKind::compound_statement:
  case NodeKind::function_definition:
  case NodeKind::negated_command:
  case NodeKind::declaration_command:
  case NodeKind::unset_command:
  case NodeKind::variable_assignment:
  case NodeKind::variable_assignments:
  case NodeKind::compound:
  case NodeKind::for_loop:
  case NodeKind::error:
    return true;
  default:
    return false;
  }
}

bool is_redirect(NodeKind kind)
{
  return kind == NodeKind::file_redirect || kind == NodeKind::heredoc_redirect || kind == NodeKind::herestring_redirect;
}

bool is_blank(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

class Builder
{
public:
  Builder(const BashParser& parser, TSNode root, std::string_view text, const SpanMap& map)
      : m_parser(parser), m_text(text), m_map(map), m_cursor(root)
  {
  }

  void build(TSNode root, Script& script, int depth)
  {
    m_storage = &script.storage;
    add_statements(root, script.pipelines, depth);
  }

  std::optional<ParseProblem> take_problem() { return std::move(m_problem); }

private:
  const BashParser& m_parser;
  std::string_view m_text;
  SpanMap m_map;
  Cursor m_cursor;
  std::deque<Token>* m_storage = nullptr;
  std::optional<ParseProblem> m_problem;
  // The grammar puts what follows a here-document operator on its line
  // (`cat <<EOF | sh`, `cat <<EOF && x`) inside the heredoc_redirect node;
  // add_redirect leaves those statements here for the caller to splice in.
  std::vector<TSNode> m_heredoc_tails;
  // The grammar reads `a | b | c && d` as a pipeline whose last stage is the
  // list `b | c && d`; bash reads `(a | b | c) && d`. pipeline_commands keeps
  // the list's first part as more stages and leaves the rest here, each with
  // the operator before it, for add_statement to add as the pipelines after.
  std::vector<std::pair<std::string, TSNode>> m_pipe_tails;

  // Adds the pipeline and then the list parts that followed its last stage.
  void push_with_tails(std::vector<Pipeline>& out, Pipeline pipeline,
                       const std::vector<std::pair<std::string, TSNode>>& tails, int depth)
  {
    const std::size_t before = out.size();
    push(out, std::move(pipeline));
    for (const auto& [op, statement] : tails) {
      if (out.size() > before) {
        out.back().separator = op;
      }
      if (depth + 1 > k_max_nesting) {
        too_deep(statement);
        break;
      }
      add_statement(statement, out, depth + 1);
    }
  }

  NodeKind kind(TSNode node) const { return m_parser.kind(node); }

  std::vector<TSNode> children(TSNode node)
  {
    std::vector<TSNode> out;
    m_cursor.children(node, out);
    return out;
  }

  // Node ranges, with the blanks some external-scanner tokens swallow trimmed.
  std::size_t start_of(TSNode node) const
  {
    std::size_t start = std::min<std::size_t>(ts_node_start_byte(node), m_text.size());
    const std::size_t end = end_of(node);
    while (start < end && is_blank(m_text[start])) {
      ++start;
    }
    return start;
  }
  std::size_t end_of(TSNode node) const { return std::min<std::size_t>(ts_node_end_byte(node), m_text.size()); }
  std::string_view source(TSNode node) const
  {
    const std::size_t start = start_of(node);
    return m_text.substr(start, end_of(node) - start);
  }
  Span span_of(TSNode node) const { return m_map.map(start_of(node), end_of(node)); }

  void too_deep(TSNode node)
  {
    if (!m_problem) {
      m_problem = ParseProblem{"parse.too-deep",
                               "the command nests substitutions, groups or quoted commands too "
                               "deeply to check",
                               span_of(node)};
    }
  }

  Token& store(Token token)
  {
    m_storage->push_back(std::move(token));
    return m_storage->back();
  }

  const Word* store_word(Word word)
  {
    Token token;
    token.kind = TokenKind::word;
    token.span = word.span;
    token.word = std::move(word);
    return &store(std::move(token)).word;
  }

  // ---- statements ----

  void add_statements(TSNode container, std::vector<Pipeline>& out, int depth)
  {
    if (depth > k_max_nesting) {
      too_deep(container);
      return;
    }
    for (const TSNode child : children(container)) {
      const NodeKind child_kind = kind(child);
      if (is_statement(child_kind)) {
        add_statement(child, out, depth);
      } else if (!ts_node_is_named(child) && !out.empty()) {
        const std::string_view op = source(child);
        if (op == "&" || op == ";" || op == ";;" || op == "\n") {
          out.back().background = op == "&";
          out.back().separator = std::string(op);
        }
      }
    }
  }

  void separate(std::vector<Pipeline>& out, std::size_t before)
  {
    // A statement that follows another without an operator was on a new line.
    if (before > 0 && before < out.size() && out[before - 1].separator.empty()) {
      // push_back, not = "\n": g++ 12 warns falsely (-Wrestrict) on assigning a literal here.
      out[before - 1].separator.push_back('\n');
    }
  }

  void add_statement(TSNode node, std::vector<Pipeline>& out, int depth)
  {
    const std::size_t before = out.size();
    const NodeKind node_kind = kind(node);
    if (node_kind == NodeKind::list) {
      add_list(node, out, depth);
    } else if (node_kind == NodeKind::negated_command) {
      for (const TSNode child : children(node)) {
        if (is_statement(kind(child))) {
          add_statement(child, out, depth + 1);
        }
      }
    } else if (node_kind == NodeKind::error) {
      // What the grammar could not place: keep every command inside it.
      add_error(node, out, depth + 1);
    } else if (node_kind == NodeKind::pipeline || is_redirected_pipeline(node)) {
      Pipeline pipeline;
      std::vector<std::pair<std::string, TSNode>> outer_pipe_tails = std::exchange(m_pipe_tails, {});
      pipeline_commands(node, pipeline.commands, depth);
      push_with_tails(out, std::move(pipeline), std::exchange(m_pipe_tails, std::move(outer_pipe_tails)), depth);
    } else {
      Pipeline pipeline;
      std::vector<TSNode> outer_tails = std::exchange(m_heredoc_tails, {});
      if (std::optional<Command> command = build_command(node, depth)) {
        pipeline.commands.push_back(std::move(*command));
      }
      std::vector<TSNode> tails = std::exchange(m_heredoc_tails, std::move(outer_tails));
      std::vector<TSNode> later;
      std::vector<std::pair<std::string, TSNode>> outer_pipe_tails = std::exchange(m_pipe_tails, {});
      for (const TSNode tail : tails) {
        if (kind(tail) == NodeKind::pipeline && later.empty()) {
          pipeline_commands(tail, pipeline.commands, depth); // `cat <<EOF | sh`: more stages
        } else {
          later.push_back(tail);
        }
      }
      push_with_tails(out, std::move(pipeline), std::exchange(m_pipe_tails, std::move(outer_pipe_tails)), depth);
      for (const TSNode tail : later) {
        if (depth + 1 > k_max_nesting) {
          too_deep(tail);
          break;
        }
        add_statement(tail, out, depth + 1);
      }
    }
    separate(out, before);
  }

  bool is_redirected_pipeline(TSNode node)
  {
    if (kind(node) != NodeKind::redirected_statement) {
      return false;
    }
    for (const TSNode child : children(node)) {
      if (kind(child) == NodeKind::pipeline) {
        return true;
      }
    }
    return false;
  }

  // The grammar attaches a redirection after `a | b` to the whole pipeline
  // (and nests `a | b 2>&1 | c` that way); bash gives it to the last
  // command. Walked with an explicit stack: pipelines can be long.
  void pipeline_commands(TSNode node, std::vector<Command>& out, int depth)
  {
    struct Item
    {
      TSNode node;
      bool attach; // attach node's redirections to the last command so far
    };
    std::vector<Item> pending{{node, false}};
    while (!pending.empty()) {
      const Item item = pending.back();
      pending.pop_back();
      if (item.attach) {
        if (!out.empty()) {
          for (const TSNode child : children(item.node)) {
            if (is_redirect(kind(child))) {
              add_redirect(child, out.back(), depth);
            }
          }
          out.back().span.end = std::max(out.back().span.end, span_of(item.node).end);
        }
        continue;
      }
      if (kind(item.node) == NodeKind::pipeline || is_redirected_pipeline(item.node)) {
        std::vector<TSNode> parts = children(item.node);
        if (kind(item.node) == NodeKind::redirected_statement) {
          pending.push_back(Item{item.node, true});
        }
        for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
          if (kind(*it) == NodeKind::pipeline || (is_statement(kind(*it)) && !is_redirect(kind(*it)))) {
            pending.push_back(Item{*it, false});
          }
        }
        continue;
      }
      if (kind(item.node) == NodeKind::list) {
        // `b | c && d` as a stage: its first part continues the pipeline.
        std::vector<TSNode> parts = children(item.node);
        std::vector<std::pair<std::string, TSNode>> tails;
        bool first = true;
        std::string op;
        for (const TSNode part : parts) {
          if (!ts_node_is_named(part)) {
            op = std::string(source(part));
          } else if (is_statement(kind(part))) {
            if (first) {
              pending.push_back(Item{part, false});
              first = false;
            } else {
              tails.emplace_back(op, part);
            }
          }
        }
        m_pipe_tails.insert(m_pipe_tails.begin(), tails.begin(), tails.end());
        continue;
      }
      std::vector<TSNode> outer_tails = std::exchange(m_heredoc_tails, {});
      if (std::optional<Command> command = build_command(item.node, depth)) {
        out.push_back(std::move(*command));
      }
      std::vector<TSNode> tails = std::exchange(m_heredoc_tails, std::move(outer_tails));
      for (auto it = tails.rbegin(); it != tails.rend(); ++it) {
        if (kind(*it) == NodeKind::pipeline) {
          pending.push_back(Item{*it, false});
        }
      }
    }
  }

  // An ERROR node: statements inside it are kept, and loose words (a command
  // the grammar could not place, `{rm,-rf,/}`) become one simple command.
  // Adjacent pieces form one word, as the shell would read them.
  void add_error(TSNode node, std::vector<Pipeline>& out, int depth)
  {
    if (depth > k_max_nesting) {
      too_deep(node);
      return;
    }
    Command loose;
    std::vector<TSNode> piece;
    auto finish_word = [&]() {
      if (piece.empty()) {
        return;
      }
      std::vector<Substitution> substitutions;
      std::vector<SubstitutionRange> ranges;
      for (const TSNode part : piece) {
        collect_substitutions(part, substitutions, &ranges, depth);
      }
      Word word = read_word(m_text, start_of(piece.front()), end_of(piece.back()), m_map, ranges);
      word.substitutions = std::move(substitutions);
      if (!word.text.empty() && word.text != "{" && word.text != "}") {
        loose.words.push_back(store_word(std::move(word)));
      }
      piece.clear();
    };
    for (const TSNode child : children(node)) {
      const NodeKind child_kind = kind(child);
      if (is_statement(child_kind)) {
        finish_word();
        add_statement(child, out, depth);
        continue;
      }
      const std::string_view text = source(child);
      const bool brace = !ts_node_is_named(child) && (text == "{" || text == "}");
      const bool wordlike = child_kind == NodeKind::word || child_kind == NodeKind::command_name ||
                            child_kind == NodeKind::variable_name || child_kind == NodeKind::command_substitution;
      if (!wordlike && !brace) {
        finish_word();
        if (child_kind == NodeKind::clause || child_kind == NodeKind::error) {
          add_error(child, out, depth + 1); // case items, loop bodies of an unfinished compound
        }
        continue;
      }
      if (!piece.empty() && start_of(child) != end_of(piece.back())) {
        finish_word();
      }
      piece.push_back(child);
    }
    finish_word();
    if (!loose.words.empty()) {
      loose.span = Span{loose.words.front()->span.begin, loose.words.back()->span.end};
      Pipeline pipeline;
      pipeline.commands.push_back(std::move(loose));
      push(out, std::move(pipeline));
    }
  }

  static void push(std::vector<Pipeline>& out, Pipeline pipeline)
  {
    if (pipeline.commands.empty()) {
      return;
    }
    pipeline.span = Span{pipeline.commands.front().span.begin, pipeline.commands.back().span.end};
    out.push_back(std::move(pipeline));
  }

  // `a && b || c` is a left-deep tree: walk it with an explicit stack.
  void add_list(TSNode list, std::vector<Pipeline>& out, int depth)
  {
    std::vector<TSNode> pending{list};
    while (!pending.empty()) {
      const TSNode node = pending.back();
      pending.pop_back();
      if (kind(node) == NodeKind::list) {
        std::vector<TSNode> parts = children(node);
        for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
          pending.push_back(*it);
        }
      } else if (is_statement(kind(node))) {
        add_statement(node, out, depth);
      } else if (!ts_node_is_named(node) && !out.empty()) {
        out.back().separator = std::string(source(node));
      }
    }
  }

  // ---- commands ----

  std::optional<Command> build_command(TSNode node, int depth)
  {
    switch (kind(node)) {
    case NodeKind::command:
      return simple_command(node, depth);
    case NodeKind::redirected_statement:
      return redirected(node, depth);
    case NodeKind::subshell:
    case NodeKind::compound_statement: {
      Command command;
      command.kind = kind(node) == NodeKind::subshell ? Command::Kind::subshell : Command::Kind::group;
      command.span = span_of(node);
      add_statements(node, command.body, depth + 1);
      return command;
    }
    case NodeKind::function_definition:
      return function_definition(node, depth);
    case NodeKind::declaration_command:
    case NodeKind::unset_command:
      return declaration(node, depth);
    case NodeKind::variable_assignment:
    case NodeKind::variable_assignments: {
      Command command;
      command.span = span_of(node);
      add_assignments(node, command, depth);
      return command;
    }
    case NodeKind::list:
    case NodeKind::pipeline:
    case NodeKind::negated_command:
    case NodeKind::error: {
      Command command;
      command.kind = Command::Kind::group;
      command.span = span_of(node);
      if (depth + 1 > k_max_nesting) {
        too_deep(node);
      } else {
        add_statement(node, command.body, depth + 1);
      }
      return command;
    }
    default:
      return compound(node, depth);
    }
  }

  std::optional<Command> simple_command(TSNode node, int depth)
  {
    Command command;
    command.span = span_of(node);
    for (const TSNode child : children(node)) {
      const NodeKind child_kind = kind(child);
      if (child_kind == NodeKind::variable_assignment && command.words.empty()) {
        command.assignments.push_back(store_word(make_word(child, depth)));
      } else if (child_kind == NodeKind::command_name) {
        if (end_of(child) > start_of(child)) { // `ls |` has a MISSING name
          command.words.push_back(store_word(make_word(child, depth)));
        }
      } else if (is_redirect(child_kind)) {
        add_redirect(child, command, depth);
      } else if (ts_node_is_named(child) && child_kind != NodeKind::comment) {
        command.words.push_back(store_word(make_word(child, depth)));
      }
    }
    if (command.words.empty() && command.assignments.empty() && command.redirects.empty()) {
      return std::nullopt;
    }
    return command;
  }

  std::optional<Command> redirected(TSNode node, int depth)
  {
    std::optional<Command> command;
    std::vector<TSNode> redirects;
    for (const TSNode child : children(node)) {
      const NodeKind child_kind = kind(child);
      if (is_redirect(child_kind)) {
        redirects.push_back(child);
      } else if (!command && is_statement(child_kind)) {
        if (depth + 1 > k_max_nesting) {
          too_deep(child);
          return std::nullopt;
        }
        if (child_kind == NodeKind::command) {
          command = build_command(child, depth);
        } else {
          Command group;
          group.kind = Command::Kind::group;
          add_statement(child, group.body, depth + 1);
          command = std::move(group);
        }
      }
    }
    if (!command) {
      command = Command{};
    }
    command->span = span_of(node);
    for (const TSNode redirect : redirects) {
      add_redirect(redirect, *command, depth);
    }
    return command;
  }

  std::optional<Command> function_definition(TSNode node, int depth)
  {
    Command command;
    command.kind = Command::Kind::function_definition;
    command.span = span_of(node);
    bool named = false;
    for (const TSNode child : children(node)) {
      const NodeKind child_kind = kind(child);
      if (!named && child_kind == NodeKind::word) {
        command.function_name = make_word(child, depth).text;
        named = true;
      } else if (is_redirect(child_kind)) {
        add_redirect(child, command, depth);
      } else if (is_statement(child_kind)) {
        if (depth + 1 > k_max_nesting) {
          too_deep(child);
          continue;
        }
        add_statement(child, command.body, depth + 1);
      }
    }
    return command;
  }

  // export/declare/local/readonly/typeset/unset: a simple command whose
  // NAME=value arguments stay whole words.
  std::optional<Command> declaration(TSNode node, int depth)
  {
    Command command;
    command.span = span_of(node);
    for (const TSNode child : children(node)) {
      const NodeKind child_kind = kind(child);
      if (is_redirect(child_kind)) {
        add_redirect(child, command, depth);
      } else if (ts_node_is_named(child) || command.words.empty()) {
        if (child_kind != NodeKind::comment) {
          command.words.push_back(store_word(make_word(child, depth)));
        }
      }
    }
    return command;
  }

  void add_assignments(TSNode node, Command& command, int depth)
  {
    if (kind(node) == NodeKind::variable_assignment) {
      command.assignments.push_back(store_word(make_word(node, depth)));
      return;
    }
    for (const TSNode child : children(node)) {
      if (kind(child) == NodeKind::variable_assignment) {
        command.assignments.push_back(store_word(make_word(child, depth)));
      }
    }
  }

  // if/while/until/for/case/[[ ]]/(( )): a group whose body holds the
  // header (keyword and loose words: the for list, the case subject, test
  // operands) and then every statement inside, in order.
  std::optional<Command> compound(TSNode node, int depth)
  {
    Command command;
    command.kind = Command::Kind::group;
    command.span = span_of(node);
    if (depth + 1 > k_max_nesting) {
      too_deep(node);
      return command;
    }
    Command header;
    std::vector<std::pair<TSNode, int>> pending;
    {
      std::vector<TSNode> top = children(node);
      for (auto it = top.rbegin(); it != top.rend(); ++it) {
        pending.emplace_back(*it, depth + 1);
      }
    }
    while (!pending.empty()) {
      const auto [child, level] = pending.back();
      pending.pop_back();
      if (level > k_max_nesting) {
        too_deep(child);
        continue;
      }
      const NodeKind child_kind = kind(child);
      if (is_statement(child_kind)) {
        add_statement(child, command.body, depth + 1);
      } else if (is_redirect(child_kind)) {
        add_redirect(child, command, depth);
      } else if (child_kind == NodeKind::word || child_kind == NodeKind::variable_name ||
                 child_kind == NodeKind::command_substitution || child_kind == NodeKind::process_substitution) {
        header.words.push_back(store_word(make_word(child, depth)));
      } else if (!ts_node_is_named(child)) {
        if (header.words.empty() && header.span.end == 0 && ts_node_end_byte(child) > ts_node_start_byte(child)) {
          header.words.push_back(store_word(make_word(child, depth))); // the keyword: for, case, [[
        }
      } else if (child_kind != NodeKind::comment) {
        std::vector<TSNode> inner = children(child); // clauses, test expressions
        for (auto it = inner.rbegin(); it != inner.rend(); ++it) {
          pending.emplace_back(*it, level + 1);
        }
      }
    }
    if (kind(node) == NodeKind::for_loop && header.words.size() >= 2) {
      // [for, NAME, WORD...]: "in" and ";" are not words. Without "in" the
      // loop runs over "$@", which stays unknown.
      command.loop_variable = header.words[1]->text;
      command.loop_values.assign(header.words.begin() + 2, header.words.end());
    }
    if (header.words.size() > 1) {
      header.span = Span{header.words.front()->span.begin, header.words.back()->span.end};
      Pipeline pipeline;
      pipeline.span = header.span;
      pipeline.commands.push_back(std::move(header));
      command.body.insert(command.body.begin(), std::move(pipeline));
    }
    return command;
  }

  // ---- redirections ----

  void add_redirect(TSNode node, Command& command, int depth)
  {
    Token token;
    token.kind = TokenKind::redirect;
    const std::size_t start = start_of(node);
    std::size_t op_end = start;
    std::optional<TSNode> target;
    std::optional<TSNode> body;
    std::vector<TSNode> nested;
    for (const TSNode child : children(node)) {
      const NodeKind child_kind = kind(child);
      if (!ts_node_is_named(child)) {
        if (!target) {
          op_end = end_of(child);
        }
      } else if (child_kind == NodeKind::file_descriptor) {
        op_end = std::max(op_end, end_of(child));
      } else if (child_kind == NodeKind::heredoc_body) {
        body = child;
      } else if (is_redirect(child_kind)) {
        nested.push_back(child);
      } else if (child_kind == NodeKind::heredoc_start || is_statement(child_kind)) {
        if (child_kind == NodeKind::heredoc_start) {
          target = child;
        } else {
          m_heredoc_tails.push_back(child);
        }
      } else if (!target && (child_kind == NodeKind::word || child_kind == NodeKind::heredoc_start ||
                             child_kind == NodeKind::command_substitution ||
                             child_kind == NodeKind::process_substitution || child_kind == NodeKind::variable_name)) {
        target = child;
      }
    }
    for (std::size_t i = start; i < op_end; ++i) {
      if (!is_blank(m_text[i])) {
        token.op.push_back(m_text[i]);
      }
    }
    std::size_t end = op_end;
    if (target) {
      token.word = make_word(*target, depth);
      end = end_of(*target);
    } else {
      token.word.span = m_map.map(op_end, op_end);
    }
    token.span = m_map.map(start, std::max(end, start));
    if (body) {
      token.heredoc_body = std::string(
          m_text.substr(ts_node_start_byte(*body) < m_text.size() ? ts_node_start_byte(*body) : m_text.size(),
                        end_of(*body) - std::min<std::size_t>(ts_node_start_byte(*body), end_of(*body))));
      // An unquoted delimiter runs the body's substitutions when the document is read.
      collect_substitutions(*body, token.word.substitutions, nullptr, depth);
    }
    command.redirects.push_back(&store(std::move(token)));
    for (const TSNode inner : nested) {
      add_redirect(inner, command, depth);
    }
  }

  // ---- words ----

  Word make_word(TSNode node, int depth)
  {
    std::vector<Substitution> substitutions;
    std::vector<SubstitutionRange> ranges;
    collect_substitutions(node, substitutions, &ranges, depth);
    Word word = read_word(m_text, start_of(node), end_of(node), m_map, ranges);
    word.substitutions = std::move(substitutions);
    return word;
  }

  // Every command/process substitution under `node` (not inside each other:
  // those belong to the nested script), parsed as a script of its own.
  void collect_substitutions(TSNode node, std::vector<Substitution>& out, std::vector<SubstitutionRange>* ranges,
                             int depth)
  {
    // Parentheses of arithmetic nest like any other construct and share the cap.
    std::vector<std::pair<TSNode, int>> pending{{node, depth}};
    while (!pending.empty()) {
      const auto [current, level] = pending.back();
      pending.pop_back();
      const NodeKind current_kind = kind(current);
      if (current_kind == NodeKind::command_substitution || current_kind == NodeKind::process_substitution) {
        out.push_back(substitution(current, level));
        if (ranges != nullptr) {
          ranges->push_back(SubstitutionRange{start_of(current), end_of(current)});
        }
        continue;
      }
      if (ts_node_child_count(current) == 0) {
        continue;
      }
      int inner_level = level;
      if (ts_node_is_named(current)) {
        const std::string_view text = source(current);
        inner_level += text.starts_with("((") || text.starts_with("$((") ? 2 : text.starts_with('(') ? 1 : 0;
      }
      if (inner_level > k_max_nesting) {
        too_deep(current);
        continue;
      }
      std::vector<TSNode> inner = children(current);
      for (auto it = inner.rbegin(); it != inner.rend(); ++it) {
        pending.emplace_back(*it, inner_level);
      }
    }
  }

  Substitution substitution(TSNode node, int depth)
  {
    Substitution result;
    const std::size_t start = start_of(node);
    const char first = start < m_text.size() ? m_text[start] : '$';
    result.kind = first == '`'   ? SubstitutionKind::backtick
                  : first == '<' ? SubstitutionKind::process_input
                  : first == '>' ? SubstitutionKind::process_output
                                 : SubstitutionKind::command;
    result.span = span_of(node);
    if (depth + 1 > k_max_nesting) {
      too_deep(node);
      return result;
    }
    auto script = std::make_shared<Script>();
    std::deque<Token>* outer = m_storage;
    m_storage = &script->storage;
    add_statements(node, script->pipelines, depth + 1);
    m_storage = outer;
    result.tokens = flatten(*script);
    for (Token& token : result.tokens) {
      token.word.substitutions.clear(); // deeper levels stay in the nested script
    }
    result.script = std::move(script);
    return result;
  }
};

// The first ERROR or MISSING node, searching only subtrees that hold one.
std::optional<ParseProblem> find_error(TSNode root, std::string_view text, const SpanMap& map)
{
  std::vector<TSNode> pending{root};
  while (!pending.empty()) {
    const TSNode node = pending.back();
    pending.pop_back();
    const std::size_t start = std::min<std::size_t>(ts_node_start_byte(node), text.size());
    const std::size_t end =
        std::min<std::size_t>(std::max(ts_node_end_byte(node), ts_node_start_byte(node)), text.size());
    if (ts_node_is_missing(node)) {
      return ParseProblem{"parse.error",
                          std::string("the command is incomplete: a '") + ts_node_type(node) + "' is missing",
                          map.map(start, end)};
    }
    if (ts_node_symbol(node) == static_cast<TSSymbol>(-1)) { // ERROR
      return ParseProblem{"parse.error", "the command does not parse as shell code", map.map(start, end)};
    }
    const std::uint32_t count = ts_node_child_count(node);
    // Children in reverse so that the leftmost problem is found first.
    TSTreeCursor cursor = ts_tree_cursor_new(node);
    std::vector<TSNode> inner;
    inner.reserve(count);
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      do {
        const TSNode child = ts_tree_cursor_current_node(&cursor);
        if (ts_node_has_error(child)) {
          inner.push_back(child);
        }
      } while (ts_tree_cursor_goto_next_sibling(&cursor));
    }
    ts_tree_cursor_delete(&cursor);
    pending.insert(pending.end(), inner.rbegin(), inner.rend());
  }
  return ParseProblem{"parse.error", "the command does not parse as shell code", map.map(0, text.size())};
}

Token op_token(std::string op, Span span)
{
  Token token;
  token.kind = TokenKind::op;
  token.op = std::move(op);
  token.span = span;
  return token;
}

Token word_token(const Word& word)
{
  Token token;
  token.word = word;
  token.span = word.span;
  return token;
}

// Bodies were built at most k_max_nesting deep, so this recursion is bounded.
void flatten_into(const std::vector<Pipeline>& pipelines, std::vector<Token>& out)
{
  for (const Pipeline& pipeline : pipelines) {
    for (std::size_t i = 0; i < pipeline.commands.size(); ++i) {
      const Command& command = pipeline.commands[i];
      if (i > 0) {
        out.push_back(op_token("|", command.span));
      }
      const std::size_t first = out.size();
      for (const Word* word : command.assignments) {
        out.push_back(word_token(*word));
      }
      for (const Word* word : command.words) {
        out.push_back(word_token(*word));
      }
      for (const Token* redirect : command.redirects) {
        out.push_back(*redirect);
      }
      std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                       [](const Token& a, const Token& b) { return a.span.begin < b.span.begin; });
      if (!command.body.empty()) {
        const bool subshell = command.kind == Command::Kind::subshell;
        out.push_back(op_token(subshell ? "(" : "{", command.span));
        flatten_into(command.body, out);
        out.push_back(op_token(subshell ? ")" : "}", command.span));
      }
    }
    if (!pipeline.separator.empty()) {
      out.push_back(op_token(pipeline.separator, pipeline.span));
    }
  }
}

// Shapes that Debian's tree-sitter 0.20.7 runtime handles badly are refused
// before they reach it, with a "parse.too-deep" problem (never safe): tens of
// thousands of unclosed brackets or backquotes make it double-free, and a
// pipeline's stages are gathered in quadratic time (a 100 KB pipeline takes
// seconds, and the parse timeout is not checked during that step). Real
// commands stay far below these limits. Quotes are followed crudely so that
// quoted text (a regex of alternatives) does not count as pipes.
constexpr std::size_t k_max_bracket_depth = 256; // far past k_max_nesting, which rates it too deep anyway
constexpr std::size_t k_max_pipes = 256;         // stages of one pipeline

// With `follow_quotes`, quoted text is skipped; an unclosed quote makes the
// caller look again without (the grammar will not see that text as quoted).
std::optional<std::string> hostile_shape(std::string_view text, bool follow_quotes, bool* unclosed = nullptr)
{
  std::size_t level = 0;
  std::size_t backquotes = 0;
  std::size_t pipes = 0;
  char quote = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' && quote != '\'') {
      ++i;
      continue;
    }
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (follow_quotes && (c == '\'' || c == '"')) {
      quote = c;
    } else if (c == '`') {
      if (++backquotes > k_max_bracket_depth) {
        return "the command has too many backquotes to check";
      }
    } else if (c == '(' || c == '{' || c == '[') {
      if (++level > k_max_bracket_depth) {
        return "the command nests brackets too deeply to check";
      }
    } else if ((c == ')' || c == '}' || c == ']') && level > 0) {
      --level;
    } else if (c == '|') {
      const char next = i + 1 < text.size() ? text[i + 1] : '\0';
      if (next == '|') {
        ++i; // || ends a pipeline
        pipes = 0;
      } else {
        i += next == '&' ? 1 : 0; // |& is a pipe too
        if (++pipes > k_max_pipes) {
          return "the command has too many pipeline stages to check";
        }
      }
    } else if (c == ';' || c == '&' || c == '\n') {
      pipes = 0; // stages are counted per pipeline
    }
  }
  if (unclosed != nullptr) {
    *unclosed = quote != 0;
  }
  return std::nullopt;
}

std::optional<std::string> hostile_shape(std::string_view text)
{
  bool unclosed = false;
  std::optional<std::string> shape = hostile_shape(text, true, &unclosed);
  if (!shape && unclosed) {
    shape = hostile_shape(text, false);
  }
  return shape;
}

// ---- the plain fast path ----
//
// Most commands are a few plain words: `ls -la`, `git status`, `grep -rn TODO
// src/ | wc -l`. Bash reads those the same way whatever the grammar, so
// they are split here without tree-sitter (about half of the time of a
// check). Plain means: only letters, digits, blanks and _./,:=+- in words,
// and the operators | && || ; between commands. Anything else, a reserved or
// declaration word anywhere, or an assignment in command position, goes to the
// grammar. The result must equal the grammar's: a unit test and the fuzz
// target compare the two on every input this accepts.

bool plain_word_char(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
         c == '/' || c == ',' || c == ':' || c == '=' || c == '+' || c == '-';
}

bool reserved_word(std::string_view word)
{
  constexpr std::array<std::string_view, 25> k_reserved = {
      "if",      "then",  "else",     "elif",    "fi",    "case",     "esac", "for",    "select",
      "while",   "until", "do",       "done",    "in",    "function", "time", "coproc", "export",
      "declare", "local", "readonly", "typeset", "unset", "let",      "eval"};
  return std::find(k_reserved.begin(), k_reserved.end(), word) != k_reserved.end();
}

std::optional<Script> parse_plain_text(std::string_view text, const SpanMap& map)
{
  for (const char c : text) { // reject cheaply before building anything
    if (!plain_word_char(c) && c != ' ' && c != '|' && c != '&' && c != ';') {
      return std::nullopt;
    }
  }
  Script script;
  Pipeline pipeline;
  Command command;
  auto finish_command = [&]() {
    if (command.words.empty()) {
      return false;
    }
    command.span = Span{command.words.front()->span.begin, command.words.back()->span.end};
    pipeline.commands.push_back(std::move(command));
    command = Command{};
    return true;
  };
  auto finish_pipeline = [&](std::string_view separator) {
    if (!finish_command()) {
      return false;
    }
    pipeline.span = Span{pipeline.commands.front().span.begin, pipeline.commands.back().span.end};
    pipeline.separator = std::string(separator);
    script.pipelines.push_back(std::move(pipeline));
    pipeline = Pipeline{};
    return true;
  };
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ') {
      ++i;
      continue;
    }
    if (plain_word_char(c)) {
      const std::size_t start = i;
      while (i < text.size() && plain_word_char(text[i])) {
        ++i;
      }
      const std::string_view word = text.substr(start, i - start);
      // `==` is a test operator to the grammar wherever it stands.
      if (reserved_word(word) || word.find("==") != std::string_view::npos ||
          (command.words.empty() && word.find('=') != std::string_view::npos)) {
        return std::nullopt;
      }
      Token token;
      token.kind = TokenKind::word;
      token.word = read_word(text, start, i, map);
      token.span = token.word.span;
      script.storage.push_back(std::move(token));
      command.words.push_back(&script.storage.back().word);
      continue;
    }
    const std::string_view rest = text.substr(i);
    if (rest.starts_with("&&") || rest.starts_with("||")) {
      if (!finish_pipeline(rest.substr(0, 2))) {
        return std::nullopt;
      }
      i += 2;
    } else if (c == '|') {
      // Long pipelines get the grammar path's refusal (hostile_shape).
      if (!finish_command() || pipeline.commands.size() > k_max_pipes) {
        return std::nullopt;
      }
      ++i;
    } else if (c == ';' && !rest.starts_with(";;")) {
      if (!finish_pipeline(";")) {
        return std::nullopt;
      }
      ++i;
    } else {
      return std::nullopt;
    }
  }
  // The last command must be complete: `ls |`, `ls &&` and `ls;` go to the grammar.
  if (!finish_pipeline("")) {
    return std::nullopt;
  }
  return script;
}

} // namespace

std::optional<Script> parse_plain(std::string_view text, const SpanMap& map)
{
  return parse_plain_text(text, map);
}

ParseResult parse(BashParser& parser, std::string_view text, const SpanMap& map, int depth)
{
  if (depth <= k_max_nesting) {
    if (std::optional<Script> plain = parse_plain_text(text, map)) {
      ParseResult result;
      result.script = std::move(*plain);
      return result;
    }
  }
  return parse_with_grammar(parser, text, map, depth);
}

ParseResult parse_with_grammar(BashParser& parser, std::string_view text, const SpanMap& map, int depth)
{
  ParseResult result;
  if (!parser.ok()) {
    result.problem =
        ParseProblem{"parse.error", "the command could not be checked: " + parser.problem(), map.map(0, text.size())};
    return result;
  }
  if (depth > k_max_nesting) {
    result.problem = ParseProblem{"parse.too-deep", "the command nests quoted commands too deeply to check",
                                  map.map(0, text.size())};
    return result;
  }
  if (std::optional<std::string> shape = hostile_shape(text)) {
    result.problem = ParseProblem{"parse.too-deep", std::move(*shape), map.map(0, text.size())};
    return result;
  }
  const TreeHandle tree = parser.parse(text);
  if (!tree) {
    result.problem = ParseProblem{"parse.error", "the command could not be parsed in time", map.map(0, text.size())};
    return result;
  }
  const TSNode root = ts_tree_root_node(tree.get());
  Builder builder(parser, root, text, map);
  builder.build(root, result.script, depth);
  if (ts_node_has_error(root)) {
    result.problem = find_error(root, text, map);
  } else {
    result.problem = builder.take_problem();
  }
  return result;
}

ParseResult parse(std::string_view text, const SpanMap& map, int depth)
{
  BashParser parser;
  return parse(parser, text, map, depth);
}

std::vector<Token> flatten(const Script& script)
{
  std::vector<Token> out;
  flatten_into(script.pipelines, out);
  return out;
}

LexResult lex(std::string_view text, const SpanMap& map, int depth)
{
  ParseResult parsed = parse(text, map, depth);
  LexResult result;
  result.tokens = flatten(parsed.script);
  result.problem = std::move(parsed.problem);
  return result;
}

} // namespace caro::safety
