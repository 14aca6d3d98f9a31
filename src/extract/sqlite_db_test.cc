#include "extract/sqlite_db.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <fstream>
#include <sstream>

#include "engine/temp_dir_test_util.h"
#include "extract/sqlite_test_util.h"

namespace mamori {
namespace {

class SqliteDbTest : public ::testing::Test {
 protected:
  std::string Path(const std::string& name) const { return dir_ / name; }
  static std::string Read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  static std::vector<std::string> Column(Database& db, const std::string& sql,
                                         Status* status = nullptr) {
    std::vector<std::string> out;
    Status s = db.Select(sql, [&](std::span<const DbValue> v) {
      out.push_back(v[0].null ? "NULL" : std::string(v[0].text));
      return true;
    });
    if (status) *status = s;
    return out;
  }

  TempDir dir_;
  Budget budget_{Limits{}};
};

TEST_F(SqliteDbTest, ListsTablesKeysAndForeignKeys) {
  ASSERT_TRUE(
      MakeSqliteDatabase(Path("a.db"),
                         "CREATE TABLE parent (b TEXT, a INTEGER, x TEXT, PRIMARY KEY (a, b));"
                         "CREATE TABLE child (id INTEGER PRIMARY KEY, pa INTEGER, pb TEXT,"
                         " FOREIGN KEY (pb, pa) REFERENCES parent (b, a));"
                         "CREATE TABLE loose (v TEXT, w INTEGER REFERENCES parent);"
                         "CREATE VIEW v AS SELECT * FROM parent;")
          .ok());
  auto db = OpenSqliteFile(Path("a.db"), budget_);
  ASSERT_TRUE(db.ok()) << db.status().message();
  auto tables = (*db)->Tables();
  ASSERT_TRUE(tables.ok());
  ASSERT_EQ(tables->size(), 3u);  // views are not tables
  const DbTable& child = (*tables)[0];
  EXPECT_EQ(child.name, "child");
  ASSERT_EQ(child.foreign_keys.size(), 1u);
  EXPECT_EQ(child.foreign_keys[0].columns, (std::vector<std::string>{"pb", "pa"}));
  EXPECT_EQ(child.foreign_keys[0].parent_columns, (std::vector<std::string>{"b", "a"}));
  EXPECT_EQ((*tables)[1].name, "loose");
  EXPECT_TRUE((*tables)[1].primary_key.empty());
  ASSERT_EQ((*tables)[1].foreign_keys.size(), 1u);
  EXPECT_TRUE((*tables)[1].foreign_keys[0].parent_columns.empty());  // the parent's key
  EXPECT_EQ((*tables)[2].primary_key,
            (std::vector<std::string>{"a", "b"}));  // key order, not column order
}

TEST_F(SqliteDbTest, ReadOnlyAndOneStatement) {
  ASSERT_TRUE(
      MakeSqliteDatabase(Path("a.db"), "CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('x');")
          .ok());
  const std::string before = Read(Path("a.db"));
  auto db = OpenSqliteFile(Path("a.db"), budget_);
  ASSERT_TRUE(db.ok());
  Status s;
  Column(**db, "INSERT INTO t VALUES ('y')", &s);
  EXPECT_FALSE(s.ok());
  Column(**db, "SELECT v FROM t; DELETE FROM t", &s);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(Column(**db, "SELECT v FROM t;", &s), std::vector<std::string>{"x"});
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(Read(Path("a.db")), before);
}

TEST_F(SqliteDbTest, ImagesIncludingWalDatabases) {
  ASSERT_TRUE(
      MakeSqliteDatabase(Path("w.db"),
                         "PRAGMA journal_mode = WAL; CREATE TABLE t (v TEXT);"
                         "INSERT INTO t VALUES ('a'), ('b'); PRAGMA wal_checkpoint(TRUNCATE);")
          .ok());
  const std::string image = Read(Path("w.db"));
  ASSERT_EQ(image[18], 2);  // the header says WAL
  auto db = OpenSqliteImage(image, budget_);
  ASSERT_TRUE(db.ok()) << db.status().message();
  Status s;
  EXPECT_EQ(Column(**db, "SELECT v FROM t", &s), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(s.ok()) << s.message();

  const std::string noise(4096, 'x');  // the bytes outlive the database
  auto garbage = OpenSqliteImage(noise, budget_);
  if (garbage.ok()) {
    EXPECT_FALSE((*garbage)->Tables().ok());
  }
}

TEST_F(SqliteDbTest, BlobsAndNullsAreMarked) {
  ASSERT_TRUE(MakeSqliteDatabase(
                  Path("b.db"), "CREATE TABLE t (v); INSERT INTO t VALUES (x'00ff'), (NULL), (42);")
                  .ok());
  auto db = OpenSqliteFile(Path("b.db"), budget_);
  ASSERT_TRUE(db.ok());
  std::vector<DbValue> seen;
  std::vector<std::string> texts;
  ASSERT_TRUE((*db)
                  ->Select("SELECT v FROM t",
                           [&](std::span<const DbValue> v) {
                             seen.push_back(v[0]);
                             texts.emplace_back(v[0].text);
                             return true;
                           })
                  .ok());
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_TRUE(seen[0].binary);
  EXPECT_EQ(texts[0], std::string("\x00\xff", 2));
  EXPECT_TRUE(seen[1].null);
  EXPECT_EQ(texts[2], "42");
}

TEST_F(SqliteDbTest, TimeBudgetInterruptsLongQueries) {
  ASSERT_TRUE(MakeSqliteDatabase(Path("c.db"), "CREATE TABLE t (v);").ok());
  Limits limits;
  limits.max_seconds = 0;
  Budget spent(limits);
  auto db = OpenSqliteFile(Path("c.db"), spent);
  ASSERT_TRUE(db.ok());
  Status s;
  Column(**db,
         "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000000) "
         "SELECT count(*) FROM n",
         &s);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("time budget"), std::string::npos) << s.message();
}

TEST_F(SqliteDbTest, MissingFileIsNotCreated) {
  auto db = OpenSqliteFile(Path("none.db"), budget_);
  EXPECT_FALSE(db.ok());
  EXPECT_NE(db.status().message().find("none.db"), std::string::npos);
  EXPECT_FALSE(std::ifstream(Path("none.db")).good());
}

TEST_F(SqliteDbTest, OddFileNamesAreNotUriSyntax) {
  const std::string odd = Path("a?mode=rw#1 %.db");
  ASSERT_TRUE(MakeSqliteDatabase(odd, "CREATE TABLE t (v); INSERT INTO t VALUES (1);").ok());
  auto db = OpenSqliteFile(odd, budget_);
  ASSERT_TRUE(db.ok()) << db.status().message();
  EXPECT_EQ(Column(**db, "SELECT v FROM t"), std::vector<std::string>{"1"});
}

}  // namespace
}  // namespace mamori
