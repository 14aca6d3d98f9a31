// What the OOXML and ODF extractors share: XmlPull, a pull parser over one
// XML part held in memory (libxml2's streaming xmlTextReader, so a large
// worksheet is walked node by node without building a tree, set up for
// hostile input: no network, no external entities, no entity expansion, so
// a "billion laughs" part fails instead of expanding, and a depth guard);
// OfficeZip, the zip's parts by name with the budget asked before each;
// TextJoiner for paragraphs and table text; SheetTable for sheet rows.
#ifndef MAMORI_EXTRACT_XML_TEXT_H_
#define MAMORI_EXTRACT_XML_TEXT_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/archive_reader.h"
#include "extract/extractor.h"
#include "extract/table.h"
#include "mamori/status.h"

struct _xmlTextReader;
struct _xmlError;

namespace mamori {

class XmlPull {
 public:
  enum class Event { kStart, kEnd, kText, kDone, kError };

  // Deeper nesting than this is refused (libxml2's own limit is 256).
  static constexpr int kMaxDepth = 200;

  // `bytes` must outlive the parser. With a budget, a walk that outlives
  // its time budget stops with kError and the budget's reason.
  explicit XmlPull(std::string_view bytes, const Budget* budget = nullptr);
  ~XmlPull();
  XmlPull(const XmlPull&) = delete;
  XmlPull& operator=(const XmlPull&) = delete;

  // The next event. An empty element <a/> gives kStart then kEnd. Comments,
  // processing instructions and entity references are skipped. After kDone
  // or kError every call returns the same again.
  Event Next();

  // The element of the last kStart/kEnd: local name without prefix, and the
  // namespace URI ("" when none).
  std::string_view name() const { return name_; }
  std::string_view ns() const { return ns_; }
  // Depth of the current node: the root element is 0.
  int depth() const { return depth_; }
  // Text of the last kText (character data, CDATA or whitespace).
  std::string_view text() const { return text_; }
  // An attribute of the current kStart element, matched by local name
  // (prefixes vary between producers: "x:", "r:", none).
  std::optional<std::string> Attr(std::string_view local_name) const;

  // Whether parsing stopped with kError, and why.
  bool failed() const { return last_ == Event::kError; }
  const std::string& error() const { return error_; }

  // Skips the rest of the element of the last kStart (its children and its
  // kEnd). Returns false when the document ended or failed meanwhile.
  bool SkipElement();

 private:
  static void OnError(void* self, _xmlError* error);
  Event Fail(std::string why);

  _xmlTextReader* reader_ = nullptr;
  const Budget* budget_ = nullptr;
  uint32_t until_clock_check_ = 0;
  Event last_ = Event::kDone;
  bool pending_end_ = false;  // the last kStart was an empty element
  bool finished_ = false;
  std::string_view name_, ns_, text_;
  int depth_ = 0;
  std::string error_;
  std::string fatal_, other_;  // first messages from libxml2, by severity
};

// Text of a document part being put together: paragraphs end with '\n',
// table cells with '\t' and rows with '\n', so a label in one cell and its
// value in the next stay adjacent ("電話\t03-…"). Separators are held until
// more text comes, so empty paragraphs and cells add nothing.
class TextJoiner {
 public:
  void Append(std::string_view s);
  void EndParagraph() { pending_ = pending_ > kLine ? pending_ : kLine; }
  // A cell end replaces the line break of the cell's last paragraph, but
  // not the end of the previous row (an empty first cell).
  void EndCell() {
    if (pending_ != kRow) pending_ = kTab;
  }
  void EndRow() { pending_ = kRow; }

  const std::string& text() const { return text_; }
  size_t size() const { return text_.size(); }
  // Empties the buffer (after it was reported); a pending separator goes too.
  void Clear() {
    text_.clear();
    pending_ = kNone;
  }

