#include "extract/mail.h"

#include <gmime/gmime.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine/encoding.h"
#include "engine/offset_map.h"
#include "engine/text_decoder.h"
#include "plugins/plugins.h"

namespace mamori {
namespace {

// MIME nesting we follow inside one message (GMime has its own, lower
// limit and warns; attached messages are Members and count against the
// budget's depth instead).
constexpr int kMaxMimeDepth = 64;
constexpr size_t kMaxNameBytes = 200;
constexpr size_t kSniffBytes = 64 * 1024;
constexpr size_t kMaxMailBytes = 0xFFFFFFFFull - 1;
constexpr size_t kMaxReference = 32;  // "&#x0000000000010FFFF;" and shorter

void InitGMime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

struct GObjectUnref {
  void operator()(gpointer p) const {
    if (p) g_object_unref(p);
  }
};
template <typename T>
using GPtr = std::unique_ptr<T, GObjectUnref>;

struct OptionsFree {
  void operator()(GMimeParserOptions* o) const { g_mime_parser_options_free(o); }
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// ---------------------------------------------------------------- parsing

// The first parser warning that means content may be missing. The reasons
// are fixed words: GMime's `item` can hold message content.
struct ParseTrouble {
  std::string reason;
};

const char* TroubleReason(GMimeParserWarning code) {
  switch (code) {
    case GMIME_WARN_TRUNCATED_MESSAGE:
      return "mail truncated";
    case GMIME_WARN_MALFORMED_MULTIPART:
      return "malformed multipart (no parts found)";
    case GMIME_WARN_MALFORMED_MESSAGE:
      return "malformed mail message";
    case GMIME_CRIT_NESTING_OVERFLOW:
      return "MIME parts nested too deep";
    case GMIME_CRIT_INVALID_HEADER_NAME:
    case GMIME_CRIT_CONFLICTING_HEADER:
    case GMIME_CRIT_CONFLICTING_PARAMETER:
    case GMIME_CRIT_MULTIPART_WITHOUT_BOUNDARY:
    case GMIME_CRIT_PART_WITHOUT_HEADERS_OR_CONTENT:
      return "damaged MIME structure";
    default:
      return nullptr;  // cosmetic: duplicated headers, raw 8-bit headers...
  }
}

void OnParserWarning(gint64, GMimeParserWarning code, const gchar*, gpointer user) {
  auto* trouble = static_cast<ParseTrouble*>(user);
  const char* reason = TroubleReason(code);
  if (reason && trouble->reason.empty()) trouble->reason = reason;
}

// Skips an mbox "From " envelope line some .eml files keep on top.
std::string_view WithoutEnvelopeLine(std::string_view bytes) {
  if (!StartsWith(bytes, "From ")) return bytes;
  const size_t eol = bytes.find('\n');
  return eol == std::string_view::npos ? std::string_view() : bytes.substr(eol + 1);
}

using OptionsPtr = std::unique_ptr<GMimeParserOptions, OptionsFree>;

// Lenient options: real mail breaks the RFCs. `trouble` hears the warnings.
OptionsPtr NewOptions(ParseTrouble* trouble) {
  OptionsPtr options(g_mime_parser_options_new());
  g_mime_parser_options_set_rfc2047_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
  g_mime_parser_options_set_parameter_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
  g_mime_parser_options_set_address_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
  // Raw 8-bit headers from Japanese mailers are UTF-8, CP932 or EUC-JP.
  const char* fallback[] = {"UTF-8", "CP932", "EUC-JP", "ISO-8859-1", nullptr};
  g_mime_parser_options_set_fallback_charsets(options.get(), fallback);
  g_mime_parser_options_set_warning_callback(options.get(), OnParserWarning, trouble);
  return options;
}

// Parses one message. `trouble` must outlive the message: GMime keeps the
// warning callback in the options it copies into each header list.
GPtr<GMimeMessage> ParseMessage(std::string_view bytes, ParseTrouble* trouble) {
  InitGMime();
  bytes = WithoutEnvelopeLine(bytes);
  if (bytes.size() > kMaxMailBytes) {  // GMime's memory stream counts in guint
    bytes = bytes.substr(0, kMaxMailBytes);
    trouble->reason = "mail larger than 4 GiB: only the first 4 GiB read";
  }
  GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size()));
  GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
  const OptionsPtr options = NewOptions(trouble);
  return GPtr<GMimeMessage>(g_mime_parser_construct_message(parser.get(), options.get()));
}

// ---------------------------------------------------------------- text

// The encoding of a text part's bytes: its charset label when it names a
// Japanese encoding or one ICU knows and the bytes fit, else detection.
DetectedEncoding LabelledEncoding(std::string_view bytes, const char* charset) {
  const std::string label = Lower(charset ? charset : "");
  if (StartsWith(label, "iso-2022-jp")) return {Encoding::kIso2022Jp, 0, "iso-2022-jp"};
  static constexpr std::array<std::string_view, 7> kSjis = {
      "shift_jis", "shift-jis", "sjis", "x-sjis", "cp932", "windows-31j", "ms_kanji"};
  if (std::find(kSjis.begin(), kSjis.end(), label) != kSjis.end())
    return {Encoding::kCp932, 0, "cp932"};
  if (label == "euc-jp" || label == "x-euc-jp") return {Encoding::kEucJp, 0, "euc-jp"};
  const bool utf8ish = label.empty() || label == "utf-8" || label == "utf8" || label == "us-ascii";
  if (utf8ish && IsValidUtf8Prefix(bytes)) return {Encoding::kUtf8, 0, "utf-8"};
  if (!utf8ish) return {Encoding::kOther, 0, label};
  // Declared ASCII or UTF-8 but it is not: mailers that forgot the label.
  DetectedEncoding detected =
      DetectEncoding(bytes.substr(0, kSniffBytes), bytes.size() <= kSniffBytes);
  if (detected.encoding == Encoding::kBinary) return {Encoding::kUtf8, 0, "utf-8"};
  return detected;
}

// Length of the well-formed UTF-8 sequence at s[i] (Unicode table 3-7), or 0.
size_t WellFormedAt(std::string_view s, size_t i) {
  const auto at = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = at(i);
  if (c < 0x80) return 1;
  const size_t len = c >= 0xC2 && c <= 0xDF   ? 2
                     : c >= 0xE0 && c <= 0xEF ? 3
                     : c >= 0xF0 && c <= 0xF4 ? 4
                                              : 0;
  if (len == 0 || i + len > s.size()) return 0;
  // The second byte's range excludes overlong forms, surrogates and > U+10FFFF.
  const unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
  const unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
  if (at(i + 1) < lo || at(i + 1) > hi) return 0;
  for (size_t k = 2; k < len; ++k) {
    if ((at(i + k) & 0xC0) != 0x80) return 0;
  }
  return len;
}

// The engine's UTF-8 decoder passes stray bytes through (it keeps offsets
// one to one); a Text unit must be UTF-8, so they become U+FFFD here.
void ScrubUtf8(std::string* s) {
  size_t i = 0;
  for (size_t len; i < s->size() && (len = WellFormedAt(*s, i)) > 0;) i += len;
  if (i == s->size()) return;
  std::string out = s->substr(0, i);
  while (i < s->size()) {
    const size_t len = WellFormedAt(*s, i);
    if (len > 0) {
      out.append(*s, i, len);
      i += len;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  *s = std::move(out);
}

// Body bytes to UTF-8 (invalid bytes become U+FFFD).
std::string ToUtf8(std::string_view bytes, const char* charset) {
  DetectedEncoding encoding = LabelledEncoding(bytes, charset);
  Result<std::unique_ptr<TextDecoder>> decoder = TextDecoder::Create(encoding);
  if (!decoder.ok()) {  // a label ICU does not know
    decoder = TextDecoder::Create(LabelledEncoding(bytes, nullptr));
    if (!decoder.ok()) decoder = TextDecoder::Create(DetectedEncoding{});
  }
  std::string out;
  OffsetMap map;
  (*decoder)->Decode(bytes, 0, true, &out, &map);
  ScrubUtf8(&out);
  return out;
}

// A part's content with its transfer encoding (base64, quoted-printable,
// uuencode) undone.
std::string DecodedContent(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (!content) return {};
  GPtr<GMimeStream> mem(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, mem.get());
  GByteArray* array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem.get()));
  return array ? std::string(reinterpret_cast<const char*>(array->data), array->len)
               : std::string();
}

// An upper bound of DecodedContent's size, known before decoding: decoding
// never grows the content, and base64 shrinks it to 3/4.
uint64_t DecodedSizeBound(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (!content) return 0;
  const gint64 len = g_mime_stream_length(g_mime_data_wrapper_get_stream(content));
  if (len <= 0) return 0;
  const auto n = static_cast<uint64_t>(len);
  return g_mime_data_wrapper_get_encoding(content) == GMIME_CONTENT_ENCODING_BASE64 ? n / 4 * 3 + 3
                                                                                    : n;
}

// A filename made safe as one path element of a member name.
std::string SafeName(const char* filename) {
  std::string_view name = filename ? filename : "";
  const size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::string out;
  for (const char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u != 0x7F) out.push_back(c);
  }
  if (out.size() > kMaxNameBytes) {
    size_t cut = kMaxNameBytes;  // not inside a UTF-8 character
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  if (out == "." || out == "..") out.clear();
  return out;
}

// The filename of a part that is no GMimePart (message/rfc822), from the
// same parameters g_mime_part_get_filename reads.
const char* FilenameParameter(GMimeObject* obj) {
  const char* name = g_mime_object_get_content_disposition_parameter(obj, "filename");
  return name ? name : g_mime_object_get_content_type_parameter(obj, "name");
}

std::string WithoutSpace(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c))) out.push_back(c);
  }
  return out;
}

