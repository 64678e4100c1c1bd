// The model catalog and `model` setting resolution (see model_catalog.h).

#include "caro/backends/embedded/model_catalog.h"

#include "caro/backends/embedded/xdg_dirs.h"
#include "caro/util/strings.h"

namespace caro::backends {

const std::vector<CatalogModel>& model_catalog()
{
  static const std::vector<CatalogModel> catalog = {
      {"smollm-135m", "SmolLM 135M Instruct, Q8_0: tiny and fast, weakest answers",
       "bartowski/SmolLM-135M-Instruct-GGUF", "SmolLM-135M-Instruct-Q8_0.gguf", 145'000'000, ""},
      {"qwen2.5-coder-0.5b", "Qwen2.5 Coder 0.5B Instruct, Q8_0: a middle ground",
       "Qwen/Qwen2.5-Coder-0.5B-Instruct-GGUF", "qwen2.5-coder-0.5b-instruct-q8_0.gguf", 531'000'000, ""},
      {"qwen2.5-coder-1.5b", "Qwen2.5 Coder 1.5B Instruct, Q4_K_M: best answers, about 1 GB",
       "Qwen/Qwen2.5-Coder-1.5B-Instruct-GGUF", "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf", 1'120'000'000, ""},
  };
  return catalog;
}

const CatalogModel* find_catalog_model(std::string_view id)
{
  for (const CatalogModel& model : model_catalog()) {
    if (model.id == id) {
      return &model;
    }
  }
  return nullptr;
}

std::string_view default_model_id()
{
  return model_catalog().front().id;
}

std::string download_url(const CatalogModel& model)
{
  return "https://huggingface.co/" + std::string(model.repo) + "/resolve/main/" + std::string(model.file);
}

Expected<std::string> models_directory(const EnvLookup& env)
{
  auto data = xdg_directory(env, "XDG_DATA_HOME", ".local/share");
  if (!data) {
    return unexpected("cannot find a directory for models: neither XDG_DATA_HOME nor HOME is set",
                      "set HOME, or pass --model with the path to a .gguf file");
  }
  return *data + "/caro/models";
}

Expected<ModelLocation> resolve_model(std::string_view setting, const EnvLookup& env)
{
  const std::string_view value = util::trim(setting);
  if (value.empty()) {
    return unexpected("no model is set", "pass --model <id or path>, e.g. --model " + std::string(default_model_id()));
  }
  const bool is_path = value.find('/') != std::string_view::npos ||
                       (value.size() > 5 && util::to_lower_ascii(value.substr(value.size() - 5)) == ".gguf");
  if (is_path) {
    if (value.rfind("~/", 0) == 0) {
      if (auto home = non_empty(env, "HOME")) {
        return ModelLocation{*home + std::string(value.substr(1)), ""};
      }
    }
    return ModelLocation{std::string(value), ""};
  }
  const CatalogModel* model = find_catalog_model(value);
  if (model == nullptr) {
    std::vector<std::string> ids;
    for (const CatalogModel& known : model_catalog()) {
      ids.emplace_back(known.id);
    }
    return unexpected("unknown model \"" + std::string(value) + "\"; the catalog has " + util::join(ids, ", "),
                      "use one of those ids, or give the path to a .gguf file");
  }
  auto directory = models_directory(env);
  if (!directory) {
    return unexpected(directory.error());
  }
  return ModelLocation{*directory + "/" + std::string(model->file), std::string(model->id)};
}

} // namespace caro::backends
