// End-to-end tests of opt-in telemetry with the real binary, each in its own
// HOME and XDG directories: off by default (no database at all), recording
// when turned on, never the request text unless history is on, `caro stats`
// in its three formats, --clear, 50 caro processes writing at once, a corrupt
// database replaced with a warning, an unwritable data directory that never
// breaks generation, and the first-run question on a terminal.

#include "support/caro_process.h"
#include "support/patience.h"
#include "support/pty_session.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <future>
#include <regex>
#include <set>
#include <sstream>
#include <vector>

namespace caro::testing {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

class Telemetry : public ::testing::Test
{
protected:
  TempDir home;

  fs::path database() const { return home.path() / ".local/share/caro/telemetry.db"; }
  fs::path config_file() const { return home.path() / ".config/caro/config.toml"; }

  util::ProcessOutput caro(std::vector<std::string> args, std::map<std::string, std::string> env = {}) const
  {
    return run_caro(home, CaroRun{std::move(args), std::move(env), "", ""});
  }

  void turn_on(bool history = false) const
  {
    ASSERT_EQ(caro({"config", "set", "telemetry", "true"}).exit_status, 0);
    if (history) {
      ASSERT_EQ(caro({"config", "set", "history", "true"}).exit_status, 0);
    }
  }

  nlohmann::json stats_json(std::vector<std::string> extra = {}) const
  {
    std::vector<std::string> args{"stats", "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto result = caro(args);
    EXPECT_EQ(result.exit_status, 0) << result.err;
    return nlohmann::json::parse(result.out);
  }

  std::string database_bytes() const
  {
    std::string all;
    for (const auto& suffix : {"", "-wal"}) {
      std::ifstream in(database().string() + suffix, std::ios::binary);
      all.append(std::istreambuf_iterator<char>(in), {});
    }
    return all;
  }
};

TEST_F(Telemetry, OffByDefaultCreatesNoDatabase)
{
  const auto result = caro({"-b", "static", "list", "files"});
  ASSERT_EQ(result.exit_status, 0) << result.err;
  EXPECT_FALSE(fs::exists(database()));
  EXPECT_FALSE(fs::exists(database().parent_path()));
  const auto stats = caro({"stats"});
  EXPECT_EQ(stats.exit_status, 0);
  EXPECT_EQ(stats.out, "0 generations in all\n");
  EXPECT_NE(stats.err.find("telemetry is off"), std::string::npos);
  EXPECT_FALSE(fs::exists(database())) << "reading stats must not create a database";
}

TEST_F(Telemetry, RecordsEachGenerationWithBackendRiskAndStages)
{
  turn_on();
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(caro({"-b", "static", "list", "files"}).exit_status, 0);
  }
  EXPECT_EQ(caro({"-b", "static", "xyzzy", "plugh", "frobnicate"}).exit_status, 3);
  const auto doc = stats_json();
  EXPECT_EQ(doc["count"], 4);
  ASSERT_EQ(doc["backends"].size(), 1u);
  const auto& backend = doc["backends"][0];
  EXPECT_EQ(backend["backend"], "static");
  EXPECT_EQ(backend["count"], 4);
  EXPECT_EQ(backend["errors"], 1);
  EXPECT_DOUBLE_EQ(backend["error_rate"].get<double>(), 0.25);
  EXPECT_GT(backend["latency_ms"]["p50"].get<double>(), 0.0);
  EXPECT_GT(backend["stages_ms"]["generate"]["max"].get<double>(), 0.0);
  EXPECT_GE(backend["latency_ms"]["max"].get<double>(), backend["latency_ms"]["p99"].get<double>());
}

TEST_F(Telemetry, NeverStoresTheRequestOrCommandTextWithoutHistory)
{
  turn_on();
  ASSERT_EQ(caro({"-b", "static", "find", "files", "named", "quokkaquokka.txt"}).exit_status, 0);
  ASSERT_TRUE(fs::exists(database()));
  const std::string bytes = database_bytes();
  EXPECT_EQ(bytes.find("quokkaquokka"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(caro({"history", "-o", "json"}).out).size(), 0u);
  const auto history = caro({"history"});
  EXPECT_EQ(history.out, "");
  EXPECT_NE(history.err.find("history is not being kept"), std::string::npos) << history.err;
}

TEST_F(Telemetry, HistoryKeepsRequestsAndCommandsNewestFirstAndClears)
{
  turn_on(true);
  ASSERT_EQ(caro({"-b", "static", "list", "files"}).exit_status, 0);
  ASSERT_EQ(caro({"-b", "static", "find", "files", "named", "quokka.txt"}).exit_status, 0);
  auto history = nlohmann::json::parse(caro({"history", "-o", "json"}).out);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0]["request"], "find files named quokka.txt");
  EXPECT_NE(history[0]["command"].get<std::string>().find("quokka.txt"), std::string::npos);
  EXPECT_EQ(history[1]["request"], "list files");
  EXPECT_EQ(nlohmann::json::parse(caro({"history", "--limit", "1", "-o", "json"}).out).size(), 1u);
  const auto plain = caro({"history"});
  EXPECT_NE(plain.out.find("find files named quokka.txt"), std::string::npos);

