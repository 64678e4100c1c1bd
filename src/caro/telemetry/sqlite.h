#pragma once

// A thin RAII layer over the SQLite C API, just what the telemetry store
// needs: a connection that closes itself, prepared statements that finalize
// themselves, and results as Expected values carrying SQLite's own message
// and result code (the store tells a corrupt file from a busy one by code).
// Only the store includes this header, so nothing else depends on SQLite.

#include "caro/util/expected.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace caro::telemetry::sqlite {

struct SqliteApi;

// A failed call's Error says SQLite's message, then "[sqlite N]" with the
// primary result code, which is how is_corruption and is_busy tell them apart.
// Whether `error` (from this layer) says the file is damaged or is not a
// database at all; such files are moved aside and replaced.
bool is_corruption(const Error& error);
// Whether `error` says another connection holds the lock past the busy timeout.
bool is_busy(const Error& error);

class Statement;

class Database
{
public:
  // Opens (creating) the file read-write, loading SQLite first if needed
  // (sqlite_library.h). No pragma is run here.
  static Expected<Database> open(const std::string& path);

  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // Runs one or more statements that return no rows of interest.
  Expected<void> execute(std::string_view sql);
  Expected<Statement> prepare(std::string_view sql);
  void set_busy_timeout(int milliseconds);
  // Leaves the write-ahead log for the next connection instead of
  // checkpointing it on close, which costs fsyncs on every short-lived process.
  void keep_wal_on_close();
  std::int64_t changes() const;

  sqlite3* handle() const { return m_db; }

private:
  Database(const SqliteApi* api, sqlite3* db) : m_api(api), m_db(db) {}
  const SqliteApi* m_api = nullptr;
  sqlite3* m_db = nullptr;
};

class Statement
{
public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Parameters are 1-based, as in SQLite.
  void bind(int index, std::int64_t value);
  void bind(int index, double value);
  void bind(int index, std::string_view text);
  void bind_null(int index);

  // true: a row is ready; false: done. An Error carries SQLite's message.
  Expected<bool> step();
  // Runs a statement that returns no rows.
  Expected<void> run();
  void reset();

  std::int64_t column_int(int index) const;
  double column_double(int index) const;
  std::string column_text(int index) const;
  bool column_is_null(int index) const;

private:
  friend class Database;
  Statement(const SqliteApi* api, sqlite3_stmt* statement, sqlite3* db) : m_api(api), m_statement(statement), m_db(db)
  {
  }
  const SqliteApi* m_api = nullptr;
  sqlite3_stmt* m_statement = nullptr;
  sqlite3* m_db = nullptr;
};

} // namespace caro::telemetry::sqlite
