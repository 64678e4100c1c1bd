// `caro model list|pull|rm|info|path|verify`: managing the embedded
// backend's models. The work is in caro/models; this file turns its results
// into text or JSON. Results go to stdout; progress, notices and errors to
// stderr, and the progress bar only when stderr is a terminal.

#include "caro/backends/embedded/gguf_check.h"
#include "caro/backends/embedded/model_catalog.h"
#include "caro/cli/app.h"
#include "caro/cli/session.h"
#include "caro/cli/terminal.h"
#include "caro/models/model_store.h"
#include "caro/models/progress_bar.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <cstdio>
#include <memory>

namespace caro::cli {
namespace {

constexpr const char* k_usage = "usage: caro model list | pull [ID] | rm ID | info [ID|PATH] | path [ID|PATH] | "
                                "verify [ID|PATH]";
constexpr int k_exit_failed = 1;
// A second `caro model pull` of the same model waits this long for the first.
constexpr std::chrono::minutes k_lock_wait{30};

void print_out(const std::string& text)
{
  std::fputs(text.c_str(), stdout);
}

bool json_output(const Session& session)
{
  return session.config.settings.output == OutputFormat::json;
}

// For info, path and verify: the model named by the argument (a catalog id
// or a GGUF path), or by the `model` setting when there is none.
Expected<backends::ModelLocation> target_location(const Session& session)
{
  const auto& args = session.options.action_args;
  if (args.size() > 1) {
    return unexpected(fmt::format("'model {}' takes at most one argument", session.options.action), k_usage);
  }
  return backends::resolve_model(args.empty() ? session.config.settings.model : args[0], session.env);
}

// For pull and rm: the argument must name a catalog model.
Expected<const backends::CatalogModel*> catalog_argument(const Session& session, bool required)
{
  const auto& args = session.options.action_args;
  if (args.size() > 1 || (required && args.empty())) {
    return unexpected(fmt::format("'model {}' takes one model id", session.options.action), k_usage);
  }
  const std::string id = args.empty() ? session.config.settings.model : args[0];
  auto location = backends::resolve_model(id, session.env);
  if (!location) {
    return unexpected(location.error());
  }
  if (location->catalog_id.empty()) {
    return unexpected(
        fmt::format("'model {}' works on catalog models, and \"{}\" is a file path", session.options.action, id),
        "run `caro model list` for the ids");
  }
  return backends::find_catalog_model(location->catalog_id);
}

std::string selected_id(const Session& session)
{
  auto location = backends::resolve_model(session.config.settings.model, session.env);
  return location ? location->catalog_id : "";
}

int list(const Session& session)
{
  if (!session.options.action_args.empty()) {
    print_error({"'model list' takes no arguments", k_usage});
    return k_exit_usage;
  }
  auto statuses = models::model_statuses(session.env);
  if (!statuses) {
    print_error(statuses.error());
    return k_exit_failed;
  }
  const std::string selected = selected_id(session);
  if (json_output(session)) {
    nlohmann::json doc{{"model_setting", session.config.settings.model},
                       {"mirror", models::mirror_base(session.env, session.config.settings.model_mirror)},
                       {"models", nlohmann::json::array()}};
    for (const auto& status : *statuses) {
      doc["models"].push_back({{"id", status.model->id},
                               {"description", status.model->description},
                               {"selected", status.model->id == selected},
                               {"downloaded", status.downloaded},
                               {"bytes", status.bytes},
                               {"approx_bytes", status.model->approx_bytes},
                               {"partial_bytes", status.partial_bytes},
                               {"path", status.path}});
    }
    print_out(doc.dump(2) + "\n");
    return k_exit_ok;
  }
  print_out(fmt::format("  {:<20} {:<16} {:>9}  {}\n", "ID", "STATUS", "SIZE", "PATH"));
  for (const auto& status : *statuses) {
    std::string state = "not downloaded";
    std::string size = "~" + models::format_bytes(status.model->approx_bytes);
    if (status.downloaded) {
      state = "downloaded";
      size = models::format_bytes(status.bytes);
    } else if (status.partial_bytes > 0) {
      state = "partial";
      size = models::format_bytes(status.partial_bytes);
    }
    print_out(fmt::format("{} {:<20} {:<16} {:>9}  {}\n", status.model->id == selected ? '*' : ' ', status.model->id,
                          state, size, status.path));
  }
  if (selected.empty()) {
    print_out(fmt::format("model setting: {} (a file, not a catalog model)\n", session.config.settings.model));
  } else {
    print_out("* the model the embedded backend uses (setting `model`)\n");
  }
  return k_exit_ok;
}

int pull(const Session& session)
{
  auto model = catalog_argument(session, false);
  if (!model) {
    print_error(model.error());
    return k_exit_usage;
  }
  const std::string id((*model)->id);
  models::DownloadOptions options;
  options.lock_wait = k_lock_wait;
  std::unique_ptr<models::TerminalProgressBar> bar;
  if (!session.options.quiet && is_terminal(STDERR_FILENO)) {
    bar = std::make_unique<models::TerminalProgressBar>(id);
    options.progress = [&bar](uint64_t done, uint64_t total) { bar->update(done, total); };
  }
  options.notice = [&](std::string_view message) {
    if (bar) {
      bar->finish();
    }
    std::fputs(fmt::format("caro: {}\n", message).c_str(), stderr);
  };
#ifndef CARO_NO_DOWNLOADS // a build without downloads says so (pull_model's error) and nothing else
  const bool announce = !session.options.quiet;
#else
  const bool announce = false;
#endif
  if (announce) {
    std::fputs(fmt::format("caro: downloading {} from {}\n", id,
                           models::mirror_base(session.env, session.config.settings.model_mirror))
                   .c_str(),
               stderr);
  }
  auto result = models::pull_model(**model, session.env, options, session.config.settings.model_mirror);
  if (bar) {
    bar->finish();
  }
  if (!result) {
    print_error(result.error());
    return k_exit_failed;
  }
  if (result->already_present) {
    print_out(fmt::format("{} is already downloaded: {}\n", id, result->path));
    return k_exit_ok;
  }
  std::string checked = "sha256 " + result->sha256;
  if (result->checksum_source == "pinned") {
    checked += " (matches the catalog)";
  } else if (result->checksum_source == "server") {
    checked += " (matches the server's checksum)";
  } else {
    checked += " (not verified: the server announced no checksum)";
  }
  print_out(
      fmt::format("downloaded {} ({}) to {}\n{}\n", id, models::format_bytes(result->bytes), result->path, checked));
  return k_exit_ok;
}

int remove(const Session& session)
{
  auto model = catalog_argument(session, true);
  if (!model) {
    print_error(model.error());
    return k_exit_usage;
  }
  auto removed = models::remove_model(**model, session.env);
  if (!removed) {
    print_error(removed.error());
    return k_exit_failed;
  }
  if (removed->empty()) {
    print_out(fmt::format("{} is not downloaded; nothing to remove\n", (*model)->id));
  }
  for (const auto& path : *removed) {
    print_out("removed " + path + "\n");
  }
  return k_exit_ok;
}

int path(const Session& session)
{
  auto location = target_location(session);
  if (!location) {
    print_error(location.error());
    return k_exit_usage;
  }
  print_out(location->path + "\n");
  return k_exit_ok;
}

int info(const Session& session)
{
  auto location = target_location(session);
  if (!location) {
    print_error(location.error());
    return k_exit_usage;
  }
  if (auto checked = backends::check_model_file(location->path, location->catalog_id); !checked) {
    print_error(checked.error());
    return k_exit_failed;
  }
  auto gguf = models::read_gguf_info(location->path, location->catalog_id);
  if (!gguf) {
    print_error(gguf.error());
    return k_exit_failed;
  }
  const backends::CatalogModel* model =
      location->catalog_id.empty() ? nullptr : backends::find_catalog_model(location->catalog_id);
  std::string sha = model != nullptr ? std::string(model->sha256) : "";
  if (sha.empty()) {
    sha = models::recorded_sha256(location->path).value_or("");
  }
  const std::string architecture = gguf->value("general.architecture").value_or("");
  if (json_output(session)) {
    nlohmann::json doc{{"path", location->path},
                       {"id", location->catalog_id},
                       {"bytes", gguf->file_bytes},
                       {"sha256", sha},
                       {"gguf_version", gguf->version},
                       {"tensors", gguf->tensor_count},
                       {"metadata", nlohmann::json::object()}};
    for (const auto& [key, value] : gguf->metadata) {
      doc["metadata"][key] = value;
    }
    print_out(doc.dump(2) + "\n");
    return k_exit_ok;
  }
  const auto row = [](std::string_view name, std::string_view value) {
    print_out(fmt::format("{:<16}{}\n", std::string(name) + ":", value));
  };
  if (model != nullptr) {
    row("model", fmt::format("{} ({})", model->id, model->description));
  }
  row("path", location->path);
  row("size", fmt::format("{} ({} bytes)", models::format_bytes(gguf->file_bytes), gguf->file_bytes));
  row("sha256", sha.empty() ? "not recorded (`caro model verify` computes it)" : sha);
  row("gguf version", std::to_string(gguf->version));
  row("tensors", std::to_string(gguf->tensor_count));
  const std::pair<std::string, std::string> shown[] = {
      {"architecture", "general.architecture"},
      {"name", "general.name"},
      {"size label", "general.size_label"},
      {"quantization", "general.file_type"},
      {"context length", architecture + ".context_length"},
      {"layers", architecture + ".block_count"},
      {"embedding", architecture + ".embedding_length"},
      {"tokenizer", "tokenizer.ggml.model"},
  };
  for (const auto& [label, key] : shown) {
    if (auto value = gguf->value(key)) {
      row(label, *value);
    }
  }
  if (auto tokens = gguf->array_length("tokenizer.ggml.tokens")) {
    row("vocabulary", fmt::format("{} tokens", *tokens));
  }
  return k_exit_ok;
}

int verify(const Session& session)
{
  auto location = target_location(session);
  if (!location) {
    print_error(location.error());
    return k_exit_usage;
  }
  auto report = models::verify_model_file(location->path, location->catalog_id);
  if (!report) {
    print_error(report.error());
    return k_exit_failed;
  }
  if (json_output(session)) {
    print_out(nlohmann::json{{"path", report->path},
                             {"sha256", report->sha256},
                             {"expected", report->expected},
                             {"expected_source", report->expected_source},
                             {"ok", report->expected.empty() || report->matches}}
                  .dump(2) +
              "\n");
  }
  if (!report->expected.empty() && !report->matches) {
    const std::string fix = location->catalog_id.empty()
                                ? "download the file again"
                                : fmt::format("run `caro model rm {0}` and `caro model pull {0}` to download it again",
                                              location->catalog_id);
    print_error({fmt::format("checksum mismatch for {}: expected sha256 {} ({}), got {}", report->path,
                             report->expected, report->expected_source, report->sha256),
                 fix});
    return k_exit_failed;
  }
  if (json_output(session)) {
    return k_exit_ok;
  }
  if (report->matches) {
    print_out(fmt::format("{}: OK\nsha256 {} matches the checksum {}\n", report->path, report->sha256,
                          report->expected_source == "catalog" ? "pinned in the catalog" : "recorded at download"));
  } else {
    print_out(fmt::format("{}: a well-formed GGUF file\nsha256 {} (no known checksum to compare it with)\n",
                          report->path, report->sha256));
  }
  return k_exit_ok;
}

} // namespace

int run_model(Session& session)
{
  const auto& action = session.options.action;
  if (action == "list" || action.empty()) {
    return list(session);
  }
  if (action == "pull") {
    return pull(session);
  }
  if (action == "rm") {
    return remove(session);
  }
  if (action == "path") {
    return path(session);
  }
  if (action == "info") {
    return info(session);
  }
  if (action == "verify") {
    return verify(session);
  }
  print_error({fmt::format("unknown model action \"{}\"", action), k_usage});
  return k_exit_usage;
}

} // namespace caro::cli
