#include "detectors/name_dict.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <fstream>
#include <string>

#include "engine/encode_test_util.h"

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

// A file read by several threads answers as when read by one: a key whose
// entries fall in different parts has the union of their roles.
TEST(NameDictionaryTest, PartsLoadedAtOnceAnswerAsOne) {
  std::string utf8 = "山田 [やまだ] /(s) Yamada/\n";
  for (int i = 0; i < 40000; ++i) utf8 += "太郎" + std::to_string(i) + " [たろう] /(m) Tarou/\n";
  utf8 += "山田 [やまだ] /(g) Yamada/\n";
  char path[] = "/tmp/mamori_enamdict_XXXXXX";
  const int fd = ::mkstemp(path);
  ASSERT_GE(fd, 0);
  ::close(fd);
  std::ofstream(path, std::ios::binary) << EncodeAs(utf8, "EUC-JP");
  std::string error;
  const NameDictionary one = NameDictionary::Load(path, &error, 1);
  const NameDictionary four = NameDictionary::Load(path, &error, 4);
  ::unlink(path);
  ASSERT_EQ(error, "");
  for (const NameDictionary* d : {&one, &four}) {
    EXPECT_EQ(d->Lookup("山田"), kSurnameWritten | kGivenWritten);
    EXPECT_EQ(d->Lookup("ヤマダ"), kSurnameReading | kGivenReading);
    EXPECT_EQ(d->Lookup("yamada"), kSurnameRomaji | kGivenRomaji);
    EXPECT_EQ(d->Lookup("太郎0"), kGivenWritten);
    EXPECT_EQ(d->Lookup("太郎39999"), kGivenWritten);
    EXPECT_EQ(d->Lookup("太郎40000"), 0);
  }
  for (int i = 0; i < 40000; i += 997) {
    const std::string key = "太郎" + std::to_string(i);
    EXPECT_EQ(one.Lookup(key), four.Lookup(key)) << key;
  }
  EXPECT_EQ(one.size(), 40000u + 5u);  // 太郎N, 山田, ヤマダ, yamada, タロウ, tarou
  EXPECT_GT(four.size(), one.size());  // the shared readings are kept by each part
}

TEST(NameDictionaryTest, ReadingsAreKeptInKatakana) {
  const NameDictionary d = NameDictionary::FromUtf8("小鳥遊 [たかなし] /(s) Takanashi/\n");
  EXPECT_EQ(d.Lookup("タカナシ"), kSurnameReading);
  EXPECT_EQ(d.Lookup("たかなし"), 0);
  EXPECT_EQ(d.Lookup("𠮷"), 0);  // not in EUC-JP
}

}  // namespace
}  // namespace mamori
