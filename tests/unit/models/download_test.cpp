// The model download against a real HTTP server on 127.0.0.1: full
// download, resume, retries, checksum and magic checks, errors, timeouts,
// the bearer token, the lock and the free-space check.

#include "caro/models/download.h"
#include "caro/models/file_lock.h"
#include "caro/models/sha256.h"
#include "support/caro_process.h"
#include "support/gguf_test_file.h"
#include "support/http_test_server.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

namespace caro::models {
namespace {

using testing::GgufTestFile;
using testing::HttpRoute;
using testing::HttpTestServer;
using testing::TempDir;

namespace fs = std::filesystem;

std::string model_bytes()
{
  GgufTestFile file;
  file.padding = 200'000; // several chunks, so a drop lands mid-body
  return file.bytes();
}

class DownloadTest : public ::testing::Test
{
protected:
  DownloadTest() : m_body(model_bytes()), m_sha(sha256_hex(m_body))
  {
    m_options.first_backoff = std::chrono::milliseconds(1);
    m_options.max_backoff = std::chrono::milliseconds(4);
    m_options.connect_timeout = std::chrono::milliseconds(5000);
    m_options.stall_timeout = std::chrono::seconds(1);
    m_options.free_space = [](const std::string&) -> Expected<uint64_t> { return uint64_t{1} << 40; };
    m_options.notice = [this](std::string_view message) { m_notices.emplace_back(message); };
  }

  DownloadRequest request(const std::string& path = "/model.gguf") const
  {
    DownloadRequest result;
    result.url = m_server.base_url() + path;
    result.destination = (m_dir.path() / "models" / "model.gguf").string();
    result.label = "test-model";
    result.expected_sha256 = m_sha;
    return result;
  }

  std::string destination() const { return (m_dir.path() / "models" / "model.gguf").string(); }

  TempDir m_dir;
  HttpTestServer m_server;
  std::string m_body;
  std::string m_sha;
  DownloadOptions m_options;
  std::vector<std::string> m_notices;
};

TEST_F(DownloadTest, DownloadsVerifiesAndRenamesIntoPlace)
{
  m_server.serve("/model.gguf", HttpRoute{.body = m_body});
  const auto result = download_file(request(), m_options);
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result->sha256, m_sha);
  EXPECT_EQ(result->checksum_source, "pinned");
  EXPECT_EQ(result->bytes, m_body.size());
  EXPECT_EQ(result->attempts, 1);
  EXPECT_EQ(testing::read_file(destination()), m_body);
  EXPECT_FALSE(fs::exists(part_path(destination())));
}

TEST_F(DownloadTest, ReportsProgressUpToTheTotal)
{
  m_server.serve("/model.gguf", HttpRoute{.body = m_body});
  uint64_t last_done = 0;
  uint64_t last_total = 0;
  m_options.progress = [&](uint64_t done, uint64_t total) {
    last_done = done;
    last_total = total;
  };
  ASSERT_TRUE(download_file(request(), m_options));
  EXPECT_EQ(last_done, m_body.size());
  EXPECT_EQ(last_total, m_body.size());
}

TEST_F(DownloadTest, ExistingFileIsNotDownloadedAgain)
{
  m_server.serve("/model.gguf", HttpRoute{.body = m_body});
  m_dir.write("models/model.gguf", "already here");
  const auto result = download_file(request(), m_options);
  ASSERT_TRUE(result);
  EXPECT_TRUE(result->already_present);
  EXPECT_EQ(m_server.request_count(), 0u);
}

TEST_F(DownloadTest, InterruptedDownloadKeepsThePartAndTheNextRunResumesWithRange)
{
  m_server.serve("/model.gguf", HttpRoute{.body = m_body, .drop_after = 50'000});
  m_options.max_attempts = 1;
  const auto first = download_file(request(), m_options);
  ASSERT_FALSE(first);
  EXPECT_NE(first.error().hint.find("resumes"), std::string::npos) << first.error().hint;
  ASSERT_TRUE(fs::exists(part_path(destination())));
  const auto kept = fs::file_size(part_path(destination()));
  EXPECT_GT(kept, 0u);
  EXPECT_LT(kept, m_body.size());
  EXPECT_FALSE(fs::exists(destination()));

  const auto second = download_file(request(), m_options);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->resumed_from, kept);
  const auto requests = m_server.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].headers.count("range"), 0u);
  EXPECT_EQ(requests[1].headers.at("range"), "bytes=" + std::to_string(kept) + "-");
  EXPECT_EQ(testing::read_file(destination()), m_body);
  EXPECT_FALSE(fs::exists(part_path(destination())));
}

