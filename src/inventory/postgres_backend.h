#ifndef MAMORI_INVENTORY_POSTGRES_BACKEND_H_
#define MAMORI_INVENTORY_POSTGRES_BACKEND_H_

#include <memory>
#include <string>

#include "inventory/sql_backend.h"

namespace mamori::inventory {

// A central inventory on a PostgreSQL server (libpq connection URL).
Result<std::unique_ptr<SqlBackend>> OpenPostgresBackend(const std::string& url);

// "?" placeholders outside quoted text become $1, $2, ... (PostgreSQL's).
std::string NumberPlaceholders(const std::string& sql);

}  // namespace mamori::inventory

#endif  // MAMORI_INVENTORY_POSTGRES_BACKEND_H_
