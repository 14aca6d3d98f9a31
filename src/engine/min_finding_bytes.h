// The fewest bytes a text unit (a table cell) must have to hold a finding
// of any enabled type: shorter cells are skipped before decoding.
#ifndef MAMORI_ENGINE_MIN_FINDING_BYTES_H_
#define MAMORI_ENGINE_MIN_FINDING_BYTES_H_

#include <bitset>
#include <cstddef>

#include "mamori/types.h"

namespace mamori {

// The minimum over the enabled types (1 when none is known to need more:
// an empty cell never holds a finding).
size_t MinFindingBytes(const std::bitset<kDataTypeCount>& enabled);

}  // namespace mamori

#endif  // MAMORI_ENGINE_MIN_FINDING_BYTES_H_
