#include "detectors/context.h"

#include <gtest/gtest.h>

#include <vector>

namespace mamori {
namespace {

using K = LabelKind;

Candidates WithLabels(const std::vector<LabelHit>& labels,
                      std::optional<LabelKind> unit_label = std::nullopt) {
  return Candidates{"", {}, {}, labels, unit_label};
}

TEST(LabelZonesTest, FromLabelBeginToReachPastItsEnd) {
  const std::vector<LabelHit> labels = {
      {10, 14, K::kSecurityCode}, {30, 33, K::kPhone}, {100, 104, K::kSecurityCode}};
  const Candidates in = WithLabels(labels);
  LabelZones zones(in, {K::kSecurityCode}, /*reach=*/20);
  EXPECT_EQ(zones.NextFrom(0), 10u);
  EXPECT_EQ(zones.NextFrom(12), 12u);
  EXPECT_EQ(zones.NextFrom(34), 34u);   // 14 + 20: the last position in reach
  EXPECT_EQ(zones.NextFrom(35), 100u);  // the phone label opens no zone
  EXPECT_EQ(zones.NextFrom(124), 124u);
  EXPECT_EQ(zones.NextFrom(125), LabelZones::kNone);
}

TEST(LabelZonesTest, UnitLabelOfTheKindsCoversEverything) {
  const Candidates in = WithLabels({}, K::kCardExpiry);
  LabelZones zones(in, {K::kCardExpiry});
  EXPECT_EQ(zones.NextFrom(0), 0u);
  EXPECT_EQ(zones.NextFrom(1u << 30), 1u << 30);
  LabelZones other(in, {K::kSecurityCode});
  EXPECT_EQ(other.NextFrom(0), LabelZones::kNone);
}

TEST(LabelZonesTest, OverlappingZonesMerge) {
  const std::vector<LabelHit> labels = {{0, 4, K::kBank}, {20, 26, K::kBankAccount}};
  const Candidates in = WithLabels(labels);
  LabelZones zones(in, {K::kBank, K::kBankAccount}, /*reach=*/60);
  EXPECT_EQ(zones.NextFrom(50), 50u);
  EXPECT_EQ(zones.NextFrom(86), 86u);
  EXPECT_EQ(zones.NextFrom(87), LabelZones::kNone);
}

}  // namespace
}  // namespace mamori