bool IsType(GMimeObject* obj, const char* type, const char* subtype) {
  return g_mime_content_type_is_type(g_mime_object_get_content_type(obj), type, subtype);
}

// The extension a nameless part gets, so the engine's sniffer (which asks
// the name where content cannot tell, as for CSV) has it.
std::string_view DefaultExtension(GMimeObject* obj) {
  static constexpr std::array<std::array<const char*, 3>, 7> kTypes = {
      {{"text", "csv", ".csv"},
       {"text", "tab-separated-values", ".tsv"},
       {"text", "html", ".html"},
       {"text", "*", ".txt"},
       {"message", "*", ".eml"},
       {"application", "pdf", ".pdf"},
       {"application", "json", ".json"}}};
  for (const auto& [type, subtype, ext] : kTypes) {
    if (IsType(obj, type, subtype)) return ext;
  }
  return ".bin";
}

bool IsSignature(GMimeObject* obj) {
  return IsType(obj, "application", "pkcs7-signature") ||
         IsType(obj, "application", "x-pkcs7-signature") ||
         IsType(obj, "application", "pgp-signature");
}

// ---------------------------------------------------------------- walking

class MailWalker {
 public:
  // `source` is the message as parsed (after any mbox "From " line) and
  // `source_offset` where it starts in the object: plain bodies are passed
  // on in their own bytes, so findings point into the file.
  MailWalker(ExtractSink& sink, std::string_view source, uint64_t source_offset)
      : sink_(sink), source_(source), source_offset_(source_offset) {}

