// The SQLite store: records round-trip, the request is stored only as a
// salted hash, history is separate, clearing really deletes, a corrupt file
// is moved aside and replaced, other writers' locks are waited for up to the
// lock patience, and an unwritable directory is an Error (which
// the front end keeps silent) rather than a crash.

#include "caro/telemetry/paths.h"
#include "caro/telemetry/sqlite.h"
#include "caro/telemetry/store.h"
#include "support/caro_process.h"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

namespace caro::telemetry {
namespace {

namespace fs = std::filesystem;
using caro::testing::TempDir;

GenerationRecord sample(std::int64_t timestamp_ms, std::string backend = "static")
{
  GenerationRecord record;
  record.timestamp_ms = timestamp_ms;
  record.backend = std::move(backend);
  record.context_ms = 1.5;
  record.generate_ms = 0.25;
  record.validate_ms = 0.125;
  record.total_ms = 2.0;
  record.success = true;
  record.risk = "safe";
  record.executed = true;
  record.category = "unknown";
  record.request_hash = std::string(64, 'a');
  return record;
}

std::string file_bytes(const fs::path& path)
{
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(TelemetryPaths, UseXdgDataHomeElseHomeLocalShare)
{
  EXPECT_EQ(database_path(fixed_environment({{"XDG_DATA_HOME", "/data"}, {"HOME", "/home/u"}})).value(),
            "/data/caro/telemetry.db");
  EXPECT_EQ(database_path(fixed_environment({{"XDG_DATA_HOME", "relative"}, {"HOME", "/home/u"}})).value(),
            "/home/u/.local/share/caro/telemetry.db");
  EXPECT_EQ(database_path(fixed_environment({{"HOME", "/home/u"}})).value(), "/home/u/.local/share/caro/telemetry.db");
}

TEST(TelemetryStore, RecordsRoundTripInTimeOrder)
{
  TempDir dir;
  const std::string path = (dir.path() / "sub" / "telemetry.db").string();
  auto store = Store::open(path);
  ASSERT_TRUE(store.has_value()) << store.error().message;
  ASSERT_TRUE(store->record(sample(2000, "embedded")).has_value());
  ASSERT_TRUE(store->record(sample(1000)).has_value());
  auto all = store->generations();
  ASSERT_TRUE(all.has_value());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].timestamp_ms, 1000);
  EXPECT_EQ((*all)[1].backend, "embedded");
  EXPECT_DOUBLE_EQ((*all)[0].context_ms, 1.5);
  EXPECT_DOUBLE_EQ((*all)[0].validate_ms, 0.125);
  EXPECT_TRUE((*all)[0].executed);
  EXPECT_EQ((*all)[0].risk, "safe");
  EXPECT_EQ(store->generations(1500)->size(), 1u);
}

TEST(TelemetryStore, FileIsPrivateAndInWalMode)
{
  TempDir dir;
  const fs::path path = dir.path() / "caro" / "telemetry.db";
  ASSERT_TRUE(Store::open(path.string())->record(sample(1)).has_value());
  struct stat info
  {
  };
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  ASSERT_EQ(::stat(path.parent_path().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0700u);
  // The header's read/write version bytes (offsets 18 and 19) are 2 in WAL mode.
  const std::string header = file_bytes(path).substr(0, 20);
  EXPECT_EQ(header[18], 2);
  EXPECT_EQ(header[19], 2);
}

TEST(TelemetryStore, RequestHashIsSaltedPerDatabaseAndStable)
{
  TempDir dir;
  auto first = Store::open((dir.path() / "a.db").string());
  auto second = Store::open((dir.path() / "b.db").string());
  ASSERT_TRUE(first && second);
  const std::string hash = first->hash_request("list files");
  EXPECT_EQ(hash.size(), 64u);
  EXPECT_EQ(hash, first->hash_request("list files"));
  EXPECT_NE(hash, first->hash_request("list file"));
  EXPECT_NE(hash, second->hash_request("list files"));
  // Reopening keeps the salt, so hashes stay comparable across runs.
  auto reopened = Store::open((dir.path() / "a.db").string());
  EXPECT_EQ(reopened->hash_request("list files"), hash);
}

TEST(TelemetryStore, GenerationsNeverHoldRequestTextHistoryDoes)
{
  TempDir dir;
  const fs::path path = dir.path() / "t.db";
  {
    auto store = Store::open(path.string());
    auto record = sample(1);
    record.request_hash = store->hash_request("secret-request-words");
    ASSERT_TRUE(store->record(record).has_value());
  }
  EXPECT_EQ(file_bytes(path).find("secret-request-words"), std::string::npos);
  EXPECT_EQ(file_bytes(path.string() + "-wal").find("secret-request-words"), std::string::npos);

  auto store = Store::open(path.string());
  HistoryEntry entry{5, "find big files", "find . -size +100M", "static", "safe", false};
  ASSERT_TRUE(store->record(sample(5), entry).has_value());
  auto entries = store->history();
  ASSERT_TRUE(entries.has_value());
  ASSERT_EQ(entries->size(), 1u);
  EXPECT_EQ((*entries)[0].request, "find big files");
  EXPECT_EQ((*entries)[0].command, "find . -size +100M");
}

TEST(TelemetryStore, HistoryIsNewestFirstAndLimited)
{
  TempDir dir;
  auto store = Store::open((dir.path() / "t.db").string());
  for (int i = 1; i <= 5; ++i) {
    ASSERT_TRUE(
        store->record(sample(i), HistoryEntry{i, "request " + std::to_string(i), "echo", "static", "safe", false}));
  }
  auto latest = store->history(2);
  ASSERT_EQ(latest->size(), 2u);
  EXPECT_EQ((*latest)[0].request, "request 5");
  EXPECT_EQ((*latest)[1].request, "request 4");
  EXPECT_EQ(store->history()->size(), 5u);
}

TEST(TelemetryStore, ClearDeletesTheRowsFromTheFiles)
{
  TempDir dir;
  const fs::path path = dir.path() / "t.db";
  auto store = Store::open(path.string());
  for (int i = 0; i < 50; ++i) {
    ASSERT_TRUE(store->record(sample(i), HistoryEntry{i, "unforgettable-request", "ls", "static", "safe", false}));
  }
  auto cleared = store->clear_history();
  ASSERT_TRUE(cleared.has_value()) << cleared.error().message;
  EXPECT_EQ(*cleared, 50u);
  EXPECT_TRUE(store->history()->empty());
  EXPECT_EQ(store->generations()->size(), 50u) << "clearing history keeps the generations";
  EXPECT_EQ(file_bytes(path).find("unforgettable-request"), std::string::npos);
  EXPECT_EQ(file_bytes(path.string() + "-wal").find("unforgettable-request"), std::string::npos);

  EXPECT_EQ(store->clear_generations().value(), 50u);
  EXPECT_TRUE(store->generations()->empty());
}

TEST(TelemetryStore, CorruptFileIsMovedAsideAndReplaced)
{
  TempDir dir;
  const fs::path path = dir.path() / "telemetry.db";
  dir.write("telemetry.db", std::string(4096, 'x'));
  OpenReport report;
  auto store = Store::open(path.string(), &report);
  ASSERT_TRUE(store.has_value()) << store.error().message;
  ASSERT_FALSE(report.moved_aside.empty());
  EXPECT_EQ(report.moved_aside.rfind(path.string() + ".corrupt-", 0), 0u) << report.moved_aside;
  EXPECT_EQ(file_bytes(report.moved_aside), std::string(4096, 'x')) << "the damaged file is kept for inspection";
  ASSERT_TRUE(store->record(sample(1)).has_value());
  EXPECT_EQ(store->generations()->size(), 1u);
}

TEST(TelemetryStore, DamagedPagesInAValidHeaderAreMovedAsideToo)
{
  TempDir dir;
  const fs::path path = dir.path() / "telemetry.db";
  {
    auto store = Store::open(path.string());
    for (int i = 0; i < 200; ++i) {
      ASSERT_TRUE(store->record(sample(i)).has_value());
    }
    ASSERT_TRUE(store->checkpoint().has_value());
  }
  // Keep the 100-byte header, overwrite the rest of the first page (the schema).
  std::string bytes = file_bytes(path);
  ASSERT_GT(bytes.size(), 4096u);
  for (std::size_t i = 100; i < 4096; ++i) {
    bytes[i] = static_cast<char>(0xA5);
  }
  fs::remove(path.string() + "-wal");
  fs::remove(path.string() + "-shm");
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  OpenReport report;
  auto store = Store::open(path.string(), &report);
  ASSERT_TRUE(store.has_value()) << store.error().message;
  EXPECT_FALSE(report.moved_aside.empty());
  EXPECT_TRUE(store->generations()->empty());
}

TEST(TelemetryStore, WritersLeaveTheLogAndACheckpointEmptiesIt)
{
  TempDir dir;
  const fs::path path = dir.path() / "t.db";
  {
    auto store = Store::open(path.string());
    ASSERT_TRUE(store->record(sample(1)).has_value());
  }
  EXPECT_GT(fs::file_size(path.string() + "-wal"), 0u) << "no checkpoint (and its fsyncs) when a writer closes";
  auto store = Store::open(path.string());
  EXPECT_EQ(store->generations()->size(), 1u);
  ASSERT_TRUE(store->checkpoint().has_value());
  EXPECT_EQ(fs::file_size(path.string() + "-wal"), 0u);
  EXPECT_EQ(store->generations()->size(), 1u);
}

// Another writer's connection to `path`, in a transaction that holds the
// database's write lock until release() (from any thread) or destruction.
class LockHolder
{
public:
  LockHolder(const fs::path& path, const char* begin)
  {
    auto db = sqlite::Database::open(path.string());
    EXPECT_TRUE(db.has_value()) << db.error().message;
    m_db.emplace(std::move(*db));
    const auto begun = m_db->execute(begin);
    EXPECT_TRUE(begun.has_value()) << begun.error().message;
  }
  LockHolder(const LockHolder&) = delete;
  LockHolder& operator=(const LockHolder&) = delete;
  ~LockHolder() { release(); }
  void release()
  {
    if (m_db) {
      (void)m_db->execute("COMMIT");
      m_db.reset();
    }
  }

private:
  std::optional<sqlite::Database> m_db;
};

TEST(TelemetryStore, OpeningWaitsForTheProcessThatIsCreatingTheDatabase)
{
  TempDir dir;
  const fs::path path = dir.path() / "t.db";
  // The first writer of a new database holds an exclusive lock while it
  // writes the schema; the others must wait for it, not give up.
  LockHolder creator(path, "BEGIN EXCLUSIVE; CREATE TABLE created_first (x);");
  std::thread release_later([&creator] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    creator.release();
  });
  auto store = Store::open(path.string(), nullptr, std::chrono::seconds(20));
  release_later.join();
  ASSERT_TRUE(store.has_value()) << store.error().message;
  ASSERT_TRUE(store->record(sample(1)).has_value());
  EXPECT_EQ(store->generations()->size(), 1u);
}

TEST(TelemetryStore, WritingWaitsForAnotherWritersTransaction)
{
  TempDir dir;
  const fs::path path = dir.path() / "t.db";
  auto store = Store::open(path.string(), nullptr, std::chrono::seconds(20));
  ASSERT_TRUE(store.has_value()) << store.error().message;
  LockHolder writer(path, "BEGIN IMMEDIATE; INSERT INTO meta (key, value) VALUES ('other', 'writer');");
  std::thread release_later([&writer] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    writer.release();
  });
  const auto written = store->record(sample(1));
  release_later.join();
  ASSERT_TRUE(written.has_value()) << written.error().message;
  EXPECT_EQ(store->generations()->size(), 1u);
}

