// Databases for the engine: every table of a SQLite file or a PostgreSQL
// database becomes a nested object ("shop.db!/customers") whose rows are
// reported as cells. Column names are the headers, typed like the headers of
// tables in files (ClassifyColumn), and each cell carries its table, the
// row's primary key and the row's record: the person the row describes.
//
// Records follow links between tables: declared foreign keys, else an
// obvious "<table>_id" / "<singular>_id" column naming another table whose
// primary key is one column. A row of orders with customer_id = 42 is
// "customers:42", like the customer's own row, so the database counts that
// person once; chains (order_items -> orders -> customers) are followed in
// the query itself with joins, so nothing is held in memory per row. A link
// is followed only towards a table that identifies people (it has a name,
// email, My Number, birth date, passport or licence column) or leads to one;
// a table that itself identifies people is a root and links nowhere. A row
// without a usable link is its own record, "orders:17".
//
// Reading is read-only by construction: the Database implementations open
// SQLite read-only and run PostgreSQL queries in READ ONLY transactions.
#ifndef MAMORI_EXTRACT_DATABASE_H_
#define MAMORI_EXTRACT_DATABASE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extractor.h"
#include "mamori/options.h"
#include "mamori/status.h"

namespace mamori {

// One value of a result row, as text (numbers in their decimal form).
struct DbValue {
  std::string_view text;
  bool null = false;
  bool binary = false;  // a BLOB or bytea: UTF-8 text is a cell, anything else a nested object
};

struct DbForeignKey {
  std::vector<std::string> columns;  // in the referencing table
  std::string parent_schema;
  std::string parent_name;
  std::vector<std::string> parent_columns;  // empty: the parent's primary key
};

struct DbTable {
  std::string schema;  // "" for SQLite
  std::string name;
  std::vector<std::string> columns;      // in table order
  std::vector<std::string> primary_key;  // column names; empty when none is declared
  std::vector<DbForeignKey> foreign_keys;
};

// A result row; returning false stops the query.
using DbRowCallback = std::function<bool(std::span<const DbValue>)>;

class Database {
 public:
  virtual ~Database() = default;

  // Every table holding data (not views), in a stable order.
  virtual Result<std::vector<DbTable>> Tables() = 0;

  // The schema shown in names when it is not the default one ("public").
  virtual std::string_view DefaultSchema() const = 0;

  // An expression locating a row of a table without a primary key
  // ("rowid", "ctid").
  virtual std::string_view RowIdExpression() const = 0;

  // Runs one read-only SELECT, streaming its rows to `row`. Returns an
  // error when the query fails (before or after some rows).
  virtual Status Select(const std::string& sql, const DbRowCallback& row) = 0;
};

// "sqlite:PATH", "postgresql://…" or "postgres://…".
bool IsDatabaseUri(std::string_view input);

// The URI as shown in paths and messages: any password removed.
std::string DisplayDatabaseUri(std::string_view uri);

// Opens what a database URI names (read-only). `budget` bounds the time of
// every later query.
Result<std::unique_ptr<Database>> OpenDatabaseUri(std::string_view uri, Budget& budget);

// `text` between `quote` characters, each quote in it doubled: an SQL
// identifier with '"' ("a""b"), a string literal with '\'' ('it''s').
std::string QuoteSql(std::string_view text, char quote);
inline std::string QuoteIdentifier(std::string_view name) { return QuoteSql(name, '"'); }

struct DatabaseScanOptions {
  uint64_t sample_rows = 0;            // rows per table; 0 = all
  std::vector<TableSelection> tables;  // empty: every table, every row
};

// Scans the selected tables of `db`, each as sink.Nested(<table>, …);
// binary values that are not UTF-8 text become members "<key>/<column>"
// of their table (files stored in the database are scanned as files).
// A database that cannot be listed makes the object an error; a table that
// fails makes its own object an error (or incomplete after some rows).
void ScanDatabase(Database& db, const DatabaseScanOptions& options, ExtractSink& sink);

// The SELECT that reads one table: its columns, then the row locator, then
// the record's link values (exposed for tests).
struct TableQuery {
  std::string display;  // "customers", "sales.orders"
  std::string sql;
  std::vector<std::string> columns;     // result columns 0..n-1
  size_t key_begin = 0, key_count = 0;  // the row's key columns in the result
  struct Hop {
    std::string table;            // display name of the table reached
    size_t begin = 0, count = 0;  // its key values in the result
  };
  std::vector<Hop> hops;  // towards the root, nearest first
};

// Plans the query for tables[index] among all tables of the database.
TableQuery PlanTableQuery(const std::vector<DbTable>& tables, size_t index,
                          std::string_view default_schema, std::string_view row_id,
                          std::string_view where, uint64_t limit);

}  // namespace mamori

#endif  // MAMORI_EXTRACT_DATABASE_H_
