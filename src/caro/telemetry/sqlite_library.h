#pragma once

// libsqlite3, loaded with dlopen the first time telemetry is used. Linking it
// would map the library into every caro process, telemetry on or off; this
// way a run with telemetry off never loads or calls SQLite at all. Compiled
// against sqlite3.h, so the types of the entry points are checked as usual.
// A build that defines CARO_SQLITE_LINKED (e.g. a fully static one) links
// SQLite instead and fills the same table from the linked functions.

#include "caro/util/expected.h"

#include <sqlite3.h>

namespace caro::telemetry::sqlite {

// The entry points caro uses.
struct SqliteApi
{
  decltype(&::sqlite3_open_v2) open_v2 = nullptr;
  decltype(&::sqlite3_close_v2) close_v2 = nullptr;
  decltype(&::sqlite3_errmsg) errmsg = nullptr;
  decltype(&::sqlite3_errstr) errstr = nullptr;
  decltype(&::sqlite3_extended_result_codes) extended_result_codes = nullptr;
  decltype(&::sqlite3_exec) exec = nullptr;
  decltype(&::sqlite3_db_config) db_config = nullptr;
  decltype(&::sqlite3_free) free = nullptr;
  decltype(&::sqlite3_prepare_v2) prepare_v2 = nullptr;
  decltype(&::sqlite3_finalize) finalize = nullptr;
  decltype(&::sqlite3_busy_timeout) busy_timeout = nullptr;
  decltype(&::sqlite3_changes64) changes64 = nullptr;
  decltype(&::sqlite3_bind_int64) bind_int64 = nullptr;
  decltype(&::sqlite3_bind_double) bind_double = nullptr;
  decltype(&::sqlite3_bind_text64) bind_text64 = nullptr;
  decltype(&::sqlite3_bind_null) bind_null = nullptr;
  decltype(&::sqlite3_step) step = nullptr;
  decltype(&::sqlite3_reset) reset = nullptr;
  decltype(&::sqlite3_clear_bindings) clear_bindings = nullptr;
  decltype(&::sqlite3_column_int64) column_int64 = nullptr;
  decltype(&::sqlite3_column_double) column_double = nullptr;
  decltype(&::sqlite3_column_text) column_text = nullptr;
  decltype(&::sqlite3_column_bytes) column_bytes = nullptr;
  decltype(&::sqlite3_column_type) column_type = nullptr;
};

// Loads the library on the first call (thread-safe); it then stays loaded for
// the life of the process. The error says how to install it.
Expected<const SqliteApi*> sqlite_api();

} // namespace caro::telemetry::sqlite
