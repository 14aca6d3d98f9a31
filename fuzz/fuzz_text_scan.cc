// The whole text path on arbitrary bytes: encoding detection, every decoder,
// normalization, candidate finding and all detectors. Checks that every
// finding lies inside the input.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "mamori/engine.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static mamori::Engine* engine = [] {
    mamori::ScanOptions options;
    options.min_confidence = mamori::Confidence::kLow;
    options.chunk_bytes = 64;  // small chunks exercise the carry-over logic
    return mamori::Engine::Create(options)->release();
  }();
  std::vector<mamori::Finding> findings;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const mamori::ObjectReport report = engine->ScanBytes("fuzz", bytes, &findings);
  for (const mamori::Finding& f : findings) {
    if (f.offset + f.length > size || f.length == 0) std::abort();
  }
  if (report.bytes != size && report.status == mamori::ObjectStatus::kOk) std::abort();
  return 0;
}
