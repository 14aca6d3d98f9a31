// A sink that records a scan in the inventory and passes everything on to
// the user's sink (text, JSONL, SARIF). It answers the engine's rescan
// question: a top-level file whose size, mtime and content hash match the
// scope's last run is skipped and its last results are carried forward.
#ifndef MAMORI_INVENTORY_INVENTORY_SINK_H_
#define MAMORI_INVENTORY_INVENTORY_SINK_H_

#include <chrono>
#include <cstdio>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "inventory/inventory_store.h"
#include "mamori/sink.h"

namespace mamori::inventory {

class InventorySink final : public ScanSink {
 public:
  // `store` has begun its run; `last` is what BeginRun returned. The change
  // report goes to `report` (stderr) when the run finishes.
  InventorySink(InventoryStore& store, LastRun last, ScanSink& out, std::FILE* report);

  void OnFindings(const std::string& path, const std::vector<Finding>& findings) override;
  void OnObject(const ObjectReport& object) override;
  // The forwarded summary includes the carried-forward objects' findings,
  // counts and risk: it describes the scope, not just what was re-read.
  void OnSummary(const ScanSummary& summary) override;
  bool ChecksFiles() const override { return true; }
  bool Unchanged(const FileIdentity& file) override;

  // The first store error (the scan goes on; the run is then not finished).
  Status status() const;
  const RunChanges& changes() const { return changes_; }
  Risk max_risk() const { return max_risk_; }

 private:
  // Classifies a rescanned top-level object against the last run.
  void Classify(const ObjectReport& object);
  void MaybeFlush();

  mutable std::mutex mu_;
  InventoryStore& store_;
  const LastRun last_;
  ScanSink& out_;
  std::FILE* report_;
  std::set<std::string> seen_;  // top-level paths of this run
  RunChanges changes_;
  ScanSummary carried_;  // findings, counts, risk of unchanged objects
  Risk max_risk_ = Risk::kNone;
  Status status_;
  std::chrono::steady_clock::time_point last_flush_ = std::chrono::steady_clock::now();
};

}  // namespace mamori::inventory

#endif  // MAMORI_INVENTORY_INVENTORY_SINK_H_
