#include "extract/recording_sink_test_util.h"

#include <algorithm>

#include "engine/encoding.h"
#include "engine/text_decoder.h"

namespace mamori {

std::string RecordingSink::CellDump() const {
  std::string out;
  for (const auto& c : cells) out += std::to_string(c.row) + "|" + c.column + "|" + c.text + "\n";
  return out;
}

std::string RecordingSink::AllText() const {
  std::string all;
  for (const TextCall& t : texts) {
    if (!all.empty()) all.push_back('\n');
    all += t.text;
  }
  return all;
}

std::vector<RecordingSink::CellCall> RecordingSink::CellsIn(std::string_view column) const {
  std::vector<CellCall> out;
  for (const CellCall& c : cells) {
    if (c.column == column) out.push_back(c);
  }
  return out;
}

const RecordingSink::CellCall* RecordingSink::FindCell(std::string_view text) const {
  for (const CellCall& c : cells) {
    if (c.text == text) return &c;
  }
  return nullptr;
}

void RecordingSink::RawText(std::string_view bytes, std::string_view charset,
                            const StructuredLocation& where, uint64_t offset, uint64_t line) {
  const DetectedEncoding enc = EncodingForCharset(charset, bytes);
  std::string utf8;
  if (enc.encoding != Encoding::kBinary) {
    auto decoder = TextDecoder::Create(enc);
    OffsetMap map;
    map.Reset(0);
    if (decoder.ok())
      (*decoder)->Decode(bytes.substr(std::min(enc.bom_bytes, bytes.size())), 0, true, &utf8, &map);
  }
  texts.push_back({utf8, where, offset, line});
}

}  // namespace mamori