 private:
  enum Sep { kNone, kTab, kLine, kRow };
  std::string text_;
  Sep pending_ = kNone;
};

// Hands the joined text to sink.Text (and empties it) once it holds more
// than kTextPiece bytes, or whatever it holds when `force`. Callers flush at
// paragraph ends, so a label and its value are never cut apart.
inline constexpr size_t kTextPiece = 1 << 20;
void FlushText(TextJoiner& text, ExtractSink& sink, const StructuredLocation& where, bool force);

// The parts of a zip-based office document (OOXML, ODF), read by name in
// any order: the reader re-opens the zip when asked for an earlier part.
class OfficeZip {
 public:
  // Lists the parts of `bytes` (which must outlive it), at most `max_parts`.
  // Fails when `bytes` is not a readable zip.
  static Result<std::unique_ptr<OfficeZip>> Open(std::string_view bytes, uint64_t max_parts);
  ~OfficeZip();

  // Part names in zip order, as stored.
  const std::vector<std::string>& names() const { return names_; }
  // OPC part names compare without case.
  bool Has(std::string_view name) const;
  // Why the listing stopped early ("" when all parts were listed).
  const std::string& listing_error() const { return listing_error_; }

  // Reads part `name` into *out after asking the budget. NotFound when
  // missing; Unsupported when a limit refused it; Corrupt for damaged or
  // encrypted data (*encrypted tells), with what could be read in *out.
  Status Read(std::string_view name, Budget& budget, std::string* out, bool* encrypted);

 private:
  OfficeZip() = default;
  Status SeekTo(size_t index);

  std::string_view bytes_;
  std::vector<std::string> names_;
  std::unordered_map<std::string, size_t> index_;  // lower-cased name -> position
  std::string listing_error_;
  std::unique_ptr<ArchiveReader> reader_;
  size_t next_ = 0;  // position of the entry reader_->Next() returns
  uint64_t entry_size_ = 0;
  bool entry_encrypted_ = false;
};

// Opens an office document's zip, or reports why not (kError, also in
// *failed) and returns null. A listing cut short makes it incomplete.
std::unique_ptr<OfficeZip> OpenOfficeZip(std::string_view bytes, ExtractSink& sink, Status* failed);

// Reads `part` for parsing and reports any problem to the sink with the
// part's name (incomplete, or encrypted). True when *out holds bytes worth
// parsing, which after damage may be only the first part of the XML.
bool LoadPart(OfficeZip& zip, std::string_view part, ExtractSink& sink, std::string* out);

// After a walk over `part`: a parse error or a stop makes the object
// incomplete, with what stopped it. Returns false in that case.
bool ReportXmlEnd(const XmlPull& xml, std::string_view part, ExtractSink& sink);

// ASCII lower case (OPC part names and relationship types).
std::string AsciiLower(std::string_view s);

// The rows of one spreadsheet sheet (xlsx, ods) into a TableReader, which
// wants each row dense (cells[i] is column i). Cells may come at any column
// and in any order; costs stay bounded: columns past the spreadsheet limit,
// cells that repeat a column, and very sparse rows once the sheet has padded
// kMaxPadding gaps are reported as text with their cell reference instead.
class SheetTable {
 public:
  static constexpr uint64_t kMaxColumns = 16384;  // XFD, as Excel and Calc
  static constexpr uint64_t kMaxPadding = 64ull << 20;

  SheetTable(ExtractSink& sink, std::string sheet);

  // A cell of the current row: 0-based column, 1-based sheet row.
  void Add(uint64_t column, uint64_t row, std::string text);
  // Ends the current row (a row without cells adds nothing).
  void EndRow();
  // Ends the sheet: the table reports what it still holds back.
  void Finish();

 private:
  struct Pending {
    uint64_t column;
    std::string text;
    std::string ref;
  };
  void AsText(const Pending& cell);

  ExtractSink& sink_;
  std::string sheet_;
  TableReader table_;
  std::vector<Pending> row_;
  std::vector<TableCell> dense_;
  uint64_t padding_ = 0;
  bool finished_ = false;
};

// Column letters of a 0-based column index: 0 → "A", 26 → "AA".
std::string ColumnName(uint64_t column);
// "B7" from a 0-based column and a 1-based row.
std::string CellName(uint64_t column, uint64_t row);
// Parses "B7" (or "$B$7") into a 0-based column and 1-based row.
bool ParseCellName(std::string_view ref, uint64_t* column, uint64_t* row);

}  // namespace mamori

#endif  // MAMORI_EXTRACT_XML_TEXT_H_