  void Message(GMimeMessage* message) {
    const char* subject = g_mime_message_get_subject(message);
    if (subject && *subject) {
      // Prefixed so that "Subject: カード番号 ..." reads as text with its label.
      EmitText("Subject: " + ToUtf8(subject, "utf-8"));
    }
    if (GMimeObject* body = g_mime_message_get_mime_part(message)) Walk(body, 0);
  }

 private:
  void Walk(GMimeObject* obj, int depth) {
    if (stopped_) return;
    if (const Status expired = sink_.budget().Expired(); !expired.ok())
      return Stop(expired.message());
    if (depth > kMaxMimeDepth) return Stop("MIME parts nested too deep");
    if (GMIME_IS_MULTIPART_ENCRYPTED(obj)) return Encrypted(obj, "PGP/MIME encrypted part", ".pgp");
    if (GMIME_IS_MULTIPART_SIGNED(obj)) {
      // The signed content is part 0; part 1 is the signature.
      GMimeMultipart* multipart = GMIME_MULTIPART(obj);
      if (g_mime_multipart_get_count(multipart) > 0)
        Walk(g_mime_multipart_get_part(multipart, 0), depth + 1);
      return;
    }
    if (GMIME_IS_MULTIPART(obj)) {
      GMimeMultipart* multipart = GMIME_MULTIPART(obj);
      const int count = g_mime_multipart_get_count(multipart);
      for (int i = 0; i < count; ++i) Walk(g_mime_multipart_get_part(multipart, i), depth + 1);
      return;
    }
    if (GMIME_IS_MESSAGE_PART(obj)) return AttachedMessage(GMIME_MESSAGE_PART(obj));
    if (GMIME_IS_APPLICATION_PKCS7_MIME(obj)) return Pkcs7(obj);
    if (GMIME_IS_PART(obj) && !IsSignature(obj)) Leaf(GMIME_PART(obj));
  }

