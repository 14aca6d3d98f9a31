// Which encoding a file's bytes are in, and whether they are text at all.
#ifndef MAMORI_ENGINE_ENCODING_H_
#define MAMORI_ENGINE_ENCODING_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace mamori {

enum class Encoding { kUtf8, kUtf16Le, kUtf16Be, kCp932, kEucJp, kIso2022Jp, kOther, kBinary };

struct DetectedEncoding {
  Encoding encoding = Encoding::kUtf8;
  size_t bom_bytes = 0;
  std::string name;  // as reported: "utf-8", "cp932", or the ICU name for kOther
};

// Looks at the first bytes of an object: BOM first, then structure (valid
// UTF-8, ISO-2022-JP escapes, UTF-16 zero patterns), then uchardet.
// `sample_is_whole` says the sample is the whole object (a truncated final
// UTF-8 sequence is then an error, not a cut).
DetectedEncoding DetectEncoding(std::string_view sample, bool sample_is_whole);

// The encoding a MIME charset names ("ISO-2022-JP", "Shift_JIS"…); when the
// name is empty or unknown, the one DetectEncoding finds in `bytes`.
DetectedEncoding EncodingForCharset(std::string_view charset, std::string_view bytes);

// The encoding of bytes an extractor tagged with the name DetectEncoding
// gave their object (a table cell's own bytes): taken as named, not guessed
// again from a few bytes.
DetectedEncoding EncodingNamed(std::string_view name, std::string_view bytes);

// Whether any run of the encoding's bytes that starts at a character decodes
// alone to what it reads as in the whole: no shift state (ISO-2022-JP's
// escapes), no byte order mark to read first.
bool DecodesFromAnyCharacter(const DetectedEncoding& encoding);

// Decodes the UTF-8 character at s[i] into *cp. Returns its length in
// bytes, 0 when the bytes there are not valid UTF-8 (overlong forms and
// surrogates included), or -1 when a valid start is cut by the end of s.
int DecodeUtf8Char(std::string_view s, size_t i, char32_t* cp);

// True when `bytes` (a prefix) is valid UTF-8, allowing a sequence cut at the end.
bool IsValidUtf8Prefix(std::string_view bytes);

}  // namespace mamori

#endif  // MAMORI_ENGINE_ENCODING_H_
