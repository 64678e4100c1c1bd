// Catalog models on disk: mirror selection, status, pull through a local
// server, removal, and verification against recorded checksums.

#include "caro/models/file_lock.h"
#include "caro/models/model_store.h"
#include "caro/models/sha256.h"
#include "support/caro_process.h"
#include "support/gguf_test_file.h"
#include "support/http_test_server.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace caro::models {
namespace {

namespace fs = std::filesystem;
using testing::GgufTestFile;
using testing::HttpRoute;
using testing::HttpTestServer;
using testing::TempDir;

const backends::CatalogModel& smollm()
{
  return *backends::find_catalog_model("smollm-135m");
}

EnvLookup env_for(const TempDir& dir, std::map<std::string, std::string, std::less<>> extra = {})
{
  extra.emplace("HOME", dir.path().string());
  extra.emplace("XDG_DATA_HOME", (dir.path() / "data").string());
  return fixed_environment(std::move(extra));
}

std::string models_dir(const TempDir& dir)
{
  return (dir.path() / "data" / "caro" / "models").string();
}

TEST(Mirror, DefaultsToHuggingFace)
{
  EXPECT_EQ(mirror_base(fixed_environment({})), "https://huggingface.co");
  EXPECT_EQ(model_url(smollm(), mirror_base(fixed_environment({}))),
            "https://huggingface.co/bartowski/SmolLM-135M-Instruct-GGUF/resolve/main/SmolLM-135M-Instruct-Q8_0.gguf");
}

TEST(Mirror, CaroVariableWinsOverHfEndpointAndTrailingSlashesGo)
{
  EXPECT_EQ(mirror_base(fixed_environment({{"HF_ENDPOINT", "https://hf-mirror.example"}})),
            "https://hf-mirror.example");
  EXPECT_EQ(mirror_base(fixed_environment(
                {{"HF_ENDPOINT", "https://hf-mirror.example"}, {"CARO_MODEL_MIRROR", "http://127.0.0.1:8080/"}})),
            "http://127.0.0.1:8080");
  EXPECT_EQ(mirror_base(fixed_environment({{"CARO_MODEL_MIRROR", ""}})), "https://huggingface.co");
}

TEST(ModelStatuses, ListEveryCatalogModelWithWhereItLives)
{
  TempDir dir;
  dir.write("data/caro/models/SmolLM-135M-Instruct-Q8_0.gguf", "12345");
  dir.write("data/caro/models/qwen2.5-coder-0.5b-instruct-q8_0.gguf.part", "12");
  const auto statuses = model_statuses(env_for(dir));
  ASSERT_TRUE(statuses);
  ASSERT_EQ(statuses->size(), backends::model_catalog().size());
  EXPECT_EQ((*statuses)[0].model->id, "smollm-135m");
  EXPECT_TRUE((*statuses)[0].downloaded);
  EXPECT_EQ((*statuses)[0].bytes, 5u);
  EXPECT_EQ((*statuses)[0].path, models_dir(dir) + "/SmolLM-135M-Instruct-Q8_0.gguf");
  EXPECT_FALSE((*statuses)[1].downloaded);
  EXPECT_EQ((*statuses)[1].partial_bytes, 2u);
}

TEST(ModelStatuses, NoHomeIsAnError)
{
  EXPECT_FALSE(model_statuses(fixed_environment({})));
}

class PullTest : public ::testing::Test
{
protected:
  PullTest() : m_body(GgufTestFile{}.bytes())
  {
    m_options.first_backoff = std::chrono::milliseconds(1);
    m_options.stall_timeout = std::chrono::seconds(2);
    m_options.free_space = [](const std::string&) -> Expected<uint64_t> { return uint64_t{1} << 40; };
  }

  std::string url_path() const
  {
    return model_url(smollm(), ""); // "/<repo>/resolve/main/<file>"
  }
  EnvLookup env(std::map<std::string, std::string, std::less<>> extra = {}) const
  {
    extra.emplace("CARO_MODEL_MIRROR", m_server.base_url());
    return env_for(m_dir, std::move(extra));
  }

