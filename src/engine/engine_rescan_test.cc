// The engine's rescan hook (ScanSink::ChecksFiles / Unchanged).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>

#include "engine/file_identity.h"
#include "engine/temp_dir_test_util.h"
#include "mamori/engine.h"

namespace mamori {
namespace {

class CheckingSink final : public ScanSink {
 public:
  explicit CheckingSink(std::set<std::string> unchanged) : unchanged_(std::move(unchanged)) {}
  void OnFindings(const std::string& path, const std::vector<Finding>&) override {
    std::lock_guard<std::mutex> lock(mu_);
    with_findings.insert(path);
  }
  void OnObject(const ObjectReport& o) override {
    std::lock_guard<std::mutex> lock(mu_);
    objects[o.path] = o;
  }
  void OnSummary(const ScanSummary& s) override { summary = s; }
  bool ChecksFiles() const override { return checks; }
  bool Unchanged(const FileIdentity& file) override {
    std::lock_guard<std::mutex> lock(mu_);
    asked[file.path] = file;
    return unchanged_.count(file.path) > 0;
  }

  bool checks = true;
  std::map<std::string, ObjectReport> objects;
  std::map<std::string, FileIdentity> asked;
  std::set<std::string> with_findings;
  ScanSummary summary;

 private:
  std::mutex mu_;
  std::set<std::string> unchanged_;
};

class EngineRescanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ofstream(dir_ + "/a.txt") << "mail taro@example.jp\n";
    std::ofstream(dir_ + "/b.txt") << "mail hanako@example.jp\n";
  }

  ScanSummary Scan(CheckingSink& sink) {
    ScanOptions options;
    options.jobs = 2;
    auto engine = Engine::Create(options);
    EXPECT_TRUE(engine.ok());
    return (*engine)->Scan({dir_}, sink);
  }

  TempDir temp_;
  const std::string& dir_ = temp_.path();
};

TEST_F(EngineRescanTest, UnchangedFileIsSkippedAndCounted) {
  CheckingSink sink({dir_ + "/a.txt"});
  const ScanSummary summary = Scan(sink);
  EXPECT_EQ(summary.unchanged, 1u);
  EXPECT_EQ(sink.summary.unchanged, 1u);
  EXPECT_EQ(sink.asked.size(), 2u);
  EXPECT_EQ(sink.objects.count(dir_ + "/a.txt"), 0u);
  EXPECT_EQ(sink.with_findings.count(dir_ + "/a.txt"), 0u);
  ASSERT_EQ(sink.objects.count(dir_ + "/b.txt"), 1u);
  const ObjectReport& b = sink.objects[dir_ + "/b.txt"];
  ASSERT_TRUE(b.file.has_value());
  auto identity = IdentifyFile(dir_ + "/b.txt");
  EXPECT_EQ(b.file->content_hash, identity->content_hash);
  EXPECT_EQ(b.file->mtime_ns, identity->mtime_ns);
  EXPECT_EQ(b.file->size, b.bytes);
}

TEST_F(EngineRescanTest, SinksThatDoNotCheckAreNeverAsked) {
  CheckingSink sink({dir_ + "/a.txt"});
  sink.checks = false;
  const ScanSummary summary = Scan(sink);
  EXPECT_EQ(summary.unchanged, 0u);
  EXPECT_TRUE(sink.asked.empty());
  EXPECT_EQ(sink.objects.size(), 2u);
  EXPECT_FALSE(sink.objects[dir_ + "/a.txt"].file.has_value());
}

}  // namespace
}  // namespace mamori
