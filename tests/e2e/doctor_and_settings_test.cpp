// End-to-end: `caro doctor` lists the models on disk, and the model_mirror
// and embedded.threads settings from the config file reach the commands that
// use them, below the environment in precedence.

#include "support/caro_process.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace caro::testing {
namespace {

namespace fs = std::filesystem;

util::ProcessOutput caro(const TempDir& home, std::vector<std::string> args,
                         std::map<std::string, std::string> env = {})
{
  return run_caro(home, CaroRun{std::move(args), std::move(env), "", ""});
}

TEST(Doctor, ListsDownloadedCatalogModelsAndOtherGgufFiles)
{
  TempDir home;
  const auto none = caro(home, {"doctor"});
  EXPECT_NE(none.out.find("models\n  none downloaded"), std::string::npos) << none.out;

  const auto path = caro(home, {"model", "path", "smollm-135m"});
  ASSERT_EQ(path.exit_status, 0) << path.err;
  const fs::path model = std::string(path.out.substr(0, path.out.find('\n')));
  fs::create_directories(model.parent_path());
  {
    std::ofstream(model) << std::string(2'000'000, 'g');
  }
  {
    std::ofstream(model.parent_path() / "my-own.gguf") << "gguf";
  }

  const auto plain = caro(home, {"doctor"});
  EXPECT_NE(plain.out.find("smollm-135m"), std::string::npos) << plain.out;
  EXPECT_NE(plain.out.find(model.string()), std::string::npos) << plain.out;
  EXPECT_NE(plain.out.find("2.0 MB"), std::string::npos) << plain.out;
  EXPECT_NE(plain.out.find("(not in catalog)"), std::string::npos) << plain.out;

  const auto doc = nlohmann::json::parse(caro(home, {"doctor", "-o", "json"}).out);
  ASSERT_EQ(doc["models"].size(), 2u);
  EXPECT_EQ(doc["models"][0]["id"], "smollm-135m");
  EXPECT_EQ(doc["models"][0]["bytes"], 2'000'000);
  EXPECT_TRUE(doc["models"][1]["id"].is_null());
  EXPECT_EQ(doc["telemetry"]["enabled"], false);
}

TEST(ModelMirrorSetting, FileValueIsUsedAndTheEnvironmentOverridesIt)
{
  TempDir home;
  ASSERT_EQ(caro(home, {"config", "set", "model_mirror", "http://mirror.example/hf/"}).exit_status, 0);
  const auto from_file = nlohmann::json::parse(caro(home, {"model", "list", "-o", "json"}).out);
  EXPECT_EQ(from_file["mirror"], "http://mirror.example/hf");
  const auto from_env = nlohmann::json::parse(
      caro(home, {"model", "list", "-o", "json"}, {{"CARO_MODEL_MIRROR", "https://other.example"}}).out);
  EXPECT_EQ(from_env["mirror"], "https://other.example");
  const auto over_hf = nlohmann::json::parse(
      caro(home, {"model", "list", "-o", "json"}, {{"HF_ENDPOINT", "https://hf-endpoint.example"}}).out);
  EXPECT_EQ(over_hf["mirror"], "http://mirror.example/hf") << "the setting wins over HF_ENDPOINT";
}

TEST(ThreadsSetting, ShowsWhereItCameFrom)
{
  TempDir home;
  ASSERT_EQ(caro(home, {"config", "set", "embedded.threads", "3"}).exit_status, 0);
  EXPECT_EQ(caro(home, {"config", "get", "embedded.threads"}).out, "3\n");
  EXPECT_EQ(caro(home, {"config", "get", "embedded.threads"}, {{"CARO_THREADS", "5"}}).out, "5\n");
  const auto show = caro(home, {"config", "show"}, {{"CARO_THREADS", "5"}});
  EXPECT_NE(show.out.find("embedded.threads = 5  # environment"), std::string::npos) << show.out;
  const auto bad = caro(home, {"config", "set", "embedded.threads", "0"});
  EXPECT_EQ(bad.exit_status, 2);
}

} // namespace
} // namespace caro::testing
