#pragma once

// The telemetry database: one SQLite file shared by every caro process of a
// user. WAL mode and waiting for locks let many processes write at once; each
// record is one short BEGIN IMMEDIATE transaction. A file that SQLite finds
// corrupt (or that is not a database at all) is renamed to
// "<file>.corrupt-<UTC time>" and a fresh database takes its place, with a
// warning, so a damaged file never stops caro.
//
// Schema (user_version 1): generations (one row per GenerationRecord),
// history (request and command text, only written when history is on) and
// meta (the per-database salt for request hashes).

#include "caro/telemetry/record.h"
#include "caro/util/expected.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caro::telemetry {

struct OpenReport
{
  std::string moved_aside; // the path a corrupt file was renamed to; empty when none was
};

// How long opening the database, and then each record, waits in all for
// other processes' locks before giving up. Generous, because the wait comes
// after the command has been shown: one caro process stalled inside its
// transaction (a loaded machine, a slow disk) must not cost the others
// their records.
inline constexpr std::chrono::milliseconds k_default_lock_patience{30000};

class Store
{
public:
  // Opens the database at `path`, creating it and its directory (mode 0700)
  // when missing. `report`, when given, says whether a corrupt file was
  // moved aside. `lock_patience` bounds every wait for another process's
  // lock, here and in record().
  static Expected<Store> open(const std::string& path, OpenReport* report = nullptr,
                              std::chrono::milliseconds lock_patience = k_default_lock_patience);

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  ~Store();

  // Hex sha256 of this database's random salt followed by the request, so
  // equal requests can be counted without the text being guessable from a
  // list of common requests.
  std::string hash_request(std::string_view request) const;

  // Appends one generation, and its history entry when given, in one transaction.
  Expected<void> record(const GenerationRecord& record, const std::optional<HistoryEntry>& history = std::nullopt);

  // Generations at or after `since_ms` (Unix ms; nullopt: all), oldest first.
  Expected<std::vector<GenerationRecord>> generations(std::optional<std::int64_t> since_ms = std::nullopt);
  // History entries, newest first; `limit` 0 means all.
  Expected<std::vector<HistoryEntry>> history(std::size_t limit = 0);

  // Delete every generation (or history entry), then VACUUM and truncate the
  // write-ahead log so the deleted rows are gone from the files too. Return
  // how many rows were deleted.
  Expected<std::size_t> clear_generations();
  Expected<std::size_t> clear_history();

  // Moves the write-ahead log into the database file and empties it. Writers
  // leave the log in place when they close (one fsync-free row per process);
  // SQLite checkpoints on its own every 1000 pages, and this does it now.
  Expected<void> checkpoint();

private:
  struct State;
  explicit Store(std::unique_ptr<State> state);
  std::unique_ptr<State> m_state;
};

} // namespace caro::telemetry
