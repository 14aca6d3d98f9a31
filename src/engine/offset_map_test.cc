#include "engine/offset_map.h"

#include <gtest/gtest.h>

namespace mamori {
namespace {

TEST(OffsetMapTest, IdentityFromOrigin) {
  OffsetMap m;
  m.Reset(100);
  EXPECT_EQ(m.ToOriginal(0), 100u);
  EXPECT_EQ(m.ToOriginal(42), 142u);
  EXPECT_EQ(m.breakpoints(), 1u);
}

TEST(OffsetMapTest, BreakpointsShiftLaterOffsets) {
  OffsetMap m;
  m.Reset(0);
  // Output bytes 0..3 are input 0..3; a 3-byte input char became 1 byte at output 4.
  m.Set(4, 4);  // consistent: no new breakpoint
  EXPECT_EQ(m.breakpoints(), 1u);
  m.Set(5, 7);
  EXPECT_EQ(m.ToOriginal(4), 4u);
  EXPECT_EQ(m.ToOriginal(5), 7u);
  EXPECT_EQ(m.ToOriginal(9), 11u);
  EXPECT_EQ(m.breakpoints(), 2u);
}

TEST(OffsetMapTest, DropPrefixRebases) {
  OffsetMap m;
  m.Reset(10);
  m.Set(5, 20);
  m.Set(8, 30);
  m.DropPrefix(6);  // output 6 was input 21
  EXPECT_EQ(m.ToOriginal(0), 21u);
  EXPECT_EQ(m.ToOriginal(1), 22u);
  EXPECT_EQ(m.ToOriginal(2), 30u);
  EXPECT_EQ(m.ToOriginal(5), 33u);
}

TEST(OffsetMapTest, EndsCanDifferFromStarts) {
  OffsetMap m;
  m.Reset(0);
  // "8" at output 0 came from input 0; an escape sequence (input 1..3) sits
  // before the next character, which starts at input 4.
  m.SetEnd(1, 1);
  m.Set(1, 4);
  EXPECT_EQ(m.ToOriginal(0), 0u);
  EXPECT_EQ(m.ToOriginalEnd(1), 1u);
  EXPECT_EQ(m.ToOriginal(1), 4u);
  EXPECT_EQ(m.ToOriginalEnd(3), 6u);  // no breakpoint at 3: linear
}

}  // namespace
}  // namespace mamori
