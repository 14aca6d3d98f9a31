// What to scan for and how far to go.
#ifndef MAMORI_OPTIONS_H_
#define MAMORI_OPTIONS_H_

#include <bitset>
#include <cstdint>
#include <string>
#include <vector>

#include "mamori/types.h"

namespace mamori {

// Limits travel with every top-level object: each extractor asks before it
// extracts, and a limit that stops it makes the object "incomplete".
struct Limits {
  uint32_t max_depth = 8;                    // nested containers
  uint64_t max_member_bytes = 256ull << 20;  // one archive member, decompressed
  uint64_t max_total_bytes = 1ull << 30;     // all extracted bytes per top-level file
  uint64_t max_members = 100000;             // members per top-level file
  uint32_t max_seconds = 300;                // time budget per top-level file
};

// Which rows of a database to scan (databases only; files ignore it). An
// empty table means every table; `where` is an SQL condition on that table's
// rows, passed to the database as is (the assessment's row filters).
struct TableSelection {
  std::string table;
  std::string where;
};

struct ScanOptions {
  std::bitset<kDataTypeCount> types = AllTypes();   // detectors to run
  Confidence min_confidence = Confidence::kMedium;  // findings below are dropped
  uint64_t max_file_size = 0;                       // 0: no limit; larger files are "skipped"
  std::vector<std::string> excludes;                // glob patterns, matched on path and name
  unsigned jobs = 0;                                // 0: all cores
  uint32_t chunk_bytes = 1u << 18;                  // streaming chunk (tests shrink it)
  uint32_t table_chunk_bytes = 1u << 16;            // CSV and NDJSON read size (likewise)
  Limits limits;
  uint64_t sample_rows = 0;            // databases: rows per table, 0 = all
  std::vector<TableSelection> tables;  // databases: empty = every table, all rows
  // CSV rows and NDJSON lines that cannot hold a finding of the enabled
  // types are counted but not parsed into cells (engine/record_filter.h).
  // Off: every record is read in full (to check the filter; same output).
  bool filter_records = true;

  // Every type. Names and addresses are found in columns typed by their
  // headers (氏名, 住所…); person_name also in free text where context says
  // so (detectors/name.h). Leaving person_name out skips MeCab and ENAMDICT.
  static std::bitset<kDataTypeCount> AllTypes() { return std::bitset<kDataTypeCount>().set(); }
  bool Enabled(DataType t) const { return types.test(static_cast<size_t>(t)); }
};

}  // namespace mamori

#endif  // MAMORI_OPTIONS_H_
