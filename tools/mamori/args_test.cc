#include "args.h"

#include <gtest/gtest.h>

namespace mamori::cli {
namespace {

ArgSpec Spec() {
  ArgSpec s;
  s.flags = {"--reveal"};
  s.valued = {"--format", "--jobs", "--exclude"};
  s.aliases = {{"-j", "--jobs"}};
  return s;
}

TEST(ArgsTest, ValuesFlagsAndPositionals) {
  auto a = ParseArgs(
      {"--format", "jsonl", "-j4", "--exclude=*.log", "--exclude", "x", "--reveal", "dir", "-"},
      Spec());
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(*a->Last("--format"), "jsonl");
  EXPECT_EQ(*a->Last("--jobs"), "4");
  EXPECT_EQ(a->All("--exclude"), (std::vector<std::string>{"*.log", "x"}));
  EXPECT_TRUE(a->Has("--reveal"));
  EXPECT_EQ(a->positional, (std::vector<std::string>{"dir", "-"}));
}

TEST(ArgsTest, Errors) {
  EXPECT_FALSE(ParseArgs({"--nope"}, Spec()).ok());
  EXPECT_FALSE(ParseArgs({"--format"}, Spec()).ok());
  EXPECT_FALSE(ParseArgs({"--reveal=yes"}, Spec()).ok());
}

TEST(ArgsTest, DoubleDashEndsOptions) {
  auto a = ParseArgs({"--", "--reveal"}, Spec());
  ASSERT_TRUE(a.ok());
  EXPECT_FALSE(a->Has("--reveal"));
  EXPECT_EQ(a->positional, (std::vector<std::string>{"--reveal"}));
}

TEST(ParseSizeTest, Units) {
  EXPECT_EQ(*ParseSize("1024"), 1024u);
  EXPECT_EQ(*ParseSize("64K"), 65536u);
  EXPECT_EQ(*ParseSize("10M"), 10u << 20);
  EXPECT_EQ(*ParseSize("2G"), 2ull << 30);
  EXPECT_FALSE(ParseSize("ten").ok());
  EXPECT_FALSE(ParseSize("5X").ok());
  EXPECT_FALSE(ParseSize("99999999999999999999").ok());
  EXPECT_FALSE(ParseSize("99999999999G").ok());
}

}  // namespace
}  // namespace mamori::cli
