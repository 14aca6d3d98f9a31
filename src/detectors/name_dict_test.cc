#include "detectors/name_dict.h"

#include <gtest/gtest.h>

namespace mamori {
namespace {

constexpr std::string_view kSample =
    "山田 [やまだ] /(s) Yamada/\n"
    "太郎 [たろう] /(m) Tarou/\n"
    "蒼 [あおい] /(f,s) Aoi/\n"
    "石川 [いしかわ] /(p,s) Ishikawa/\n"
    "札幌 [さっぽろ] /(p) Sapporo/\n"
    "マリア /(f) Maria/\n"
    "ソニー /(c) Sony/\n";

TEST(NameDictionaryTest, FlagsByRole) {
  const NameDictionary d = NameDictionary::FromUtf8(kSample);
  EXPECT_EQ(d.Lookup("山田"), kSurnameWritten);
  EXPECT_EQ(d.Lookup("ヤマダ"), kSurnameReading);
  EXPECT_EQ(d.Lookup("yamada"), kSurnameRomaji);
  EXPECT_EQ(d.Lookup("太郎"), kGivenWritten);
  EXPECT_EQ(d.Lookup("蒼"), kGivenWritten | kSurnameWritten);
  EXPECT_EQ(d.Lookup("石川"), kSurnameWritten);
  EXPECT_EQ(d.Lookup("マリア"), kGivenWritten | kGivenReading);
}

TEST(NameDictionaryTest, PlacesCompaniesAndUnknownWordsAreNotNames) {
  const NameDictionary d = NameDictionary::FromUtf8(kSample);
  EXPECT_EQ(d.Lookup("札幌"), 0);
  EXPECT_EQ(d.Lookup("ソニー"), 0);
  EXPECT_EQ(d.Lookup("山"), 0);
  EXPECT_EQ(d.Lookup(""), 0);
  EXPECT_EQ(NameDictionary().Lookup("山田"), 0);
}

TEST(NameDictionaryTest, MissingFileIsEmptyWithReason) {
  std::string error;
  const NameDictionary d = NameDictionary::Load("/nonexistent/enamdict", &error);
  EXPECT_EQ(d.size(), 0u);
  EXPECT_NE(error.find("/nonexistent/enamdict"), std::string::npos);
}

TEST(NameDictionaryTest, DebianFileHasModernNames) {
  const NameDictionary& d = NameDictionary::Shared();
  ASSERT_GT(d.size(), 100000u) << "install the Debian package enamdict";
  EXPECT_TRUE(d.Lookup("小鳥遊") & kSurnameWritten);
  EXPECT_TRUE(d.Lookup("陽翔") & kGivenWritten);
  EXPECT_TRUE(d.Lookup("結愛") & kGivenWritten);
  EXPECT_TRUE(d.Lookup("タナカ") & kSurnameReading);
}

TEST(NameDictionaryTest, ReadingsAreKeptInKatakana) {
  const NameDictionary d = NameDictionary::FromUtf8("小鳥遊 [たかなし] /(s) Takanashi/\n");
  EXPECT_EQ(d.Lookup("タカナシ"), kSurnameReading);
  EXPECT_EQ(d.Lookup("たかなし"), 0);
  EXPECT_EQ(d.Lookup("𠮷"), 0);  // not in EUC-JP
}

}  // namespace
}  // namespace mamori
