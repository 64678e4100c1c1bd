// Catalog models on disk (see model_store.h).

#include "caro/models/model_store.h"

#include "caro/backends/embedded/gguf_check.h"
#include "caro/models/file_lock.h"
#include "caro/models/sha256.h"
#include "caro/util/strings.h"

#include <filesystem>
#include <fstream>

namespace caro::models {
namespace {

std::string catalog_path(const backends::CatalogModel& model, const std::string& directory)
{
  return directory + "/" + std::string(model.file);
}

uint64_t size_or_zero(const std::string& path)
{
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  return error ? 0 : static_cast<uint64_t>(size);
}

} // namespace

std::string mirror_base(const EnvLookup& env, std::string_view configured)
{
  std::string base = !configured.empty()
                         ? std::string(configured)
                         : non_empty(env, "CARO_MODEL_MIRROR")
                               .value_or(non_empty(env, "HF_ENDPOINT").value_or(std::string(k_default_mirror)));
  while (!base.empty() && base.back() == '/') {
    base.pop_back();
  }
  return base;
}

std::string model_url(const backends::CatalogModel& model, std::string_view mirror)
{
  return std::string(mirror) + "/" + std::string(model.repo) + "/resolve/main/" + std::string(model.file);
}

Expected<std::vector<ModelStatus>> model_statuses(const EnvLookup& env)
{
  auto directory = backends::models_directory(env);
  if (!directory) {
    return unexpected(directory.error());
  }
  std::vector<ModelStatus> statuses;
  for (const auto& model : backends::model_catalog()) {
    ModelStatus status;
    status.model = &model;
    status.path = catalog_path(model, *directory);
    std::error_code error;
    status.downloaded = std::filesystem::is_regular_file(status.path, error);
    status.bytes = status.downloaded ? size_or_zero(status.path) : 0;
    status.partial_bytes = size_or_zero(part_path(status.path));
    statuses.push_back(std::move(status));
  }
  return statuses;
}

std::string checksum_path(const std::string& model_path)
{
  return model_path + ".sha256";
}

std::optional<std::string> recorded_sha256(const std::string& model_path)
{
  std::ifstream in(checksum_path(model_path));
  std::string word;
  if (!(in >> word) || !is_sha256_hex(word)) {
    return std::nullopt;
  }
  return util::to_lower_ascii(word);
}

Expected<DownloadResult> pull_model(const backends::CatalogModel& model, const EnvLookup& env,
                                    const DownloadOptions& options, std::string_view configured_mirror)
{
  auto directory = backends::models_directory(env);
  if (!directory) {
    return unexpected(directory.error());
  }
  DownloadRequest request;
  request.url = model_url(model, mirror_base(env, configured_mirror));
  request.destination = catalog_path(model, *directory);
  request.label = std::string(model.id);
  request.expected_sha256 = std::string(model.sha256);
  request.expected_bytes = model.approx_bytes;
  request.bearer_token = non_empty(env, "HF_TOKEN").value_or("");
  auto result = download_file(request, options);
  if (!result) {
    return result;
  }
  if (!result->already_present && !result->sha256.empty()) {
    // sha256sum's format, so `sha256sum -c` works in the models directory too.
    std::ofstream out(checksum_path(request.destination));
    out << result->sha256 << "  " << model.file << "\n";
  }
  return result;
}

Expected<std::vector<std::string>> remove_model(const backends::CatalogModel& model, const EnvLookup& env)
{
  auto directory = backends::models_directory(env);
  if (!directory) {
    return unexpected(directory.error());
  }
  const std::string path = catalog_path(model, *directory);
  std::vector<std::string> removed;
  std::error_code error;
  if (!std::filesystem::exists(*directory, error)) {
    return removed;
  }
  auto lock = lock_file(lock_path(path), std::chrono::milliseconds(0));
  if (!lock) {
    return unexpected(lock.error());
  }
  if (!lock->held()) {
    return unexpected("another caro process is downloading " + std::string(model.id) + " right now",
                      "wait for it to finish, or stop it, then run `caro model rm " + std::string(model.id) +
                          "` again");
  }
  // The lock file goes too; deleting it while holding it is safe (see file_lock.h).
  for (const std::string& candidate : {path, part_path(path), checksum_path(path), lock_path(path)}) {
    if (std::filesystem::remove(candidate, error)) {
      if (candidate != lock_path(path)) {
        removed.push_back(candidate);
      }
    } else if (error) {
      return unexpected("cannot delete " + candidate + ": " + error.message(), "check the directory's permissions");
    }
  }
  return removed;
}

Expected<VerifyReport> verify_model_file(const std::string& path, std::string_view catalog_id)
{
  // The embedded backend's own check first: it is what decides whether a
  // model loads, and with llama.cpp linked it also catches truncated weights.
  if (auto checked = backends::check_model_file(path, catalog_id); !checked) {
    return unexpected(checked.error());
  }
  auto gguf = read_gguf_info(path, catalog_id);
  if (!gguf) {
    return unexpected(gguf.error());
  }
  auto sha = sha256_file(path);
  if (!sha) {
    return unexpected(sha.error());
  }
  VerifyReport report;
  report.path = path;
  report.sha256 = *sha;
  report.gguf = std::move(*gguf);
  const backends::CatalogModel* model = catalog_id.empty() ? nullptr : backends::find_catalog_model(catalog_id);
  if (model != nullptr && !model->sha256.empty()) {
    report.expected = util::to_lower_ascii(model->sha256);
    report.expected_source = "catalog";
  } else if (auto recorded = recorded_sha256(path)) {
    report.expected = *recorded;
    report.expected_source = "recorded at download";
  }
  report.matches = !report.expected.empty() && report.expected == report.sha256;
  return report;
}

} // namespace caro::models
