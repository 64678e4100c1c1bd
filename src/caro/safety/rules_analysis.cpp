// Findings the validator raises itself rather than through a matcher: input it
// cannot parse, nesting too deep to follow, and commands run with root
// privileges. Kept in the table so their ids, messages and examples live with
// the other rules.

#include "caro/safety/rules.h"

namespace caro::safety {

namespace {

constexpr std::string_view k_error_yes[] = {"echo 'unterminated", "(ls",   "ls |",  "ls &&", "echo \"x", "ls )",
                                            "echo $(date",        "cat <", "{ ls; "};
constexpr std::string_view k_error_no[] = {"echo 'ok'", "(ls)", "ls | wc -l", "{ ls; }"};
constexpr std::string_view k_empty_yes[] = {"", "   ", "# just a comment", "\n\n"};
constexpr std::string_view k_empty_no[] = {"ls", "true"};
constexpr std::string_view k_deep_yes[] = {
    "echo $(echo $(echo $(echo $(echo $(echo $(echo $(echo $(echo $(echo $(echo $(echo $(echo $(echo $(echo "
    "$(echo $(echo $(echo x)))))))))))))))))",
    "((((((((((((((((((ls))))))))))))))))))"};
constexpr std::string_view k_deep_no[] = {"echo $(echo $(echo x))", "((ls))"};
constexpr std::string_view k_sudo_yes[] = {"sudo ls", "sudo -i", "doas apt update", "sudo -u root -E env"};
constexpr std::string_view k_sudo_no[] = {"ls", "sudo rm -rf build", "echo sudo"};

constexpr Rule k_rules[] = {
    {"parse.error", "analysis", "parse", Risk::high, "The command could not be parsed, so it cannot be checked",
     "Fix the quoting or brackets and check it again", k_error_yes, k_error_no, nullptr},
    {"parse.empty", "analysis", "parse", Risk::high, "There is no command to check", "", k_empty_yes, k_empty_no,
     nullptr},
    {"parse.too-deep", "analysis", "parse", Risk::high, "The command is nested too deeply to be checked",
     "Split it into simpler commands", k_deep_yes, k_deep_no, nullptr},
    {"priv.sudo", "analysis", "privilege", Risk::moderate, "Runs with root privileges",
     "Run it without sudo if root is not needed", k_sudo_yes, k_sudo_no, nullptr},
};

} // namespace

std::span<const Rule> analysis_rules()
{
  return k_rules;
}

} // namespace caro::safety
