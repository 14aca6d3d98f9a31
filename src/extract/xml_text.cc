#include "extract/xml_text.h"

#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include <algorithm>
#include <climits>
#include <mutex>

namespace mamori {
namespace {

std::string_view View(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

// No XML_PARSE_NOENT (entities stay references: nothing expands), no
// DTDLOAD/DTDVALID (no external subset or external entity is fetched), no
// HUGE (libxml2 keeps its limits on text node size and nesting), NONET.
constexpr int kParseOptions = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                              XML_PARSE_NOCDATA | XML_PARSE_COMPACT;

}  // namespace

XmlPull::XmlPull(std::string_view bytes, const Budget* budget) : budget_(budget) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    Fail("XML part too large for the parser");
    return;
  }
  reader_ = xmlReaderForMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr,
                               kParseOptions);
  if (!reader_) {
    Fail("XML parser could not start");
    return;
  }
  xmlTextReaderSetStructuredErrorHandler(reader_, &XmlPull::OnError, this);
}

XmlPull::~XmlPull() {
  if (reader_) xmlFreeTextReader(reader_);
}

void XmlPull::OnError(void* self, xmlError* error) {
  auto* pull = static_cast<XmlPull*>(self);
  if (!error || !error->message) return;
  // The first error is the cause; later ones repeat or follow from it.
  // Warnings and recoverable (namespace) errors do not stop the reader.
  std::string& slot = error->level == XML_ERR_FATAL ? pull->fatal_ : pull->other_;
  if (!slot.empty()) return;
  std::string message = error->message;
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  slot = "malformed XML (line " + std::to_string(error->line) + "): " + message;
}

XmlPull::Event XmlPull::Fail(std::string why) {
  if (error_.empty()) error_ = std::move(why);
  finished_ = true;
  last_ = Event::kError;
  return last_;
}

XmlPull::Event XmlPull::Next() {
  if (finished_) return last_;
  if (pending_end_) {
    pending_end_ = false;
    return last_ = Event::kEnd;
  }
  for (;;) {
    if (budget_ && until_clock_check_-- == 0) {
      until_clock_check_ = 4096;
      if (Status s = budget_->Expired(); !s.ok()) return Fail(s.message());
    }
    const int rc = xmlTextReaderRead(reader_);
    if (rc == 0) {
      finished_ = true;
      return last_ = Event::kDone;
    }
    if (rc < 0) return Fail(!fatal_.empty() ? fatal_ : !other_.empty() ? other_ : "malformed XML");
    switch (xmlTextReaderNodeType(reader_)) {
      case XML_READER_TYPE_ELEMENT:
        depth_ = xmlTextReaderDepth(reader_);
        if (depth_ > kMaxDepth) {
          return Fail("XML nested deeper than " + std::to_string(kMaxDepth) + " elements");
        }
        name_ = View(xmlTextReaderConstLocalName(reader_));
        ns_ = View(xmlTextReaderConstNamespaceUri(reader_));
        pending_end_ = xmlTextReaderIsEmptyElement(reader_) == 1;
        return last_ = Event::kStart;
      case XML_READER_TYPE_END_ELEMENT:
        depth_ = xmlTextReaderDepth(reader_);
        name_ = View(xmlTextReaderConstLocalName(reader_));
        ns_ = View(xmlTextReaderConstNamespaceUri(reader_));
        return last_ = Event::kEnd;
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_CDATA:
      case XML_READER_TYPE_WHITESPACE:
      case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
        text_ = View(xmlTextReaderConstValue(reader_));
        return last_ = Event::kText;
      default:
        break;  // comments, PIs, doctype, entity references: nothing to read
    }
  }
}

std::optional<std::string> XmlPull::Attr(std::string_view local_name) const {
  if (!reader_ || last_ != Event::kStart) return std::nullopt;
  std::optional<std::string> found;
  for (int rc = xmlTextReaderMoveToFirstAttribute(reader_); rc == 1;
       rc = xmlTextReaderMoveToNextAttribute(reader_)) {
    if (xmlTextReaderIsNamespaceDecl(reader_) == 1) continue;
    if (View(xmlTextReaderConstLocalName(reader_)) == local_name) {
      found = std::string(View(xmlTextReaderConstValue(reader_)));
      break;
    }
  }
  xmlTextReaderMoveToElement(reader_);
  return found;
}

