#include "engine/min_finding_bytes.h"

#include <gtest/gtest.h>

#include "engine/type_set_test_util.h"

namespace mamori {
namespace {

TEST(MinFindingBytes, CardNumbersNeedThirteenBytes) {
  EXPECT_EQ(MinFindingBytes(Only({DataType::kCardNumber})), 13u);
}

TEST(MinFindingBytes, TheShortestEnabledTypeWins) {
  EXPECT_EQ(MinFindingBytes(Only({DataType::kCardNumber, DataType::kMyNumber})), 12u);
  EXPECT_EQ(MinFindingBytes(Only({DataType::kCardNumber, DataType::kPostalCode})), 7u);
  EXPECT_EQ(MinFindingBytes(Only({DataType::kCardNumber, DataType::kPersonName})), 1u);
}

TEST(MinFindingBytes, AllTypesOrNoneSkipOnlyEmptyCells) {
  EXPECT_EQ(MinFindingBytes(std::bitset<kDataTypeCount>().set()), 1u);
  EXPECT_EQ(MinFindingBytes({}), 1u);
}

}  // namespace
}  // namespace mamori
