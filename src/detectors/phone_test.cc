#include "detectors/phone.h"

#include <gtest/gtest.h>

#include "detectors/detector_test_util.h"
#include "detectors/registry.h"
#include "engine/labels.h"

namespace mamori {
namespace {

struct Expected {
  std::string_view span;  // in the normalized text
  std::string_view value;
  Confidence confidence;
};

class PhoneTest : public ::testing::Test {
 protected:
  // Exactly these detections, in order.
  void Expect(std::string_view text, std::initializer_list<Expected> expected) {
    std::string normalized;
    const auto found = RunDetector(*detector_, text, std::nullopt, &normalized);
    ASSERT_EQ(found.size(), expected.size()) << text;
    size_t i = 0;
    for (const Expected& e : expected) {
      const Detection& d = found[i++];
      EXPECT_EQ(d.type, DataType::kPhone);
      EXPECT_EQ(normalized.substr(d.begin, d.end - d.begin), e.span) << text;
      EXPECT_EQ(d.value, e.value) << text;
      EXPECT_EQ(d.confidence, e.confidence) << text;
      EXPECT_TRUE(d.brand.empty());
      EXPECT_FALSE(d.test);
    }
  }

  void ExpectOne(std::string_view text, std::string_view span, std::string_view value,
                 Confidence confidence = Confidence::kHigh) {
    Expect(text, {{span, value, confidence}});
  }

  void ExpectNone(std::string_view text) {
    EXPECT_TRUE(RunDetector(*detector_, text).empty()) << text;
  }

  std::unique_ptr<Detector> detector_ = MakePhoneDetector();
};

constexpr Confidence kHigh = Confidence::kHigh;
constexpr Confidence kMedium = Confidence::kMedium;

TEST_F(PhoneTest, ReportsOnlyPhone) {
  const auto types = detector_->Types();
  EXPECT_TRUE(types.test(static_cast<size_t>(DataType::kPhone)));
  EXPECT_EQ(types.count(), 1u);
}

TEST_F(PhoneTest, SpanHasExactOffsets) {
  const auto found = RunDetector(*detector_, "ab 03-1234-5678 cd");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].begin, 3u);
  EXPECT_EQ(found[0].end, 15u);
}

TEST_F(PhoneTest, FixedLinesWithAreaCodesOfEveryLength) {
  ExpectOne("03-1234-5678", "03-1234-5678", "+81312345678");
  ExpectOne("06-6123-4567", "06-6123-4567", "+81661234567");
  ExpectOne("045-123-4567", "045-123-4567", "+81451234567");
  ExpectOne("0467-12-3456", "0467-12-3456", "+81467123456");
  ExpectOne("01267-2-3456", "01267-2-3456", "+81126723456");
}

TEST_F(PhoneTest, Mobiles) {
  ExpectOne("070-1234-5678", "070-1234-5678", "+817012345678");
  ExpectOne("080-1234-5678", "080-1234-5678", "+818012345678");
  ExpectOne("090-1234-5678", "090-1234-5678", "+819012345678");
}

TEST_F(PhoneTest, IpFreeDialAndNaviDial) {
  ExpectOne("050-1234-5678", "050-1234-5678", "+815012345678");
  ExpectOne("0120-123-456", "0120-123-456", "+81120123456");
  ExpectOne("0800-123-4567", "0800-123-4567", "+818001234567");
  ExpectOne("0570-123-456", "0570-123-456", "+81570123456");
}

TEST_F(PhoneTest, SpacesAsSeparators) {
  ExpectOne("03 1234 5678", "03 1234 5678", "+81312345678");
  ExpectOne("090 1234 5678", "090 1234 5678", "+819012345678");
}

TEST_F(PhoneTest, TwoGroups) { ExpectOne("090-12345678", "090-12345678", "+819012345678"); }

TEST_F(PhoneTest, Parentheses) {
  ExpectOne("03(1234)5678", "03(1234)5678", "+81312345678");
  ExpectOne("(03) 1234-5678", "(03) 1234-5678", "+81312345678");
  ExpectOne("(03)1234-5678", "(03)1234-5678", "+81312345678");
  ExpectOne("03-(1234)-5678", "03-(1234)-5678", "+81312345678");
  ExpectOne("(0467) 12-3456", "(0467) 12-3456", "+81467123456");
}

TEST_F(PhoneTest, UnbalancedOuterParenthesisIsNotPart) {
  ExpectOne("TEL(03-1234-5678)", "03-1234-5678", "+81312345678");
  ExpectOne("03-1234-5678（代表）", "03-1234-5678", "+81312345678");
}

