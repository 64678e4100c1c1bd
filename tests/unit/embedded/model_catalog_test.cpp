// Model resolution: catalog ids, paths, the models directory.

#include "caro/backends/embedded/model_catalog.h"

#include <gtest/gtest.h>

namespace caro::backends {
namespace {

TEST(ModelCatalog, HasTheThreeSizes)
{
  EXPECT_NE(find_catalog_model("smollm-135m"), nullptr);
  EXPECT_NE(find_catalog_model("qwen2.5-coder-0.5b"), nullptr);
  EXPECT_NE(find_catalog_model("qwen2.5-coder-1.5b"), nullptr);
  EXPECT_EQ(default_model_id(), "smollm-135m");
}

TEST(ModelCatalog, EveryEntryIsAGgufFileInAHuggingFaceRepository)
{
  for (const CatalogModel& model : model_catalog()) {
    EXPECT_NE(model.repo.find('/'), std::string_view::npos) << model.id;
    EXPECT_TRUE(model.file.size() > 5 && model.file.substr(model.file.size() - 5) == ".gguf") << model.id;
    EXPECT_EQ(download_url(model).rfind("https://huggingface.co/" + std::string(model.repo) + "/resolve/main/", 0), 0u);
  }
}

TEST(ModelCatalog, CatalogIdResolvesUnderXdgDataHome)
{
  const auto env = fixed_environment({{"XDG_DATA_HOME", "/data"}, {"HOME", "/home/ada"}});
  const auto location = resolve_model("qwen2.5-coder-1.5b", env);
  ASSERT_TRUE(location) << location.error().message;
  EXPECT_EQ(location->path, "/data/caro/models/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf");
  EXPECT_EQ(location->catalog_id, "qwen2.5-coder-1.5b");
}

TEST(ModelCatalog, CatalogIdFallsBackToLocalShare)
{
  const auto env = fixed_environment({{"HOME", "/home/ada"}});
  const auto location = resolve_model("smollm-135m", env);
  ASSERT_TRUE(location);
  EXPECT_EQ(location->path, "/home/ada/.local/share/caro/models/SmolLM-135M-Instruct-Q8_0.gguf");
}

TEST(ModelCatalog, RelativeXdgDataHomeIsIgnored)
{
  const auto env = fixed_environment({{"XDG_DATA_HOME", "data"}, {"HOME", "/home/ada"}});
  EXPECT_EQ(models_directory(env).value(), "/home/ada/.local/share/caro/models");
}

TEST(ModelCatalog, PathsAreTakenAsGiven)
{
  const auto env = fixed_environment({{"HOME", "/home/ada"}});
  EXPECT_EQ(resolve_model("/models/x.bin", env)->path, "/models/x.bin");
  EXPECT_EQ(resolve_model("tiny.gguf", env)->path, "tiny.gguf");
  EXPECT_EQ(resolve_model("./m/tiny", env)->path, "./m/tiny");
  EXPECT_TRUE(resolve_model("/models/x.bin", env)->catalog_id.empty());
}

TEST(ModelCatalog, TildeExpandsToHome)
{
  const auto env = fixed_environment({{"HOME", "/home/ada"}});
  EXPECT_EQ(resolve_model("~/models/a.gguf", env)->path, "/home/ada/models/a.gguf");
}

TEST(ModelCatalog, UnknownIdListsTheKnownOnes)
{
  const auto location = resolve_model("gpt-17", fixed_environment({{"HOME", "/home/ada"}}));
  ASSERT_FALSE(location);
  EXPECT_NE(location.error().message.find("unknown model \"gpt-17\""), std::string::npos);
  EXPECT_NE(location.error().message.find("smollm-135m"), std::string::npos);
  EXPECT_FALSE(location.error().hint.empty());
}

TEST(ModelCatalog, NoHomeAndNoXdgIsAnError)
{
  EXPECT_FALSE(resolve_model("smollm-135m", fixed_environment({})));
}

TEST(ModelCatalog, EmptySettingIsAnError)
{
  EXPECT_FALSE(resolve_model("  ", fixed_environment({{"HOME", "/h"}})));
}

} // namespace
} // namespace caro::backends
