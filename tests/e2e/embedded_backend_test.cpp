// End-to-end tests of the embedded backend: the real caro binary running the
// generated tiny model (tools/make_test_model.cpp) through llama.cpp: model
// check and load, chat template, tokenizer, decoding, sampling, parsing and
// safety validation, plus the prefix cache across processes.

#include "support/caro_process.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace caro::testing {
namespace {

using nlohmann::json;

class EmbeddedBackendE2E : public ::testing::Test
{
protected:
  void SetUp() override
  {
#ifndef CARO_TEST_MODEL_DIR
    GTEST_SKIP() << "built without llama.cpp: no test model";
#endif
  }

  TempDir home;

#ifdef CARO_TEST_MODEL_DIR
  const std::string model = std::string(CARO_TEST_MODEL_DIR) + "/caro-tiny-ls.gguf";
#else
  const std::string model;
#endif

  util::ProcessOutput caro(std::vector<std::string> args, std::map<std::string, std::string> env = {})
  {
    return run_caro(home, CaroRun{std::move(args), std::move(env), {}, {}});
  }

  // The model reaches caro through CARO_MODEL, which every front end honours;
  // --model is tested on its own below.
  json generate_json(const std::string& request)
  {
    const auto result = caro({"-b", "embedded", "-o", "json", request}, {{"CARO_MODEL", model}});
    EXPECT_EQ(result.exit_status, 0) << result.err;
    return json::parse(result.out);
  }

  std::filesystem::path prefix_dir() const
  {
    return home.path() / ".cache" / "caro" / "prefix";
  }

  std::vector<std::filesystem::path> cache_files() const
  {
    std::vector<std::filesystem::path> files;
    if (std::filesystem::exists(prefix_dir())) {
      for (const auto& entry : std::filesystem::directory_iterator(prefix_dir())) {
        files.push_back(entry.path());
      }
    }
    return files;
  }
};

TEST_F(EmbeddedBackendE2E, TinyModelAnswersItsKnownCommandWithRiskEvaluated)
{
  const json doc = generate_json("list all files");
  EXPECT_EQ(doc["command"], "ls -la");
  EXPECT_EQ(doc["backend"], "embedded");
  EXPECT_EQ(doc["risk"], "safe");
  EXPECT_GT(doc["confidence"].get<double>(), 0.5);
  EXPECT_LE(doc["confidence"].get<double>(), 1.0);
}

TEST_F(EmbeddedBackendE2E, ModelFlagSelectsTheModelFile)
{
  if (caro({"--help"}).out.find("--model") == std::string::npos) {
    GTEST_SKIP() << "this front end has no --model flag yet";
  }
  const auto result = caro({"-b", "embedded", "--model", model, "-o", "json", "show", "everything", "here"});
  ASSERT_EQ(result.exit_status, 0) << result.err;
  EXPECT_EQ(json::parse(result.out)["command"], "ls -la");
}

TEST_F(EmbeddedBackendE2E, SecondRunRestoresThePrefixFromTheCache)
{
  const json first = generate_json("list all files");
  EXPECT_EQ(first["timing_ms"]["embedded.prefix_cache_hit"], 0) << first.dump();
  ASSERT_EQ(cache_files().size(), 1u);

  const json second = generate_json("list the files in this folder");
  EXPECT_EQ(second["command"], "ls -la");
  EXPECT_EQ(second["timing_ms"]["embedded.prefix_cache_hit"], 1) << second.dump();
  EXPECT_EQ(cache_files().size(), 1u);
}

TEST_F(EmbeddedBackendE2E, CorruptCacheFileIsIgnoredAndRebuilt)
{
  (void)generate_json("list all files");
  const auto files = cache_files();
  ASSERT_EQ(files.size(), 1u);
  const auto good_size = std::filesystem::file_size(files[0]);
  std::ofstream(files[0], std::ios::binary | std::ios::trunc) << "garbage, not a llama.cpp state";

  const json doc = generate_json("list all files");
  EXPECT_EQ(doc["command"], "ls -la");
  EXPECT_EQ(doc["timing_ms"]["embedded.prefix_cache_hit"], 0);
  EXPECT_EQ(std::filesystem::file_size(files[0]), good_size) << "the damaged file is replaced by a good one";

  const json again = generate_json("list all files");
  EXPECT_EQ(again["timing_ms"]["embedded.prefix_cache_hit"], 1);
}

TEST_F(EmbeddedBackendE2E, MissingModelFileIsAClearErrorNotACrash)
{
  const auto missing = (home.path() / "nope.gguf").string();
  // -v: a backend that is unavailable says why in the verbose report.
  const auto result = caro({"-v", "-b", "embedded", "list", "files"}, {{"CARO_MODEL", missing}});
  EXPECT_EQ(result.exit_status, 3) << result.err;
  EXPECT_NE(result.err.find(missing), std::string::npos) << result.err;
}

TEST_F(EmbeddedBackendE2E, NonGgufFileIsAClearErrorNamingTheFile)
{
  const auto bogus = home.write("model.gguf", "this is a text file, not a model\n").string();
  const auto result = caro({"-b", "embedded", "list", "files"}, {{"CARO_MODEL", bogus}});
  EXPECT_NE(result.exit_status, 0);
  EXPECT_NE(result.err.find(bogus), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("not a GGUF model"), std::string::npos) << result.err;
}

TEST_F(EmbeddedBackendE2E, TruncatedModelIsAClearErrorNamingTheFile)
{
  const auto cut = home.path() / "cut.gguf";
  std::filesystem::copy_file(model, cut);
  std::filesystem::resize_file(cut, std::filesystem::file_size(cut) / 2);
  const auto result = caro({"-b", "embedded", "list", "files"}, {{"CARO_MODEL", cut.string()}});
  EXPECT_NE(result.exit_status, 0);
  EXPECT_NE(result.err.find(cut.string()), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("truncated"), std::string::npos) << result.err;
}

TEST_F(EmbeddedBackendE2E, CatalogModelNotDownloadedSaysHowToPullIt)
{
  const auto result = caro({"-v", "-b", "embedded", "list", "files"}, {{"CARO_MODEL", "qwen2.5-coder-1.5b"}});
  EXPECT_EQ(result.exit_status, 3);
  EXPECT_NE(result.err.find("caro model pull qwen2.5-coder-1.5b"), std::string::npos) << result.err;
}

} // namespace
} // namespace caro::testing