  void Leaf(GMimePart* part) {
    GMimeObject* obj = GMIME_OBJECT(part);
    const bool attached =
        g_mime_part_get_filename(part) != nullptr || g_mime_part_is_attachment(part);
    const bool html = IsType(obj, "text", "html");
    if (!attached && (html || IsType(obj, "text", "plain"))) return Body(part, html);
    Attachment(part);
  }

  void Body(GMimePart* part, bool html) {
    ++parts_;
    if (!Take(DecodedSizeBound(part))) return;
    if (g_mime_part_get_openpgp_data(part) == GMIME_OPENPGP_DATA_ENCRYPTED) {
      sink_.SetStatus(ObjectStatus::kEncrypted, "inline PGP encrypted text");
    }
    const char* charset = g_mime_object_get_content_type_parameter(GMIME_OBJECT(part), "charset");
    std::string text = ToUtf8(DecodedContent(part), charset);
    if (html) text = HtmlToText(text);
    // The plain and HTML alternatives usually say the same: count it once.
    // Bodies that differ at all are all scanned, so nothing hides in one.
    if (!bodies_.insert(WithoutSpace(text)).second) return;
    if (const std::optional<size_t> at = html ? std::nullopt : RawBodyOffset(part)) {
      const std::string_view raw = source_.substr(*at, RawBodyLength(part));
      const uint64_t line =
          1 + static_cast<uint64_t>(std::count(source_.begin(), source_.begin() + *at, '\n'));
      sink_.RawText(raw, charset ? charset : "", StructuredLocation{}, source_offset_ + *at, line);
      return;
    }
    EmitText(text);
  }

  // Where a plain body's bytes start in the parsed message, when they are
  // there as sent (no base64 or quoted-printable) and GMime kept them as a
  // slice of its input.
  std::optional<size_t> RawBodyOffset(GMimePart* part) const {
    GMimeDataWrapper* content = g_mime_part_get_content(part);
    if (!content) return std::nullopt;
    switch (g_mime_data_wrapper_get_encoding(content)) {
      case GMIME_CONTENT_ENCODING_DEFAULT:
      case GMIME_CONTENT_ENCODING_7BIT:
      case GMIME_CONTENT_ENCODING_8BIT:
      case GMIME_CONTENT_ENCODING_BINARY:
        break;
      default:
        return std::nullopt;
    }
    GMimeStream* stream = g_mime_data_wrapper_get_stream(content);
    if (!stream || stream->bound_start < 0 || stream->bound_end < stream->bound_start ||
        static_cast<uint64_t>(stream->bound_end) > source_.size()) {
      return std::nullopt;
    }
    return static_cast<size_t>(stream->bound_start);
  }

