#include "detectors/address_parser.h"

#include <gtest/gtest.h>

namespace mamori {
namespace {

TEST(KanjiNumberTest, PositionalAndDigitByDigit) {
  EXPECT_EQ(KanjiNumber("一"), 1);
  EXPECT_EQ(KanjiNumber("十"), 10);
  EXPECT_EQ(KanjiNumber("二十三"), 23);
  EXPECT_EQ(KanjiNumber("百五"), 105);
  EXPECT_EQ(KanjiNumber("千二百"), 1200);
  EXPECT_EQ(KanjiNumber("二〇三"), 203);
  EXPECT_FALSE(KanjiNumber("").has_value());
  EXPECT_FALSE(KanjiNumber("〇").has_value());
  EXPECT_FALSE(KanjiNumber("十二三").has_value());
  EXPECT_FALSE(KanjiNumber("町").has_value());
}

TEST(PrefectureLengthTest, AllShapes) {
  EXPECT_EQ(PrefectureLength("北海道札幌市"), 9u);
  EXPECT_EQ(PrefectureLength("神奈川県横浜市"), 12u);
  EXPECT_EQ(PrefectureLength("京都府"), 9u);
  EXPECT_EQ(PrefectureLength("京都市"), 0u);
  EXPECT_EQ(PrefectureLength("Tokyo"), 0u);
}

TEST(ParseAddressTest, Parts) {
  const std::string text = "神奈川県横浜市中区山下町一丁目2番3号";
  const std::optional<ParsedAddress> a = ParseAddress(text, 0);
  ASSERT_TRUE(a.has_value());
  EXPECT_TRUE(a->prefecture);
  EXPECT_TRUE(a->known_municipality);
  EXPECT_TRUE(a->town);
  EXPECT_EQ(a->numbers, 3);
  EXPECT_TRUE(a->block_unit);
  EXPECT_EQ(a->end, text.size());
  EXPECT_EQ(a->value, "神奈川県横浜市中区山下町1-2-3");
}

TEST(ParseAddressTest, NeedsAMunicipality) {
  EXPECT_FALSE(ParseAddress("東京都の名所", 0).has_value());
  EXPECT_FALSE(ParseAddress("神南1-2-3", 0).has_value());
  EXPECT_FALSE(ParseAddress("", 0).has_value());
}

TEST(ParseAddressTest, TruncatedTextIsSafe) {
  const std::string text = "東京都渋谷区神南一丁";
  for (size_t n = 0; n <= text.size(); ++n) ParseAddress(std::string_view(text).substr(0, n), 0);
}

}  // namespace
}  // namespace mamori
