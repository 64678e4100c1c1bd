// End-to-end tests of `caro model ...` and --model: the real binary pulling
// from an HTTP server on 127.0.0.1 (CARO_MODEL_MIRROR), listing, removing,
// and inspecting models, with a private HOME and data directory.

#include "caro/models/sha256.h"
#include "support/caro_process.h"
#include "support/gguf_test_file.h"
#include "support/http_test_server.h"
#include "support/pty_session.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace caro::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* k_smollm_path =
    "/bartowski/SmolLM-135M-Instruct-GGUF/resolve/main/SmolLM-135M-Instruct-Q8_0.gguf";
constexpr const char* k_smollm_file = "SmolLM-135M-Instruct-Q8_0.gguf";

class ModelCommandE2E : public ::testing::Test
{
protected:
  ModelCommandE2E()
  {
    GgufTestFile file;
    file.strings = {{"general.architecture", "llama"}, {"general.name", "SmolLM 135M (test copy)"}};
    file.padding = 100'000;
    m_body = file.bytes();
  }

  util::ProcessOutput caro(std::vector<std::string> args, std::map<std::string, std::string> env = {})
  {
    env.emplace("CARO_MODEL_MIRROR", m_server.base_url());
    return run_caro(m_home, CaroRun{std::move(args), std::move(env), {}, {}});
  }

  void serve_smollm(std::map<std::string, std::string> headers = {})
  {
    std::string etag = models::sha256_hex(m_body);
    etag.insert(etag.begin(), '"');
    etag.push_back('"');
    headers.emplace("X-Linked-Etag", etag);
    m_server.serve(k_smollm_path, HttpRoute{.body = m_body, .headers = headers});
  }

  fs::path models_dir() const { return m_home.path() / ".local/share/caro/models"; }

  TempDir m_home;
  HttpTestServer m_server;
  std::string m_body;
};

TEST_F(ModelCommandE2E, PullDownloadsFromTheMirrorAndListShowsIt)
{
  serve_smollm();
  const auto pulled = caro({"model", "pull", "smollm-135m"});
  ASSERT_EQ(pulled.exit_status, 0) << pulled.err;
  EXPECT_NE(pulled.out.find("downloaded smollm-135m"), std::string::npos) << pulled.out;
  EXPECT_NE(pulled.out.find("matches the server's checksum"), std::string::npos) << pulled.out;
  EXPECT_EQ(pulled.err.find('\r'), std::string::npos) << "no progress bar when stderr is not a terminal";
  EXPECT_EQ(read_file(models_dir() / k_smollm_file), m_body);
  EXPECT_FALSE(fs::exists(models_dir() / (std::string(k_smollm_file) + ".part")));

  const auto listed = caro({"model", "list"});
  ASSERT_EQ(listed.exit_status, 0) << listed.err;
  const auto line_start = listed.out.find("* smollm-135m");
  ASSERT_NE(line_start, std::string::npos) << listed.out;
  const auto line = listed.out.substr(line_start, listed.out.find('\n', line_start) - line_start);
  EXPECT_NE(line.find(" downloaded "), std::string::npos) << line;
  EXPECT_NE(line.find((models_dir() / k_smollm_file).string()), std::string::npos) << line;
  EXPECT_NE(listed.out.find("qwen2.5-coder-1.5b"), std::string::npos);
  EXPECT_NE(listed.out.find("not downloaded"), std::string::npos);
}

TEST_F(ModelCommandE2E, PullOnATerminalDrawsAProgressBar)
{
  serve_smollm();
  PtySession session({CARO_BINARY, "model", "pull", "smollm-135m"},
                     caro_environment(m_home, {{"CARO_MODEL_MIRROR", m_server.base_url()}}));
  ASSERT_EQ(session.wait_exit(std::chrono::seconds(30)), 0) << session.output();
  const auto output = session.output();
  EXPECT_NE(output.find("\rsmollm-135m  [####"), std::string::npos) << output;
  EXPECT_NE(output.find("100%"), std::string::npos) << output;
  EXPECT_NE(output.find("downloaded smollm-135m"), std::string::npos) << output;
}

TEST_F(ModelCommandE2E, ListAsJson)
{
  serve_smollm();
  ASSERT_EQ(caro({"model", "pull", "smollm-135m"}).exit_status, 0);
  const auto listed = caro({"-o", "json", "model", "list"});
  ASSERT_EQ(listed.exit_status, 0) << listed.err;
  const auto doc = nlohmann::json::parse(listed.out);
  EXPECT_EQ(doc["mirror"], m_server.base_url());
  ASSERT_GE(doc["models"].size(), 3u);
  EXPECT_EQ(doc["models"][0]["id"], "smollm-135m");
  EXPECT_EQ(doc["models"][0]["downloaded"], true);
  EXPECT_EQ(doc["models"][0]["selected"], true);
  EXPECT_EQ(doc["models"][0]["bytes"], m_body.size());
  EXPECT_EQ(doc["models"][1]["downloaded"], false);
}

