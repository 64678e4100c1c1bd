#!/usr/bin/env bash
# Installs whatever caro needs to build, test and benchmark that is not yet on
# this Debian 12 machine. Idempotent: packages already present are skipped, so
# a second run does nothing and needs no network.
set -euo pipefail

# Build toolchain and libraries (Debian bookworm versions; CMake checks the
# minimum versions it relies on).
packages=(
  build-essential cmake ninja-build ccache pkg-config git
  libcli11-dev            # 2.1.2  argument parsing
  libtomlplusplus-dev     # 3.3.0  config file
  nlohmann-json3-dev      # 3.11.2 JSON output
  libfmt-dev              # 9.1.0  formatting
  libsqlite3-dev          # 3.40.1 telemetry
  libcurl4-openssl-dev    # 7.88.1 downloads and remote backends (headers; libcurl is loaded at run time)
  libre2-dev              # 2022-06 regular expressions
  libtree-sitter-dev      # 0.20.7 shell parsing (the bash grammar comes from npm)
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev   # libFuzzer for scripts/fuzz-validator
  clang-tidy clang-format cppcheck   # scripts/lint
  # Test-time tools: shells for integration tests, a PTY driver, valgrind.
  bash zsh fish tmux busybox valgrind python3
  # ../shared/eval runner needs these.
  bubblewrap util-linux zip unzip jq bc bzip2
  # scripts/test-static-binary: a minimal Debian root for the static caro.
  debootstrap file
)

missing=()
# npm fetches the pinned packages Debian lacks (tree-sitter-bash, llama.cpp's
# source bundle); a Node.js from elsewhere is fine, otherwise Debian's npm.
command -v npm >/dev/null || missing+=(npm)
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: everything is already installed"
  exit 0
fi

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo)
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
