#include "sinks/json.h"

#include <gtest/gtest.h>

#include "mamori/mask.h"

namespace mamori {
namespace {

TEST(JsonTest, EscapesAndKeepsValidUtf8) {
  std::string out;
  AppendJsonString(&out, "a\"b\\c\n\t\x01 氏名");
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\n\\t\\u0001 氏名\"");
}

TEST(JsonTest, InvalidBytesBecomeReplacement) {
  std::string out;
  AppendJsonString(&out, "\x82\xA0\xFFok");  // CP932 bytes in a path
  EXPECT_EQ(out, "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDok\"");
}

TEST(JsonTest, ObjectBuilder) {
  JsonObject o;
  o.Str("kind", "x").Num("n", 3).Bool("b", true);
  EXPECT_EQ(o.Done(), R"({"kind":"x","n":3,"b":true})");
}

TEST(JsonTest, ObjectsAppendToOneBuffer) {
  std::string lines = "x\n";
  JsonObject(&lines).Str("a", "1").Done();
  std::string opened;
  JsonObject(&opened).Str("kind", "finding");  // left open: shared by the next two
  JsonObject(&lines, opened).Num("n", 2).Done();
  JsonObject(&lines, opened).Bool("t", false).Done();
  EXPECT_EQ(lines, R"(x
{"a":"1"}{"kind":"finding","n":2}{"kind":"finding","t":false})");
}

TEST(JsonTest, LongRunsAndEscapesMixed) {
  std::string out;
  AppendJsonString(&out, "abcdefghijklmnop\"qrstuvwxyz0123456789\x7F東京\xE3\x81");
  EXPECT_EQ(out, "\"abcdefghijklmnop\\\"qrstuvwxyz0123456789\\u007f東京\xEF\xBF\xBD\xEF\xBF\xBD\"");
}

TEST(MaskTest, AppendsToWhatIsThere) {
  std::string out = "x=";
  AppendMaskedValue(&out, DataType::kAddress, "北海道札幌市");
  EXPECT_EQ(out, "x=北海****");
  EXPECT_EQ(MaskValue(DataType::kPersonName, "佐藤 太郎"), "佐藤***");
  EXPECT_EQ(MaskValue(DataType::kEmail, "taro"), "t***");
  EXPECT_EQ(MaskValue(DataType::kPhone, ""), "");
}

TEST(MaskTest, CardShowsAtMostFirstSixLastFour) {
  EXPECT_EQ(MaskValue(DataType::kCardNumber, "4901234567890121"), "490123******0121");
  EXPECT_EQ(MaskValue(DataType::kCardNumber, "371449635398431"), "371449*****8431");
}

TEST(MaskTest, OtherTypesArePartlyMasked) {
  EXPECT_EQ(MaskValue(DataType::kEmail, "taro.yamada@example.jp"), "t**********@example.jp");
  EXPECT_EQ(MaskValue(DataType::kPhone, "+819012345678"), "*********5678");
  EXPECT_EQ(MaskValue(DataType::kCardSecurityCode, "123"), "***");
  EXPECT_EQ(MaskValue(DataType::kMyNumber, "123456789018"), "********9018");
  EXPECT_EQ(MaskValue(DataType::kBirthDate, "1985-04-12"), "**********");
  EXPECT_EQ(MaskValue(DataType::kPostalCode, "1500001"), "150****");
}

TEST(MaskTest, NeverShowsMoreThanHalf) {
  EXPECT_EQ(MaskValue(DataType::kPhone, "12"), "*2");
  EXPECT_EQ(MaskValue(DataType::kAddress, "東京"), "東*");
}

}  // namespace
}  // namespace mamori
