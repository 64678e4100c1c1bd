#pragma once

// The catalog models on disk: where each is downloaded from, whether it is
// there, pulling and removing it, and checking a model file against the
// checksum it should have.
//
// Download URL: <mirror>/<repo>/resolve/main/<file>, where the mirror is the
// `model_mirror` setting (which is CARO_MODEL_MIRROR, else the config file),
// else CARO_MODEL_MIRROR, else HF_ENDPOINT (the variable Hugging Face's own
// tools read), else https://huggingface.co. HF_TOKEN, when set, is sent as a bearer
// token. After a verified download caro writes <file>.sha256 next to the
// model (sha256sum's format), so `caro model verify` can later tell a
// damaged file from a good one even for models the catalog has not pinned.

#include "caro/backends/embedded/model_catalog.h"
#include "caro/models/download.h"
#include "caro/models/gguf_info.h"
#include "caro/util/env.h"
#include "caro/util/expected.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caro::models {

inline constexpr std::string_view k_default_mirror = "https://huggingface.co";

// The mirror base URL, without a trailing '/'. `configured` is the resolved
// `model_mirror` setting; empty when unset.
std::string mirror_base(const EnvLookup& env, std::string_view configured = {});
std::string model_url(const backends::CatalogModel& model, std::string_view mirror);

struct ModelStatus
{
  const backends::CatalogModel* model = nullptr;
  std::string path;
  bool downloaded = false;
  uint64_t bytes = 0;         // of the downloaded file
  uint64_t partial_bytes = 0; // of an interrupted download's .part (0: none)
};

// One entry per catalog model, in catalog order.
Expected<std::vector<ModelStatus>> model_statuses(const EnvLookup& env);

// "<model>.sha256"; the recorded checksum, if the file is there and well formed.
std::string checksum_path(const std::string& model_path);
std::optional<std::string> recorded_sha256(const std::string& model_path);

// Downloads a catalog model into the models directory and records its
// checksum. Returns at once (already_present) when it is there.
Expected<DownloadResult> pull_model(const backends::CatalogModel& model, const EnvLookup& env,
                                    const DownloadOptions& options, std::string_view configured_mirror = {});

// Deletes the model, its .part and its recorded checksum; refuses while
// another process downloads it. Returns the paths removed (may be empty).
Expected<std::vector<std::string>> remove_model(const backends::CatalogModel& model, const EnvLookup& env);

struct VerifyReport
{
  std::string path;
  std::string sha256;
  std::string expected;        // empty: nothing to compare with
  std::string expected_source; // "catalog", "recorded at download", or ""
  bool matches = false;        // sha256 == expected (false when nothing is expected)
  GgufInfo gguf;
};

// Checks the GGUF structure, then hashes the file and compares it with the
// catalog's pinned sha256, else the one recorded at download. A structural
// problem is an Error naming the file and the fix; a checksum mismatch is a
// report with matches == false.
Expected<VerifyReport> verify_model_file(const std::string& path, std::string_view catalog_id);

} // namespace caro::models
