// One occurrence of personal or card data, and the object it was found in.
#ifndef MAMORI_FINDING_H_
#define MAMORI_FINDING_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "mamori/types.h"

namespace mamori {

// Where inside structured content a value sits. Plain text uses none of
// these; tables, sheets, documents and databases fill what applies.
struct StructuredLocation {
  std::optional<uint64_t> row;   // 1-based data row of a table
  std::string column;            // column header or key that named the value
  std::string sheet;             // spreadsheet sheet name
  std::string cell;              // spreadsheet cell reference, e.g. "B7"
  std::optional<uint32_t> page;  // 1-based PDF page
  std::string table;             // database table
  std::string primary_key;       // database row key
  // The person this value belongs to, when the extractor knows it: a table
  // row ("row:7", "Sheet1:row:7") or a database row resolved through its
  // foreign keys to the root row it describes ("customers:42"), so orders of
  // one customer share the customer's key. Empty for free text.
  std::string record;
};

struct Finding {
  DataType type = DataType::kCardNumber;
  Confidence confidence = Confidence::kMedium;
  // Byte range in the original bytes of the object (before decoding and
  // normalization), and the 1-based line that range starts on.
  uint64_t offset = 0;
  uint64_t length = 0;
  uint64_t line = 0;
  // The normalized value (digits only for numbers, lower-cased domain for
  // email). Sinks print it masked unless the user asked to reveal.
  std::string value;
  std::string brand;  // card_number only: "visa", "jcb", ...
  bool test = false;  // a well-known public test value: does not raise risk
  StructuredLocation where;
};

// What a top-level file was when it was scanned: rescans compare it with the
// last run's to skip files that have not changed. The hash is XXH3-64 of the
// bytes (fast, not cryptographic: it tells change, it does not protect).
struct FileIdentity {
  std::string path;
  uint64_t size = 0;
  int64_t mtime_ns = 0;       // modification time, nanoseconds since the epoch
  uint64_t content_hash = 0;  // XXH3-64 of the whole file
};

// The result for one object: a file, an archive member, a table.
struct ObjectReport {
  std::string path;  // container members are joined with "!/"
  uint64_t bytes = 0;
  std::string encoding;  // detected text encoding, empty when not text
  ObjectStatus status = ObjectStatus::kOk;
  std::string reason;  // why the status is not ok
  bool encrypted = false;
  uint64_t records = 0;  // estimated distinct people
  std::array<uint64_t, kDataTypeCount> counts{};
  Risk risk = Risk::kNone;
  uint64_t findings = 0;  // total findings reported (at or above the shown confidence)
  // Set on top-level files when the sink checks files (ScanSink::ChecksFiles).
  std::optional<FileIdentity> file;
};

}  // namespace mamori

#endif  // MAMORI_FINDING_H_
