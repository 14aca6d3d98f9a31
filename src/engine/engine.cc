#include "mamori/engine.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "engine/file_identity.h"
#include "engine/object_scanner.h"
#include "engine/text_scanner.h"
#include "engine/walker.h"
#include "extract/database.h"

namespace mamori {
namespace {

// Serializes sink calls from scanner threads and keeps the run's totals.
class SharedSink final : public ObjectOutput {
 public:
  explicit SharedSink(ScanSink& sink) : sink_(sink) {}

  void Findings(const std::string& path, std::vector<Finding>& findings) override {
    if (sink_.ConcurrentFindings()) {  // formatting runs in parallel
      sink_.OnFindings(path, findings);
      return;
    }
    std::lock_guard<std::mutex> lock(mu_);
    sink_.OnFindings(path, findings);
  }

  void Object(const ObjectReport& r) override {
    std::lock_guard<std::mutex> lock(mu_);
    // Totals count what was read: a container's sums repeat its members'.
    const bool member = r.path.find("!/") != std::string::npos;
    ++summary_.objects;
    if (!member) {
      summary_.bytes += r.bytes;
      summary_.findings += r.findings;
      for (int t = 0; t < kDataTypeCount; ++t) summary_.counts[t] += r.counts[t];
    }
    summary_.max_risk = std::max(summary_.max_risk, r.risk);
    summary_.skipped += r.status == ObjectStatus::kSkipped;
    summary_.errors += r.status == ObjectStatus::kError;
    summary_.incomplete += r.status == ObjectStatus::kIncomplete;
    summary_.encrypted += r.status == ObjectStatus::kEncrypted;
    sink_.OnObject(r);
  }

  // Rescans: true when the sink knows this file unchanged (it is skipped).
  bool Unchanged(const FileIdentity& file) {
    if (!sink_.Unchanged(file)) return false;
    std::lock_guard<std::mutex> lock(mu_);
    ++summary_.unchanged;
    return true;
  }

  ScanSummary summary() const { return summary_; }

 private:
  std::mutex mu_;
  ScanSink& sink_;
  ScanSummary summary_;
};

// Puts a file's identity on its top-level report (members keep none).
class IdentifiedOutput final : public ObjectOutput {
 public:
  IdentifiedOutput(ObjectOutput& out, FileIdentity file) : out_(out), file_(std::move(file)) {}
  void Findings(const std::string& path, std::vector<Finding>& findings) override {
    out_.Findings(path, findings);
  }
  void Object(const ObjectReport& report) override {
    if (report.path != file_.path) return out_.Object(report);
    ObjectReport identified = report;
    identified.file = file_;
    out_.Object(identified);
  }

 private:
  ObjectOutput& out_;
  const FileIdentity file_;
};

// Collects everything in memory, for ScanBytes.
class VectorOutput final : public ObjectOutput {
 public:
  explicit VectorOutput(std::vector<Finding>* findings) : findings_(findings) {}
  void Findings(const std::string&, std::vector<Finding>& batch) override {
    findings_->insert(findings_->end(), batch.begin(), batch.end());
  }
  void Object(const ObjectReport&) override {}

 private:
  std::vector<Finding>* findings_;
};

class EngineImpl final : public Engine {
 public:
  explicit EngineImpl(std::unique_ptr<ScanCore> core) : core_(std::move(core)) {}

  const ScanOptions& options() const override { return core_->options; }

  void Prepare() override { PrepareDetectors(std::thread::hardware_concurrency()); }