  const auto cleared = caro({"history", "--clear"});
  EXPECT_EQ(cleared.exit_status, 0);
  EXPECT_NE(cleared.err.find("deleted 2 history entries"), std::string::npos) << cleared.err;
  EXPECT_EQ(nlohmann::json::parse(caro({"history", "-o", "json"}).out).size(), 0u);
  EXPECT_EQ(database_bytes().find("quokka"), std::string::npos) << "clear must remove the text from the files";
  EXPECT_EQ(stats_json()["count"], 2) << "clearing history keeps the statistics";
}

TEST_F(Telemetry, StatsClearDeletesEveryRecord)
{
  turn_on();
  ASSERT_EQ(caro({"-b", "static", "list", "files"}).exit_status, 0);
  const auto cleared = caro({"stats", "--clear"});
  EXPECT_EQ(cleared.exit_status, 0);
  EXPECT_NE(cleared.err.find("deleted 1 generation record"), std::string::npos) << cleared.err;
  EXPECT_EQ(stats_json()["count"], 0);
}

TEST_F(Telemetry, StatsSinceKeepsOnlyRecentRecordsAndRejectsBadPeriods)
{
  turn_on();
  ASSERT_EQ(caro({"-b", "static", "list", "files"}).exit_status, 0);
  EXPECT_EQ(stats_json({"--since", "24h"})["count"], 1);
  EXPECT_EQ(stats_json({"--since", "30m"})["period"], "30m");
  const auto bad = caro({"stats", "--since", "yesterday"});
  EXPECT_EQ(bad.exit_status, 2);
  EXPECT_NE(bad.err.find("invalid period \"yesterday\""), std::string::npos) << bad.err;
  const auto bad_format = caro({"stats", "--format", "xml"});
  EXPECT_EQ(bad_format.exit_status, 2);
}

TEST_F(Telemetry, PrometheusFormatIsTheTextExpositionFormat)
{
  turn_on();
  ASSERT_EQ(caro({"-b", "static", "list", "files"}).exit_status, 0);
  const auto result = caro({"stats", "--format", "prometheus"});
  ASSERT_EQ(result.exit_status, 0);
  EXPECT_NE(result.out.find("# TYPE caro_generation_latency_seconds summary\n"), std::string::npos);
  EXPECT_NE(result.out.find("caro_generation_latency_seconds_count{backend=\"static\"} 1\n"), std::string::npos);
  EXPECT_NE(result.out.find("caro_generations_total{backend=\"static\"} 1\n"), std::string::npos);
  const std::regex sample(R"(caro_[a-z_]+\{backend="[a-z]+"(,quantile="0\.[0-9]+")?\} [0-9.e+-]+)");
  std::istringstream lines(result.out);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("# ", 0) != 0) {
      EXPECT_TRUE(std::regex_match(line, sample)) << line;
    }
  }
}

