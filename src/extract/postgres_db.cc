#include "extract/postgres_db.h"

#include <libpq-fe.h>

#include <map>
#include <vector>

#include "extract/postgres_uri.h"
#include "inventory/postgres_backend.h"
#include "plugins/plugins.h"

namespace mamori {
namespace {

constexpr int kFetchRows = 1000;

using ResultPtr = std::unique_ptr<PGresult, void (*)(PGresult*)>;

std::string Trimmed(const char* message) {
  std::string s = message ? message : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// Tables (ordinary, partitioned parents, materialized views) outside the
// system schemas; partitions are read through their parent.
constexpr const char* kTablesSql = R"(
SELECT c.oid, n.nspname, c.relname
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'm') AND NOT c.relispartition
  AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'
ORDER BY n.nspname, c.relname)";

constexpr const char* kColumnsSql = R"(
SELECT a.attrelid, a.attname
FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
WHERE c.relkind IN ('r', 'p', 'm') AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum)";

// Primary and foreign keys, one row per column, in key order.
constexpr const char* kKeysSql = R"(
SELECT con.conrelid, con.oid, con.contype, pn.nspname, pc.relname, a.attname, fa.attname
FROM pg_catalog.pg_constraint con
CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(attnum, fattnum, ord)
JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
LEFT JOIN pg_catalog.pg_class pc ON pc.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
LEFT JOIN pg_catalog.pg_attribute fa ON fa.attrelid = con.confrelid AND fa.attnum = k.fattnum
WHERE con.contype IN ('p', 'f')
ORDER BY con.conrelid, con.oid, k.ord)";