TEST(TelemetryStore, LockHeldLongerThanThePatienceIsAnErrorThatSaysSo)
{
  TempDir dir;
  const fs::path path = dir.path() / "t.db";
  auto store = Store::open(path.string(), nullptr, std::chrono::milliseconds(200));
  ASSERT_TRUE(store.has_value()) << store.error().message;
  const LockHolder writer(path, "BEGIN IMMEDIATE; INSERT INTO meta (key, value) VALUES ('other', 'writer');");
  const auto written = store->record(sample(1));
  ASSERT_FALSE(written.has_value());
  EXPECT_NE(written.error().message.find(path.string()), std::string::npos) << written.error().message;
  EXPECT_NE(written.error().message.find("locked"), std::string::npos) << written.error().message;
  EXPECT_NE(written.error().message.find("more than 200 ms"), std::string::npos) << written.error().message;

  const fs::path fresh = dir.path() / "fresh.db";
  const LockHolder creator(fresh, "BEGIN EXCLUSIVE; CREATE TABLE created_first (x);");
  const auto opened = Store::open(fresh.string(), nullptr, std::chrono::milliseconds(200));
  ASSERT_FALSE(opened.has_value());
  EXPECT_NE(opened.error().message.find("cannot open the telemetry database " + fresh.string()), std::string::npos)
      << opened.error().message;
  EXPECT_NE(opened.error().message.find("more than 200 ms"), std::string::npos) << opened.error().message;
}

TEST(TelemetryStore, UnwritableDirectoryIsAnErrorNotACrash)
{
  if (::geteuid() == 0) {
    GTEST_SKIP() << "root can write anywhere";
  }
  TempDir dir;
  const fs::path locked = dir.path() / "locked";
  fs::create_directories(locked);
  fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
  auto store = Store::open((locked / "caro" / "telemetry.db").string());
  EXPECT_FALSE(store.has_value());
  fs::permissions(locked, fs::perms::owner_all);
}

TEST(TelemetryStore, DirectoryThatIsAFileIsAnErrorNotACrash)
{
  // Works as root too, unlike permissions: nothing can be created below a file.
  TempDir dir;
  dir.write("caro", "not a directory");
  auto store = Store::open((dir.path() / "caro" / "telemetry.db").string());
  ASSERT_FALSE(store.has_value());
  EXPECT_NE(store.error().message.find("caro"), std::string::npos);
}

} // namespace
} // namespace caro::telemetry
