// The named C++ predicates the rule file may reference. Each returns where it
// fires (usually the whole command) or nullopt. They look only at the
// CommandView and the parsed words, never at the filesystem.

#include "caro/safety/rule_predicates.h"

#include "caro/safety/target.h"

#include <array>
#include <utility>

namespace caro::safety {

namespace {

std::optional<Span> when(bool condition, const CommandView& view)
{
  return condition ? std::optional<Span>(view.span) : std::nullopt;
}

struct CallCount
{
  int calls = 0;
  bool spawns = false; // a call sits in a pipeline or in the background
};

void count_calls(const std::vector<Pipeline>& pipelines, const std::string& name, CallCount& count, int depth)
{
  if (depth > k_max_nesting) {
    return;
  }
  for (const Pipeline& pipeline : pipelines) {
    for (const Command& command : pipeline.commands) {
      if (command.kind == Command::Kind::simple && !command.words.empty() &&
          command_name(*command.words.front()) == name) {
        ++count.calls;
        if (pipeline.commands.size() > 1 || pipeline.background) {
          count.spawns = true;
        }
      }
      count_calls(command.body, name, count, depth + 1);
    }
  }
}

// A function that starts at least two copies of itself concurrently grows
// without bound, whatever its name: :(){ :|:& };:
bool self_spawning(const CommandView& view)
{
  if (view.command == nullptr || view.command->kind != Command::Kind::function_definition) {
    return false;
  }
  CallCount count;
  count_calls(view.command->body, view.command->function_name, count, 0);
  return count.calls >= 2 && count.spawns;
}

std::optional<Span> fork_bomb(const CommandView& view)
{
  return when(self_spawning(view) && view.function_called, view);
}

std::optional<Span> fork_bomb_definition(const CommandView& view)
{
  return when(self_spawning(view), view);
}

// kill [-SIGNAL | -s SIGNAL | -n NUM] PID...: the first argument that looks
// like an option is the signal, so -1 after it is "every process".
std::size_t first_pid(const CommandView& view)
{
  if (view.args.empty()) {
    return 0;
  }
  const std::string& first = view.args[0]->text;
  if (first == "-s" || first == "-n" || first == "--signal") {
    return 2;
  }
  return first.starts_with('-') && first != "--" ? 1 : 0;
}

std::optional<Span> signals_every_process(const CommandView& view)
{
  for (std::size_t i = first_pid(view); i < view.args.size(); ++i) {
    if (view.args[i]->text == "-1") {
      return view.span;
    }
  }
  return std::nullopt;
}

std::optional<Span> signals_init(const CommandView& view)
{
  for (std::size_t i = first_pid(view); i < view.args.size(); ++i) {
    if (view.args[i]->text == "1") {
      return view.span;
    }
  }
  return std::nullopt;
}

// `> file`, `: > file`, `true > file`, `cat /dev/null > file`, `truncate -s 0`.
std::optional<Span> truncates_file(const CommandView& view)
{
  if (view.command == nullptr) {
    return std::nullopt;
  }
  if (view.name == "truncate") {
    const Options options = parse_options(view.args, "sr", std::array<std::string_view, 2>{"size", "reference"});
    const Word* size = options.value("s");
    if (size == nullptr) {
      size = options.value("size");
    }
    return when(size != nullptr && (size->text == "0" || size->text.ends_with("s0") || size->text.ends_with("=0")),
                view);
  }
  const bool empty_output = view.name.empty() || ((view.name == ":" || view.name == "true") && view.args.empty()) ||
                            (view.name == "cat" && view.args.size() == 1 && view.args[0]->text == "/dev/null");
  if (!empty_output || view.command->kind != Command::Kind::simple || !view.owns_redirects) {
    return std::nullopt;
  }
  for (const Token* redirect : view.command->redirects) {
    if ((redirect->op == ">" || redirect->op == ">|" || redirect->op == "1>") && redirect_writes(*redirect)) {
      return redirect->span;
    }
  }
  return std::nullopt;
}

// dd of=DEVICE, including a /dev/ path decided by a variable (of=/dev/$DISK).
std::optional<Span> dd_writes_device(const CommandView& view)
{
  for (const Word* arg : view.args) {
    if (arg->text.starts_with("of=")) {
      const TargetClass target = classify_in_view(view, *arg, 3); // `for d in /dev/sda; do dd of=$d`
      if (target == TargetClass::block_device || may_be_block_device(*arg, 3) ||
          (resolved_path(*arg, 3).starts_with("/dev/") && target != TargetClass::plain)) {
        return view.span;
      }
    }
  }
  return std::nullopt;
}

// Partitioning tools also list and print; only other uses change the disk.
std::optional<Span> changes_partitions(const CommandView& view)
{
  const Options options = parse_options(view.args);
  if (options.has('l') || options.has("list") || options.has("help") || options.has("version") || options.has('V')) {
    return std::nullopt;
  }
  if (view.name == "sfdisk" &&
      (options.has('d') || options.has("dump") || options.has('s') || options.has("show-size"))) {
    return std::nullopt;
  }
  if (view.name == "parted" || view.name == "sgdisk") {
    for (const Word* operand : options.operands) {
      if (operand->text == "print" || operand->text == "p") {
        return std::nullopt;
      }
    }
    if (view.name == "sgdisk" && (options.has('p') || options.has("print"))) {
      return std::nullopt;
    }
  }
  return view.span;
}

std::string_view chmod_mode(const CommandView& view)
{
  const Options options = parse_options(view.args, "", std::array<std::string_view, 1>{"reference"});
  if (options.value("reference") != nullptr || options.operands.empty()) {
    return {};
  }
  return options.operands.front()->text;
}

bool all_octal(std::string_view mode)
{
  return !mode.empty() && mode.find_first_not_of("01234567") == std::string_view::npos;
}

std::optional<Span> world_writable_mode(const CommandView& view)
{
  const std::string_view mode = chmod_mode(view);
  if (mode.size() >= 3 && mode.size() <= 4 && all_octal(mode)) {
    const char others = mode.back();
    return when(others == '7' || others == '6' || others == '3' || others == '2', view);
  }
  return when(mode == "a+rwx" || mode == "ugo+rwx" || mode == "o+w" || mode == "a+w" || mode == "o+rwx" ||
                  mode == "+w" || mode.find("o=rwx") != std::string_view::npos,
              view);
}

std::optional<Span> setuid_mode(const CommandView& view)
{
  const std::string_view mode = chmod_mode(view);
  if (mode.size() == 4 && all_octal(mode)) {
    return when(mode[0] == '2' || mode[0] == '4' || mode[0] == '6' || mode[0] == '7', view);
  }
  if (mode.size() == 5 && all_octal(mode)) {
    return when(mode[1] == '2' || mode[1] == '4' || mode[1] == '6' || mode[1] == '7', view);
  }
  const std::size_t plus = mode.find('+');
  return when(plus != std::string_view::npos && mode.find('s', plus) != std::string_view::npos, view);
}

// find -delete, or -exec/-execdir/-ok running a deleting command.
std::optional<Span> find_deletes(const CommandView& view)
{
  for (std::size_t i = 0; i < view.args.size(); ++i) {
    const std::string& text = view.args[i]->text;
    if (text == "-delete") {
      return view.span;
    }
    if ((text == "-exec" || text == "-execdir" || text == "-ok" || text == "-okdir") && i + 1 < view.args.size()) {
      const std::string name = command_name(*view.args[i + 1]);
      if (name == "rm" || name == "unlink" || name == "rmdir" || name == "shred") {
        return view.span;
      }
    }
  }
  return std::nullopt;
}

bool to_network(const Token& redirect)
{
  const std::string path = resolved_path(redirect.word);
  return path.starts_with("/dev/tcp/") || path.starts_with("/dev/udp/");
}

std::optional<Span> redirects_to_network(const CommandView& view)
{
  if (!view.owns_redirects || view.command == nullptr) {
    return std::nullopt;
  }
  for (const Token* redirect : view.command->redirects) {
    if (to_network(*redirect)) {
      return redirect->span;
    }
  }
  return std::nullopt;
}

bool is_netcat(std::string_view name)
{
  return name == "nc" || name == "ncat" || name == "netcat" || name == "nc.traditional" || name == "nc.openbsd" ||
         name == "socat" || name == "telnet";
}

// sh -i ... | nc host port: a shell wired to a network connection.
std::optional<Span> piped_with_netcat(const CommandView& view)
{
  if (view.pipeline == nullptr) {
    return std::nullopt;
  }
  for (const CommandView& stage : *view.pipeline) {
    if (is_netcat(stage.name)) {
      return view.pipeline->front().span.begin <= view.span.begin
                 ? Span{view.pipeline->front().span.begin, view.pipeline->back().span.end}
                 : view.span;
    }
  }
  return std::nullopt;
}

// tar cf - / | nc host port: an archive, a disk image, a database dump or an
// account file sent over a plain network connection.
std::optional<Span> sends_files(const CommandView& view)
{
  if (!is_netcat(view.name)) {
    return std::nullopt;
  }
  for (const CommandView& stage : upstream(view)) {
    const std::string& name = stage.name;
    const bool dumps = name == "tar" || name == "cpio" || name == "dd" || name == "zip" || name == "7z" ||
                       name == "pg_dump" || name == "pg_dumpall" || name == "mysqldump" || name == "mongodump" ||
                       name == "xfsdump" || name == "dump";
    bool secret = false;
    if (name == "cat" || name == "base64" || name == "gzip" || name == "xz") {
      for (const Word* arg : stage.args) {
        secret = secret || file_sensitivity(*arg) == FileSensitivity::authentication ||
                 resolved_path(*arg, 0).find("/.ssh/") != std::string::npos;
      }
    }
    if (dumps || secret) {
      return Span{stage.span.begin, view.span.end};
    }
  }
  return std::nullopt;
}

bool substitution_downloads(const Word& word)
{
  for (const Substitution& substitution : word.substitutions) {
    if (tokens_run_downloader(substitution.tokens)) {
      return true;
    }
  }
  return false;
}

// bash <(curl ...), sh -c "$(curl ...)", eval "$(wget ...)".
std::optional<Span> runs_downloaded_substitution(const CommandView& view)
{
  for (const Word* arg : view.args) {
    if (substitution_downloads(*arg)) {
      return view.span;
    }
  }
  if (view.owns_redirects && view.command != nullptr) {
    for (const Token* redirect : view.command->redirects) {
      if (redirect->op.starts_with('<') && substitution_downloads(redirect->word)) {
        return view.span;
      }
    }
  }
  return std::nullopt;
}

// bash -c "$CMD", eval $1: the code to run is whatever a variable holds.
std::optional<Span> code_from_variable(const CommandView& view)
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
  return when(first.offset == 0 && first.name != "$(" && first.name != "~", view);
}

// python -c, perl -e, ruby -e, node -e, php -r: code in another language that
// the validator cannot parse; it fires when the code deletes files or starts
// commands.
std::optional<Span> inline_code_runs_commands(const CommandView& view)
{
  if (!is_interpreter(view.name) || is_shell(view.name)) {
    return std::nullopt;
  }
  const Options options = parse_options(view.args, "cerE", std::array<std::string_view, 2>{"eval", "execute"}, true);
  const Word* code = nullptr;
  for (const char flag : std::string_view("cerE")) {
    if (code == nullptr) {
      code = options.value(std::string(1, flag));
    }
  }
  if (code == nullptr) {
    code = options.value("eval");
  }
  if (code == nullptr) {
    return std::nullopt;
  }
  constexpr std::array<std::string_view, 17> k_markers = {
      "system(",  "subprocess", "rmtree", "os.remove",   "unlink",   "popen",         "exec(", "spawn",     "rm -",
      "os.rmdir", "rimraf",     "rmSync", "File.delete", "execSync", "child_process", "pty.",  "shell_exec"};
  for (const auto marker : k_markers) {
    if (code->text.find(marker) != std::string::npos) {
      return view.span;
    }
  }
  return code->text.find('`') != std::string::npos ? std::optional<Span>(view.span) : std::nullopt;
}

// docker run -v /:/host, --volume=/:/mnt, --mount src=/,..., the Docker socket.
std::optional<Span> mounts_host_root(const CommandView& view)
{
  for (std::size_t i = 0; i < view.args.size(); ++i) {
    std::string_view text = view.args[i]->text;
    std::string_view value;
    if (text == "-v" || text == "--volume" || text == "--mount") {
      if (i + 1 < view.args.size()) {
        value = view.args[i + 1]->text;
      }
    } else if (text.starts_with("--volume=") || text.starts_with("--mount=")) {
      value = text.substr(text.find('=') + 1);
    } else if (text.starts_with("-v") && text.size() > 2 && text[2] != '-') {
      value = text.substr(2);
    }
    if (value.starts_with("/:") || value.find("source=/,") != std::string_view::npos ||
        value.find("src=/,") != std::string_view::npos || value.starts_with("/etc:") ||
        value.starts_with("/var/run/docker.sock") || value.starts_with("/run/docker.sock")) {
      return view.span;
    }
  }
  return std::nullopt;
}

// Upstream stages: decoders of hidden text, and anything except echo/printf
// (whose text the validator re-checks itself).
std::optional<Span> decodes(const CommandView& stage)
{
  return when(decodes_hidden_text(stage), stage);
}

std::optional<Span> produces_text(const CommandView& stage)
{
  return when(stage.name != "echo" && stage.name != "printf" && !stage.name.empty(), stage);
}

constexpr std::array<std::pair<std::string_view, NamedPredicate>, 19> k_predicates = {{
    {"fork_bomb", fork_bomb},
    {"fork_bomb_definition", fork_bomb_definition},
    {"signals_every_process", signals_every_process},
    {"signals_init", signals_init},
    {"truncates_file", truncates_file},
    {"dd_writes_device", dd_writes_device},
    {"changes_partitions", changes_partitions},
    {"world_writable_mode", world_writable_mode},
    {"setuid_mode", setuid_mode},
    {"find_deletes", find_deletes},
    {"redirects_to_network", redirects_to_network},
    {"piped_with_netcat", piped_with_netcat},
    {"sends_files", sends_files},
    {"runs_downloaded_substitution", runs_downloaded_substitution},
    {"code_from_variable", code_from_variable},
    {"inline_code_runs_commands", inline_code_runs_commands},
    {"mounts_host_root", mounts_host_root},
    {"decodes", decodes},
    {"produces_text", produces_text},
}};

constexpr auto predicate_names()
{
  std::array<std::string_view, std::tuple_size_v<decltype(k_predicates)>> names{};
  for (std::size_t i = 0; i < names.size(); ++i) {
    names[i] = k_predicates[i].first;
  }
  return names;
}

constexpr auto k_names = predicate_names();

} // namespace

NamedPredicate find_predicate(std::string_view name)
{
  for (const auto& [predicate_name, predicate] : k_predicates) {
    if (predicate_name == name) {
      return predicate;
    }
  }
  return nullptr;
}

std::span<const std::string_view> predicate_names()
{
  return k_names;
}

} // namespace caro::safety
