#ifndef MAMORI_INVENTORY_SQLITE_BACKEND_H_
#define MAMORI_INVENTORY_SQLITE_BACKEND_H_

#include <memory>
#include <string>

#include "inventory/sql_backend.h"

namespace mamori::inventory {

// An SQLite file (created 0600 when missing), WAL, 120 s busy timeout.
Result<std::unique_ptr<SqlBackend>> OpenSqliteBackend(const std::string& path);

}  // namespace mamori::inventory

#endif  // MAMORI_INVENTORY_SQLITE_BACKEND_H_
