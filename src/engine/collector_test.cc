#include "engine/collector.h"

#include <gtest/gtest.h>

namespace mamori {
namespace {

Finding Make(DataType t, std::string value, bool test = false) {
  Finding f;
  f.type = t;
  f.value = std::move(value);
  f.test = test;
  return f;
}

ObjectReport Collect(const std::vector<Finding>& findings) {
  FindingCollector c([](std::vector<Finding>&) {});
  for (const Finding& f : findings) c.Add(f);
  ObjectReport r;
  c.Finish(&r);
  return r;
}

TEST(CollectorTest, RecordsCountDistinctPeopleNotMatches) {
  const ObjectReport r =
      Collect({Make(DataType::kEmail, "a@x.jp"), Make(DataType::kEmail, "a@x.jp"),
               Make(DataType::kEmail, "b@x.jp"), Make(DataType::kPhone, "+81312345678")});
  EXPECT_EQ(r.records, 2u);
  EXPECT_EQ(r.findings, 4u);
  EXPECT_EQ(r.counts[static_cast<int>(DataType::kEmail)], 3u);
  EXPECT_EQ(r.risk, Risk::kMedium);
}

TEST(CollectorTest, RiskLevels) {
  EXPECT_EQ(Collect({}).risk, Risk::kNone);
  EXPECT_EQ(Collect({Make(DataType::kPostalCode, "1500001")}).risk, Risk::kLow);
  EXPECT_EQ(Collect({Make(DataType::kPhone, "+81312345678")}).risk, Risk::kMedium);
  EXPECT_EQ(Collect({Make(DataType::kCardNumber, "4901234567890123")}).risk, Risk::kHigh);
  EXPECT_EQ(Collect({Make(DataType::kMyNumber, "123456789018")}).risk, Risk::kHigh);
  EXPECT_EQ(Collect({Make(DataType::kCardSecurityCode, "123")}).risk, Risk::kCritical);
  EXPECT_EQ(Collect({Make(DataType::kCardTrack, "4901234567890123")}).risk, Risk::kCritical);
  EXPECT_EQ(
      Collect({Make(DataType::kCardNumber, "4901234567890123"), Make(DataType::kAddress, "東京都")})
          .risk,
      Risk::kCritical);
}

TEST(CollectorTest, TestCardsDoNotRaiseRisk) {
  const ObjectReport r = Collect({Make(DataType::kCardNumber, "4111111111111111", true)});
  EXPECT_EQ(r.risk, Risk::kLow);
  EXPECT_EQ(r.records, 0u);
  EXPECT_EQ(r.findings, 1u);
}

TEST(CollectorTest, ThousandPeopleIsHigh) {
  std::vector<Finding> many;
  for (int i = 0; i < 1000; ++i)
    many.push_back(Make(DataType::kEmail, "user" + std::to_string(i) + "@x.jp"));
  EXPECT_EQ(Collect(many).risk, Risk::kHigh);
  many.pop_back();
  EXPECT_EQ(Collect(many).risk, Risk::kMedium);
}

TEST(CollectorTest, FlushesInBatches) {
  size_t flushed = 0, calls = 0;
  FindingCollector c([&](std::vector<Finding>& b) {
    flushed += b.size();
    ++calls;
  });
  for (size_t i = 0; i < FindingCollector::kBatch * 2 + 5; ++i)
    c.Add(Make(DataType::kPostalCode, "1"));
  ObjectReport r;
  c.Finish(&r);
  EXPECT_EQ(flushed, FindingCollector::kBatch * 2 + 5);
  EXPECT_EQ(calls, 3u);
}

TEST(CollectorTest, TableRecordsOverrideEstimate) {
  FindingCollector c([](std::vector<Finding>&) {});
  c.Add(Make(DataType::kEmail, "a@x.jp"));
  ObjectReport r;
  c.Finish(&r, 3385);
  EXPECT_EQ(r.records, 3385u);
  EXPECT_EQ(r.risk, Risk::kHigh);
}

}  // namespace
}  // namespace mamori
