// The record filter changes nothing: any bytes, read as a CSV file and as
// NDJSON, give the same findings (type, place, row, column, value) and the
// same records and counts with the filter as without it. Aborts otherwise.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <tuple>
#include <vector>

#include "mamori/engine.h"

namespace {

mamori::Engine* MakeEngine(bool filter) {
  mamori::ScanOptions options;
  options.min_confidence = mamori::Confidence::kLow;
  options.filter_records = filter;
  options.limits.max_seconds = 5;
  return mamori::Engine::Create(options)->release();
}

using Seen = std::tuple<int, uint64_t, uint64_t, uint64_t, std::optional<uint64_t>, std::string,
                        std::string>;

std::vector<Seen> Scan(mamori::Engine& engine, const std::string& path, std::string_view bytes,
                       mamori::ObjectReport* report) {
  std::vector<mamori::Finding> findings;
  *report = engine.ScanBytes(path, bytes, &findings);
  std::vector<Seen> seen;
  for (const mamori::Finding& f : findings) {
    seen.emplace_back(static_cast<int>(f.type), f.offset, f.length, f.line, f.where.row,
                      f.where.column, f.value);
  }
  return seen;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static mamori::Engine* with = MakeEngine(true);
  static mamori::Engine* without = MakeEngine(false);
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (const char* path : {"fuzz.csv", "fuzz.ndjson"}) {
    mamori::ObjectReport a, b;
    if (Scan(*with, path, bytes, &a) != Scan(*without, path, bytes, &b)) std::abort();
    if (a.records != b.records || a.counts != b.counts) std::abort();
  }
  return 0;
}