TEST_F(PhoneTest, DotsOnlyWhenLabelled) {
  ExpectOne("TEL 03.1234.5678", "03.1234.5678", "+81312345678");
  ExpectOne("電話：090.1234.5678", "090.1234.5678", "+819012345678");
  ExpectNone("03.1234.5678");
}

TEST_F(PhoneTest, ContiguousUnlabelledIsMedium) {
  ExpectOne("0312345678", "0312345678", "+81312345678", kMedium);
  ExpectOne("call 09012345678 now", "09012345678", "+819012345678", kMedium);
}

TEST_F(PhoneTest, ContiguousLabelledIsHigh) {
  ExpectOne("TEL:0312345678", "0312345678", "+81312345678");
  ExpectOne("携帯番号 09012345678", "09012345678", "+819012345678");
}

TEST_F(PhoneTest, JapaneseLabelsAndText) {
  ExpectOne("電話番号：03-1234-5678", "03-1234-5678", "+81312345678");
  ExpectOne("携帯：090-1234-5678", "090-1234-5678", "+819012345678");
  ExpectOne("お電話は03-1234-5678までお願いします。", "03-1234-5678", "+81312345678");
  ExpectOne("連絡先 045-123-4567", "045-123-4567", "+81451234567");
  ExpectOne("℡03-1234-5678", "03-1234-5678", "+81312345678");
}

TEST_F(PhoneTest, LabelsMakeContiguousHigh) {
  ExpectOne("℡0312345678", "0312345678", "+81312345678", kHigh);
  ExpectOne("☎ 0312345678", "0312345678", "+81312345678", kHigh);
  ExpectOne("スマホ：09012345678", "09012345678", "+819012345678", kHigh);
  ExpectOne("Tel No. 09012345678", "09012345678", "+819012345678", kHigh);
  ExpectOne("mobile number 09012345678", "09012345678", "+819012345678", kHigh);
}

TEST(PhoneLabelsTest, HeadersClassifyAsPhone) {
  EXPECT_EQ(ClassifyHeader("携帯電話番号"), LabelKind::kPhone);
  EXPECT_EQ(ClassifyHeader("tel_no"), LabelKind::kPhone);
  EXPECT_EQ(ClassifyHeader("Mobile Number"), LabelKind::kPhone);
  EXPECT_EQ(ClassifyHeader("ケータイ"), LabelKind::kPhone);
  EXPECT_EQ(ClassifyHeader("FAX番号"), LabelKind::kPhone);
  EXPECT_EQ(ClassifyHeader("参照番号"), LabelKind::kReference);
}

TEST_F(PhoneTest, EnglishLabels) {
  ExpectOne("Phone: (03) 1234-5678", "(03) 1234-5678", "+81312345678");
  ExpectOne("FAX 03-1234-5679", "03-1234-5679", "+81312345679");
  ExpectOne("Mobile 090 1234 5678", "090 1234 5678", "+819012345678");
}

TEST_F(PhoneTest, PhoneWordGluedBefore) {
  ExpectOne("TEL03-1234-5678", "03-1234-5678", "+81312345678");
  ExpectOne("fax0312345678", "0312345678", "+81312345678", kHigh);
}

TEST_F(PhoneTest, FullWidthIsFolded) {
  ExpectOne("０３－１２３４－５６７８", "03-1234-5678", "+81312345678");
  ExpectOne("ＴＥＬ：０９０ー１２３４ー５６７８", "090-1234-5678", "+819012345678");
  ExpectOne("（０３）１２３４－５６７８", "(03)1234-5678", "+81312345678");
  ExpectOne("０３１２３４５６７８", "0312345678", "+81312345678", kMedium);
  ExpectOne("＋８１　９０－１２３４－５６７８", "+81 90-1234-5678", "+819012345678");
}

TEST_F(PhoneTest, JapaneseInternationalForms) {
  ExpectOne("+81 3-1234-5678", "+81 3-1234-5678", "+81312345678");
  ExpectOne("+81-90-1234-5678", "+81-90-1234-5678", "+819012345678");
  ExpectOne("+81(0)3-1234-5678", "+81(0)3-1234-5678", "+81312345678");
  ExpectOne("+81 (0)3 1234 5678", "+81 (0)3 1234 5678", "+81312345678");
  ExpectOne("+81312345678", "+81312345678", "+81312345678");
  ExpectOne("(+81) 3-1234-5678", "(+81) 3-1234-5678", "+81312345678");
  ExpectOne("TEL+81-3-1234-5678", "+81-3-1234-5678", "+81312345678");
}

