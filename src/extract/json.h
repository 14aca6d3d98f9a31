// JSON documents and NDJSON logs. Keys act as column headers: every string
// and number becomes a Cell whose column is its innermost key and whose
// kind is ClassifyColumn() of that key ({"payment":{"cvv":"123"}} → column
// "cvv", kSecurityCode), or of "<parent key> <key>" when the key alone
// names nothing ({"card":{"number":…}} → "card number", kCardNumber).
// Numbers are reported as written (integers as their decimal digits).
// Keys that look like values ("yamada@example.com" as a map key) are cells
// too, without a column.
//
// Rows are records: in a document, each element of an outermost array is
// one record ([{…},{…}], {"customers":[{…},{…}]}), numbered 1, 2, … across
// the document; values outside any array share one further row. In NDJSON
// the row is the 1-based line number.
//
// Parsing uses nlohmann::json's SAX interface (no tree is built, nothing
// throws out of here). Nesting deeper than max_depth stops the parse. When a
// document or line does not parse (truncated, comments, invalid UTF-8 in a
// string, too deep), what was reported stays, the rest is scanned as text,
// and the object is marked incomplete with the reason. Several documents one
// after another (concatenated JSON) are read in turn.
#ifndef MAMORI_EXTRACT_JSON_H_
#define MAMORI_EXTRACT_JSON_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/byte_source.h"
#include "extract/extractor.h"
#include "mamori/status.h"

namespace mamori {

struct JsonOptions {
  uint32_t max_depth = 512;
  size_t max_line_bytes = size_t{16} << 20;  // NDJSON: longer lines are scanned as text
  size_t chunk_bytes = size_t{64} << 10;     // NDJSON read size
};

// One JSON document held in memory, in UTF-8 (BOM allowed). Other text
// encodings are decoded (and normalized) first.
Status ExtractJson(std::string_view bytes, ExtractSink& sink, const JsonOptions& options = {});

// A stream of JSON values, one per line, read in chunks (bounded memory).
// Blank lines are skipped; a line that is not JSON is scanned as text and
// counted in the incomplete reason. Returns a read error, else Ok.
Status ExtractNdjson(ByteSource& source, ExtractSink& sink, const JsonOptions& options = {});

}  // namespace mamori

#endif  // MAMORI_EXTRACT_JSON_H_
