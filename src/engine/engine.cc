#include "mamori/engine.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "engine/text_scanner.h"
#include "engine/walker.h"

namespace mamori {
namespace {

// Serializes sink calls from scanner threads and keeps the run's totals.
class SharedSink {
 public:
  explicit SharedSink(ScanSink& sink) : sink_(sink) {}

  void Findings(const std::string& path, const std::vector<Finding>& findings) {
    std::lock_guard<std::mutex> lock(mu_);
    sink_.OnFindings(path, findings);
  }

  void Object(const ObjectReport& r) {
    std::lock_guard<std::mutex> lock(mu_);
    ++summary_.objects;
    summary_.bytes += r.bytes;
    summary_.findings += r.findings;
    for (int t = 0; t < kDataTypeCount; ++t) summary_.counts[t] += r.counts[t];
    summary_.max_risk = std::max(summary_.max_risk, r.risk);
    summary_.skipped += r.status == ObjectStatus::kSkipped;
    summary_.errors += r.status == ObjectStatus::kError;
    summary_.incomplete += r.status == ObjectStatus::kIncomplete;
    summary_.encrypted += r.encrypted || r.status == ObjectStatus::kEncrypted;
    sink_.OnObject(r);
  }

  ScanSummary summary() const { return summary_; }

 private:
  std::mutex mu_;
  ScanSink& sink_;
  ScanSummary summary_;
};

class EngineImpl final : public Engine {
 public:
  explicit EngineImpl(std::unique_ptr<ScanCore> core) : core_(std::move(core)) {}

  const ScanOptions& options() const override { return core_->options; }

  ScanSummary Scan(const std::vector<std::string>& inputs, ScanSink& sink) override {
    const auto start = std::chrono::steady_clock::now();
    const std::vector<WalkItem> items = Walk(inputs, core_->options.excludes);
    SharedSink shared(sink);
    unsigned jobs = core_->options.jobs ? core_->options.jobs : std::thread::hardware_concurrency();
    jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(items.size())));
    std::atomic<size_t> next{0};
    const auto work = [&] {
      auto scanner = TextScanner::Create(*core_);
      for (size_t i = next++; i < items.size(); i = next++) {
        ScanItem(items[i], scanner.ok() ? scanner->get() : nullptr, shared);
      }
    };
    if (jobs <= 1) {
      work();
    } else {
      std::vector<std::thread> threads;
      for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(work);
      for (auto& t : threads) t.join();
    }
    ScanSummary summary = shared.summary();
    summary.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    sink.OnSummary(summary);
    return summary;
  }

  ObjectReport ScanBytes(const std::string& path, std::string_view bytes,
                         std::vector<Finding>* findings) override {
    ObjectReport report;
    report.path = path;
    auto scanner = TextScanner::Create(*core_);
    if (!scanner.ok()) {
      report.status = ObjectStatus::kError;
      report.reason = scanner.status().message();
      return report;
    }
    FindingCollector collector([&](std::vector<Finding>& batch) {
      findings->insert(findings->end(), batch.begin(), batch.end());
    });
    MemorySource source(bytes);
    (*scanner)->ScanStream(source, &report, &collector);
    collector.Finish(&report);
    return report;
  }

 private:
  void ScanItem(const WalkItem& item, TextScanner* scanner, SharedSink& shared) {
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
    } else {
      ScanFile(item, *scanner, &report, shared);
      return;
    }
    shared.Object(report);
  }

  void ScanFile(const WalkItem& item, TextScanner& scanner, ObjectReport* report,
                SharedSink& shared) {
    // Findings of one object are kept together until it ends (huge objects
    // flush in batches), so outputs stay grouped by file.
    std::vector<Finding> pending;
    FindingCollector collector([&](std::vector<Finding>& batch) {
      pending.insert(pending.end(), std::make_move_iterator(batch.begin()),
                     std::make_move_iterator(batch.end()));
      if (pending.size() >= 16 * FindingCollector::kBatch) {
        shared.Findings(item.path, pending);
        pending.clear();
      }
    });
    if (item.path == "-") {
      FdSource in(STDIN_FILENO, false);
      scanner.ScanStream(in, report, &collector);
    } else {
      auto file = OpenFile(item.path);
      if (!file.ok()) {
        report->status = ObjectStatus::kError;
        report->reason = file.status().message();
      } else {
        scanner.ScanStream(**file, report, &collector);
      }
    }
    collector.Finish(report);
    if (!pending.empty()) shared.Findings(item.path, pending);
    shared.Object(*report);
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
