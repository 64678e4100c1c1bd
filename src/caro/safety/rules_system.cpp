// System rules: fork bombs, killing every process or critical daemons,
// shutting the machine down, cutting remote access, removing crontabs.

#include "caro/safety/rules.h"

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
// without bound: :(){ :|:& };:
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

// kill [-SIGNAL | -s SIGNAL | -n NUM] PID...: is -1 ("every process") a PID?
std::optional<Span> kill_everything(const CommandView& view)
{
  if (view.name != "kill") {
    return std::nullopt;
  }
  std::size_t i = 0;
  if (!view.args.empty()) {
    const std::string& first = view.args[0]->text;
    if (first == "-s" || first == "-n" || first == "--signal") {
      i = 2;
    } else if (first.starts_with('-') && first != "--") {
      i = 1;
    }
  }
  for (; i < view.args.size(); ++i) {
    if (view.args[i]->text == "-1") {
      return view.span;
    }
  }
  return std::nullopt;
}

bool critical_process(std::string_view name)
{
  return name == "init" || name == "systemd" || name == "sshd" || name == "ssh" || name == "dbus-daemon" ||
         name == "launchd" || name == "kthreadd" || name == "Xorg" || name == "gdm" || name == "sddm" ||
         name == "lightdm" || name == "NetworkManager" || name == "systemd-logind" || name == "login";
}

std::optional<Span> kill_critical(const CommandView& view)
{
  if (view.name == "killall" || view.name == "pkill") {
    const Options options = parse_options(view.args, "sugtUPGFnoeIr", std::array<std::string_view, 1>{"signal"});
    for (const Word* operand : options.operands) {
      if (critical_process(operand->text)) {
        return view.span;
      }
    }
  }
  if (view.name == "kill") {
    for (std::size_t i = 0; i < view.args.size(); ++i) {
      if (view.args[i]->text == "1" && !(i > 0 && (view.args[i - 1]->text == "-s" || view.args[i - 1]->text == "-n"))) {
        return view.span;
      }
    }
  }
  return std::nullopt;
}

std::optional<Span> shutdown(const CommandView& view)
{
  const std::string& name = view.name;
  if (name == "shutdown") {
    const Options options = parse_options(view.args);
    return when(!(options.has('c') || options.has('k') || options.has("help") || options.has("show")), view);
  }
  if (name == "reboot" || name == "halt" || name == "poweroff") {
    return when(!parse_options(view.args).has("help"), view);
  }
  const auto operands = parse_options(view.args).operands;
  if ((name == "init" || name == "telinit") && !operands.empty()) {
    return when(operands[0]->text == "0" || operands[0]->text == "6", view);
  }
  if ((name == "systemctl" || name == "loginctl") && !operands.empty()) {
    const std::string& verb = operands[0]->text;
    return when(verb == "poweroff" || verb == "reboot" || verb == "halt" || verb == "kexec" || verb == "emergency" ||
                    verb == "rescue" || verb == "soft-reboot",
                view);
  }
  return std::nullopt;
}

bool remote_access_unit(std::string_view unit)
{
  if (unit.ends_with(".service")) {
    unit.remove_suffix(8);
  }
  return unit == "ssh" || unit == "sshd" || unit == "networking" || unit == "NetworkManager" ||
         unit == "systemd-networkd" || unit == "network" || unit == "wpa_supplicant";
}

std::optional<Span> stop_remote_access(const CommandView& view)
{
  const auto operands = parse_options(view.args).operands;
  if (view.name == "systemctl" && operands.size() >= 2) {
    const std::string& verb = operands[0]->text;
    if (verb == "stop" || verb == "disable" || verb == "mask" || verb == "kill") {
      for (std::size_t i = 1; i < operands.size(); ++i) {
        if (remote_access_unit(operands[i]->text)) {
          return view.span;
        }
      }
    }
  }
  if (view.name == "service" && operands.size() >= 2) {
    return when(remote_access_unit(operands[0]->text) && operands[1]->text == "stop", view);
  }
  if (view.name == "ifdown") {
    return when(!operands.empty(), view);
  }
  if (view.name == "ifconfig" && operands.size() >= 2) {
    return when(operands.back()->text == "down", view);
  }
  if (view.name == "ip" && operands.size() >= 4 && operands[0]->text.starts_with("l") && operands[1]->text == "set") {
    for (const Word* operand : operands) {
      if (operand->text == "down") {
        return view.span;
      }
    }
  }
  return std::nullopt;
}

std::optional<Span> crontab_remove(const CommandView& view)
{
  return when(view.name == "crontab" && parse_options(view.args, "u").has('r'), view);
}

