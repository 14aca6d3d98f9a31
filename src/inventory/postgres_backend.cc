// The central inventory: many machines' scans write to one PostgreSQL
// database. Statements are prepared once per connection.
#include "inventory/postgres_backend.h"

#include <libpq-fe.h>

#include <map>

namespace mamori::inventory {
namespace {

// Serializes schema migrations of concurrent first runs (any fixed number).
constexpr const char* kMigrationLock = "SELECT pg_advisory_xact_lock(7410615)";

void IgnoreNotice(void*, const char*) {}  // "relation already exists, skipping"

class PostgresBackend final : public SqlBackend {
 public:
  explicit PostgresBackend(PGconn* conn) : conn_(conn) {
    PQsetNoticeProcessor(conn_, IgnoreNotice, nullptr);
  }
  ~PostgresBackend() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::kPostgres; }

  Result<std::vector<SqlRow>> Run(const std::string& sql,
                                  const std::vector<SqlValue>& params) override {
    auto name = Prepare(sql, static_cast<int>(params.size()));
    if (!name.ok()) return name.status();
    std::vector<std::string> text(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (size_t i = 0; i < params.size(); ++i) {
      if (auto* n = std::get_if<int64_t>(&params[i])) {
        text[i] = std::to_string(*n);
      } else if (auto* t = std::get_if<std::string>(&params[i])) {
        text[i] = *t;
      } else {
        continue;  // NULL
      }
      values[i] = text[i].c_str();
    }
    PGresult* res = PQexecPrepared(conn_, name->c_str(), static_cast<int>(params.size()),
                                   values.data(), nullptr, nullptr, 0);
    return Rows(res);
  }

  Status Script(const std::string& sql) override {
    auto rows = Rows(PQexec(conn_, sql.c_str()));
    return rows.ok() ? Status::Ok() : rows.status();
  }

  Status Begin(bool exclusive) override {
    Status s = Script("BEGIN");
    if (s.ok() && exclusive) s = Script(kMigrationLock);
    return s;
  }
  Status Commit() override { return Script("COMMIT"); }
  void Rollback() override { (void)Script("ROLLBACK"); }

 private:
  Result<std::string> Prepare(const std::string& sql, int params) {
    auto it = statements_.find(sql);
    if (it != statements_.end()) return it->second;
    const std::string name = "s" + std::to_string(statements_.size());
    auto done =
        Rows(PQprepare(conn_, name.c_str(), NumberPlaceholders(sql).c_str(), params, nullptr));
    if (!done.ok()) return done.status();
    statements_.emplace(sql, name);
    return name;
  }

  // Takes the result, frees it, and returns its rows or its error.
  Result<std::vector<SqlRow>> Rows(PGresult* res) {
    const ExecStatusType st = PQresultStatus(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      std::string message = res ? PQresultErrorMessage(res) : PQerrorMessage(conn_);
      while (!message.empty() && message.back() == '\n') message.pop_back();
      PQclear(res);
      return Status::IoError("postgresql: " + message);
    }
    std::vector<SqlRow> rows(PQntuples(res));
    const int columns = PQnfields(res);
    for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
      rows[r].resize(columns);
      for (int c = 0; c < columns; ++c) {
        if (!PQgetisnull(res, r, c)) {
          rows[r][c] = std::string(PQgetvalue(res, r, c), PQgetlength(res, r, c));
        }
      }
    }
    PQclear(res);
    return rows;
  }

  PGconn* conn_;
  std::map<std::string, std::string> statements_;
};

}  // namespace

std::string NumberPlaceholders(const std::string& sql) {
  std::string out;
  bool quoted = false;
  int n = 0;
  for (char c : sql) {
    if (c == '\'') quoted = !quoted;
    if (c == '?' && !quoted) {
      out += "$" + std::to_string(++n);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

Result<std::unique_ptr<SqlBackend>> OpenPostgresBackend(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = conn ? PQerrorMessage(conn) : "out of memory";
    while (!message.empty() && message.back() == '\n') message.pop_back();
    PQfinish(conn);
    return Status::IoError("cannot connect to the inventory server: " + message);
  }
  return std::unique_ptr<SqlBackend>(std::make_unique<PostgresBackend>(conn));
}

}  // namespace mamori::inventory