TEST_F(DownloadTest, RetriesAfterADroppedConnectionAndResumes)
{
  m_server.serve("/model.gguf", HttpRoute{.body = m_body, .drop_after = 30'000, .drop_times = 2});
  const auto result = download_file(request(), m_options);
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result->attempts, 3);
  EXPECT_EQ(testing::read_file(destination()), m_body);
  const auto requests = m_server.requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_EQ(requests[1].headers.count("range"), 1u);
  EXPECT_EQ(requests[2].headers.count("range"), 1u);
  ASSERT_EQ(m_notices.size(), 2u);
  EXPECT_NE(m_notices[0].find("attempt 2 of 5"), std::string::npos) << m_notices[0];
}

TEST_F(DownloadTest, ServerIgnoringRangeRestartsFromTheBeginning)
{
  m_server.serve("/model.gguf", HttpRoute{.body = m_body, .ranges = false});
  m_dir.write("models/model.gguf.part", m_body.substr(0, 1000));
  const auto result = download_file(request(), m_options);
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(testing::read_file(destination()), m_body);
}

TEST_F(DownloadTest, CompletePartFileIsFinishedWithoutRefetching)
{
  m_server.serve("/model.gguf", HttpRoute{.body = m_body});
  m_dir.write("models/model.gguf.part", m_body);
  const auto result = download_file(request(), m_options);
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(testing::read_file(destination()), m_body);
  EXPECT_EQ(m_server.requests().at(0).headers.at("range"), "bytes=" + std::to_string(m_body.size()) + "-");
}

TEST_F(DownloadTest, WrongChecksumNamesBothAndLeavesNoFile)
{
  GgufTestFile other;
  other.strings.emplace_back("general.description", "not the pinned file");
  m_server.serve("/model.gguf", HttpRoute{.body = other.bytes()});
  const auto result = download_file(request(), m_options);
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("checksum mismatch for test-model"), std::string::npos);
  EXPECT_NE(result.error().message.find("expected sha256 " + m_sha), std::string::npos) << result.error().message;
  EXPECT_NE(result.error().message.find(sha256_hex(other.bytes())), std::string::npos) << result.error().message;
  EXPECT_FALSE(fs::exists(destination()));
  EXPECT_FALSE(fs::exists(part_path(destination())));
}

TEST_F(DownloadTest, ChecksumAnnouncedByTheServerIsUsedWhenNoneIsPinned)
{
  m_server.serve("/model.gguf", HttpRoute{.body = m_body, .headers = {{"X-Linked-Etag", "\"" + m_sha + "\""}}});
  auto unpinned = request();
  unpinned.expected_sha256.clear();
  const auto result = download_file(unpinned, m_options);
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result->checksum_source, "server");
}

TEST_F(DownloadTest, PlainEtagIsNotTakenForAChecksum)
{
  m_server.serve("/model.gguf", HttpRoute{.body = m_body, .headers = {{"ETag", "\"" + std::string(64, 'c') + "\""}}});
  auto unpinned = request();
  unpinned.expected_sha256.clear();
  const auto result = download_file(unpinned, m_options);
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result->checksum_source, "");
}

TEST_F(DownloadTest, ChecksumAnnouncedOnARedirectIsCheckedAgainstTheFinalBody)
{
  const std::string wrong(64, 'a');
  m_server.serve("/resolve/model.gguf",
                 HttpRoute{.status = 302, .headers = {{"Location", "/cdn/model.gguf"}, {"X-Linked-Etag", wrong}}});
  m_server.serve("/cdn/model.gguf", HttpRoute{.body = m_body});
  auto unpinned = request("/resolve/model.gguf");
  unpinned.expected_sha256.clear();
  const auto result = download_file(unpinned, m_options);
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("expected sha256 " + wrong), std::string::npos) << result.error().message;
  EXPECT_EQ(m_server.request_count(), 2u);
}