TEST_F(PhoneTest, OtherCountries) {
  ExpectOne("+1 415 555 0132", "+1 415 555 0132", "+14155550132");
  ExpectOne("+44 20 7946 0958", "+44 20 7946 0958", "+442079460958");
  ExpectOne("+44 (0)20 7946 0958", "+44 (0)20 7946 0958", "+442079460958");
  ExpectOne("+86 10 1234 5678", "+86 10 1234 5678", "+861012345678");
}

TEST_F(PhoneTest, SeveralNumbers) {
  Expect("03-1234-5678 090-1234-5678",
         {{"03-1234-5678", "+81312345678", kHigh}, {"090-1234-5678", "+819012345678", kHigh}});
  Expect("TEL:03-1234-5678/FAX:03-1234-5679",
         {{"03-1234-5678", "+81312345678", kHigh}, {"03-1234-5679", "+81312345679", kHigh}});
  Expect("0312345678 0312345679",
         {{"0312345678", "+81312345678", kMedium}, {"0312345679", "+81312345679", kMedium}});
}

TEST_F(PhoneTest, FollowedByOtherNumbersAfterSpace) {
  ExpectOne("Tel 03-1234-5678 10:00-18:00", "03-1234-5678", "+81312345678");
}

TEST_F(PhoneTest, PostalCodeThenPhone) {
  ExpectOne("〒060-0001 011-234-5678", "011-234-5678", "+81112345678");
  ExpectOne("〒150-0001 東京都渋谷区 TEL 03-1234-5678", "03-1234-5678", "+81312345678");
}

TEST_F(PhoneTest, RejectsDates) {
  ExpectNone("2024-01-15");
  ExpectNone("2024/01/15");
  ExpectNone("20240115");
  ExpectNone("2024-01-15 10:30:00");
  ExpectNone("2024年01月15日");
}

TEST_F(PhoneTest, RejectsTimes) { ExpectNone("10:30:00 09:05 00:00:01"); }

TEST_F(PhoneTest, RejectsPrices) {
  ExpectNone("¥12,800");
  ExpectNone("1,234円");
  ExpectNone("$1,234.56");
  ExpectNone("¥0,312,345,678");
}

TEST_F(PhoneTest, RejectsVersions) {
  ExpectNone("1.2.3");
  ExpectNone("v10.0.19041");
  ExpectNone("0.12.3");
}

TEST_F(PhoneTest, RejectsIpv4) {
  ExpectNone("192.168.0.1");
  ExpectNone("10.0.0.1");
  ExpectNone("TEL 10.0.0.1");
}

TEST_F(PhoneTest, RejectsUuids) {
  ExpectNone("550e8400-e29b-41d4-a716-446655440000");
  ExpectNone("01234567-0312-3456-7890-0123456789ab");
  ExpectNone("03123456-7890-0312-3456-789012345678");
}

TEST_F(PhoneTest, RejectsNegativeLabelled) {
  ExpectNone("注文番号：0312345678");
  ExpectNone("伝票番号 0312345678");
  ExpectNone("tracking 09012345678");
  ExpectNone("order no. 03-1234-5678");
}

// Reference numbers are phone-shaped often enough (ten digits, one in ten
// starting with 0) to be read as nothing but themselves.
TEST_F(PhoneTest, RejectsReferenceNumbers) {
  ExpectNone("参照番号：0312345678");
  ExpectNone("Reference No. 0312345678");
  ExpectNone("confirmation number 090-1234-5678");
  EXPECT_TRUE(RunDetector(*detector_, "0312345678", LabelKind::kReference).empty());
  ExpectOne("参照番号：A-123 TEL 03-1234-5678", "03-1234-5678", "+81312345678");
}

TEST_F(PhoneTest, RejectsGluedToLetters) {
  ExpectNone("ABC0312345678");
  ExpectNone("0312345678ABC");
  ExpectNone("#0312345678");
  ExpectNone("ID-0312345678");
  ExpectNone("0312345678-A");
  ExpectNone("user_0312345678");
  ExpectNone("0312345678@example.com");
}

TEST_F(PhoneTest, RejectsLongerDigitRuns) {
  ExpectNone("4901234567894");
  ExpectNone("0901234567894");
  ExpectNone("4111111111111111");
  ExpectNone("0312345678901234");
  ExpectNone("0312 3456 7890 1234");
}

TEST_F(PhoneTest, RejectsLongerChains) {
  ExpectNone("03-1234-5678-9");
  ExpectNone("1-03-1234-5678");
  ExpectNone("0312345678.5");
  ExpectNone("1.0312345678");
}

