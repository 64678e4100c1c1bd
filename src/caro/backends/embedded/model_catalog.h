#pragma once

// The models caro knows by name, and where a `model` setting points on disk.
//
// The setting (--model, CARO_MODEL, config key `model`) is either a catalog id
// ("smollm-135m") or a path to any GGUF file. A value containing '/' or
// ending in ".gguf" is a path ("~/" expands to HOME); anything else must be a
// catalog id. A catalog model lives at <models dir>/<file name>, where the
// models dir is $XDG_DATA_HOME/caro/models, else ~/.local/share/caro/models.
// Models go under the data home rather than the cache home because they are
// large, slow to fetch and deliberately chosen: cache cleaners must not
// delete them.
//
// sha256 fields are empty until the download code pins them.

#include "caro/util/env.h"
#include "caro/util/expected.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace caro::backends {

struct CatalogModel
{
  std::string_view id;          // what users type: "smollm-135m"
  std::string_view description; // one line for `caro model list`
  std::string_view repo;        // Hugging Face repository, "owner/name"
  std::string_view file;        // the GGUF file in that repository
  uint64_t approx_bytes;        // approximate download size (0: unknown)
  std::string_view sha256;      // hex; empty until pinned
};

const std::vector<CatalogModel>& model_catalog();
const CatalogModel* find_catalog_model(std::string_view id);
// The default model id (the smallest one).
std::string_view default_model_id();

// https://huggingface.co/<repo>/resolve/main/<file>
std::string download_url(const CatalogModel& model);

// $XDG_DATA_HOME/caro/models or $HOME/.local/share/caro/models.
Expected<std::string> models_directory(const EnvLookup& env);

struct ModelLocation
{
  std::string path;       // absolute or as given
  std::string catalog_id; // set when the setting named a catalog model
};

// Resolves the `model` setting. An unknown id is an Error listing the known
// ones. Nothing is checked on disk here.
Expected<ModelLocation> resolve_model(std::string_view setting, const EnvLookup& env);

} // namespace caro::backends
