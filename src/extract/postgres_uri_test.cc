#include "extract/postgres_uri.h"

#include <gtest/gtest.h>

namespace mamori {
namespace {

TEST(RedactPostgresUriTest, PasswordsNeverShown) {
  EXPECT_EQ(RedactPostgresUri("postgresql://app:pw@db:5432/shop"), "postgresql://app@db:5432/shop");
  EXPECT_EQ(
      RedactPostgresUri("postgres://app:p%40w@db/shop?password=x&sslpassword=y&sslmode=disable"),
      "postgres://app@db/shop?password=***&sslpassword=***&sslmode=disable");
  EXPECT_EQ(RedactPostgresUri("postgresql://app@db/shop"), "postgresql://app@db/shop");
  EXPECT_EQ(RedactPostgresUri("postgresql:///shop?host=/run/postgresql"),
            "postgresql:///shop?host=/run/postgresql");
  EXPECT_EQ(RedactPostgresUri("postgresql://a:b@h1,c:d@h2/x"), "postgresql://a@h2/x");
}

}  // namespace
}  // namespace mamori
