#include "detectors/address.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "detectors/detector_test_util.h"
#include "detectors/registry.h"

namespace mamori {
namespace {

class AddressTest : public ::testing::Test {
 protected:
  // The spans (in normalized text) of the address findings in `text`.
  std::vector<std::string> Spans(std::string_view text,
                                 std::optional<LabelKind> unit = std::nullopt) {
    std::vector<std::string> spans;
    for (const Detection& d : RunDetector(*detector_, text, unit, &normalized_)) {
      EXPECT_EQ(d.type, DataType::kAddress);
      spans.push_back(normalized_.substr(d.begin, d.end - d.begin));
    }
    return spans;
  }
  std::vector<Detection> Run(std::string_view text) { return RunDetector(*detector_, text); }

  std::unique_ptr<Detector> detector_ = MakeAddressDetector();
  std::string normalized_;
};

using Strings = std::vector<std::string>;

TEST_F(AddressTest, PrefectureMunicipalityTownBlock) {
  EXPECT_EQ(Spans("お届け先は東京都渋谷区神南1-2-3です。"), Strings{"東京都渋谷区神南1-2-3"});
  EXPECT_EQ(Spans("神奈川県横浜市中区山下町10-5 へ"), Strings{"神奈川県横浜市中区山下町10-5"});
  EXPECT_EQ(Spans("大阪府大阪市北区梅田3丁目1-1"), Strings{"大阪府大阪市北区梅田3丁目1-1"});
  EXPECT_EQ(Spans("東京都西多摩郡瑞穂町箱根ケ崎2335番地"),
            Strings{"東京都西多摩郡瑞穂町箱根ケ崎2335番地"});
  EXPECT_EQ(Spans("北海道札幌市中央区北1条西2丁目1"), Strings{"北海道札幌市中央区北1条西2丁目1"});
  EXPECT_EQ(Spans("北海道旭川市4条通8丁目1703番地"), Strings{"北海道旭川市4条通8丁目1703番地"});
  EXPECT_EQ(Spans("新潟県新潟市中央区学校町通1番町602番地1"),
            Strings{"新潟県新潟市中央区学校町通1番町602番地1"});
}

TEST_F(AddressTest, EveryBlockNotation) {
  EXPECT_EQ(Spans("東京都千代田区永田町一丁目7番1号"), Strings{"東京都千代田区永田町一丁目7番1号"});
  EXPECT_EQ(Spans("東京都千代田区永田町一丁目七番一号"),
            Strings{"東京都千代田区永田町一丁目七番一号"});
  EXPECT_EQ(Spans("東京都新宿区西新宿２丁目８−１"), Strings{"東京都新宿区西新宿2丁目8-1"});
  EXPECT_EQ(Spans("埼玉県さいたま市大宮区桜木町3番地の1"),
            Strings{"埼玉県さいたま市大宮区桜木町3番地の1"});
  EXPECT_EQ(Spans("宮城県仙台市青葉区一番町1-2-3"), Strings{"宮城県仙台市青葉区一番町1-2-3"});
  EXPECT_EQ(Spans("京都府京都市下京区四条通12-4"), Strings{"京都府京都市下京区四条通12-4"});
  EXPECT_EQ(Spans("東京都 渋谷区 神南 1-2-3"), Strings{"東京都 渋谷区 神南 1-2-3"});
  EXPECT_EQ(Spans("東京都千代田区丸の内1-1-1"), Strings{"東京都千代田区丸の内1-1-1"});
}

TEST_F(AddressTest, ValueIsNormalized) {
  const std::vector<Detection> d = Run("東京都千代田区永田町一丁目七番一号 サンプルハイツ101号室");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].value, "東京都千代田区永田町1-7-1 サンプルハイツ101号室");
  EXPECT_EQ(d[0].confidence, Confidence::kHigh);
}

TEST_F(AddressTest, BuildingAndRoom) {
  EXPECT_EQ(Spans("東京都渋谷区神南1-2-3 サンプルハイツ101"),
            Strings{"東京都渋谷区神南1-2-3 サンプルハイツ101"});
  EXPECT_EQ(Spans("東京都渋谷区神南1-2-3テストビル5F"),
            Strings{"東京都渋谷区神南1-2-3テストビル5F"});
  EXPECT_EQ(Spans("東京都渋谷区神南1-2-3 グリーンコート"),
            Strings{"東京都渋谷区神南1-2-3 グリーンコート"});
  EXPECT_EQ(Spans("東京都渋谷区神南1-2-3 #201"), Strings{"東京都渋谷区神南1-2-3 #201"});
  EXPECT_EQ(Spans("東京都渋谷区神南1-2-3-405"), Strings{"東京都渋谷区神南1-2-3-405"});
  EXPECT_EQ(Spans("東京都渋谷区神南1-2-3-405号室"), Strings{"東京都渋谷区神南1-2-3-405号室"});
  // What follows and is no building stays out.
  EXPECT_EQ(Spans("東京都渋谷区神南1-2-3 山田太郎 様"), Strings{"東京都渋谷区神南1-2-3"});
  EXPECT_EQ(Spans("東京都渋谷区神南1-2-3 TEL 03-1234-5678"), Strings{"東京都渋谷区神南1-2-3"});
}

