#include "detectors/morphology.h"

#include <gtest/gtest.h>

#include <string>

namespace mamori {
namespace {

std::string Surface(std::string_view text, const Morpheme& m) {
  return std::string(text.substr(m.begin, m.end - m.begin));
}

TEST(MorphologyTest, TagsPersonNamesPlacesAndCommonNouns) {
  const std::string_view text = "山田太郎は石川県の会社に";
  std::vector<Morpheme> words;
  ASSERT_TRUE(AnalyzeMorphemes(text, &words)) << "install libmecab2 and mecab-ipadic-utf8";
  ASSERT_GE(words.size(), 6u);
  EXPECT_EQ(Surface(text, words[0]), "山田");
  EXPECT_TRUE(words[0].tags & kTagSurname);
  EXPECT_EQ(Surface(text, words[1]), "太郎");
  EXPECT_TRUE(words[1].tags & kTagGivenName);
  EXPECT_EQ(words[2].tags, kTagOther);  // は
  EXPECT_EQ(Surface(text, words[3]), "石川");
  EXPECT_TRUE(words[3].tags & kTagPlace);
  EXPECT_TRUE(words[4].tags & kTagPlace);  // 県
}

TEST(MorphologyTest, OffsetsSkipSpacesAndUnknownWordsAreMarked) {
  const std::string_view text = "  ヒラギノ 会社";
  std::vector<Morpheme> words;
  ASSERT_TRUE(AnalyzeMorphemes(text, &words));
  ASSERT_EQ(words.size(), 2u);
  EXPECT_EQ(Surface(text, words[0]), "ヒラギノ");
  EXPECT_EQ(words[0].tags, kTagUnknown);
  EXPECT_EQ(Surface(text, words[1]), "会社");
  EXPECT_EQ(words[1].tags, kTagCommonNoun);
}

TEST(MorphologyTest, EmptyText) {
  std::vector<Morpheme> words{{0, 1, 0}};
  EXPECT_TRUE(AnalyzeMorphemes("", &words));
  EXPECT_TRUE(words.empty());
}

}  // namespace
}  // namespace mamori
