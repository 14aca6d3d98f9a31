// Streaming decode + normalize: bytes in any supported encoding become
// matchable UTF-8, with an OffsetMap back to the original bytes.
//
// Normalization folds what Japanese text writes differently from ASCII:
// full-width ASCII (U+FF01-FF5E), the ideographic space, dashes and minus
// signs (U+2010-2015, U+2212), and, between two digits only, the long vowel
// marks U+30FC and U+FF70 that people type for hyphens ("０９０ー1234").
#ifndef MAMORI_ENGINE_TEXT_DECODER_H_
#define MAMORI_ENGINE_TEXT_DECODER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "engine/encoding.h"
#include "engine/offset_map.h"
#include "mamori/status.h"

struct UConverter;

namespace mamori {

class TextDecoder {
 public:
  static Result<std::unique_ptr<TextDecoder>> Create(const DetectedEncoding& encoding);
  ~TextDecoder();

  // Forgets everything held over from earlier calls, to decode a new unit.
  void Reset();

  // Decodes `raw`, the next bytes of the object, which start at original
  // offset `raw_offset`. Appends normalized UTF-8 to *out and records
  // breakpoints in *map (whose output offsets are positions in *out).
  // Bytes of a character cut at the end of `raw` are kept for the next call;
  // `final` flushes them. Invalid UTF-8 passes through unchanged (sinks
  // escape it); other encodings turn invalid bytes into U+FFFD.
  void Decode(std::string_view raw, uint64_t raw_offset, bool final, std::string* out,
              OffsetMap* map);

 private:
  TextDecoder() = default;
  void DecodeUtf8(std::string_view raw, uint64_t raw_offset, bool final, std::string* out,
                  OffsetMap* map);
  // DecodeUtf8 once any carried bytes are resolved: `raw` starts on its own.
  void DecodeUtf8Piece(std::string_view raw, uint64_t raw_offset, bool final, std::string* out,
                       OffsetMap* map);
  void DecodeIcu(std::string_view raw, uint64_t raw_offset, bool final, std::string* out,
                 OffsetMap* map);
  // Emits code point `cp` that came from input bytes [in_begin, in_end).
  void Emit(char32_t cp, uint64_t in_begin, uint64_t in_end, std::string* out, OffsetMap* map);
  void EmitRaw(std::string_view utf8, uint64_t in_begin, uint64_t in_end, std::string* out,
               OffsetMap* map);
  void FlushPendingDash(bool next_is_digit, std::string* out, OffsetMap* map);

  Encoding encoding_ = Encoding::kUtf8;
  UConverter* converter_ = nullptr;
  std::string carry_;          // UTF-8 bytes of a cut character
  uint64_t carry_offset_ = 0;  // original offset of carry_[0]
  // A long vowel mark after a digit waits for the next character to decide
  // whether it is a hyphen.
  bool dash_pending_ = false;
  char32_t dash_cp_ = 0;
  uint64_t dash_begin_ = 0, dash_end_ = 0;
  uint64_t last_in_end_ = 0;  // input end of the last emitted character
  std::u16string units_;      // ICU scratch
  std::vector<int32_t> unit_offsets_;
};

// True when UTF-8 `s` holds nothing the decoder could fold (full-width
// forms, dashes, the ideographic space, long vowel marks): decoding it
// would copy it unchanged. Conservative: false means "maybe".
bool IsFoldFree(std::string_view utf8);

// The same for bytes in CP932 or EUC-JP (false for any other encoding):
// true when no character in them folds to ASCII (full-width forms, the
// ideographic space, dashes, long vowel marks; half-width katakana) and all
// are well formed (a character cut at the end is not theirs). The bytes
// below 0x40 are then the text's own digits, spaces and punctuation, in
// place: no multi-byte character has such a byte.
bool IsFoldFreeEncoded(std::string_view bytes, Encoding encoding);

// Normalizes one code point: the ASCII byte it folds to, or 0 when it stays.
// The long vowel marks are not folded here (they need both neighbours).
char FoldToAscii(char32_t cp);

}  // namespace mamori

#endif  // MAMORI_ENGINE_TEXT_DECODER_H_
