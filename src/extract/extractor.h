// Extractors turn the bytes of one object (a file, an archive member, an
// attachment) into what the engine scans: text units, table cells, and
// nested objects. They never detect anything themselves.
#ifndef MAMORI_EXTRACT_EXTRACTOR_H_
#define MAMORI_EXTRACT_EXTRACTOR_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "engine/labels.h"
#include "engine/record_filter.h"
#include "extract/budget.h"
#include "mamori/finding.h"

namespace mamori {

// One cell of a table (CSV row, spreadsheet row, JSON object field).
struct CellRef {
  uint64_t row = 0;                      // 1-based data row (the header is not a row)
  std::string_view column;               // header text or JSON key; empty without header
  std::optional<LabelKind> column_kind;  // what the header names, when it names personal data
  std::string_view sheet;                // spreadsheets
  std::string_view cell;                 // spreadsheets: "B7"
  std::optional<uint64_t> offset;        // byte offset of the cell in the object, when known (CSV)
  uint64_t line = 0;                     // 1-based line of the cell in the object; 0 unknown
  std::string_view raw;                  // the cell's own bytes, when not UTF-8, at `offset`
  std::string_view raw_encoding;         // their encoding ("cp932"), for exact offsets
  uint64_t extent = 0;           // without raw: the bytes the cell spans from `offset` (0 unknown)
  std::string_view table;        // databases: the table ("customers", "sales.orders")
  std::string_view primary_key;  // databases: the row's key ("42", "7,2")
  std::string_view record;       // databases: the person the row describes ("customers:42")
  bool quiet = false;  // cannot hold a finding (MayHoldFinding said so): counted, not scanned
};

// What an extractor reports to; the engine implements it. Calls for one
// object come from one thread, in document order.
class ExtractSink {
 public:
  virtual ~ExtractSink() = default;

  // Free text in UTF-8 (a paragraph, a page, a mail body). `where` says
  // where it sits (page, sheet…); `offset` is its byte offset in the
  // object when that means something, else 0.
  virtual void Text(std::string_view utf8, const StructuredLocation& where,
                    uint64_t offset = 0) = 0;

  // Text in its original encoding (a mail body as sent), at byte `offset`
  // and line `line` of the object: the engine decodes it itself, so
  // findings point at the original bytes. `charset` is the declared one
  // (MIME), empty when unknown.
  virtual void RawText(std::string_view bytes, std::string_view charset,
                       const StructuredLocation& where, uint64_t offset, uint64_t line) {
    (void)charset;
    (void)line;
    Text(bytes, where, offset);
  }

  // One table cell, in row order. Cells of one row share `row`.
  virtual void Cell(std::string_view utf8, const CellRef& cell) = 0;

  // A nested object, scanned (and reported) as its own object at
  // "<this path>!/<name>"; its format is sniffed from its bytes.
  virtual void Member(std::string_view name, std::string_view bytes) = 0;

  // A nested object that could not be extracted (encrypted, too large,
  // corrupt): reported as its own object with that status.
  virtual void MemberStatus(std::string_view name, uint64_t bytes, ObjectStatus status,
                            std::string_view reason, bool encrypted) = 0;

  // A nested object the extractor reads itself (a database table): reported
  // as its own object at "<this path>!/<name>" with what `extract` reports to
  // the sink it is given. Rows of nested objects that carry a record key
  // count as people of this object once per distinct key (a customer and
  // her orders are one person). Sinks that keep no objects apart (test
  // fakes) may run `extract` on themselves.
  virtual void Nested(std::string_view name, const std::function<void(ExtractSink&)>& extract) {
    (void)name;
    extract(*this);
  }

  // This object is not fully read: incomplete, encrypted, unsupported,
  // no_text or error, with why. The most severe status wins.
  virtual void SetStatus(ObjectStatus status, std::string_view reason) = 0;

  // The text encoding the extractor detected (tables read as text).
  virtual void SetEncoding(std::string_view /*name*/) {}

  // Limits shared by everything extracted from the same top-level file.
  virtual Budget& budget() = 0;

  // For extractors of records (CSV rows, NDJSON lines): false when the
  // record, UTF-8 as written, cannot hold a finding in columns or under keys
  // of kinds that do not matter (below). The extractor may then count the
  // record without reporting its cells. With `triggers`, also the byte
  // ranges of the record that may hold one: its cells that overlap none
  // (outside columns that matter) need not be reported either. The default
  // reads every record whole.
  virtual bool MayHoldFinding(std::string_view utf8, std::vector<TextSpan>* triggers = nullptr) {
    if (triggers) triggers->push_back({0, utf8.size()});
    return true;
  }
  // MayHoldFinding for a record in a legacy encoding as written (`charset`:
  // a CP932 or EUC-JP table read in its own bytes), with its triggers in
  // those bytes' offsets: true when the bytes can answer, false when only
  // its decoded text could (the default).
  virtual bool TriggersOfEncoded(std::string_view /*bytes*/, std::string_view /*charset*/,
                                 std::vector<TextSpan>* /*triggers*/) {
    return false;
  }
  // Whether a column or key of this kind may make its cells findings.
  virtual bool KindMatters(LabelKind /*kind*/) { return true; }
  // Whether KindMatters() is true of any kind: when not, an extractor need
  // not read a quiet record's keys or column names at all.
  virtual bool AnyKindMatters() { return true; }
  // Whether a cell (UTF-8 as written) in a column or under a key of this
  // kind holds no finding although MayHoldFinding's triggers touch it: an
  // order or reference number owns its digits (RecordFilter::ColumnOwnsDigits).
  virtual bool ColumnOwnsDigits(LabelKind /*kind*/, std::string_view /*utf8*/) { return false; }
};

}  // namespace mamori

#endif  // MAMORI_EXTRACT_EXTRACTOR_H_
