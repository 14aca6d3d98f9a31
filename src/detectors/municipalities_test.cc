#include "detectors/municipalities.h"

#include <gtest/gtest.h>

namespace mamori {
namespace {

TEST(MunicipalitiesTest, TheWholeListIsCompiledIn) {
  // 1,896 municipalities and wards plus the 20 designated cities.
  EXPECT_EQ(MunicipalityCount(), 1916u);
}

TEST(MunicipalitiesTest, LongestKnownNameWins) {
  EXPECT_EQ(KnownMunicipalityLength("横浜市中区山下町"), std::string_view("横浜市中区").size());
  EXPECT_EQ(KnownMunicipalityLength("横浜市役所"), std::string_view("横浜市").size());
  EXPECT_EQ(KnownMunicipalityLength("四日市市諏訪町"), std::string_view("四日市市").size());
  EXPECT_EQ(KnownMunicipalityLength("町田市森野"), std::string_view("町田市").size());
  EXPECT_EQ(KnownMunicipalityLength("千代田区永田町"), std::string_view("千代田区").size());
}

TEST(MunicipalitiesTest, PrefectureRestrictsAndGunMayBeLeftOut) {
  EXPECT_GT(KnownMunicipalityLength("瑞穂町箱根ケ崎", "東京都"), 0u);
  EXPECT_GT(KnownMunicipalityLength("西多摩郡瑞穂町箱根ケ崎", "東京都"), 0u);
  EXPECT_EQ(KnownMunicipalityLength("渋谷区神南", "大阪府"), 0u);
  EXPECT_GT(KnownMunicipalityLength("鎌ヶ谷市"), 0u);  // listed as 鎌ケ谷市
}

TEST(MunicipalitiesTest, UnknownNames) {
  EXPECT_EQ(KnownMunicipalityLength("架空市"), 0u);
  EXPECT_EQ(KnownMunicipalityLength("新宿駅"), 0u);
  EXPECT_EQ(KnownMunicipalityLength(""), 0u);
}

}  // namespace
}  // namespace mamori
