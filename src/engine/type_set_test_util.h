// Test helper: a set of data types, as ScanOptions::types takes it.
#ifndef MAMORI_ENGINE_TYPE_SET_TEST_UTIL_H_
#define MAMORI_ENGINE_TYPE_SET_TEST_UTIL_H_

#include <bitset>
#include <initializer_list>

#include "mamori/types.h"

namespace mamori {

inline std::bitset<kDataTypeCount> Only(std::initializer_list<DataType> types) {
  std::bitset<kDataTypeCount> b;
  for (DataType t : types) b.set(static_cast<size_t>(t));
  return b;
}

}  // namespace mamori

#endif  // MAMORI_ENGINE_TYPE_SET_TEST_UTIL_H_