  TempDir m_dir;
  HttpTestServer m_server;
  std::string m_body;
  DownloadOptions m_options;
};

TEST_F(PullTest, PullsFromTheMirrorAndRecordsTheChecksum)
{
  m_server.serve(url_path(), HttpRoute{.body = m_body, .headers = {{"X-Linked-Etag", sha256_hex(m_body)}}});
  const auto result = pull_model(smollm(), env(), m_options);
  ASSERT_TRUE(result) << result.error().message;
  const std::string path = models_dir(m_dir) + "/" + std::string(smollm().file);
  EXPECT_EQ(result->path, path);
  EXPECT_EQ(testing::read_file(path), m_body);
  EXPECT_EQ(recorded_sha256(path), sha256_hex(m_body));
  EXPECT_EQ(testing::read_file(checksum_path(path)), sha256_hex(m_body) + "  " + std::string(smollm().file) + "\n");
}

TEST_F(PullTest, HfTokenFromTheEnvironmentIsSent)
{
  m_server.serve(url_path(), HttpRoute{.body = m_body, .bearer_token = "hf_abc"});
  const auto result = pull_model(smollm(), env({{"HF_TOKEN", "hf_abc"}}), m_options);
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(m_server.requests().at(0).headers.at("authorization"), "Bearer hf_abc");
}

TEST_F(PullTest, RemoveDeletesModelPartAndChecksum)
{
  const std::string path = models_dir(m_dir) + "/" + std::string(smollm().file);
  m_dir.write("data/caro/models/" + std::string(smollm().file), m_body);
  m_dir.write("data/caro/models/" + std::string(smollm().file) + ".part", "x");
  m_dir.write("data/caro/models/" + std::string(smollm().file) + ".sha256", "y");
  const auto removed = remove_model(smollm(), env());
  ASSERT_TRUE(removed) << removed.error().message;
  EXPECT_EQ(removed->size(), 3u);
  EXPECT_FALSE(fs::exists(path));
  EXPECT_FALSE(fs::exists(path + ".part"));
  EXPECT_FALSE(fs::exists(path + ".sha256"));
  EXPECT_FALSE(fs::exists(path + ".lock"));
}

TEST_F(PullTest, RemoveRefusesWhileADownloadHoldsTheLock)
{
  const std::string path = models_dir(m_dir) + "/" + std::string(smollm().file);
  m_dir.write("data/caro/models/" + std::string(smollm().file) + ".part", "x");
  auto held = lock_file(path + ".lock", std::chrono::milliseconds(0));
  ASSERT_TRUE(held && held->held());
  const auto removed = remove_model(smollm(), env());
  ASSERT_FALSE(removed);
  EXPECT_NE(removed.error().message.find("downloading smollm-135m"), std::string::npos);
  EXPECT_TRUE(fs::exists(path + ".part"));
}

TEST(VerifyModelFile, MatchesTheChecksumRecordedAtDownload)
{
  TempDir dir;
  const std::string body = GgufTestFile{}.bytes();
  const auto path = dir.write("m.gguf", body).string();
  dir.write("m.gguf.sha256", sha256_hex(body) + "  m.gguf\n");
  const auto report = verify_model_file(path, "");
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->matches);
  EXPECT_EQ(report->expected_source, "recorded at download");
  EXPECT_EQ(report->gguf.value("general.architecture"), "llama");
}

TEST(VerifyModelFile, ReportsAMismatch)
{
  TempDir dir;
  const auto path = dir.write("m.gguf", GgufTestFile{}.bytes()).string();
  dir.write("m.gguf.sha256", std::string(64, '0') + "  m.gguf\n");
  const auto report = verify_model_file(path, "");
  ASSERT_TRUE(report);
  EXPECT_FALSE(report->matches);
  EXPECT_EQ(report->expected, std::string(64, '0'));
  EXPECT_EQ(report->sha256, sha256_hex(GgufTestFile{}.bytes()));
}

TEST(VerifyModelFile, NothingToCompareWith)
{
  TempDir dir;
  const auto path = dir.write("m.gguf", GgufTestFile{}.bytes()).string();
  const auto report = verify_model_file(path, "");
  ASSERT_TRUE(report);
  EXPECT_FALSE(report->matches);
  EXPECT_TRUE(report->expected.empty());
}

TEST(VerifyModelFile, NonGgufAndMissingFilesAreErrorsNamingTheFile)
{
  TempDir dir;
  const auto html = dir.write("m.gguf", "<!DOCTYPE html> not a model at all").string();
  const auto not_gguf = verify_model_file(html, "smollm-135m");
  ASSERT_FALSE(not_gguf);
  EXPECT_NE(not_gguf.error().message.find(html), std::string::npos);
  EXPECT_NE(not_gguf.error().hint.find("caro model pull smollm-135m"), std::string::npos) << not_gguf.error().hint;
  const auto missing = verify_model_file((dir.path() / "none.gguf").string(), "smollm-135m");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("none.gguf"), std::string::npos);
  EXPECT_NE(missing.error().hint.find("caro model pull smollm-135m"), std::string::npos);
}

TEST(VerifyModelFile, TruncatedFileIsAnError)
{
  TempDir dir;
  const std::string body = GgufTestFile{}.bytes();
  const auto path = dir.write("m.gguf", body.substr(0, body.size() - 5)).string();
  const auto report = verify_model_file(path, "");
  ASSERT_FALSE(report);
  EXPECT_NE(report.error().message.find(path), std::string::npos);
  EXPECT_NE(report.error().message.find("truncated"), std::string::npos) << report.error().message;
}

} // namespace
} // namespace caro::models
