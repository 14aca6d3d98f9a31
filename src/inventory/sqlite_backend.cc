// The embedded inventory: one SQLite file in WAL mode with a busy timeout,
// so several scans on one machine can write to it at once.
#include "inventory/sqlite_backend.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <thread>

#include "inventory/sql_backend.h"

namespace mamori::inventory {
namespace {

constexpr int kBusyTimeoutMs = 120000;  // a concurrent scan's batch is short

class SqliteBackend final : public SqlBackend {
 public:
  explicit SqliteBackend(sqlite3* db) : db_(db) {}
  ~SqliteBackend() override {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close(db_);
  }

  Dialect dialect() const override { return Dialect::kSqlite; }

  Result<std::vector<SqlRow>> Run(const std::string& sql,
                                  const std::vector<SqlValue>& params) override {
    auto stmt = Prepare(sql);
    if (!stmt.ok()) return stmt.status();
    sqlite3_stmt* s = *stmt;
    for (size_t i = 0; i < params.size(); ++i) {
      const int at = static_cast<int>(i + 1);
      if (auto* n = std::get_if<int64_t>(&params[i])) {
        sqlite3_bind_int64(s, at, *n);
      } else if (auto* t = std::get_if<std::string>(&params[i])) {
        sqlite3_bind_text(s, at, t->data(), static_cast<int>(t->size()), SQLITE_TRANSIENT);
      } else {
        sqlite3_bind_null(s, at);
      }
    }
    std::vector<SqlRow> rows;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
      SqlRow row(sqlite3_column_count(s));
      for (int c = 0; c < static_cast<int>(row.size()); ++c) {
        switch (sqlite3_column_type(s, c)) {
          case SQLITE_NULL:
            break;
          case SQLITE_INTEGER:
            row[c] = static_cast<int64_t>(sqlite3_column_int64(s, c));
            break;
          default: {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(s, c));
            row[c] = std::string(text, sqlite3_column_bytes(s, c));
          }
        }
      }
      rows.push_back(std::move(row));
    }
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    if (rc != SQLITE_DONE) return Error("sqlite: ");
    return rows;
  }

  Status Script(const std::string& sql) override {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK)
      return Status::Ok();
    const std::string text = message ? message : "unknown error";
    sqlite3_free(message);
    return Status::IoError("sqlite: " + text);
  }

  Status Begin(bool) override { return Script("BEGIN IMMEDIATE"); }
  Status Commit() override { return Script("COMMIT"); }
  void Rollback() override { (void)Script("ROLLBACK"); }

  // Switches the file to WAL. SQLite does not call the busy handler for this
  // (the switch needs the file to itself), so two first runs opening a new
  // store at once would fail one of them: retry within the busy timeout.
  // Once one run has switched, the pragma is a no-op that answers "wal".
  Status UseWal() {
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
    auto pause = std::chrono::milliseconds(1);
    for (;;) {
      std::string mode;
      const auto read_mode = [](void* out, int, char** values, char**) {
        if (values[0]) *static_cast<std::string*>(out) = values[0];
        return 0;
      };
      const int rc = sqlite3_exec(db_, "PRAGMA journal_mode=WAL", read_mode, &mode, nullptr);
      if (rc == SQLITE_OK && mode == "wal") return Status::Ok();
      if (rc != SQLITE_BUSY || std::chrono::steady_clock::now() > deadline) {
        return rc == SQLITE_OK ? Status::IoError("sqlite: cannot switch to WAL (mode " + mode + ")")
                               : Error("sqlite: cannot switch to WAL: ");
      }
      std::this_thread::sleep_for(pause);
      pause = std::min(pause * 2, std::chrono::milliseconds(50));
    }
  }

 private:
  Result<sqlite3_stmt*> Prepare(const std::string& sql) {
    auto it = statements_.find(sql);
    if (it != statements_.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr) !=
        SQLITE_OK) {
      return Error("sqlite: cannot prepare: ");
    }
    statements_.emplace(sql, stmt);
    return stmt;
  }

  Status Error(const std::string& what) { return Status::IoError(what + sqlite3_errmsg(db_)); }

  sqlite3* db_;
  std::map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace

Result<std::unique_ptr<SqlBackend>> OpenSqliteBackend(const std::string& path) {
  // The store holds where personal data lives: owner-only from its first byte
  // (SQLite gives its -wal and -shm files the database file's mode).
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return Status::IoError("cannot open inventory " + path);
  ::close(fd);
  sqlite3* db = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    const std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::IoError("cannot open inventory " + path + ": " + message);
  }
  auto backend = std::make_unique<SqliteBackend>(db);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  // WAL lets readers and one writer work at once; a large cache and rarer
  // checkpoints keep the random inserts of the value-hash index from
  // rewriting the same pages (and syncing) over and over in a big first scan.
  if (Status s = backend->UseWal(); !s.ok()) return s;
  Status s = backend->Script(
      "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; "
      "PRAGMA wal_autocheckpoint=16384;");
  if (!s.ok()) return s;
  return std::unique_ptr<SqlBackend>(std::move(backend));
}

}  // namespace mamori::inventory