TEST_F(AddressTest, LabelledWithoutPrefecture) {
  EXPECT_EQ(Spans("住所：渋谷区神南1-2-3"), Strings{"渋谷区神南1-2-3"});
  EXPECT_EQ(Spans("ご住所 横浜市中区山下町10"), Strings{"横浜市中区山下町10"});
  EXPECT_EQ(Spans("所在地：〒150-0001 渋谷区神宮前1-2-3"), Strings{"渋谷区神宮前1-2-3"});
  EXPECT_EQ(Spans("Address: 大阪市北区梅田1-1-3"), Strings{"大阪市北区梅田1-1-3"});
  EXPECT_EQ(Spans("住所：東京都千代田区永田町"), Strings{"東京都千代田区永田町"});
  EXPECT_EQ(Spans("渋谷区神南1-2-3", LabelKind::kAddress), Strings{"渋谷区神南1-2-3"});
}

TEST_F(AddressTest, AfterPostalCode) {
  EXPECT_EQ(Spans("〒150-0001 東京都渋谷区神宮前1-2-3"), Strings{"東京都渋谷区神宮前1-2-3"});
  EXPECT_EQ(Spans("〒150-0001 渋谷区神宮前1-2-3"), Strings{"渋谷区神宮前1-2-3"});
  EXPECT_EQ(Spans("150-0001 渋谷区神宮前1-2-3"), Strings{"渋谷区神宮前1-2-3"});
  EXPECT_EQ(Spans("郵便番号：1500001\n渋谷区神宮前1-2-3"), Strings{"渋谷区神宮前1-2-3"});
  EXPECT_TRUE(Spans("〒15000012 渋谷区神宮前1-2-3").empty());
  EXPECT_TRUE(Spans("〒150-00012 渋谷区神宮前1-2-3").empty());
}

TEST_F(AddressTest, MunicipalityNotInTheListHasMediumConfidence) {
  const std::vector<Detection> d = Run("住所：架空市本町1-2");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].confidence, Confidence::kMedium);
  const std::vector<Detection> p = Run("東京都架空区本町1-2-3");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].confidence, Confidence::kMedium);
}

TEST_F(AddressTest, PlaceNamesInProseAreNotAddresses) {
  EXPECT_TRUE(Spans("石川県の名産は加賀棒茶です。").empty());
  EXPECT_TRUE(Spans("東京都知事は3日に会見した。").empty());
  EXPECT_TRUE(Spans("新宿駅から徒歩5分、横浜市役所の隣です。").empty());
  EXPECT_TRUE(Spans("東京都渋谷区で2024年4月1日に開催").empty());
  EXPECT_TRUE(Spans("東京都港区六本木 2024年4月1日").empty());
  EXPECT_TRUE(Spans("大阪府大阪市北区梅田1,200円のランチ").empty());
  EXPECT_TRUE(Spans("北海道札幌市中央区の店舗は3店").empty());
  EXPECT_TRUE(Spans("東京都港区03-1234-5678").empty());
  EXPECT_TRUE(Spans("東京都内の12店舗").empty());
  // A bare number needs a label or to be glued to a town of a listed municipality.
  EXPECT_TRUE(Spans("東京都渋谷区神南 3").empty());
  EXPECT_TRUE(Spans("東京都架空市本町3").empty());
  EXPECT_TRUE(Spans("静岡県浜松市中区 第2四半期").empty());
  EXPECT_TRUE(Spans("長野県松本市 標高592m").empty());
  EXPECT_EQ(Spans("東京都八丈島八丈町三根1663"), Strings{"東京都八丈島八丈町三根1663"});
  EXPECT_TRUE(Spans("所在地：横浜市役所").empty());
}

TEST_F(AddressTest, OneFindingPerAddress) {
  EXPECT_EQ(Spans("住所：東京都渋谷区神南1-2-3\n旧住所：大阪府大阪市北区梅田1-1-3"),
            (Strings{"東京都渋谷区神南1-2-3", "大阪府大阪市北区梅田1-1-3"}));
}

TEST(LooksLikeAddressTest, Cells) {
  EXPECT_TRUE(LooksLikeAddress("東京都"));
  EXPECT_TRUE(LooksLikeAddress("渋谷区神南1-2-3"));
  EXPECT_TRUE(LooksLikeAddress("横浜市中区"));
  EXPECT_TRUE(LooksLikeAddress("1-2-3 Jingumae, Shibuya-ku, Tokyo"));
  EXPECT_TRUE(LooksLikeAddress("123 Main St"));
  EXPECT_FALSE(LooksLikeAddress("Tokyo"));
  EXPECT_FALSE(LooksLikeAddress("同上"));
  EXPECT_FALSE(LooksLikeAddress("海外"));
  EXPECT_FALSE(LooksLikeAddress("1-2-3"));
}

}  // namespace
}  // namespace mamori
