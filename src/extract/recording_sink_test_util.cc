#include "extract/recording_sink_test_util.h"

namespace mamori {

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

}  // namespace mamori
