// Developer-tool rules: git operations that discard work, container runs
// that hand over the host, cluster deletions, and awk programs that run
// shell commands.

#include "caro/safety/rules.h"
#include "caro/safety/target.h"

namespace caro::safety {

namespace {

std::optional<Span> when(bool condition, const CommandView& view)
{
  return condition ? std::optional<Span>(view.span) : std::nullopt;
}

// git [global options] SUBCOMMAND ARGS: the subcommand's index in view.args.
std::optional<std::size_t> git_subcommand(const CommandView& view)
{
  if (view.name != "git") {
    return std::nullopt;
  }
  for (std::size_t i = 0; i < view.args.size(); ++i) {
    const std::string& text = view.args[i]->text;
    if (text == "-C" || text == "-c" || text == "--git-dir" || text == "--work-tree" || text == "--namespace") {
      ++i;
      continue;
    }
    if (text.starts_with('-')) {
      continue;
    }
    return i;
  }
  return std::nullopt;
}

// The options of `git SUBCOMMAND ...` when the subcommand is `name`.
std::optional<Options> git_options(const CommandView& view, std::string_view name)
{
  const auto index = git_subcommand(view);
  if (!index || view.args[*index]->text != name) {
    return std::nullopt;
  }
  return parse_options(std::span<const Word* const>(view.args).subspan(*index + 1));
}

std::optional<Span> git_reset_hard(const CommandView& view)
{
  const auto options = git_options(view, "reset");
  return when(options && options->has("hard"), view);
}

std::optional<Span> git_clean_force(const CommandView& view)
{
  const auto options = git_options(view, "clean");
  return when(
      options && (options->has('f') || options->has("force")) && !(options->has('n') || options->has("dry-run")), view);
}

std::optional<Span> git_force_push(const CommandView& view)
{
  const auto options = git_options(view, "push");
  if (!options) {
    return std::nullopt;
  }
  bool forced =
      options->has('f') || options->has("force") || options->has("force-with-lease") || options->has("mirror");
  for (const Word* operand : options->operands) {
    forced = forced || operand->text.starts_with('+');
  }
  return when(forced, view);
}

std::optional<Span> git_branch_force_delete(const CommandView& view)
{
  const auto options = git_options(view, "branch");
  return when(options && (options->has('D') || ((options->has('d') || options->has("delete")) &&
                                                (options->has('f') || options->has("force")))),
              view);
}

std::optional<Span> git_discard_changes(const CommandView& view)
{
  auto discards = [](const Options& options) {
    for (const Word* operand : options.operands) {
      if (operand->text == "." || operand->text == ":/") {
        return true;
      }
    }
    return false;
  };
  const auto checkout = git_options(view, "checkout");
  const auto restore = git_options(view, "restore");
  const auto stash = git_options(view, "stash");
  const bool stash_clear = stash && !stash->operands.empty() && stash->operands.front()->text == "clear";
  return when((checkout && discards(*checkout)) || (restore && discards(*restore)) || stash_clear, view);
}

bool is_container_tool(std::string_view name)
{
  return name == "docker" || name == "podman" || name == "nerdctl";
}

// docker [global options] run|create ARGS: the options of the run.
std::optional<Options> container_run_options(const CommandView& view)
{
  if (!is_container_tool(view.name)) {
    return std::nullopt;
  }
  const auto operands =
      parse_options(view.args, "HcHl", std::array<std::string_view, 4>{"host", "context", "config", "log-level"})
          .operand_indices;
  if (operands.empty()) {
    return std::nullopt;
  }
  std::size_t index = operands.front();
  const std::string& verb = view.args[index]->text;
  if (verb == "container" && index + 1 < view.args.size()) {
    ++index;
  }
  const std::string& action = view.args[index]->text;
  if (action != "run" && action != "create") {
    return std::nullopt;
  }
  constexpr std::array<std::string_view, 8> k_long_with_value = {"volume", "mount",      "name", "network",
                                                                 "env",    "entrypoint", "user", "workdir"};
  return parse_options(std::span<const Word* const>(view.args).subspan(index + 1), "vewpunhlm", k_long_with_value,
                       true);
}

std::optional<Span> container_privileged(const CommandView& view)
{
  const auto options = container_run_options(view);
  if (!options) {
    return std::nullopt;
  }
  bool host_namespace = false;
  for (const auto& [name, word] : options->values) {
    if ((name == "pid" || name == "network" || name == "net") && word->text.ends_with("host")) {
      host_namespace = true;
    }
  }
  return when(options->has("privileged") || (options->has("pid") && host_namespace), view);
}

std::optional<Span> container_host_root(const CommandView& view)
{
  const auto options = container_run_options(view);
  if (!options) {
    return std::nullopt;
  }
  for (const auto& [name, word] : options->values) {
    if (name != "v" && name != "volume" && name != "mount") {
      continue;
    }
    std::string_view text = word->text;
    if (const std::size_t equals = text.find('='); text.starts_with("--") && equals != std::string_view::npos) {
      text.remove_prefix(equals + 1);
    } else if (text.starts_with("-v")) {
      text.remove_prefix(2);
    }
    if (text.starts_with("/:") || text.find("source=/,") != std::string_view::npos ||
        text.find("src=/,") != std::string_view::npos || text.starts_with("/etc:") ||
        text.starts_with("/var/run/docker.sock")) {
      return view.span;
    }
  }
  return std::nullopt;
}

std::optional<Span> container_prune_volumes(const CommandView& view)
{
  if (!is_container_tool(view.name)) {
    return std::nullopt;
  }
  const Options options = parse_options(view.args);
  if (options.operands.size() < 2) {
    return std::nullopt;
  }
  const std::string& group = options.operands[0]->text;
  const std::string& action = options.operands[1]->text;
  return when(group == "system" && action == "prune" && options.has("volumes"), view);
}

std::optional<Span> container_prune(const CommandView& view)
{
  if (!is_container_tool(view.name)) {
    return std::nullopt;
  }
  const Options options = parse_options(view.args);
  return when(options.operands.size() >= 2 && options.operands[1]->text == "prune", view);
}

std::optional<Span> kubectl_delete(const CommandView& view)
{
  if (view.name != "kubectl" && view.name != "oc") {
    return std::nullopt;
  }
  const Options options =
      parse_options(view.args, "nlf", std::array<std::string_view, 4>{"namespace", "selector", "filename", "context"});
  return when(!options.operands.empty() && options.operands.front()->text == "delete", view);
}

std::optional<Span> awk_system(const CommandView& view)
{
  if (view.name != "awk" && view.name != "gawk" && view.name != "mawk" && view.name != "nawk") {
    return std::nullopt;
  }
  for (const Word* arg : view.args) {
    const std::string& text = arg->text;
    if (text.find("system(") != std::string::npos || text.find("system (") != std::string::npos ||
        text.find("| \"sh") != std::string::npos || text.find("|\"sh") != std::string::npos ||
        text.find("| getline") != std::string::npos) {
      return view.span;
    }
  }
  return std::nullopt;
}

// python -c, perl -e, ruby -e, node -e, php -r: code in another language that
// the validator cannot parse; flag it when it deletes files or runs commands.
std::optional<Span> inline_code(const CommandView& view)
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
  constexpr std::array<std::string_view, 14> k_markers = {
      "system(", "subprocess", "rmtree",   "os.remove", "unlink", "popen",       "exec(",
      "spawn",   "rm -",       "os.rmdir", "rimraf",    "rmSync", "File.delete", "`"};
  for (const auto marker : k_markers) {
    if (code->text.find(marker) != std::string::npos) {
      return view.span;
    }
  }
  return std::nullopt;
}

constexpr std::string_view k_reset_yes[] = {"git reset --hard", "git reset --hard HEAD~3", "git -C repo reset --hard"};
constexpr std::string_view k_reset_no[] = {"git reset HEAD file", "git status", "git log --hard"};
constexpr std::string_view k_clean_yes[] = {"git clean -fdx", "git clean -fd", "git clean --force"};
constexpr std::string_view k_clean_no[] = {"git clean -n", "git clean -fdn", "git status"};
constexpr std::string_view k_push_yes[] = {"git push --force", "git push -f origin main", "git push origin +main",
                                           "git push --force-with-lease"};
constexpr std::string_view k_push_no[] = {"git push", "git push origin main", "git push -u origin feature"};
constexpr std::string_view k_branch_yes[] = {"git branch -D feature", "git branch -d -f old",
                                             "git branch --delete --force x"};
constexpr std::string_view k_branch_no[] = {"git branch -d merged", "git branch -a"};
constexpr std::string_view k_discard_yes[] = {"git checkout -- .", "git checkout .", "git restore .",
                                              "git stash clear"};
constexpr std::string_view k_discard_no[] = {"git checkout main", "git restore --staged file.c", "git stash list"};
constexpr std::string_view k_privileged_yes[] = {"docker run --privileged -it ubuntu", "podman run --privileged x",
                                                 "docker run --pid=host --privileged alpine",
                                                 "docker container run --privileged x"};
constexpr std::string_view k_privileged_no[] = {"docker run -it ubuntu bash", "docker ps",
                                                "docker run alpine --privileged"};
constexpr std::string_view k_host_root_yes[] = {"docker run -v /:/host alpine", "docker run --volume=/:/mnt x",
                                                "docker run -v /var/run/docker.sock:/var/run/docker.sock x"};
constexpr std::string_view k_host_root_no[] = {"docker run -v $(pwd):/src x", "docker run -v data:/data x"};
constexpr std::string_view k_prune_volumes_yes[] = {"docker system prune -a --volumes",
                                                    "docker system prune --volumes -f"};
constexpr std::string_view k_prune_volumes_no[] = {"docker system prune", "docker ps -a"};
constexpr std::string_view k_prune_yes[] = {"docker system prune -a", "docker volume prune", "docker image prune -a"};
constexpr std::string_view k_prune_no[] = {"docker ps", "docker images"};
constexpr std::string_view k_kubectl_yes[] = {"kubectl delete pod x", "kubectl -n prod delete deployment api"};
constexpr std::string_view k_kubectl_no[] = {"kubectl get pods", "kubectl describe pod x"};
constexpr std::string_view k_awk_yes[] = {"awk '{system(\"rm \" $1)}' list", "awk 'BEGIN { \"date\" | getline d }'"};
constexpr std::string_view k_awk_no[] = {"awk '{print $1}' file", "awk -F: '{print $1}' /etc/passwd"};

constexpr std::string_view k_inline_yes[] = {"python3 -c 'import shutil; shutil.rmtree(\"/\")'",
                                             "perl -e 'system(\"rm -rf /\")'", "ruby -e '`rm -rf x`'",
                                             "node -e \"require('fs').rmSync('x', {recursive: true})\""};
constexpr std::string_view k_inline_no[] = {"python3 -c 'print(1)'", "perl -ne 'print if /x/' f", "python3 script.py"};

constexpr Rule k_rules[] = {
    {"git.reset-hard", "tools", "git", Risk::moderate, "Discards all uncommitted changes in the working tree",
     "Stash them first: git stash", k_reset_yes, k_reset_no, git_reset_hard},
    {"git.clean-force", "tools", "git", Risk::moderate, "Deletes untracked files (and directories with -d)",
     "Preview with git clean -n first", k_clean_yes, k_clean_no, git_clean_force},
    {"git.force-push", "tools", "git", Risk::moderate, "Overwrites the remote branch's history",
     "Use --force-with-lease, and never on shared branches", k_push_yes, k_push_no, git_force_push},
    {"git.branch-force-delete", "tools", "git", Risk::moderate, "Deletes a branch even if it is not merged",
     "Use git branch -d, which refuses unmerged branches", k_branch_yes, k_branch_no, git_branch_force_delete},
    {"git.discard-changes", "tools", "git", Risk::moderate, "Discards uncommitted changes or stashed work",
     "Stash or commit first", k_discard_yes, k_discard_no, git_discard_changes},
    {"container.privileged", "tools", "container-run", Risk::high,
     "Runs a container with full access to the host's devices and kernel",
     "Grant only the capability needed (--cap-add)", k_privileged_yes, k_privileged_no, container_privileged},
    {"container.host-root-mount", "tools", "container-run", Risk::high,
     "Mounts the host's root filesystem or Docker socket into a container", "Mount only the directory needed",
     k_host_root_yes, k_host_root_no, container_host_root},
    {"container.prune-volumes", "tools", "container-prune", Risk::high,
     "Deletes all unused containers, images and volumes, including their data",
     "Remove specific volumes with docker volume rm", k_prune_volumes_yes, k_prune_volumes_no, container_prune_volumes},
    {"container.prune", "tools", "container-prune", Risk::moderate, "Deletes unused containers, images or volumes",
     "List them first (docker system df)", k_prune_yes, k_prune_no, container_prune},
    {"k8s.delete", "tools", "k8s", Risk::moderate, "Deletes cluster resources",
     "Check the context and namespace first (kubectl config current-context)", k_kubectl_yes, k_kubectl_no,
     kubectl_delete},
    {"exec.inline-code", "tools", "inline-code", Risk::moderate,
     "Runs inline code that deletes files or starts commands, which the validator cannot check",
     "Put the code in a file and review it", k_inline_yes, k_inline_no, inline_code},
    {"exec.awk-system", "tools", "awk", Risk::moderate, "The awk program runs shell commands",
     "Print the commands first and review them", k_awk_yes, k_awk_no, awk_system},
};

} // namespace

std::span<const Rule> tool_rules()
{
  return k_rules;
}

} // namespace caro::safety