  static size_t RawBodyLength(GMimePart* part) {
    GMimeStream* stream = g_mime_data_wrapper_get_stream(g_mime_part_get_content(part));
    return static_cast<size_t>(stream->bound_end - stream->bound_start);
  }

  void Attachment(GMimePart* part) {
    const std::string name =
        NextName(g_mime_part_get_filename(part), DefaultExtension(GMIME_OBJECT(part)));
    const uint64_t bound = DecodedSizeBound(part);
    if (!Admit(name, bound)) return;
    sink_.Member(name, DecodedContent(part));
  }

  // message/rfc822: handed on whole, so it is scanned as a mail of its own.
  void AttachedMessage(GMimeMessagePart* part) {
    const std::string name = NextName(FilenameParameter(GMIME_OBJECT(part)), ".eml");
    GMimeMessage* message = g_mime_message_part_get_message(part);
    if (!message) return;
    GPtr<GMimeStream> mem(g_mime_stream_mem_new());
    g_mime_object_write_to_stream(GMIME_OBJECT(message), nullptr, mem.get());
    GByteArray* array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem.get()));
    const std::string_view bytes(array ? reinterpret_cast<const char*>(array->data) : "",
                                 array ? array->len : 0);
    if (!Admit(name, bytes.size())) return;
    sink_.Member(name, bytes);
  }

  void Pkcs7(GMimeObject* obj) {
    const GMimeSecureMimeType type =
        g_mime_application_pkcs7_mime_get_smime_type(GMIME_APPLICATION_PKCS7_MIME(obj));
    if (type == GMIME_SECURE_MIME_TYPE_SIGNED_DATA || type == GMIME_SECURE_MIME_TYPE_CERTS_ONLY ||
        type == GMIME_SECURE_MIME_TYPE_COMPRESSED_DATA) {
      // Not secret, but wrapped in CMS, which mamori does not unwrap.
      const std::string name = NextName(g_mime_part_get_filename(GMIME_PART(obj)), ".p7m");
      sink_.MemberStatus(name, DecodedSizeBound(GMIME_PART(obj)), ObjectStatus::kUnsupported,
                         "S/MIME signed or compressed content (CMS) is not unpacked", false);
      return;
    }
    Encrypted(obj, "S/MIME encrypted part", ".p7m");
  }

  void Encrypted(GMimeObject* obj, std::string_view reason, std::string_view ext) {
    const char* filename = GMIME_IS_PART(obj) ? g_mime_part_get_filename(GMIME_PART(obj)) : nullptr;
    const std::string name = NextName(filename, ext);
    uint64_t bytes = 0;
    if (GMIME_IS_PART(obj)) bytes = DecodedSizeBound(GMIME_PART(obj));
    sink_.MemberStatus(name, bytes, ObjectStatus::kEncrypted, reason, true);
  }

  // "part-N<ext>" or the filename; a name seen before gets "part-N-" in front.
  std::string NextName(const char* filename, std::string_view ext) {
    ++parts_;
    const std::string numbered = "part-" + std::to_string(parts_);
    std::string name = SafeName(filename);
    if (name.empty()) name = numbered + std::string(ext);
    if (!names_.insert(name).second) {
      name = numbered + "-" + name;
      names_.insert(name);
    }
    return name;
  }

  bool Admit(const std::string& name, uint64_t size) {
    Budget& budget = sink_.budget();
    Status ok = budget.AdmitMember(size);
    if (ok.ok()) ok = budget.Take(size);
    if (!ok.ok()) sink_.MemberStatus(name, size, ObjectStatus::kIncomplete, ok.message(), false);
    return ok.ok();
  }

  bool Take(uint64_t size) {
    const Status ok = sink_.budget().Take(size);
    if (!ok.ok()) sink_.SetStatus(ObjectStatus::kIncomplete, ok.message());
    return ok.ok();
  }

  void EmitText(std::string_view text) {
    if (!text.empty()) sink_.Text(text, StructuredLocation{});
  }

  void Stop(const std::string& reason) {
    stopped_ = true;
    sink_.SetStatus(ObjectStatus::kIncomplete, reason);
  }

  ExtractSink& sink_;
  std::string_view source_;
  uint64_t source_offset_;
  uint32_t parts_ = 0;
  std::set<std::string> names_;
  std::set<std::string> bodies_;  // body texts so far, without white space
  bool stopped_ = false;
};

