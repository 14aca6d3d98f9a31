// What kind of object a byte string is, judged by content first (magic
// bytes, structure) and by name only where content cannot tell (CSV vs text).
#ifndef MAMORI_EXTRACT_FORMAT_H_
#define MAMORI_EXTRACT_FORMAT_H_

#include <string_view>

#include "engine/encoding.h"

namespace mamori {

enum class Format {
  kText,    // plain text in any supported encoding
  kCsv,     // comma-separated table
  kTsv,     // tab-separated table
  kJson,    // one JSON document
  kNdjson,  // one JSON object per line (logs)
  kZip,     // a zip that is not an office document
  kXlsx,
  kDocx,
  kPptx,
  kOds,
  kOdt,
  kArchive,  // anything else libarchive reads: 7z, tar, rar, gz/bz2/xz/zst streams
  kPdf,
  kEml,
  kMbox,
  kOle2,  // legacy .xls/.doc/.ppt
  kSqlite,
  kBinary,  // none of the above and not text
};

std::string_view FormatName(Format f);

// Sniffs `head` (the first bytes of the object, at least 4 KiB when the
// object is that large) with `name` as a hint. Zip-based formats are told
// apart by their member names, so for zips pass the whole object.
// When `encoding` is given and the head is text, the encoding detected on
// the way is stored there, so the scanner need not detect it again.
Format SniffFormat(std::string_view name, std::string_view head,
                   DetectedEncoding* encoding = nullptr);

}  // namespace mamori

#endif  // MAMORI_EXTRACT_FORMAT_H_
