#include "extract/format.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "engine/encoding.h"

namespace mamori {
namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string LowerExtension(std::string_view name) {
  const size_t slash = name.find_last_of('/');
  const std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  const size_t dot = base.find_last_of('.');
  if (dot == std::string_view::npos) return "";
  std::string ext(base.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

// Office documents are zips whose member names say what they are. The
// names sit in the central directory at the end and in local headers; a
// plain search of the bytes finds them without unpacking anything.
Format ZipKind(std::string_view bytes) {
  const auto has = [&](std::string_view needle) {
    return bytes.find(needle) != std::string_view::npos;
  };
  if (has("mimetypeapplication/vnd.oasis.opendocument.spreadsheet")) return Format::kOds;
  if (has("mimetypeapplication/vnd.oasis.opendocument.text")) return Format::kOdt;
  if (has("[Content_Types].xml")) {
    if (has("xl/workbook.xml")) return Format::kXlsx;
    if (has("word/document.xml")) return Format::kDocx;
    if (has("ppt/presentation.xml")) return Format::kPptx;
  }
  return Format::kZip;
}

bool LooksLikeMailHeaders(std::string_view head) {
  // An RFC 5322 message starts with header fields; require two known ones
  // in the first lines so a text note that starts with "Subject:" is text.
  static constexpr std::array<std::string_view, 10> kFields = {
      "received:",   "from:",         "to:",          "subject:",      "date:",
      "message-id:", "mime-version:", "return-path:", "content-type:", "delivered-to:"};
  int known = 0, lines = 0;
  size_t at = 0;
  while (at < head.size() && lines < 30) {
    size_t end = head.find('\n', at);
    if (end == std::string_view::npos) end = head.size();
    std::string line(head.substr(at, end - at));
    if (line.empty() || line == "\r") break;  // end of the header block
    for (char& c : line) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (line[0] != ' ' && line[0] != '\t') {
      const bool field = std::any_of(kFields.begin(), kFields.end(),
                                     [&](std::string_view f) { return StartsWith(line, f); });
      if (field)
        ++known;
      else if (line.find(':') == std::string::npos)
        return false;  // not a header line
    }
    ++lines;
    at = end + 1;
  }
  return known >= 2;
}

// NDJSON: the first non-empty lines each hold one JSON object.
bool LooksLikeNdjson(std::string_view head) {
  int objects = 0;
  size_t at = 0;
  while (at < head.size() && objects < 3) {
    size_t end = head.find('\n', at);
    if (end == std::string_view::npos) break;  // the last line may be cut
    std::string_view line = head.substr(at, end - at);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (!line.empty()) {
      if (line.front() != '{' || line.back() != '}') return false;
      ++objects;
    }
    at = end + 1;
  }
  return objects >= 2;
}

}  // namespace

std::string_view FormatName(Format f) {
  static constexpr std::array<std::string_view, 18> kNames = {
      "text", "csv", "tsv",     "json", "ndjson", "zip",  "xlsx", "docx",   "pptx",
      "ods",  "odt", "archive", "pdf",  "eml",    "mbox", "ole2", "sqlite", "binary"};
  return kNames[static_cast<size_t>(f)];
}

Format SniffFormat(std::string_view name, std::string_view head, DetectedEncoding* encoding) {
  if (StartsWith(head, "PK\x03\x04") || StartsWith(head, "PK\x05\x06")) return ZipKind(head);
  if (StartsWith(head, "%PDF-")) return Format::kPdf;
  if (StartsWith(head, std::string_view("SQLite format 3\0", 16))) return Format::kSqlite;
  if (StartsWith(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return Format::kOle2;
  if (StartsWith(head, "7z\xBC\xAF\x27\x1C") || StartsWith(head, "Rar!\x1A\x07") ||
      StartsWith(head, "\x1F\x8B") || StartsWith(head, "BZh") ||
      StartsWith(head,
                 "\xFD"
                 "7zXZ") ||
      StartsWith(head, "\x28\xB5\x2F\xFD") ||
      (head.size() > 262 && head.substr(257, 5) == "ustar")) {
    return Format::kArchive;
  }
  const DetectedEncoding enc = DetectEncoding(head.substr(0, 64 * 1024), head.size() <= 64 * 1024);
  if (encoding) *encoding = enc;
  if (enc.encoding == Encoding::kBinary) return Format::kBinary;
  const std::string ext = LowerExtension(name);
  if (StartsWith(head, "From ") && head.find("\nFrom:") != std::string_view::npos)
    return Format::kMbox;
  if (ext == "eml") return Format::kEml;
  if (LooksLikeMailHeaders(head.substr(enc.bom_bytes))) return Format::kEml;
  if (ext == "csv") return Format::kCsv;
  if (ext == "tsv" || ext == "tab") return Format::kTsv;
  if (enc.encoding == Encoding::kUtf8) {
    const std::string_view body = head.substr(enc.bom_bytes);
    const size_t first = body.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && LooksLikeNdjson(body.substr(first)))
      return Format::kNdjson;
    if (first != std::string_view::npos && (body[first] == '{' || body[first] == '[') &&
        (ext == "json" || ext == "")) {
      return Format::kJson;
    }
    if (ext == "json") return Format::kJson;
  }
  return Format::kText;
}

}  // namespace mamori
