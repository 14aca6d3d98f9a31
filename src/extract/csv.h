// Delimited text tables: CSV, TSV and their semicolon and pipe cousins.
//
// Streaming and bounded: the file is read in chunks; a field keeps at most
// max_field_bytes and a row max_row_bytes / max_row_fields. What does not fit
// is not dropped: it is reported as plain text (no column) and the object is
// marked incomplete. Parsing follows RFC 4180 (quoted fields, "" escapes,
// delimiters and line breaks inside quotes, CRLF, LF or CR line ends, a last
// line without a line end) and is lenient like spreadsheet programs: a quote
// inside an unquoted field is a character, text after a closing quote joins
// the field, an unclosed quote runs to the end of the file.
//
// Encodings: DetectEncoding() on the first chunk. UTF-8 (BOM or not), CP932
// (Excel in Japan) and EUC-JP are split on their own bytes, so a full-width
// comma or quote inside a field stays a character; each field is then
// decoded and normalized by TextDecoder. Other encodings (UTF-16,
// ISO-2022-JP, single-byte code pages) are decoded first and split after
// normalization, which makes full-width ，＂ structural there.
#ifndef MAMORI_EXTRACT_CSV_H_
#define MAMORI_EXTRACT_CSV_H_

#include <cstddef>
#include <string_view>

#include "engine/byte_source.h"
#include "extract/extractor.h"
#include "mamori/status.h"

namespace mamori {

struct DelimitedOptions {
  size_t max_field_bytes = size_t{1} << 20;
  size_t max_row_bytes = size_t{16} << 20;
  size_t max_row_fields = size_t{1} << 16;
  size_t chunk_bytes = size_t{64} << 10;  // read size; the first chunk is the encoding sample
};

// Reads a delimited table from `source` and reports its cells through a
// TableReader (header typing, row numbers). Problems become sink statuses:
// limits and budget → incomplete, binary content → unsupported, a read
// error → incomplete. Returns the read error, else Ok.
Status ExtractDelimited(ByteSource& source, char delimiter, ExtractSink& sink,
                        const DelimitedOptions& options = {});

// True when `head` (the first bytes of a file, any ASCII-compatible
// encoding) reads as a table: at least three non-empty lines in the first
// twenty, most of them (80 %) splitting into the same number (2 or more) of
// fields on one of tab, comma, semicolon or pipe (quotes respected). Sets
// *delimiter to the best one.
bool LooksDelimited(std::string_view head, char* delimiter);

}  // namespace mamori

#endif  // MAMORI_EXTRACT_CSV_H_
