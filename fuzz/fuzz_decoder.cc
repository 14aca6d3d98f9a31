// Each decoder on arbitrary bytes, fed in pieces whose size comes from the
// input. The offset map must stay monotonic and inside the input.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "engine/text_decoder.h"

using mamori::DetectedEncoding;
using mamori::Encoding;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  static const Encoding kEncodings[] = {Encoding::kUtf8,  Encoding::kUtf16Le, Encoding::kUtf16Be,
                                        Encoding::kCp932, Encoding::kEucJp,   Encoding::kIso2022Jp};
  const Encoding enc = kEncodings[data[0] % 6];
  const size_t piece = 1 + data[1] % 17;
  const std::string_view raw(reinterpret_cast<const char*>(data) + 2, size - 2);
  auto decoder = mamori::TextDecoder::Create(DetectedEncoding{enc, 0, "fuzz"});
  if (!decoder.ok()) std::abort();
  std::string out;
  mamori::OffsetMap map;
  map.Reset(0);
  for (size_t at = 0; at < raw.size(); at += piece) {
    (*decoder)->Decode(raw.substr(at, piece), at, at + piece >= raw.size(), &out, &map);
  }
  uint64_t last = 0;
  for (uint32_t i = 0; i <= out.size(); ++i) {
    const uint64_t o = map.ToOriginal(i);
    const uint64_t end = map.ToOriginalEnd(i);
    if (o > raw.size() || o < last || end > o || end < last) std::abort();
    last = o;
  }
  // Fold-free claims hold: UTF-8 decodes to itself; in CP932 and EUC-JP the
  // bytes below 0x40 are the text's own, in order (the record filter reads
  // them in place). A character cut at the end is not the bytes' to fold
  // (a piece's last record is read with the next piece), and decoding it as
  // the end of the input may add a substitute: a digit after it makes such
  // bytes not fold-free, so only whole characters are checked.
  if (enc == Encoding::kUtf8 && mamori::IsFoldFree(raw) && out != raw) std::abort();
  if ((enc == Encoding::kCp932 || enc == Encoding::kEucJp) &&
      mamori::IsFoldFreeEncoded(std::string(raw) + "0", enc)) {
    const auto low = [](std::string_view s) {
      std::string k;
      for (char c : s) {
        if (static_cast<unsigned char>(c) < 0x40) k += c;
      }
      return k;
    };
    if (low(raw) != low(out)) std::abort();
  }
  return 0;
}
