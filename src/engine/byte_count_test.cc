#include "engine/byte_count.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

namespace mamori {
namespace {

TEST(CountByteTest, MatchesStdCountAtEverySizeAndAlignment) {
  std::mt19937 rng(5);
  std::string s(10000, 'x');
  for (char& c : s) c = (rng() % 7 == 0) ? '\n' : static_cast<char>('a' + rng() % 26);
  for (size_t start : {0, 1, 15}) {
    for (size_t len : {0, 1, 15, 16, 17, 255 * 16, 255 * 16 + 3, 9000}) {
      EXPECT_EQ(CountByte(s.data() + start, len, '\n'),
                static_cast<size_t>(std::count(s.begin() + start, s.begin() + start + len, '\n')))
          << start << "+" << len;
    }
  }
}

TEST(CountByteTest, AllMatchesDoNotWrap) {
  const std::string s(255 * 16 * 3 + 5, '\n');
  EXPECT_EQ(CountByte(s.data(), s.size(), '\n'), s.size());
}

}  // namespace
}  // namespace mamori
