// Loading libsqlite3 on demand (see sqlite_library.h). The handle and the
// resolved table live in a function-local static, built on first use: the
// library cannot be unloaded while connections may still exist.

#include "caro/telemetry/sqlite_library.h"

#include "caro/util/shared_library.h"

#include <mutex>
#include <string>

namespace caro::telemetry::sqlite {
namespace {

struct LoadedSqlite
{
  SqliteApi api;
  std::string error; // empty when loaded
};

using util::resolve_symbol;

LoadedSqlite load()
{
  LoadedSqlite loaded;
  SqliteApi& api = loaded.api;
#ifdef CARO_SQLITE_LINKED
  api = SqliteApi{&::sqlite3_open_v2,
                  &::sqlite3_close_v2,
                  &::sqlite3_errmsg,
                  &::sqlite3_errstr,
                  &::sqlite3_extended_result_codes,
                  &::sqlite3_exec,
                  &::sqlite3_db_config,
                  &::sqlite3_free,
                  &::sqlite3_prepare_v2,
                  &::sqlite3_finalize,
                  &::sqlite3_busy_timeout,
                  &::sqlite3_changes64,
                  &::sqlite3_bind_int64,
                  &::sqlite3_bind_double,
                  &::sqlite3_bind_text64,
                  &::sqlite3_bind_null,
                  &::sqlite3_step,
                  &::sqlite3_reset,
                  &::sqlite3_clear_bindings,
                  &::sqlite3_column_int64,
                  &::sqlite3_column_double,
                  &::sqlite3_column_text,
                  &::sqlite3_column_bytes,
                  &::sqlite3_column_type};
  return loaded;
#else
  auto opened = util::open_shared_library({"libsqlite3.so.0", "libsqlite3.so"}, "SQLite");
  if (!opened) {
    loaded.error = opened.error().message;
    return loaded;
  }
  void* library = *opened;
  const bool complete =
      resolve_symbol(library, "sqlite3_open_v2", api.open_v2) &&
      resolve_symbol(library, "sqlite3_close_v2", api.close_v2) &&
      resolve_symbol(library, "sqlite3_errmsg", api.errmsg) && resolve_symbol(library, "sqlite3_errstr", api.errstr) &&
      resolve_symbol(library, "sqlite3_extended_result_codes", api.extended_result_codes) &&
      resolve_symbol(library, "sqlite3_exec", api.exec) &&
      resolve_symbol(library, "sqlite3_db_config", api.db_config) &&
      resolve_symbol(library, "sqlite3_free", api.free) &&
      resolve_symbol(library, "sqlite3_prepare_v2", api.prepare_v2) &&
      resolve_symbol(library, "sqlite3_finalize", api.finalize) &&
      resolve_symbol(library, "sqlite3_busy_timeout", api.busy_timeout) &&
      resolve_symbol(library, "sqlite3_changes64", api.changes64) &&
      resolve_symbol(library, "sqlite3_bind_int64", api.bind_int64) &&
      resolve_symbol(library, "sqlite3_bind_double", api.bind_double) &&
      resolve_symbol(library, "sqlite3_bind_text64", api.bind_text64) &&
      resolve_symbol(library, "sqlite3_bind_null", api.bind_null) &&
      resolve_symbol(library, "sqlite3_step", api.step) && resolve_symbol(library, "sqlite3_reset", api.reset) &&
      resolve_symbol(library, "sqlite3_clear_bindings", api.clear_bindings) &&
      resolve_symbol(library, "sqlite3_column_int64", api.column_int64) &&
      resolve_symbol(library, "sqlite3_column_double", api.column_double) &&
      resolve_symbol(library, "sqlite3_column_text", api.column_text) &&
      resolve_symbol(library, "sqlite3_column_bytes", api.column_bytes) &&
      resolve_symbol(library, "sqlite3_column_type", api.column_type);
  if (!complete) {
    loaded.error = "the installed SQLite lacks functions caro needs (it needs 3.37 or later)";
  }
  return loaded;
#endif
}

} // namespace

Expected<const SqliteApi*> sqlite_api()
{
  static std::once_flag once;
  static LoadedSqlite loaded;
  std::call_once(once, [] { loaded = load(); });
  if (!loaded.error.empty()) {
    return unexpected(loaded.error, "install SQLite (Debian/Ubuntu: apt install libsqlite3-0), or turn telemetry "
                                    "off with `caro config set telemetry false`");
  }
  return &loaded.api;
}

} // namespace caro::telemetry::sqlite
