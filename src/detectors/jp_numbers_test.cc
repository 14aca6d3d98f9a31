#include "detectors/jp_numbers.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "detectors/detector_test_util.h"
#include "detectors/registry.h"

namespace mamori {
namespace {

// The check digit computed here from the published rule, independently of
// the code under test: weights 6,5,4,3,2,7,6,5,4,3,2 from the left.
std::string WithCheckDigit(const std::string& first11) {
  const int weights[11] = {6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
  int sum = 0;
  for (int i = 0; i < 11; ++i) sum += (first11[i] - '0') * weights[i];
  const int r = sum % 11;
  return first11 + static_cast<char>('0' + (r <= 1 ? 0 : 11 - r));
}

class JpNumbersTest : public ::testing::Test {
 protected:
  std::vector<Detection> Run(std::string_view text, std::optional<LabelKind> unit = std::nullopt) {
    return RunDetector(*detector_, text, unit, &normalized_);
  }
  // The one detection of `dets` must be `type` over `span` (normalized text).
  void ExpectOne(const std::vector<Detection>& dets, DataType type, std::string_view span,
                 std::string_view value, Confidence confidence) {
    ASSERT_EQ(dets.size(), 1u) << normalized_;
    const Detection& d = dets[0];
    EXPECT_EQ(d.type, type);
    EXPECT_EQ(normalized_.substr(d.begin, d.end - d.begin), span);
    EXPECT_EQ(d.value, value);
    EXPECT_EQ(d.confidence, confidence);
  }

  std::unique_ptr<Detector> detector_ = MakeJpNumbersDetector();
  std::string normalized_;
};

// --- Validators ---

TEST(JpNumbersValidators, MyNumberCheckDigitFollowsThePublishedRule) {
  EXPECT_EQ(WithCheckDigit("12345678901"), "123456789018");
  EXPECT_EQ(MyNumberCheckDigit("12345678901"), 8);
  EXPECT_EQ(MyNumberCheckDigit("20000000000"), 0);  // remainder 1
  EXPECT_EQ(MyNumberCheckDigit("20240101000"), 0);  // remainder 0
  EXPECT_EQ(MyNumberCheckDigit("31415926535"), 2);  // remainder 9
  for (const std::string base : {"98765432109", "00000000010", "55555555555", "70000000000"}) {
    const std::string number = WithCheckDigit(base);
    EXPECT_TRUE(IsValidMyNumber(number)) << number;
    std::string wrong = number;
    wrong[11] = static_cast<char>('0' + (wrong[11] - '0' + 1) % 10);
    EXPECT_FALSE(IsValidMyNumber(wrong)) << wrong;
  }
  EXPECT_FALSE(IsValidMyNumber("12345678901"));
  EXPECT_FALSE(IsValidMyNumber("1234567890188"));
  EXPECT_FALSE(IsValidMyNumber("12345678901x"));
}

TEST(JpNumbersValidators, CellShapes) {
  EXPECT_EQ(TwelveDigitNumber("123456789018"), "123456789018");
  EXPECT_EQ(TwelveDigitNumber("1234 5678 9018"), "123456789018");
  EXPECT_EQ(TwelveDigitNumber("1234-5678-9018"), "123456789018");
  EXPECT_EQ(TwelveDigitNumber("1234-5678 9018"), std::nullopt);
  EXPECT_EQ(TwelveDigitNumber("12345678901"), std::nullopt);
  EXPECT_TRUE(IsPostalCode("150-0001"));
  EXPECT_TRUE(IsPostalCode("1500001"));
  EXPECT_FALSE(IsPostalCode("1500-001"));
  EXPECT_FALSE(IsPostalCode("150-00011"));
  EXPECT_TRUE(IsPassportNumber("TK1234567"));
  EXPECT_TRUE(IsPassportNumber("tk1234567"));
  EXPECT_FALSE(IsPassportNumber("T11234567"));
  EXPECT_FALSE(IsPassportNumber("TK123456"));
  EXPECT_TRUE(IsBankAccountNumber("1234567"));
  EXPECT_TRUE(IsBankAccountNumber("123456"));
  EXPECT_TRUE(IsBankAccountNumber("12345678"));
  EXPECT_FALSE(IsBankAccountNumber("12345"));
  EXPECT_FALSE(IsBankAccountNumber("123456789"));
}

TEST(JpNumbersValidators, JapaneseAddressStart) {
  EXPECT_TRUE(StartsWithJapaneseAddress("東京都渋谷区"));
  EXPECT_TRUE(StartsWithJapaneseAddress("北海道札幌市"));
  EXPECT_TRUE(StartsWithJapaneseAddress("神奈川県横浜市"));
  EXPECT_TRUE(StartsWithJapaneseAddress("鹿児島県"));
  EXPECT_TRUE(StartsWithJapaneseAddress("渋谷区神宮前"));
  EXPECT_TRUE(StartsWithJapaneseAddress("さいたま市浦和区"));
  EXPECT_TRUE(StartsWithJapaneseAddress("西多摩郡瑞穂町"));
  EXPECT_FALSE(StartsWithJapaneseAddress("市場"));  // the suffix needs a name
  EXPECT_FALSE(StartsWithJapaneseAddress("件です"));
  EXPECT_FALSE(StartsWithJapaneseAddress("Tokyo"));
  EXPECT_FALSE(StartsWithJapaneseAddress(""));
}

// --- My Number ---

TEST_F(JpNumbersTest, MyNumberLabelledContiguous) {
  ExpectOne(Run("マイナンバー: 123456789018"), DataType::kMyNumber, "123456789018", "123456789018",
            Confidence::kHigh);
  ExpectOne(Run("個人番号123456789018です"), DataType::kMyNumber, "123456789018", "123456789018",
            Confidence::kHigh);
}

TEST_F(JpNumbersTest, MyNumberGroupedBySpacesOrHyphens) {
  ExpectOne(Run("個人番号 1234 5678 9018"), DataType::kMyNumber, "1234 5678 9018", "123456789018",
            Confidence::kHigh);
  ExpectOne(Run("My Number: 1234-5678-9018."), DataType::kMyNumber, "1234-5678-9018",
            "123456789018", Confidence::kHigh);
}

TEST_F(JpNumbersTest, MyNumberFullWidth) {
  const std::string number = WithCheckDigit("98765432109");
  ExpectOne(Run("マイナンバー：９８７６　５４３２　１０９３"), DataType::kMyNumber,
            "9876 5432 1093", number, Confidence::kHigh);
  ExpectOne(Run("マイナンバー：９８７６ー５４３２ー１０９３"), DataType::kMyNumber,
            "9876-5432-1093", number, Confidence::kHigh);
}

TEST_F(JpNumbersTest, MyNumberRemainderZeroAndOne) {
  ExpectOne(Run("マイナンバー 200000000000"), DataType::kMyNumber, "200000000000", "200000000000",
            Confidence::kHigh);
  ExpectOne(Run("マイナンバー 202401010000"), DataType::kMyNumber, "202401010000", "202401010000",
            Confidence::kHigh);
}

TEST_F(JpNumbersTest, MyNumberWrongCheckDigitIsNothing) {
  EXPECT_TRUE(Run("マイナンバー: 123456789012").empty());
  EXPECT_TRUE(Run("個人番号 1234 5678 9019").empty());
}

TEST_F(JpNumbersTest, UnlabelledValidMyNumberIsNothing) {
  EXPECT_TRUE(Run("123456789018").empty());
  EXPECT_TRUE(Run("ID: 1234 5678 9018").empty());
  EXPECT_TRUE(Run("番号 " + WithCheckDigit("31415926535")).empty());
}

TEST_F(JpNumbersTest, MyNumberFromTheUnitLabel) {
  ExpectOne(Run("123456789018", LabelKind::kMyNumber), DataType::kMyNumber, "123456789018",
            "123456789018", Confidence::kHigh);
  EXPECT_TRUE(Run("123456789012", LabelKind::kMyNumber).empty());
}

TEST_F(JpNumbersTest, MyNumberNotPartOfALongerNumber) {
  EXPECT_TRUE(Run("マイナンバー 1234 5678 9018 1234").empty());  // card-like grouping
  EXPECT_TRUE(Run("マイナンバー 4111 1234 5678 9018").empty());
  EXPECT_TRUE(Run("マイナンバー 1234567890180").empty());
  EXPECT_TRUE(Run("マイナンバー X123456789018").empty());
  EXPECT_TRUE(Run("マイナンバー 123456789018abc").empty());
  EXPECT_TRUE(Run("マイナンバー 1234-5678 9018").empty());  // mixed separators
  EXPECT_TRUE(Run("マイナンバー 12-123456789018").empty());
}

TEST_F(JpNumbersTest, CorporateNumberAndOrderNumbersAreNegative) {
  EXPECT_TRUE(Run("法人番号 1234567890123").empty());  // 13 digits
  EXPECT_TRUE(Run("法人番号: 123456789018").empty());  // negative label owns it
  EXPECT_TRUE(Run("マイナンバー提出済み 注文番号 123456789018").empty());
  EXPECT_TRUE(Run("order no. 123456789018").empty());
}

TEST_F(JpNumbersTest, ALabelNamesOnlyTheValueAfterIt) {
  // Another number between label and value spends the label.
  EXPECT_TRUE(Run("マイナンバー提出日 20240105 受付 123456789018").empty());
  // A list right after the label keeps it.
  const auto dets = Run("個人番号: 123456789018, 987654321093");
  EXPECT_EQ(ValuesOf(dets, DataType::kMyNumber),
            (std::vector<std::string>{"123456789018", "987654321093"}));
}

// --- Postal code ---

TEST_F(JpNumbersTest, PostalCodeAfterPostalMarkWithAndWithoutSpace) {
  ExpectOne(Run("〒150-0001"), DataType::kPostalCode, "150-0001", "1500001", Confidence::kHigh);
  ExpectOne(Run("〒 150-0001 東京都渋谷区"), DataType::kPostalCode, "150-0001", "1500001",
            Confidence::kHigh);
  ExpectOne(Run("〒１５０－０００１"), DataType::kPostalCode, "150-0001", "1500001",
            Confidence::kHigh);
}

TEST_F(JpNumbersTest, PostalCodeWithWordLabels) {
  ExpectOne(Run("郵便番号：530-0001"), DataType::kPostalCode, "530-0001", "5300001",
            Confidence::kHigh);
  ExpectOne(Run("ZIP: 060-0001"), DataType::kPostalCode, "060-0001", "0600001", Confidence::kHigh);
  ExpectOne(Run("postal code 9800811"), DataType::kPostalCode, "9800811", "9800811",
            Confidence::kHigh);
  ExpectOne(Run("1500001", LabelKind::kPostalCode), DataType::kPostalCode, "1500001", "1500001",
            Confidence::kHigh);
}

TEST_F(JpNumbersTest, PostalCodeFollowedByAnAddress) {
  ExpectOne(Run("150-0001 東京都渋谷区神宮前1-2-3"), DataType::kPostalCode, "150-0001", "1500001",
            Confidence::kMedium);
  ExpectOne(Run("530-0001　大阪府大阪市北区梅田"), DataType::kPostalCode, "530-0001", "5300001",
            Confidence::kMedium);
  ExpectOne(Run("980-0811仙台市青葉区"), DataType::kPostalCode, "980-0811", "9800811",
            Confidence::kMedium);
  ExpectOne(Run("住所: 220-0012 神奈川県横浜市"), DataType::kPostalCode, "220-0012", "2200012",
            Confidence::kMedium);
}

TEST_F(JpNumbersTest, PhoneLikeNumbersAreNotPostalCodes) {
  EXPECT_TRUE(Run("123-4567").empty());
  EXPECT_TRUE(Run("内線 123-4567 までお電話ください").empty());
  EXPECT_TRUE(Run("1500001").empty());                 // 7 digits need a label
  EXPECT_TRUE(Run("TEL 03-123-4567 東京都").empty());  // tail of a phone number
  EXPECT_TRUE(Run("電話 123-4567 東京都").empty());    // labelled as something else
  EXPECT_TRUE(Run("〒123-4567-8901").empty());
  EXPECT_TRUE(Run("〒1234-567").empty());
  EXPECT_TRUE(Run("150 0001 東京都").empty());
}

TEST_F(JpNumbersTest, NegativeLabelSuppressesPostalCode) {
  EXPECT_TRUE(Run("注文番号 123-4567 東京都へ発送").empty());
  EXPECT_TRUE(Run("伝票番号 1234567").empty());
}

// --- Passport ---

TEST_F(JpNumbersTest, PassportNumber) {
  ExpectOne(Run("旅券番号 TK1234567"), DataType::kPassportNumber, "TK1234567", "TK1234567",
            Confidence::kHigh);
  ExpectOne(Run("passport: tk1234567"), DataType::kPassportNumber, "tk1234567", "TK1234567",
            Confidence::kHigh);
  ExpectOne(Run("パスポート：ＭＺ７６５４３２１"), DataType::kPassportNumber, "MZ7654321",
            "MZ7654321", Confidence::kHigh);
}

TEST_F(JpNumbersTest, PassportNeedsLabelAndExactShape) {
  EXPECT_TRUE(Run("TK1234567").empty());
  EXPECT_TRUE(Run("旅券 XTK1234567").empty());
  EXPECT_TRUE(Run("旅券 TK12345678").empty());
  EXPECT_TRUE(Run("旅券 TK1234567X").empty());
  EXPECT_TRUE(Run("旅券 T1234567").empty());
}

// --- Driver's licence ---

TEST_F(JpNumbersTest, DriversLicenseNumber) {
  ExpectOne(Run("運転免許証番号 第301234567890号"), DataType::kDriversLicense, "301234567890",
            "301234567890", Confidence::kHigh);
  ExpectOne(Run("Driver's License: 3012-3456-7890"), DataType::kDriversLicense, "3012-3456-7890",
            "301234567890", Confidence::kHigh);
  ExpectOne(Run("301234567890", LabelKind::kDriversLicense), DataType::kDriversLicense,
            "301234567890", "301234567890", Confidence::kHigh);
}

TEST_F(JpNumbersTest, DriversLicenseNeedsLabel) {
  EXPECT_TRUE(Run("301234567890").empty());
  EXPECT_TRUE(Run("免許証 3012345678901").empty());
}

// --- Bank account ---

TEST_F(JpNumbersTest, BankAccountWithAccountNumberLabel) {
  ExpectOne(Run("口座番号：1234567"), DataType::kBankAccount, "1234567", "1234567",
            Confidence::kHigh);
  ExpectOne(Run("Account Number: 7654321"), DataType::kBankAccount, "7654321", "7654321",
            Confidence::kHigh);
  ExpectOne(Run("口座番号 123456"), DataType::kBankAccount, "123456", "123456", Confidence::kHigh);
  ExpectOne(Run("口座番号 12345678"), DataType::kBankAccount, "12345678", "12345678",
            Confidence::kHigh);
  ExpectOne(Run("1234567", LabelKind::kBankAccount), DataType::kBankAccount, "1234567", "1234567",
            Confidence::kHigh);
}

TEST_F(JpNumbersTest, BankAccountWithBankAndAccountType) {
  ExpectOne(Run("みずほ銀行 渋谷支店 普通 1234567"), DataType::kBankAccount, "1234567", "1234567",
            Confidence::kMedium);
  ExpectOne(Run("振込先: 三井住友銀行 新宿支店 当座 7654321"), DataType::kBankAccount, "7654321",
            "7654321", Confidence::kMedium);
  ExpectOne(Run("口座: みずほ銀行 渋谷支店 1234567"), DataType::kBankAccount, "1234567", "1234567",
            Confidence::kMedium);
  ExpectOne(Run("普通預金　１２３４５６７"), DataType::kBankAccount, "1234567", "1234567",
            Confidence::kMedium);
}

TEST_F(JpNumbersTest, BankAndBranchCodesAreNotAccounts) {
  const auto dets = Run("銀行コード 0001 支店コード 123 口座番号 1234567");
  ExpectOne(dets, DataType::kBankAccount, "1234567", "1234567", Confidence::kHigh);
  EXPECT_TRUE(Run("みずほ銀行 渋谷支店 1234567").empty());  // no account type
  EXPECT_TRUE(Run("普通 123456").empty());                  // 6 digits only under 口座番号
  EXPECT_TRUE(Run("1234567").empty());
}

TEST_F(JpNumbersTest, BankAccountTraps) {
  EXPECT_TRUE(Run("普通預金残高 1234567円").empty());
  EXPECT_TRUE(Run("口座番号 1234567.89").empty());
  EXPECT_TRUE(Run("口座番号 A1234567").empty());
  EXPECT_TRUE(Run("口座番号 123456789").empty());
  EXPECT_TRUE(Run("注文番号 1234567").empty());
  // The label names the first number only.
  ExpectOne(Run("口座番号 1234567 金額 7654321"), DataType::kBankAccount, "1234567", "1234567",
            Confidence::kHigh);
}

}  // namespace
}  // namespace mamori