// ---------------------------------------------------------------- mbox

// Where the "From " separator lines start: at 0 and after an empty line.
std::vector<size_t> MboxSeparators(std::string_view bytes) {
  std::vector<size_t> at;
  if (StartsWith(bytes, "From ")) at.push_back(0);
  for (size_t pos = bytes.find("\nFrom "); pos != std::string_view::npos;
       pos = bytes.find("\nFrom ", pos + 1)) {
    const bool after_empty = (pos >= 1 && bytes[pos - 1] == '\n') ||
                             (pos >= 2 && bytes[pos - 1] == '\r' && bytes[pos - 2] == '\n');
    if (after_empty) at.push_back(pos + 1);
  }
  return at;
}

// ---------------------------------------------------------------- html

class HtmlText {
 public:
  void Char(char c) {
    if (space_ && !out_.empty() && out_.back() != '\n') out_.push_back(' ');
    space_ = false;
    out_.push_back(c);
  }
  void Str(std::string_view s) {
    for (const char c : s) Char(c);
  }
  void Space() { space_ = true; }
  void Break() {
    space_ = false;
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    if (!out_.empty() && out_.back() != '\n') out_.push_back('\n');
  }
  std::string Take() {
    while (!out_.empty() && (out_.back() == ' ' || out_.back() == '\n')) out_.pop_back();
    return std::move(out_);
  }

 private:
  std::string out_;
  bool space_ = false;
};

bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Case-insensitive search for an ASCII `needle` (lower case) from `from`.
size_t FindCaseless(std::string_view hay, std::string_view needle, size_t from) {
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    bool same = true;
    for (size_t k = 0; k < needle.size() && same; ++k) {
      same = std::tolower(static_cast<unsigned char>(hay[i + k])) == needle[k];
    }
    if (same) return i;
  }
  return std::string_view::npos;
}

