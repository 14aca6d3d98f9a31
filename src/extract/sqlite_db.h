// SQLite databases through libsqlite3, opened read-only: a file by its
// path (so a WAL beside it is read too), or an image held in memory (a
// database inside an archive) through sqlite3_deserialize. The schema of an
// untrusted file is not trusted (SQLITE_DBCONFIG_DEFENSIVE, no trusted
// schema), values are capped in size, and the time budget interrupts long
// queries.
#ifndef MAMORI_EXTRACT_SQLITE_DB_H_
#define MAMORI_EXTRACT_SQLITE_DB_H_

#include <memory>
#include <string>
#include <string_view>

#include "extract/budget.h"
#include "extract/database.h"
#include "mamori/status.h"

namespace mamori {

Result<std::unique_ptr<Database>> OpenSqliteFile(const std::string& path, Budget& budget);

// `bytes` must outlive the database.
Result<std::unique_ptr<Database>> OpenSqliteImage(std::string_view bytes, Budget& budget);

}  // namespace mamori

#endif  // MAMORI_EXTRACT_SQLITE_DB_H_
