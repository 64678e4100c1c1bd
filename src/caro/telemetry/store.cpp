// The telemetry database (see store.h). Opening does the minimum for a
// writer that runs once per caro process: pragmas, and the schema only when
// user_version says it is missing. Corruption is detected by SQLite's own
// result codes on open, on the schema check and on a write, not by a full
// integrity check, which would read the whole file every time.

#include "caro/telemetry/store.h"

#include "caro/models/sha256.h"
#include "caro/telemetry/sqlite.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <limits>
#include <thread>

namespace caro::telemetry {
namespace {

constexpr int k_schema_version = 1;
// The pause before trying again when SQLite returns "locked" without waiting
// (it does so where waiting could deadlock).
constexpr std::chrono::milliseconds k_retry_pause{10};

constexpr std::string_view k_schema = R"sql(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS generations (
  id INTEGER PRIMARY KEY,
  timestamp_ms INTEGER NOT NULL,
  backend TEXT NOT NULL,
  context_ms REAL NOT NULL,
  generate_ms REAL NOT NULL,
  validate_ms REAL NOT NULL,
  total_ms REAL NOT NULL,
  success INTEGER NOT NULL,
  risk TEXT NOT NULL,
  executed INTEGER NOT NULL,
  category TEXT NOT NULL,
  request_hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS generations_by_time ON generations (timestamp_ms);
CREATE TABLE IF NOT EXISTS history (
  id INTEGER PRIMARY KEY,
  timestamp_ms INTEGER NOT NULL,
  request TEXT NOT NULL,
  command TEXT NOT NULL,
  backend TEXT NOT NULL,
  risk TEXT NOT NULL,
  executed INTEGER NOT NULL
);
INSERT OR IGNORE INTO meta (key, value) VALUES ('salt', lower(hex(randomblob(16))));
PRAGMA user_version = 1;
)sql";

std::string errno_text()
{
  return std::strerror(errno);
}

// A closed file descriptor on scope exit.
class FileDescriptor
{
public:
  explicit FileDescriptor(int fd) : m_fd(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor()
  {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
  }
  int get() const { return m_fd; }

private:
  int m_fd;
};

Expected<void> make_directory(const std::string& path)
{
  const auto directory = std::filesystem::path(path).parent_path();
  std::error_code error;
  if (std::filesystem::is_directory(directory, error)) {
    return {};
  }
  std::filesystem::create_directories(directory, error);
  if (error) {
    return unexpected("cannot create " + directory.string() + ": " + error.message());
  }
  ::chmod(directory.c_str(), 0700);
  return {};
}

// Creates the file with mode 0600 before SQLite does (SQLite would use
// 0644), since with history on it holds what the user typed.
Expected<void> create_private_file(const std::string& path)
{
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    return unexpected("cannot create " + path + ": " + errno_text());
  }
  ::close(fd);
  return {};
}

std::string utc_stamp()
{
  const std::time_t now = std::time(nullptr);
  std::tm parts{};
  ::gmtime_r(&now, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y%m%dT%H%M%SZ", &parts);
  return text;
}

// Renames a corrupt database (and its -wal and -shm files, which belong to
// it and must not be replayed into the new one) out of the way. A lock file
// serialises processes that find the same damage at once, and the inode
// check stops one of them from moving aside the fresh database another one
// has just created.
Expected<std::string> move_aside(const std::string& path, ino_t corrupt_inode)
{
  const FileDescriptor lock(::open((path + ".recover-lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600));
  if (lock.get() >= 0) {
    ::flock(lock.get(), LOCK_EX);
  }
  struct stat info
  {
  };
  if (::stat(path.c_str(), &info) != 0 || info.st_ino != corrupt_inode) {
    return std::string(); // someone else has already replaced it
  }
  std::string target = path + ".corrupt-" + utc_stamp();
  for (int n = 1; std::filesystem::exists(target) && n < 100; ++n) {
    target = path + ".corrupt-" + utc_stamp() + "." + std::to_string(n);
  }
  if (::rename(path.c_str(), target.c_str()) != 0) {
    return unexpected("cannot move the corrupt " + path + " aside: " + errno_text());
  }
  for (const char* suffix : {"-wal", "-shm"}) {
    const std::string companion = path + suffix;
    if (::access(companion.c_str(), F_OK) == 0) {
      ::rename(companion.c_str(), (target + suffix).c_str());
    }
  }
  return target;
}

ino_t inode_of(const std::string& path)
{
  struct stat info
  {
  };
  return ::stat(path.c_str(), &info) == 0 ? info.st_ino : 0;
}

// A deadline for waiting on other processes' locks. SQLite's busy handler
// waits inside each statement for the time that is left; what it does not
// wait for is retried by the caller until the deadline.
class LockPatience
{
public:
  explicit LockPatience(std::chrono::milliseconds patience)
      : m_patience(patience), m_deadline(std::chrono::steady_clock::now() + patience)
  {
  }

  // At least 1, so that every attempt still gets a moment's wait.
  int remaining_ms() const
  {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(m_deadline - std::chrono::steady_clock::now());
    return static_cast<int>(
        std::clamp<std::chrono::milliseconds::rep>(left.count(), 1, std::numeric_limits<int>::max()));
  }

  // True when `error` is another process's lock and there is time to try again.
  bool retry_after(const Error& error) const
  {
    if (!sqlite::is_busy(error) || std::chrono::steady_clock::now() + k_retry_pause >= m_deadline) {
      return false;
    }
    std::this_thread::sleep_for(k_retry_pause);
    return true;
  }

  // The end of an error message for a lock that outlasted the patience.
  std::string gave_up(const Error& error) const
  {
    if (!sqlite::is_busy(error)) {
      return error.message;
    }
    const auto ms = m_patience.count();
    return error.message + "; another process held it for more than " +
           (ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms");
  }

private:
  std::chrono::milliseconds m_patience;
  std::chrono::steady_clock::time_point m_deadline;
};

// Opens and prepares the database once; a corruption error is returned as
// such so the caller can move the file aside and try again.
Expected<sqlite::Database> open_prepared_once(const std::string& path, std::string& salt, const LockPatience& patience)
{
  auto db = sqlite::Database::open(path);
  if (!db) {
    return db;
  }
  db->set_busy_timeout(patience.remaining_ms());
  // A caro process writes one row and exits: checkpointing on every close
  // would cost several fsyncs per run. SQLite's automatic checkpoint (every
  // 1000 pages of log) still moves the log into the database regularly.
  db->keep_wal_on_close();
  // WAL lets readers and the one writer of the moment proceed together;
  // synchronous=NORMAL is durable across application crashes in WAL mode and
  // spares an fsync per record.
  if (auto wal = db->execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"); !wal) {
    return unexpected(wal.error());
  }
  auto version = db->prepare("PRAGMA user_version");
  if (!version) {
    return unexpected(version.error());
  }
  auto row = version->step();
  if (!row) {
    return unexpected(row.error());
  }
  const auto current = *row ? version->column_int(0) : 0;
  version->reset();
  if (current < k_schema_version) {
    if (auto created = db->execute("BEGIN IMMEDIATE;" + std::string(k_schema) + "COMMIT;"); !created) {
      (void)db->execute("ROLLBACK");
      return unexpected(created.error());
    }
  }
  auto select = db->prepare("SELECT value FROM meta WHERE key = 'salt'");
  if (!select) {
    return unexpected(select.error());
  }
  auto found = select->step();
  if (!found) {
    return unexpected(found.error());
  }
  salt = *found ? select->column_text(0) : std::string();
  return db;
}

// open_prepared_once, tried again while another process holds a lock that
// SQLite did not wait out (the first process creating the database, or one
// stalled inside its transaction).
Expected<sqlite::Database> open_prepared(const std::string& path, std::string& salt, const LockPatience& patience)
{
  while (true) {
    auto db = open_prepared_once(path, salt, patience);
    if (db || !patience.retry_after(db.error())) {
      return db;
    }
  }
}

std::int64_t bool_value(bool value)
{
  return value ? 1 : 0;
}

} // namespace

struct Store::State
{
  std::string path;
  sqlite::Database db;
  std::string salt;
  std::chrono::milliseconds lock_patience;
};

Store::Store(std::unique_ptr<State> state) : m_state(std::move(state))
{
}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Expected<Store> Store::open(const std::string& path, OpenReport* report, std::chrono::milliseconds lock_patience)
{
  const LockPatience patience(lock_patience);
  if (auto made = make_directory(path); !made) {
    return unexpected(made.error());
  }
  if (::access(path.c_str(), F_OK) != 0) {
    if (auto created = create_private_file(path); !created) {
      return unexpected(created.error());
    }
  }
  const ino_t inode = inode_of(path);
  std::string salt;
  auto db = open_prepared(path, salt, patience);
  if (!db && sqlite::is_corruption(db.error())) {
    auto moved = move_aside(path, inode);
    if (!moved) {
      return unexpected(moved.error());
    }
    if (report != nullptr) {
      report->moved_aside = *moved;
    }
    if (::access(path.c_str(), F_OK) != 0) {
      if (auto created = create_private_file(path); !created) {
        return unexpected(created.error());
      }
    }
    db = open_prepared(path, salt, patience);
  }
  if (!db) {
    return unexpected("cannot open the telemetry database " + path + ": " + patience.gave_up(db.error()));
  }
  auto state = std::make_unique<State>(State{path, std::move(*db), std::move(salt), lock_patience});
  return Store(std::move(state));
}

std::string Store::hash_request(std::string_view request) const
{
  models::Sha256 hasher;
  hasher.update(m_state->salt);
  hasher.update("\n");
  hasher.update(request);
  return hasher.finish_hex();
}

Expected<void> Store::record(const GenerationRecord& record, const std::optional<HistoryEntry>& history)
{
  auto& db = m_state->db;
  auto insert = db.prepare("INSERT INTO generations (timestamp_ms, backend, context_ms, generate_ms, validate_ms, "
                           "total_ms, success, risk, executed, category, request_hash) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!insert) {
    return unexpected(insert.error());
  }
  std::optional<sqlite::Statement> insert_history;
  if (history) {
    auto prepared = db.prepare("INSERT INTO history (timestamp_ms, request, command, backend, risk, executed) "
                               "VALUES (?, ?, ?, ?, ?, ?)");
    if (!prepared) {
      return unexpected(prepared.error());
    }
    insert_history.emplace(std::move(*prepared));
  }

  const LockPatience patience(m_state->lock_patience);
  Expected<void> written;
  while (true) {
    db.set_busy_timeout(patience.remaining_ms());
    written = db.execute("BEGIN IMMEDIATE");
    if (written) {
      insert->bind(1, record.timestamp_ms);
      insert->bind(2, std::string_view(record.backend));
      insert->bind(3, record.context_ms);
      insert->bind(4, record.generate_ms);
      insert->bind(5, record.validate_ms);
      insert->bind(6, record.total_ms);
      insert->bind(7, bool_value(record.success));
      insert->bind(8, std::string_view(record.risk));
      insert->bind(9, bool_value(record.executed));
      insert->bind(10, std::string_view(record.category));
      insert->bind(11, std::string_view(record.request_hash));
      written = insert->run();
    }
    if (written && insert_history) {
      insert_history->bind(1, history->timestamp_ms);
      insert_history->bind(2, std::string_view(history->request));
      insert_history->bind(3, std::string_view(history->command));
      insert_history->bind(4, std::string_view(history->backend));
      insert_history->bind(5, std::string_view(history->risk));
      insert_history->bind(6, bool_value(history->executed));
      written = insert_history->run();
    }
    if (written) {
      written = db.execute("COMMIT");
    }
    if (written) {
      return {};
    }
    (void)db.execute("ROLLBACK");
    if (!patience.retry_after(written.error())) {
      break;
    }
  }
  return unexpected("cannot write to the telemetry database " + m_state->path + ": " +
                    patience.gave_up(written.error()));
}

namespace {

// Steps `select` to its end, turning each row into a T with `read`.
template<typename T, typename Read> Expected<std::vector<T>> read_rows(sqlite::Statement& select, Read read)
{
  std::vector<T> rows;
  while (true) {
    auto row = select.step();
    if (!row) {
      return unexpected(row.error());
    }
    if (!*row) {
      return rows;
    }
    rows.push_back(read(select));
  }
}

} // namespace

Expected<std::vector<GenerationRecord>> Store::generations(std::optional<std::int64_t> since_ms)
{
  auto select = m_state->db.prepare("SELECT timestamp_ms, backend, context_ms, generate_ms, validate_ms, total_ms, "
                                    "success, risk, executed, category, request_hash FROM generations "
                                    "WHERE timestamp_ms >= ? ORDER BY timestamp_ms, id");
  if (!select) {
    return unexpected(select.error());
  }
  select->bind(1, since_ms.value_or(std::numeric_limits<std::int64_t>::min()));
  return read_rows<GenerationRecord>(*select, [](const sqlite::Statement& row) {
    GenerationRecord record;
    record.timestamp_ms = row.column_int(0);
    record.backend = row.column_text(1);
    record.context_ms = row.column_double(2);
    record.generate_ms = row.column_double(3);
    record.validate_ms = row.column_double(4);
    record.total_ms = row.column_double(5);
    record.success = row.column_int(6) != 0;
    record.risk = row.column_text(7);
    record.executed = row.column_int(8) != 0;
    record.category = row.column_text(9);
    record.request_hash = row.column_text(10);
    return record;
  });
}

Expected<std::vector<HistoryEntry>> Store::history(std::size_t limit)
{
  auto select = m_state->db.prepare("SELECT timestamp_ms, request, command, backend, risk, executed FROM history "
                                    "ORDER BY timestamp_ms DESC, id DESC LIMIT ?");
  if (!select) {
    return unexpected(select.error());
  }
  select->bind(1, limit == 0 ? std::int64_t{-1} : static_cast<std::int64_t>(limit));
  return read_rows<HistoryEntry>(*select, [](const sqlite::Statement& row) {
    HistoryEntry entry;
    entry.timestamp_ms = row.column_int(0);
    entry.request = row.column_text(1);
    entry.command = row.column_text(2);
    entry.backend = row.column_text(3);
    entry.risk = row.column_text(4);
    entry.executed = row.column_int(5) != 0;
    return entry;
  });
}

namespace {

Expected<std::size_t> clear_table(sqlite::Database& db, std::string_view table)
{
  if (auto deleted = db.execute("DELETE FROM " + std::string(table)); !deleted) {
    return unexpected(deleted.error());
  }
  const auto count = static_cast<std::size_t>(db.changes());
  // VACUUM rewrites the file without the freed pages; the checkpoint then
  // empties the write-ahead log, which may still hold the deleted rows.
  if (auto vacuumed = db.execute("VACUUM; PRAGMA wal_checkpoint(TRUNCATE);"); !vacuumed) {
    return unexpected(vacuumed.error());
  }
  return count;
}

} // namespace

Expected<std::size_t> Store::clear_generations()
{
  return clear_table(m_state->db, "generations");
}

Expected<std::size_t> Store::clear_history()
{
  return clear_table(m_state->db, "history");
}

Expected<void> Store::checkpoint()
{
  return m_state->db.execute("PRAGMA wal_checkpoint(TRUNCATE)");
}

} // namespace caro::telemetry
