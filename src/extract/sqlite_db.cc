#include "extract/sqlite_db.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdio>
#include <map>
#include <vector>

namespace mamori {
namespace {

constexpr int kProgressSteps = 10000;  // VM steps between time-budget checks

// A file path as a file: URI, so "mode=ro" applies and '?' or '#' in a
// name are not taken for URI syntax.
std::string FileUri(const std::string& path) {
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '.' || c == '-' || c == '_' || c == '~') {
      uri.push_back(static_cast<char>(c));
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      uri += hex;
    }
  }
  return uri + "?mode=ro";
}

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(sqlite3* db, Budget& budget, std::string image)
      : db_(db), budget_(budget), image_(std::move(image)) {}
  ~SqliteDatabase() override { sqlite3_close_v2(db_); }
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

  // Read-only and distrustful of the file's schema; the budget interrupts.
  Status Configure() {
    sqlite3_db_config(db_, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db_, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    const uint64_t max_value = std::min<uint64_t>(budget_.limits().max_member_bytes, INT_MAX);
    sqlite3_limit(db_, SQLITE_LIMIT_LENGTH, static_cast<int>(max_value));
    sqlite3_progress_handler(db_, kProgressSteps, &SqliteDatabase::OnProgress, this);
    return Exec("PRAGMA query_only = ON");
  }

  Result<std::vector<DbTable>> Tables() override {
    std::vector<DbTable> tables;
    Status s = Select(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE "
        "'\\' "
        "ORDER BY name",
        [&](std::span<const DbValue> v) {
          tables.push_back({});
          tables.back().name = std::string(v[0].text);
          return true;
        });
    if (!s.ok()) return s;
    for (DbTable& t : tables) {
      std::map<int, std::string> key;  // position in the primary key -> column
      s = Select("SELECT name, pk FROM pragma_table_info(" + QuoteSql(t.name, '\'') + ")",
                 [&](std::span<const DbValue> v) {
                   t.columns.emplace_back(v[0].text);
                   if (v[1].text != "0")
                     key[std::atoi(std::string(v[1].text).c_str())] = std::string(v[0].text);
                   return true;
                 });
      if (!s.ok()) return s;
      for (auto& [position, column] : key) t.primary_key.push_back(column);
      std::string last_id;
      s = Select("SELECT id, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(" +
                     QuoteSql(t.name, '\'') + ") ORDER BY id, seq",
                 [&](std::span<const DbValue> v) {
                   if (t.foreign_keys.empty() || v[0].text != last_id) {
                     t.foreign_keys.push_back({});
                     t.foreign_keys.back().parent_name = std::string(v[1].text);
                     last_id = std::string(v[0].text);
                   }
                   DbForeignKey& fk = t.foreign_keys.back();
                   fk.columns.emplace_back(v[2].text);
                   if (!v[3].null) fk.parent_columns.emplace_back(v[3].text);
                   return true;
                 });
      if (!s.ok()) return s;
      for (DbForeignKey& fk : t.foreign_keys) {
        if (fk.parent_columns.size() != fk.columns.size())
          fk.parent_columns.clear();  // the parent's key
      }
    }
    return tables;
  }

  std::string_view DefaultSchema() const override { return ""; }
  std::string_view RowIdExpression() const override { return "rowid"; }

  Status Select(const std::string& sql, const DbRowCallback& row) override {
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    if (sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), 0, &stmt, &tail) !=
        SQLITE_OK) {
      return Error();
    }
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> owned(stmt, sqlite3_finalize);
    if (stmt == nullptr ||
        std::string_view(tail).find_first_not_of(" \t\r\n;") != std::string_view::npos) {
      return Status::InvalidArgument(
          "not one SQL statement");  // a row condition must not add statements
    }
    const int n = sqlite3_column_count(stmt);
    std::vector<DbValue> values(static_cast<size_t>(n));
    for (;;) {
      const int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) return Status::Ok();
      if (rc != SQLITE_ROW) return Error();
      for (int i = 0; i < n; ++i) {
        DbValue& v = values[static_cast<size_t>(i)];
        const int type = sqlite3_column_type(stmt, i);
        v.null = type == SQLITE_NULL;
        v.binary = type == SQLITE_BLOB;
        const void* data = v.binary ? sqlite3_column_blob(stmt, i) : sqlite3_column_text(stmt, i);
        v.text = data ? std::string_view(static_cast<const char*>(data),
                                         static_cast<size_t>(sqlite3_column_bytes(stmt, i)))
                      : std::string_view();
      }
      if (!row(values)) return Status::Ok();
    }
  }

 private:
  static int OnProgress(void* self) {
    return static_cast<SqliteDatabase*>(self)->budget_.Expired().ok() ? 0 : 1;
  }

  Status Exec(const char* sql) {
    return sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) == SQLITE_OK ? Status::Ok() : Error();
  }

  Status Error() const {
    if (sqlite3_errcode(db_) == SQLITE_INTERRUPT) {
      if (Status expired = budget_.Expired(); !expired.ok()) return expired;
    }
    return Status::Corrupt(std::string("SQLite: ") + sqlite3_errmsg(db_));
  }

  sqlite3* db_;
  Budget& budget_;
  std::string image_;  // a patched copy of the image, when one was needed
};

Result<std::unique_ptr<Database>> Finish(sqlite3* db, int rc, Budget& budget, std::string image,
                                         const std::string& what) {
  if (rc != SQLITE_OK) {
    const std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    return Status::IoError("cannot open " + what + ": " + message);
  }
  auto database = std::make_unique<SqliteDatabase>(db, budget, std::move(image));
  if (Status s = database->Configure(); !s.ok()) return s;
  return std::unique_ptr<Database>(std::move(database));
}

}  // namespace

Result<std::unique_ptr<Database>> OpenSqliteFile(const std::string& path, Budget& budget) {
  sqlite3* db = nullptr;
  const int rc =
      sqlite3_open_v2(FileUri(path).c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
  return Finish(db, rc, budget, "", path);
}

Result<std::unique_ptr<Database>> OpenSqliteImage(std::string_view bytes, Budget& budget) {
  // A WAL database's header says so (bytes 18 and 19 are 2); its image alone
  // reads as a rollback-journal database, so a copy says that instead. The
  // copy lives in the heap buffer of `patched`, which moving keeps in place.
  std::string patched;
  if (bytes.size() > 19 && bytes[18] == 2 && bytes[19] == 2) {
    patched.assign(bytes);
    patched[18] = patched[19] = 1;
    bytes = patched;
  }
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, nullptr);
  if (rc == SQLITE_OK) {
    // Read-only: SQLite never writes to nor frees the caller's bytes.
    auto* data = reinterpret_cast<unsigned char*>(const_cast<char*>(bytes.data()));
    rc = sqlite3_deserialize(db, "main", data, static_cast<sqlite3_int64>(bytes.size()),
                             static_cast<sqlite3_int64>(bytes.size()), SQLITE_DESERIALIZE_READONLY);
  }
  return Finish(db, rc, budget, std::move(patched), "SQLite image");
}

}  // namespace mamori
