// The record filter changes nothing: any bytes, read as a CSV file and as
// NDJSON, give the same findings (type, place, row, column, value) and the
// same records and counts with the filter as without it, for several type
// sets and read sizes. Aborts otherwise.
#include <bitset>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <tuple>
#include <vector>

#include "mamori/engine.h"
#include "prepared_engine.h"

namespace {

// The type sets whose filters differ most: everything; cards alone and
// cards, emails and phones (whose filter reads only ASCII, also in CP932
// and EUC-JP bytes); phones (a column kind that matters).
std::bitset<mamori::kDataTypeCount> Types(int which) {
  std::bitset<mamori::kDataTypeCount> types;
  const auto set = [&](mamori::DataType t) { types.set(static_cast<size_t>(t)); };
  switch (which) {
    case 0:
      return mamori::ScanOptions::AllTypes();
    case 1:
      set(mamori::DataType::kCardNumber);
      break;
    case 2:
      set(mamori::DataType::kCardNumber);
      set(mamori::DataType::kEmail);
      set(mamori::DataType::kPhone);
      break;
    default:
      set(mamori::DataType::kPhone);
      break;
  }
  return types;
}

// Small read sizes: the extractors ask the filter once per piece read, and
// fuzz inputs are a few KiB.
mamori::Engine* MakeEngine(bool filter, int types, uint32_t chunk) {
  mamori::ScanOptions options;
  options.types = Types(types);
  options.min_confidence = mamori::Confidence::kLow;
  options.filter_records = filter;
  options.table_chunk_bytes = chunk;
  options.limits.max_seconds = 5;
  return PreparedEngine(options);
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

constexpr uint32_t kChunks[] = {16, 61, 256, 1u << 16};

mamori::Engine* engines[2][4][4] = {};

}  // namespace

// Dictionaries (shared by all engines) load here, outside the per-input time
// limit; the other engines are built when first picked.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  engines[0][0][0] = MakeEngine(false, 0, kChunks[0]);
  return 0;
}

// The first byte picks the types and the read size.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const int types = data[0] % 4;
  const int chunk = (data[0] >> 2) % 4;
  for (int filter = 0; filter < 2; ++filter) {
    mamori::Engine*& e = engines[filter][types][chunk];
    if (!e) e = MakeEngine(filter == 1, types, kChunks[chunk]);
  }
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  for (const char* path : {"fuzz.csv", "fuzz.ndjson"}) {
    mamori::ObjectReport a, b;
    if (Scan(*engines[1][types][chunk], path, bytes, &a) !=
        Scan(*engines[0][types][chunk], path, bytes, &b)) {
      std::abort();
    }
    if (a.records != b.records || a.counts != b.counts) std::abort();
  }
  return 0;
}
