#include "inventory/sql_backend.h"

#include <charconv>

#include "inventory/sqlite_backend.h"
#include "plugins/plugins.h"

namespace mamori::inventory {

bool IsPostgresUrl(std::string_view where) {
  return where.starts_with("postgresql://") || where.starts_with("postgres://");
}

Result<std::unique_ptr<SqlBackend>> OpenSqlBackend(const std::string& where) {
  if (IsPostgresUrl(where)) {
    const Result<const PostgresPlugin*> postgres = PostgresSupport();
    if (!postgres.ok()) return postgres.status();
    return (*postgres)->open_backend(where);
  }
  return OpenSqliteBackend(where);
}

int64_t AsInt(const SqlValue& v) {
  if (auto* n = std::get_if<int64_t>(&v)) return *n;
  int64_t n = 0;
  if (auto* t = std::get_if<std::string>(&v)) std::from_chars(t->data(), t->data() + t->size(), n);
  return n;
}

std::string AsText(const SqlValue& v) {
  if (auto* t = std::get_if<std::string>(&v)) return *t;
  if (auto* n = std::get_if<int64_t>(&v)) return std::to_string(*n);
  return "";
}

bool IsNull(const SqlValue& v) { return std::holds_alternative<std::monostate>(v); }

}  // namespace mamori::inventory
