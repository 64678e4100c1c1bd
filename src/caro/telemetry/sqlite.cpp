// RAII over sqlite3* and sqlite3_stmt* (see sqlite.h). Errors are turned into
// caro::Error at once, with the primary result code kept in the message so
// that callers can react to corruption and lock timeouts.

#include "caro/telemetry/sqlite.h"

#include "caro/telemetry/sqlite_library.h"

#include <utility>

namespace caro::telemetry::sqlite {
namespace {

Unexpected failure(const SqliteApi& api, sqlite3* db, int code)
{
  const int primary = code & 0xff;
  std::string message = db != nullptr ? api.errmsg(db) : api.errstr(code);
  return unexpected(message + " [sqlite " + std::to_string(primary) + "]");
}

bool has_code(const Error& error, int code)
{
  return error.message.find("[sqlite " + std::to_string(code) + "]") != std::string::npos;
}

} // namespace

bool is_corruption(const Error& error)
{
  return has_code(error, SQLITE_CORRUPT) || has_code(error, SQLITE_NOTADB);
}

bool is_busy(const Error& error)
{
  return has_code(error, SQLITE_BUSY) || has_code(error, SQLITE_LOCKED);
}

Expected<Database> Database::open(const std::string& path)
{
  auto loaded = sqlite_api();
  if (!loaded) {
    return unexpected(loaded.error());
  }
  const SqliteApi& api = **loaded;
  sqlite3* db = nullptr;
  const int code =
      api.open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  // sqlite3_open_v2 hands back a handle even on failure; it must be closed.
  Database database(&api, db);
  if (code != SQLITE_OK) {
    return failure(api, db, code);
  }
  api.extended_result_codes(db, 0);
  return database;
}

Database::Database(Database&& other) noexcept : m_api(other.m_api), m_db(std::exchange(other.m_db, nullptr))
{
}

Database& Database::operator=(Database&& other) noexcept
{
  if (this != &other) {
    if (m_db != nullptr) {
      m_api->close_v2(m_db);
    }
    m_api = other.m_api;
    m_db = std::exchange(other.m_db, nullptr);
  }
  return *this;
}

Database::~Database()
{
  if (m_db != nullptr) {
    m_api->close_v2(m_db);
  }
}

Expected<void> Database::execute(std::string_view sql)
{
  const std::string text(sql);
  char* message = nullptr;
  const int code = m_api->exec(m_db, text.c_str(), nullptr, nullptr, &message);
  if (code != SQLITE_OK) {
    std::string what = message != nullptr ? message : m_api->errstr(code);
    m_api->free(message);
    return unexpected(what + " [sqlite " + std::to_string(code & 0xff) + "]");
  }
  return {};
}

Expected<Statement> Database::prepare(std::string_view sql)
{
  sqlite3_stmt* statement = nullptr;
  const int code = m_api->prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &statement, nullptr);
  if (code != SQLITE_OK) {
    m_api->finalize(statement);
    return failure(*m_api, m_db, code);
  }
  return Statement(m_api, statement, m_db);
}

void Database::set_busy_timeout(int milliseconds)
{
  m_api->busy_timeout(m_db, milliseconds);
}

void Database::keep_wal_on_close()
{
  m_api->db_config(m_db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
}

std::int64_t Database::changes() const
{
  return m_api->changes64(m_db);
}

Statement::Statement(Statement&& other) noexcept
    : m_api(other.m_api), m_statement(std::exchange(other.m_statement, nullptr)), m_db(other.m_db)
{
}

Statement& Statement::operator=(Statement&& other) noexcept
{
  if (this != &other) {
    if (m_statement != nullptr) {
      m_api->finalize(m_statement);
    }
    m_api = other.m_api;
    m_statement = std::exchange(other.m_statement, nullptr);
    m_db = other.m_db;
  }
  return *this;
}

Statement::~Statement()
{
  if (m_statement != nullptr) {
    m_api->finalize(m_statement);
  }
}

void Statement::bind(int index, std::int64_t value)
{
  m_api->bind_int64(m_statement, index, value);
}

void Statement::bind(int index, double value)
{
  m_api->bind_double(m_statement, index, value);
}

void Statement::bind(int index, std::string_view text)
{
  m_api->bind_text64(m_statement, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

void Statement::bind_null(int index)
{
  m_api->bind_null(m_statement, index);
}

Expected<bool> Statement::step()
{
  const int code = m_api->step(m_statement);
  if (code == SQLITE_ROW) {
    return true;
  }
  if (code == SQLITE_DONE) {
    return false;
  }
  return failure(*m_api, m_db, code);
}

Expected<void> Statement::run()
{
  auto stepped = step();
  reset();
  if (!stepped) {
    return unexpected(stepped.error());
  }
  return {};
}

void Statement::reset()
{
  m_api->reset(m_statement);
  m_api->clear_bindings(m_statement);
}

std::int64_t Statement::column_int(int index) const
{
  return m_api->column_int64(m_statement, index);
}

double Statement::column_double(int index) const
{
  return m_api->column_double(m_statement, index);
}

std::string Statement::column_text(int index) const
{
  const auto* text = m_api->column_text(m_statement, index);
  const int size = m_api->column_bytes(m_statement, index);
  return text == nullptr ? std::string()
                         : std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

bool Statement::column_is_null(int index) const
{
  return m_api->column_type(m_statement, index) == SQLITE_NULL;
}

} // namespace caro::telemetry::sqlite
