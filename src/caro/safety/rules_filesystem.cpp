// Filesystem rules: rm, find -delete, mv, writes to sensitive files,
// truncation, and permission changes. Severity follows what the targets are
// (see target.h), not how the command is spelled.

#include "caro/safety/rules.h"
#include "caro/safety/target.h"

namespace caro::safety {

namespace {

struct RmFacts
{
  bool recursive = false;
  bool force = false;
  bool no_preserve_root = false;
  TargetClass worst = TargetClass::plain;
};

RmFacts rm_facts(const CommandView& view)
{
  const Options options = parse_options(view.args);
  RmFacts facts;
  facts.recursive = options.has('r') || options.has('R') || options.has("recursive");
  facts.force = options.has('f') || options.has("force");
  facts.no_preserve_root = options.has("no-preserve-root");
  for (const Word* operand : options.operands) {
    facts.worst = worse(facts.worst, from_working_directory(classify_target(*operand), view));
  }
  if (view.args_from_stdin) {
    facts.worst = worse(facts.worst, TargetClass::unknown);
  }
  return facts;
}

std::optional<Span> when(bool condition, const CommandView& view)
{
  return condition ? std::optional<Span>(view.span) : std::nullopt;
}

std::optional<Span> rm_no_preserve_root(const CommandView& view)
{
  return when(view.name == "rm" && rm_facts(view).no_preserve_root, view);
}

std::optional<Span> rm_root(const CommandView& view)
{
  if (view.name != "rm") {
    return std::nullopt;
  }
  const RmFacts facts = rm_facts(view);
  return when(facts.worst == TargetClass::root && (facts.recursive || facts.force), view);
}

std::optional<Span> rm_home(const CommandView& view)
{
  if (view.name != "rm") {
    return std::nullopt;
  }
  const RmFacts facts = rm_facts(view);
  return when(facts.worst == TargetClass::home && facts.recursive, view);
}

std::optional<Span> rm_system_dir(const CommandView& view)
{
  if (view.name != "rm") {
    return std::nullopt;
  }
  const RmFacts facts = rm_facts(view);
  return when(facts.worst == TargetClass::system_dir && facts.recursive, view);
}

std::optional<Span> rm_protected_path(const CommandView& view)
{
  if (view.name != "rm") {
    return std::nullopt;
  }
  const TargetClass worst = rm_facts(view).worst;
  return when(is_protected(worst) || worst == TargetClass::system_path || worst == TargetClass::block_device, view);
}

std::optional<Span> rm_all_files(const CommandView& view)
{
  if (view.name != "rm") {
    return std::nullopt;
  }
  const RmFacts facts = rm_facts(view);
  return when(facts.worst == TargetClass::all_files && (facts.recursive || facts.force), view);
}

std::optional<Span> rm_unknown(const CommandView& view)
{
  if (view.name != "rm") {
    return std::nullopt;
  }
  const RmFacts facts = rm_facts(view);
  return when(facts.worst == TargetClass::unknown && (facts.recursive || facts.force), view);
}

std::optional<Span> rm_recursive(const CommandView& view)
{
  return when(view.name == "rm" && rm_facts(view).recursive, view);
}

std::optional<Span> rm_plain(const CommandView& view)
{
  return when(view.name == "rm" || view.name == "unlink" || view.name == "rmdir", view);
}

// find: start paths come before the first expression word.
struct FindFacts
{
  bool deletes = false;
  TargetClass worst = TargetClass::plain;
};

bool deleting_command(std::string_view name)
{
  return name == "rm" || name == "unlink" || name == "rmdir" || name == "shred";
}

FindFacts find_facts(const CommandView& view)
{
  FindFacts facts;
  std::size_t i = 0;
  while (i < view.args.size() && (view.args[i]->text == "-H" || view.args[i]->text == "-L" ||
                                  view.args[i]->text == "-P" || view.args[i]->text.starts_with("-O"))) {
    ++i;
  }
  bool any_path = false;
  for (; i < view.args.size(); ++i) {
    const std::string& text = view.args[i]->text;
    if (text.starts_with('-') || text == "(" || text == "!" || text == ")") {
      break;
    }
    any_path = true;
    facts.worst = worse(facts.worst, from_working_directory(classify_target(*view.args[i]), view));
  }
  if (!any_path) {
    facts.worst = from_working_directory(TargetClass::all_files, view);
  }
  for (; i < view.args.size(); ++i) {
    const std::string& text = view.args[i]->text;
    if (text == "-delete") {
      facts.deletes = true;
    } else if ((text == "-exec" || text == "-execdir" || text == "-ok" || text == "-okdir") &&
               i + 1 < view.args.size() && deleting_command(command_name(*view.args[i + 1]))) {
      facts.deletes = true;
    }
  }
  return facts;
}

std::optional<Span> find_delete_protected(const CommandView& view)
{
  if (view.name != "find") {
    return std::nullopt;
  }
  const FindFacts facts = find_facts(view);
  return when(facts.deletes && is_protected(facts.worst), view);
}

std::optional<Span> find_delete_risky(const CommandView& view)
{
  if (view.name != "find") {
    return std::nullopt;
  }
  const FindFacts facts = find_facts(view);
  return when(facts.deletes && (facts.worst == TargetClass::unknown || facts.worst == TargetClass::system_path ||
                                facts.worst == TargetClass::block_device),
              view);
}

std::optional<Span> find_delete(const CommandView& view)
{
  return when(view.name == "find" && find_facts(view).deletes, view);
}

std::optional<Span> mv_protected(const CommandView& view)
{
  if (view.name != "mv") {
    return std::nullopt;
  }
  constexpr std::array<std::string_view, 3> k_long_with_value = {"target-directory", "suffix", "backup"};
  const Options options = parse_options(view.args, "tS", k_long_with_value);
  const bool has_target_option = options.value("t") != nullptr || options.value("target-directory") != nullptr;
  const std::size_t sources =
      has_target_option || options.operands.size() < 2 ? options.operands.size() : options.operands.size() - 1;
  for (std::size_t i = 0; i < sources; ++i) {
    if (is_protected(classify_target(*options.operands[i]))) {
      return view.span;
    }
  }
  return std::nullopt;
}

template<typename Predicate> std::optional<Span> first_write(const CommandView& view, Predicate predicate)
{
  for (const WriteTarget& target : write_targets(view)) {
    if (predicate(target)) {
      return target.span;
    }
  }
  return std::nullopt;
}

std::optional<Span> write_authentication_file(const CommandView& view)
{
  return first_write(view, [](const WriteTarget& target) {
    return file_sensitivity(*target.word, target.from) == FileSensitivity::authentication;
  });
}

std::optional<Span> write_configuration_file(const CommandView& view)
{
  return first_write(view, [](const WriteTarget& target) {
    return file_sensitivity(*target.word, target.from) == FileSensitivity::configuration;
  });
}

std::optional<Span> write_system_path(const CommandView& view)
{
  return first_write(view, [](const WriteTarget& target) {
    const std::string path = resolved_path(*target.word, target.from);
    for (const std::string_view scratch : {"/tmp", "/var/tmp", "/mnt", "/media", "/run", "/Volumes"}) {
      if (path == scratch || (path.starts_with(scratch) && path[scratch.size()] == '/')) {
        return false;
      }
    }
    const TargetClass target_class = classify_target(*target.word, target.from);
    return target_class == TargetClass::system_path || target_class == TargetClass::system_dir ||
           target_class == TargetClass::root;
  });
}

std::optional<Span> truncate_file(const CommandView& view)
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
    if (size != nullptr && (size->text == "0" || size->text.ends_with("s0") || size->text.ends_with("=0"))) {
      return view.span;
    }
    return std::nullopt;
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

struct PermissionFacts
{
  bool recursive = false;
  std::string_view mode;
  TargetClass worst = TargetClass::plain;
};

bool changes_permissions(std::string_view name)
{
  return name == "chmod" || name == "chown" || name == "chgrp";
}

PermissionFacts permission_facts(const CommandView& view)
{
  PermissionFacts facts;
  const Options options = parse_options(view.args, "", std::array<std::string_view, 1>{"reference"});
  facts.recursive = options.has('R') || options.has("recursive");
  const bool has_reference = options.value("reference") != nullptr;
  std::size_t first_file = has_reference ? 0 : 1;
  if (!has_reference && !options.operands.empty()) {
    facts.mode = options.operands.front()->text;
  }
  for (std::size_t i = first_file; i < options.operands.size(); ++i) {
    facts.worst = worse(facts.worst, from_working_directory(classify_target(*options.operands[i]), view));
  }
  return facts;
}

bool is_world_writable_mode(std::string_view mode)
{
  if (mode.size() >= 3 && mode.size() <= 4 && mode.find_first_not_of("01234567") == std::string_view::npos) {
    const char others = mode.back();
    return others == '7' || others == '6' || others == '3' || others == '2';
  }
  return mode == "a+rwx" || mode == "ugo+rwx" || mode == "o+w" || mode == "a+w" || mode == "o+rwx" || mode == "+w" ||
         mode.find("o=rwx") != std::string_view::npos;
}

bool is_setuid_mode(std::string_view mode)
{
  if (mode.size() == 4 && mode.find_first_not_of("01234567") == std::string_view::npos) {
    return mode[0] == '2' || mode[0] == '4' || mode[0] == '6' || mode[0] == '7';
  }
  if (mode.size() == 5 && mode.find_first_not_of("01234567") == std::string_view::npos) {
    return mode[1] == '2' || mode[1] == '4' || mode[1] == '6' || mode[1] == '7';
  }
  return mode.find('+') != std::string_view::npos && mode.find('s', mode.find('+')) != std::string_view::npos;
}

std::optional<Span> permissions_recursive_protected(const CommandView& view)
{
  if (!changes_permissions(view.name)) {
    return std::nullopt;
  }
  const PermissionFacts facts = permission_facts(view);
  return when(facts.recursive && is_protected(facts.worst), view);
}

std::optional<Span> permissions_setuid(const CommandView& view)
{
  return when(view.name == "chmod" && is_setuid_mode(permission_facts(view).mode), view);
}

std::optional<Span> permissions_system(const CommandView& view)
{
  if (!changes_permissions(view.name)) {
    return std::nullopt;
  }
  const PermissionFacts facts = permission_facts(view);
  return when(is_protected(facts.worst) || facts.worst == TargetClass::system_path ||
                  facts.worst == TargetClass::block_device || (facts.recursive && facts.worst == TargetClass::unknown),
              view);
}

std::optional<Span> permissions_world_writable(const CommandView& view)
{
  return when(view.name == "chmod" && is_world_writable_mode(permission_facts(view).mode), view);
}

constexpr std::string_view k_rm_npr_yes[] = {"rm -rf --no-preserve-root /", "rm --no-preserve-root -r /tmp/x"};
constexpr std::string_view k_rm_npr_no[] = {"rm -rf /", "echo --no-preserve-root"};
constexpr std::string_view k_rm_root_yes[] = {
    "rm -rf /",  "cd / && rm -rf *",         "rm -r -f /",    "rm -fr /*", "rm -rf \\/", "rm -rf '/'", "rm -rf //",
    "rm -rf /.", "rm --recursive --force /", "rm -rf /usr/.."};
constexpr std::string_view k_rm_root_no[] = {"rm -rf ./", "rm -rf build", "echo rm -rf /", "rm /tmp/x"};
constexpr std::string_view k_rm_home_yes[] = {"rm -rf ~",       "rm -rf ~/",  "rm -rf $HOME",      "rm -rf \"$HOME\"",
                                              "rm -rf ${HOME}", "rm -rf ~/*", "rm -r /home/alice", "rm -rf /root"};
constexpr std::string_view k_rm_home_no[] = {"rm -rf ~/projects/old", "rm -rf '$HOME'", "rm ~/notes.txt"};
constexpr std::string_view k_rm_system_yes[] = {"rm -rf /etc", "rm -rf /usr/bin", "rm -r /var/log", "rm -rf /boot/*"};
constexpr std::string_view k_rm_system_no[] = {"rm -rf /tmp/build", "rm -rf etc", "rm -rf /usr/local/share/app"};
constexpr std::string_view k_rm_protected_yes[] = {"rm /etc/passwd", "rm -rf /usr/local/share/app",
                                                   "rm -f /boot/vmlinuz", "rm /dev/sda"};
constexpr std::string_view k_rm_protected_no[] = {"rm notes.txt", "rm -f /tmp/x.log"};
constexpr std::string_view k_rm_all_yes[] = {"rm -rf *",   "rm -rf .", "rm -rf ..",
                                             "rm -rf ./*", "rm -f *",  "cd build && rm -rf *"};
constexpr std::string_view k_rm_all_no[] = {"rm -rf build", "rm *.log", "rm -rf './build'"};
constexpr std::string_view k_rm_unknown_yes[] = {"rm -rf $DIR", "rm -rf \"$TARGET\"/", "rm -rf /$X",
                                                 "xargs rm -rf < list", "rm -rf $(cat dirs.txt)"};
constexpr std::string_view k_rm_unknown_no[] = {"rm -rf build/$VERSION", "rm -rf \"$TMPDIR/cache\""};
constexpr std::string_view k_rm_recursive_yes[] = {"rm -rf build", "rm -r node_modules/", "rm -R ./dist",
                                                   "find . -name '*.o' -exec rm -rf {} +"};
constexpr std::string_view k_rm_recursive_no[] = {"rm notes.txt", "rmdir empty", "echo rm -rf x"};
constexpr std::string_view k_rm_yes[] = {"rm notes.txt", "rm -f a.o b.o", "unlink file",
                                         "find . -name '*.tmp' | xargs rm"};
constexpr std::string_view k_rm_no[] = {"ls", "echo rm", "grep -r rm ."};

constexpr std::string_view k_find_protected_yes[] = {"find / -delete", "find ~ -name '*.bak' -delete",
                                                     "find /etc -type f -exec rm {} \\;",
                                                     "find $HOME -exec rm -f {} +"};
constexpr std::string_view k_find_protected_no[] = {"find / -name passwd", "find . -delete",
                                                    "find /etc -name '*.conf' -exec cat {} \\;"};
constexpr std::string_view k_find_risky_yes[] = {"find $DIR -delete", "find /var/lib/app -delete"};
constexpr std::string_view k_find_risky_no[] = {"find build -delete", "find $DIR -name x"};
constexpr std::string_view k_find_yes[] = {"find . -name '*.pyc' -delete", "find build -type f -exec rm {} \\;",
                                           "find -name '*.tmp' -delete"};
constexpr std::string_view k_find_no[] = {"find . -name '*.py'", "find . -type f -exec grep -l x {} +"};

constexpr std::string_view k_mv_yes[] = {"mv / /tmp/root", "mv ~ /tmp/old-home", "mv /etc /tmp", "mv -t /tmp /usr"};
constexpr std::string_view k_mv_no[] = {"mv a.txt b.txt", "mv ~/a.txt ~/b.txt", "mv x.conf /etc/app/"};

constexpr std::string_view k_auth_yes[] = {
    "sed -i 's/x/y/' /etc/passwd", "> /etc/passwd",
    "echo x >> /etc/sudoers",      "echo 'u ALL=(ALL) ALL' | tee -a /etc/sudoers",
    "cp shadow.bak /etc/shadow",   "mv new /etc/passwd",
    "echo x > /etc/sudoers.d/me"};
constexpr std::string_view k_auth_no[] = {"cat /etc/passwd", "grep root /etc/passwd", "cp /etc/passwd ./passwd.bak"};
constexpr std::string_view k_config_yes[] = {"echo '1.2.3.4 x' >> /etc/hosts", "cp cron /etc/cron.d/job",
                                             "echo '* * * * * x' > /var/spool/cron/crontabs/root",
                                             "tee /etc/fstab < f"};
constexpr std::string_view k_config_no[] = {"cat /etc/hosts", "cp /etc/hosts hosts.bak"};
constexpr std::string_view k_system_write_yes[] = {"echo x > /usr/bin/ls", "cp tool /usr/local/bin/tool",
                                                   "echo 3 > /proc/sys/vm/drop_caches"};
constexpr std::string_view k_system_write_no[] = {"echo x > /dev/null", "ls > out.txt", "cmd 2>&1 | tee log.txt",
                                                  "cp a /tmp/b", "mv x /tmp/"};

constexpr std::string_view k_truncate_yes[] = {"> notes.txt", ": > app.log", "truncate -s 0 app.log",
                                               "cat /dev/null > app.log", "true > out"};
constexpr std::string_view k_truncate_no[] = {"echo hi > out.txt", "ls >> log", "truncate -s 10M disk.img"};

constexpr std::string_view k_perm_recursive_yes[] = {"chmod -R 777 /", "chown -R user /etc", "chmod -R 700 ~",
                                                     "chgrp -R staff /usr", "chown --recursive nobody /"};
constexpr std::string_view k_perm_recursive_no[] = {"chmod -R 755 build", "chown -R $USER ./src", "chmod 644 ~/x"};
constexpr std::string_view k_setuid_yes[] = {"chmod u+s /usr/local/bin/tool", "chmod 4755 prog", "chmod +s x",
                                             "chmod 2755 dir"};
constexpr std::string_view k_setuid_no[] = {"chmod 755 prog", "chmod u+x run.sh"};
constexpr std::string_view k_perm_system_yes[] = {"chmod 777 /etc", "chown nobody /etc/shadow", "chmod 666 /dev/sda"};
constexpr std::string_view k_perm_system_no[] = {"chmod 644 notes.txt", "chown me:me ~/file"};
constexpr std::string_view k_world_yes[] = {"chmod 777 script.sh", "chmod -R 777 public", "chmod a+rwx f",
                                            "chmod o+w f"};
constexpr std::string_view k_world_no[] = {"chmod 755 script.sh", "chmod 644 f", "chmod u+x f"};

constexpr Rule k_rules[] = {
    {"fs.rm-no-preserve-root", "filesystem", "rm", Risk::critical,
     "rm with --no-preserve-root removes the protection against deleting the whole filesystem",
     "Name the exact directory to delete and drop --no-preserve-root", k_rm_npr_yes, k_rm_npr_no, rm_no_preserve_root},
    {"fs.rm-recursive-root", "filesystem", "rm", Risk::critical, "Deletes everything on the filesystem, starting at /",
     "Name the exact directory to delete, e.g. rm -r ./build", k_rm_root_yes, k_rm_root_no, rm_root},
    {"fs.rm-recursive-home", "filesystem", "rm", Risk::critical, "Recursively deletes a home directory",
     "Delete only the subdirectory you mean, e.g. rm -r ~/old-project", k_rm_home_yes, k_rm_home_no, rm_home},
    {"fs.rm-recursive-system", "filesystem", "rm", Risk::critical,
     "Recursively deletes a system directory the operating system needs", "Remove packages with the package manager",
     k_rm_system_yes, k_rm_system_no, rm_system_dir},
    {"fs.rm-system-path", "filesystem", "rm", Risk::high, "Deletes files inside a system or protected directory",
     "Check the path; use the package manager for system files", k_rm_protected_yes, k_rm_protected_no,
     rm_protected_path},
    {"fs.rm-all-files", "filesystem", "rm", Risk::high, "Deletes everything in the current (or parent) directory",
     "List the files first (ls) and name them explicitly", k_rm_all_yes, k_rm_all_no, rm_all_files},
    {"fs.rm-unknown-target", "filesystem", "rm", Risk::high,
     "Forcibly deletes a path that depends on a variable, substitution or stdin, which may be empty or /",
     "Quote the variable and anchor it: rm -r -- \"${DIR:?}/sub\"", k_rm_unknown_yes, k_rm_unknown_no, rm_unknown},
    {"fs.rm-recursive", "filesystem", "rm", Risk::moderate, "Recursively deletes a directory",
     "Double-check the path; consider moving it to the trash instead", k_rm_recursive_yes, k_rm_recursive_no,
     rm_recursive},
    {"fs.rm", "filesystem", "rm", Risk::moderate, "Deletes files", "Double-check the file names", k_rm_yes, k_rm_no,
     rm_plain},
    {"fs.find-delete-protected", "filesystem", "find", Risk::critical,
     "find deletes files under /, a home directory or a system directory",
     "Run the same find without -delete/-exec rm first and check the list", k_find_protected_yes, k_find_protected_no,
     find_delete_protected},
    {"fs.find-delete-risky", "filesystem", "find", Risk::high,
     "find deletes files under a system path or a path from a variable",
     "Run the same find without -delete first and check the list", k_find_risky_yes, k_find_risky_no,
     find_delete_risky},
    {"fs.find-delete", "filesystem", "find", Risk::moderate, "find deletes the files it matches",
     "Run the same find without -delete first and check the list", k_find_yes, k_find_no, find_delete},
    {"fs.mv-protected", "filesystem", "mv", Risk::critical, "Moves /, a home directory or a system directory away",
     "Move only the files you mean", k_mv_yes, k_mv_no, mv_protected},
    {"fs.write-auth-file", "filesystem", "write", Risk::critical,
     "Overwrites an account or privilege file (/etc/passwd, /etc/shadow, /etc/sudoers)",
     "Use vipw, vigr or visudo, which validate the file", k_auth_yes, k_auth_no, write_authentication_file},
    {"fs.write-config-file", "filesystem", "write", Risk::high,
     "Writes to a system configuration file (hosts, fstab, crontabs...)",
     "Back the file up first and edit it with an editor, or use crontab -e", k_config_yes, k_config_no,
     write_configuration_file},
    {"fs.write-system-path", "filesystem", "write", Risk::moderate, "Writes into a system directory",
     "Install files with the package manager or into ~/.local", k_system_write_yes, k_system_write_no,
     write_system_path},
    {"fs.truncate", "filesystem", "truncate", Risk::moderate, "Empties a file, losing its contents",
     "Back the file up first", k_truncate_yes, k_truncate_no, truncate_file},
    {"perm.recursive-protected", "filesystem", "perm", Risk::critical,
     "Recursively changes permissions or ownership of /, a home directory or a system directory",
     "Change only the files that need it", k_perm_recursive_yes, k_perm_recursive_no, permissions_recursive_protected},
    {"perm.setuid", "filesystem", "perm", Risk::high, "Makes a program run with its owner's privileges (setuid/setgid)",
     "Grant the specific privilege with sudo rules or capabilities", k_setuid_yes, k_setuid_no, permissions_setuid},
    {"perm.system", "filesystem", "perm", Risk::high,
     "Changes permissions or ownership of a system path or protected directory", "Check the path", k_perm_system_yes,
     k_perm_system_no, permissions_system},
    {"perm.world-writable", "filesystem", "perm", Risk::moderate, "Makes files writable by every user",
     "Use the narrowest mode that works, e.g. 755 or 644", k_world_yes, k_world_no, permissions_world_writable},
};

} // namespace

std::span<const Rule> filesystem_rules()
{
  return k_rules;
}

} // namespace caro::safety