void AppendUtf8(char32_t cp, HtmlText& out) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  char buf[4];
  size_t n;
  if (cp < 0x80) {
    buf[0] = static_cast<char>(cp);
    n = 1;
  } else if (cp < 0x800) {
    buf[0] = static_cast<char>(0xC0 | (cp >> 6));
    buf[1] = static_cast<char>(0x80 | (cp & 0x3F));
    n = 2;
  } else if (cp < 0x10000) {
    buf[0] = static_cast<char>(0xE0 | (cp >> 12));
    buf[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    buf[2] = static_cast<char>(0x80 | (cp & 0x3F));
    n = 3;
  } else {
    buf[0] = static_cast<char>(0xF0 | (cp >> 18));
    buf[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    buf[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    buf[3] = static_cast<char>(0x80 | (cp & 0x3F));
    n = 4;
  }
  out.Str(std::string_view(buf, n));
}

// The code point of a numeric reference body ("#12354", "#x3042"), or
// nullopt when it is not one. Values past Unicode saturate (become U+FFFD).
std::optional<char32_t> NumericReference(std::string_view ref) {
  if (ref.size() < 2 || ref[0] != '#') return std::nullopt;
  const bool hex = ref[1] == 'x' || ref[1] == 'X';
  const std::string_view digits = ref.substr(hex ? 2 : 1);
  if (digits.empty()) return std::nullopt;
  uint32_t cp = 0;
  for (const char c : digits) {
    int v;
    if (c >= '0' && c <= '9')
      v = c - '0';
    else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f')
      v = (c | 0x20) - 'a' + 10;
    else
      return std::nullopt;
    cp = std::min<uint32_t>(cp * (hex ? 16 : 10) + static_cast<uint32_t>(v), 0x110000);
  }
  return cp;
}

// Decodes the reference at html[i] == '&'; returns where to go on.
size_t Entity(std::string_view html, size_t i, HtmlText& out) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kNamed = {
      {{"amp", "&"},
       {"lt", "<"},
       {"gt", ">"},
       {"quot", "\""},
       {"apos", "'"},
       {"nbsp", " "},
       {"yen", "\xC2\xA5"},
       {"copy", "\xC2\xA9"}}};
  // References are short; looking further would be quadratic on "&&&&...".
  const size_t semi = html.substr(i + 1, kMaxReference).find(';');
  if (semi != std::string_view::npos) {
    const std::string_view ref = html.substr(i + 1, semi);
    if (const std::optional<char32_t> cp = NumericReference(ref)) {
      AppendUtf8(*cp, out);
      return i + semi + 2;
    }
    for (const auto& [name, text] : kNamed) {
      if (Lower(ref) == name) {
        out.Str(text);
        return i + semi + 2;
      }
    }
  }
  out.Char('&');
  return i + 1;
}

bool IsBreakTag(std::string_view name) {
  static constexpr std::array<std::string_view, 26> kBreaks = {
      "br",    "p",   "div", "tr", "td", "th",      "li",    "ul",    "ol",
      "table", "h1",  "h2",  "h3", "h4", "h5",      "h6",    "title", "blockquote",
      "hr",    "pre", "dd",  "dt", "dl", "caption", "thead", "tbody"};
  return std::find(kBreaks.begin(), kBreaks.end(), name) != kBreaks.end();
}

// The end of a tag that starts at `i` (past its '>'), honouring quoted
// attribute values.
size_t TagEnd(std::string_view html, size_t i) {
  char quote = 0;
  for (; i < html.size(); ++i) {
    const char c = html[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return html.size();
}

// Handles the markup at html[i] == '<'; returns where to go on.
size_t Tag(std::string_view html, size_t i, HtmlText& out) {
  const std::string_view rest = html.substr(i);
  if (StartsWith(rest, "<!--")) {
    const size_t end = html.find("-->", i + 4);
    return end == std::string_view::npos ? html.size() : end + 3;
  }
  if (StartsWith(rest, "<!") || StartsWith(rest, "<?")) return TagEnd(html, i);
  size_t j = i + 1;
  const bool closing = j < html.size() && html[j] == '/';
  if (closing) ++j;
  std::string name;
  while (j < html.size() && name.size() < 16 && std::isalnum(static_cast<unsigned char>(html[j]))) {
    name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(html[j++]))));
  }
  if (name.empty() || !std::isalpha(static_cast<unsigned char>(name[0]))) {
    out.Char('<');  // "a < b": not markup
    return i + 1;
  }
  size_t end = TagEnd(html, j);
  if (!closing && (name == "script" || name == "style")) {
    const size_t close = FindCaseless(html, "</" + name, end);
    end = close == std::string_view::npos ? html.size() : TagEnd(html, close);
  }
  if (IsBreakTag(name)) out.Break();
  return end;
}

void CollectAddresses(InternetAddressList* list, std::vector<std::string>* out, int depth = 0) {
  if (!list || depth > 4) return;
  const int n = internet_address_list_length(list);
  for (int i = 0; i < n; ++i) {
    InternetAddress* address = internet_address_list_get_address(list, i);
    if (INTERNET_ADDRESS_IS_GROUP(address)) {
      CollectAddresses(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address)), out,
                       depth + 1);
    } else if (INTERNET_ADDRESS_IS_MAILBOX(address)) {
      const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address));
      if (addr && *addr) out->push_back(Lower(addr));
    }
  }
}

