#include "detectors/name.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "detectors/detector_test_util.h"

namespace mamori {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> Names(std::string_view text,
                               std::optional<LabelKind> unit_label = std::nullopt) {
  static const auto detector = MakeNameDetector();
  return ValuesOf(RunDetector(*detector, text, unit_label), DataType::kPersonName);
}

TEST(NameDetectorTest, SurnameAndGivenNameBeforeAnHonorificAreOneName) {
  EXPECT_THAT(Names("山田太郎様、いつもありがとうございます。"), ElementsAre("山田太郎"));
  EXPECT_THAT(Names("山田 太郎 様"), ElementsAre("山田 太郎"));
  EXPECT_THAT(Names("To: 高橋 陽菜 様 <x>"), ElementsAre("高橋 陽菜"));
}

TEST(NameDetectorTest, SurnameAloneWithAnHonorificSpansTheSurname) {
  EXPECT_THAT(Names("先日は田中さんにお会いしました。"), ElementsAre("田中"));
  EXPECT_THAT(Names("森様のご依頼"), ElementsAre("森"));
  EXPECT_THAT(Names("中村氏は"), ElementsAre("中村"));
  EXPECT_THAT(Names("石川殿"), ElementsAre("石川"));
}

TEST(NameDetectorTest, RareSurnamesAndModernGivenNames) {
  EXPECT_THAT(Names("小鳥遊様"), ElementsAre("小鳥遊"));
  EXPECT_THAT(Names("鬼瓦権兵衛様"), ElementsAre("鬼瓦権兵衛"));
  EXPECT_THAT(Names("陽翔くんではなく陽翔君"), ElementsAre("陽翔"));
  EXPECT_THAT(Names("結愛ちゃんと蒼さん"), ElementsAre("結愛", "蒼"));
  EXPECT_THAT(Names("氏名：勅使河原 結愛"), ElementsAre("勅使河原 結愛"));
}

TEST(NameDetectorTest, HiraganaGivenNames) {
  EXPECT_THAT(Names("山本 さくら 様"), ElementsAre("山本 さくら"));
  EXPECT_THAT(Names("佐藤さくら様より"), ElementsAre("佐藤さくら"));
  EXPECT_THAT(Names("鈴木 さくら <s@example.jp>"), ElementsAre("鈴木 さくら"));
  EXPECT_THAT(Names("本をたくさん"), IsEmpty());
  EXPECT_THAT(Names("新しいカード：3760-735946-00242 11/26"), IsEmpty());
}

TEST(NameDetectorTest, ChildrensHonorificsFindSingleKanjiGivenNames) {
  EXPECT_THAT(Names("紬ちゃんと樹君"), ElementsAre("紬", "樹"));
  EXPECT_THAT(Names("作文では悠真君の作品が"), ElementsAre("悠真"));
  EXPECT_THAT(Names("奥さん"), IsEmpty());
}

TEST(NameDetectorTest, FullNamesOnARecordLine) {
  EXPECT_THAT(Names("営業部 山田 太郎（yamada@example.jp）"), ElementsAre("山田 太郎"));
  EXPECT_THAT(Names("百目鬼 美咲 <m@example.jp>"), ElementsAre("百目鬼 美咲"));
  EXPECT_THAT(Names("・清水 真由美 生年月日 H18/7/22 個人番号 123456789012"),
              ElementsAre("清水 真由美"));
  EXPECT_THAT(Names("中央みらい銀行 札幌支店 普通 0123456"), IsEmpty());
  EXPECT_THAT(Names("お電話（0570-362-998、平日9:00-18:00）"), IsEmpty());
  EXPECT_THAT(Names("工場 中村町 090-1234-5678"), IsEmpty());
  EXPECT_THAT(Names("白馬村北城1521番地 ひかりマンション908 宛"), IsEmpty());
}

TEST(NameDetectorTest, LabelledNames) {
  EXPECT_THAT(Names("お名前：佐藤 美咲（サトウ ミサキ）"),
              ElementsAre("佐藤 美咲", "サトウ ミサキ"));
  EXPECT_THAT(Names("申込者：渡辺 健\n"), ElementsAre("渡辺 健"));
  EXPECT_THAT(Names("担当：佐々木です"), ElementsAre("佐々木"));
  EXPECT_THAT(Names("フリガナ：ヤマダ タロウ"), ElementsAre("ヤマダ タロウ"));
  // ASCII text is searched for labels when it has a digit or '@' (finder.h).
  EXPECT_THAT(Names("Name: Taro Yamada\nTel: 03-1234-5678"), ElementsAre("Taro Yamada"));
  EXPECT_THAT(Names("Full name: YAMADA Taro, member 12"), ElementsAre("YAMADA Taro"));
  EXPECT_THAT(Names("山田 花子", LabelKind::kName), ElementsAre("山田 花子"));
}

TEST(NameDetectorTest, KatakanaAndRomajiNeedContext) {
  EXPECT_THAT(Names("ヤマダ タロウ"), IsEmpty());
  EXPECT_THAT(Names("Taro Yamada visited"), IsEmpty());
  EXPECT_THAT(Names("タナカ様"), ElementsAre("タナカ"));
  EXPECT_THAT(Names("Taro Yamada <taro@example.jp>"), ElementsAre("Taro Yamada"));
  EXPECT_THAT(Names("C001,ヤマダ タロウ,090-1234-5678"), ElementsAre("ヤマダ タロウ"));
  EXPECT_THAT(Names("C001,山田 太郎,taro@example.jp"), ElementsAre("山田 太郎"));
}

// English titles come before the name; the name must be in ENAMDICT's
// romanizations (a full name as given + surname, or a surname alone).
TEST(NameDetectorTest, EnglishTitlesBeforeRomanNames) {
  EXPECT_THAT(Names("Dear Mr. Ichiro Tanaka,"), ElementsAre("Ichiro Tanaka"));
  EXPECT_THAT(Names("Thank you, Ms. Suzuki."), ElementsAre("Suzuki"));
  EXPECT_THAT(Names("cc: Mrs. Hanako Yamada and Dr. Kenji Sato"),
              ElementsAre("Hanako Yamada", "Kenji Sato"));
  EXPECT_THAT(Names("Mr.Yamada"), ElementsAre("Yamada"));
}

TEST(NameDetectorTest, EnglishTitlesWithoutARomanNameAreNothing) {
  EXPECT_THAT(Names("Dr. Pepper and Ms. Word and Mr. Coffee"), IsEmpty());
  EXPECT_THAT(Names("Mr. tanaka, Ms. 12, Dr."), IsEmpty());
  EXPECT_THAT(Names("24 Ocean Dr. Tokyo Building"), IsEmpty());
  EXPECT_THAT(Names("HMr. Tanaka"), IsEmpty());  // not a word of its own
}

TEST(NameDetectorTest, PlacesAndCommonWordsAreNotNames) {
  EXPECT_THAT(Names("森の中を歩き、中村町の工場を見学し、石川県に泊まった。"), IsEmpty());
  EXPECT_THAT(Names("皆様、お客様、神様、奥様、お子様、ご主人様、王様"), IsEmpty());
  EXPECT_THAT(Names("ユーザー様、オーナー様、たくさん、皆さん、彼氏、同氏"), IsEmpty());
  EXPECT_THAT(Names("同様の仕様で申請様式を"), IsEmpty());
  EXPECT_THAT(Names("担当者様\nご担当者様"), IsEmpty());
  EXPECT_THAT(Names("氏名：未記入"), IsEmpty());
  EXPECT_THAT(Names("カナダ産"), IsEmpty());
}

TEST(NameDetectorTest, CompaniesAndFontsAreNotNames) {
  EXPECT_THAT(Names("株式会社山田様、山田株式会社様、有限会社 佐藤様"), IsEmpty());
  EXPECT_THAT(Names("山田商事様"), IsEmpty());
  EXPECT_THAT(Names("フォント：ＭＳ 明朝、ヒラギノ角ゴ、Yu Gothic"), IsEmpty());
  EXPECT_THAT(Names("font-name: Yu Gothic\nfile name: Report"), IsEmpty());
  EXPECT_THAT(Names("name: checkout"), IsEmpty());
}

TEST(NameDetectorTest, OffsetsAreTheNameOnly) {
  static const auto detector = MakeNameDetector();
  std::string norm;
  const auto ds = RunDetector(*detector, "宛名：鈴木 一郎 様", std::nullopt, &norm);
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(norm.substr(ds[0].begin, ds[0].end - ds[0].begin), "鈴木 一郎");
  EXPECT_EQ(ds[0].confidence, Confidence::kHigh);
}

}  // namespace
}  // namespace mamori
