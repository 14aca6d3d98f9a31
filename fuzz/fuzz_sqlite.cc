// SQLite database images on arbitrary bytes: deserialized read-only,
// listed (tables, keys, foreign keys) and scanned table by table through the
// database extractor, the way a database inside an archive is. Seeds are
// small real databases (fuzz/corpus/sqlite/, made by make_seeds.sh).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "extract/database.h"
#include "extract/recording_sink_test_util.h"
#include "extract/sqlite_db.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  mamori::Limits limits;
  limits.max_member_bytes = 1 << 20;  // the longest value SQLite may build
  limits.max_seconds = 2;             // recursive schemas and huge tables stop here
  mamori::RecordingSink sink(limits);
  auto db = mamori::OpenSqliteImage(bytes, sink.budget());
  if (!db.ok()) return 0;
  mamori::ScanDatabase(**db, {}, sink);
  for (const auto& cell : sink.cells) {
    if (cell.text.empty() || cell.row == 0) std::abort();
  }
  return 0;
}
