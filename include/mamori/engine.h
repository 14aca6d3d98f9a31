// The scan engine: one compiled engine, shared read-only by all threads.
#ifndef MAMORI_ENGINE_H_
#define MAMORI_ENGINE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/finding.h"
#include "mamori/options.h"
#include "mamori/sink.h"
#include "mamori/status.h"

namespace mamori {

class Engine {
 public:
  static Result<std::unique_ptr<Engine>> Create(const ScanOptions& options);
  virtual ~Engine() = default;

  // Scans files, directories (recursively) and "-" (stdin) with
  // options.jobs threads, reporting every object to the sink.
  virtual ScanSummary Scan(const std::vector<std::string>& inputs, ScanSink& sink) = 0;

  // Scans one in-memory object; findings are appended to *findings.
  virtual ObjectReport ScanBytes(const std::string& path, std::string_view bytes,
                                 std::vector<Finding>* findings) = 0;

  // Loads now what detectors otherwise load on first use (the name
  // dictionary, the morphology model). A daemon or a fuzzer wants that wait
  // at start, not inside the first message's scan time limit.
  virtual void Prepare() = 0;

  virtual const ScanOptions& options() const = 0;
};

}  // namespace mamori

#endif  // MAMORI_ENGINE_H_
