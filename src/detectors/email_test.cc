#include "detectors/email.h"

#include <gtest/gtest.h>

#include "detectors/detector_test_util.h"
#include "detectors/registry.h"
#include "engine/labels.h"

namespace mamori {
namespace {

class EmailTest : public ::testing::Test {
 protected:
  std::vector<Detection> Run(std::string_view text) { return RunDetector(*detector_, text); }

  // The one detection in `text`: its span in the normalized text, value and confidence.
  void ExpectOne(std::string_view text, std::string_view span, std::string_view value,
                 Confidence confidence = Confidence::kHigh) {
    std::string normalized;
    const auto found = RunDetector(*detector_, text, std::nullopt, &normalized);
    ASSERT_EQ(found.size(), 1u) << text;
    const Detection& d = found[0];
    EXPECT_EQ(d.type, DataType::kEmail);
    EXPECT_EQ(normalized.substr(d.begin, d.end - d.begin), span) << text;
    EXPECT_EQ(d.value, value) << text;
    EXPECT_EQ(d.confidence, confidence) << text;
    EXPECT_TRUE(d.brand.empty());
    EXPECT_FALSE(d.test);
  }

  void ExpectNone(std::string_view text) { EXPECT_TRUE(Run(text).empty()) << text; }

  std::unique_ptr<Detector> detector_ = MakeEmailDetector();
};

TEST_F(EmailTest, ReportsOnlyEmail) {
  const auto types = detector_->Types();
  EXPECT_TRUE(types.test(static_cast<size_t>(DataType::kEmail)));
  EXPECT_EQ(types.count(), 1u);
}

TEST_F(EmailTest, PlainAddress) {
  ExpectOne("contact taro.yamada@example.com today", "taro.yamada@example.com",
            "taro.yamada@example.com");
}

TEST_F(EmailTest, SpanHasExactOffsets) {
  const auto found = Run("x taro@example.jp y");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].begin, 2u);
  EXPECT_EQ(found[0].end, 17u);
}

TEST_F(EmailTest, RfcAtextInLocalPart) {
  ExpectOne("a user+tag@example.com b", "user+tag@example.com", "user+tag@example.com");
  ExpectOne("o'brien@example.ie", "o'brien@example.ie", "o'brien@example.ie");
  ExpectOne("first_last-1%x@example.com", "first_last-1%x@example.com",
            "first_last-1%x@example.com");
}

TEST_F(EmailTest, DomainIsLowerCasedLocalPartKept) {
  ExpectOne("Taro.Yamada@Example.CO.JP", "Taro.Yamada@Example.CO.JP", "Taro.Yamada@example.co.jp");
}

TEST_F(EmailTest, JapaneseMobileConsecutiveDots) {
  ExpectOne("taro..yamada@docomo.ne.jp", "taro..yamada@docomo.ne.jp", "taro..yamada@docomo.ne.jp");
}

TEST_F(EmailTest, JapaneseMobileDotBeforeAt) {
  ExpectOne("携帯：hanako.@ezweb.ne.jp", "hanako.@ezweb.ne.jp", "hanako.@ezweb.ne.jp");
}

TEST_F(EmailTest, JapaneseMobileLeadingDot) {
  ExpectOne("au .abc@ezweb.ne.jp", ".abc@ezweb.ne.jp", ".abc@ezweb.ne.jp");
}

TEST_F(EmailTest, EllipsisBeforeIsNotLocalPart) {
  ExpectOne("see...taro@example.com", "taro@example.com", "taro@example.com");
  ExpectOne("see....taro@example.com", "taro@example.com", "taro@example.com");
  ExpectOne("taro...@docomo.ne.jp", "taro...@docomo.ne.jp", "taro...@docomo.ne.jp");
}

TEST_F(EmailTest, JapaneseTextAround) {
  ExpectOne("メール：taro@example.co.jp。", "taro@example.co.jp", "taro@example.co.jp");
  ExpectOne("連絡先はtaro@example.co.jpまで", "taro@example.co.jp", "taro@example.co.jp");
  ExpectOne("「taro@example.co.jp」", "taro@example.co.jp", "taro@example.co.jp");
}

