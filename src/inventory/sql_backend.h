// The two databases an inventory lives in, behind one small interface: an
// embedded SQLite file (the default) and a central PostgreSQL server. The
// inventory's SQL is written once, with "?" placeholders, in the subset both
// understand; the few type names that differ come from the dialect.
#ifndef MAMORI_INVENTORY_SQL_BACKEND_H_
#define MAMORI_INVENTORY_SQL_BACKEND_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "mamori/status.h"

namespace mamori::inventory {

// NULL, an integer or text (hashes are stored as hex text: no blobs).
using SqlValue = std::variant<std::monostate, int64_t, std::string>;
using SqlRow = std::vector<SqlValue>;

enum class Dialect { kSqlite, kPostgres };

class SqlBackend {
 public:
  virtual ~SqlBackend() = default;
  virtual Dialect dialect() const = 0;

  // One statement with "?" placeholders; its rows, if any. Statements are
  // prepared once and reused.
  virtual Result<std::vector<SqlRow>> Run(const std::string& sql,
                                          const std::vector<SqlValue>& params = {}) = 0;
  // Several statements without parameters (schema steps).
  virtual Status Script(const std::string& sql) = 0;

  // A write transaction. SQLite takes the write lock at once (BEGIN
  // IMMEDIATE) so two scans never deadlock upgrading a read lock;
  // PostgreSQL also takes an advisory lock when `exclusive` (migrations).
  virtual Status Begin(bool exclusive = false) = 0;
  virtual Status Commit() = 0;
  virtual void Rollback() = 0;
};

// "postgresql://..." or "postgres://..." opens a server connection (libpq);
// anything else is an SQLite file, created mode 0600 when missing.
Result<std::unique_ptr<SqlBackend>> OpenSqlBackend(const std::string& where);
bool IsPostgresUrl(std::string_view where);

// Reading cells whatever the backend returned (libpq gives text).
int64_t AsInt(const SqlValue& v);
std::string AsText(const SqlValue& v);
bool IsNull(const SqlValue& v);

}  // namespace mamori::inventory

#endif  // MAMORI_INVENTORY_SQL_BACKEND_H_
