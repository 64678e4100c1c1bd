#pragma once

// What every subcommand gets: the parsed options, the resolved settings, the
// environment, and how to print (colours, errors) to the user.

#include "caro/cli/options.h"
#include "caro/config/settings.h"
#include "caro/util/env.h"
#include "caro/util/expected.h"

#include <chrono>
#include <string_view>

namespace caro::cli {

struct Session
{
  Options options;
  config::Resolved config;
  EnvLookup env;
  bool color_stdout = false;
  bool color_stderr = false;
  std::chrono::steady_clock::time_point started;
};

// "caro: error: <message>" and, on the next line, "caro: hint: <hint>".
void print_error(const Error& error);
void print_warning(std::string_view message);
// -v diagnostics; prints nothing unless verbose.
void print_verbose(const Session& session, std::string_view message);

double milliseconds_since(std::chrono::steady_clock::time_point since);

int run_generate(Session& session);
int run_validate(Session& session);
int run_config(Session& session);
int run_model(Session& session);
int run_doctor(Session& session);
int run_stats(Session& session);
int run_history(Session& session);
int run_init(Session& session);
int run_completion(Session& session);

} // namespace caro::cli
