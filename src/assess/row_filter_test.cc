#include "assess/row_filter.h"

#include <gtest/gtest.h>

namespace mamori::assess {
namespace {

TEST(RowFilterTest, QuotesLiterals) {
  EXPECT_EQ(*QuoteLiteral(SqlValue(std::string("it's"))), "'it''s'");
  EXPECT_EQ(*QuoteLiteral(SqlValue(42LL)), "42");
  EXPECT_FALSE(QuoteLiteral(SqlValue(std::string("a\0b", 3))).ok());
}

TEST(RowFilterTest, DateWindowAndExclusion) {
  RowFilter window{
      .column = "ordered_at", .from = ParseIsoDate("2011-03-07"), .to = ParseIsoDate("2013-04-23")};
  RowFilter counter{.column = "channel", .not_equal = SqlValue(std::string("airport_counter"))};
  EXPECT_EQ(*RowCondition({window, counter}, ""),
            "(\"ordered_at\" >= '2011-03-07') AND (\"ordered_at\" < '2013-04-24') AND "
            "(\"channel\" IS NULL OR \"channel\" <> 'airport_counter')");
}

TEST(RowFilterTest, HostileNamesAndValuesStayQuoted) {
  RowFilter f{.column = "x\" OR 1=1 --",
              .equal = SqlValue(std::string("'; DROP TABLE orders; --"))};
  EXPECT_EQ(*RowCondition({f}, ""), "(\"x\"\" OR 1=1 --\" = '''; DROP TABLE orders; --')");
  EXPECT_FALSE(RowCondition({RowFilter{.column = "", .equal = SqlValue(1LL)}}, "").ok());
}

TEST(RowFilterTest, RawWhereIsKeptAndParenthesized) {
  RowFilter f{.column = "shop", .equal = SqlValue(3LL)};
  EXPECT_EQ(*RowCondition({f}, "a = 1 OR b = 2"), "(a = 1 OR b = 2) AND (\"shop\" = 3)");
  EXPECT_EQ(*RowCondition({}, ""), "");
}

}  // namespace
}  // namespace mamori::assess