TEST_F(ModelCommandE2E, PullWithoutAnIdPullsTheConfiguredModel)
{
  m_server.serve("/Qwen/Qwen2.5-Coder-0.5B-Instruct-GGUF/resolve/main/qwen2.5-coder-0.5b-instruct-q8_0.gguf",
                 HttpRoute{.body = m_body});
  const auto pulled = caro({"model", "pull"}, {{"CARO_MODEL", "qwen2.5-coder-0.5b"}});
  ASSERT_EQ(pulled.exit_status, 0) << pulled.err;
  EXPECT_TRUE(fs::exists(models_dir() / "qwen2.5-coder-0.5b-instruct-q8_0.gguf"));
  EXPECT_NE(pulled.out.find("not verified"), std::string::npos) << pulled.out;
}

TEST_F(ModelCommandE2E, SecondPullSaysItIsAlreadyThere)
{
  serve_smollm();
  ASSERT_EQ(caro({"model", "pull", "smollm-135m"}).exit_status, 0);
  const auto again = caro({"model", "pull", "smollm-135m"});
  EXPECT_EQ(again.exit_status, 0);
  EXPECT_NE(again.out.find("already downloaded"), std::string::npos) << again.out;
  EXPECT_EQ(m_server.request_count(), 1u);
}

TEST_F(ModelCommandE2E, HfTokenIsSentToTheMirror)
{
  m_server.serve(k_smollm_path, HttpRoute{.body = m_body, .bearer_token = "hf_e2e"});
  const auto refused = caro({"model", "pull", "smollm-135m"});
  EXPECT_EQ(refused.exit_status, 1);
  EXPECT_NE(refused.err.find("HF_TOKEN"), std::string::npos) << refused.err;
  const auto pulled = caro({"model", "pull", "smollm-135m"}, {{"HF_TOKEN", "hf_e2e"}});
  EXPECT_EQ(pulled.exit_status, 0) << pulled.err;
}

TEST_F(ModelCommandE2E, MissingFileOnTheMirrorIsAClearError)
{
  const auto pulled = caro({"model", "pull", "smollm-135m"});
  EXPECT_EQ(pulled.exit_status, 1);
  EXPECT_NE(pulled.err.find("caro: error: the server has no file at"), std::string::npos) << pulled.err;
  EXPECT_NE(pulled.err.find("HTTP 404"), std::string::npos) << pulled.err;
  EXPECT_NE(pulled.err.find("caro: hint:"), std::string::npos) << pulled.err;
  EXPECT_FALSE(fs::exists(models_dir() / k_smollm_file));
}

TEST_F(ModelCommandE2E, WrongChecksumLeavesNoModel)
{
  serve_smollm({{"X-Linked-Etag", std::string(64, 'b')}});
  const auto pulled = caro({"model", "pull", "smollm-135m"});
  EXPECT_EQ(pulled.exit_status, 1);
  EXPECT_NE(pulled.err.find("checksum mismatch for smollm-135m: expected sha256 " + std::string(64, 'b')),
            std::string::npos)
      << pulled.err;
  EXPECT_FALSE(fs::exists(models_dir() / k_smollm_file));
  EXPECT_FALSE(fs::exists(models_dir() / (std::string(k_smollm_file) + ".part")));
}

TEST_F(ModelCommandE2E, RmDeletesTheModel)
{
  serve_smollm();
  ASSERT_EQ(caro({"model", "pull", "smollm-135m"}).exit_status, 0);
  const auto removed = caro({"model", "rm", "smollm-135m"});
  ASSERT_EQ(removed.exit_status, 0) << removed.err;
  EXPECT_NE(removed.out.find("removed " + (models_dir() / k_smollm_file).string()), std::string::npos) << removed.out;
  EXPECT_FALSE(fs::exists(models_dir() / k_smollm_file));
  const auto again = caro({"model", "rm", "smollm-135m"});
  EXPECT_EQ(again.exit_status, 0);
  EXPECT_NE(again.out.find("not downloaded"), std::string::npos);
  EXPECT_NE(caro({"model", "list"}).out.find("not downloaded"), std::string::npos);
}

TEST_F(ModelCommandE2E, PathFollowsTheModelFlagAndTheEnvironment)
{
  const auto by_id = caro({"model", "path", "qwen2.5-coder-1.5b"});
  EXPECT_EQ(by_id.out, (models_dir() / "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf").string() + "\n");
  const auto by_flag = caro({"--model", "/opt/models/mine.gguf", "model", "path"});
  EXPECT_EQ(by_flag.out, "/opt/models/mine.gguf\n");
  const auto by_env = caro({"model", "path"}, {{"CARO_MODEL", "~/m/x.gguf"}});
  EXPECT_EQ(by_env.out, (m_home.path() / "m/x.gguf").string() + "\n");
  const auto flag_wins = caro({"--model", "smollm-135m", "model", "path"}, {{"CARO_MODEL", "/x.gguf"}});
  EXPECT_EQ(flag_wins.out, (models_dir() / k_smollm_file).string() + "\n");
}