// The addresses of every `field` header (lower-case name), parsed from the
// raw value: raw ISO-2022-JP or CP932 display names, which old Japanese
// mailers send, hold bytes like '(' ';' '@' that break RFC 5322 parsing,
// so they become UTF-8 first.
void CollectField(GMimeMessage* message, std::string_view field, GMimeParserOptions* options,
                  std::vector<std::string>* out) {
  GMimeHeaderList* headers = g_mime_object_get_header_list(GMIME_OBJECT(message));
  const int count = g_mime_header_list_get_count(headers);
  for (int i = 0; i < count; ++i) {
    GMimeHeader* header = g_mime_header_list_get_header_at(headers, i);
    const char* name = g_mime_header_get_name(header);
    const char* raw = g_mime_header_get_value(header);
    if (!name || !raw || Lower(name) != field) continue;
    std::string value = raw;
    if (value.find('\x1b') != std::string::npos) {
      value = ToUtf8(value, "iso-2022-jp");
    } else if (!IsValidUtf8Prefix(value + "x")) {
      value = ToUtf8(value, nullptr);
    }
    GPtr<InternetAddressList> list(internet_address_list_parse(options, value.c_str()));
    CollectAddresses(list.get(), out);
  }
}

}  // namespace

std::string HtmlToText(std::string_view html) {
  HtmlText out;
  size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '<') {
      i = Tag(html, i, out);
    } else if (c == '&') {
      i = Entity(html, i, out);
    } else {
      if (IsHtmlSpace(c))
        out.Space();
      else
        out.Char(c);
      ++i;
    }
  }
  return out.Take();
}

Status ExtractMail(std::string_view bytes, ExtractSink& sink) {
  ParseTrouble trouble;
  GPtr<GMimeMessage> message = ParseMessage(bytes, &trouble);
  if (!message) {
    sink.SetStatus(ObjectStatus::kError, "not a mail message");
    return Status::Corrupt("not a mail message");
  }
  const std::string_view parsed = WithoutEnvelopeLine(bytes);
  MailWalker(sink, parsed, static_cast<uint64_t>(parsed.data() - bytes.data()))
      .Message(message.get());
  if (!trouble.reason.empty()) sink.SetStatus(ObjectStatus::kIncomplete, trouble.reason);
  return Status::Ok();
}

Status ExtractMbox(std::string_view bytes, ExtractSink& sink) {
  std::vector<size_t> starts = MboxSeparators(bytes);
  // Text before the first separator is not dropped: it is a message too.
  if (starts.empty() || starts.front() != 0) starts.insert(starts.begin(), 0);
  uint64_t number = 0;
  for (size_t k = 0; k < starts.size(); ++k) {
    const size_t end = k + 1 < starts.size() ? starts[k + 1] : bytes.size();
    std::string_view message = bytes.substr(starts[k], end - starts[k]);
    message = WithoutEnvelopeLine(message);
    if (message.find_first_not_of(" \t\r\n") == std::string_view::npos) continue;
    const std::string name = "message-" + std::to_string(++number);
    if (const Status expired = sink.budget().Expired(); !expired.ok()) {
      sink.SetStatus(ObjectStatus::kIncomplete, expired.message());
      break;
    }
    const Status admitted = sink.budget().AdmitMember(message.size());
    if (!admitted.ok()) {
      sink.MemberStatus(name, message.size(), ObjectStatus::kIncomplete, admitted.message(), false);
      continue;
    }
    sink.Member(name, message);
  }
  return Status::Ok();
}

Result<MailEnvelope> ReadEnvelope(std::string_view bytes) {
  ParseTrouble trouble;
  GPtr<GMimeMessage> message = ParseMessage(bytes, &trouble);
  if (!message) return Status::Corrupt("not a mail message");
  const OptionsPtr options = NewOptions(&trouble);
  MailEnvelope envelope;
  std::vector<std::string> from;
  CollectField(message.get(), "from", options.get(), &from);
  if (!from.empty()) envelope.from = from.front();
  CollectField(message.get(), "to", options.get(), &envelope.to);
  CollectField(message.get(), "cc", options.get(), &envelope.cc);
  return envelope;
}

}  // namespace mamori

const mamori::MailPlugin* mamori_mail_plugin() {
  static constexpr mamori::MailPlugin kPlugin{&mamori::ExtractMail, &mamori::ExtractMbox};
  return &kPlugin;
}