TEST_F(Telemetry, TableOnAPipeIsPlainAscii)
{
  turn_on();
  ASSERT_EQ(caro({"-b", "static", "list", "files"}).exit_status, 0);
  const auto result = caro({"stats"}, {{"LANG", "C.UTF-8"}});
  ASSERT_EQ(result.exit_status, 0);
  EXPECT_NE(result.out.find("1 generation in all"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("static"), std::string::npos);
  EXPECT_NE(result.out.find('#'), std::string::npos);
  for (const char c : result.out) {
    ASSERT_LT(static_cast<unsigned char>(c), 0x80) << result.out;
  }
}

TEST_F(Telemetry, FiftyConcurrentProcessesLoseNoRecord)
{
  turn_on(true);
  constexpr int k_processes = 50;
  std::vector<std::future<util::ProcessOutput>> runs;
  for (int i = 0; i < k_processes; ++i) {
    runs.push_back(std::async(std::launch::async, [this, i] {
      return run_caro(
          home, CaroRun{{"-b", "static", "find", "files", "named", "f" + std::to_string(i) + ".txt"}, {}, "", ""});
    }));
  }
  for (auto& run : runs) {
    const auto result = run.get();
    EXPECT_EQ(result.exit_status, 0) << result.err;
    EXPECT_TRUE(result.err.empty()) << result.err;
  }
  const auto doc = stats_json();
  EXPECT_EQ(doc["count"], k_processes);
  EXPECT_EQ(doc["backends"][0]["errors"], 0);
  // Every process's own entry is there, not just the right number of rows.
  const auto history = nlohmann::json::parse(caro({"history", "--limit", "0", "-o", "json"}).out);
  std::set<std::string> requests;
  for (const auto& entry : history) {
    requests.insert(entry["request"].get<std::string>());
  }
  ASSERT_EQ(requests.size(), static_cast<std::size_t>(k_processes));
  for (int i = 0; i < k_processes; ++i) {
    EXPECT_TRUE(requests.contains("find files named f" + std::to_string(i) + ".txt")) << i;
  }
  const auto check = util::capture({"sqlite3", database().string(), "PRAGMA integrity_check"});
  if (check) {
    EXPECT_EQ(check->out, "ok\n");
  }
}

TEST_F(Telemetry, CorruptDatabaseIsMovedAsideWithAWarning)
{
  turn_on();
  home.write(".local/share/caro/telemetry.db", std::string(8192, 'z'));
  const auto result = caro({"-b", "static", "list", "files"});
  EXPECT_EQ(result.exit_status, 0);
  EXPECT_EQ(result.out, "ls\n");
  EXPECT_NE(result.err.find("caro: warning: the telemetry database"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("was damaged"), std::string::npos) << result.err;
  int moved = 0;
  for (const auto& entry : fs::directory_iterator(database().parent_path())) {
    if (entry.path().filename().string().rfind("telemetry.db.corrupt-", 0) == 0 &&
        entry.path().filename().string().find("-wal") == std::string::npos) {
      ++moved;
      EXPECT_EQ(read_file(entry.path()), std::string(8192, 'z'));
    }
  }
  EXPECT_EQ(moved, 1);
  EXPECT_EQ(stats_json()["count"], 1);
}

TEST_F(Telemetry, UnusableDataDirectoryNeverBreaksGenerationAndIsSilentWithoutVerbose)
{
  turn_on();
  // A file where the data directory should be: nothing can be created in it,
  // even by root (for whom a read-only directory is no obstacle).
  home.write("blocked", "a file, not a directory");
  const std::map<std::string, std::string> env{{"XDG_DATA_HOME", (home.path() / "blocked").string()}};
  const auto quiet = caro({"-b", "static", "list", "files"}, env);
  EXPECT_EQ(quiet.exit_status, 0);
  EXPECT_EQ(quiet.out, "ls\n");
  EXPECT_EQ(quiet.err, "");
  const auto verbose = caro({"-v", "-b", "static", "list", "files"}, env);
  EXPECT_EQ(verbose.exit_status, 0);
  EXPECT_EQ(verbose.out, "ls\n");
  EXPECT_NE(verbose.err.find("telemetry: "), std::string::npos) << verbose.err;
}

TEST_F(Telemetry, DatabaseThatIsADirectoryNeverBreaksGeneration)
{
  turn_on();
  fs::create_directories(database());
  const auto result = caro({"-b", "static", "list", "files"});
  EXPECT_EQ(result.exit_status, 0);
  EXPECT_EQ(result.out, "ls\n");
}

TEST_F(Telemetry, VerbosePrintsStageTimings)
{
  const auto result = caro({"-v", "-b", "static", "list", "files"});
  ASSERT_EQ(result.exit_status, 0);
  const std::regex timings(
      R"(caro: timings: context [0-9.]+ ms, generate [0-9.]+ ms, validate [0-9.]+ ms, total [0-9.]+ ms)");
  EXPECT_TRUE(std::regex_search(result.err, timings)) << result.err;
}

class FirstRunQuestion : public Telemetry
{
protected:
  std::unique_ptr<PtySession> start(std::vector<std::string> args)
  {
    std::vector<std::string> argv{CARO_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return std::make_unique<PtySession>(argv, caro_environment(home, {{"TERM", "xterm"}}), home.path().string());
  }
};

constexpr std::string_view k_question = "Turn this on? [y/N]";

TEST_F(FirstRunQuestion, YesTurnsTelemetryOnAndIsAskedOnce)
{
  auto first = start({"-b", "static", "--dry-run", "list", "files"});
  ASSERT_TRUE(first->expect(k_question, k_patience)) << first->output();
  first->send("y");
  EXPECT_EQ(first->wait_exit(k_patience), 0) << first->output();
  EXPECT_NE(read_file(config_file()).find("telemetry = true"), std::string::npos);
  EXPECT_EQ(stats_json()["count"], 1);

  auto second = start({"-b", "static", "--dry-run", "list", "files"});
  EXPECT_EQ(second->wait_exit(k_patience), 0);
  EXPECT_EQ(second->output().find(k_question), std::string::npos) << second->output();
  EXPECT_EQ(stats_json()["count"], 2);
}

TEST_F(FirstRunQuestion, EnterMeansNoAndIsRemembered)
{
  auto first = start({"-b", "static", "--dry-run", "list", "files"});
  ASSERT_TRUE(first->expect(k_question, k_patience)) << first->output();
  first->send("\r");
  EXPECT_EQ(first->wait_exit(k_patience), 0);
  EXPECT_NE(read_file(config_file()).find("telemetry = false"), std::string::npos);
  EXPECT_FALSE(fs::exists(database()));
  auto second = start({"-b", "static", "--dry-run", "list", "files"});
  EXPECT_EQ(second->wait_exit(k_patience), 0);
  EXPECT_EQ(second->output().find(k_question), std::string::npos);
}

TEST_F(FirstRunQuestion, NotAskedInJsonModeOrWithoutATerminal)
{
  auto json = start({"-b", "static", "-o", "json", "list", "files"});
  EXPECT_EQ(json->wait_exit(k_patience), 0);
  EXPECT_EQ(json->output().find(k_question), std::string::npos);
  const auto piped = caro({"-b", "static", "list", "files"});
  EXPECT_EQ(piped.err.find("[y/N]"), std::string::npos);
  EXPECT_FALSE(fs::exists(config_file()));
}

} // namespace
} // namespace caro::testing