constexpr Oid kByteaOid = 17;  // pg_type.oid of bytea, fixed in the catalog

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// bytea's text form "\x0a1b…" (the default bytea_output) as bytes in *out;
// any other form is passed on as it came.
std::string_view DecodeHex(std::string_view text, std::string* out) {
  if (!text.starts_with("\\x") || text.size() % 2 != 0) return text;
  out->clear();
  for (size_t i = 2; i < text.size(); i += 2) {
    const int hi = HexDigit(text[i]), lo = HexDigit(text[i + 1]);
    if (hi < 0 || lo < 0) return text;
    out->push_back(static_cast<char>(hi * 16 + lo));
  }
  return *out;
}

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(PGconn* conn, Budget& budget) : conn_(conn), budget_(budget) {}
  ~PostgresDatabase() override { PQfinish(conn_); }
  PostgresDatabase(const PostgresDatabase&) = delete;
  PostgresDatabase& operator=(const PostgresDatabase&) = delete;

  // Every later transaction is read-only unless it says otherwise (ours
  // say READ ONLY too), and text arrives as UTF-8.
  Status Configure() {
    if (PQsetClientEncoding(conn_, "UTF8") != 0) return Error("cannot use UTF-8");
    return Command("SET default_transaction_read_only = on");
  }

  Result<std::vector<DbTable>> Tables() override {
    std::vector<DbTable> tables;
    std::map<std::string, size_t> by_oid;
    Status s = InReadOnlyTransaction([&] {
      Status st = Rows(kTablesSql, [&](std::span<const DbValue> v) {
        by_oid[std::string(v[0].text)] = tables.size();
        tables.push_back({});
        tables.back().schema = std::string(v[1].text);
        tables.back().name = std::string(v[2].text);
        return true;
      });
      if (!st.ok()) return st;
      st = Rows(kColumnsSql, [&](std::span<const DbValue> v) {
        if (auto it = by_oid.find(std::string(v[0].text)); it != by_oid.end()) {
          tables[it->second].columns.emplace_back(v[1].text);
        }
        return true;
      });
      if (!st.ok()) return st;
      std::string last_constraint;
      return Rows(kKeysSql, [&](std::span<const DbValue> v) {
        auto it = by_oid.find(std::string(v[0].text));
        if (it == by_oid.end()) return true;
        DbTable& t = tables[it->second];
        const bool first = v[1].text != last_constraint;
        last_constraint = std::string(v[1].text);
        if (v[2].text == "p") {
          t.primary_key.emplace_back(v[5].text);
          return true;
        }
        if (first) {
          t.foreign_keys.push_back({});
          t.foreign_keys.back().parent_schema = std::string(v[3].text);
          t.foreign_keys.back().parent_name = std::string(v[4].text);
        }
        t.foreign_keys.back().columns.emplace_back(v[5].text);
        t.foreign_keys.back().parent_columns.emplace_back(v[6].text);
        return true;
      });
    });
    if (!s.ok()) return s;
    return tables;
  }

  std::string_view DefaultSchema() const override { return "public"; }
  std::string_view RowIdExpression() const override { return "ctid"; }

  // A server-side cursor: memory holds one FETCH at a time.
  Status Select(const std::string& sql, const DbRowCallback& row) override {
    return InReadOnlyTransaction([&]() -> Status {
      // PQexecParams runs exactly one statement: a row condition cannot
      // smuggle in a COMMIT and a write after it.
      ResultPtr declared(
          PQexecParams(conn_, ("DECLARE mamori_rows NO SCROLL CURSOR FOR " + sql).c_str(), 0,
                       nullptr, nullptr, nullptr, nullptr, 0),
          PQclear);
      if (PQresultStatus(declared.get()) != PGRES_COMMAND_OK) return Error("query failed");
      const std::string fetch = "FETCH " + std::to_string(kFetchRows) + " FROM mamori_rows";
      for (;;) {
        if (Status expired = budget_.Expired(); !expired.ok()) return expired;
        bool more = true;
        const Status s =
            Rows(fetch.c_str(), [&](std::span<const DbValue> v) { return more = row(v); });
        if (!s.ok()) return s;
        if (!more || fetched_ < kFetchRows) break;
      }
      return Command("CLOSE mamori_rows");
    });
  }

 private:
  // Runs `body` between BEGIN TRANSACTION READ ONLY and COMMIT (ROLLBACK
  // when it fails).
  template <typename Body>
  Status InReadOnlyTransaction(Body body) {
    if (Status s = Command("BEGIN TRANSACTION READ ONLY"); !s.ok()) return s;
    Status s = body();
    if (!s.ok()) {
      ResultPtr(PQexec(conn_, "ROLLBACK"), PQclear);
      return s;
    }
    return Command("COMMIT");
  }

  Status Command(const char* sql) {
    ResultPtr r(PQexec(conn_, sql), PQclear);
    return PQresultStatus(r.get()) == PGRES_COMMAND_OK ? Status::Ok() : Error(sql);
  }

  // A query whose rows fit in memory (catalogs, one FETCH). bytea values
  // arrive as hex (\x4d5a…) and are handed on as their bytes.
  Status Rows(const char* sql, const DbRowCallback& row) {
    ResultPtr r(PQexec(conn_, sql), PQclear);
    if (PQresultStatus(r.get()) != PGRES_TUPLES_OK) return Error("query failed");
    const int rows = PQntuples(r.get()), columns = PQnfields(r.get());
    fetched_ = rows;
    std::vector<DbValue> values(static_cast<size_t>(columns));
    std::vector<std::string> decoded(static_cast<size_t>(columns));
    for (int i = 0; i < rows; ++i) {
      for (int c = 0; c < columns; ++c) {
        DbValue& v = values[static_cast<size_t>(c)];
        v.null = PQgetisnull(r.get(), i, c);
        v.text = std::string_view(PQgetvalue(r.get(), i, c),
                                  static_cast<size_t>(PQgetlength(r.get(), i, c)));
        v.binary = PQftype(r.get(), c) == kByteaOid && !v.null;
        if (v.binary) v.text = DecodeHex(v.text, &decoded[static_cast<size_t>(c)]);
      }
      if (!row(values)) break;
    }
    return Status::Ok();
  }

  Status Error(std::string_view what) const {
    std::string message = Trimmed(PQerrorMessage(conn_));
    if (message.empty()) message = std::string(what);
    return Status::IoError("PostgreSQL: " + message);
  }

  PGconn* conn_;
  Budget& budget_;
  int fetched_ = 0;  // rows of the last query
};

}  // namespace

Result<std::unique_ptr<Database>> OpenPostgres(const std::string& uri, Budget& budget) {
  // The URI's own settings win over these defaults (later ones override).
  const char* keywords[] = {"connect_timeout", "application_name", "dbname", nullptr};
  const char* values[] = {"10", "mamori", uri.c_str(), nullptr};
  PGconn* conn = PQconnectdbParams(keywords, values, 1);
  if (conn == nullptr)
    return Status::IoError("cannot connect to " + RedactPostgresUri(uri) + ": out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    const std::string message = Trimmed(PQerrorMessage(conn));
    PQfinish(conn);
    return Status::IoError("cannot connect to " + RedactPostgresUri(uri) + ": " + message);
  }
  auto db = std::make_unique<PostgresDatabase>(conn, budget);
  if (Status s = db->Configure(); !s.ok()) return s;
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace mamori

const mamori::PostgresPlugin* mamori_postgres_plugin() {
  static constexpr mamori::PostgresPlugin kPlugin{&mamori::OpenPostgres,
                                                  &mamori::inventory::OpenPostgresBackend};
  return &kPlugin;
}
