#include "extract/odf.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "extract/xml_text.h"

namespace mamori {
namespace {

using Event = XmlPull::Event;

constexpr std::string_view kTextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr std::string_view kTableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
constexpr std::string_view kOfficeNs = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
constexpr std::string_view kDcNs = "http://purl.org/dc/elements/1.1/";

// Further copies of a repeated non-empty cell or row, over the whole
// document: enough for real files, bounded for a file that repeats a cell
// a million times in a million rows.
constexpr uint64_t kMaxOdfCopies = 1u << 17;

bool Is(const XmlPull& xml, std::string_view ns, std::string_view name) {
  return xml.name() == name && xml.ns() == ns;
}

uint64_t SaturatingAdd(uint64_t a, uint64_t b) { return a > UINT64_MAX - b ? UINT64_MAX : a + b; }

// table:number-rows-repeated and the like: at least 1, saturating.
uint64_t Count(const XmlPull& xml, std::string_view attr) {
  const std::optional<std::string> v = xml.Attr(attr);
  if (!v) return 1;
  uint64_t n = 0;
  for (char c : *v) {
    if (c < '0' || c > '9') break;
    n = n > (UINT64_MAX - 9) / 10 ? UINT64_MAX : n * 10 + static_cast<uint64_t>(c - '0');
  }
  return std::max<uint64_t>(n, 1);
}

// The text of ODF markup: paragraphs and headings (text:p, text:h) with
// their spans, links and fields; spaces (text:s), tabs and line breaks as
// characters; table cells and rows as tabs and newlines. Left out: the
// number a footnote is cited with (it would glue a digit onto the text it
// follows) and an annotation's author and date.
class OdfText {
 public:
  explicit OdfText(TextJoiner* out) : out_(out) {}

  // Handles one event; false when the walk must stop.
  bool On(XmlPull& xml, Event e) {
    switch (e) {
      case Event::kStart:
        return OnStart(xml);
      case Event::kText:
        if (paragraphs_ > 0) AppendText(xml.text());
        return true;
      case Event::kEnd:
        OnEnd(xml);
        return true;
      default:
        return false;
    }
  }
  // True once after each paragraph end: a good place to flush.
  bool TakeParagraphEnd() { return std::exchange(paragraph_end_, false); }

 private:
  bool OnStart(XmlPull& xml) {
    if (Is(xml, kTextNs, "note-citation") || Is(xml, kDcNs, "creator") || Is(xml, kDcNs, "date")) {
      return xml.SkipElement();
    }
    if (Is(xml, kTextNs, "p") || Is(xml, kTextNs, "h")) {
      // A note or annotation inside a paragraph starts a line of its own.
      if (paragraphs_++ > 0) out_->EndParagraph();
    } else if (paragraphs_ > 0 && xml.ns() == kTextNs) {
      if (xml.name() == "s") {
        out_->Append(std::string(std::min<uint64_t>(Count(xml, "c"), 8), ' '));
      } else if (xml.name() == "tab") {
        out_->Append("\t");
      } else if (xml.name() == "line-break") {
        out_->Append("\n");
      }
    }
    return true;
  }

  void OnEnd(const XmlPull& xml) {
    if ((Is(xml, kTextNs, "p") || Is(xml, kTextNs, "h")) && paragraphs_ > 0) {
      --paragraphs_;
      out_->EndParagraph();
      paragraph_end_ = true;
    } else if (Is(xml, kTableNs, "table-cell") || Is(xml, kTableNs, "covered-table-cell")) {
      out_->EndCell();
    } else if (Is(xml, kTableNs, "table-row")) {
      out_->EndRow();
    }
  }