TEST_F(PhoneTest, RejectsPostalCodes) {
  ExpectNone("150-0001");
  ExpectNone("〒060-0001");
  ExpectNone("1500001");
}

TEST_F(PhoneTest, RejectsInvalidNumbers) {
  ExpectNone("090-0000-0000");
  ExpectNone("00-1234-5678");
  ExpectNone("0012345678");
  ExpectNone("06012345678");
  ExpectNone("03-1234-567");
  ExpectNone("+1 234");
  ExpectNone("+1 000 000 0000");
  ExpectNone("0103525701");  // 010 is the international call prefix, not an area code
}

TEST_F(PhoneTest, RejectsPagerAndM2m) { ExpectNone("020-1234-5678"); }

TEST_F(PhoneTest, RejectsBadParentheses) {
  ExpectNone("03-1234)5678");
  ExpectNone("03(1234-5678");
  ExpectNone("(03 1234) 5678");
}

TEST_F(PhoneTest, RejectsMixedSeparators) { ExpectNone("03-1234 5678"); }

TEST(PhoneE164Test, ARememberedNumberGetsTheSameAnswer) {
  for (int i = 0; i < 2; ++i) {  // the second round is answered from the memo
    EXPECT_EQ(PhoneE164("0312345679"), "+81312345679");
    EXPECT_EQ(PhoneE164("0075758971"), std::nullopt);
    EXPECT_EQ(PhoneE164("+14155550133"), "+14155550133");
  }
}

TEST(PhoneE164Test, ValidatesWithLibphonenumber) {
  EXPECT_EQ(PhoneE164("0312345678"), "+81312345678");
  EXPECT_EQ(PhoneE164("+14155550132"), "+14155550132");
  EXPECT_EQ(PhoneE164("09000000000"), std::nullopt);
  EXPECT_EQ(PhoneE164("02012345678"), std::nullopt);
  EXPECT_EQ(PhoneE164("0103525701"), std::nullopt);
  EXPECT_EQ(PhoneE164("+810312345678"), "+81312345678");
  EXPECT_EQ(PhoneE164("+819012345678"), "+819012345678");
  EXPECT_EQ(PhoneE164(""), std::nullopt);
  EXPECT_EQ(PhoneE164("abc"), std::nullopt);
}

// PhoneE164 remembers rejected Japanese numbers by length and first six
// digits; that is sound only while libphonenumber decides on fewer leading
// digits. Numbers that differ after the fourth national digit must agree.
TEST(PhoneE164Test, JapaneseValidityFollowsLeadingDigits) {
  for (int prefix = 1000; prefix <= 9999; prefix += 7) {
    for (const char* tail : {"00000", "999999"}) {
      const std::string head = "0" + std::to_string(prefix);
      const std::string a = head + tail;
      std::string b = a;
      for (size_t i = 5; i < b.size(); ++i) b[i] = static_cast<char>('0' + (i * 7 + prefix) % 10);
      EXPECT_EQ(PhoneE164(a).has_value(), PhoneE164(b).has_value()) << a << " " << b;
    }
  }
}

TEST(PhoneNormalizeTest, WholeCell) {
  EXPECT_EQ(NormalizePhone("03-1234-5678"), "+81312345678");
  EXPECT_EQ(NormalizePhone(" 090 1234 5678 \r\n"), "+819012345678");
  EXPECT_EQ(NormalizePhone("03.1234.5678"), "+81312345678");
  EXPECT_EQ(NormalizePhone("(03) 1234-5678"), "+81312345678");
  EXPECT_EQ(NormalizePhone("0312345678"), "+81312345678");
  EXPECT_EQ(NormalizePhone("+81 3-1234-5678"), "+81312345678");
  EXPECT_EQ(NormalizePhone("+44 20 7946 0958"), "+442079460958");
}

TEST(PhoneNormalizeTest, RejectsNonPhones) {
  EXPECT_EQ(NormalizePhone(""), std::nullopt);
  EXPECT_EQ(NormalizePhone("abc"), std::nullopt);
  EXPECT_EQ(NormalizePhone("2024-01-15"), std::nullopt);
  EXPECT_EQ(NormalizePhone("0312345"), std::nullopt);
  EXPECT_EQ(NormalizePhone("TEL 03-1234-5678"), std::nullopt);
  EXPECT_EQ(NormalizePhone("03-1234-5678 090-1234-5678"), std::nullopt);
  EXPECT_EQ(NormalizePhone("03-1234-5678 ext"), std::nullopt);
  EXPECT_EQ(NormalizePhone("090-0000-0000"), std::nullopt);
}

}  // namespace
}  // namespace mamori