TEST_F(DownloadTest, WithoutAnyChecksumTheFileIsKeptAndReportedUnverified)
{
  m_server.serve("/model.gguf", HttpRoute{.body = m_body});
  auto unpinned = request();
  unpinned.expected_sha256.clear();
  const auto result = download_file(unpinned, m_options);
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result->checksum_source, "");
  EXPECT_EQ(result->sha256, m_sha);
}

TEST_F(DownloadTest, NonGgufBodyIsRejectedWithWhatItStartsWith)
{
  m_server.serve("/model.gguf", HttpRoute{.body = "<!DOCTYPE html><html>login</html>"});
  auto unpinned = request();
  unpinned.expected_sha256.clear();
  const auto result = download_file(unpinned, m_options);
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("did not send a GGUF model"), std::string::npos);
  EXPECT_NE(result.error().message.find("<!DOCTYPE"), std::string::npos) << result.error().message;
  EXPECT_FALSE(fs::exists(destination()));
}

TEST_F(DownloadTest, NotFoundFailsAtOnceWithTheUrl)
{
  const auto result = download_file(request("/missing.gguf"), m_options);
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("HTTP 404"), std::string::npos) << result.error().message;
  EXPECT_NE(result.error().message.find("/missing.gguf"), std::string::npos);
  EXPECT_NE(result.error().hint.find("mirror"), std::string::npos);
  EXPECT_EQ(m_server.request_count(), 1u);
  EXPECT_FALSE(fs::exists(destination()));
  EXPECT_FALSE(fs::exists(part_path(destination()))) << "no empty .part is left behind";
}

TEST_F(DownloadTest, ServerErrorsAreRetriedAndThenReported)
{
  m_server.serve("/model.gguf", HttpRoute{.body = "busy", .status = 503});
  m_options.max_attempts = 3;
  const auto result = download_file(request(), m_options);
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("HTTP 503"), std::string::npos) << result.error().message;
  EXPECT_NE(result.error().message.find("gave up after 3 attempts"), std::string::npos);
  EXPECT_EQ(m_server.request_count(), 3u);
}

TEST_F(DownloadTest, HangingServerFailsAfterTheStallTimeout)
{
  m_server.serve("/model.gguf", HttpRoute{.hang = true});
  m_options.max_attempts = 2;
  const auto result = download_file(request(), m_options);
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("did not answer in time"), std::string::npos) << result.error().message;
  EXPECT_EQ(m_server.request_count(), 2u);
  EXPECT_FALSE(fs::exists(destination()));
}

TEST_F(DownloadTest, UnreachableServerIsAConnectionError)
{
  std::string url;
  {
    HttpTestServer closed; // its port is free again once it is gone
    url = closed.base_url() + "/model.gguf";
  }
  auto unreachable = request();
  unreachable.url = url;
  m_options.max_attempts = 2;
  const auto result = download_file(unreachable, m_options);
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("cannot download " + url), std::string::npos) << result.error().message;
}

TEST_F(DownloadTest, BearerTokenIsSent)
{
  m_server.serve("/model.gguf", HttpRoute{.body = m_body, .bearer_token = "hf_secret"});
  auto with_token = request();
  with_token.bearer_token = "hf_secret";
  const auto result = download_file(with_token, m_options);
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(m_server.requests().at(0).headers.at("authorization"), "Bearer hf_secret");
}

TEST_F(DownloadTest, MissingTokenForAGatedModelSuggestsHfToken)
{
  m_server.serve("/model.gguf", HttpRoute{.body = m_body, .bearer_token = "hf_secret"});
  const auto result = download_file(request(), m_options);
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("HTTP 401"), std::string::npos);
  EXPECT_NE(result.error().hint.find("HF_TOKEN"), std::string::npos);
  EXPECT_EQ(m_server.requests().at(0).headers.count("authorization"), 0u);
}

