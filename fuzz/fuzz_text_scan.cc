// The whole text path on arbitrary bytes: encoding detection, every decoder,
// normalization, candidate finding and all detectors. Checks that every
// finding lies inside the input.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "mamori/engine.h"
#include "prepared_engine.h"

namespace {
mamori::Engine* engine = nullptr;
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  mamori::ScanOptions options;
  options.min_confidence = mamori::Confidence::kLow;
  options.chunk_bytes = 64;  // small chunks exercise the carry-over logic
  engine = PreparedEngine(options);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<mamori::Finding> findings;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const mamori::ObjectReport report = engine->ScanBytes("fuzz", bytes, &findings);
  for (const mamori::Finding& f : findings) {
    if (f.offset + f.length > size || f.length == 0) std::abort();
  }
  if (report.bytes != size && report.status == mamori::ObjectStatus::kOk) std::abort();
  return 0;
}
