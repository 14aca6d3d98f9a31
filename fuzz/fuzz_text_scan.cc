// The whole text path on arbitrary bytes: encoding detection, every decoder,
// normalization, candidate finding and all detectors. Checks that every
// finding lies inside the input, and that a scan for the structured types
// alone (whose finder searches fewer labels, and only near values:
// Finder::FindNearValues) reports what a scan for every type reports of them.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <tuple>
#include <vector>

#include "mamori/engine.h"
#include "prepared_engine.h"

namespace {
mamori::Engine* every_type = nullptr;
mamori::Engine* structured = nullptr;

bool IsWordLed(mamori::DataType t) {
  return t == mamori::DataType::kPersonName || t == mamori::DataType::kAddress;
}

using Seen = std::tuple<int, uint64_t, uint64_t, std::string>;

std::vector<Seen> StructuredFindings(const std::vector<mamori::Finding>& findings) {
  std::vector<Seen> seen;
  for (const mamori::Finding& f : findings) {
    if (!IsWordLed(f.type))
      seen.emplace_back(static_cast<int>(f.type), f.offset, f.length, f.value);
  }
  return seen;
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  mamori::ScanOptions options;
  options.min_confidence = mamori::Confidence::kLow;
  options.chunk_bytes = 64;  // small chunks exercise the carry-over logic
  every_type = PreparedEngine(options);
  options.types.reset(static_cast<size_t>(mamori::DataType::kPersonName))
      .reset(static_cast<size_t>(mamori::DataType::kAddress));
  structured = PreparedEngine(options);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<mamori::Finding> findings;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const mamori::ObjectReport report = every_type->ScanBytes("fuzz", bytes, &findings);
  for (const mamori::Finding& f : findings) {
    if (f.offset + f.length > size || f.length == 0) std::abort();
  }
  if (report.bytes != size && report.status == mamori::ObjectStatus::kOk) std::abort();
  std::vector<mamori::Finding> alone;
  structured->ScanBytes("fuzz", bytes, &alone);
  if (StructuredFindings(alone) != StructuredFindings(findings)) std::abort();
  return 0;
}