  // Line ends and tabs in character data are layout of the XML, not text
  // (ODF writes them as text:line-break and text:tab).
  void AppendText(std::string_view s) {
    std::string text(s);
    std::replace_if(
        text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    out_->Append(text);
  }

  TextJoiner* out_;
  int paragraphs_ = 0;
  bool paragraph_end_ = false;
};

// Encrypted ODF keeps the zip readable and lists, in the manifest, how each
// encrypted part was encrypted.
bool ManifestSaysEncrypted(OfficeZip& zip, ExtractSink& sink) {
  static constexpr std::string_view kManifest = "META-INF/manifest.xml";
  std::string bytes;
  if (!zip.Has(kManifest) || !LoadPart(zip, kManifest, sink, &bytes)) return false;
  XmlPull xml(bytes, &sink.budget());
  for (Event e = xml.Next(); e != Event::kDone && e != Event::kError; e = xml.Next()) {
    if (e == Event::kStart && xml.name() == "encryption-data") return true;
  }
  ReportXmlEnd(xml, kManifest, sink);
  return false;
}

// Opens the package and checks what every ODF document needs: not
// encrypted, a content.xml. Null when there is nothing more to read.
std::unique_ptr<OfficeZip> OpenOdf(std::string_view bytes, ExtractSink& sink, Status* failed) {
  auto zip = OpenOfficeZip(bytes, sink, failed);
  if (!zip) return nullptr;
  if (ManifestSaysEncrypted(*zip, sink)) {
    sink.SetStatus(ObjectStatus::kEncrypted, "encrypted document");
    return nullptr;
  }
  if (!zip->Has("content.xml")) {
    *failed = Status::Corrupt("content.xml is missing: not an OpenDocument file");
    sink.SetStatus(ObjectStatus::kError, failed->message());
    return nullptr;
  }
  return zip;
}

// Reports the text of one part (odt body, headers and footers, an
// embedded object) at `where`.
void TextPart(OfficeZip& zip, std::string_view part, const StructuredLocation& where,
              ExtractSink& sink) {
  std::string bytes;
  if (!LoadPart(zip, part, sink, &bytes)) return;
  XmlPull xml(bytes, &sink.budget());
  TextJoiner out;
  OdfText text(&out);
  while (text.On(xml, xml.Next())) {
    if (text.TakeParagraphEnd()) FlushText(out, sink, where, /*force=*/false);
  }
  FlushText(out, sink, where, /*force=*/true);
  ReportXmlEnd(xml, part, sink);
}

// Embedded objects ("Object 1/content.xml": a chart, a spreadsheet in a
// text document) are ODF documents of their own inside the package.
void EmbeddedObjects(OfficeZip& zip, ExtractSink& sink) {
  for (const std::string& part : zip.names()) {
    const size_t slash = part.find('/');
    if (slash == std::string::npos || part.compare(slash, std::string::npos, "/content.xml") != 0) {
      continue;
    }
    TextPart(zip, part, StructuredLocation{}, sink);
  }
}

// content.xml of a spreadsheet: each table:table is a sheet.
class OdsWalker {
 public:
  explicit OdsWalker(ExtractSink& sink) : sink_(sink), loose_text_(&loose_) {}

  void Walk(XmlPull& xml) {
    for (Event e = xml.Next(); e != Event::kDone && e != Event::kError; e = xml.Next()) {
      if (in_cell_) {
        OnCellEvent(xml, e);
      } else if (e == Event::kStart && Is(xml, kTableNs, "table")) {
        StartTable(xml.Attr("name").value_or(""));
      } else if (e == Event::kEnd && Is(xml, kTableNs, "table")) {
        EndTable();
      } else if (table_ && e == Event::kStart && Is(xml, kTableNs, "table-row")) {
        row_repeat_ = Count(xml, "number-rows-repeated");
        column_ = 0;
      } else if (table_ && e == Event::kEnd && Is(xml, kTableNs, "table-row")) {
        EndRow();
      } else if (table_ && e == Event::kStart &&
                 (Is(xml, kTableNs, "table-cell") || Is(xml, kTableNs, "covered-table-cell"))) {
        StartCell(xml);
      } else {
        // Text outside cells: shapes and frames on the sheet.
        if (!loose_text_.On(xml, e)) break;
        if (loose_text_.TakeParagraphEnd()) FlushText(loose_, sink_, where_, /*force=*/false);
      }
    }
    EndTable();  // a sheet cut short by damage still counts
    FlushText(loose_, sink_, where_, /*force=*/true);
  }

 private:
  struct RowCell {
    uint64_t column;
    uint64_t repeat;
    std::string text;
  };

  void StartTable(std::string name) {
    EndTable();
    FlushText(loose_, sink_, where_, /*force=*/true);
    where_.sheet = std::move(name);
    table_.emplace(sink_, where_.sheet);
    row_ = 1;
  }

  void EndTable() {
    if (!table_) return;
    if (in_cell_) EndCell();
    if (!row_cells_.empty()) EndRow();
    table_->Finish();
    table_.reset();
    FlushText(loose_, sink_, where_, /*force=*/true);
    where_.sheet.clear();
  }