TEST_F(EmailTest, FullWidthIsFolded) {
  ExpectOne("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "taro@example.jp", "taro@example.jp");
  ExpectOne("メール：ｈａｎａｋｏ．．ｓａｔｏ＠ｄｏｃｏｍｏ．ｎｅ．ｊｐ。",
            "hanako..sato@docomo.ne.jp", "hanako..sato@docomo.ne.jp");
}

TEST_F(EmailTest, TrailingPunctuationIsNotPart) {
  ExpectOne("mail taro@example.com.", "taro@example.com", "taro@example.com");
  ExpectOne("(taro@example.com)", "taro@example.com", "taro@example.com");
  ExpectOne("taro@example.com, next", "taro@example.com", "taro@example.com");
  ExpectOne("taro@example.com...", "taro@example.com", "taro@example.com");
  ExpectOne("<taro@example.com>", "taro@example.com", "taro@example.com");
}

TEST_F(EmailTest, QuotesAroundAreNotPart) {
  ExpectOne("email = 'taro@example.com'", "taro@example.com", "taro@example.com");
  ExpectOne("{\"email\":\"taro@example.com\"}", "taro@example.com", "taro@example.com");
}

TEST_F(EmailTest, QueryStringParameter) {
  ExpectOne("https://example.com/form?email=taro@example.com&x=1", "taro@example.com",
            "taro@example.com");
}

TEST_F(EmailTest, MailtoAndLabelBeforeColon) {
  ExpectOne("<a href=\"mailto:taro@example.com\">", "taro@example.com", "taro@example.com");
  ExpectOne("Email:taro@example.com", "taro@example.com", "taro@example.com");
  ExpectOne("From:taro@example.com", "taro@example.com", "taro@example.com");
}

TEST_F(EmailTest, SeveralAddresses) {
  const auto found = Run("to: a@example.com; cc: b.c@example.org, d@example.net");
  EXPECT_EQ(ValuesOf(found, DataType::kEmail),
            (std::vector<std::string>{"a@example.com", "b.c@example.org", "d@example.net"}));
}

TEST_F(EmailTest, PunycodeTld) {
  ExpectOne("taro@example.xn--wgbh1c", "taro@example.xn--wgbh1c", "taro@example.xn--wgbh1c");
}

TEST_F(EmailTest, HyphenatedDomainLabel) {
  ExpectOne("taro@my-shop.example.co.jp", "taro@my-shop.example.co.jp",
            "taro@my-shop.example.co.jp");
}

TEST_F(EmailTest, RoleAddressIsMedium) {
  ExpectOne("info@example.co.jp", "info@example.co.jp", "info@example.co.jp", Confidence::kMedium);
  ExpectOne("Support@example.com", "Support@example.com", "Support@example.com",
            Confidence::kMedium);
  ExpectOne("sales+jp@example.com", "sales+jp@example.com", "sales+jp@example.com",
            Confidence::kMedium);
}

TEST_F(EmailTest, MachineAddressIsLow) {
  ExpectOne("noreply@example.com", "noreply@example.com", "noreply@example.com", Confidence::kLow);
  ExpectOne("no-reply@example.com", "no-reply@example.com", "no-reply@example.com",
            Confidence::kLow);
  ExpectOne("Author: git@example.com", "git@example.com", "git@example.com", Confidence::kLow);
}

TEST_F(EmailTest, ExampleDomainsStayHigh) {
  ExpectOne("user@example.com", "user@example.com", "user@example.com", Confidence::kHigh);
}

TEST_F(EmailTest, NegativeLabelDoesNotSuppress) {
  ExpectOne("注文番号 12345 taro@example.com", "taro@example.com", "taro@example.com");
}

TEST_F(EmailTest, RejectsNoTld) {
  ExpectNone("user@localhost");
  ExpectNone("a@b");
  ExpectNone("a@b.c");
  ExpectNone("taro@example.123");
}

TEST_F(EmailTest, RejectsBadLabels) {
  ExpectNone("taro@-example.com");
  ExpectNone("taro@example-.com");
  ExpectNone("taro@.example.com");
  ExpectNone("taro@example..com");
}

TEST_F(EmailTest, RejectsUrlUserinfo) {
  ExpectNone("https://user:pass@host.example.com/path");
  ExpectNone("postgres://app:s3cret@db.example.com:5432/main");
  ExpectNone("https://taro@example.com/repo.git");
}

TEST_F(EmailTest, RejectsBareCredential) { ExpectNone("proxy admin:hunter2@proxy.example.com"); }

TEST_F(EmailTest, RejectsSshRemote) {
  ExpectNone("git clone git@github.com:org/repo.git");
  ExpectNone("scp file deploy@web.example.com:/var/www");
}

TEST_F(EmailTest, ColonAfterAddressInProse) {
  ExpectOne("write to taro@example.com: thanks", "taro@example.com", "taro@example.com");
}

TEST_F(EmailTest, RejectsMentions) {
  ExpectNone("thanks @taro and @hanako.sato");
  ExpectNone("cc @example.com");
  ExpectNone("@example.com");
  ExpectNone("@");
  ExpectNone("a@");
}

TEST_F(EmailTest, RejectsPackageSpecs) {
  ExpectNone("npm install foo@1.2.3");
  ExpectNone("\"@types/node@18.11.9\"");
  ExpectNone("lodash@latest");
  ExpectNone("image@sha256:abcdef");
}

TEST_F(EmailTest, RejectsImageAssets) {
  ExpectNone("logo@2x.png");
  ExpectNone("icon@3x.webp");
  ExpectNone("config@prod.json");
}

TEST_F(EmailTest, RejectsGluedTokens) { ExpectNone("a@b@example.com x@example.com_old"); }

TEST_F(EmailTest, RejectsOverlongLocalPart) {
  ExpectNone(std::string(65, 'a') + "@example.com");
  ExpectOne(std::string(64, 'a') + "@example.com", std::string(64, 'a') + "@example.com",
            std::string(64, 'a') + "@example.com");
}

TEST_F(EmailTest, RejectsQuotedLocalPart) { ExpectNone("\"john doe\"@example.com"); }

TEST(EmailLabelsTest, HeadersClassifyAsEmail) {
  EXPECT_EQ(ClassifyHeader("email_address"), LabelKind::kEmail);
  EXPECT_EQ(ClassifyHeader("E-mail Address"), LabelKind::kEmail);
  EXPECT_EQ(ClassifyHeader("メアド"), LabelKind::kEmail);
  EXPECT_EQ(ClassifyHeader("お客様メールアドレス"), LabelKind::kEmail);
  EXPECT_EQ(ClassifyHeader("連絡先メールアドレス"), LabelKind::kEmail);
}

TEST(EmailDomainTest, Validates) {
  EXPECT_TRUE(IsEmailDomain("example.co.jp"));
  EXPECT_TRUE(IsEmailDomain("EXAMPLE.COM"));
  EXPECT_FALSE(IsEmailDomain("localhost"));
  EXPECT_FALSE(IsEmailDomain("example.c"));
  EXPECT_FALSE(IsEmailDomain("example.c0m"));
  EXPECT_FALSE(IsEmailDomain("1.2.3"));
  EXPECT_FALSE(IsEmailDomain("2x.png"));
  EXPECT_FALSE(IsEmailDomain(std::string(64, 'a') + ".com"));
  EXPECT_TRUE(IsEmailDomain(std::string(63, 'a') + ".com"));
  EXPECT_FALSE(IsEmailDomain(""));
  EXPECT_FALSE(IsEmailDomain("example.com."));
}

TEST(EmailNormalizeTest, WholeCell) {
  EXPECT_EQ(NormalizeEmail("taro@Example.COM"), "taro@example.com");
  EXPECT_EQ(NormalizeEmail("  taro..yamada@docomo.ne.jp \r\n"), "taro..yamada@docomo.ne.jp");
  EXPECT_EQ(NormalizeEmail("hanako.@ezweb.ne.jp"), "hanako.@ezweb.ne.jp");
  EXPECT_EQ(NormalizeEmail("MAILTO:a/b=c@example.org"), "a/b=c@example.org");
}

TEST(EmailNormalizeTest, RejectsNonAddresses) {
  EXPECT_EQ(NormalizeEmail(""), std::nullopt);
  EXPECT_EQ(NormalizeEmail("taro"), std::nullopt);
  EXPECT_EQ(NormalizeEmail("user@localhost"), std::nullopt);
  EXPECT_EQ(NormalizeEmail("@example.com"), std::nullopt);
  EXPECT_EQ(NormalizeEmail("a@b@example.com"), std::nullopt);
  EXPECT_EQ(NormalizeEmail("taro yamada@example.com"), std::nullopt);
  EXPECT_EQ(NormalizeEmail("taro@example.com x"), std::nullopt);
  EXPECT_EQ(NormalizeEmail("foo@1.2.3"), std::nullopt);
  EXPECT_EQ(NormalizeEmail("...@example.com"), std::nullopt);
}

}  // namespace
}  // namespace mamori
