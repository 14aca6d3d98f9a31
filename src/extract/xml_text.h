// A small pull parser over one XML part held in memory, shared by the OOXML
// and ODF extractors. It wraps libxml2's streaming xmlTextReader so a large
// worksheet is walked node by node without building a tree, and it is set up
// for hostile input: no network, no external entities, no entity expansion
// (a "billion laughs" part fails instead of expanding) and a depth guard.
#ifndef MAMORI_EXTRACT_XML_TEXT_H_
#define MAMORI_EXTRACT_XML_TEXT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct _xmlTextReader;
struct _xmlError;

namespace mamori {

class XmlPull {
 public:
  enum class Event { kStart, kEnd, kText, kDone, kError };

  // Deeper nesting than this is refused (libxml2's own limit is 256).
  static constexpr int kMaxDepth = 200;

  // `bytes` must outlive the parser.
  explicit XmlPull(std::string_view bytes);
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

  // Why parsing stopped with kError.
  const std::string& error() const { return error_; }

  // Skips the rest of the element of the last kStart (its children and its
  // kEnd). Returns false when the document ended or failed meanwhile.
  bool SkipElement();

 private:
  static void OnError(void* self, _xmlError* error);
  Event Fail(std::string why);

  _xmlTextReader* reader_ = nullptr;
  Event last_ = Event::kDone;
  bool pending_end_ = false;  // the last kStart was an empty element
  bool finished_ = false;
  std::string_view name_, ns_, text_;
  int depth_ = 0;
  std::string error_;
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
  void EndCell() { if (pending_ != kRow) pending_ = kTab; }
  void EndRow() { pending_ = kRow; }

  const std::string& text() const { return text_; }
  size_t size() const { return text_.size(); }
  // Empties the buffer (after it was reported); a pending separator goes too.
  void Clear() { text_.clear(); pending_ = kNone; }

 private:
  enum Sep { kNone, kTab, kLine, kRow };
  std::string text_;
  Sep pending_ = kNone;
};

// Column letters of a 0-based column index: 0 → "A", 26 → "AA".
std::string ColumnName(uint64_t column);
// "B7" from a 0-based column and a 1-based row.
std::string CellName(uint64_t column, uint64_t row);
// Parses "B7" (or "$B$7") into a 0-based column and 1-based row.
bool ParseCellName(std::string_view ref, uint64_t* column, uint64_t* row);

}  // namespace mamori

#endif  // MAMORI_EXTRACT_XML_TEXT_H_
