#include "caro/cli/options.h"

#include <CLI/CLI.hpp>

namespace caro::cli {
namespace {

// Settings that have a flag, with the config key each flag sets.
struct SettingFlag
{
  const char* names;
  const char* key;
};

constexpr SettingFlag k_setting_flags[] = {
    {"-b,--backend", "backend"}, {"-s,--shell", "shell"},   {"--platform", "platform"},
    {"--safety", "safety"},      {"-o,--output", "output"}, {"--model", "model"},
};

std::string describe_parse_error(const CLI::ParseError& error)
{
  std::string message = error.what();
  // CLI11 phrases unknown options as "The following argument was not expected: -z".
  const std::string extras = "The following argument";
  if (message.rfind(extras, 0) == 0) {
    const auto colon = message.find(':');
    return "unknown option or argument:" + message.substr(colon + 1);
  }
  return message;
}

} // namespace

Expected<Options> parse_options(int argc, const char* const* argv)
{
  Options options;
  CLI::App app{"caro", "caro"};
  app.set_help_flag();
  app.allow_windows_style_options(false);
  app.prefix_command(false);

  bool help = false;
  bool version = false;
  app.add_flag("-h,--help", help);
  app.add_flag("--version", version);

  std::vector<std::string> setting_values(std::size(k_setting_flags));
  std::vector<CLI::Option*> setting_options;
  for (std::size_t i = 0; i < std::size(k_setting_flags); ++i) {
    setting_options.push_back(app.add_option(k_setting_flags[i].names, setting_values[i]));
  }
  app.add_option("-p,--prompt", options.prompt);
  app.add_option("--config", options.config_file);
  app.add_flag("-x,--execute", options.execute);
  app.add_flag("-y,--yes", options.yes);
  app.add_flag("--dry-run", options.dry_run);
  app.add_flag("--explain", options.explain);
  auto* verbose = app.add_flag("-v,--verbose", options.verbose);
  auto* quiet = app.add_flag("-q,--quiet", options.quiet);
  verbose->excludes(quiet);
  app.add_flag("--no-color", options.no_color);
  app.add_option("request", options.words);

  // At most one subcommand: otherwise a subcommand's argument that names
  // another subcommand ("config set model X") would start that one instead.
  app.require_subcommand(0, 1);
  auto* validate = app.add_subcommand("validate");
  validate->add_option("command", options.words);
  auto* config = app.add_subcommand("config");
  config->add_option("action", options.action);
  config->add_option("arguments", options.action_args);
  auto* model = app.add_subcommand("model");
  model->add_option("action", options.action);
  model->add_option("arguments", options.action_args);
  auto* doctor = app.add_subcommand("doctor");
  auto* stats = app.add_subcommand("stats");
  stats->add_option("--since", options.since);
  stats->add_option("--format", options.format);
  stats->add_flag("--clear", options.clear);
  auto* history = app.add_subcommand("history");
  history->add_option("--limit", options.limit);
  history->add_flag("--clear", options.clear);
  auto* init = app.add_subcommand("init");
  init->add_option("shell", options.action);
  auto* completion = app.add_subcommand("completion");
  completion->add_option("shell", options.action);
  for (auto* sub : {validate, config, model, doctor, stats, history, init, completion}) {
    sub->fallthrough();
    sub->set_help_flag();
    sub->add_flag("-h,--help", help);
  }

  try {
    // CLI11 wants argv[0] too; it never modifies the strings.
    app.parse(argc, const_cast<char**>(argv));
  } catch (const CLI::ParseError& error) {
    return unexpected(describe_parse_error(error));
  }

  for (std::size_t i = 0; i < std::size(k_setting_flags); ++i) {
    if (setting_options[i]->count() > 0) {
      options.setting_flags.emplace_back(k_setting_flags[i].key, setting_values[i]);
    }
  }

  if (help) {
    options.subcommand = Subcommand::help;
  } else if (version) {
    options.subcommand = Subcommand::version;
  } else if (validate->parsed()) {
    options.subcommand = Subcommand::validate;
  } else if (config->parsed()) {
    options.subcommand = Subcommand::config;
  } else if (model->parsed()) {
    options.subcommand = Subcommand::model;
  } else if (doctor->parsed()) {
    options.subcommand = Subcommand::doctor;
  } else if (stats->parsed()) {
    options.subcommand = Subcommand::stats;
  } else if (history->parsed()) {
    options.subcommand = Subcommand::history;
  } else if (init->parsed()) {
    options.subcommand = Subcommand::init;
  } else if (completion->parsed()) {
    options.subcommand = Subcommand::completion;
  }
  return options;
}

} // namespace caro::cli
