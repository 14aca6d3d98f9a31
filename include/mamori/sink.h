// Where findings go: text, JSONL, SARIF, a store. The engine never formats.
#ifndef MAMORI_SINK_H_
#define MAMORI_SINK_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "mamori/finding.h"

namespace mamori {

struct ScanSummary {
  uint64_t objects = 0;  // files and members looked at
  uint64_t bytes = 0;    // bytes read
  uint64_t findings = 0;
  uint64_t skipped = 0;     // binary or excluded-by-size objects
  uint64_t errors = 0;      // unreadable objects
  uint64_t incomplete = 0;  // stopped by a limit or truncated
  uint64_t encrypted = 0;
  uint64_t unchanged = 0;  // top-level files the sink knew unchanged (not rescanned)
  double seconds = 0;
  std::array<uint64_t, kDataTypeCount> counts{};
  Risk max_risk = Risk::kNone;
};

// The engine calls a sink from one thread at a time (the parallel driver
// serializes; see ConcurrentFindings), and for one object always calls
// OnFindings (zero or more times) before OnObject.
class ScanSink {
 public:
  virtual ~ScanSink() = default;
  virtual void OnFindings(const std::string& path, const std::vector<Finding>& findings) = 0;
  // True when OnFindings may be called from several threads at once (the
  // sink formats without a lock and serializes only its writes).
  virtual bool ConcurrentFindings() const { return false; }
  virtual void OnObject(const ObjectReport& object) = 0;
  virtual void OnSummary(const ScanSummary& summary) = 0;

  // Rescans (the inventory): when ChecksFiles() is true the engine hashes
  // each top-level regular file (not stdin, not one over --max-file-size)
  // before extracting it and asks Unchanged(); on true it skips the file
  // entirely (no OnFindings/OnObject: the sink carries its last results
  // forward) and counts it in ScanSummary::unchanged. Otherwise the file's
  // top-level ObjectReport carries the identity in `file`. Unchanged() may
  // be called from several scanner threads at once.
  virtual bool ChecksFiles() const { return false; }
  virtual bool Unchanged(const FileIdentity& file) {
    (void)file;
    return false;
  }
};

}  // namespace mamori

#endif  // MAMORI_SINK_H_
