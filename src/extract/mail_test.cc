#include "extract/mail.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "engine/encoding.h"
#include "extract/recording_sink_test_util.h"

namespace mamori {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// tests/fixtures/mail/<name>, made by tests/fixtures/make_mail.py.
std::string Fixture(const std::string& name) {
  const std::filesystem::path dir =
      std::filesystem::path(MAMORI_SOURCE_DIR) / "tests/fixtures/mail";
  std::ifstream in(dir / name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

RecordingSink Extract(std::string_view bytes, const Limits& limits = Limits{}) {
  RecordingSink sink(limits);
  (void)ExtractMail(bytes, sink);
  return sink;
}

std::vector<std::string> MemberNames(const RecordingSink& sink) {
  std::vector<std::string> names;
  for (const auto& m : sink.members) names.push_back(m.name);
  return names;
}

// A multipart/mixed mail with one text body and the given raw parts.
std::string Mixed(const std::string& parts) {
  return "From: a@example.jp\r\nTo: b@example.jp\r\nSubject: test\r\nMIME-Version: 1.0\r\n"
         "Content-Type: multipart/mixed; boundary=\"B\"\r\n\r\n"
         "--B\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nbody text\r\n" +
         parts + "--B--\r\n";
}

TEST(MailTest, Iso2022JpBodyAndSubjectAreUtf8) {
  const RecordingSink sink = Extract(Fixture("iso2022jp_plain.eml"));
  EXPECT_EQ(sink.status, ObjectStatus::kOk) << sink.reason;
  ASSERT_EQ(sink.texts.size(), 2u);
  EXPECT_EQ(sink.texts[0].text, "Subject: カード変更のお願い");
  // The engine's decoder folds the full-width colon and parentheses.
  EXPECT_THAT(sink.texts[1].text, HasSubstr("カード番号:4532 0151 1283 0366"));
  EXPECT_THAT(sink.texts[1].text, HasSubstr("携帯(090-3344-7120)"));
  EXPECT_TRUE(sink.members.empty());
}

TEST(MailTest, AddressHeadersAreNotScanned) {
  const std::string all = Extract(Fixture("iso2022jp_plain.eml")).AllText();
  EXPECT_THAT(all, Not(HasSubstr("example")));
  EXPECT_THAT(all, Not(HasSubstr("Hanako")));
  EXPECT_THAT(all, Not(HasSubstr("2025")));  // nor the Date
}

TEST(MailTest, HtmlAlternativeIsReducedToText) {
  const RecordingSink sink = Extract(Fixture("html_alternative.eml"));
  ASSERT_EQ(sink.texts.size(), 3u);
  EXPECT_THAT(sink.texts[1].text, HasSubstr("HTML メール"));
  const std::string& html = sink.texts[2].text;
  EXPECT_THAT(html, HasSubstr("カード番号\n3540 1123 4567 8902\n"));
  EXPECT_THAT(html, HasSubstr("電話番号\n03-1234-5678\n"));
  EXPECT_THAT(html, HasSubstr("Tom & Jerry <shop> あい"));
  EXPECT_THAT(html, Not(HasSubstr("4111")));   // <script>
  EXPECT_THAT(html, Not(HasSubstr("color")));  // <style>
  EXPECT_THAT(html, Not(HasSubstr("<t")));
}

TEST(MailTest, AlternativesSayingTheSameCountOnce) {
  const std::string mail =
      "From: a@example.jp\r\nSubject: s\r\nMIME-Version: 1.0\r\n"
      "Content-Type: multipart/alternative; boundary=A\r\n\r\n"
      "--A\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
      "カード番号 4532 0151 1283 0366\r\nTEL 03-1234-5678\r\n"
      "--A\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
      "<p>カード番号 4532 0151 1283 0366<br>TEL 03-1234-5678</p>\r\n--A--\r\n";
  const RecordingSink sink = Extract(mail);
  ASSERT_EQ(sink.texts.size(), 2u);  // the subject and one body
  EXPECT_THAT(sink.texts[1].text, HasSubstr("4532 0151 1283 0366"));
}

TEST(MailTest, CsvAttachmentIsAMemberWithItsBytes) {
  const RecordingSink sink = Extract(Fixture("csv_attachment.eml"));
  ASSERT_EQ(sink.members.size(), 1u);
  EXPECT_EQ(sink.members[0].name, "顧客一覧.csv");  // RFC 2231 filename
  // CP932 bytes as sent, for the engine to detect: "氏名,電話番号,..."
  EXPECT_THAT(sink.members[0].bytes, StartsWith("\x8E\x81\x96\xBC,"));
  EXPECT_THAT(sink.members[0].bytes, HasSubstr("080-1111-2222"));
  EXPECT_THAT(sink.AllText(), HasSubstr("一覧を添付します。"));
}

TEST(MailTest, ZipAttachmentIsAMember) {
  const RecordingSink sink = Extract(Fixture("zip_attachment.eml"));
  ASSERT_EQ(sink.members.size(), 1u);
  EXPECT_EQ(sink.members[0].name, "customers.zip");
  EXPECT_THAT(sink.members[0].bytes, StartsWith("PK\x03\x04"));
}

TEST(MailTest, EncodedSubjectKeepsLabelAndValue) {
  const RecordingSink sink = Extract(Fixture("subject_label.eml"));
  ASSERT_FALSE(sink.texts.empty());
  EXPECT_EQ(sink.texts[0].text, "Subject: 電話番号:090-1234-5678 の件");
}

TEST(MailTest, RawCp932SubjectUsesFallbackCharset) {
  const std::string mail =
      "From: a@example.jp\r\nSubject: \x93\x64\x98\x62\x94\xD4\x8D\x86\r\n\r\nx\r\n";
  EXPECT_EQ(Extract(mail).texts[0].text, "Subject: 電話番号");
}

TEST(MailTest, AttachedMessageIsAMemberThatExtractsAgain) {
  const RecordingSink sink = Extract(Fixture("forwarded.eml"));
  ASSERT_EQ(sink.members.size(), 1u);
  EXPECT_EQ(sink.members[0].name, "part-2.eml");
  EXPECT_THAT(sink.AllText(), Not(HasSubstr("4917")));
  const RecordingSink inner = Extract(sink.members[0].bytes);
  EXPECT_THAT(inner.AllText(), HasSubstr("カード番号:4917 6123 4567 8904"));
  EXPECT_THAT(inner.AllText(), HasSubstr("Subject: 転送元"));
}

TEST(MailTest, UndeclaredCp932BodyIsDetected) {
  const std::string mail =
      "From: a@example.jp\r\nSubject: s\r\nContent-Type: text/plain\r\n\r\n"
      "\x93\x64\x98\x62\x94\xD4\x8D\x86\x81\x46 03-1234-5678\r\n";
  EXPECT_THAT(Extract(mail).AllText(), HasSubstr("電話番号: 03-1234-5678"));
}

// A plain body goes to the engine in its own bytes (so findings point into
// the file); stray bytes in a UTF-8 body do not stop the rest being read.
TEST(MailTest, StrayBytesDoNotHideTheBody) {
  const std::string mail =
      "From: a@example.jp\r\nSubject: s\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
      "一覧を添付します。\r\nx\xFF\xFF\xFF\xF8y \xED\xA0\x80 \xC0\xAF TEL 03-1234-5678\r\n";
  const RecordingSink sink = Extract(mail);
  const std::string text = sink.AllText();
  EXPECT_THAT(text, HasSubstr("一覧を添付します。"));
  EXPECT_THAT(text, HasSubstr("TEL 03-1234-5678"));
  ASSERT_FALSE(sink.texts.empty());
  EXPECT_EQ(sink.texts.back().offset, mail.find("一覧"));
}

TEST(MailTest, QuotedPrintableShiftJisBody) {
  const std::string mail =
      "From: a@example.jp\r\nSubject: s\r\nContent-Type: text/plain; charset=Shift_JIS\r\n"
      "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
      "=93=64=98=62=94=D4=8D=86 090-=\r\n1111-2222\r\n";
  EXPECT_THAT(Extract(mail).AllText(), HasSubstr("電話番号 090-1111-2222"));
}

TEST(MailTest, UnknownCharsetFallsBackToDetection) {
  const std::string mail =
      "From: a@example.jp\r\nSubject: s\r\nContent-Type: text/plain; charset=x-no-such\r\n\r\n"
      "TEL 03-1234-5678\r\n";
  EXPECT_THAT(Extract(mail).AllText(), HasSubstr("TEL 03-1234-5678"));
}

TEST(MailTest, FilenamesAreSafeAndUnique) {
  const std::string part =
      "--B\r\nContent-Type: application/octet-stream\r\n"
      "Content-Disposition: attachment; filename=\"../../etc/passwd\"\r\n\r\nroot\r\n";
  const std::string unnamed = "--B\r\nContent-Type: image/png\r\n\r\nPNG\r\n";
  const RecordingSink sink = Extract(Mixed(part + part + unnamed));
  EXPECT_THAT(MemberNames(sink), ElementsAre("passwd", "part-3-passwd", "part-4.bin"));
}

TEST(MailTest, NamelessPartsGetAnExtensionFromTheirType) {
  const std::string csv =
      "--B\r\nContent-Type: text/csv\r\n"
      "Content-Disposition: attachment\r\n\r\nname,tel\r\n";
  const std::string rfc822 = "--B\r\nContent-Type: message/rfc822\r\n\r\nSubject: in\r\n\r\nx\r\n";
  EXPECT_THAT(MemberNames(Extract(Mixed(csv + rfc822))), ElementsAre("part-2.csv", "part-3.eml"));
}

TEST(MailTest, NamedTextPartIsAnAttachment) {
  const std::string part =
      "--B\r\nContent-Type: text/plain; charset=utf-8\r\n"
      "Content-Disposition: inline; filename=notes.txt\r\n\r\nTEL 03-1234-5678\r\n";
  const RecordingSink sink = Extract(Mixed(part));
  EXPECT_THAT(MemberNames(sink), ElementsAre("notes.txt"));
  EXPECT_THAT(sink.AllText(), Not(HasSubstr("03-1234")));
}

TEST(MailTest, SmimeEnvelopedIsEncrypted) {
  const std::string mail =
      "From: a@example.jp\r\nSubject: s\r\nMIME-Version: 1.0\r\n"
      "Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\r\n"
      "Content-Disposition: attachment; filename=smime.p7m\r\n"
      "Content-Transfer-Encoding: base64\r\n\r\nMIAGCSqGSIb3DQEHA6CAMIACAQAxggFYMIIBVAIBADA8\r\n";
  const RecordingSink sink = Extract(mail);
  ASSERT_EQ(sink.member_statuses.size(), 1u);
  EXPECT_EQ(sink.member_statuses[0].name, "smime.p7m");
  EXPECT_EQ(sink.member_statuses[0].status, ObjectStatus::kEncrypted);
  EXPECT_TRUE(sink.member_statuses[0].encrypted);
  EXPECT_TRUE(sink.members.empty());
  EXPECT_EQ(sink.texts.size(), 1u);  // the subject still counts
}

TEST(MailTest, SmimeOpaqueSignedIsUnsupported) {
  const std::string mail =
      "From: a@example.jp\r\nSubject: s\r\nMIME-Version: 1.0\r\n"
      "Content-Type: application/pkcs7-mime; smime-type=signed-data; name=smime.p7m\r\n"
      "Content-Transfer-Encoding: base64\r\n\r\nMIAGCSqGSIb3DQEHAqCAMIACAQExDzAN\r\n";
  const RecordingSink sink = Extract(mail);
  ASSERT_EQ(sink.member_statuses.size(), 1u);
  EXPECT_EQ(sink.member_statuses[0].status, ObjectStatus::kUnsupported);
  EXPECT_FALSE(sink.member_statuses[0].encrypted);
}

TEST(MailTest, PgpMimeIsEncrypted) {
  const std::string mail =
      "From: a@example.jp\r\nSubject: s\r\nMIME-Version: 1.0\r\n"
      "Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; "
      "boundary=E\r\n\r\n"
      "--E\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n"
      "--E\r\nContent-Type: application/octet-stream\r\n\r\n"
      "-----BEGIN PGP MESSAGE-----\r\nhQEMA\r\n-----END PGP MESSAGE-----\r\n--E--\r\n";
  const RecordingSink sink = Extract(mail);
  ASSERT_EQ(sink.member_statuses.size(), 1u);
  EXPECT_EQ(sink.member_statuses[0].status, ObjectStatus::kEncrypted);
  EXPECT_TRUE(sink.member_statuses[0].encrypted);
  EXPECT_TRUE(sink.members.empty());
}

TEST(MailTest, InlinePgpMarksTheMailEncrypted) {
  const std::string mail =
      "From: a@example.jp\r\nSubject: s\r\n\r\nsee below\r\n"
      "-----BEGIN PGP MESSAGE-----\r\n\r\nhQEMA\r\n-----END PGP MESSAGE-----\r\n";
  const RecordingSink sink = Extract(mail);
  EXPECT_EQ(sink.status, ObjectStatus::kEncrypted);
  EXPECT_THAT(sink.AllText(), HasSubstr("see below"));
}

TEST(MailTest, SignedMailScansContentNotSignature) {
  const std::string mail =
      "From: a@example.jp\r\nSubject: s\r\nMIME-Version: 1.0\r\n"
      "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; boundary=S\r\n\r\n"
      "--S\r\nContent-Type: text/plain\r\n\r\nTEL 03-1234-5678\r\n"
      "--S\r\nContent-Type: application/pkcs7-signature; name=smime.p7s\r\n"
      "Content-Transfer-Encoding: base64\r\n\r\nMIAGCSqGSIb3DQEHAqCA\r\n--S--\r\n";
  const RecordingSink sink = Extract(mail);
  EXPECT_THAT(sink.AllText(), HasSubstr("TEL 03-1234-5678"));
  EXPECT_TRUE(sink.members.empty());
  EXPECT_TRUE(sink.member_statuses.empty());
  EXPECT_EQ(sink.status, ObjectStatus::kOk);
}

TEST(MailTest, TruncatedMailKeepsWhatParsedAndIsIncomplete) {
  const std::string whole = Fixture("csv_attachment.eml");
  const std::string cut = whole.substr(0, whole.find("joGW") + 10);
  const RecordingSink sink = Extract(cut);
  EXPECT_EQ(sink.status, ObjectStatus::kIncomplete);
  EXPECT_THAT(sink.AllText(), HasSubstr("一覧を添付します。"));
}

TEST(MailTest, GarbageNeverCrashes) {
  for (const std::string& bytes :
       {std::string(), std::string("\0\0\0", 3), std::string("no headers"),
        std::string(":\r\n\r\n"), std::string("From \n"),
        std::string("Content-Type: multipart/mixed\r\n\r\n--\r\n")}) {
    RecordingSink sink;
    (void)ExtractMail(bytes, sink);
  }
}

TEST(MailTest, DeepNestingStops) {
  std::string mail = "From: a@example.jp\r\nSubject: s\r\n";
  std::string tail;
  for (int i = 0; i < 300; ++i) {
    const std::string b = "b" + std::to_string(i);
    mail += "Content-Type: multipart/mixed; boundary=" + b + "\r\n\r\n--" + b + "\r\n";
    tail = "--" + b + "--\r\n" + tail;
  }
  mail += "Content-Type: text/plain\r\n\r\ndeep\r\n" + tail;
  const RecordingSink sink = Extract(mail);
  EXPECT_EQ(sink.status, ObjectStatus::kIncomplete);
}

TEST(MailTest, AttachmentOverMemberLimitIsIncomplete) {
  Limits limits;
  limits.max_member_bytes = 16;
  const RecordingSink sink = Extract(Fixture("csv_attachment.eml"), limits);
  EXPECT_TRUE(sink.members.empty());
  ASSERT_EQ(sink.member_statuses.size(), 1u);
  EXPECT_EQ(sink.member_statuses[0].name, "顧客一覧.csv");
  EXPECT_EQ(sink.member_statuses[0].status, ObjectStatus::kIncomplete);
  EXPECT_THAT(sink.member_statuses[0].reason, HasSubstr("too large"));
}

TEST(MailTest, BodyOverTotalLimitIsIncomplete) {
  Limits limits;
  limits.max_total_bytes = 10;
  const RecordingSink sink = Extract(Fixture("iso2022jp_plain.eml"), limits);
  EXPECT_EQ(sink.status, ObjectStatus::kIncomplete);
  ASSERT_EQ(sink.texts.size(), 1u);  // the subject only
}

TEST(MailTest, ExpiredBudgetStops) {
  Limits limits;
  limits.max_seconds = 0;
  RecordingSink sink(limits);
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  (void)ExtractMail(Fixture("csv_attachment.eml"), sink);
  EXPECT_EQ(sink.status, ObjectStatus::kIncomplete);
  EXPECT_TRUE(sink.members.empty());
}

TEST(MailMboxTest, EachMessageIsAMember) {
  RecordingSink sink;
  ASSERT_TRUE(ExtractMbox(Fixture("three.mbox"), sink).ok());
  ASSERT_THAT(MemberNames(sink), ElementsAre("message-1", "message-2", "message-3"));
  for (const auto& m : sink.members) EXPECT_THAT(m.bytes, StartsWith("From: "));
  EXPECT_THAT(sink.members[1].bytes, HasSubstr(">From the desk"));
  EXPECT_THAT(sink.members[2].bytes, HasSubstr("TEL 03-9876-5432"));
  EXPECT_THAT(Extract(sink.members[2].bytes).AllText(), HasSubstr("TEL 03-9876-5432"));
  EXPECT_TRUE(sink.texts.empty());
}

TEST(MailMboxTest, SplitsOnlyAfterAnEmptyLine) {
  const std::string box =
      "From x Mon Jan  1 00:00:00 2024\nSubject: a\n\nline\nFrom here on\n\n"
      "From y Mon Jan  1 00:00:00 2024\r\nSubject: b\r\n\r\nbody\r\n";
  RecordingSink sink;
  (void)ExtractMbox(box, sink);
  ASSERT_EQ(sink.members.size(), 2u);
  EXPECT_EQ(sink.members[0].bytes, "Subject: a\n\nline\nFrom here on\n\n");
  EXPECT_EQ(sink.members[1].bytes, "Subject: b\r\n\r\nbody\r\n");
}

TEST(MailMboxTest, TextBeforeTheFirstSeparatorIsNotLost) {
  RecordingSink sink;
  (void)ExtractMbox("Subject: stray\n\nTEL 03-1234-5678\n\nFrom x\nSubject: b\n\nb\n", sink);
  EXPECT_THAT(MemberNames(sink), ElementsAre("message-1", "message-2"));
  EXPECT_THAT(sink.members[0].bytes, HasSubstr("TEL 03-1234-5678"));
}

TEST(MailMboxTest, MembersOverLimitAreReported) {
  Limits limits;
  limits.max_members = 1;
  RecordingSink sink(limits);
  (void)ExtractMbox(Fixture("three.mbox"), sink);
  EXPECT_THAT(MemberNames(sink), ElementsAre("message-1"));
  ASSERT_EQ(sink.member_statuses.size(), 2u);
  EXPECT_EQ(sink.member_statuses[1].name, "message-3");
  EXPECT_EQ(sink.member_statuses[1].status, ObjectStatus::kIncomplete);
}

TEST(MailEnvelopeTest, AddressesLowerCasedWithoutNames) {
  const Result<MailEnvelope> env = ReadEnvelope(Fixture("iso2022jp_plain.eml"));
  ASSERT_TRUE(env.ok());
  EXPECT_EQ(env->from, "taro.yamada82@example.co.jp");
  EXPECT_THAT(env->to, ElementsAre("support@shop.example.jp"));
  EXPECT_THAT(env->cc, ElementsAre("hanako.suzuki@example.net", "backup@shop.example.jp"));
}

TEST(MailEnvelopeTest, RawJapaneseDisplayNames) {
  // Raw ISO-2022-JP ("山田" holds ';') and raw CP932 ("ソ" holds '\\').
  const Result<MailEnvelope> env = ReadEnvelope(
      "From: \x1b$B;3ED\x1b(B <Taro@example.co.jp>\r\n"
      "To: \x83\x5C\x83\x74\x83\x67 <soft@example.jp>, x@example.jp\r\nSubject: s\r\n\r\nx\r\n");
  ASSERT_TRUE(env.ok());
  EXPECT_EQ(env->from, "taro@example.co.jp");
  EXPECT_THAT(env->to, ElementsAre("soft@example.jp", "x@example.jp"));
}

TEST(MailEnvelopeTest, RepeatedHeadersAllCount) {
  const Result<MailEnvelope> env =
      ReadEnvelope("From: a@example.jp\r\nCc: b@example.jp\r\nCc: c@example.jp\r\n\r\nx\r\n");
  ASSERT_TRUE(env.ok());
  EXPECT_THAT(env->cc, ElementsAre("b@example.jp", "c@example.jp"));
}

TEST(MailEnvelopeTest, GroupsAreExpanded) {
  const Result<MailEnvelope> env = ReadEnvelope(
      "From: \"Sato\" <Sato@Example.JP>\r\nTo: undisclosed-recipients:;\r\n"
      "Cc: Team: A@x.example, b@y.example;, c@z.example\r\nSubject: s\r\n\r\nx\r\n");
  ASSERT_TRUE(env.ok());
  EXPECT_EQ(env->from, "sato@example.jp");
  EXPECT_TRUE(env->to.empty());
  EXPECT_THAT(env->cc, ElementsAre("a@x.example", "b@y.example", "c@z.example"));
}

TEST(MailHtmlTest, EntitiesAndBreaks) {
  EXPECT_EQ(HtmlToText("a&amp;b &lt;&gt;&quot;&apos;&#65;&#x42;&#X43;&nbsp;d"), "a&b <>\"'ABC d");
  EXPECT_EQ(HtmlToText("<p>one</p><p>two<br>three</p>"), "one\ntwo\nthree");
  EXPECT_EQ(HtmlToText("  lots \n\n of   space  "), "lots of space");
  EXPECT_EQ(HtmlToText("<TABLE><TR><TD>k</TD><TD>v</TD></TR></TABLE>"), "k\nv");
}

TEST(MailHtmlTest, HostileMarkup) {
  EXPECT_EQ(HtmlToText("a < b and c > d"), "a < b and c > d");
  EXPECT_EQ(HtmlToText("x<!-- never closed"), "x");
  EXPECT_EQ(HtmlToText("x<SCRIPT>var a='</p>';</sCrIpT>y"), "xy");
  EXPECT_EQ(HtmlToText("x<script>no end"), "x");
  EXPECT_EQ(HtmlToText("<a href='>'>link</a>"), "link");
  EXPECT_EQ(HtmlToText("&#0;&#xD800;&#99999999999999;&bogus;&"),
            "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD&bogus;&");
  EXPECT_EQ(HtmlToText(""), "");
  EXPECT_EQ(HtmlToText("<"), "<");
}

}  // namespace
}  // namespace mamori
