#include "detectors/column_value.h"

#include <gtest/gtest.h>

#include <string>

namespace mamori {
namespace {

using K = LabelKind;

// The normalized value of a typed cell, or "-" when it is no finding.
std::string ValueOf(K kind, std::string_view cell) {
  const std::optional<Detection> d = TypedColumnValue(kind, cell);
  return d ? d->value : "-";
}

TEST(ColumnValueTest, CardNumberNeedsLuhnAndBrand) {
  const std::optional<Detection> d = TypedColumnValue(K::kCardNumber, " 4980-1234-5678-9011 ");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->type, DataType::kCardNumber);
  EXPECT_EQ(d->confidence, Confidence::kHigh);
  EXPECT_EQ(d->value, "4980123456789011");
  EXPECT_EQ(d->brand, "visa");
  EXPECT_FALSE(d->test);
  EXPECT_EQ(d->begin, 1u);  // the trimmed cell
  EXPECT_EQ(d->end, 20u);
  EXPECT_EQ(ValueOf(K::kCardNumber, "3530 1234 5678 9018"), "3530123456789018");
  EXPECT_EQ(ValueOf(K::kCardNumber, "4980123456789012"), "-");     // Luhn fails
  EXPECT_EQ(ValueOf(K::kCardNumber, "1234567812345670"), "-");     // Luhn ok, no brand
  EXPECT_EQ(ValueOf(K::kCardNumber, "4980-1234 5678-9011"), "-");  // mixed separators
  EXPECT_EQ(ValueOf(K::kCardNumber, "カード"), "-");
}

TEST(ColumnValueTest, TestAndPlaceholderCards) {
  const std::optional<Detection> test = TypedColumnValue(K::kCardNumber, "4111111111111111");
  ASSERT_TRUE(test);
  EXPECT_TRUE(test->test);
  const std::optional<Detection> trivial = TypedColumnValue(K::kCardNumber, "4567890123456789012");
  ASSERT_TRUE(trivial);
  EXPECT_EQ(trivial->confidence, Confidence::kLow);
}

TEST(ColumnValueTest, ExpiryAndSecurityCode) {
  EXPECT_EQ(ValueOf(K::kCardExpiry, "12/27"), "2027-12");
  EXPECT_EQ(ValueOf(K::kCardExpiry, "2028/3"), "2028-03");
  EXPECT_EQ(ValueOf(K::kCardExpiry, "0429"), "2029-04");
  EXPECT_EQ(ValueOf(K::kCardExpiry, "13/27"), "-");
  EXPECT_EQ(ValueOf(K::kCardExpiry, "なし"), "-");
  EXPECT_EQ(ValueOf(K::kSecurityCode, "123"), "123");
  EXPECT_EQ(ValueOf(K::kSecurityCode, " 0456 "), "0456");
  EXPECT_EQ(ValueOf(K::kSecurityCode, "12"), "-");
  EXPECT_EQ(ValueOf(K::kSecurityCode, "12345"), "-");
  EXPECT_EQ(ValueOf(K::kSecurityCode, "abc"), "-");
  EXPECT_EQ(TypedColumnValue(K::kSecurityCode, "123")->type, DataType::kCardSecurityCode);
}

TEST(ColumnValueTest, EmailAndPhone) {
  EXPECT_EQ(ValueOf(K::kEmail, "Taro.Yamada@Example.CO.JP"), "Taro.Yamada@example.co.jp");
  EXPECT_EQ(ValueOf(K::kEmail, "taro at example"), "-");
  EXPECT_EQ(ValueOf(K::kPhone, "03-1234-5678"), "+81312345678");
  EXPECT_EQ(ValueOf(K::kPhone, "090-1234-5678"), "+819012345678");
  EXPECT_EQ(ValueOf(K::kPhone, "123"), "-");
  EXPECT_EQ(ValueOf(K::kPhone, "山田"), "-");
}

TEST(ColumnValueTest, JapaneseNumbers) {
  EXPECT_EQ(ValueOf(K::kMyNumber, "123456789018"), "123456789018");
  EXPECT_EQ(ValueOf(K::kMyNumber, "1234-5678-9018"), "123456789018");
  EXPECT_EQ(ValueOf(K::kMyNumber, "123456789012"), "-");  // check digit
  EXPECT_EQ(ValueOf(K::kPostalCode, "150-0001"), "1500001");
  EXPECT_EQ(ValueOf(K::kPostalCode, "〒 150-0001"), "1500001");
  EXPECT_EQ(ValueOf(K::kPostalCode, "1500001"), "1500001");
  EXPECT_EQ(ValueOf(K::kPostalCode, "15-0001"), "-");
  EXPECT_EQ(ValueOf(K::kPassport, "tk1234567"), "TK1234567");
  EXPECT_EQ(ValueOf(K::kPassport, "T1234567"), "-");
  EXPECT_EQ(ValueOf(K::kDriversLicense, "123456789012"), "123456789012");
  EXPECT_EQ(ValueOf(K::kDriversLicense, "12345"), "-");
  EXPECT_EQ(ValueOf(K::kBankAccount, "1234567"), "1234567");
  EXPECT_EQ(ValueOf(K::kBankAccount, "12345"), "-");
}

TEST(ColumnValueTest, BirthDate) {
  EXPECT_EQ(ValueOf(K::kBirthDate, "1985/04/12"), "1985-04-12");
  EXPECT_EQ(ValueOf(K::kBirthDate, "昭和60年4月12日"), "1985-04-12");
  EXPECT_EQ(ValueOf(K::kBirthDate, "1850/01/01"), "-");  // not plausible
  EXPECT_EQ(ValueOf(K::kBirthDate, "1985/02/30"), "-");
}

TEST(ColumnValueTest, NamesAndAddressesAreTextNotNumbers) {
  const std::optional<Detection> name = TypedColumnValue(K::kName, "山田 太郎");
  ASSERT_TRUE(name);
  EXPECT_EQ(name->type, DataType::kPersonName);
  EXPECT_EQ(name->value, "山田 太郎");
  EXPECT_EQ(ValueOf(K::kName, "ヤマダ タロウ"), "ヤマダ タロウ");
  EXPECT_EQ(ValueOf(K::kCardHolder, "TARO YAMADA"), "TARO YAMADA");
  EXPECT_EQ(TypedColumnValue(K::kCardHolder, "TARO YAMADA")->type, DataType::kPersonName);
  EXPECT_EQ(ValueOf(K::kName, "12345"), "-");
  EXPECT_EQ(ValueOf(K::kName, "taro@example.com"), "-");
  EXPECT_EQ(ValueOf(K::kName, "N/A"), "-");
  EXPECT_EQ(ValueOf(K::kName, "なし"), "-");
  EXPECT_EQ(ValueOf(K::kName, "-"), "-");
  EXPECT_EQ(ValueOf(K::kName, std::string(200, 'a')), "-");
  EXPECT_EQ(ValueOf(K::kAddress, "東京都渋谷区神南1-2-3"), "東京都渋谷区神南1-2-3");
  EXPECT_EQ(TypedColumnValue(K::kAddress, "東京都")->type, DataType::kAddress);
  EXPECT_EQ(ValueOf(K::kAddress, "1-2-3"), "-");
  EXPECT_EQ(ValueOf(K::kAddress, "不明"), "-");
}

TEST(ColumnValueTest, EmptyCellsAndKindsWithoutData) {
  EXPECT_EQ(ValueOf(K::kCardNumber, ""), "-");
  EXPECT_EQ(ValueOf(K::kName, "   "), "-");
  EXPECT_EQ(ValueOf(K::kBank, "みずほ銀行"), "-");
  EXPECT_EQ(ValueOf(K::kNegative, "4980123456789011"), "-");
}

}  // namespace
}  // namespace mamori
