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
  return 0;
}