TEST_F(ModelCommandE2E, ConfigModelKeySelectsTheModel)
{
  const auto set = caro({"config", "set", "model", "qwen2.5-coder-1.5b"});
  ASSERT_EQ(set.exit_status, 0) << set.err;
  const auto path = caro({"model", "path"});
  EXPECT_EQ(path.out, (models_dir() / "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf").string() + "\n");
  EXPECT_NE(caro({"model", "list"}).out.find("* qwen2.5-coder-1.5b"), std::string::npos);
}

TEST_F(ModelCommandE2E, UnknownModelIdListsTheCatalog)
{
  const auto result = caro({"--model", "gpt-5", "model", "path"});
  EXPECT_EQ(result.exit_status, 2);
  EXPECT_NE(result.err.find("unknown model \"gpt-5\""), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("smollm-135m"), std::string::npos);
}

TEST_F(ModelCommandE2E, InfoShowsGgufMetadata)
{
  const auto path = m_home.write("m/test.gguf", m_body);
  const auto info = caro({"model", "info", path.string()});
  ASSERT_EQ(info.exit_status, 0) << info.err;
  EXPECT_NE(info.out.find("gguf version:   3"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("architecture:   llama"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("name:           SmolLM 135M (test copy)"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("vocabulary:     3 tokens"), std::string::npos) << info.out;
  const auto json = nlohmann::json::parse(caro({"-o", "json", "model", "info", path.string()}).out);
  EXPECT_EQ(json["metadata"]["general.architecture"], "llama");
  EXPECT_EQ(json["bytes"], m_body.size());
}

TEST_F(ModelCommandE2E, InfoAndVerifyOnANonGgufFileNameItAndTheFix)
{
  const auto path = m_home.write("m/page.gguf", "<!DOCTYPE html><title>404</title>");
  for (const char* action : {"info", "verify"}) {
    const auto result = caro({"model", action, path.string()});
    EXPECT_EQ(result.exit_status, 1) << action;
    EXPECT_NE(result.err.find(path.string()), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("not a GGUF model"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("caro: hint:"), std::string::npos) << result.err;
  }
}

TEST_F(ModelCommandE2E, InfoOnAMissingCatalogModelSuggestsPull)
{
  const auto result = caro({"model", "info", "smollm-135m"});
  EXPECT_EQ(result.exit_status, 1);
  EXPECT_NE(result.err.find((models_dir() / k_smollm_file).string()), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("caro model pull smollm-135m"), std::string::npos) << result.err;
}

TEST_F(ModelCommandE2E, InfoOnATruncatedFileNamesIt)
{
  const auto path = m_home.write("m/cut.gguf", m_body.substr(0, 60));
  const auto result = caro({"model", "info", path.string()});
  EXPECT_EQ(result.exit_status, 1);
  EXPECT_NE(result.err.find(path.string()), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("truncated"), std::string::npos) << result.err;
}

TEST_F(ModelCommandE2E, VerifyChecksTheChecksumRecordedAtPull)
{
  serve_smollm();
  ASSERT_EQ(caro({"model", "pull", "smollm-135m"}).exit_status, 0);
  const auto good = caro({"model", "verify", "smollm-135m"});
  EXPECT_EQ(good.exit_status, 0) << good.err;
  EXPECT_NE(good.out.find("OK"), std::string::npos) << good.out;
  EXPECT_NE(good.out.find(models::sha256_hex(m_body)), std::string::npos);

  // Flip one byte past the header: still GGUF, but not the downloaded file.
  std::string damaged = m_body;
  damaged[damaged.size() - 1] = 'x';
  m_home.write(".local/share/caro/models/" + std::string(k_smollm_file), damaged);
  const auto bad = caro({"model", "verify", "smollm-135m"});
  EXPECT_EQ(bad.exit_status, 1);
  EXPECT_NE(bad.err.find("checksum mismatch"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("caro model rm smollm-135m"), std::string::npos) << bad.err;
}

TEST_F(ModelCommandE2E, UsageErrors)
{
  EXPECT_EQ(caro({"model", "frobnicate"}).exit_status, 2);
  EXPECT_EQ(caro({"model", "rm"}).exit_status, 2);
  const auto pull_path = caro({"model", "pull", "/tmp/x.gguf"});
  EXPECT_EQ(pull_path.exit_status, 2);
  EXPECT_NE(pull_path.err.find("file path"), std::string::npos) << pull_path.err;
  EXPECT_EQ(caro({"model", "info", "a", "b"}).exit_status, 2);
}

} // namespace
} // namespace caro::testing
