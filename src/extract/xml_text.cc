#include "extract/xml_text.h"

#include <libxml/parser.h>
#include <libxml/xmlreader.h>

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

XmlPull::XmlPull(std::string_view bytes) {
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
  // The first error is the cause; later ones repeat or follow from it.
  if (!pull->error_.empty() || !error || !error->message) return;
  std::string message = error->message;
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  pull->error_ = "malformed XML (line " + std::to_string(error->line) + "): " + message;
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
    const int rc = xmlTextReaderRead(reader_);
    if (rc == 0) {
      finished_ = true;
      return last_ = Event::kDone;
    }
    if (rc < 0) return Fail("malformed XML");
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
