#include "extract/database.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "engine/temp_dir_test_util.h"
#include "extract/office_zip_test_util.h"
#include "extract/recording_sink_test_util.h"
#include "extract/sqlite_db.h"
#include "extract/sqlite_test_util.h"
#include "mamori/engine.h"

namespace mamori {
namespace {

// Everything a scan reported, by path.
class CollectingSink final : public ScanSink {
 public:
  void OnFindings(const std::string& path, const std::vector<Finding>& findings) override {
    for (const Finding& f : findings) this->findings.push_back({path, f});
  }
  void OnObject(const ObjectReport& object) override { objects[object.path] = object; }
  void OnSummary(const ScanSummary&) override {}

  uint64_t Count(const std::string& path, DataType type) const {
    const auto it = objects.find(path);
    return it == objects.end() ? 0 : it->second.counts[static_cast<size_t>(type)];
  }

  std::vector<std::pair<std::string, Finding>> findings;
  std::map<std::string, ObjectReport> objects;
};

CollectingSink Scan(const std::vector<std::string>& inputs, ScanOptions options = {}) {
  options.jobs = 1;
  auto engine = Engine::Create(options);
  EXPECT_TRUE(engine.ok());
  CollectingSink sink;
  (*engine)->Scan(inputs, sink);
  return sink;
}

DbTable Table(std::string name, std::vector<std::string> columns,
              std::vector<std::string> key = {"id"}) {
  DbTable t;
  t.name = std::move(name);
  t.columns = std::move(columns);
  t.primary_key = std::move(key);
  return t;
}

TEST(PlanTableQueryTest, QuotesAndSamplesAndFilters) {
  std::vector<DbTable> tables = {Table("we\"ird", {"id", "e mail"})};
  const TableQuery q = PlanTableQuery(tables, 0, "", "rowid", "id > 3", 10);
  EXPECT_EQ(q.sql,
            "SELECT t0.\"id\", t0.\"e mail\", t0.\"id\" FROM (SELECT * FROM \"we\"\"ird\" "
            "WHERE (id > 3) LIMIT 10) AS t0");
  EXPECT_EQ(q.key_begin, 2u);
  EXPECT_EQ(QuoteSql("it's", '\''), "'it''s'");
  EXPECT_TRUE(q.hops.empty());
}

TEST(PlanTableQueryTest, RowIdWithoutPrimaryKey) {
  std::vector<DbTable> tables = {Table("log", {"line"}, {})};
  const TableQuery q = PlanTableQuery(tables, 0, "", "rowid", "", 0);
  EXPECT_EQ(
      q.sql,
      "SELECT t0.\"line\", t0.\"mamori$rowid\" FROM (SELECT rowid AS \"mamori$rowid\", * FROM "
      "\"log\") AS t0");
}

TEST(PlanTableQueryTest, FollowsNamedColumnsToThePeopleTable) {
  std::vector<DbTable> tables = {Table("customers", {"id", "name", "email"}),
                                 Table("orders", {"id", "customer_id", "shop_id", "total"}),
                                 Table("order_items", {"id", "order_id", "sku"}),
                                 Table("shops", {"id", "city"}),
                                 Table("categories", {"id", "label"}),
                                 Table("products", {"id", "category_id", "product_name"})};
  const TableQuery items = PlanTableQuery(tables, 2, "", "rowid", "", 0);
  ASSERT_EQ(items.hops.size(), 2u);
  EXPECT_EQ(items.hops[0].table, "orders");
  EXPECT_EQ(items.hops[1].table, "customers");
  EXPECT_NE(items.sql.find("LEFT JOIN \"orders\" AS t1 ON t1.\"id\" = t0.\"order_id\""),
            std::string::npos);
  EXPECT_NE(items.sql.find("t1.\"customer_id\""), std::string::npos);
  // shops identify nobody: orders link to customers, not to shops.
  const TableQuery orders = PlanTableQuery(tables, 1, "", "rowid", "", 0);
  ASSERT_EQ(orders.hops.size(), 1u);
  EXPECT_EQ(orders.hops[0].table, "customers");
  // A table that identifies people is a root; one reaching no such table too.
  EXPECT_TRUE(PlanTableQuery(tables, 0, "", "rowid", "", 0).hops.empty());
  EXPECT_TRUE(PlanTableQuery(tables, 5, "", "rowid", "", 0).hops.empty());
}

TEST(PlanTableQueryTest, DeclaredForeignKeysAcrossSchemas) {
  std::vector<DbTable> tables = {Table("people", {"pid", "氏名"}, {"pid"}),
                                 Table("payments", {"id", "payer", "amount"})};
  tables[0].schema = "crm";
  tables[1].schema = "public";
  tables[1].foreign_keys.push_back({{"payer"}, "crm", "people", {"pid"}});
  const TableQuery q = PlanTableQuery(tables, 1, "public", "ctid", "", 0);
  EXPECT_EQ(q.display, "payments");
  ASSERT_EQ(q.hops.size(), 1u);
  EXPECT_EQ(q.hops[0].table, "crm.people");
  EXPECT_NE(q.sql.find("FROM \"public\".\"payments\""), std::string::npos);
  // A key referencing a non-key column is no person link.
  tables[1].foreign_keys[0].parent_columns = {"氏名"};
  EXPECT_TRUE(PlanTableQuery(tables, 1, "public", "ctid", "", 0).hops.empty());
}

TEST(DatabaseUriTest, RecognisedAndRedacted) {
  EXPECT_TRUE(IsDatabaseUri("sqlite:shop.db"));
  EXPECT_TRUE(IsDatabaseUri("postgresql://u@h/db"));
  EXPECT_TRUE(IsDatabaseUri("postgres://h"));
  EXPECT_FALSE(IsDatabaseUri("shop.db"));
  EXPECT_EQ(
      DisplayDatabaseUri("postgresql://app:s3cret@db.local:5432/shop?sslmode=require&password=x"),
      "postgresql://app@db.local:5432/shop?sslmode=require&password=***");
  EXPECT_EQ(DisplayDatabaseUri("postgres://h/db"), "postgres://h/db");
  EXPECT_EQ(DisplayDatabaseUri("sqlite:a.db"), "sqlite:a.db");
}

TEST(ScanDatabaseTest, CellsCarryTableKeyAndRecord) {
  TempDir dir;
  const std::string path = dir / "shop.db";
  ASSERT_TRUE(MakeSqliteDatabase(path, ShopSql(3, false)).ok());
  Budget budget{Limits{}};
  auto db = OpenSqliteFile(path, budget);
  ASSERT_TRUE(db.ok()) << db.status().message();
  RecordingSink sink;
  ScanDatabase(**db, {}, sink);
  EXPECT_EQ(sink.status, ObjectStatus::kOk);
  const auto codes = sink.CellsIn("security_code");
  ASSERT_EQ(codes.size(), 6u);
  EXPECT_EQ(codes[0].column_kind, LabelKind::kSecurityCode);
  EXPECT_EQ(codes[0].row, 1u);
}

TEST(EngineDatabaseTest, ShopOf500CustomersIs500People) {
  TempDir dir;
  for (bool declared : {false, true}) {
    const std::string path = dir / (declared ? "declared.db" : "named.db");
    ASSERT_TRUE(MakeSqliteDatabase(path, ShopSql(500, declared)).ok());
    const CollectingSink sink = Scan({"sqlite:" + path});
    const std::string db = "sqlite:" + path;
    ASSERT_TRUE(sink.objects.count(db));
    EXPECT_EQ(sink.objects.at(db).status, ObjectStatus::kOk) << sink.objects.at(db).reason;
    EXPECT_EQ(sink.objects.at(db).records, 500u);
    EXPECT_EQ(sink.objects.at(db).risk, Risk::kCritical);
    EXPECT_EQ(sink.objects.at(db + "!/customers").records, 500u);
    EXPECT_EQ(sink.objects.at(db + "!/orders").records, 1000u);
    EXPECT_EQ(sink.Count(db + "!/orders", DataType::kCardSecurityCode), 1000u);
    EXPECT_EQ(sink.Count(db + "!/orders", DataType::kCardNumber), 1000u);
    EXPECT_EQ(sink.Count(db, DataType::kCardSecurityCode), 1000u);
    // Sizes are the bytes of the values read.
    EXPECT_GT(sink.objects.at(db + "!/orders").bytes, 1000u * 16);
    EXPECT_EQ(sink.objects.at(db).bytes,
              sink.objects.at(db + "!/orders").bytes + sink.objects.at(db + "!/customers").bytes);
    std::set<std::string> records;
    for (const auto& [object, f] : sink.findings) {
      if (f.type != DataType::kCardSecurityCode) continue;
      EXPECT_EQ(f.where.table, "orders");
      EXPECT_EQ(f.where.column, "security_code");
      records.insert(f.where.record);
      if (f.where.primary_key == "501") {
        EXPECT_EQ(f.where.record, "customers:1");
      }
    }
    EXPECT_EQ(records.size(), 500u);
  }
}

// A card-only scan skips the cells too short to hold a card number; rows,
// people, sizes and each finding's location come out as in a full scan.
TEST(EngineDatabaseTest, SkippedShortCellsChangeNoCounts) {
  TempDir dir;
  const std::string path = dir / "shop.db";
  ASSERT_TRUE(MakeSqliteDatabase(path, ShopSql(500, true)).ok());
  const std::string db = "sqlite:" + path;
  ScanOptions cards;
  cards.types.reset();
  cards.types.set(static_cast<size_t>(DataType::kCardNumber));
  const CollectingSink all = Scan({db});
  const CollectingSink only = Scan({db}, cards);
  EXPECT_EQ(only.Count(db + "!/orders", DataType::kCardNumber), 1000u);
  EXPECT_EQ(only.Count(db, DataType::kCardSecurityCode), 0u);
  EXPECT_EQ(only.objects.at(db + "!/orders").records, 1000u);
  EXPECT_EQ(only.objects.at(db).records, 500u);
  EXPECT_EQ(only.objects.at(db).bytes, all.objects.at(db).bytes);
  std::map<std::string, std::string> card_of_key, card_of_key_all;  // primary key -> record
  for (const auto& [object, f] : all.findings) {
    if (f.type == DataType::kCardNumber) card_of_key_all[f.where.primary_key] = f.where.record;
  }
  for (const auto& [object, f] : only.findings) {
    EXPECT_EQ(f.where.column, "card_number");
    card_of_key[f.where.primary_key] = f.where.record;
  }
  EXPECT_EQ(card_of_key, card_of_key_all);
}

TEST(EngineDatabaseTest, ThousandPeopleOverTablesIsHighRisk) {
  TempDir dir;
  const std::string path = dir / "staff.db";
  std::string sql =
      "BEGIN; CREATE TABLE staff (id INTEGER PRIMARY KEY, email TEXT);"
      "CREATE TABLE members (id INTEGER PRIMARY KEY, email TEXT);";
  for (int i = 1; i <= 600; ++i) {
    sql += "INSERT INTO staff VALUES (" + std::to_string(i) + ", 's" + std::to_string(i) +
           "@corp-mail.co.jp');";
    sql += "INSERT INTO members VALUES (" + std::to_string(i) + ", 'm" + std::to_string(i) +
           "@corp-mail.co.jp');";
  }
  ASSERT_TRUE(MakeSqliteDatabase(path, sql + "COMMIT;").ok());
  const CollectingSink sink = Scan({"sqlite:" + path});
  EXPECT_EQ(sink.objects.at("sqlite:" + path + "!/staff").risk, Risk::kMedium);
  EXPECT_EQ(sink.objects.at("sqlite:" + path).records, 1200u);
  EXPECT_EQ(sink.objects.at("sqlite:" + path).risk, Risk::kHigh);
}

TEST(EngineDatabaseTest, FilesStoredInBlobsAreScannedAsFiles) {
  TempDir dir;
  const std::string path = dir / "files.db";
  const std::string zip =
      testing::MakeZip({{"list.csv", "name,card_number\n山田 太郎," + ShopCardNumber(1) + "\n"}});
  std::string hex;
  for (unsigned char c : zip) {
    static constexpr char kDigits[] = "0123456789abcdef";
    hex += kDigits[c >> 4];
    hex += kDigits[c & 15];
  }
  ASSERT_TRUE(MakeSqliteDatabase(
                  path,
                  "CREATE TABLE files (id INTEGER PRIMARY KEY, data BLOB, png BLOB, memo BLOB);"
                  "INSERT INTO files VALUES (7, x'" +
                      hex +
                      "', x'89504e470d0a1a0a00000000', "
                      "CAST('mail taro@shop-mail.co.jp' AS BLOB));")
                  .ok());
  const CollectingSink sink = Scan({"sqlite:" + path});
  const std::string table = "sqlite:" + path + "!/files";
  EXPECT_EQ(sink.Count(table + "!/7/data!/list.csv", DataType::kCardNumber), 1u);
  EXPECT_EQ(sink.objects.at(table + "!/7/png").status, ObjectStatus::kSkipped);
  EXPECT_EQ(sink.Count(table, DataType::kCardNumber), 1u);  // members count in their table
  EXPECT_EQ(sink.Count(table, DataType::kEmail), 1u);       // a text blob is a cell
}

TEST(EngineDatabaseTest, SampleRowsPerTable) {
  TempDir dir;
  const std::string path = dir / "shop.db";
  ASSERT_TRUE(MakeSqliteDatabase(path, ShopSql(50, true)).ok());
  ScanOptions options;
  options.sample_rows = 7;
  const CollectingSink sink = Scan({"sqlite:" + path}, options);
  EXPECT_EQ(sink.objects.at("sqlite:" + path + "!/customers").records, 7u);
  EXPECT_EQ(sink.objects.at("sqlite:" + path + "!/orders").records, 7u);
  EXPECT_EQ(sink.Count("sqlite:" + path + "!/orders", DataType::kCardSecurityCode), 7u);
}

TEST(EngineDatabaseTest, SelectedTablesAndRowConditions) {
  TempDir dir;
  const std::string path = dir / "shop.db";
  ASSERT_TRUE(MakeSqliteDatabase(path, ShopSql(50, true)).ok());
  ScanOptions options;
  options.tables = {{"orders", "customer_id IN (3, 4)"}, {"orders", "id = 1"}, {"missing", ""}};
  const CollectingSink sink = Scan({"sqlite:" + path}, options);
  const std::string db = "sqlite:" + path;
  EXPECT_FALSE(sink.objects.count(db + "!/customers"));
  EXPECT_EQ(sink.objects.at(db + "!/orders").records, 5u);  // ids 1, 3, 4, 53, 54
  EXPECT_EQ(sink.objects.at(db).records, 3u);               // customers 1, 3 and 4
  EXPECT_EQ(sink.objects.at(db + "!/missing").status, ObjectStatus::kError);
  // A row condition cannot add a statement.
  options.tables = {{"orders", "1); SELECT (1"}};
  const CollectingSink bad = Scan({"sqlite:" + path}, options);
  EXPECT_EQ(bad.objects.at(db + "!/orders").status, ObjectStatus::kError);
}

TEST(EngineDatabaseTest, SqliteFileInADirectoryAndInMemory) {
  TempDir dir;
  ASSERT_TRUE(MakeSqliteDatabase(dir / "app.sqlite3", ShopSql(5, true)).ok());
  const CollectingSink sink = Scan({dir.path()});
  const std::string db = dir / "app.sqlite3";
  ASSERT_TRUE(sink.objects.count(db + "!/orders"));
  EXPECT_EQ(sink.objects.at(db).records, 5u);
  EXPECT_EQ(sink.Count(db + "!/orders", DataType::kCardSecurityCode), 10u);

  std::ifstream in(db, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  auto engine = Engine::Create({});
  std::vector<Finding> findings;
  const ObjectReport report = (*engine)->ScanBytes("inner.db", bytes.str(), &findings);
  EXPECT_EQ(report.status, ObjectStatus::kOk) << report.reason;
  EXPECT_EQ(report.records, 5u);
  EXPECT_EQ(report.counts[static_cast<size_t>(DataType::kCardSecurityCode)], 10u);
}

TEST(EngineDatabaseTest, BrokenDatabasesAreErrorsNotCrashes) {
  TempDir dir;
  const CollectingSink missing = Scan({"sqlite:" + dir / "none.db"});
  EXPECT_EQ(missing.objects.at("sqlite:" + dir / "none.db").status, ObjectStatus::kError);
  EXPECT_EQ(::access((dir / "none.db").c_str(), F_OK), -1);  // read-only: nothing created

  const std::string path = dir / "shop.db";
  ASSERT_TRUE(MakeSqliteDatabase(path, ShopSql(200, true)).ok());
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    bytes = ss.str();
  }
  std::string corrupt = bytes;
  for (size_t i = 4096 * 2; i < corrupt.size(); i += 7) corrupt[i] = static_cast<char>(0xA5);
  std::ofstream(dir / "corrupt.db", std::ios::binary) << corrupt;
  const CollectingSink broken = Scan({dir / "corrupt.db"});
  const ObjectReport& r = broken.objects.at(dir / "corrupt.db");
  EXPECT_NE(r.status, ObjectStatus::kOk);

  std::ofstream(dir / "cut.db", std::ios::binary) << bytes.substr(0, 100);
  const CollectingSink cut = Scan({"sqlite:" + dir / "cut.db"});
  EXPECT_EQ(cut.objects.at("sqlite:" + dir / "cut.db").status, ObjectStatus::kError);
}

}  // namespace
}  // namespace mamori