bool XmlPull::SkipElement() {
  if (last_ != Event::kStart) return !finished_;
  if (pending_end_) {
    pending_end_ = false;
    last_ = Event::kEnd;
    return true;
  }
  const int depth = depth_;
  for (;;) {
    const Event e = Next();
    if (e == Event::kDone || e == Event::kError) return false;
    if (e == Event::kEnd && depth_ == depth) return true;
  }
}

void TextJoiner::Append(std::string_view s) {
  if (s.empty()) return;
  if (!text_.empty() && pending_ != kNone) text_.push_back(pending_ == kTab ? '\t' : '\n');
  pending_ = kNone;
  text_.append(s);
}

void FlushText(TextJoiner& text, ExtractSink& sink, const StructuredLocation& where, bool force) {
  if (text.size() == 0 || (!force && text.size() < kTextPiece)) return;
  sink.Text(text.text(), where);
  text.Clear();
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Result<std::unique_ptr<OfficeZip>> OfficeZip::Open(std::string_view bytes, uint64_t max_parts) {
  auto reader = ArchiveReader::Open(bytes, /*single_stream=*/false);
  if (!reader.ok()) return reader.status();
  std::unique_ptr<OfficeZip> zip(new OfficeZip());
  zip->bytes_ = bytes;
  for (;;) {
    auto next = (*reader)->Next();
    if (!next.ok()) {
      // A truncated zip still gives the parts before the damage.
      zip->listing_error_ = "zip damaged or truncated: " + next.status().message();
      break;
    }
    if (!next->has_value()) break;
    if (zip->names_.size() >= max_parts) {
      zip->listing_error_ = "more than " + std::to_string(max_parts) + " parts";
      break;
    }
    const ArchiveReader::Entry& entry = **next;
    zip->index_.emplace(AsciiLower(entry.name), zip->names_.size());
    zip->names_.push_back(entry.is_file ? entry.name : std::string());
  }
  if (zip->names_.empty() && !zip->listing_error_.empty()) {
    return Status::Corrupt(zip->listing_error_);
  }
  return zip;
}

OfficeZip::~OfficeZip() = default;

bool OfficeZip::Has(std::string_view name) const {
  const auto it = index_.find(AsciiLower(name));
  return it != index_.end() && !names_[it->second].empty();
}

Status OfficeZip::SeekTo(size_t index) {
  if (!reader_ || next_ > index) {
    auto reader = ArchiveReader::Open(bytes_, /*single_stream=*/false);
    if (!reader.ok()) return reader.status();
    reader_ = std::move(*reader);
    next_ = 0;
  }
  for (;;) {
    auto next = reader_->Next();
    if (!next.ok()) return next.status();
    if (!next->has_value()) return Status::Corrupt("zip changed while reading");
    if (next_++ == index) {
      entry_size_ = (**next).size;
      entry_encrypted_ = (**next).encrypted;
      return Status::Ok();
    }
  }
}

Status OfficeZip::Read(std::string_view name, Budget& budget, std::string* out, bool* encrypted) {
  out->clear();
  *encrypted = false;
  const auto it = index_.find(AsciiLower(name));
  if (it == index_.end() || names_[it->second].empty()) {
    return Status::NotFound("part " + std::string(name) + " is missing");
  }
  if (Status s = SeekTo(it->second); !s.ok()) {
    reader_.reset();
    return s;
  }
  if (entry_encrypted_) {
    *encrypted = true;
    return Status::Corrupt("encrypted");
  }
  if (Status s = budget.AdmitMember(entry_size_); !s.ok()) return s;
  // Never trust the header's size: the read itself is capped.
  Status read = reader_->ReadData(out, budget.limits().max_member_bytes);
  if (!read.ok()) {
    reader_.reset();  // a failed read leaves the reader unusable
    if (read.code() == Status::Code::kUnsupported) {
      out->clear();
      return Status::Unsupported("part larger than the limit of " +
                                 std::to_string(budget.limits().max_member_bytes) + " bytes");
    }
  }
  if (Status s = budget.Take(out->size()); !s.ok()) {
    out->clear();
    return s;
  }
  return read;
}

std::unique_ptr<OfficeZip> OpenOfficeZip(std::string_view bytes, ExtractSink& sink,
                                         Status* failed) {
  auto zip = OfficeZip::Open(bytes, sink.budget().limits().max_members);
  if (!zip.ok()) {
    *failed = Status::Corrupt("not a readable zip: " + zip.status().message());
    sink.SetStatus(ObjectStatus::kError, failed->message());
    return nullptr;
  }
  if (!(*zip)->listing_error().empty()) {
    sink.SetStatus(ObjectStatus::kIncomplete, (*zip)->listing_error());
  }
  return std::move(*zip);
}

bool LoadPart(OfficeZip& zip, std::string_view part, ExtractSink& sink, std::string* out) {
  bool encrypted = false;
  const Status s = zip.Read(part, sink.budget(), out, &encrypted);
  if (s.ok()) return true;
  if (encrypted) {
    sink.SetStatus(ObjectStatus::kEncrypted, std::string(part) + " is encrypted");
    return false;
  }
  sink.SetStatus(ObjectStatus::kIncomplete, std::string(part) + ": " + s.message());
  return s.code() == Status::Code::kCorrupt && !out->empty();
}

bool ReportXmlEnd(const XmlPull& xml, std::string_view part, ExtractSink& sink) {
  if (!xml.failed()) return true;
  sink.SetStatus(ObjectStatus::kIncomplete, std::string(part) + ": " + xml.error());
  return false;
}

SheetTable::SheetTable(ExtractSink& sink, std::string sheet)
    : sink_(sink), sheet_(std::move(sheet)), table_(sink, sheet_) {}

void SheetTable::Add(uint64_t column, uint64_t row, std::string text) {
  if (text.empty()) return;
  row_.push_back({column, std::move(text), CellName(column, row)});
}

void SheetTable::AsText(const Pending& cell) {
  StructuredLocation where;
  where.sheet = sheet_;
  where.cell = cell.ref;
  sink_.Text(cell.text, where);
}

void SheetTable::EndRow() {
  if (row_.empty()) return;
  std::stable_sort(row_.begin(), row_.end(),
                   [](const Pending& a, const Pending& b) { return a.column < b.column; });
  dense_.clear();
  for (const Pending& cell : row_) {
    const bool repeat = !dense_.empty() && cell.column < dense_.size();
    const uint64_t gap = repeat ? 0 : cell.column - dense_.size();
    if (repeat || cell.column >= kMaxColumns || padding_ + gap > kMaxPadding) {
      AsText(cell);
      continue;
    }
    padding_ += gap;
    dense_.resize(cell.column);
    dense_.push_back({cell.text, cell.ref});
  }
  if (!dense_.empty()) table_.AddRow(dense_);
  row_.clear();
}

void SheetTable::Finish() {
  if (finished_) return;
  EndRow();
  table_.Finish();
  finished_ = true;
}

std::string ColumnName(uint64_t column) {
  std::string name;
  uint64_t n = column + 1;  // bijective base 26: A..Z, AA..
  while (n > 0) {
    const uint64_t rem = (n - 1) % 26;
    name.insert(name.begin(), static_cast<char>('A' + rem));
    n = (n - 1) / 26;
  }
  return name;
}

std::string CellName(uint64_t column, uint64_t row) {
  return ColumnName(column) + std::to_string(row);
}

bool ParseCellName(std::string_view ref, uint64_t* column, uint64_t* row) {
  size_t i = 0;
  if (i < ref.size() && ref[i] == '$') ++i;
  uint64_t col = 0;
  size_t letters = 0;
  for (; i < ref.size() && letters < 8; ++i, ++letters) {
    char c = ref[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    col = col * 26 + static_cast<uint64_t>(c - 'A' + 1);
  }
  if (letters == 0) return false;
  if (i < ref.size() && ref[i] == '$') ++i;
  uint64_t r = 0;
  size_t digits = 0;
  for (; i < ref.size(); ++i, ++digits) {
    if (ref[i] < '0' || ref[i] > '9' || digits >= 18) return false;
    r = r * 10 + static_cast<uint64_t>(ref[i] - '0');
  }
  if (digits == 0 || r == 0) return false;
  *column = col - 1;
  *row = r;
  return true;
}

}  // namespace mamori
