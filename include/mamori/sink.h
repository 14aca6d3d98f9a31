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
  uint64_t objects = 0;     // files and members looked at
  uint64_t bytes = 0;       // bytes read
  uint64_t findings = 0;
  uint64_t skipped = 0;     // binary or excluded-by-size objects
  uint64_t errors = 0;      // unreadable objects
  uint64_t incomplete = 0;  // stopped by a limit or truncated
  uint64_t encrypted = 0;
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
};

}  // namespace mamori

#endif  // MAMORI_SINK_H_
