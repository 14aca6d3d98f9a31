#include "inventory/postgres_backend.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace mamori::inventory {
namespace {

TEST(NumberPlaceholders, OutsideQuotesOnly) {
  EXPECT_EQ(NumberPlaceholders("SELECT ? , '?', ?"), "SELECT $1 , '?', $2");
  EXPECT_EQ(NumberPlaceholders("SELECT 1"), "SELECT 1");
}

TEST(PostgresBackend, UnreachableServerIsAnError) {
  auto db = OpenSqlBackend("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2");
  ASSERT_FALSE(db.ok());
  EXPECT_NE(db.status().message().find("cannot connect"), std::string::npos);
}

// Runs against a real server when the e2e helper started one (MAMORI_PG_URL).
TEST(PostgresBackend, RoundTripOnARealServer) {
  const char* url = std::getenv("MAMORI_PG_URL");
  if (!url) GTEST_SKIP() << "MAMORI_PG_URL not set (tests/e2e/inventory_test.sh covers PostgreSQL)";
  auto db = OpenSqlBackend(url);
  ASSERT_TRUE(db.ok()) << db.status().message();
  ASSERT_TRUE((*db)->Script("CREATE TEMP TABLE t (a BIGINT, b TEXT)").ok());
  ASSERT_TRUE((*db)->Run("INSERT INTO t VALUES (?, ?)", {int64_t{42}, std::string("x'y")}).ok());
  ASSERT_TRUE((*db)->Run("INSERT INTO t VALUES (?, ?)", {SqlValue{}, std::string("z")}).ok());
  auto rows = (*db)->Run("SELECT a, b FROM t ORDER BY b");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ(AsInt((*rows)[0][0]), 42);
  EXPECT_EQ(AsText((*rows)[0][1]), "x'y");
  EXPECT_TRUE(IsNull((*rows)[1][0]));
}

}  // namespace
}  // namespace mamori::inventory