TEST_F(DownloadTest, LockHeldByAnotherDownloaderIsReportedWithoutARequest)
{
  m_server.serve("/model.gguf", HttpRoute{.body = m_body});
  fs::create_directories(m_dir.path() / "models");
  auto held = lock_file(lock_path(destination()), std::chrono::milliseconds(0));
  ASSERT_TRUE(held && held->held());
  const auto result = download_file(request(), m_options);
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("another caro process is downloading test-model"), std::string::npos);
  EXPECT_EQ(m_server.request_count(), 0u);
}

TEST_F(DownloadTest, WaitingDownloaderProceedsOnceTheLockIsReleased)
{
  m_server.serve("/model.gguf", HttpRoute{.body = m_body});
  fs::create_directories(m_dir.path() / "models");
  auto held = lock_file(lock_path(destination()), std::chrono::milliseconds(0));
  ASSERT_TRUE(held && held->held());
  std::thread releaser([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    held->release();
  });
  m_options.lock_wait = std::chrono::seconds(30);
  const auto result = download_file(request(), m_options);
  releaser.join();
  ASSERT_TRUE(result) << result.error().message;
  ASSERT_FALSE(m_notices.empty());
  EXPECT_NE(m_notices[0].find("waiting"), std::string::npos);
}

TEST_F(DownloadTest, TwoConcurrentDownloadsFetchTheFileOnce)
{
  m_server.serve("/model.gguf", HttpRoute{.body = m_body, .chunk = 1024});
  m_options.lock_wait = std::chrono::seconds(60);
  std::optional<Expected<DownloadResult>> first;
  std::optional<Expected<DownloadResult>> second;
  std::thread a([&] { first.emplace(download_file(request(), m_options)); });
  std::thread b([&] { second.emplace(download_file(request(), m_options)); });
  a.join();
  b.join();
  ASSERT_TRUE(*first) << first->error().message;
  ASSERT_TRUE(*second) << second->error().message;
  EXPECT_NE((*first)->already_present, (*second)->already_present);
  EXPECT_EQ(m_server.request_count(), 1u);
  EXPECT_EQ(testing::read_file(destination()), m_body);
}

TEST_F(DownloadTest, NotEnoughFreeSpaceBeforeStarting)
{
  m_server.serve("/model.gguf", HttpRoute{.body = m_body});
  m_options.free_space = [](const std::string&) -> Expected<uint64_t> { return uint64_t{1000}; };
  auto sized = request();
  sized.expected_bytes = 145'000'000;
  const auto result = download_file(sized, m_options);
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("not enough free space for test-model"), std::string::npos)
      << result.error().message;
  EXPECT_NE(result.error().message.find("145 MB"), std::string::npos) << result.error().message;
  EXPECT_NE(result.error().message.find("1.0 kB"), std::string::npos) << result.error().message;
  EXPECT_EQ(m_server.request_count(), 0u);
}

TEST_F(DownloadTest, NotEnoughFreeSpaceForTheSizeTheServerAnnounces)
{
  m_server.serve("/model.gguf", HttpRoute{.body = m_body});
  m_options.free_space = [](const std::string&) -> Expected<uint64_t> { return uint64_t{1000}; };
  const auto result = download_file(request(), m_options);
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("not enough free space"), std::string::npos) << result.error().message;
  EXPECT_EQ(m_server.request_count(), 1u);
  EXPECT_FALSE(fs::exists(destination()));
}

TEST_F(DownloadTest, FreeSpaceCheckCountsBytesAlreadyInThePart)
{
  m_server.serve("/model.gguf", HttpRoute{.body = m_body});
  m_dir.write("models/model.gguf.part", m_body.substr(0, m_body.size() - 500));
  m_options.free_space = [](const std::string&) -> Expected<uint64_t> { return uint64_t{1000}; };
  auto sized = request();
  sized.expected_bytes = m_body.size();
  const auto result = download_file(sized, m_options);
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(testing::read_file(destination()), m_body);
}

} // namespace
} // namespace caro::models
