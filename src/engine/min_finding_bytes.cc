#include "engine/min_finding_bytes.h"

#include <algorithm>

namespace mamori {
namespace {

// Every digit takes at least one byte in any encoding we decode (ASCII,
// full-width and kanji numerals take more), and a cell is scanned alone:
// its header may type it, but the digits must be in the cell itself.
size_t MinBytes(DataType t) {
  switch (t) {
    // A card number has 13 to 19 digits (kMinPan in detectors/card.cc,
    // also in a typed column: ParseCardNumber).
    case DataType::kCardNumber:
      return 13;
    // An individual number has 12 digits (jp_numbers.cc, column_value.cc's
    // TwelveDigitNumber).
    case DataType::kMyNumber:
      return 12;
    // A postal code has 7 digits (jp_numbers.cc, IsPostalCode).
    case DataType::kPostalCode:
      return 7;
    // The others are not bounded here (names of one kanji, short codes in
    // typed columns): any non-empty cell may hold one.
    default:
      return 1;
  }
}

}  // namespace

size_t MinFindingBytes(const std::bitset<kDataTypeCount>& enabled) {
  size_t min = 0;
  for (int t = 0; t < kDataTypeCount; ++t) {
    if (!enabled.test(t)) continue;
    const size_t need = MinBytes(static_cast<DataType>(t));
    min = min == 0 ? need : std::min(min, need);
  }
  return std::max<size_t>(min, 1);
}

}  // namespace mamori
