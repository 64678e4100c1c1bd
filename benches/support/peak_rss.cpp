// caro_peak_rss COMMAND [ARGS...]: runs COMMAND with this program's
// environment and stdio, then prints "peak_rss_kb=N exit_status=M" as the
// last line on stderr and exits with the command's status. Kept free of
// iostreams and heap use so its own image stays small (see CMakeLists.txt).

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

int main(int argc, char** argv)
{
  if (argc < 2) {
    std::fputs("usage: caro_peak_rss COMMAND [ARGS...]\n", stderr);
    return 2;
  }
  const pid_t pid = ::fork();
  if (pid < 0) {
    std::perror("caro_peak_rss: fork");
    return 2;
  }
  if (pid == 0) {
    ::execvp(argv[1], argv + 1);
    std::perror("caro_peak_rss: exec");
    ::_exit(127);
  }
  int status = 0;
  rusage usage{};
  while (::wait4(pid, &status, 0, &usage) < 0) {
    if (errno != EINTR) {
      std::perror("caro_peak_rss: wait");
      return 2;
    }
  }
  const int exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::fprintf(stderr, "peak_rss_kb=%ld exit_status=%d\n", usage.ru_maxrss, exit_status);
  return exit_status;
}