  void StartCell(XmlPull& xml) {
    in_cell_ = true;
    cell_depth_ = xml.depth();
    annotation_depth_ = -1;
    column_repeat_ = Count(xml, "number-columns-repeated");
    value_type_ = xml.Attr("value-type").value_or("");
    value_ = value_type_ == "date" ? xml.Attr("date-value").value_or("")
                                   : xml.Attr("value").value_or("");
    cell_.Clear();
    cell_text_ = OdfText(&cell_);
  }

  void OnCellEvent(XmlPull& xml, Event e) {
    if (annotation_depth_ >= 0) {
      if (e == Event::kEnd && xml.depth() == annotation_depth_) {
        annotation_depth_ = -1;
        StructuredLocation at = where_;
        at.cell = CellName(column_, row_);
        FlushText(note_, sink_, at, /*force=*/true);
      } else {
        note_text_.On(xml, e);
      }
      return;
    }
    if (e == Event::kStart && Is(xml, kOfficeNs, "annotation")) {
      annotation_depth_ = xml.depth();
      note_.Clear();
      note_text_ = OdfText(&note_);
    } else if (e == Event::kEnd && xml.depth() == cell_depth_) {
      EndCell();
    } else {
      cell_text_.On(xml, e);
    }
  }

  // The text shown in the cell; the stored value when the shown text is
  // missing or rounded to scientific notation (a 16-digit card number).
  std::string CellValue() const {
    const std::string& shown = cell_.text();
    const bool number =
        value_type_ == "float" || value_type_ == "currency" || value_type_ == "percentage";
    const bool scientific =
        shown.find("E+") != std::string::npos || shown.find("e+") != std::string::npos;
    if ((number && (shown.empty() || scientific)) || (value_type_ == "date" && shown.empty())) {
      return value_;
    }
    return shown;
  }

  void EndCell() {
    in_cell_ = false;
    std::string text = CellValue();
    if (!text.empty()) {
      const uint64_t repeat = 1 + std::min({column_repeat_ - 1, kMaxOdfRepeat - 1, copies_left_});
      copies_left_ -= repeat - 1;
      row_cells_.push_back({column_, repeat, std::move(text)});
    }
    column_ = SaturatingAdd(column_, column_repeat_);
  }

  void EndRow() {
    if (!row_cells_.empty()) {
      uint64_t cells = 0;
      for (const RowCell& c : row_cells_) cells += c.repeat;
      const uint64_t repeat =
          1 + std::min({row_repeat_ - 1, kMaxOdfRepeat - 1, copies_left_ / cells});
      copies_left_ -= (repeat - 1) * cells;
      for (uint64_t r = 0; r < repeat; ++r) {
        for (const RowCell& c : row_cells_) {
          for (uint64_t k = 0; k < c.repeat; ++k) table_->Add(c.column + k, row_ + r, c.text);
        }
        table_->EndRow();
      }
      row_cells_.clear();
    }
    row_ = SaturatingAdd(row_, row_repeat_);
  }

  ExtractSink& sink_;
  StructuredLocation where_;
  std::optional<SheetTable> table_;
  TextJoiner loose_, cell_, note_;
  OdfText loose_text_, cell_text_{&cell_}, note_text_{&note_};
  std::vector<RowCell> row_cells_;
  uint64_t row_ = 1, row_repeat_ = 1, column_ = 0, column_repeat_ = 1;
  uint64_t copies_left_ = kMaxOdfCopies;
  std::string value_type_, value_;
  bool in_cell_ = false;
  int cell_depth_ = 0, annotation_depth_ = -1;
};

}  // namespace

Status ExtractOds(std::string_view bytes, std::string_view, ExtractSink& sink) {
  Status failed;
  auto zip = OpenOdf(bytes, sink, &failed);
  if (!zip) return failed;
  std::string content;
  if (LoadPart(*zip, "content.xml", sink, &content)) {
    XmlPull xml(content, &sink.budget());
    OdsWalker walker(sink);
    walker.Walk(xml);
    ReportXmlEnd(xml, "content.xml", sink);
  }
  EmbeddedObjects(*zip, sink);
  return Status::Ok();
}

Status ExtractOdt(std::string_view bytes, std::string_view, ExtractSink& sink) {
  Status failed;
  auto zip = OpenOdf(bytes, sink, &failed);
  if (!zip) return failed;
  TextPart(*zip, "content.xml", StructuredLocation{}, sink);
  if (zip->Has("styles.xml")) TextPart(*zip, "styles.xml", StructuredLocation{}, sink);
  EmbeddedObjects(*zip, sink);
  return Status::Ok();
}

}  // namespace mamori
