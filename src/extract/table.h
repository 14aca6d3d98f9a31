// Tables for the engine: rows of cells from CSV/TSV files and spreadsheet
// sheets become ExtractSink::Cell() calls that carry their column, so the
// engine can type a whole column by its header ("メールアドレス", "card_no").
//
// The header is the first non-empty row that reads like one:
//   - it has two or more non-empty cells, at least one of them a known
//     label (ClassifyHeader: 氏名, 電話番号, cvv, …), and most of its
//     non-empty cells are label-like (short text, no '@', at most three
//     digits), so a data row that happens to contain "name" is no header;
//   - or it is a single label cell heading a single-column table: every
//     non-empty row after it, within the search window, has one cell.
// The search looks at the first 8 non-empty rows (at most 1 MiB of them) and
// stops early when two rows in a row hold three or more cells without being
// a header (the body has begun). Blank rows are skipped and never counted.
// When the row under the header names more kinds of data than the header
// does, the header only groups columns (連絡先 over 電話 and メール) and that
// row heads them; its empty cells keep the group row's text.
// Rows above the header (title lines such as "顧客一覧 2013年4月") are
// reported with row 0 and no column; so is the header row itself, and any
// later row that repeats the header exactly (concatenated exports). Without
// a header every row is a data row and cells carry no column: the engine's
// detectors type them by their values.
//
// Data rows are numbered 1, 2, … in order (header, preamble and blank rows
// excluded). Row 0 means "not a data row": the engine should report such
// cells without a row.
#ifndef MAMORI_EXTRACT_TABLE_H_
#define MAMORI_EXTRACT_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/byte_source.h"
#include "engine/encoding.h"
#include "engine/labels.h"
#include "extract/extractor.h"
#include "mamori/status.h"

namespace mamori {

// Header text as the engine sees text: full-width ASCII, the ideographic
// space and dashes folded (TextDecoder), surrounding whitespace trimmed.
std::string NormalizeHeader(std::string_view utf8);

// ClassifyHeader() of NormalizeHeader(utf8): "Ｅメール" is an email column.
std::optional<LabelKind> ClassifyColumn(std::string_view utf8);

// True when normalized header text reads as a label rather than a value:
// non-empty, at most 64 bytes, no '@', at most three ASCII digits.
bool LooksLikeLabel(std::string_view normalized);

// Reports `utf8` as text units of at most `max_piece` bytes, cut on UTF-8
// character boundaries: a bounded unit for text that has outgrown a cell.
// `offset` is the byte offset of utf8[0] in the object, when known; `line`
// the 1-based line all of it is on (an NDJSON line), 0 when unknown.
void EmitTextPieces(ExtractSink& sink, std::string_view utf8, const StructuredLocation& where,
                    std::optional<uint64_t> offset, size_t max_piece = size_t{1} << 20,
                    uint64_t line = 0);

// The first bytes of a streamed text table and their encoding.
struct TextSample {
  size_t size = 0;  // bytes read into the buffer
  bool eof = false;
  DetectedEncoding encoding;
};

// Reads up to 64 KiB into *buf (resized to at least `buffer_size`) and
// detects the encoding, which it tells the sink. A read failure or binary
// content is reported to the sink (`kind` names what was expected) and
// gives nullopt.
std::optional<TextSample> ReadTextSample(ByteSource& source, std::string* buf, size_t buffer_size,
                                         ExtractSink& sink, std::string_view kind);

// "1 field", "3 rows": counts in status reasons.
std::string CountOf(uint64_t n, std::string_view noun);

// One cell as an extractor read it.
struct TableCell {
  std::string_view text;  // UTF-8 as written (the engine normalizes)
  std::string_view ref;   // spreadsheet reference such as "B7"; empty for CSV
  std::optional<uint64_t> offset = std::nullopt;  // byte offset of the cell in the file, when known
  uint64_t line = 0;                              // 1-based line of the cell in the file; 0 unknown
  std::string_view raw;           // the cell's own bytes when the file is not UTF-8 (CP932 CSV)
  std::string_view raw_encoding;  // their encoding ("cp932", "euc-jp")
  // The bytes the cell spans from `offset`, when its text is decoded from
  // bytes not handed over (raw empty in a decoded table): findings stay in them.
  uint64_t extent = 0;
  bool quiet = false;  // holds no finding (ExtractSink::MayHoldFinding): reported as such
};

// Turns the rows of one table (a CSV file, one sheet) into Cell() calls.
// Feed rows in order, then call Finish(); nothing is reported twice.
class TableReader {
 public:
  explicit TableReader(ExtractSink& sink, std::string_view sheet = {});
  TableReader(const TableReader&) = delete;
  TableReader& operator=(const TableReader&) = delete;

  // One row: cells[i] is column i (0-based); pass empty text for a gap.
  void AddRow(std::span<const TableCell> cells);

  // Reports the rows still held back while the header was being searched.
  void Finish();

  // A row that holds no finding (the caller knows: RecordFilter): numbered
  // like AddRow would, nothing reported. Only once the header is decided.
  void SkipRow(std::span<const TableCell> cells);

  // Whether a row whose first cell is `first` (as written, untrimmed) could
  // repeat the header, which SkipRow would then not number.
  bool MayRepeatHeader(std::string_view first) const;

  // A row the caller knows holds no finding, is not blank and does not
  // repeat the header (MayRepeatHeader): numbered, nothing reported. Only
  // once the header is decided.
  void CountDataRow() { ++data_rows_; }

  bool has_header() const { return state_ == State::kHeader; }
  // The header search is over: a header was found, or there is none.
  bool decided() const { return state_ == State::kHeader || state_ == State::kNoHeader; }
  // What column i's header names, if anything.
  std::optional<LabelKind> ColumnKind(size_t i) const {
    return i < header_.size() ? header_[i].kind : std::nullopt;
  }
  // How many columns the header names (0 without a header).
  size_t columns() const { return header_.size(); }
  uint64_t data_rows() const { return data_rows_; }

 private:
  // A row held back while the header is being searched: copies of its
  // cells, as the extractor's buffers move on.
  struct HeldCell {
    std::string text, ref, raw, raw_encoding;
    std::optional<uint64_t> offset;
    uint64_t line = 0;
  };
  struct HeldRow {
    std::vector<HeldCell> cells;
    size_t non_empty = 0;
    bool single_label = false;  // one cell, and it is a label
    std::vector<TableCell> Views() const;
  };
  enum class State { kSearching, kHeaderCandidate, kHeader, kNoHeader };
  struct Column {
    std::string text;  // trimmed, as written
    std::optional<LabelKind> kind;
  };

  static HeldRow Hold(std::span<const TableCell> cells, size_t non_empty);
  void Search(std::span<const TableCell> cells);
  void AfterCandidate(std::span<const TableCell> cells);
  void AcceptCandidate();
  void Decide();
  void SetHeader(std::span<const TableCell> cells);
  void Emit(std::span<const TableCell> cells, bool data);
  void EmitHeld(const HeldRow& row, bool data);
  bool RepeatsHeader(std::span<const TableCell> cells) const;

  ExtractSink& sink_;
  std::string sheet_;
  State state_ = State::kSearching;
  std::vector<Column> header_;
  std::vector<HeldRow> held_;
  HeldRow candidate_;  // a header row that may only group the next row's columns
  size_t candidate_classified_ = 0;
  size_t held_bytes_ = 0;
  int wide_rows_in_a_row_ = 0;
  uint64_t data_rows_ = 0;
};

}  // namespace mamori

#endif  // MAMORI_EXTRACT_TABLE_H_