  ScanSummary Scan(const std::vector<std::string>& inputs, ScanSink& sink) override {
    const auto start = std::chrono::steady_clock::now();
    // Database URIs are objects of their own; everything else is walked.
    std::vector<std::string> paths;
    std::vector<WalkItem> items;
    for (const std::string& input : inputs) {
      if (IsDatabaseUri(input))
        items.push_back({input, 0, ""});
      else
        paths.push_back(input);
    }
    const std::vector<WalkItem> walked = Walk(paths, core_->options.excludes);
    items.insert(items.end(), walked.begin(), walked.end());
    SharedSink shared(sink);
    const bool checks_files = sink.ChecksFiles();
    unsigned jobs = core_->options.jobs ? core_->options.jobs : std::thread::hardware_concurrency();
    jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(items.size())));
    std::atomic<size_t> next{0};
    const auto work = [&] {
      auto scanner = TextScanner::Create(*core_);
      for (size_t i = next++; i < items.size(); i = next++) {
        ScanItem(items[i], scanner.ok() ? scanner->get() : nullptr, shared, checks_files);
      }
    };
    if (jobs <= 1) {
      work();
    } else {
      // Dictionaries load on a helper thread (and as many more as there
      // are scanners) while the scanners start: a scanner that needs one
      // waits for it, the others go on.
      std::thread prepare([&] { PrepareDetectors(jobs); });
      std::vector<std::thread> threads;
      for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(work);
      for (auto& t : threads) t.join();
      prepare.join();
    }
    ScanSummary summary = shared.summary();
    summary.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    sink.OnSummary(summary);
    return summary;
  }

  ObjectReport ScanBytes(const std::string& path, std::string_view bytes,
                         std::vector<Finding>* findings) override {
    auto scanner = TextScanner::Create(*core_);
    if (!scanner.ok()) {
      ObjectReport report;
      report.path = path;
      report.status = ObjectStatus::kError;
      report.reason = scanner.status().message();
      return report;
    }
    VectorOutput output(findings);
    ObjectScanner objects(*core_, **scanner, output);
    Budget budget(core_->options.limits);
    return objects.ScanMemory(path, bytes, budget);
  }

 private:
  void PrepareDetectors(unsigned threads) const {
    for (const auto& detector : core_->detectors) detector->Prepare(std::max(1u, threads));
  }

  void ScanItem(const WalkItem& item, TextScanner* scanner, SharedSink& shared, bool checks_files) {
    ObjectReport report;
    report.path = item.path;
    report.bytes = item.size;
    if (!item.error.empty()) {
      report.status = ObjectStatus::kError;
      report.reason = item.error;
    } else if (core_->options.max_file_size && item.size > core_->options.max_file_size) {
      report.status = ObjectStatus::kSkipped;
      report.reason = "too large: " + std::to_string(item.size) + " bytes > --max-file-size";
    } else if (!scanner) {
      report.status = ObjectStatus::kError;
      report.reason = "no scanner (out of memory?)";
    } else if (IsDatabaseUri(item.path)) {
      ObjectScanner(*core_, *scanner, shared).ScanDatabaseUri(item.path);
      return;
    } else if (item.path == "-") {
      FdSource in(STDIN_FILENO, false);
      ObjectScanner(*core_, *scanner, shared).ScanTopLevel(item.path, in, false);
      return;
    } else {
      // A file the sink checks is hashed first; an unreadable one is scanned
      // as usual and gets its error there.
      Result<FileIdentity> identity = Status::NotFound("not checked");
      if (checks_files) identity = IdentifyFile(item.path);
      if (identity.ok() && shared.Unchanged(*identity)) return;
      auto file = OpenFile(item.path);
      if (file.ok()) {
        IdentifiedOutput identified(shared, identity.ok() ? std::move(*identity) : FileIdentity{});
        ObjectOutput& out = identity.ok() ? static_cast<ObjectOutput&>(identified) : shared;
        ObjectScanner(*core_, *scanner, out).ScanTopLevel(item.path, **file, true);
        return;
      }
      report.status = ObjectStatus::kError;
      report.reason = file.status().message();
    }
    shared.Object(report);
  }

  std::unique_ptr<ScanCore> core_;
};

}  // namespace

Result<std::unique_ptr<Engine>> Engine::Create(const ScanOptions& options) {
  auto core = ScanCore::Create(options);
  if (!core.ok()) return core.status();
  return std::unique_ptr<Engine>(new EngineImpl(std::move(*core)));
}

}  // namespace mamori
