// The inventory sink driven by the real engine over a real SQLite store.
#include "inventory/inventory_sink.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "engine/temp_dir_test_util.h"
#include "mamori/engine.h"

namespace mamori::inventory {
namespace {

constexpr const char* kHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

class CountingSink final : public ScanSink {
 public:
  void OnFindings(const std::string&, const std::vector<Finding>&) override {}
  void OnObject(const ObjectReport&) override { ++objects; }
  void OnSummary(const ScanSummary& s) override { summary = s; }
  int objects = 0;
  ScanSummary summary;
};

class InventorySinkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directory(data_);
    Write("a.txt", "card 4901234567890121 mail taro@example.jp\n");
    Write("b.txt", "nothing here\n");
    Write("c.txt", "tel 03-1234-5678\n");
  }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(data_ + "/" + name) << text;
  }

  // One `mamori scan --store` run; returns its changes.
  RunChanges Run(CountingSink& out) {
    auto store = InventoryStore::Open(dir_ / "inv.sqlite", *StoreKey::FromHex(kHex));
    EXPECT_TRUE(store.ok()) << store.status().message();
    auto last = (*store)->BeginRun({"h", {data_}, "[]"});
    EXPECT_TRUE(last.ok());
    std::FILE* report = std::tmpfile();
    InventorySink sink(**store, std::move(*last), out, report);
    auto engine = Engine::Create(ScanOptions{});
    (*engine)->Scan({data_}, sink);
    std::fclose(report);
    EXPECT_TRUE(sink.status().ok()) << sink.status().message();
    max_risk_ = sink.max_risk();
    objects_ = *(*store)->CurrentObjects();
    return sink.changes();
  }

  TempDir dir_;
  const std::string data_ = dir_ / "data";
  Risk max_risk_ = Risk::kNone;
  std::vector<StoredObject> objects_;
};

TEST_F(InventorySinkTest, RescanSkipsUnchangedAndReportsChanges) {
  CountingSink first;
  Run(first);
  EXPECT_EQ(first.objects, 3);
  EXPECT_EQ(objects_.size(), 3u);

  CountingSink second;
  RunChanges changes = Run(second);
  EXPECT_EQ(second.objects, 0);  // nothing re-read
  EXPECT_EQ(changes.unchanged, 3u);
  EXPECT_TRUE(changes.appeared.empty() && changes.changed.empty() && changes.disappeared.empty());
  // The forwarded summary still describes the folder, and so does the risk.
  EXPECT_EQ(second.summary.findings, first.summary.findings);
  EXPECT_EQ(second.summary.counts, first.summary.counts);
  EXPECT_EQ(max_risk_, first.summary.max_risk);
  EXPECT_EQ(objects_.size(), 3u);

  Write("c.txt", "tel 03-1234-5678 and 03-9876-5432\n");
  Write("d.txt", "mail jiro@example.com\n");
  std::filesystem::remove(data_ + "/b.txt");
  CountingSink third;
  changes = Run(third);
  EXPECT_EQ(third.objects, 2);
  EXPECT_EQ(changes.unchanged, 1u);
  EXPECT_EQ(changes.appeared, std::vector<std::string>{data_ + "/d.txt"});
  EXPECT_EQ(changes.changed, std::vector<std::string>{data_ + "/c.txt"});
  EXPECT_EQ(changes.disappeared, std::vector<std::string>{data_ + "/b.txt"});
  ASSERT_EQ(objects_.size(), 3u);  // a (carried), c, d
  for (const StoredObject& o : objects_) EXPECT_NE(o.path, data_ + "/b.txt");
}

}  // namespace
}  // namespace mamori::inventory
