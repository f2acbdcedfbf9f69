#ifndef MIGRATE_CSQLITE3_SHIM_H
#define MIGRATE_CSQLITE3_SHIM_H
#include <stddef.h>
#include <sqlite3.h>

/* Helpers for the SQLite connector (Sources/Runtime/Connectors). Swift cannot use the
   SQLITE_TRANSIENT macro (a cast of -1 to a function pointer), so these wrappers pass it. */

/* Binds `n` bytes of UTF-8 text, copied by SQLite. A NULL pointer binds the empty string, not NULL. */
static inline int migrate_sqlite3_bind_text(sqlite3_stmt *statement, int index, const char *text, int n) {
    if (text == NULL || n == 0) return sqlite3_bind_text(statement, index, "", 0, SQLITE_TRANSIENT);
    return sqlite3_bind_text(statement, index, text, n, SQLITE_TRANSIENT);
}

/* Binds `n` bytes as a blob, copied by SQLite. Zero bytes bind an empty blob, not NULL. */
static inline int migrate_sqlite3_bind_blob(sqlite3_stmt *statement, int index, const void *bytes, int n) {
    if (bytes == NULL || n == 0) return sqlite3_bind_zeroblob(statement, index, 0);
    return sqlite3_bind_blob(statement, index, bytes, n, SQLITE_TRANSIENT);
}
#endif
