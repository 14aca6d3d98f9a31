#include "engine/walker.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace mamori {
namespace {
namespace fs = std::filesystem;

class WalkerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("mamori_walk_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "b" / "node_modules");
    fs::create_directories(root_ / "a");
    Write("a/list.csv", "x");
    Write("b/mail.eml", "yy");
    Write("b/app.log", "zzz");
    Write("b/node_modules/dep.js", "q");
    fs::create_symlink(root_ / "a", root_ / "b" / "loop");
  }
  void TearDown() override { fs::remove_all(root_); }
  void Write(const std::string& rel, const std::string& body) {
    std::ofstream(root_ / rel) << body;
  }
  std::vector<std::string> Names(const std::vector<WalkItem>& items) {
    std::vector<std::string> names;
    for (const WalkItem& i : items) names.push_back(fs::relative(i.path, root_).string());
    return names;
  }
  fs::path root_;
};

TEST_F(WalkerTest, RecursesInStableOrderWithoutFollowingLinks) {
  const auto items = Walk({root_.string()}, {});
  EXPECT_EQ(Names(items), (std::vector<std::string>{"a/list.csv", "b/app.log", "b/mail.eml",
                                                    "b/node_modules/dep.js"}));
  EXPECT_EQ(items[1].size, 3u);
}

TEST_F(WalkerTest, ExcludesByNameOrPathAndPrunesDirectories) {
  const auto items = Walk({root_.string()}, {"*.log", "node_modules"});
  EXPECT_EQ(Names(items), (std::vector<std::string>{"a/list.csv", "b/mail.eml"}));
}

TEST_F(WalkerTest, MissingInputIsAnErrorItem) {
  const auto items = Walk({(root_ / "nope").string(), "-"}, {});
  ASSERT_EQ(items.size(), 2u);
  EXPECT_FALSE(items[0].error.empty());
  EXPECT_EQ(items[1].path, "-");
}

TEST(ExcludedTest, GlobsMatchNameOrWholePath) {
  EXPECT_TRUE(Excluded("/data/x/secret.bak", {"*.bak"}));
  EXPECT_TRUE(Excluded("/data/x/secret.bak", {"/data/*"}));
  EXPECT_FALSE(Excluded("/data/x/secret.csv", {"*.bak"}));
}

}  // namespace
}  // namespace mamori