std::optional<Span> switch_user(const CommandView& view)
{
  if (view.name != "su") {
    return std::nullopt;
  }
  const Options options = parse_options(view.args, "cs", std::array<std::string_view, 2>{"command", "shell"});
  return when(options.value("c") == nullptr && options.value("command") == nullptr, view);
}

constexpr std::string_view k_fork_yes[] = {":(){ :|:& };:", "bomb(){ bomb|bomb& };bomb", "f() { f | f & }; f",
                                           "function boom { boom & boom; }; boom"};
constexpr std::string_view k_fork_no[] = {"printf '%s' ':(){ :|:& };:'", "greet() { echo hi; }; greet",
                                          "walk() { walk; }; walk"};
constexpr std::string_view k_fork_def_yes[] = {":(){ :|:& }"};
constexpr std::string_view k_fork_def_no[] = {"f() { ls; }"};
constexpr std::string_view k_kill_all_yes[] = {"kill -9 -1", "kill -KILL -1", "kill -s KILL -1", "kill -- -1",
                                               "kill -SIGKILL -1"};
constexpr std::string_view k_kill_all_no[] = {"kill -9 1234", "kill -1 1234", "kill %1"};
constexpr std::string_view k_kill_critical_yes[] = {"killall sshd", "pkill -9 systemd", "killall init", "kill -9 1"};
constexpr std::string_view k_kill_critical_no[] = {"killall firefox", "pkill -f myscript", "kill -1 4242"};
constexpr std::string_view k_shutdown_yes[] = {"shutdown -h now", "reboot", "poweroff",           "halt",
                                               "init 0",          "init 6", "systemctl poweroff", "systemctl reboot"};
constexpr std::string_view k_shutdown_no[] = {"shutdown -c", "systemctl status", "init --version", "echo reboot"};
constexpr std::string_view k_remote_yes[] = {"systemctl stop sshd", "systemctl disable ssh.service",
                                             "service ssh stop",    "systemctl stop networking",
                                             "ifdown eth0",         "ip link set eth0 down"};
constexpr std::string_view k_remote_no[] = {"systemctl restart sshd", "systemctl status ssh", "service ssh status",
                                            "ip link show"};
constexpr std::string_view k_crontab_yes[] = {"crontab -r", "crontab -u bob -r", "crontab -ri"};
constexpr std::string_view k_crontab_no[] = {"crontab -l", "crontab -e"};
constexpr std::string_view k_su_yes[] = {"su", "su -", "su root"};
constexpr std::string_view k_su_no[] = {"su -c 'ls' bob", "sudo ls"};

constexpr Rule k_rules[] = {
    {"proc.fork-bomb", "system", "fork-bomb", Risk::critical,
     "A fork bomb: the function starts copies of itself until the system runs out of processes", "", k_fork_yes,
     k_fork_no, fork_bomb},
    {"proc.fork-bomb-definition", "system", "fork-bomb", Risk::high,
     "Defines a function that starts copies of itself (a fork bomb once called)", "", k_fork_def_yes, k_fork_def_no,
     fork_bomb_definition},
    {"proc.kill-all", "system", "kill", Risk::critical,
     "Sends a signal to every process you can signal, ending your session (or the system as root)",
     "Find the process with pgrep and kill only its PID", k_kill_all_yes, k_kill_all_no, kill_everything},
    {"proc.kill-critical", "system", "kill", Risk::high,
     "Kills init, systemd, sshd or another process the system or your connection needs",
     "Restart the service with systemctl restart instead", k_kill_critical_yes, k_kill_critical_no, kill_critical},
    {"sys.shutdown", "system", "power", Risk::high, "Shuts down or restarts the machine",
     "Save your work and warn other users first", k_shutdown_yes, k_shutdown_no, shutdown},
    {"sys.stop-remote-access", "system", "remote-access", Risk::high,
     "Stops SSH or networking, which can lock you out of a remote machine",
     "Use systemctl restart, or make sure you have console access", k_remote_yes, k_remote_no, stop_remote_access},
    {"cron.remove", "system", "cron", Risk::high, "Deletes every scheduled job in the crontab without asking",
     "Save it first: crontab -l > crontab.bak; edit with crontab -e", k_crontab_yes, k_crontab_no, crontab_remove},
    {"priv.switch-user", "system", "privilege", Risk::moderate, "Opens a shell as another user (root by default)",
     "Run the one command you need with sudo", k_su_yes, k_su_no, switch_user},
};

} // namespace

std::span<const Rule> system_rules()
{
  return k_rules;
}

} // namespace caro::safety
