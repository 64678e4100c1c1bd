// Building the embedded model's prompt (see prompt_builder.h). The examples
// are short and dialect-neutral so they hold for GNU, BSD and BusyBox alike;
// the system text names the dialect so the model picks flags that exist.

#include "caro/backends/embedded/prompt_builder.h"

#include "caro/util/strings.h"

#include <array>

namespace caro::backends {
namespace {

struct Example
{
  std::string_view request;
  std::string_view command;
};

constexpr auto k_examples = std::to_array<Example>({
    {"show disk usage of this directory", "du -sh ."},
    {"find files named notes.txt", "find . -type f -name 'notes.txt'"},
    {"count the lines in main.c", "wc -l main.c"},
    {"which process is listening on port 8080", "lsof -i :8080"},
});

std::string_view dialect_text(Platform platform)
{
  switch (platform) {
  case Platform::gnu:
    return "GNU coreutils and findutils (GNU long options are available)";
  case Platform::bsd:
    return "BSD utilities as on macOS (no GNU-only options such as find -printf or sed -i without a suffix)";
  case Platform::busybox:
    return "BusyBox applets (only the common short options exist)";
  }
  return "POSIX utilities";
}

} // namespace

std::string build_system_prompt(const ExecutionContext& context)
{
  std::string text = "You translate a request into exactly one shell command.\n"
                     "Answer with the command only, on one line: no explanation, no code fences, no prompt sign.\n"
                     "Prefer safe, read-only commands; never delete or overwrite unless asked.\n";
  text += "System: " + (context.os.empty() ? std::string("Linux") : context.os);
  if (!context.arch.empty()) {
    text += " " + context.arch;
  }
  text += "\nShell: " + std::string(to_string(context.shell)) + "\n";
  text += "Utilities: " + std::string(dialect_text(context.platform)) + "\n";
  if (!context.installed.empty()) {
    std::vector<std::string> tools(context.installed.begin(), context.installed.end());
    text += "Installed tools: " + util::join(tools, ", ") + "\n";
  }
  return text;
}

std::vector<ChatTurn> build_prefix_turns(const ExecutionContext& context)
{
  std::vector<ChatTurn> turns;
  turns.push_back({"system", build_system_prompt(context)});
  for (const Example& example : k_examples) {
    turns.push_back({"user", std::string(example.request)});
    turns.push_back({"assistant", std::string(example.command)});
  }
  return turns;
}

ChatTurn build_request_turn(const ExecutionContext& context, std::string_view request)
{
  std::string content;
  if (!context.cwd.empty()) {
    content += "(current directory: " + context.cwd + ")\n";
  }
  content += std::string(util::trim(request));
  return {"user", std::move(content)};
}

std::string render_chatml(const std::vector<ChatTurn>& turns, bool add_assistant)
{
  std::string text;
  for (const ChatTurn& turn : turns) {
    text += "<|im_start|>" + turn.role + "\n" + turn.content + "<|im_end|>\n";
  }
  if (add_assistant) {
    text += "<|im_start|>assistant\n";
  }
  return text;
}

} // namespace caro::backends
